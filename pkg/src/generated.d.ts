// Generated from the library's tables by `UPDATE_TYPES=1 cargo test --test
// ts_types` (tests/ts_types.rs): the same tables and field specs the JSON
// Schema (schema/config.schema.json) is generated from. Do not edit: CI
// fails when this file is stale. Re-exported by index.d.ts.

/** A model family key (GitLab's enum key) of any covered release; which families a GitLab version offers is checked by the rules (`model.family_not_in_version`). Table rows: new families come in compatible releases. */
export type Family =
  | 'mistral'
  | 'llama3'
  | 'codegemma'
  | 'codestral'
  | 'codellama'
  | 'deepseekcoder'
  | 'claude_3'
  | 'gpt'
  | 'mixtral'
  | 'general'
  | 'gemini'
  | 'embedding'
  | 'qwen';

/** GitLab's key of a feature of any covered release; which features a GitLab version has is checked by the rules (`feature.not_in_version`). Table rows: new features come in compatible releases. */
export type FeatureKey =
  | 'code_generations'
  | 'code_completions'
  | 'duo_chat'
  | 'duo_chat_explain_code'
  | 'duo_chat_write_tests'
  | 'duo_chat_refactor_code'
  | 'duo_chat_fix_code'
  | 'duo_chat_troubleshoot_job'
  | 'generate_commit_message'
  | 'summarize_new_merge_request'
  | 'duo_chat_explain_vulnerability'
  | 'resolve_vulnerability'
  | 'summarize_review'
  | 'glab_ask_git_command'
  | 'duo_chat_summarize_comments'
  | 'review_merge_request'
  | 'duo_agent_platform'
  | 'duo_agent_platform_agentic_chat'
  | 'sast_vulnerability_fp_detection'
  | 'secret_vulnerability_fp_detection'
  | 'sast_vulnerability_resolution'
  | 'review_merge_request_dap'
  | 'security_review'
  | 'embeddings_code'
  | 'feature_discovery_search'
  | 'resolve_dependency_bump'
  | 'duo_developer';

/** A feature's provider. Closed: a new one comes only in a breaking release. */
export type Provider =
  | 'disabled'
  | 'vendored'
  | 'self_hosted'
  | 'unassigned';

/** GitLab's deployment methods (`vertex_ai` where the GitLab version has it). Closed: a new one comes only in a breaking release. */
export type DeploymentMethod =
  | 'vllm'
  | 'bedrock'
  | 'azure_openai'
  | 'vertex_ai';

/** Where GitLab runs. Closed. */
export type Offering =
  | 'self_managed'
  | 'dedicated'
  | 'gitlab_com';

/** The subscription tier. Closed. */
export type Tier =
  | 'free'
  | 'premium'
  | 'ultimate';

/** A GitLab Duo add-on. Closed. */
export type AddOn =
  | 'duo_core'
  | 'duo_pro'
  | 'duo_enterprise'
  | 'duo_agent_platform_self_hosted';

/** How the licence is activated. Closed. */
export type License =
  | 'online'
  | 'offline';

/** How GitLab is installed: decides where the settings lines of `snippet` go. Closed. */
export type Installation =
  | 'linux_package'
  | 'self_compiled'
  | 'helm_chart'
  | 'docker';

/** A GitLab Duo Self-Hosted configuration, checked by duo-selfhosted. */
export interface ConfigDocument {
  /** The GitLab version (major.minor[.patch]); every rule that changed between releases follows it. Write it as a string: 18.10 as a number reads as 18.1. */
  gitlab_version: string;
  /** Where GitLab runs. Default: self_managed. */
  offering?: Offering;
  /** The subscription tier. */
  tier: Tier;
  /** The GitLab Duo add-ons purchased. Default: none. */
  add_ons?: AddOn[];
  /** Online or offline cloud licence. Default: online. */
  license?: License;
  /** How GitLab is installed; decides where generated settings lines go. Default: linux_package. */
  installation?: Installation;
  /** "Use beta models and features in GitLab Duo Self-Hosted" (accepts the GitLab Testing Agreement). Default: false. */
  beta_models_and_features?: boolean;
  /** Outbound request settings. */
  network?: NetworkSettings;
  /** The self-hosted AI gateway. */
  ai_gateway?: AiGatewaySettings;
  /** The self-hosted Agent Platform service. */
  agent_platform?: AgentPlatformSettings;
  /** The self-hosted model deployments. */
  self_hosted_models?: SelfHostedModel[];
  /** A setting per feature, keyed by GitLab's feature key. A feature left out is unassigned. */
  features?: FeatureSettings;
}

