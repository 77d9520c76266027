//! The official agenda PDF: `templates/agenda.typ` over the meeting view.

use super::json;
use super::pdf::{self, PdfJob};
use crate::diag::Diagnostic;
use crate::render::view::MeetingView;

/// Renders `agenda.pdf` (PDF/A-2a and PDF/UA-1 when `archival`); `None` with diagnostics when the template fails.
pub fn render(
    engine: &pdf::Engine,
    meeting: &MeetingView,
    timestamp: jiff::Timestamp,
    archival: bool,
) -> (Option<Vec<u8>>, Vec<Diagnostic>) {
    let job = PdfJob {
        main: "/agenda.typ",
        data: json::meeting_json(meeting),
        ident: format!("docket/{}/agenda", meeting.id),
        timestamp,
        archival,
    };
    pdf::render(engine, &job)
}
