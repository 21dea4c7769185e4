//! The LiteLLM provider an identifier names (`custom_openai`, `bedrock`,
//! `azure`, `vertex_ai`, or any other).

use crate::model::family::DeploymentMethod;
use std::fmt;

/// The LiteLLM provider named by an identifier's prefix.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Provider {
    /// `custom_openai` (vLLM and any OpenAI-compatible server).
    CustomOpenai,
    /// `bedrock`.
    Bedrock,
    /// `azure` (Azure OpenAI).
    Azure,
    /// `vertex_ai`.
    VertexAi,
    /// Any other LiteLLM provider string, passed through by the AI gateway.
    Other(String),
}

impl Provider {
    /// The provider as written in the identifier.
    pub fn as_str(&self) -> &str {
        match self {
            Provider::CustomOpenai => "custom_openai",
            Provider::Bedrock => "bedrock",
            Provider::Azure => "azure",
            Provider::VertexAi => "vertex_ai",
            Provider::Other(s) => s,
        }
    }

    pub(super) fn from_text(text: &str) -> Self {
        match text {
            "custom_openai" => Provider::CustomOpenai,
            "bedrock" => Provider::Bedrock,
            "azure" => Provider::Azure,
            "vertex_ai" => Provider::VertexAi,
            other => Provider::Other(other.to_owned()),
        }
    }

    /// The provider the documentation gives for `method`.
    pub fn for_method(method: DeploymentMethod) -> Self {
        Provider::from_text(method.info().identifier_provider)
    }

    /// The deployment method this provider belongs to, if any.
    pub fn method(&self) -> Option<DeploymentMethod> {
        match self {
            Provider::CustomOpenai => Some(DeploymentMethod::Vllm),
            Provider::Bedrock => Some(DeploymentMethod::Bedrock),
            Provider::Azure => Some(DeploymentMethod::AzureOpenai),
            Provider::VertexAi => Some(DeploymentMethod::VertexAi),
            Provider::Other(_) => None,
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
