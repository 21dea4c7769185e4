//! [`Identifier`]: the AI gateway's reading of a model identifier, which
//! displays back to exactly the text it came from.

use super::bedrock_model::BedrockModel;
use super::provider::Provider;
use std::fmt;

/// The model part of an identifier.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ModelPart {
    /// A Bedrock model, parsed.
    Bedrock(BedrockModel),
    /// Any other provider's model, verbatim (a vLLM served model name, an
    /// Azure deployment, a Vertex model).
    Text(String),
}

/// A parsed model identifier. [`Display`](fmt::Display) gives back exactly
/// the text it was parsed from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Identifier {
    provider: Provider,
    explicit: bool,
    model: ModelPart,
}

impl Identifier {
    /// Read `text` as the AI gateway does. Never fails: every string is
    /// some identifier; [`check_identifier`](super::check_identifier) says what is wrong with it.
    pub fn parse(text: &str) -> Self {
        match text.split_once('/') {
            Some((head, rest)) if !rest.is_empty() => {
                let provider = Provider::from_text(head);
                let model = if provider == Provider::Bedrock {
                    ModelPart::Bedrock(BedrockModel::parse(rest))
                } else {
                    ModelPart::Text(rest.to_owned())
                };
                Identifier {
                    provider,
                    explicit: true,
                    model,
                }
            }
            _ => Identifier {
                provider: Provider::CustomOpenai,
                explicit: false,
                model: ModelPart::Text(text.to_owned()),
            },
        }
    }

    /// The LiteLLM provider the AI gateway uses.
    pub fn provider(&self) -> &Provider {
        &self.provider
    }

    /// Whether the provider was written (`false`: the AI gateway's default
    /// `custom_openai` applies because there is no `/`, or nothing after it).
    pub fn has_explicit_provider(&self) -> bool {
        self.explicit
    }

    /// The model part.
    pub fn model_part(&self) -> &ModelPart {
        &self.model
    }

    /// The Bedrock model, for `bedrock/…` identifiers.
    pub fn bedrock(&self) -> Option<&BedrockModel> {
        match &self.model {
            ModelPart::Bedrock(b) => Some(b),
            ModelPart::Text(_) => None,
        }
    }

    /// The model the AI gateway passes to LiteLLM (everything after the
    /// first `/`, or the whole identifier).
    pub fn litellm_model(&self) -> String {
        match &self.model {
            ModelPart::Bedrock(b) => b.to_string(),
            ModelPart::Text(t) => t.clone(),
        }
    }

    /// The model without any cross-region prefix: the base model ID for
    /// Bedrock IDs and profile/foundation-model ARNs, else
    /// [`Identifier::litellm_model`].
    pub fn model(&self) -> String {
        self.bedrock()
            .and_then(BedrockModel::base_model_id)
            .unwrap_or_else(|| self.litellm_model())
    }

    /// The cross-region prefix as written (`apac`), if any.
    pub fn cross_region_prefix(&self) -> Option<String> {
        self.bedrock()
            .and_then(BedrockModel::prefix)
            .map(|p| p.as_str().to_owned())
    }
}

impl fmt::Display for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.explicit {
            write!(f, "{}/", self.provider)?;
        }
        match &self.model {
            ModelPart::Bedrock(b) => write!(f, "{b}"),
            ModelPart::Text(t) => f.write_str(t),
        }
    }
}
