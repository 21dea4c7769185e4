//! The checks of an identifier for a deployment method and family:
//! GitLab's (length, the form's required value and platform prefix), then
//! the documentation's, the AI gateway's and AWS's grammar (stricter than
//! GitLab, and the messages say so).

use super::aws::{arn_problem, is_provisioned_model_name, model_id_problem};
use super::bedrock_model::{BedrockModel, BedrockTarget};
use super::parse::{Identifier, ModelPart};
use super::prefix::{PrefixPart, CROSS_REGION_PREFIXES};
use super::provider::Provider;
use super::tables::FAMILY_BEDROCK_NAMESPACES;
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::model::family::{DeploymentMethod, Family};

/// GitLab's limit on the identifier (`validates :identifier, length: { maximum: 255 }`).
pub const MAX_LEN: usize = 255;

/// GitLab's backend message for an identifier over [`MAX_LEN`].
pub const GITLAB_TOO_LONG: &str = "Identifier is too long (maximum is 255 characters)";
/// The model form's message for an identifier over [`MAX_LEN`] (it says
/// "less than" but checks "at most").
pub const FORM_TOO_LONG: &str = "Model identifier must be less than 255 characters.";
/// The model form's message for an empty identifier.
pub const FORM_EMPTY: &str = "Please enter a model identifier.";
/// The model form's message when the Bedrock platform's identifier lacks `bedrock/`.
pub const FORM_BEDROCK_PREFIX: &str = "Model identifier must start with \"bedrock/\"";

