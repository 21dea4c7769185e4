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

/** A diagnostic code (the diagnostics catalog; `duo-selfhosted explain CODE` says what each means). Table rows: new codes come in compatible releases; a released code is never removed, renamed or reused. */
export type DiagnosticCode =
  | 'address.cloud_metadata'
  | 'address.depends_on_dns'
  | 'address.embedded_ipv4'
  | 'address.invalid'
  | 'address.no_host'
  | 'address.opaque_host'
  | 'agent_platform.behind_flag'
  | 'agent_platform.not_in_version'
  | 'agent_platform.permission'
  | 'agent_platform.tls_env_global'
  | 'agent_platform.tls_not_boolean'
  | 'agent_platform.tls_unrecognised'
  | 'agent_platform.tls_unused'
  | 'agent_platform.url_has_scheme'
  | 'agent_platform.url_invalid_port'
  | 'agent_platform.url_missing'
  | 'agent_platform.url_not_host_port'
  | 'agent_platform.url_unused'
  | 'agent_platform.url_without_port'
  | 'ai_gateway.timeout_not_in_version'
  | 'ai_gateway.timeout_out_of_range'
  | 'ai_gateway.url_missing'
  | 'allowlist.cloud_metadata_entry'
  | 'allowlist.entry_bracketed_ipv4'
  | 'allowlist.entry_has_path'
  | 'allowlist.entry_has_scheme'
  | 'allowlist.entry_has_userinfo'
  | 'allowlist.entry_html'
  | 'allowlist.entry_never_matches'
  | 'allowlist.entry_non_canonical_ip'
  | 'allowlist.entry_not_ascii'
  | 'allowlist.entry_too_long'
  | 'allowlist.entry_trailing_dot'
  | 'allowlist.entry_upper_case'
  | 'allowlist.entry_wildcard'
  | 'allowlist.invalid_prefix'
  | 'allowlist.ipv6_port_ambiguous'
  | 'allowlist.port_out_of_range'
  | 'allowlist.range_host_bits'
  | 'allowlist.too_many_entries'
  | 'bedrock.arn_region_differs'
  | 'bedrock.model_empty'
  | 'bedrock.model_end_of_life_scheduled'
  | 'bedrock.model_had_prefix'
  | 'bedrock.model_had_provider'
  | 'bedrock.model_id_invalid'
  | 'bedrock.model_not_an_id'
  | 'bedrock.model_not_in_table'
  | 'bedrock.model_retired'
  | 'bedrock.no_route'
  | 'bedrock.on_demand_unverified'
  | 'bedrock.prefix_alternative'
  | 'bedrock.prefix_derived'
  | 'bedrock.prefix_recommended'
  | 'bedrock.profile_not_found'
  | 'bedrock.profile_required'
  | 'bedrock.profile_third_party'
  | 'bedrock.profile_unconfirmed'
  | 'bedrock.region_not_source'
  | 'bedrock.source_region_inferred'
  | 'bedrock.table_invalid'
  | 'bedrock.table_no_source_regions'
  | 'bedrock.table_profile_id_mismatch'
  | 'bedrock.table_unknown_confidence'
  | 'bedrock.table_unknown_prefix'
  | 'bedrock.unknown_model'
  | 'config.duplicate_add_on'
  | 'config.invalid_ip_address'
  | 'config.invalid_version'
  | 'config.values_assumed'
  | 'config.version_in_dating_window'
  | 'config.version_is_number'
  | 'config.version_newer_than_rules'
  | 'config.version_out_of_range'
  | 'config.version_rules_carried_forward'
  | 'document.invalid_json'
  | 'document.invalid_toml'
  | 'document.missing_field'
  | 'document.unknown_field'
  | 'document.unknown_value'
  | 'document.wrong_type'
  | 'drift.feature'
  | 'drift.model'
  | 'drift.settings'
  | 'feature.agent_platform_permission'
  | 'feature.chat_disabled_unverified'
  | 'feature.disabled_not_in_ui'
  | 'feature.general_chat_fallback'
  | 'feature.incompatible_family'
  | 'feature.model_ignored'
  | 'feature.model_missing'
  | 'feature.needs_beta'
  | 'feature.no_model_stays_on'
  | 'feature.not_in_version'
  | 'feature.provider_not_in_version'
  | 'feature.saved_unassigned_no_fallback'
  | 'feature.sub_feature_uses_gitlab_default'
  | 'feature.ultimate_only'
  | 'feature.unassigned_not_in_version'
  | 'feature.unknown_deployment'
  | 'feature.vendored_behind_flag'
  | 'feature.vendored_default_resolves_to_none'
  | 'feature.vendored_hidden'
  | 'feature.vendored_model_not_in_version'
  | 'feature.vendored_not_listed'
  | 'feature.vendored_offline'
  | 'identifier.azure_deployment_has_slash'
  | 'identifier.bedrock_arn_invalid'
  | 'identifier.bedrock_arn_needs_converse'
  | 'identifier.bedrock_context_suffix'
  | 'identifier.bedrock_model_id_invalid'
  | 'identifier.bedrock_model_name'
  | 'identifier.bedrock_prefix_required'
  | 'identifier.bedrock_region_path'
  | 'identifier.bedrock_unknown_prefix'
  | 'identifier.empty'
  | 'identifier.empty_model'
  | 'identifier.family_mismatch'
  | 'identifier.no_provider'
  | 'identifier.provider_mismatch'
  | 'identifier.too_long'
  | 'identifier.vertex_ai_prefix_required'
  | 'identifier.whitespace'
  | 'import.api_key_not_returned'
  | 'import.beta_inferred'
  | 'import.incomplete'
  | 'import.not_in_api'
  | 'live.bad_id'
  | 'live.field_null'
  | 'live.graphql_error'
  | 'live.invalid_json'
  | 'live.no_data'
  | 'live.unknown_family'
  | 'live.unknown_feature'
  | 'live.unknown_provider'
  | 'live.wrong_type'
  | 'model.api_key_too_long'
  | 'model.api_key_unused'
  | 'model.deployment_blank'
  | 'model.deployment_not_in_version'
  | 'model.deployment_unknown'
  | 'model.endpoint_blank'
  | 'model.endpoint_blocked'
  | 'model.endpoint_depends_on_dns'
  | 'model.endpoint_missing_v1'
  | 'model.endpoint_placeholder'
  | 'model.endpoint_too_long'
  | 'model.endpoint_too_long_for_ai_gateway'
  | 'model.endpoint_unused'
  | 'model.family_blank'
  | 'model.family_deprecated'
  | 'model.family_method_undocumented'
  | 'model.family_needs_beta'
  | 'model.family_not_in_form'
  | 'model.family_not_in_version'
  | 'model.family_unknown'
  | 'model.name_blank'
  | 'model.name_taken'
  | 'model.name_too_long'
  | 'model.name_whitespace'
  | 'model.region_from_arn'
  | 'model.region_missing'
  | 'model.region_unused'
  | 'model.stored_provider_from_prefix'
  | 'plan.api_key_unverifiable'
  | 'plan.beta_models_hidden'
  | 'plan.family_not_in_api'
  | 'plan.feature_not_in_api'
  | 'plan.gitlab_model_unverifiable'
  | 'plan.live_state_incomplete'
  | 'plan.model_id_not_found'
  | 'plan.name_conflict'
  | 'plan.timeout_unreadable'
  | 'plan.version_mismatch'
  | 'plan.version_not_supported'
  | 'policy.invalid_ip'
  | 'policy.invalid_version'
  | 'policy.schemes_required'
  | 'policy.unknown_preset'
  | 'prerequisite.add_on'
  | 'prerequisite.add_on_documented'
  | 'prerequisite.agent_platform_add_on_online'
  | 'prerequisite.dedicated'
  | 'prerequisite.offering'
  | 'prerequisite.tier'
  | 'region.blank'
  | 'region.name_variable_missing'
  | 'region.no_bedrock'
  | 'region.not_in_table'
  | 'region.unknown'
  | 'region.upper_case'
  | 'region.variables_differ'
  | 'region.whitespace'
  | 'settings.url_too_long'
  | 'url.allowlisted'
  | 'url.backslash'
  | 'url.blocked_whatever_dns'
  | 'url.cloud_metadata'
  | 'url.cloud_metadata_not_blocked'
  | 'url.control_whitespace'
  | 'url.depends_on_dns'
  | 'url.embedded_ipv4_unchecked'
  | 'url.host_too_long'
  | 'url.hostname_invalid'
  | 'url.html_tags'
  | 'url.invalid'
  | 'url.limited_broadcast'
  | 'url.link_local'
  | 'url.local_network'
  | 'url.localhost'
  | 'url.localhost_name'
  | 'url.loopback'
  | 'url.no_allowlist_entry'
  | 'url.non_ascii_host'
  | 'url.non_canonical_ip'
  | 'url.not_ascii'
  | 'url.not_on_allowlist'
  | 'url.parser_differential'
  | 'url.percent_encoded_host'
  | 'url.port_invalid'
  | 'url.port_not_allowed'
  | 'url.resolved_addresses_ignored'
  | 'url.scheme_not_allowed'
  | 'url.shared_address'
  | 'url.suggested_allowlist_entry'
  | 'url.unresolvable'
  | 'url.userinfo'
  | 'url.username_invalid';

