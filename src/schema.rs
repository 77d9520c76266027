//! The published JSON Schemas, generated from the model types so they cannot drift.

use crate::model::Meeting;

/// The JSON Schema of `meeting.yaml`, pretty-printed with a final newline.
pub fn meeting_schema() -> String {
    let schema = schemars::schema_for!(Meeting);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema of `outcomes.yaml`.
pub fn outcomes_schema() -> String {
    let schema = schemars::schema_for!(crate::model::outcomes::Outcomes);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema of a translation file, `translations/<lang>.yaml`.
pub fn translation_schema() -> String {
    let schema = schemars::schema_for!(crate::model::translation::Translation);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema of `docket diff --format json`.
pub fn diff_schema() -> String {
    let schema = schemars::schema_for!(crate::issue::DiffReport);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema of the generated `meeting.json`: a published contract for other systems,
/// versioned by its `format` field ([`crate::render::view::FORMAT_VERSION`]).
pub fn meeting_json_schema() -> String {
    let mut schema = schemars::schema_for!(crate::render::view::MeetingView);
    schema.insert(
        "$id".into(),
        format!(
            "https://docket.invalid/schema/meeting-json/v{}",
            crate::render::view::FORMAT_VERSION
        )
        .into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