/** The instance's outbound request settings (Admin > Settings > Network > Outbound requests). */
export interface NetworkSettings {
  /** "Allow requests to the local network from webhooks and integrations". Default: false. */
  allow_local_requests_from_web_hooks_and_services?: boolean;
  /** "Block all requests, except those on the allowlist". Default: false. */
  deny_all_requests_except_allowed?: boolean;
  /** The outbound allowlist: one entry per element, or one string as typed in GitLab's text area. */
  outbound_allowlist?: string | string[];
  /** The GitLab server's own IP addresses, if known (GitLab treats them as localhost). */
  gitlab_server_addresses?: string[];
}

/** The Local AI Gateway settings. */
export interface AiGatewaySettings {
  /** The URL as typed in GitLab. */
  url?: string;
  /** What the URL's host resolves to on the GitLab server, in resolver order; absent when unknown, empty when it does not resolve. */
  resolved_addresses?: string[];
  /** "AI Gateway request timeout" in seconds (GitLab 18.7+): 60 to 600. Absent: unset, which GitLab reads as 60. */
  timeout_seconds?: number;
}

/** The GitLab Duo Agent Platform service settings (18.4+). */
export interface AgentPlatformSettings {
  /** "Local URL for the GitLab Duo Agent Platform service": host:port, without http:// or https://. */
  url?: string;
  /** TLS for the Agent Platform service. 18.10+: the "Use TLS for the GitLab Duo Agent Platform service" checkbox (boolean). 18.4-18.9: the value of DUO_AGENT_PLATFORM_SERVICE_SECURE (boolean or its text). Default: true. */
  tls?: boolean | string;
}

/** A self-hosted model deployment. */
export interface SelfHostedModel {
  /** "Deployment name", unique (case-sensitive); features refer to it. */
  name: string;
  /** "Model family" key (GitLab's enum key, e.g. mistral, claude_3, gpt); which families a version offers is checked by the model rules. */
  family: Family;
  /** Deployment method; which methods a version offers is checked by the model rules. */
  deployment: DeploymentMethod;
  /** "Endpoint" URL of the model server. */
  endpoint?: string;
  /** "API Key (optional)"; never printed. */
  api_key?: string;
  /** "Model identifier", e.g. custom_openai/<served model>, bedrock/<model id>, azure/<deployment>. */
  identifier?: string;
  /** Bedrock: the AI gateway's AWS_REGION. */
  aws_region?: string;
  /** Bedrock: the AI gateway's AWS_REGION_NAME (LiteLLM prefers it over AWS_REGION). */
  aws_region_name?: string;
  /** GitLab's id of the model, written by `import`; lets `plan` see a rename as an update. Not checked by the rules. */
  gitlab_id?: number;
}

/** One feature's setting. */
export interface FeatureSetting {
  /** self_hosted (with model = a deployment name), vendored (the GitLab AI vendor model; model = an optional GitLab-managed model, default the GitLab default model), disabled, or unassigned (a saved unassigned setting; leave the feature out for none). */
  provider: Provider;
  /** self_hosted: the deployment name. vendored: the GitLab-managed model reference (absent: GitLab default model). */
  model?: string;
}