/// Check an identifier for a deployment method and family, pushing
/// diagnostics at `path`; returns the parse.
///
/// GitLab's backend checks only the length; the form requires a value and,
/// for the Bedrock platform, the `bedrock/` prefix. The other checks follow
/// the documentation, the AI gateway and AWS's ID grammar, and say so in
/// their messages (they are stricter than GitLab).
pub fn check_identifier(
    text: &str,
    method: Option<DeploymentMethod>,
    family: Option<&Family>,
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Identifier {
    let id = Identifier::parse(text);
    if text.is_empty() {
        diagnostics.push(
            Diagnostic::error(
                "identifier.empty",
                path.clone(),
                "the model identifier is empty; GitLab's form requires one",
            )
            .with("gitlab_message", FORM_EMPTY),
        );
        return id;
    }
    let length = text.chars().count();
    if length > MAX_LEN {
        diagnostics.push(
            Diagnostic::error(
                "identifier.too_long",
                path.clone(),
                format!("the model identifier is {length} characters long; GitLab allows at most {MAX_LEN}"),
            )
            .with("length", length)
            .with("max", MAX_LEN)
            .with("gitlab_message", GITLAB_TOO_LONG)
            .with("gitlab_form_message", FORM_TOO_LONG),
        );
    }
    if text.trim() != text {
        diagnostics.push(
            Diagnostic::warning(
                "identifier.whitespace",
                path.clone(),
                "the model identifier starts or ends with whitespace, which GitLab keeps and the AI gateway sends as part of the model name",
            )
            .with("identifier", text),
        );
    }
    if let Some(provider) = text
        .strip_suffix('/')
        .filter(|p| !p.is_empty() && !p.contains('/'))
    {
        diagnostics.push(
            Diagnostic::error(
                "identifier.empty_model",
                path.clone(),
                format!("the model identifier names the provider {provider:?} but no model after the '/'; the AI gateway would send {text:?} itself as a custom_openai model name"),
            )
            .with("provider", provider),
        );
        return id;
    }
    let method = method.or_else(|| id.provider().method());
    let expected = method.map(Provider::for_method);
    if !id.has_explicit_provider() {
        match method {
            // The platform's own prefix rule reports it, with GitLab's message.
            Some(m) if m.info().form_prefix.is_some() => {}
            Some(m) => {
                let hint = format!("{}/{}", Provider::for_method(m), text);
                let severity_error = m != DeploymentMethod::Vllm;
                let message = format!(
                    "the model identifier has no provider prefix, so the AI gateway uses custom_openai; write {hint:?}"
                );
                let d = if severity_error {
                    Diagnostic::error("identifier.no_provider", path.clone(), message)
                } else {
                    Diagnostic::warning("identifier.no_provider", path.clone(), message)
                };
                diagnostics.push(
                    d.with("expected_provider", Provider::for_method(m).as_str())
                        .with("suggestion", hint),
                );
            }
            None => {}
        }
    }
    let form_prefix = method.and_then(|m| m.info().form_prefix.map(|p| (m, p)));
    if let Some((m, (prefix, form_message))) =
        form_prefix.filter(|(m, _)| id.provider() != &Provider::for_method(*m))
    {
        // The model form's rule for the cloud platforms (Bedrock from 17.9,
        // Vertex AI from 18.11): GitLab's own message, under one code per
        // platform.
        let code = if m == DeploymentMethod::Bedrock {
            "identifier.bedrock_prefix_required"
        } else {
            "identifier.vertex_ai_prefix_required"
        };
        diagnostics.push(
            Diagnostic::error(
                code,
                path.clone(),
                format!(
                    "{} {} model identifier must start with \"{prefix}\"",
                    if m.info().display_name.starts_with(['A', 'E', 'I', 'O', 'U']) {
                        "an"
                    } else {
                        "a"
                    },
                    m.info().display_name
                ),
            )
            .with("gitlab_message", form_message),
        );
    } else if let (Some(m), Some(expected)) = (method, &expected) {
        if id.has_explicit_provider() && id.provider() != expected {
            diagnostics.push(
                Diagnostic::warning(
                    "identifier.provider_mismatch",
                    path.clone(),
                    format!(
                        "the identifier's provider {:?} does not fit the {} deployment method, whose documented prefix is \"{}/\"",
                        id.provider().as_str(),
                        m.info().display_name,
                        expected
                    ),
                )
                .with("provider", id.provider().as_str())
                .with("expected_provider", expected.as_str())
                .with("deployment", m.key()),
            );
        }
    }
    match id.model_part() {
        ModelPart::Bedrock(model) => check_bedrock_model(model, family, path, diagnostics),
        ModelPart::Text(model) => {
            if id.provider() == &Provider::Azure && model.contains('/') {
                diagnostics.push(
                    Diagnostic::warning(
                        "identifier.azure_deployment_has_slash",
                        path.clone(),
                        format!("the Azure OpenAI deployment name {model:?} contains '/', which LiteLLM puts into the request URL path unescaped"),
                    )
                    .with("deployment_name", model.as_str()),
                );
            }
        }
    }
    id
}

fn check_bedrock_model(
    model: &BedrockModel,
    family: Option<&Family>,
    path: &Path,
    diagnostics: &mut Diagnostics,
) {
    if let Some(region) = &model.region_path {
        diagnostics.push(
            Diagnostic::warning(
                "identifier.bedrock_region_path",
                path.clone(),
                format!("LiteLLM reads {region:?} in \"bedrock/{region}/…\" as a Region path that only it understands; set the Region with AWS_REGION instead"),
            )
            .with("region", region.as_str()),
        );
    }
    match &model.target {
        BedrockTarget::Id {
            prefix,
            model: id,
            context_suffix,
        } => {
            if let Some(PrefixPart::Unknown(p)) = prefix {
                let known: Vec<String> = CROSS_REGION_PREFIXES
                    .iter()
                    .map(|(s, _)| (*s).to_owned())
                    .collect();
                diagnostics.push(
                    Diagnostic::error(
                        "identifier.bedrock_unknown_prefix",
                        path.clone(),
                        format!("{p:?} is not a cross-region inference prefix AWS has; known prefixes: {}", known.join(", ")),
                    )
                    .with("prefix", p.as_str())
                    .with("known", known),
                );
            }
            if let Some(suffix) = context_suffix {
                diagnostics.push(
                    Diagnostic::warning(
                        "identifier.bedrock_context_suffix",
                        path.clone(),
                        format!("{suffix:?} is a LiteLLM context-window convention, not part of an AWS model ID"),
                    )
                    .with("suffix", suffix.as_str()),
                );
            }
            if prefix.is_none() && is_provisioned_model_name(id.as_str()) {
                diagnostics.push(
                    Diagnostic::warning(
                        "identifier.bedrock_model_name",
                        path.clone(),
                        format!("{:?} has no '.', so AWS reads it as the name of a provisioned or imported model, not a model ID such as anthropic.claude-sonnet-4-6", id.as_str()),
                    )
                    .with("name", id.as_str()),
                );
            } else if let Some(problem) = model_id_problem(id.as_str()) {
                diagnostics.push(
                    Diagnostic::error(
                        "identifier.bedrock_model_id_invalid",
                        path.clone(),
                        format!("{:?} is not a Bedrock model ID: {problem}", id.as_str()),
                    )
                    .with("model_id", id.as_str())
                    .with("problem", problem),
                );
            }
            check_family_namespace(id.namespace(), family, path, diagnostics);
        }
        BedrockTarget::Arn(arn) => {
            if let Some(problem) = arn_problem(arn) {
                diagnostics.push(
                    Diagnostic::error(
                        "identifier.bedrock_arn_invalid",
                        path.clone(),
                        format!(
                            "{:?} is not a Bedrock ARN AWS accepts: {problem}",
                            arn.as_str()
                        ),
                    )
                    .with("arn", arn.as_str())
                    .with("problem", problem),
                );
            }
            if arn.resource_type == "application-inference-profile"
                && !model.routes.iter().any(|r| r == "converse")
            {
                diagnostics.push(
                    Diagnostic::warning(
                        "identifier.bedrock_arn_needs_converse",
                        path.clone(),
                        "an application inference profile ARN carries no model provider, so LiteLLM needs the Converse route: write \"bedrock/converse/arn:…\"",
                    )
                    .with("arn", arn.as_str()),
                );
            }
            if let Some(base) = model.base_model_id() {
                let ns = base.split('.').next().unwrap_or_default().to_owned();
                check_family_namespace(&ns, family, path, diagnostics);
            }
        }
    }
}

fn check_family_namespace(
    namespace: &str,
    family: Option<&Family>,
    path: &Path,
    diagnostics: &mut Diagnostics,
) {
    let Some(family) = family else { return };
    let Some((_, allowed)) = FAMILY_BEDROCK_NAMESPACES
        .iter()
        .find(|(key, _)| *key == family.key)
    else {
        return;
    };
    if !allowed.contains(&namespace) {
        diagnostics.push(
            Diagnostic::warning(
                "identifier.family_mismatch",
                path.clone(),
                format!(
                    "the Bedrock model's provider {namespace:?} does not fit the model family {:?} ({}), which expects {}",
                    family.key,
                    family.display_name,
                    allowed.join(", ")
                ),
            )
            .with("namespace", namespace)
            .with("family", family.key)
            .with(
                "expected",
                allowed.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>(),
            ),
        );
    }
}
