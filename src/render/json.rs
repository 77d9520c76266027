//! `meeting.json`: the normalised model, pretty-printed with a final newline.

use crate::render::view::MeetingView;

/// The normalised meeting as JSON bytes; field order is fixed by the types, so bytes are stable.
pub fn meeting_json(meeting: &MeetingView) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(meeting).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
