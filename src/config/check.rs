//! The one-step entry points: read a document and check it.

use super::decode::Decoded;
use super::document::Config;
use super::report::Report;
use super::validate::validate;
use crate::diagnostic::{Diagnostic, Path, PathSegment};

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

/// The decoding problems, then every rule. When a header field could not
/// be read, the rest of the document is still checked, with the stand-ins
/// of [`Decoded::partial`] (said in `config.values_assumed`); findings
/// about the stand-ins themselves are left out.
fn check_decoded(decoded: Decoded) -> Report {
    let mut diagnostics = decoded.diagnostics;
    if let Some(config) = &decoded.config {
        diagnostics.extend(validate(config).diagnostics);
    } else if let Some((config, assumed)) = &decoded.partial {
        let fields: Vec<String> = assumed
            .fields
            .iter()
            .map(|(f, _)| (*f).to_owned())
            .collect();
        let values: Vec<String> = assumed.fields.iter().map(|(_, v)| v.clone()).collect();
        let pairs: Vec<String> = assumed
            .fields
            .iter()
            .map(|(f, v)| match v.as_str() {
                "true" | "false" => format!("{f} = {v}"),
                _ => format!("{f} = {v:?}"),
            })
            .collect();
        diagnostics.push(
            Diagnostic::info(
                "config.values_assumed",
                Path::root(),
                format!(
                    "the rest of the document is checked as if {}, the values that ask least of it, because {} could not be read; fix {} and check again",
                    list(&pairs),
                    list(&fields),
                    if fields.len() == 1 { "it" } else { "them" }
                ),
            )
            .with("fields", fields.clone())
            .with("values", values),
        );
        // Left out: findings about a stand-in, the prerequisites (which
        // are about the header: version, offering, tier, add-ons, licence)
        // and the notes on the whole configuration's resolution (at the
        // root or at `features`), which would describe the stand-ins
        // rather than the document.
        let about_stand_in = |d: &Diagnostic| match d.path().segments() {
            _ if d.code().starts_with("prerequisite.") => true,
            [] => true,
            [PathSegment::Key(k)] if k == "features" => true,
            [PathSegment::Key(k), ..] => fields.iter().any(|f| f == k),
            _ => false,
        };
        diagnostics.extend(
            validate(config)
                .diagnostics
                .into_iter()
                .filter(|d| !about_stand_in(d)),
        );
    }
    Report::new(diagnostics)
}

/// "a, b and c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
