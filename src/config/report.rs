//! The result of checking a configuration, and its GitLab CI Code Quality
//! form.

use super::lines::{SourceFormat, SourceMap};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use serde::Serialize;

/// Every diagnostic of a check; serialises as the CLI's
/// `{"valid", "diagnostics"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// True when no diagnostic is an error.
    pub valid: bool,
    /// All diagnostics, in the order found.
    pub diagnostics: Diagnostics,
}

impl Report {
    /// A report of `diagnostics`.
    pub fn new(diagnostics: Diagnostics) -> Self {
        Report {
            valid: diagnostics.is_valid(),
            diagnostics,
        }
    }

    /// The findings as a GitLab CI Code Quality report (the array of issues
    /// a job publishes with `artifacts:reports:codequality`), pointing at
    /// `file` (the path in the repository), every finding at line 1; the
    /// description carries the dotted path. [`Report::code_quality_in`]
    /// also finds the lines.
    pub fn code_quality(&self, file: &str) -> Vec<CodeQualityIssue> {
        self.issues(file, |_| 1)
    }

    /// [`Report::code_quality`] with each finding at its line in `source`,
    /// the document's text: JSON when it starts with `{`, TOML otherwise
    /// (see [`Report::code_quality_located`]).
    pub fn code_quality_in(&self, file: &str, source: &str) -> Vec<CodeQualityIssue> {
        let format = if source.trim_start().starts_with('{') {
            SourceFormat::Json
        } else {
            SourceFormat::Toml
        };
        self.code_quality_located(file, source, format)
    }

    /// [`Report::code_quality`] with each finding at the line the parser
    /// gives for it in `source`, a document in `format` ([`SourceMap`]).
    pub fn code_quality_located(
        &self,
        file: &str,
        source: &str,
        format: SourceFormat,
    ) -> Vec<CodeQualityIssue> {
        let map = SourceMap::new(source, format);
        self.issues(file, |d| {
            map.diagnostic_span(source, d).map_or(1, |s| s.line)
        })
    }

    fn issues(&self, file: &str, line: impl Fn(&Diagnostic) -> u32) -> Vec<CodeQualityIssue> {
        self.diagnostics
            .iter()
            .map(|d| {
                let description = if d.path().is_root() {
                    d.message().to_owned()
                } else {
                    format!("{}: {}", d.path(), d.message())
                };
                CodeQualityIssue {
                    fingerprint: fingerprint(&[file, d.code(), &d.path().pointer(), d.message()]),
                    check_name: d.code(),
                    severity: match d.severity() {
                        Severity::Error => "major",
                        Severity::Warning => "minor",
                        Severity::Info => "info",
                    },
                    description,
                    location: Location {
                        path: file.to_owned(),
                        lines: Lines { begin: line(d) },
                    },
                }
            })
            .collect()
    }
}

impl std::fmt::Display for Report {
    /// One line per diagnostic, then a summary line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut counts = [0usize; 3];
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
            counts[d.severity() as usize] += 1;
        }
        writeln!(
            f,
            "{}: {} error{}, {} warning{}, {} info",
            if self.valid { "valid" } else { "invalid" },
            counts[0],
            if counts[0] == 1 { "" } else { "s" },
            counts[1],
            if counts[1] == 1 { "" } else { "s" },
            counts[2],
        )
    }
}

/// One Code Quality issue (GitLab's subset of the Code Climate format).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CodeQualityIssue {
    /// The finding's text.
    pub description: String,
    /// The diagnostic code.
    pub check_name: &'static str,
    /// A stable identifier of the finding (64-bit FNV-1a, hex).
    pub fingerprint: String,
    /// `info`, `minor`, `major`, `critical` or `blocker`.
    pub severity: &'static str,
    /// Where it is.
    pub location: Location,
}

/// A Code Quality location.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The file, relative to the repository.
    pub path: String,
    /// The lines.
    pub lines: Lines,
}

/// A Code Quality line range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Lines {
    /// The first line.
    pub begin: u32,
}

fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}