/** Each code's `params`, with their JSON types (`| null` where the value may be null, `?` where the parameter is present only in some situations). Compatible releases may add parameters to a code. */
export interface DiagnosticParams {
  /** A cloud metadata endpoint */
  'address.cloud_metadata': { readonly provider: string; readonly gitlab_blocks: boolean; };
  /** A DNS name: what it reaches depends on DNS */
  'address.depends_on_dns': { readonly host: string; readonly reason: string; };
  /** An IPv6 address that carries an IPv4 address */
  'address.embedded_ipv4': { readonly embedding: string; readonly ipv4: string; };
  /** Not a valid URL or host */
  'address.invalid': { readonly whatwg_error: string; };
  /** The URL has no host */
  'address.no_host': {};
  /** A non-special scheme keeps the host opaque */
  'address.opaque_host': { readonly scheme: string; };
  /** The self-hosted Agent Platform is behind a feature flag */
  'agent_platform.behind_flag': { readonly feature: string; readonly flag: string; };
  /** No self-hosted Agent Platform in this version */
  'agent_platform.not_in_version': { readonly since: string; };
  /** The Agent Platform URL field is not shown */
  'agent_platform.permission': {};
  /** The TLS variable is global */
  'agent_platform.tls_env_global': { readonly features: readonly string[]; readonly gitlab_message: string; };
  /** TLS is a checkbox from 18.10 */
  'agent_platform.tls_not_boolean': { readonly value: string; };
  /** An unrecognised TLS value */
  'agent_platform.tls_unrecognised': { readonly value: string; readonly true_words: readonly string[]; readonly false_words: readonly string[]; };
  /** The TLS setting is not used */
  'agent_platform.tls_unused': {};
  /** http:// or https:// in the Agent Platform URL */
  'agent_platform.url_has_scheme': { readonly scheme: string; readonly suggestion: string; readonly enforced_by_gitlab: boolean; readonly gitlab_message: string; };
  /** Not a port number */
  'agent_platform.url_invalid_port': { readonly port: string; };
  /** No Agent Platform URL for self-hosted Agent Platform features */
  'agent_platform.url_missing': { readonly features: readonly string[]; };
  /** The Agent Platform URL is not host:port */
  'agent_platform.url_not_host_port': { readonly value: string; readonly reason: string; readonly enforced_by_gitlab: boolean; };
  /** The Agent Platform URL is not used */
  'agent_platform.url_unused': {};
  /** No port in the Agent Platform URL */
  'agent_platform.url_without_port': { readonly host: string; readonly assumed_port: number; };
  /** No request timeout setting in this version */
  'ai_gateway.timeout_not_in_version': { readonly since: string; };
  /** The request timeout is outside 60–600 seconds */
  'ai_gateway.timeout_out_of_range': { readonly value: number; readonly min: number; readonly max: number; readonly gitlab_message: string; };
  /** No Local AI Gateway URL for self-hosted features */
  'ai_gateway.url_missing': { readonly features: readonly string[]; };
  /** A cloud metadata endpoint on the allowlist */
  'allowlist.cloud_metadata_entry': { readonly entry: string; readonly suggested_entry: string | null; readonly gitlab_message: string; };
  /** Brackets around something that is not IPv6 */
  'allowlist.entry_bracketed_ipv4': { readonly entry: string; readonly suggested_entry: string | null; };
  /** A path in an allowlist entry */
  'allowlist.entry_has_path': { readonly entry: string; readonly suggested_entry: string | null; };
  /** A URL as an allowlist entry */
  'allowlist.entry_has_scheme': { readonly entry: string; readonly suggested_entry: string | null; };
  /** Userinfo in an allowlist entry */
  'allowlist.entry_has_userinfo': { readonly entry: string; readonly suggested_entry: string | null; };
  /** An allowlist entry the HTML sanitizer would change */
  'allowlist.entry_html': { readonly entry: string; readonly gitlab_message: string; };
  /** An allowlist entry that never matches */
  'allowlist.entry_never_matches': { readonly entry: string; readonly suggested_entry: string | null; };
  /** An IP in a form the allowlist does not read */
  'allowlist.entry_non_canonical_ip': { readonly entry: string; readonly suggested_entry: string | null; };
  /** A non-ASCII allowlist entry */
  'allowlist.entry_not_ascii': { readonly entry: string; readonly suggested_entry: string | null; readonly gitlab_message: string; };
  /** An allowlist entry over 255 characters */
  'allowlist.entry_too_long': { readonly length: number; readonly maximum: number; readonly gitlab_message: string; };
  /** A trailing dot in a domain entry */
  'allowlist.entry_trailing_dot': { readonly entry: string; readonly suggested_entry: string | null; };
  /** Upper case in a domain entry */
  'allowlist.entry_upper_case': { readonly entry: string; readonly suggested_entry: string | null; };
  /** A wildcard allowlist entry */
  'allowlist.entry_wildcard': { readonly entry: string; readonly suggested_entry: string | null; readonly reason: string; };
  /** An invalid range prefix */
  'allowlist.invalid_prefix': { readonly entry: string; readonly suggested_entry: string | null; readonly prefix: string; };
  /** An IPv6 address with what looks like a port */
  'allowlist.ipv6_port_ambiguous': { readonly entry: string; readonly suggested_entry: string | null; };
  /** A port outside 1–65535 */
  'allowlist.port_out_of_range': { readonly entry: string; readonly suggested_entry: string | null; readonly port: number; };
  /** A range with host bits set */
  'allowlist.range_host_bits': { readonly entry: string; readonly suggested_entry: string | null; };
  /** More than 1000 allowlist entries */
  'allowlist.too_many_entries': { readonly count: number; readonly maximum: number; readonly gitlab_message: string; };
  /** The ARN names another Region */
  'bedrock.arn_region_differs': { readonly arn_region: string; readonly region: string; };
  /** No model given */
  'bedrock.model_empty': {};
  /** A Bedrock end of life is scheduled */
  'bedrock.model_end_of_life_scheduled': { readonly model: string; readonly eol_date: string; readonly table_date: string; };
  /** The model was given with a cross-region prefix */
  'bedrock.model_had_prefix': { readonly prefix: string; };
  /** The model was given with bedrock/ */
  'bedrock.model_had_provider': {};
  /** Not a Bedrock model ID */
  'bedrock.model_id_invalid': { readonly model_id: string; readonly problem: string; };
  /** Not a base model ID */
  'bedrock.model_not_an_id': { readonly model: string; };
  /** A model the table does not know */
  'bedrock.model_not_in_table': { readonly model: string; readonly table_date: string; readonly data_date: string; readonly suggestions: readonly string[]; };
  /** A retired Bedrock model */
  'bedrock.model_retired': { readonly model: string; readonly eol_date: string; readonly table_date: string; };
  /** The model cannot be called from this Region */
  'bedrock.no_route': { readonly model: string; readonly region: string; readonly profiles: readonly string[]; };
  /** The bare model ID may not work in this Region */
  'bedrock.on_demand_unverified': { readonly model: string; readonly region: string; readonly profiles: readonly string[]; };
  /** Another identifier that would work */
  'bedrock.prefix_alternative': { readonly prefix: string; readonly profile_id: string; };
  /** The cross-region prefix to use */
  'bedrock.prefix_derived': { readonly prefix: string | null; readonly profile_id: string | null; readonly region: string; readonly destinations?: readonly string[]; readonly confidence?: string | null; };
  /** A cross-region prefix is recommended */
  'bedrock.prefix_recommended': { readonly region: string; readonly suggestion: string; };
  /** No such inference profile */
  'bedrock.profile_not_found': { readonly profile_id: string; readonly existing: readonly string[]; readonly suggestion: string | null; };
  /** The model needs an inference profile */
  'bedrock.profile_required': { readonly region: string; readonly suggestion: string; };
  /** A profile known only from LiteLLM */
  'bedrock.profile_third_party': { readonly profile_id: string; };
  /** An inference profile that is not confirmed */
  'bedrock.profile_unconfirmed': { readonly profile_id: string; readonly why: string; readonly suggestion: string | null; };
  /** The Region cannot call this profile */
  'bedrock.region_not_source': { readonly profile_id: string; readonly region: string; readonly source_regions: readonly string[]; readonly suggestion: string | null; };
  /** A source Region inferred from sibling models */
  'bedrock.source_region_inferred': { readonly profile_id: string; readonly region: string; };
  /** Not a profile table */
  'bedrock.table_invalid': { readonly generated?: string; readonly line?: number; readonly column?: number; readonly expected?: string; };
  /** A profile without source Regions */
  'bedrock.table_no_source_regions': { readonly profile_id: string; };
  /** A profile ID that does not match its row */
  'bedrock.table_profile_id_mismatch': { readonly profile_id: string; readonly expected: string; };
  /** An unknown confidence value */
  'bedrock.table_unknown_confidence': { readonly confidence: string; };
  /** A profile prefix this version does not know */
  'bedrock.table_unknown_prefix': { readonly prefix: string; };
  /** Unknown model */
  'bedrock.unknown_model': { readonly model: string; readonly table_date: string; readonly data_date: string; readonly suggestions: readonly string[]; };
  /** An add-on listed twice */
  'config.duplicate_add_on': { readonly add_on: string; };
  /** Not an IP address */
  'config.invalid_ip_address': { readonly value: string; };
  /** Not a GitLab version */
  'config.invalid_version': { readonly value: string; readonly reason: string; };
  /** The rest was checked with stand-in header values */
  'config.values_assumed': { readonly fields: readonly string[]; readonly values: readonly string[]; };
  /** Inside the dating window of a change */
  'config.version_in_dating_window': { readonly fact: string; readonly window: string; readonly applied_from: string; readonly basis: string; readonly source: string; };
  /** The GitLab version written as a number */
  'config.version_is_number': { readonly value: string; readonly read_as: string; };
  /** A version newer than the rules */
  'config.version_newer_than_rules': { readonly version: string; readonly newest: string; readonly table_date: string; };
  /** A version before the rules' oldest */
  'config.version_out_of_range': { readonly version: string; readonly oldest: string; readonly newest: string; };
  /** No source read for this release */
  'config.version_rules_carried_forward': { readonly version: string; readonly newest_source: string; };
  /** Not JSON */
  'document.invalid_json': { readonly line: number; readonly column: number; };
  /** Not TOML */
  'document.invalid_toml': { readonly line: number; readonly column: number; };
  /** A required field is missing */
  'document.missing_field': { readonly field: string; };
  /** An unknown field */
  'document.unknown_field': { readonly field: string; readonly suggestions: readonly string[]; };
  /** An unknown value */
  'document.unknown_value': { readonly value: string; readonly allowed: readonly string[]; readonly suggestions: readonly string[]; };
  /** A value of the wrong type */
  'document.wrong_type': { readonly expected: string; readonly found: string; };
  /** A feature setting differs from the document */
  'drift.feature': { readonly action: string; readonly mutation: string; };
  /** A self-hosted model differs from the document */
  'drift.model': { readonly action: string; readonly mutation: string; };
  /** GitLab's Duo settings differ from the document */
  'drift.settings': { readonly action: string; readonly mutation: string; };
  /** No permission to self-host this Agent Platform feature */
  'feature.agent_platform_permission': { readonly feature: string; readonly gitlab_message: string; };
  /** Disabling a classic Chat feature is not verified */
  'feature.chat_disabled_unverified': { readonly feature: string; readonly title: string; };
  /** Disabled is not offered on the page */
  'feature.disabled_not_in_ui': { readonly feature: string; };
  /** Chat sub-features use General Chat's model */
  'feature.general_chat_fallback': { readonly features: readonly string[]; };
  /** The model's family is not compatible with the feature */
  'feature.incompatible_family': { readonly feature: string; readonly model: string; readonly family: string; readonly compatible_families: readonly string[]; readonly gitlab_message: string; };
  /** A model on a disabled or unassigned feature */
  'feature.model_ignored': { readonly feature: string; readonly model: string; };
  /** self_hosted without a model */
  'feature.model_missing': { readonly feature: string; };
  /** A beta feature without the beta setting */
  'feature.needs_beta': { readonly feature: string; readonly title: string; };
  /** Features without a model stay on */
  'feature.no_model_stays_on': { readonly features: readonly string[]; };
  /** The feature does not exist in this GitLab version */
  'feature.not_in_version': { readonly feature: string; readonly since: string; };
  /** The provider does not exist in this version */
  'feature.provider_not_in_version': { readonly feature: string; readonly provider: string; readonly since: string; };
  /** A saved unassigned does not fall back to General Chat */
  'feature.saved_unassigned_no_fallback': { readonly feature: string; readonly title: string; };
  /** Chat sub-features use GitLab's default model */
  'feature.sub_feature_uses_gitlab_default': { readonly features: readonly string[]; readonly since: string; };
  /** The feature needs Ultimate */
  'feature.ultimate_only': { readonly feature: string; readonly title: string; };
  /** unassigned before 18.6 */
  'feature.unassigned_not_in_version': { readonly feature: string; readonly since: string; };
  /** No model has that name */
  'feature.unknown_deployment': { readonly feature: string; readonly model: string; readonly suggestions: readonly string[]; };
  /** The vendored option is behind a feature flag */
  'feature.vendored_behind_flag': { readonly feature: string; readonly flag: string; };
  /** vendored with the default model resolves to no model */
  'feature.vendored_default_resolves_to_none': { readonly feature: string; readonly title: string; };
  /** The settings page hides the vendored option */
  'feature.vendored_hidden': { readonly feature: string; };
  /** Choosing a GitLab-managed model needs 18.6 */
  'feature.vendored_model_not_in_version': { readonly feature: string; readonly model: string; };
  /** No GitLab-managed models listed for the feature */
  'feature.vendored_not_listed': { readonly feature: string; };
  /** GitLab-managed models need an online licence */
  'feature.vendored_offline': { readonly feature: string; };
  /** A / in the Azure deployment name */
  'identifier.azure_deployment_has_slash': { readonly deployment_name: string; };
  /** Not a valid Bedrock ARN */
  'identifier.bedrock_arn_invalid': { readonly arn: string; readonly problem: string; };
  /** An application inference profile ARN needs the Converse route */
  'identifier.bedrock_arn_needs_converse': { readonly arn: string; };
  /** A LiteLLM context-window suffix */
  'identifier.bedrock_context_suffix': { readonly suffix: string; };
  /** Not a Bedrock model ID */
  'identifier.bedrock_model_id_invalid': { readonly model_id: string; readonly problem: string; };
  /** A provisioned or imported model name */
  'identifier.bedrock_model_name': { readonly name: string; };
  /** A Bedrock identifier must start with bedrock/ */
  'identifier.bedrock_prefix_required': { readonly gitlab_message: string; };
  /** A Region inside the Bedrock identifier */
  'identifier.bedrock_region_path': { readonly region: string; };
  /** An unknown cross-region prefix */
  'identifier.bedrock_unknown_prefix': { readonly prefix: string; readonly known: readonly string[]; };
  /** No model identifier */
  'identifier.empty': { readonly gitlab_message: string; };
  /** A provider without a model */
  'identifier.empty_model': { readonly provider: string; };
  /** The Bedrock model does not fit the family */
  'identifier.family_mismatch': { readonly namespace: string; readonly family: string; readonly expected: readonly string[]; };
  /** No provider prefix */
  'identifier.no_provider': { readonly expected_provider: string; readonly suggestion: string; };
  /** The provider does not fit the deployment method */
  'identifier.provider_mismatch': { readonly provider: string; readonly expected_provider: string; readonly deployment: string; };
  /** The identifier is over 255 characters */
  'identifier.too_long': { readonly length: number; readonly max: number; readonly gitlab_message: string; readonly gitlab_form_message: string; };
  /** A Vertex AI identifier must start with vertex_ai/ */
  'identifier.vertex_ai_prefix_required': { readonly gitlab_message: string; };
  /** Whitespace around the identifier */
  'identifier.whitespace': { readonly identifier: string; };
  /** GitLab does not return API keys */
  'import.api_key_not_returned': { readonly model: string; };
  /** The beta setting is inferred */
  'import.beta_inferred': { readonly inferred: boolean; };
  /** The live state lacks a part */
  'import.incomplete': { readonly field: string; };
  /** Fields GitLab's API does not give */
  'import.not_in_api': { readonly fields: readonly string[]; };
  /** Not a self-hosted model's global id */
  'live.bad_id': { readonly id: string; };
  /** GitLab returned no value for a field */
  'live.field_null': { readonly field: string; readonly permission: string; };
  /** GitLab answered the query with an error */
  'live.graphql_error': { readonly gitlab_message: string; };
  /** The live state is not JSON */
  'live.invalid_json': { readonly line: number; readonly column: number; };
  /** GitLab's answer has no data */
  'live.no_data': {};
  /** GitLab has a family these rules do not know */
  'live.unknown_family': { readonly family: string; };
  /** GitLab has a feature these rules do not know */
  'live.unknown_feature': { readonly feature: string; };
  /** An unknown provider */
  'live.unknown_provider': { readonly provider: string; };
  /** The live state has a value of the wrong type */
  'live.wrong_type': { readonly expected: string; readonly found: string; };
  /** The API key is over 2000 characters */
  'model.api_key_too_long': { readonly length: number; readonly max: number; };
  /** Bedrock models take no API key */
  'model.api_key_unused': {};
  /** No deployment method */
  'model.deployment_blank': { readonly allowed: readonly string[]; };
  /** The deployment method does not exist in this version */
  'model.deployment_not_in_version': { readonly deployment: string; readonly since: string; readonly gitlab_version: string; };
  /** Unknown deployment method */
  'model.deployment_unknown': { readonly deployment: string; readonly allowed: readonly string[]; readonly suggestions: readonly string[]; };
  /** No endpoint where GitLab requires one */
  'model.endpoint_blank': { readonly deployment: string; readonly gitlab_message: string; readonly gitlab_messages: readonly string[]; readonly gitlab_form_message: string; };
  /** GitLab's URL blocker refuses the endpoint */
  'model.endpoint_blocked': { readonly endpoint: string; readonly url_code: string | null; readonly suggested_allowlist_entry: string | null; readonly gitlab_message: string; readonly gitlab_form_message: string; };
  /** Whether GitLab accepts the endpoint depends on DNS */
  'model.endpoint_depends_on_dns': { readonly endpoint: string; readonly suggested_allowlist_entry: string | null; };
  /** The OpenAI-compatible endpoint does not end with /v1 */
  'model.endpoint_missing_v1': { readonly endpoint: string; readonly suggestion: string; };
  /** GitLab stores a placeholder endpoint */
  'model.endpoint_placeholder': { readonly placeholder: string; };
  /** The endpoint is over 2048 characters */
  'model.endpoint_too_long': { readonly length: number; readonly max: number; };
  /** The endpoint is too long for the AI gateway */
  'model.endpoint_too_long_for_ai_gateway': { readonly length: number; readonly max: number; };
  /** The AI gateway ignores this endpoint */
  'model.endpoint_unused': { readonly deployment: string; };
  /** No model family */
  'model.family_blank': { readonly gitlab_message: string; readonly gitlab_form_message: string; };
  /** A deprecated family */
  'model.family_deprecated': { readonly family: string; readonly deprecated: string; };
  /** The family is not documented for this deployment method */
  'model.family_method_undocumented': { readonly family: string; readonly deployment: string; readonly documented: readonly string[]; };
  /** A beta family without the beta setting */
  'model.family_needs_beta': { readonly family: string; readonly release_state: string; readonly gitlab_message: string; };
  /** The family is not offered by the model form */
  'model.family_not_in_form': { readonly family: string; readonly until: string; readonly flag: string | null; };
  /** The family does not exist in this GitLab version */
  'model.family_not_in_version': { readonly family: string; readonly gitlab_version: string; readonly introduced: string; readonly gitlab_message: string; };
  /** Unknown model family */
  'model.family_unknown': { readonly family: string; readonly suggestions: readonly string[]; readonly allowed: readonly string[]; readonly gitlab_message: string; };
  /** No deployment name */
  'model.name_blank': { readonly gitlab_message: string; readonly gitlab_form_message: string; };
  /** The deployment name is used twice */
  'model.name_taken': { readonly name: string; readonly first_index: number; readonly gitlab_message: string; readonly gitlab_form_message: string; };
  /** The deployment name is over 255 characters */
  'model.name_too_long': { readonly length: number; readonly max: number; };
  /** Whitespace around the deployment name */
  'model.name_whitespace': { readonly name: string; readonly suggestion: string; };
  /** The Region comes from the ARN */
  'model.region_from_arn': { readonly region: string; };
  /** No AWS Region for a Bedrock model */
  'model.region_missing': {};
  /** A Region for a non-Bedrock model */
  'model.region_unused': { readonly variable: string; };
  /** GitLab stores another provider */
  'model.stored_provider_from_prefix': { readonly stored_provider: string; readonly expected_provider: string; };
  /** Whether the stored API key is the document's cannot be seen */
  'plan.api_key_unverifiable': { readonly model: string; };
  /** GitLab hides beta-family models */
  'plan.beta_models_hidden': { readonly model: string; };
  /** The family is not in this version's API */
  'plan.family_not_in_api': { readonly family: string; };
  /** The feature is not in GitLab's API */
  'plan.feature_not_in_api': { readonly feature: string; };
  /** The GitLab-managed model cannot be read back */
  'plan.gitlab_model_unverifiable': { readonly feature: string; };
  /** The live state lacks a part */
  'plan.live_state_incomplete': { readonly field: string; };
  /** GitLab has no model with that id */
  'plan.model_id_not_found': { readonly gitlab_id: number; };
  /** A new model takes a name that is still in use */
  'plan.name_conflict': { readonly model: string; };
  /** The AI Gateway request timeout cannot be read */
  'plan.timeout_unreadable': { readonly permission: string; };
  /** The document and the instance are different releases */
  'plan.version_mismatch': { readonly document: string; readonly instance: string; };
  /** Plans need GitLab 18.11 or later */
  'plan.version_not_supported': { readonly since: string; };
  /** Not an IP address in the policy */
  'policy.invalid_ip': { readonly value: string; };
  /** Not a GitLab version */
  'policy.invalid_version': { readonly value: string; };
  /** schemes must not be empty */
  'policy.schemes_required': { readonly gitlab_message: string; };
  /** Unknown preset */
  'policy.unknown_preset': { readonly value: string; readonly allowed: readonly string[]; };
  /** A Duo add-on is needed */
  'prerequisite.add_on': { readonly license: string; };
  /** The documentation asks for Duo Enterprise */
  'prerequisite.add_on_documented': { readonly license: string; readonly documented: string; };
  /** The Agent Platform add-on matters only offline */
  'prerequisite.agent_platform_add_on_online': {};
  /** GitLab Dedicated needs GitLab to allow it */
  'prerequisite.dedicated': { readonly offering: string; readonly environment_variable: string; };
  /** Not GitLab Self-Managed */
  'prerequisite.offering': { readonly offering: string; };
  /** The tier does not include Duo Self-Hosted */
  'prerequisite.tier': { readonly tier: string; readonly since?: string; };
  /** An empty Region variable */
  'region.blank': { readonly variable: string; };
  /** AWS_REGION_NAME is not set */
  'region.name_variable_missing': {};
  /** A Region without Amazon Bedrock */
  'region.no_bedrock': { readonly variable: string; readonly region: string; readonly region_name: string; readonly suggestions: readonly string[]; readonly nearest_names: readonly string[]; };
  /** A Region the table does not know */
  'region.not_in_table': { readonly variable: string; readonly region: string; readonly partition: string; readonly suggestions: readonly string[]; readonly table_date: string; };
  /** Not an AWS Region */
  'region.unknown': { readonly variable: string; readonly region: string; readonly partition: string | null; readonly suggestions: readonly string[]; readonly table_date: string; };
  /** Upper case in the Region */
  'region.upper_case': { readonly variable: string; readonly region: string; readonly suggestion: string; };
  /** AWS_REGION and AWS_REGION_NAME differ */
  'region.variables_differ': { readonly aws_region: string; readonly aws_region_name: string; };
  /** Whitespace around the Region */
  'region.whitespace': { readonly variable: string; readonly suggestion: string; };
  /** The URL is over 2048 characters */
  'settings.url_too_long': { readonly length: number; readonly maximum: number; readonly gitlab_message: string; };
  /** An allowlist entry lets the URL through */
  'url.allowlisted': { readonly entry: string; };
  /** A backslash in the URL */
  'url.backslash': {};
  /** Blocked whatever the host resolves to */
  'url.blocked_whatever_dns': { readonly answers: readonly string[]; readonly example_addresses: readonly string[]; readonly outcomes: readonly string[]; readonly gitlab_messages: readonly string[]; };
  /** The destination is a cloud metadata endpoint */
  'url.cloud_metadata': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** A cloud metadata endpoint these options let through */
  'url.cloud_metadata_not_blocked': { readonly provider: string; };
  /** A tab or line break in the URL */
  'url.control_whitespace': {};
  /** The verdict depends on what the host resolves to */
  'url.depends_on_dns': { readonly host: string; readonly blocked_answers: readonly string[]; readonly allowed_answers: readonly string[]; readonly answers: readonly string[]; readonly example_addresses: readonly string[]; readonly outcomes: readonly string[]; readonly gitlab_messages: readonly string[]; };
  /** An internal IPv4 address inside an IPv6 address */
  'url.embedded_ipv4_unchecked': { readonly ipv4: string; readonly class: string; };
  /** The host is longer than 1024 bytes */
  'url.host_too_long': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** The host is not an IP address and does not start with a letter or digit */
  'url.hostname_invalid': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** The HTML sanitizer would change the URL */
  'url.html_tags': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** GitLab cannot parse the URL */
  'url.invalid': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** The address is the broadcast address */
  'url.limited_broadcast': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** The address is link-local */
  'url.link_local': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** The address is on a private network */
  'url.local_network': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** GitLab calls the address localhost */
  'url.localhost': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** A localhost name resolves to loopback */
  'url.localhost_name': { readonly host: string; readonly addresses: readonly string[]; };
  /** The address is a loopback address */
  'url.loopback': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** No allowlist entry can help */
  'url.no_allowlist_entry': { readonly reason: string; };
  /** A non-ASCII host */
  'url.non_ascii_host': { readonly host: string; };
  /** An IP address in a non-canonical spelling */
  'url.non_canonical_ip': { readonly host: string; readonly canonical: string; };
  /** The URL is not ASCII */
  'url.not_ascii': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** Deny-all is on and the host is not on the allowlist */
  'url.not_on_allowlist': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** Browsers and GitLab read different hosts */
  'url.parser_differential': { readonly whatwg_host: string | null; readonly rfc3986_host: string | null; readonly whatwg_error?: string; };
  /** A percent-encoded host */
  'url.percent_encoded_host': { readonly host: string; };
  /** The port is above 65535 */
  'url.port_invalid': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** The port below 1024 is not allowed */
  'url.port_not_allowed': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** resolved_addresses does not apply to this host */
  'url.resolved_addresses_ignored': {};
  /** The scheme is not allowed */
  'url.scheme_not_allowed': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** The address is in the shared address space */
  'url.shared_address': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** An allowlist entry that would let the URL through */
  'url.suggested_allowlist_entry': { readonly entry: string; };
  /** The host does not resolve */
  'url.unresolvable': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
  /** Userinfo before an @ */
  'url.userinfo': {};
  /** The username does not start with a letter or digit */
  'url.username_invalid': { readonly gitlab_message: string; readonly blocker_message: string; readonly step: number; readonly address: string | null; };
}

