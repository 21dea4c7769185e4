//! Model identifiers (`custom_openai/…`, `bedrock/…`, `azure/…`,
//! `vertex_ai/…`): a typed parse that displays back to exactly the text it
//! came from, and the checks per deployment method.
//!
//! How the text is read follows GitLab's AI gateway (`ModelMetadata.to_params`,
//! `bedrock.md` §8, `duo-domain.md` §2.5): split at the **first** `/`; a
//! non-empty rest makes the part before it the LiteLLM provider and the rest
//! the model (which may itself contain `/`); otherwise the provider is
//! `custom_openai` and the model is the whole identifier. Inside a Bedrock
//! model the grammar is LiteLLM's (route prefixes such as `converse/`, the
//! `<region>/<model>` form, ARNs) and AWS's (model IDs, inference-profile
//! IDs `<prefix>.<model id>`), `bedrock.md` §5 and §6.
//!
//! Codes: `identifier.empty`, `identifier.too_long`, `identifier.whitespace`,
//! `identifier.no_provider`, `identifier.provider_mismatch`,
//! `identifier.bedrock_prefix_required`, `identifier.empty_model`,
//! `identifier.bedrock_model_id_invalid`, `identifier.bedrock_model_name`,
//! `identifier.bedrock_unknown_prefix`,
//! `identifier.bedrock_arn_invalid`, `identifier.bedrock_arn_needs_converse`,
//! `identifier.bedrock_context_suffix`, `identifier.bedrock_region_path`,
//! `identifier.azure_deployment_has_slash`, `identifier.family_mismatch`.

use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::model::family::{DeploymentMethod, Family};
use serde::Serialize;
use std::fmt;

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

    fn from_text(text: &str) -> Self {
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

/// A cross-region inference-profile prefix (`apac` in `apac.anthropic.…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CrossRegionPrefix {
    /// `us`.
    Us,
    /// `eu`.
    Eu,
    /// `apac`.
    Apac,
    /// `jp`.
    Jp,
    /// `au`.
    Au,
    /// `in` (India; new in 2026).
    In,
    /// `ca` (only `ca.amazon.nova-lite-v1:0`).
    Ca,
    /// `us-gov` (partition `aws-us-gov`).
    UsGov,
    /// `global` (all commercial Regions).
    Global,
}

/// The prefixes AWS documents, with their spelling. Source:
/// `bedrock-update-2026-11.md` §1.2 (the nine keys of `prefixes`; checked
/// against the reference by `tests/bedrock_data.rs`).
pub const CROSS_REGION_PREFIXES: &[(&str, CrossRegionPrefix)] = &[
    ("us", CrossRegionPrefix::Us),
    ("eu", CrossRegionPrefix::Eu),
    ("apac", CrossRegionPrefix::Apac),
    ("jp", CrossRegionPrefix::Jp),
    ("au", CrossRegionPrefix::Au),
    ("in", CrossRegionPrefix::In),
    ("ca", CrossRegionPrefix::Ca),
    ("us-gov", CrossRegionPrefix::UsGov),
    ("global", CrossRegionPrefix::Global),
];

impl CrossRegionPrefix {
    /// The prefix as written, without the dot.
    pub fn as_str(self) -> &'static str {
        CROSS_REGION_PREFIXES
            .iter()
            .find(|(_, p)| *p == self)
            .map_or("", |(s, _)| s)
    }

    /// The prefix spelled `text`.
    pub fn from_text(text: &str) -> Option<Self> {
        CROSS_REGION_PREFIXES
            .iter()
            .find(|(s, _)| *s == text)
            .map(|(_, p)| *p)
    }

    /// Whether this is the `global` prefix (the others are geographic).
    pub fn is_global(self) -> bool {
        self == CrossRegionPrefix::Global
    }
}

