//! The reverse check: does an identifier that already carries a prefix (or
//! none) work when the AI gateway calls it from a Region? It asks the
//! identifier grammar and the profile table, which is why it lives here.

use super::derive::{derive, DeriveError, Prefer};
use super::findings::{eol_diagnostic, report_derive_error, third_party, unconfirmed};
use super::on_demand::on_demand;
use super::table::{Confidence, ProfileTable};
use crate::diagnostic::{nearest_names, Diagnostic, Diagnostics, Path};
use crate::model::family::DeploymentMethod;
use crate::model::identifier::{
    identifier_report, model_id_problem, BedrockModel, BedrockTarget, CrossRegionPrefix,
    Identifier, IdentifierReport, ModelId, PrefixPart, Provider,
};
use crate::model::region::check_region;

/// The reverse check: does the Bedrock model of an identifier work when
/// the AI gateway calls it from `region`? Diagnostics at `path` (the
/// identifier). `region` must already be a checked Region code.
pub fn check_identifier_region(
    table: &ProfileTable,
    region: &str,
    model: &BedrockModel,
    path: &Path,
    diagnostics: &mut Diagnostics,
) {
    match &model.target {
        BedrockTarget::Arn(arn) => {
            if arn.region != region {
                diagnostics.push(
                    Diagnostic::info(
                        "bedrock.arn_region_differs",
                        path.clone(),
                        format!(
                            "the ARN pins Region {:?}, which LiteLLM uses instead of {region:?}",
                            arn.region
                        ),
                    )
                    .with("arn_region", arn.region.as_str())
                    .with("region", region),
                );
            }
            if arn.resource_type == "inference-profile" {
                if let BedrockTarget::Id {
                    prefix: Some(PrefixPart::Known(prefix)),
                    model: id,
                    ..
                } = parse_profile_id(&arn.resource_id)
                {
                    check_prefixed(table, &arn.region, prefix, &id, path, diagnostics);
                }
            }
        }
        BedrockTarget::Id {
            prefix: Some(PrefixPart::Known(prefix)),
            model: id,
            ..
        } => check_prefixed(table, region, *prefix, id, path, diagnostics),
        BedrockTarget::Id {
            prefix: Some(PrefixPart::Unknown(_)),
            ..
        } => {}
        BedrockTarget::Id {
            prefix: None,
            model: id,
            ..
        } => {
            if model_id_problem(id.as_str()).is_some() {
                return;
            }
            let base = id.base();
            match derive(table, region, base, Prefer::Regional) {
                Ok(derivation) => {
                    if let Some(d) = eol_diagnostic(table, base, path) {
                        diagnostics.push(d);
                    }
                    if let Some(profile) = derivation.profile {
                        let known = on_demand(base, region);
                        if known == Some(true) {
                            diagnostics.push(
                                Diagnostic::info(
                                    "bedrock.prefix_alternative",
                                    path.clone(),
                                    format!("AWS documents in-Region use of {base} in {region}; bedrock/{} would also work", profile.profile_id),
                                )
                                .with("prefix", profile.prefix.as_str())
                                .with("profile_id", profile.profile_id.as_str()),
                            );
                            return;
                        }
                        let required = known == Some(false);
                        let message = format!(
                            "{base} is called without a cross-region prefix; from {region} use bedrock/{}{}",
                            profile.profile_id,
                            if required { " (AWS documents that this model needs an inference profile)" } else { " (the bare ID works only where the model is offered in-Region)" }
                        );
                        let d = if required {
                            Diagnostic::error("bedrock.profile_required", path.clone(), message)
                        } else {
                            Diagnostic::warning("bedrock.prefix_recommended", path.clone(), message)
                        };
                        diagnostics.push(
                            d.with("region", region)
                                .with("suggestion", format!("bedrock/{}", profile.profile_id)),
                        );
                    }
                }
                Err(error) => {
                    report_derive_error(&error, table, region, base, path, diagnostics, false);
                }
            }
        }
    }
}

