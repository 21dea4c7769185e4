//! The identifier report the CLI and the npm package print.

use super::check::check_identifier;
use crate::diagnostic::{Diagnostics, Path};
use crate::model::family::DeploymentMethod;
use serde::Serialize;

/// The identifier report the CLI and the npm package print:
/// `{"provider", "model", "cross_region_prefix", "diagnostics"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IdentifierReport {
    /// The LiteLLM provider the AI gateway uses.
    pub provider: String,
    /// The model (without cross-region prefix; see [`Identifier::model`](super::Identifier::model)).
    pub model: String,
    /// The cross-region prefix, or `null`.
    pub cross_region_prefix: Option<String>,
    /// Everything found.
    pub diagnostics: Diagnostics,
}

/// Parse and check `text` for `method` (inferred from the provider when
/// `None`), as one report. Paths are relative to the identifier (root).
pub fn identifier_report(text: &str, method: Option<DeploymentMethod>) -> IdentifierReport {
    let mut diagnostics = Diagnostics::new();
    let id = check_identifier(text, method, None, &Path::root(), &mut diagnostics);
    IdentifierReport {
        provider: id.provider().as_str().to_owned(),
        model: id.model(),
        cross_region_prefix: id.cross_region_prefix(),
        diagnostics,
    }
}
