//! The words the Bedrock grammar knows besides the prefixes: AWS's model
//! namespaces, LiteLLM's route prefixes and path Regions, and the
//! namespaces each model family expects. Only data.

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
