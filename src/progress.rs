//! Progress on a terminal: a bar on stderr with meetings done of total, rate and time left.
//!
//! Shown only when asked for; the binary asks when stderr is a terminal, `CI` is unset and
//! `--quiet` is not given, so logs and pipes never receive control sequences.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar, or nothing.
#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// No progress shown.
    pub fn hidden() -> Self {
        Self { bar: None }
    }

    /// A bar drawn on stderr (call it only when stderr is a terminal).
    pub fn stderr() -> Self {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{prefix:>8} [{bar:30}] {pos}/{len} meetings, {per_sec}, {eta} left  {wide_msg}",
        )
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.set_prefix("building");
        Self { bar: Some(bar) }
    }

    /// Starts counting `total` meetings.
    pub fn start(&self, total: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(total);
            bar.set_position(0);
            bar.reset_eta();
        }
    }

    /// One meeting finished.
    pub fn done(&self, id: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(id.to_owned());
            bar.inc(1);
        }
    }

    /// Clears the bar, leaving the terminal for the report.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
