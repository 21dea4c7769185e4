//! The one-step entry points: read a document and check it.

use super::decode::Decoded;
use super::document::Config;
use super::report::Report;
use super::validate::validate;

/// Read and check a JSON document in one step: the decoding problems, and,
/// when the document's header could be read, every rule of [`validate`].
pub fn check_json(text: &str) -> Report {
    check_decoded(Config::from_json(text))
}

/// Read and check a TOML document in one step (see [`check_json`]).
#[cfg(feature = "toml")]
pub fn check_toml(text: &str) -> Report {
    check_decoded(Config::from_toml(text))
}

fn check_decoded(decoded: Decoded) -> Report {
    let mut diagnostics = decoded.diagnostics;
    if let Some(config) = &decoded.config {
        diagnostics.extend(validate(config).diagnostics);
    }
    Report::new(diagnostics)
}
