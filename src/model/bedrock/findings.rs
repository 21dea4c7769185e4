//! The diagnostics the report and the reverse check share: end of life,
//! a derivation that failed, third-party and unconfirmed profiles.

use super::derive::DeriveError;
use super::table::{Profile, ProfileTable};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};

pub(super) fn eol_diagnostic(table: &ProfileTable, model: &str, path: &Path) -> Option<Diagnostic> {
    let info = table.model(model)?;
    let eol = info.eol_date.as_deref().or_else(|| {
        table
            .profiles(model)
            .iter()
            .find_map(|p| p.eol_date.as_deref())
    })?;
    let name = info.name.as_deref().unwrap_or(model);
    let d = if eol <= table.date() {
        Diagnostic::warning(
            "bedrock.model_retired",
            path.clone(),
            format!("{name} ({model}) reached its Bedrock end of life on {eol}; AWS rejects requests after that date (table dated {})", table.date()),
        )
    } else {
        Diagnostic::info(
            "bedrock.model_end_of_life_scheduled",
            path.clone(),
            format!("{name} ({model}) reaches its Bedrock end of life on {eol}"),
        )
    };
    Some(
        d.with("model", model)
            .with("eol_date", eol)
            .with("table_date", table.date()),
    )
}

pub(super) fn report_derive_error(
    error: &DeriveError,
    table: &ProfileTable,
    region: &str,
    model: &str,
    path: &Path,
    diagnostics: &mut Diagnostics,
    as_error: bool,
) {
    match error {
        DeriveError::UnknownModel {
            table_date,
            suggestions,
        } => {
            let hint = suggestions
                .first()
                .map(|s| format!("; did you mean {s:?}?"))
                .unwrap_or_default();
            let (code, message) = if as_error {
                (
                    "bedrock.unknown_model",
                    format!("unknown model: {model} is not in the table dated {table_date}{hint}"),
                )
            } else {
                (
                    "bedrock.model_not_in_table",
                    format!("unknown model: {model} is not in the table dated {table_date}, so its cross-region prefix cannot be checked{hint}"),
                )
            };
            let d = if as_error {
                Diagnostic::error(code, path.clone(), message)
            } else {
                Diagnostic::warning(code, path.clone(), message)
            };
            diagnostics.push(
                d.with("model", model)
                    .with("table_date", table_date.as_str())
                    .with("data_date", table.data_date_note())
                    .with("suggestions", suggestions.clone()),
            );
        }
        DeriveError::NoRoute { callable_from } => {
            let listed: Vec<String> = callable_from
                .iter()
                .map(|(id, regions)| format!("{id} ({})", regions.join(", ")))
                .collect();
            diagnostics.push(
                Diagnostic::error(
                    "bedrock.no_route",
                    path.clone(),
                    format!("{model} cannot be called from {region}: it needs an inference profile and none lists {region}; it can be called as {}", listed.join("; ")),
                )
                .with("model", model)
                .with("region", region)
                .with("profiles", listed),
            );
        }
    }
}

/// `bedrock.profile_third_party`: the row comes from LiteLLM only.
pub(super) fn third_party(profile: &Profile, path: &Path) -> Diagnostic {
    Diagnostic::warning(
        "bedrock.profile_third_party",
        path.clone(),
        format!(
            "{} is known only from third-party data (LiteLLM); its source Regions are inferred",
            profile.profile_id
        ),
    )
    .with("profile_id", profile.profile_id.as_str())
}

/// `bedrock.profile_unconfirmed`: a profile ID some source names that the
/// table lists as not confirmed.
pub(super) fn unconfirmed(
    profile_id: &str,
    why: &str,
    suggestion: Option<String>,
    path: &Path,
) -> Diagnostic {
    Diagnostic::warning(
        "bedrock.profile_unconfirmed",
        path.clone(),
        format!("{profile_id} is not a confirmed inference profile: {why}"),
    )
    .with("profile_id", profile_id)
    .with("why", why)
    .with("suggestion", suggestion)
}
