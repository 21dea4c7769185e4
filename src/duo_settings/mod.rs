//! The GitLab Duo settings around the AI gateway and the Agent Platform
//! service (what GitLab's `duoSettingsUpdate` mutation saves, Admin >
//! GitLab Duo > Change configuration): URL normalisation and limits, the
//! Agent Platform `host:port` form, TLS by GitLab version.
//!
//! The settings lines an admin adds need the whole configuration, so they
//! are the configuration area's (`config/snippet.rs`); the public path
//! `duo_selfhosted::settings` (a facade in `lib.rs`) shows both.
//!
//! Source: the reference set's `duo-domain.md` §6.1, §6.3, §6.4 and the
//! JSON data of §6.6 (GitLab 18.9.0-pre1, `ee/app/models/ai/setting.rb`,
//! `ee/app/graphql/mutations/ai/duo_settings/update.rb`,
//! `config/initializers/1_settings.rb`, `gems/gitlab-utils/lib/gitlab/utils.rb`;
//! migrations dated '18.4' and '18.10'), compiled 2026-11-26.

mod agent_platform;
mod boolean;
mod tls;
mod urls;

pub use agent_platform::{check_agent_platform_url, AgentPlatformTarget, AGENT_PLATFORM_URL_HELP};
pub use boolean::{parse_boolean_word, to_boolean, FALSE_WORDS, TRUE_WORDS};
pub use tls::{
    effective_tls_for, TlsInput, TlsMode, TLS_CHECKBOX_LABEL, TLS_DEFAULT, TLS_ENV_VAR,
    TLS_GLOBAL_DOC,
};
pub use urls::{check_length, normalize_url, AI_GATEWAY_ENV_VAR, TOO_LONG_MESSAGE, URL_MAX_LENGTH};
