//! The model part of a `bedrock/…` identifier: LiteLLM's route prefixes
//! and `<region>/<model>` form, then an ARN or a (prefixed) model ID.

use super::arn::Arn;
use super::model_id::ModelId;
use super::prefix::{CrossRegionPrefix, PrefixPart};
use super::tables::{BEDROCK_ROUTES, LITELLM_PATH_REGIONS, MODEL_NAMESPACES};
use std::fmt;

/// What a Bedrock identifier points at.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum BedrockTarget {
    /// A model ID or an inference-profile ID (`<prefix>.<model id>`),
    /// optionally with LiteLLM's context suffix (`[1m]`).
    Id {
        /// The cross-region prefix, if any.
        prefix: Option<PrefixPart>,
        /// The model ID after the prefix.
        model: ModelId,
        /// A LiteLLM context suffix such as `[1m]` (not part of AWS's ID).
        context_suffix: Option<String>,
    },
    /// An ARN (foundation model, inference profile, application profile, …).
    Arn(Arn),
}

/// The model part of a `bedrock/…` identifier.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BedrockModel {
    /// LiteLLM route or spec prefixes (`converse`), in order.
    pub routes: Vec<String>,
    /// The Region of LiteLLM's `<region>/<model>` form, if used.
    pub region_path: Option<String>,
    /// What it points at.
    pub target: BedrockTarget,
}

impl BedrockModel {
    pub(super) fn parse(text: &str) -> Self {
        let mut rest = text;
        let mut routes = Vec::new();
        while let Some((head, tail)) = rest.split_once('/') {
            if BEDROCK_ROUTES.contains(&head) && !tail.is_empty() {
                routes.push(head.to_owned());
                rest = tail;
            } else {
                break;
            }
        }
        let mut region_path = None;
        if let Some((head, tail)) = rest.split_once('/') {
            if LITELLM_PATH_REGIONS.contains(&head) && !tail.is_empty() {
                region_path = Some(head.to_owned());
                rest = tail;
            }
        }
        let target = match Arn::parse(rest) {
            Some(arn) => BedrockTarget::Arn(arn),
            None => parse_id(rest),
        };
        BedrockModel {
            routes,
            region_path,
            target,
        }
    }

    /// The cross-region prefix this model carries (in an ID or in an
    /// inference-profile ARN), if any.
    pub fn prefix(&self) -> Option<PrefixPart> {
        match &self.target {
            BedrockTarget::Id { prefix, .. } => prefix.clone(),
            BedrockTarget::Arn(arn) if arn.resource_type == "inference-profile" => {
                match parse_id(&arn.resource_id) {
                    BedrockTarget::Id { prefix, .. } => prefix,
                    BedrockTarget::Arn(_) => None,
                }
            }
            BedrockTarget::Arn(_) => None,
        }
    }

    /// The base model ID (prefix, throughput and context suffix removed),
    /// when the target names one (IDs, foundation-model and
    /// inference-profile ARNs).
    pub fn base_model_id(&self) -> Option<String> {
        match &self.target {
            BedrockTarget::Id { model, .. } => Some(model.base().to_owned()),
            BedrockTarget::Arn(arn)
                if arn.resource_type == "inference-profile"
                    || arn.resource_type == "foundation-model" =>
            {
                match parse_id(&arn.resource_id) {
                    BedrockTarget::Id { model, .. } => Some(model.base().to_owned()),
                    BedrockTarget::Arn(_) => None,
                }
            }
            BedrockTarget::Arn(_) => None,
        }
    }
}

fn parse_id(text: &str) -> BedrockTarget {
    let (id, context_suffix) = match text.rfind('[') {
        Some(i) if text.ends_with(']') && i > 0 => (&text[..i], Some(text[i..].to_owned())),
        _ => (text, None),
    };
    let mut prefix = None;
    let mut model_text = id;
    if let Some((head, tail)) = id.split_once('.') {
        if let Some(known) = CrossRegionPrefix::from_text(head) {
            prefix = Some(PrefixPart::Known(known));
            model_text = tail;
        } else if looks_like_invented_prefix(head, tail) {
            prefix = Some(PrefixPart::Unknown(head.to_owned()));
            model_text = tail;
        }
    }
    BedrockTarget::Id {
        prefix,
        model: ModelId::new(model_text),
        context_suffix,
    }
}

/// `sa.anthropic.…`: a short lower-case token that is not a model
/// namespace, followed by a known namespace.
fn looks_like_invented_prefix(head: &str, tail: &str) -> bool {
    (2..=8).contains(&head.len())
        && head.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !MODEL_NAMESPACES.contains(&head)
        && tail
            .split_once('.')
            .is_some_and(|(ns, _)| MODEL_NAMESPACES.contains(&ns))
}

impl fmt::Display for BedrockModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for route in &self.routes {
            write!(f, "{route}/")?;
        }
        if let Some(region) = &self.region_path {
            write!(f, "{region}/")?;
        }
        match &self.target {
            BedrockTarget::Id {
                prefix,
                model,
                context_suffix,
            } => {
                if let Some(prefix) = prefix {
                    write!(f, "{}.", prefix.as_str())?;
                }
                write!(f, "{model}")?;
                if let Some(suffix) = context_suffix {
                    f.write_str(suffix)?;
                }
                Ok(())
            }
            BedrockTarget::Arn(arn) => write!(f, "{arn}"),
        }
    }
}
