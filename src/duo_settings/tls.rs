//! The Agent Platform's TLS switch: where it lives in each GitLab version,
//! the document's input for it, and its effective value.

use super::boolean::to_boolean;
use crate::timeline;
use crate::version::GitLabVersion;
use serde::Serialize;

/// The environment variable that switches the Agent Platform's TLS in
/// GitLab 18.4 to 18.9.
pub const TLS_ENV_VAR: &str = "DUO_AGENT_PLATFORM_SERVICE_SECURE";

/// What `DUO_AGENT_PLATFORM_SERVICE_SECURE` means when unset or unreadable.
pub const TLS_DEFAULT: bool = true;

/// The UI label of the 18.10+ TLS checkbox.
pub const TLS_CHECKBOX_LABEL: &str = "Use TLS for the GitLab Duo Agent Platform service";

/// GitLab's install docs on the global effect of the 18.4-18.9 variable.
pub const TLS_GLOBAL_DOC: &str = "If you are going to use a GitLab AI vendor model for GitLab Duo Agent Platform, you must not set the `DUO_AGENT_PLATFORM_SERVICE_SECURE` environment variable.";

/// The TLS switch as the document gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TlsInput {
    /// A boolean (18.10+: the stored checkbox; 18.4-18.9: the variable's value).
    Flag(bool),
    /// 18.4-18.9: the text of `DUO_AGENT_PLATFORM_SERVICE_SECURE`, read as
    /// GitLab's `Gitlab::Utils.to_boolean` reads it.
    EnvValue(String),
}

/// Where the Agent Platform's TLS switch lives in a GitLab version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TlsMode {
    /// Before 18.4: there is no self-hosted Agent Platform service.
    NotAvailable,
    /// 18.4-18.9: the `DUO_AGENT_PLATFORM_SERVICE_SECURE` environment
    /// variable, global (it also affects the connection to GitLab's cloud
    /// Agent Platform).
    EnvVar,
    /// 18.10+: the stored setting `self_hosted_duo_agent_platform_service_secure`,
    /// used only when the Agent Platform feature is self-hosted.
    StoredSetting,
}

impl TlsMode {
    /// The mode in `version`.
    pub fn for_version(version: &GitLabVersion) -> Self {
        if timeline::TLS_STORED_SETTING.reached(version) {
            TlsMode::StoredSetting
        } else if timeline::AGENT_PLATFORM.reached(version) {
            TlsMode::EnvVar
        } else {
            TlsMode::NotAvailable
        }
    }
}

/// The TLS switch's effective value in `version` for the TLS input a
/// document gives (`None`: unset): `Some(secure)`, or `None` before 18.4.
pub fn effective_tls_for(version: &GitLabVersion, tls: Option<&TlsInput>) -> Option<bool> {
    match TlsMode::for_version(version) {
        TlsMode::NotAvailable => None,
        TlsMode::EnvVar => Some(match tls {
            None => TLS_DEFAULT,
            Some(TlsInput::Flag(b)) => *b,
            Some(TlsInput::EnvValue(text)) => to_boolean(text, TLS_DEFAULT),
        }),
        TlsMode::StoredSetting => Some(match tls {
            Some(TlsInput::Flag(b)) => *b,
            // A text value is reported by the checks; the stored column's
            // default (true) is what GitLab would have.
            None | Some(TlsInput::EnvValue(_)) => TLS_DEFAULT,
        }),
    }
}
