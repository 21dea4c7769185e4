//! The report the CLI's `model` command and the npm package print.

use super::check::check_model;
use super::context::ModelContext;
use super::ModelRecord;
use crate::decode::parse_json;
use crate::diagnostic::{Diagnostics, Path};
use serde::Serialize;

/// The report the CLI's `model` command prints: `{"valid", "diagnostics"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ModelReport {
    /// No error-severity diagnostic.
    pub valid: bool,
    /// Everything found.
    pub diagnostics: Diagnostics,
}

impl ModelReport {
    /// Decode one record from JSON text and check it.
    pub fn from_json(text: &str, context: &ModelContext) -> Self {
        let mut diagnostics = Diagnostics::new();
        if let Some(value) = parse_json(text, &mut diagnostics) {
            if let Some(record) = ModelRecord::decode(&value, &Path::root(), &mut diagnostics) {
                diagnostics.extend(check_model(&record, context));
            }
        }
        ModelReport {
            valid: diagnostics.is_valid(),
            diagnostics,
        }
    }
}