/** The severities each code can have. */
export interface DiagnosticSeverities {
  'address.cloud_metadata': 'warning';
  'address.depends_on_dns': 'info';
  'address.embedded_ipv4': 'info';
  'address.invalid': 'error';
  'address.no_host': 'error';
  'address.opaque_host': 'warning';
  'agent_platform.behind_flag': 'warning';
  'agent_platform.not_in_version': 'error';
  'agent_platform.permission': 'error';
  'agent_platform.tls_env_global': 'warning';
  'agent_platform.tls_not_boolean': 'error';
  'agent_platform.tls_unrecognised': 'warning';
  'agent_platform.tls_unused': 'info';
  'agent_platform.url_has_scheme': 'error';
  'agent_platform.url_invalid_port': 'error';
  'agent_platform.url_missing': 'error';
  'agent_platform.url_not_host_port': 'error';
  'agent_platform.url_unused': 'warning';
  'agent_platform.url_without_port': 'warning';
  'ai_gateway.timeout_not_in_version': 'error';
  'ai_gateway.timeout_out_of_range': 'error';
  'ai_gateway.url_missing': 'error';
  'allowlist.cloud_metadata_entry': 'warning';
  'allowlist.entry_bracketed_ipv4': 'warning';
  'allowlist.entry_has_path': 'warning';
  'allowlist.entry_has_scheme': 'warning';
  'allowlist.entry_has_userinfo': 'warning';
  'allowlist.entry_html': 'error';
  'allowlist.entry_never_matches': 'warning';
  'allowlist.entry_non_canonical_ip': 'warning';
  'allowlist.entry_not_ascii': 'error';
  'allowlist.entry_too_long': 'error';
  'allowlist.entry_trailing_dot': 'warning';
  'allowlist.entry_upper_case': 'warning';
  'allowlist.entry_wildcard': 'warning';
  'allowlist.invalid_prefix': 'warning';
  'allowlist.ipv6_port_ambiguous': 'warning';
  'allowlist.port_out_of_range': 'warning';
  'allowlist.range_host_bits': 'warning';
  'allowlist.too_many_entries': 'error';
  'bedrock.arn_region_differs': 'info';
  'bedrock.model_empty': 'error';
  'bedrock.model_end_of_life_scheduled': 'info';
  'bedrock.model_had_prefix': 'info';
  'bedrock.model_had_provider': 'info';
  'bedrock.model_id_invalid': 'error';
  'bedrock.model_not_an_id': 'error';
  'bedrock.model_not_in_table': 'warning';
  'bedrock.model_retired': 'warning';
  'bedrock.no_route': 'error';
  'bedrock.on_demand_unverified': 'warning';
  'bedrock.prefix_alternative': 'info';
  'bedrock.prefix_derived': 'info';
  'bedrock.prefix_recommended': 'warning';
  'bedrock.profile_not_found': 'error';
  'bedrock.profile_required': 'error';
  'bedrock.profile_third_party': 'warning';
  'bedrock.profile_unconfirmed': 'warning';
  'bedrock.region_not_source': 'error';
  'bedrock.source_region_inferred': 'info';
  'bedrock.table_invalid': 'error';
  'bedrock.table_no_source_regions': 'warning';
  'bedrock.table_profile_id_mismatch': 'error';
  'bedrock.table_unknown_confidence': 'warning';
  'bedrock.table_unknown_prefix': 'warning';
  'bedrock.unknown_model': 'error';
  'config.duplicate_add_on': 'warning';
  'config.invalid_ip_address': 'error';
  'config.invalid_version': 'error';
  'config.values_assumed': 'info';
  'config.version_in_dating_window': 'info';
  'config.version_is_number': 'error';
  'config.version_newer_than_rules': 'warning';
  'config.version_out_of_range': 'error';
  'config.version_rules_carried_forward': 'info';
  'document.invalid_json': 'error';
  'document.invalid_toml': 'error';
  'document.missing_field': 'error';
  'document.unknown_field': 'error';
  'document.unknown_value': 'error';
  'document.wrong_type': 'error';
  'drift.feature': 'warning';
  'drift.model': 'warning';
  'drift.settings': 'warning';
  'feature.agent_platform_permission': 'error';
  'feature.chat_disabled_unverified': 'warning';
  'feature.disabled_not_in_ui': 'info';
  'feature.general_chat_fallback': 'info';
  'feature.incompatible_family': 'error';
  'feature.model_ignored': 'warning';
  'feature.model_missing': 'error';
  'feature.needs_beta': 'error';
  'feature.no_model_stays_on': 'info';
  'feature.not_in_version': 'error' | 'warning';
  'feature.provider_not_in_version': 'error';
  'feature.saved_unassigned_no_fallback': 'warning';
  'feature.sub_feature_uses_gitlab_default': 'warning';
  'feature.ultimate_only': 'error';
  'feature.unassigned_not_in_version': 'warning';
  'feature.unknown_deployment': 'error';
  'feature.vendored_behind_flag': 'warning';
  'feature.vendored_default_resolves_to_none': 'warning';
  'feature.vendored_hidden': 'warning';
  'feature.vendored_model_not_in_version': 'warning';
  'feature.vendored_not_listed': 'warning';
  'feature.vendored_offline': 'error';
  'identifier.azure_deployment_has_slash': 'warning';
  'identifier.bedrock_arn_invalid': 'error';
  'identifier.bedrock_arn_needs_converse': 'warning';
  'identifier.bedrock_context_suffix': 'warning';
  'identifier.bedrock_model_id_invalid': 'error';
  'identifier.bedrock_model_name': 'warning';
  'identifier.bedrock_prefix_required': 'error';
  'identifier.bedrock_region_path': 'warning';
  'identifier.bedrock_unknown_prefix': 'error';
  'identifier.empty': 'error';
  'identifier.empty_model': 'error';
  'identifier.family_mismatch': 'warning';
  'identifier.no_provider': 'error' | 'warning';
  'identifier.provider_mismatch': 'warning';
  'identifier.too_long': 'error';
  'identifier.vertex_ai_prefix_required': 'error';
  'identifier.whitespace': 'warning';
  'import.api_key_not_returned': 'info';
  'import.beta_inferred': 'info';
  'import.incomplete': 'warning';
  'import.not_in_api': 'info';
  'live.bad_id': 'error';
  'live.field_null': 'warning';
  'live.graphql_error': 'warning';
  'live.invalid_json': 'error';
  'live.no_data': 'error';
  'live.unknown_family': 'warning';
  'live.unknown_feature': 'warning';
  'live.unknown_provider': 'error';
  'live.wrong_type': 'error';
  'model.api_key_too_long': 'error';
  'model.api_key_unused': 'warning';
  'model.deployment_blank': 'error';
  'model.deployment_not_in_version': 'error';
  'model.deployment_unknown': 'error';
  'model.endpoint_blank': 'error';
  'model.endpoint_blocked': 'error';
  'model.endpoint_depends_on_dns': 'warning';
  'model.endpoint_missing_v1': 'warning';
  'model.endpoint_placeholder': 'info';
  'model.endpoint_too_long': 'error';
  'model.endpoint_too_long_for_ai_gateway': 'error';
  'model.endpoint_unused': 'info';
  'model.family_blank': 'error';
  'model.family_deprecated': 'warning';
  'model.family_method_undocumented': 'warning';
  'model.family_needs_beta': 'error';
  'model.family_not_in_form': 'warning';
  'model.family_not_in_version': 'error' | 'warning';
  'model.family_unknown': 'error';
  'model.name_blank': 'error';
  'model.name_taken': 'error';
  'model.name_too_long': 'error';
  'model.name_whitespace': 'warning';
  'model.region_from_arn': 'info';
  'model.region_missing': 'warning';
  'model.region_unused': 'info';
  'model.stored_provider_from_prefix': 'warning';
  'plan.api_key_unverifiable': 'info';
  'plan.beta_models_hidden': 'warning';
  'plan.family_not_in_api': 'error';
  'plan.feature_not_in_api': 'warning';
  'plan.gitlab_model_unverifiable': 'info';
  'plan.live_state_incomplete': 'error';
  'plan.model_id_not_found': 'warning';
  'plan.name_conflict': 'warning';
  'plan.timeout_unreadable': 'warning';
  'plan.version_mismatch': 'error';
  'plan.version_not_supported': 'error';
  'policy.invalid_ip': 'error';
  'policy.invalid_version': 'error';
  'policy.schemes_required': 'error';
  'policy.unknown_preset': 'error';
  'prerequisite.add_on': 'error';
  'prerequisite.add_on_documented': 'warning';
  'prerequisite.agent_platform_add_on_online': 'info';
  'prerequisite.dedicated': 'warning';
  'prerequisite.offering': 'error';
  'prerequisite.tier': 'error';
  'region.blank': 'error';
  'region.name_variable_missing': 'info';
  'region.no_bedrock': 'error';
  'region.not_in_table': 'error';
  'region.unknown': 'error';
  'region.upper_case': 'error';
  'region.variables_differ': 'warning';
  'region.whitespace': 'error';
  'settings.url_too_long': 'error';
  'url.allowlisted': 'info';
  'url.backslash': 'warning';
  'url.blocked_whatever_dns': 'error';
  'url.cloud_metadata': 'error';
  'url.cloud_metadata_not_blocked': 'warning';
  'url.control_whitespace': 'warning';
  'url.depends_on_dns': 'warning';
  'url.embedded_ipv4_unchecked': 'warning';
  'url.host_too_long': 'error';
  'url.hostname_invalid': 'error';
  'url.html_tags': 'error';
  'url.invalid': 'error';
  'url.limited_broadcast': 'error';
  'url.link_local': 'error';
  'url.local_network': 'error';
  'url.localhost': 'error';
  'url.localhost_name': 'info';
  'url.loopback': 'error';
  'url.no_allowlist_entry': 'info';
  'url.non_ascii_host': 'warning';
  'url.non_canonical_ip': 'warning';
  'url.not_ascii': 'error';
  'url.not_on_allowlist': 'error';
  'url.parser_differential': 'error';
  'url.percent_encoded_host': 'warning';
  'url.port_invalid': 'error';
  'url.port_not_allowed': 'error';
  'url.resolved_addresses_ignored': 'info';
  'url.scheme_not_allowed': 'error';
  'url.shared_address': 'error';
  'url.suggested_allowlist_entry': 'info';
  'url.unresolvable': 'error';
  'url.userinfo': 'warning';
  'url.username_invalid': 'error';
}