fn parse_profile_id(text: &str) -> BedrockTarget {
    match Identifier::parse(&format!("bedrock/{text}")).bedrock() {
        Some(model) => model.target.clone(),
        None => BedrockTarget::Id {
            prefix: None,
            model: ModelId::new(text),
            context_suffix: None,
        },
    }
}

fn check_prefixed(
    table: &ProfileTable,
    region: &str,
    prefix: CrossRegionPrefix,
    id: &ModelId,
    path: &Path,
    diagnostics: &mut Diagnostics,
) {
    let base = id.base();
    let profile_id = format!("{prefix}.{base}");
    if table.model(base).is_none() {
        if let Some(why) = table.unconfirmed(&profile_id) {
            diagnostics.push(unconfirmed(&profile_id, why, None, path));
            return;
        }
        let error = DeriveError::UnknownModel {
            table_date: table.date().to_owned(),
            suggestions: nearest_names(base, table.model_ids()),
        };
        report_derive_error(&error, table, region, base, path, diagnostics, false);
        return;
    }
    if let Some(d) = eol_diagnostic(table, base, path) {
        diagnostics.push(d);
    }
    let suggestion = derive(table, region, base, Prefer::Regional)
        .ok()
        .map(|d| d.identifier());
    let Some(profile) = table.profile(prefix, base) else {
        if let Some(why) = table.unconfirmed(&profile_id) {
            diagnostics.push(unconfirmed(&profile_id, why, suggestion, path));
            return;
        }
        let existing: Vec<String> = table
            .profiles(base)
            .iter()
            .map(|p| p.profile_id.clone())
            .collect();
        let hint = match &suggestion {
            Some(s) => format!("; from {region} use {s}"),
            None => String::new(),
        };
        diagnostics.push(
            Diagnostic::error(
                "bedrock.profile_not_found",
                path.clone(),
                format!(
                    "{base} has no {prefix}. inference profile in the table dated {}{}{hint}",
                    table.date(),
                    if existing.is_empty() {
                        String::new()
                    } else {
                        format!(" (it has: {})", existing.join(", "))
                    }
                ),
            )
            .with("profile_id", profile_id.as_str())
            .with("existing", existing)
            .with("suggestion", suggestion),
        );
        return;
    };
    if !profile.callable_from(region) {
        let hint = match &suggestion {
            Some(s) => format!("; from {region} use {s}"),
            None => String::new(),
        };
        diagnostics.push(
            Diagnostic::error(
                "bedrock.region_not_source",
                path.clone(),
                format!(
                    "{} cannot be called from {region}; its source Regions are {}{hint}",
                    profile.profile_id,
                    profile.source_regions.join(", ")
                ),
            )
            .with("profile_id", profile.profile_id.as_str())
            .with("region", region)
            .with("source_regions", profile.source_regions.clone())
            .with("suggestion", suggestion),
        );
    } else if profile.confidence == Some(Confidence::ThirdParty) {
        diagnostics.push(third_party(profile, path));
    }
}

/// Whether an identifier's provider is Bedrock (a convenience for callers
/// deciding whether to run the Region checks).
pub fn is_bedrock(identifier: &Identifier) -> bool {
    identifier.provider() == &Provider::Bedrock
}

/// [`identifier_report`] plus, for a Bedrock identifier, the reverse check
/// of its cross-region prefix against the AI gateway's Region (`region`
/// diagnostics at path `region`, prefix diagnostics at the root), using
/// `table` (the embedded one: [`default_table`](super::default_table)).
///
/// It lives here, not with the identifier grammar, because it asks the
/// profile table; `duo_selfhosted::identifier` re-exports it.
pub fn identifier_report_for_region(
    text: &str,
    method: Option<DeploymentMethod>,
    region: &str,
    table: &ProfileTable,
) -> IdentifierReport {
    let mut report = identifier_report(text, method);
    let id = Identifier::parse(text);
    let checked = check_region(
        region,
        "AWS_REGION",
        &Path::root().key("region"),
        &mut report.diagnostics,
    );
    if let (Some(region), Some(model)) = (checked, id.bedrock()) {
        check_identifier_region(
            table,
            &region.code,
            model,
            &Path::root(),
            &mut report.diagnostics,
        );
    }
    report
}