impl fmt::Display for CrossRegionPrefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CrossRegionPrefix {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Bedrock model-provider namespaces (the first token of a model ID).
/// Source: `bedrock.md` §5.2 and the `provider` values of
/// `bedrock-update-2026-11.md` §2 `models` (checked by a test).
pub const MODEL_NAMESPACES: &[&str] = &[
    "ai21",
    "amazon",
    "anthropic",
    "cohere",
    "deepseek",
    "google",
    "meta",
    "minimax",
    "mistral",
    "moonshot",
    "moonshotai",
    "nvidia",
    "openai",
    "qwen",
    "stability",
    "twelvelabs",
    "writer",
    "xai",
    "zai",
];

/// LiteLLM's route and spec prefixes inside a Bedrock model
/// (`bedrock.md` §6: `get_bedrock_route`, `get_bedrock_model_id`,
/// `strip_bedrock_routing_prefix`, litellm 1.110.2).
pub const BEDROCK_ROUTES: &[&str] = &[
    "converse",
    "invoke",
    "converse_like",
    "claude_platform",
    "agent",
    "agentcore",
    "async_invoke",
    "openai",
    "mantle",
    "chat_completions",
    "llama",
    "deepseek_r1",
    "qwen2",
    "qwen3",
    "stability",
    "moonshot",
    "nova",
    "nova-2",
];

/// LiteLLM's hard-coded Bedrock Regions, the only ones it recognises in the
/// `bedrock/<region>/<model>` form (`bedrock.md` §4, litellm 1.110.2
/// `AmazonBedrockGlobalConfig.get_all_regions`).
pub const LITELLM_PATH_REGIONS: &[&str] = &[
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "us-gov-east-1",
    "us-gov-west-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eu-central-1",
    "eu-central-2",
    "eu-south-1",
    "eu-south-2",
    "eu-north-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ca-central-1",
    "sa-east-1",
];

/// A Bedrock model ID such as `anthropic.claude-3-5-sonnet-20241022-v2:0`,
/// split into its parts. Displays as the exact text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ModelId {
    text: String,
    namespace_end: usize,
    version_start: Option<usize>,
    version_end: usize,
}

impl ModelId {
    /// Split `text` (no validation: see [`model_id_problem`]).
    pub fn new(text: &str) -> Self {
        let namespace_end = text.find('.').unwrap_or(text.len());
        // A throughput suffix (`:18k`, `:51k`) follows the version.
        let mut version_end = text.len();
        if let Some(i) = text.rfind(':') {
            let tail = &text[i + 1..];
            if tail.len() > 1
                && tail.ends_with('k')
                && tail[..tail.len() - 1].bytes().all(|b| b.is_ascii_digit())
                && text[..i].contains(':')
            {
                version_end = i;
            }
        }
        let core = &text[..version_end];
        let version_start = version_start(core, namespace_end);
        ModelId {
            text: text.to_owned(),
            namespace_end,
            version_start,
            version_end,
        }
    }

    /// The whole ID.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The provider namespace (`anthropic`).
    pub fn namespace(&self) -> &str {
        &self.text[..self.namespace_end]
    }

    /// The model name without namespace, version or throughput suffix
    /// (`claude-3-5-sonnet-20241022`).
    pub fn name(&self) -> &str {
        let start = (self.namespace_end + 1).min(self.text.len());
        let end = match self.version_start {
            Some(v) => v.saturating_sub(1).max(start),
            None => self.version_end,
        };
        &self.text[start..end.max(start)]
    }

    /// The version (`v2:0`, `v1`, `1:0`), if the ID has one.
    pub fn version(&self) -> Option<&str> {
        self.version_start.map(|v| &self.text[v..self.version_end])
    }

    /// A provisioned-throughput suffix (`18k` in `…:0:18k`), if any.
    pub fn throughput(&self) -> Option<&str> {
        (self.version_end < self.text.len()).then(|| &self.text[self.version_end + 1..])
    }

    /// The ID without its throughput suffix (the on-demand model ID).
    pub fn base(&self) -> &str {
        &self.text[..self.version_end]
    }
}

