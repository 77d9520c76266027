//! The official agenda PDF: `templates/agenda.typ` over the normalised meeting.

use super::pdf::{self, PdfJob};
use super::{Renderer, json};
use crate::diag::Diagnostic;
use crate::model::normal::NormalMeeting;

/// Renders `agenda.pdf`; `None` with diagnostics when the template fails.
pub fn render(renderer: &Renderer, meeting: &NormalMeeting) -> (Option<Vec<u8>>, Vec<Diagnostic>) {
    let job = PdfJob {
        main: "/agenda.typ",
        data: json::meeting_json(meeting),
        ident: format!("docket/{}/agenda", meeting.id),
        timestamp: renderer.timestamp(meeting),
    };
    pdf::render(&renderer.engine, &job)
}
