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
        // "as if a = "x" and b = true, …, because a and b could not be read"
        let (mut fields, mut values) = (Vec::new(), Vec::new());
        let (mut as_if, mut names) = (String::new(), String::new());
        let last = assumed.fields.len().saturating_sub(1);
        for (i, (field, value)) in assumed.fields.iter().enumerate() {
            let separator = match i {
                0 => "",
                _ if i == last => " and ",
                _ => ", ",
            };
            let quote = if value == "true" { "" } else { "\"" };
            as_if.push_str(&format!("{separator}{field} = {quote}{value}{quote}"));
            names.push_str(separator);
            names.push_str(field);
            fields.push((*field).to_owned());
            values.push(value.clone());
        }
        diagnostics.push(
            Diagnostic::info(
                "config.values_assumed",
                Path::root(),
                format!(
                    "the rest of the document is checked as if {as_if}, the values that ask least of it, because {names} could not be read; fix {} and check again",
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
        for d in validate(config).diagnostics {
            let about_stand_in = d.code().starts_with("prerequisite.")
                || match d.path().segments() {
                    [] => true,
                    [PathSegment::Key(k)] if k == "features" => true,
                    [PathSegment::Key(k), ..] => fields.iter().any(|f| f == k),
                    _ => false,
                };
            if !about_stand_in {
                diagnostics.push(d);
            }
        }
    }
    Report::new(diagnostics)
}
