//! The view layer: from the validated meeting to what documents print.
//!
//! [`meeting::meeting_view`] turns a [`crate::model::valid::ValidMeeting`] into the
//! [`MeetingView`] that is `meeting.json` and the data of every template; [`followup`] builds
//! the follow-up report and [`record`] the yearly record from it. All wording that is not
//! the meeting's own text (dates in words, "(cont.)", "Day 2", status labels, how a person and
//! a record are written) is made here, through [`words`], so the PDF, HTML, Markdown and Word
//! outputs print the same strings and a language is one module to translate.

pub mod followup;
pub mod jsonld;
pub mod locale;
pub mod meeting;
pub mod record;
pub mod revision;
pub mod words;

pub use meeting::*;
