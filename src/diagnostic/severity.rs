//! How serious a diagnostic is.

use serde::Serialize;
use std::fmt;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// GitLab rejects the value, or the configuration cannot work.
    Error,
    /// GitLab accepts it, but it may not do what the admin expects.
    Warning,
    /// Advice; nothing is wrong.
    Info,
}

impl Severity {
    /// The lower-case name used in JSON and text output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
