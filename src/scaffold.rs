//! `docket new` and `docket outcomes init`: the commented files people start from (a
//! meeting.yaml that passes `check`; an outcomes.yaml with one pending entry per desired
//! output), each created exclusively so nothing a person typed is ever replaced.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::diag::{Diagnostic, Rule, Stopped};
use crate::model::{Pos, clock};

/// `docket new`: creates `dir/<slug>/meeting.yaml` (and `inputs/`), dated `today`. Never
/// overwrites: the file is created exclusively, so a second run racing this one cannot
/// replace it. Returns the file made.
pub fn new_meeting(slug: &str, dir: &Path, today: Date) -> Result<PathBuf, Diagnostic> {
    let folder = dir.join(slug);
    let file = folder.join(crate::load::MEETING_FILE);
    if !crate::check::is_slug(slug) {
        return Err(Diagnostic::new(
            Rule::BadId,
            &folder,
            Pos::default(),
            format!("`{slug}` is not a slug"),
        )
        .hint("use lowercase letters, digits and dashes, for example `igf-2025-mag-1`"));
    }
    if std::fs::symlink_metadata(&folder).is_ok() {
        return Err(io(&folder, "this folder already exists".into())
            .hint("pick another slug; docket never overwrites a meeting folder"));
    }
    let text = meeting_yaml(slug, today);
    std::fs::create_dir_all(folder.join("inputs"))
        .and_then(|()| crate::write::create_new(&file, text.as_bytes()))
        .map_err(|e| io(&file, format!("cannot create: {e}")))?;
    Ok(file)
}

/// `docket outcomes init`: writes the rapporteurs' `outcomes.yaml` beside `meeting.yaml`,
/// created exclusively (never over an existing file). Returns the file made.
pub fn outcomes_init(meeting_dir: &Path) -> Result<PathBuf, Stopped> {
    let file = meeting_dir.join(crate::load::OUTCOMES_FILE);
    if std::fs::symlink_metadata(&file).is_ok() {
        return Err(io(
            &file,
            "outcomes.yaml already exists; it was left as it is".into(),
        )
        .hint("edit the file you have; to start again, move it aside first (it holds typed work)")
        .into());
    }
    let mut loaded = crate::load::Loaded::default();
    crate::load::load_file(&meeting_dir.join(crate::load::MEETING_FILE), &mut loaded);
    let Some(meeting) = loaded.meetings.first() else {
        return Err(Stopped {
            diagnostics: loaded.diagnostics,
            sources: loaded.sources,
        });
    };
    let valid = crate::model::valid::validate(&meeting.meeting).map_err(|why| {
        io(&meeting.file, format!("the meeting has errors: {why}"))
            .hint("run `docket check` and fix them, then run `docket outcomes init` again")
    })?;
    let text = outcomes_yaml(&valid);
    crate::write::create_new(&file, text.as_bytes())
        .map_err(|e| io(&file, format!("cannot create: {e}")))?;
    Ok(file)
}

fn io(path: &Path, message: String) -> Diagnostic {
    Diagnostic::new(Rule::Io, path, Pos::default(), message)
}

/// The text of a new meeting.yaml for `slug`, its first day on `date`, in Geneva time.
pub fn meeting_yaml(slug: &str, date: Date) -> String {
    let zone = "Europe/Zurich";
    let tz = clock::parse_zone(zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let (label, _) =
        clock::zone_label(date, &tz).unwrap_or_else(|| ("UTC".into(), "+00:00".into()));
    let utc = |h: i8| {
        clock::zoned(date, jiff::civil::Time::constant(h, 0, 0, 0), &tz)
            .map(|z| z.timestamp().strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default()
    };
    let (start, end) = (utc(9), utc(18));
    format!(
        r#"# yaml-language-server: $schema=../meeting.schema.json
# A meeting definition for docket. `docket check` explains any problem; `docket schema`
# prints every field. Times are local to `time_zone`; the window is UTC, as published.
id: {slug}
title: New meeting
series: IGF {year}
host: IGF Secretariat
venue: United Nations Office at Geneva, Switzerland
time_zone: {zone}
# The label the agenda shows for local time; it must agree with daylight saving.
local_time_label: {label}
window:
  start: {start}
  end: {end}
days:
  - date: {date}
    part: MAG Meeting
    audience: open to observers
    room: Room XXVI | Building E | UN Office at Geneva, Switzerland
    sessions:
      - id: opening
        time: 10:00-10:30
        title: Opening session
        items:
          - Welcome from the Chair
          - Adoption of the agenda
        addresses: [agree-agenda]
      - time: 13:00-15:00
        title: LUNCH BREAK
        kind: break
    # Attach documents under inputs/ and list them here:
    # inputs:
    #   - title: Draft programme
    #     file: inputs/draft-programme.pdf
    desired_outputs:
      - id: agree-agenda
        text: Agree on the agenda.
"#,
        year = date.year()
    )
}

/// The text of a new outcomes.yaml: one pending entry per desired output of every day, with
/// comments naming the day, the desired output's full text and the sessions that address it.
pub fn outcomes_yaml(meeting: &crate::model::valid::ValidMeeting) -> String {
    let locale =
        crate::render::view::locale::Locales::embedded().get_or_english(&meeting.meeting.language);
    let normal = crate::render::view::meeting_view(meeting, locale);
    let mut s = format!(
        "# yaml-language-server: $schema=../outcomes.schema.json\n\
         # Outcomes of {title}, recorded by the rapporteurs.\n\
         # For each desired output: set `status` (achieved, partial, not-achieved, deferred),\n\
         # the `sessions` where it was handled, a `summary`, and any records: `workshops`,\n\
         # `main_sessions`, `facilitators`, `decisions`, `actions`. `docket schema outcomes` lists\n\
         # every field; `docket check --final` says what is still missing.\n\
         meeting: {id}\n\
         outcomes:\n",
        title = normal.title.replace('\n', " "),
        id = normal.id
    );
    for day in &normal.days {
        s += &format!(
            "  # --- Day {} | {} {} | {}\n",
            day.number,
            day.weekday,
            day.date_text,
            day.part_line.replace('\n', " ")
        );
        for o in &day.desired_outputs {
            // Every line of a multi-line text stays inside the comment.
            s += &format!(
                "  # Desired output: {}\n",
                o.text.trim().replace('\n', "\n  #   ")
            );
            for r in &o.addressed_by {
                let time = r
                    .time
                    .as_deref()
                    .map(|t| format!(" ({t})"))
                    .unwrap_or_default();
                s += &format!(
                    "  #   addressed by: {}{time} [{}]\n",
                    r.title.replace('\n', " "),
                    r.key
                );
            }
            // Only sessions with an id can be referred to from outcomes.yaml.
            let sessions: Vec<&str> = o
                .addressed_by
                .iter()
                .map(|r| r.key.as_str())
                .filter(|k| meeting.meeting.session(k).is_some())
                .collect();
            s += &format!(
                "  - outputs: [{}]\n    status: pending\n    sessions: [{}]\n    summary:\n",
                o.id,
                sessions.join(", ")
            );
        }
    }
    s += "# Outcomes that belong to no desired output, under the session that produced them:\n\
          unassigned: []\n";
    s
}
