//! A starting document for `duo-selfhosted init`: one release, one
//! deployment method, a Local AI Gateway, one model of a family the method
//! documents and the release has, and the features that family serves,
//! commented in TOML (JSON has no comments). It is written so that `check`
//! accepts it with no error for every release the rules cover and every
//! method the release has (`tests/config.rs` checks each combination).

use super::lines::SourceFormat;
use crate::feature;
use crate::model::family::{DeploymentMethod, Family, FAMILIES};
use crate::timeline;
use crate::version::GitLabVersion;

/// The model a starting document declares for a deployment method.
struct Model {
    name: &'static str,
    /// The family keys to try, best first; the first that documents the
    /// method and exists in the release is used.
    families: &'static [&'static str],
    endpoint: Option<&'static str>,
    identifier: &'static str,
    region: Option<&'static str>,
    comment: &'static str,
}

fn model_for(method: DeploymentMethod) -> Model {
    match method {
        DeploymentMethod::Vllm => Model {
            name: "Mistral Small on vLLM",
            families: &["mistral", "general"],
            endpoint: Some("http://10.0.0.11:8000/v1"),
            identifier: "custom_openai/mistralai/Mistral-Small-3.2-24B-Instruct-2506",
            region: None,
            comment: "vLLM serves the OpenAI-compatible API: the endpoint ends with /v1 and the\n# identifier starts with custom_openai/ followed by the model vLLM serves.",
        },
        DeploymentMethod::Bedrock => Model {
            name: "Claude Sonnet 4.5 on Bedrock",
            families: &["claude_3"],
            endpoint: None,
            identifier: "bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
            region: Some("us-east-1"),
            comment: "Amazon Bedrock: no endpoint and no API key (the AI gateway uses its AWS\n# credentials); the cross-region prefix (us.) depends on the model and on\n# the AI gateway's AWS_REGION: `duo-selfhosted bedrock --region R --model M`\n# gives the identifier for yours.",
        },
        DeploymentMethod::AzureOpenai => Model {
            name: "GPT-4o on Azure OpenAI",
            families: &["gpt"],
            endpoint: Some("https://my-resource.openai.azure.com"),
            identifier: "azure/gpt-4o",
            region: None,
            comment: "Azure OpenAI: the endpoint is your resource's, the identifier azure/ followed\n# by your deployment's name; put the resource's key in api_key.",
        },
        DeploymentMethod::VertexAi => Model {
            name: "Gemini 2.5 Pro on Vertex AI",
            families: &["gemini", "general"],
            endpoint: None,
            identifier: "vertex_ai/gemini-2.5-pro",
            region: None,
            comment: "Vertex AI: no endpoint (the AI gateway calls Google Cloud with its own\n# credentials); the identifier starts with vertex_ai/.",
        },
    }
}

/// The family the starting model has in `version`: the first of the
/// model's choices that exists there and documents the method (or, when
/// none documents it, the first that exists).
fn family_for(
    model: &Model,
    method: DeploymentMethod,
    version: &GitLabVersion,
) -> Option<&'static Family> {
    let existing = || {
        model
            .families
            .iter()
            .filter_map(|key| FAMILIES.iter().find(|f| f.key == *key))
            .filter(|f| f.exists_in(version))
    };
    existing()
        .find(|f| f.documents_method(method))
        .or_else(|| existing().next())
}

/// The starting document for `version` and `method`, as TOML with comments
/// or as JSON; `Err` with the reason when the release is not covered or
/// does not have the method.
pub fn starting_document(
    version: &GitLabVersion,
    method: DeploymentMethod,
    format: SourceFormat,
) -> Result<String, String> {
    if !timeline::OLDEST.reached(version) {
        return Err(format!(
            "GitLab {version} is older than the releases these rules cover ({} to {})",
            timeline::OLDEST.version_text(),
            timeline::NEWEST.version_text()
        ));
    }
    if !method.available_in(version) {
        return Err(format!(
            "the deployment method {} needs GitLab {} or later",
            method.key(),
            method.info().since.version_text()
        ));
    }
    let model = model_for(method);
    let family = family_for(&model, method, version).ok_or_else(|| {
        format!(
            "GitLab {version} has no model family for {}",
            method.info().display_name
        )
    })?;
    let beta = family.release_state(version).needs_beta_setting();
    // Code Suggestions and General Chat, and the Chat sub-features that
    // would otherwise follow General Chat (or, from 19.4 online, GitLab's
    // default model), where the family serves them and no beta setting is
    // needed.
    let features: Vec<&'static str> = feature::in_version(version)
        .filter(|f| {
            (matches!(f.key, "code_generations" | "code_completions" | "duo_chat")
                || f.falls_back_to_general_chat(version))
                && f.is_stable(version)
                && f.is_compatible(version, family.key)
        })
        .map(|f| f.key)
        .collect();
    let doc = Starter {
        version: version.to_string(),
        method,
        model,
        family: family.key,
        beta,
        features,
    };
    Ok(match format {
        SourceFormat::Toml => doc.toml(),
        SourceFormat::Json => doc.json(),
    })
}

struct Starter {
    version: String,
    method: DeploymentMethod,
    model: Model,
    family: &'static str,
    beta: bool,
    features: Vec<&'static str>,
}