/// Where the version of a model ID starts: the last `-` segment when it is
/// `v<digits>` (optionally `:<digits>`) or `<digits>:<digits>`.
fn version_start(core: &str, namespace_end: usize) -> Option<usize> {
    let dash = core.rfind('-')?;
    if dash <= namespace_end {
        return None;
    }
    let segment = &core[dash + 1..];
    let (major, minor) = match segment.split_once(':') {
        Some((a, b)) => (a, Some(b)),
        None => (segment, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ok = match major.strip_prefix('v') {
        Some(n) => digits(n) && minor.map_or(true, digits),
        None => digits(major) && minor.is_some_and(digits),
    };
    ok.then_some(dash + 1)
}

impl fmt::Display for ModelId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The part before the first `.` of a Bedrock inference-profile ID.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PrefixPart {
    /// A prefix AWS documents.
    Known(CrossRegionPrefix),
    /// A token that sits where a prefix would (followed by a known model
    /// namespace) but is no prefix AWS has (`sa.`, `uk.`).
    Unknown(String),
}

impl PrefixPart {
    /// The prefix as written.
    pub fn as_str(&self) -> &str {
        match self {
            PrefixPart::Known(p) => p.as_str(),
            PrefixPart::Unknown(s) => s,
        }
    }
}

/// A Bedrock ARN, split at its `:` fields.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Arn {
    text: String,
    /// `aws`, `aws-us-gov`, `aws-cn`, …
    pub partition: String,
    /// `bedrock` (or `sagemaker`).
    pub service: String,
    /// The source Region the ARN pins.
    pub region: String,
    /// The account (empty for foundation models).
    pub account: String,
    /// The resource type (`inference-profile`, `foundation-model`, …).
    pub resource_type: String,
    /// The resource ID (the text after the first `/`).
    pub resource_id: String,
}

impl Arn {
    /// Split an ARN; `None` when it does not have six `:` fields and a
    /// `type/id` resource.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.splitn(6, ':');
        let arn = parts.next()?;
        if !arn.eq_ignore_ascii_case("arn") {
            return None;
        }
        let partition = parts.next()?;
        let service = parts.next()?;
        let region = parts.next()?;
        let account = parts.next()?;
        let resource = parts.next()?;
        let (resource_type, resource_id) = resource.split_once('/')?;
        Some(Arn {
            text: text.to_owned(),
            partition: partition.to_owned(),
            service: service.to_owned(),
            region: region.to_owned(),
            account: account.to_owned(),
            resource_type: resource_type.to_owned(),
            resource_id: resource_id.to_owned(),
        })
    }

    /// The whole ARN.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Arn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

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
    fn parse(text: &str) -> Self {
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
    /// some identifier; [`check_identifier`] says what is wrong with it.
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

/// The identifier report the CLI and the npm package print:
/// `{"provider", "model", "cross_region_prefix", "diagnostics"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IdentifierReport {
    /// The LiteLLM provider the AI gateway uses.
    pub provider: String,
    /// The model (without cross-region prefix; see [`Identifier::model`]).
    pub model: String,
    /// The cross-region prefix, or `null`.
    pub cross_region_prefix: Option<String>,
    /// Everything found.
    pub diagnostics: Diagnostics,
}

/// Parse and check `text` for `method` (inferred from the provider when
/// `None`), as one report. Paths are relative to the identifier (root).
pub fn identifier_report(text: &str, method: Option<DeploymentMethod>) -> IdentifierReport {
    let mut diagnostics = Diagnostics::new();
    let id = check_identifier(text, method, None, &Path::root(), &mut diagnostics);
    IdentifierReport {
        provider: id.provider().as_str().to_owned(),
        model: id.model(),
        cross_region_prefix: id.cross_region_prefix(),
        diagnostics,
    }
}

/// [`identifier_report`] plus, for a Bedrock identifier, the reverse check
/// of its cross-region prefix against the AI gateway's Region (`region`
/// diagnostics at path `region`, prefix diagnostics at the root), using
/// `table` (the embedded one: [`crate::bedrock::default_table`]).
pub fn identifier_report_for_region(
    text: &str,
    method: Option<DeploymentMethod>,
    region: &str,
    table: &crate::model::bedrock::ProfileTable,
) -> IdentifierReport {
    let mut report = identifier_report(text, method);
    let id = Identifier::parse(text);
    let checked = crate::model::region::check_region(
        region,
        "AWS_REGION",
        &Path::root().key("region"),
        &mut report.diagnostics,
    );
    if let (Some(region), Some(model)) = (checked, id.bedrock()) {
        crate::model::bedrock::check_identifier_region(
            table,
            &region.code,
            model,
            &Path::root(),
            &mut report.diagnostics,
        );
    }
    report
}

/// The Bedrock model namespaces that fit a family (for
/// `identifier.family_mismatch`). Families not listed accept any.
/// Source: the docs models per family, `duo-domain.md` §1.1.
pub const FAMILY_BEDROCK_NAMESPACES: &[(&str, &[&str])] = &[
    ("claude_3", &["anthropic"]),
    ("mistral", &["mistral"]),
    ("mixtral", &["mistral"]),
    ("codestral", &["mistral"]),
    ("llama3", &["meta"]),
    ("codellama", &["meta"]),
    ("gpt", &["openai"]),
    ("qwen", &["qwen"]),
    ("deepseekcoder", &["deepseek"]),
];

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

/// Why `id` does not match AWS's control-plane `BedrockModelId` pattern
/// (`bedrock.md` §5.1: `[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2}`,
/// at most 140 characters), or `None` when it matches. This pattern
/// full-matches every model-ID shape AWS uses, including throughput
/// suffixes; the `/<12 chars>` custom-model form is not accepted here.
pub fn model_id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("it is empty".to_owned());
    }
    if id.len() > 140 {
        return Some(format!(
            "it is {} characters long, AWS allows at most 140",
            id.len()
        ));
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | ':')))
    {
        let why = if c.is_ascii_uppercase() {
            "upper-case letters are never valid"
        } else {
            "only a-z, 0-9, '-', '.' and ':' are valid"
        };
        return Some(format!("unexpected character {c:?} ({why})"));
    }
    let mut colon_parts = id.split(':');
    let dotted = colon_parts.next().unwrap_or_default();
    let colon_parts: Vec<&str> = colon_parts.collect();
    if colon_parts.len() > 2 {
        return Some("more than two ':' segments".to_owned());
    }
    if let Some(bad) = colon_parts
        .iter()
        .find(|s| s.is_empty() || s.len() > 63 || s.contains('.'))
    {
        return Some(format!(
            "the ':' segment {bad:?} must be 1 to 63 characters of a-z, 0-9 and '-'"
        ));
    }
    let segments: Vec<&str> = dotted.split('.').collect();
    if segments.len() < 2 {
        return Some("expected <provider>.<model>, found no '.'".to_owned());
    }
    if segments.len() > 4 {
        return Some("more than three '.' after the provider".to_owned());
    }
    if segments[0].is_empty() || segments[0].len() > 63 {
        return Some("the provider must be 1 to 63 characters".to_owned());
    }
    let first = segments[1];
    if first.len() < 2 || first.len() > 126 {
        return Some(format!(
            "the model name {first:?} must be 2 to 126 characters"
        ));
    }
    if let Some(bad) = segments[2..].iter().find(|s| s.is_empty() || s.len() > 63) {
        return Some(format!(
            "the '.' segment {bad:?} must be 1 to 63 characters"
        ));
    }
    None
}

