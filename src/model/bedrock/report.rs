//! [`bedrock_identifier`]: the identifier to paste into GitLab for a model
//! called from a Region, with the reasoning as diagnostics.

use super::derive::{derive, Derivation, Prefer};
use super::findings::{eol_diagnostic, report_derive_error, third_party};
use super::table::{default_table, Confidence, ProfileTable};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::model::identifier::{model_id_problem, BedrockTarget, Identifier};
use crate::model::region::check_region;
use serde::Serialize;

/// The report of [`bedrock_identifier`], printed by the CLI's `bedrock`
/// command: `{"identifier", "prefix", "data_date", "diagnostics"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BedrockIdentifierReport {
    /// The full `bedrock/…` identifier, or `null` when none can work.
    pub identifier: Option<String>,
    /// The prefix (`apac`), or `null` for none.
    pub prefix: Option<String>,
    /// The profile table's date.
    pub data_date: String,
    /// The reasoning and every problem found.
    pub diagnostics: Diagnostics,
}

/// The identifier to paste into GitLab for `model` called from `region`,
/// with the reasoning as diagnostics, using the embedded table and
/// [`Prefer::Regional`].
pub fn bedrock_identifier(region: &str, model: &str) -> BedrockIdentifierReport {
    bedrock_identifier_with(default_table(), region, model, Prefer::Regional)
}

/// [`bedrock_identifier`] with an explicit table and preference. Paths:
/// `region` and `model`.
pub fn bedrock_identifier_with(
    table: &ProfileTable,
    region: &str,
    model: &str,
    prefer: Prefer,
) -> BedrockIdentifierReport {
    let mut diagnostics = Diagnostics::new();
    let region_path = Path::root().key("region");
    let model_path = Path::root().key("model");
    let region_ok = check_region(region, "AWS_REGION", &region_path, &mut diagnostics).is_some();
    let base = normalize_model(model, &model_path, &mut diagnostics);
    let mut report = BedrockIdentifierReport {
        identifier: None,
        prefix: None,
        data_date: table.date().to_owned(),
        diagnostics: Diagnostics::new(),
    };
    let (Some(base), true) = (base, region_ok) else {
        report.diagnostics = diagnostics;
        return report;
    };
    match derive(table, region, &base, prefer) {
        Ok(derivation) => {
            explain(
                table,
                region,
                &derivation,
                prefer,
                &model_path,
                &mut diagnostics,
            );
            report.identifier = Some(derivation.identifier());
            report.prefix = derivation.prefix().map(|p| p.as_str().to_owned());
        }
        Err(error) => {
            report_derive_error(
                &error,
                table,
                region,
                &base,
                &model_path,
                &mut diagnostics,
                true,
            );
        }
    }
    report.diagnostics = diagnostics;
    report
}

/// The base model ID in what the admin typed (`bedrock/` and a known prefix
/// removed, with an info each), or `None` with an error.
fn normalize_model(text: &str, path: &Path, diagnostics: &mut Diagnostics) -> Option<String> {
    let trimmed = text.trim();
    let mut rest = trimmed;
    if let Some(stripped) = rest.strip_prefix("bedrock/") {
        diagnostics.push(Diagnostic::info(
            "bedrock.model_had_provider",
            path.clone(),
            "the model was given with \"bedrock/\"; it is read as the model ID after it",
        ));
        rest = stripped;
    }
    let parsed = Identifier::parse(&format!("bedrock/{rest}"));
    // `bedrock/` with nothing after it is not a Bedrock identifier at all.
    let Some(model) = parsed.bedrock() else {
        diagnostics.push(Diagnostic::error(
            "bedrock.model_empty",
            path.clone(),
            "the model is empty; give a base model ID such as anthropic.claude-3-5-sonnet-20241022-v2:0",
        ));
        return None;
    };
    match &model.target {
        BedrockTarget::Id {
            prefix,
            model: id,
            context_suffix: None,
        } if model.routes.is_empty() && model.region_path.is_none() => {
            if let Some(prefix) = prefix {
                diagnostics.push(
                    Diagnostic::info(
                        "bedrock.model_had_prefix",
                        path.clone(),
                        format!("the model was given with the prefix \"{}.\"; the prefix is derived from the Region instead", prefix.as_str()),
                    )
                    .with("prefix", prefix.as_str()),
                );
            }
            if let Some(problem) = model_id_problem(id.as_str()) {
                diagnostics.push(
                    Diagnostic::error(
                        "bedrock.model_id_invalid",
                        path.clone(),
                        format!("{:?} is not a Bedrock model ID: {problem}", id.as_str()),
                    )
                    .with("model_id", id.as_str())
                    .with("problem", problem),
                );
                return None;
            }
            Some(id.base().to_owned())
        }
        _ => {
            diagnostics.push(
                Diagnostic::error(
                    "bedrock.model_not_an_id",
                    path.clone(),
                    format!("{trimmed:?} is not a base model ID such as anthropic.claude-3-5-sonnet-20241022-v2:0 (ARNs and LiteLLM routes pin their own target; nothing to derive)"),
                )
                .with("model", trimmed),
            );
            None
        }
    }
}

