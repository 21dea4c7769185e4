//! The AWS Region variables of a Bedrock record, and the reverse check of
//! its identifier's cross-region prefix against them.

use super::context::ModelContext;
use super::ModelRecord;
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::model::bedrock::{check_identifier_region, default_table, is_bedrock};
use crate::model::family::DeploymentMethod;
use crate::model::identifier::{BedrockTarget, Identifier};
use crate::model::region::check_region_variables;

pub(super) fn check_region_and_prefix(
    record: &ModelRecord,
    method: Option<DeploymentMethod>,
    identifier: Option<&Identifier>,
    context: &ModelContext,
    path: &Path,
    out: &mut Diagnostics,
) {
    let region_path = path.key("aws_region");
    let name_path = path.key("aws_region_name");
    let bedrock = method == Some(DeploymentMethod::Bedrock)
        || (method.is_none() && identifier.is_some_and(is_bedrock));
    if !bedrock {
        for (value, p, variable) in [
            (&record.aws_region, &region_path, "AWS_REGION"),
            (&record.aws_region_name, &name_path, "AWS_REGION_NAME"),
        ] {
            if value.is_some() {
                out.push(
                    Diagnostic::info(
                        "model.region_unused",
                        p.clone(),
                        format!("{variable} matters only for Amazon Bedrock models"),
                    )
                    .with("variable", variable),
                );
            }
        }
        return;
    }
    if record.aws_region.is_none() && record.aws_region_name.is_none() {
        let arn_region = identifier
            .and_then(Identifier::bedrock)
            .and_then(|m| match &m.target {
                BedrockTarget::Arn(arn) => Some(arn.region.clone()),
                BedrockTarget::Id { .. } => None,
            });
        if let Some(region) = arn_region {
            out.push(
                Diagnostic::info(
                    "model.region_from_arn",
                    region_path,
                    format!("no AWS Region given; LiteLLM calls Bedrock in {region:?}, the Region the ARN names"),
                )
                .with("region", region),
            );
            return;
        }
        out.push(Diagnostic::warning(
            "model.region_missing",
            region_path,
            "no AWS Region given for this Bedrock model: the cross-region prefix cannot be checked, and LiteLLM falls back to the AWS SDK's default Region or us-west-2",
        ));
        return;
    }
    let region = check_region_variables(
        record.aws_region.as_deref(),
        record.aws_region_name.as_deref(),
        &region_path,
        &name_path,
        out,
    );
    let (Some(region), Some(model)) = (region, identifier.and_then(Identifier::bedrock)) else {
        return;
    };
    let table = context
        .profiles
        .as_deref()
        .unwrap_or_else(|| default_table());
    check_identifier_region(table, &region.code, model, &path.key("identifier"), out);
}