/// A TOML or JSON string literal (the two agree for the text used here:
/// `"` and `\` escaped).
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

impl Starter {
    fn toml(&self) -> String {
        let m = &self.model;
        let mut out = String::new();
        out.push_str(&format!(
            "# A GitLab Duo Self-Hosted configuration for GitLab {}, written by\n\
             # `duo-selfhosted init`. Check it with `duo-selfhosted check FILE`; change\n\
             # each value to your set-up (`duo-selfhosted explain CODE` says what a\n\
             # finding means). The JSON Schema is schema/config.schema.json.\n\n",
            self.version
        ));
        out.push_str("# Your GitLab release: the rules follow it (write it as a string).\n");
        out.push_str(&format!("gitlab_version = {}\n", quoted(&self.version)));
        out.push_str(
            "# self_managed, dedicated or gitlab_com (Duo Self-Hosted is for Self-Managed).\n",
        );
        out.push_str("offering = \"self_managed\"\n");
        out.push_str("# premium or ultimate.\ntier = \"ultimate\"\n");
        out.push_str("# duo_core, duo_pro, duo_enterprise, duo_agent_platform_self_hosted.\n");
        out.push_str("add_ons = [\"duo_enterprise\"]\n");
        out.push_str(
            "# online or offline (an offline licence cannot use GitLab-managed models).\n",
        );
        out.push_str("license = \"online\"\n");
        out.push_str("# linux_package, self_compiled, helm_chart or docker (for `snippet`).\n");
        out.push_str("installation = \"linux_package\"\n");
        out.push_str("# Admin > GitLab Duo > Change configuration > \"Use beta models and features\n# in GitLab Duo Self-Hosted\"");
        if self.beta {
            out.push_str(&format!(
                " (on: the {} family is a beta family in GitLab {})",
                self.family, self.version
            ));
        }
        out.push_str(&format!(".\nbeta_models_and_features = {}\n\n", self.beta));
        out.push_str("# Admin > GitLab Duo > Change configuration > Local AI Gateway URL. GitLab\n# refuses localhost and loopback; give resolved_addresses when the URL has\n# a host name, so that the DNS-dependent checks can run.\n");
        out.push_str("[ai_gateway]\nurl = \"http://10.0.0.10:5052\"\n\n");
        out.push_str(&format!("# {}\n", m.comment));
        out.push_str("[[self_hosted_models]]\n");
        out.push_str(&format!("name = {}\n", quoted(m.name)));
        out.push_str(&format!("family = {}\n", quoted(self.family)));
        out.push_str(&format!("deployment = {}\n", quoted(self.method.key())));
        if let Some(endpoint) = m.endpoint {
            out.push_str(&format!("endpoint = {}\n", quoted(endpoint)));
        }
        out.push_str(&format!("identifier = {}\n", quoted(m.identifier)));
        if let Some(region) = m.region {
            out.push_str(&format!(
                "aws_region = {}\naws_region_name = {}\n",
                quoted(region),
                quoted(region)
            ));
        }
        out.push_str("\n# Admin > GitLab Duo > Configure features: a provider for each feature\n# (self_hosted with a model name, vendored, disabled); a feature left out\n# has no model and stays on. `duo-selfhosted features` lists them.\n[features]\n");
        for key in &self.features {
            out.push_str(&format!(
                "{key} = {{ provider = \"self_hosted\", model = {} }}\n",
                quoted(m.name)
            ));
        }
        out
    }

    fn json(&self) -> String {
        let m = &self.model;
        let mut record = vec![
            format!("\"name\": {}", quoted(m.name)),
            format!("\"family\": {}", quoted(self.family)),
            format!("\"deployment\": {}", quoted(self.method.key())),
        ];
        if let Some(endpoint) = m.endpoint {
            record.push(format!("\"endpoint\": {}", quoted(endpoint)));
        }
        record.push(format!("\"identifier\": {}", quoted(m.identifier)));
        if let Some(region) = m.region {
            record.push(format!("\"aws_region\": {}", quoted(region)));
            record.push(format!("\"aws_region_name\": {}", quoted(region)));
        }
        let features: Vec<String> = self
            .features
            .iter()
            .map(|key| {
                format!(
                    "    \"{key}\": {{ \"provider\": \"self_hosted\", \"model\": {} }}",
                    quoted(m.name)
                )
            })
            .collect();
        format!(
            "{{\n  \"gitlab_version\": {},\n  \"offering\": \"self_managed\",\n  \"tier\": \"ultimate\",\n  \"add_ons\": [\"duo_enterprise\"],\n  \"license\": \"online\",\n  \"installation\": \"linux_package\",\n  \"beta_models_and_features\": {},\n  \"ai_gateway\": {{ \"url\": \"http://10.0.0.10:5052\" }},\n  \"self_hosted_models\": [\n    {{\n      {}\n    }}\n  ],\n  \"features\": {{{}{}{}}}\n}}\n",
            quoted(&self.version),
            self.beta,
            record.join(",\n      "),
            if features.is_empty() { "" } else { "\n" },
            features.join(",\n"),
            if features.is_empty() { "" } else { "\n  " },
        )
    }
}