fn explain(
    table: &ProfileTable,
    region: &str,
    derivation: &Derivation<'_>,
    prefer: Prefer,
    path: &Path,
    diagnostics: &mut Diagnostics,
) {
    let model = derivation.model.as_str();
    if let Some(d) = eol_diagnostic(table, model, path) {
        diagnostics.push(d);
    }
    match derivation.profile {
        Some(profile) => {
            let why = if profile.prefix.is_global() {
                match prefer {
                    Prefer::Global => "the global profile is preferred".to_owned(),
                    Prefer::Regional => format!("no geographic profile of {model} lists {region} as a source Region, the global profile does"),
                }
            } else {
                format!("{region} is a source Region of the {}. profile of {model}", profile.prefix)
            };
            let destinations = profile.destinations(region);
            let routed = if destinations.is_empty() {
                String::new()
            } else {
                format!("; requests may be routed to {}", destinations.join(", "))
            };
            diagnostics.push(
                Diagnostic::info(
                    "bedrock.prefix_derived",
                    path.clone(),
                    format!("use {}: {why}{routed}", profile.profile_id),
                )
                .with("prefix", profile.prefix.as_str())
                .with("profile_id", profile.profile_id.as_str())
                .with("region", region)
                .with("destinations", destinations)
                .with("confidence", profile.confidence.map(Confidence::as_str)),
            );
            if profile.confidence == Some(Confidence::ThirdParty) {
                diagnostics.push(third_party(profile, path));
            } else if profile.inferred_source_regions.iter().any(|r| r == region) {
                diagnostics.push(
                    Diagnostic::info(
                        "bedrock.source_region_inferred",
                        path.clone(),
                        format!("that {region} may call {} is inferred from sibling models' AWS model cards, not observed", profile.profile_id),
                    )
                    .with("profile_id", profile.profile_id.as_str())
                    .with("region", region),
                );
            }
            for alternative in &derivation.alternatives {
                diagnostics.push(
                    Diagnostic::info(
                        "bedrock.prefix_alternative",
                        path.clone(),
                        format!("bedrock/{} would also work from {region}", alternative.profile_id),
                    )
                    .with("prefix", alternative.prefix.as_str())
                    .with("profile_id", alternative.profile_id.as_str()),
                );
            }
        }
        None if derivation.on_demand_confirmed => diagnostics.push(
            Diagnostic::info(
                "bedrock.prefix_derived",
                path.clone(),
                format!("use the bare model ID {model}: no inference profile of it lists {region}, and AWS documents in-Region use there"),
            )
            .with("prefix", None::<String>)
            .with("profile_id", None::<String>)
            .with("region", region),
        ),
        None => {
            let callable = callable_from(table, model);
            let message = if callable.is_empty() {
                format!("{model} has no cross-region inference profile; the bare model ID works only if the model is offered in {region} itself, which the table does not record")
            } else {
                format!("no inference profile of {model} lists {region} as a source Region, so no prefix (as GitLab's docs say for such Regions); the bare model ID works only if the model is offered in {region} itself, which the table does not record")
            };
            diagnostics.push(
                Diagnostic::warning("bedrock.on_demand_unverified", path.clone(), message)
                    .with("model", model)
                    .with("region", region)
                    .with("profiles", callable),
            );
        }
    }
}

fn callable_from(table: &ProfileTable, model: &str) -> Vec<String> {
    table
        .profiles(model)
        .iter()
        .map(|p| format!("{} ({})", p.profile_id, p.source_regions.join(", ")))
        .collect()
}