/// Whether `text` fits AWS's runtime pattern for a provisioned-model or
/// imported-model name, `([0-9a-zA-Z][_-]?)+` (at most 63 characters,
/// `ProvisionedModelName`, `bedrock.md` §5.1), and has no `.` (which would
/// make it a model ID).
pub fn is_provisioned_model_name(text: &str) -> bool {
    let bytes = text.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 63
        && bytes[0].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        && !bytes
            .windows(2)
            .any(|w| !w[0].is_ascii_alphanumeric() && !w[1].is_ascii_alphanumeric())
}

/// Why an ARN does not match the forms AWS's runtime accepts
/// (`bedrock.md` §5.1 and §5.3), or `None`.
pub fn arn_problem(arn: &Arn) -> Option<String> {
    if arn.as_str().starts_with("ARN:") {
        return Some("the \"arn:\" prefix must be lower case".to_owned());
    }
    if !(arn.partition == "aws" || arn.partition.starts_with("aws-")) {
        return Some(format!("unknown partition {:?}", arn.partition));
    }
    if arn.service != "bedrock" {
        return Some(format!("the service is {:?}, not \"bedrock\"", arn.service));
    }
    let region_ok = (1..=20).contains(&arn.region.len())
        && arn
            .region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !region_ok {
        return Some(format!("the Region field {:?} is not a Region", arn.region));
    }
    let account_ok = arn.account.len() == 12 && arn.account.bytes().all(|b| b.is_ascii_digit());
    let short_id = |s: &str| {
        s.len() == 12
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    };
    match arn.resource_type.as_str() {
        "foundation-model" => {
            if !arn.account.is_empty() {
                return Some("a foundation-model ARN has an empty account field".to_owned());
            }
            model_id_problem(&arn.resource_id).map(|p| format!("the model ID {p}"))
        }
        "inference-profile" | "application-inference-profile" => {
            if !account_ok {
                return Some("the account must be 12 digits".to_owned());
            }
            let ok = !arn.resource_id.is_empty()
                && arn
                    .resource_id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'.'));
            (!ok).then(|| {
                format!(
                    "the profile ID {:?} has characters outside [a-zA-Z0-9-:.]",
                    arn.resource_id
                )
            })
        }
        "provisioned-model" | "imported-model" | "custom-model-deployment" => {
            if !account_ok {
                return Some("the account must be 12 digits".to_owned());
            }
            (!short_id(&arn.resource_id)).then(|| {
                format!(
                    "the {} ID must be 12 lower-case letters or digits",
                    arn.resource_type
                )
            })
        }
        "custom-model" => (!account_ok).then(|| "the account must be 12 digits".to_owned()),
        other => Some(format!("unknown resource type {other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_id_parts() {
        let id = ModelId::new("anthropic.claude-3-5-sonnet-20241022-v2:0:18k");
        assert_eq!(id.namespace(), "anthropic");
        assert_eq!(id.name(), "claude-3-5-sonnet-20241022");
        assert_eq!(id.version(), Some("v2:0"));
        assert_eq!(id.throughput(), Some("18k"));
        assert_eq!(id.base(), "anthropic.claude-3-5-sonnet-20241022-v2:0");
        let id = ModelId::new("anthropic.claude-sonnet-4-6");
        assert_eq!((id.name(), id.version()), ("claude-sonnet-4-6", None));
        let id = ModelId::new("openai.gpt-oss-120b-1:0");
        assert_eq!((id.name(), id.version()), ("gpt-oss-120b", Some("1:0")));
    }
}