/** A setting per feature, keyed by GitLab's feature key; a feature left out is unassigned. */
export interface FeatureSettings {
  /** Code Generation (Code Suggestions), GitLab 17.9 and later. */
  code_generations?: FeatureSetting;
  /** Code Completion (Code Suggestions), GitLab 17.9 and later. */
  code_completions?: FeatureSetting;
  /** General Chat (GitLab Duo Chat), GitLab 17.9 and later. */
  duo_chat?: FeatureSetting;
  /** Code Explanation (GitLab Duo Chat), GitLab 17.10 and later. */
  duo_chat_explain_code?: FeatureSetting;
  /** Test Generation (GitLab Duo Chat), GitLab 17.10 and later. */
  duo_chat_write_tests?: FeatureSetting;
  /** Refactor Code (GitLab Duo Chat), GitLab 17.10 and later. */
  duo_chat_refactor_code?: FeatureSetting;
  /** Fix Code (GitLab Duo Chat), GitLab 17.10 and later. */
  duo_chat_fix_code?: FeatureSetting;
  /** Root Cause Analysis (GitLab Duo Chat), GitLab 17.10 and later. */
  duo_chat_troubleshoot_job?: FeatureSetting;
  /** Merge Commit Message Generation (GitLab Duo for merge requests), GitLab 17.9 and later. */
  generate_commit_message?: FeatureSetting;
  /** Merge Request Summary (GitLab Duo for merge requests), GitLab 17.9 and later. */
  summarize_new_merge_request?: FeatureSetting;
  /** Vulnerability Explanation (Other GitLab Duo features), GitLab 17.9 and later. */
  duo_chat_explain_vulnerability?: FeatureSetting;
  /** Vulnerability Resolution (Other GitLab Duo features), GitLab 17.9 and later. */
  resolve_vulnerability?: FeatureSetting;
  /** Code Review Summary (GitLab Duo for merge requests), GitLab 17.9 and later. */
  summarize_review?: FeatureSetting;
  /** GitLab Duo for CLI (Other GitLab Duo features), GitLab 17.9 and later. */
  glab_ask_git_command?: FeatureSetting;
  /** Discussion Summary (GitLab Duo for issues), GitLab 17.9 and later. */
  duo_chat_summarize_comments?: FeatureSetting;
  /** Non-Agentic Code Review (GitLab Duo for merge requests), GitLab 18.4 and later. */
  review_merge_request?: FeatureSetting;
  /** Agents & flows (GitLab Duo Agent Platform), GitLab 18.4 and later. */
  duo_agent_platform?: FeatureSetting;
  /** Agentic Chat (GitLab Duo Agent Platform), GitLab 18.4 and later. */
  duo_agent_platform_agentic_chat?: FeatureSetting;
  /** SAST Vulnerability False Positive Detection (GitLab Duo Agent Platform), GitLab 18.11 and later. */
  sast_vulnerability_fp_detection?: FeatureSetting;
  /** Secret Vulnerability False Positive Detection (GitLab Duo Agent Platform), GitLab 18.11 and later. */
  secret_vulnerability_fp_detection?: FeatureSetting;
  /** SAST Vulnerability Resolution (GitLab Duo Agent Platform), GitLab 18.11 and later. */
  sast_vulnerability_resolution?: FeatureSetting;
  /** Agentic Code Review (GitLab Duo Agent Platform), GitLab 19.1 and later. */
  review_merge_request_dap?: FeatureSetting;
  /** Security Review (GitLab Duo Agent Platform), GitLab 19.3 and later. */
  security_review?: FeatureSetting;
  /** Code Embeddings (Semantic Code Search), GitLab 19.3 and later. */
  embeddings_code?: FeatureSetting;
  /** Feature Discovery Search (Feature Discovery), GitLab 19.3 and later. */
  feature_discovery_search?: FeatureSetting;
  /** Resolve Dependency Bump Breaking Changes (GitLab Duo Agent Platform), GitLab 19.3 and later. */
  resolve_dependency_bump?: FeatureSetting;
  /** Duo Developer (GitLab Duo Agent Platform), GitLab 19.4 and later. */
  duo_developer?: FeatureSetting;
}
