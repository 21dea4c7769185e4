//! The instance settings around the AI gateway and the Agent Platform
//! service: URL normalisation and limits, the Agent Platform `host:port`
//! form, TLS by GitLab version, and the settings lines an admin adds.
//!
//! Source: the reference set's `duo-domain.md` §6.1, §6.3, §6.4 and the
//! JSON data of §6.6 (GitLab 18.9.0-pre1, `ee/app/models/ai/setting.rb`,
//! `ee/app/graphql/mutations/ai/duo_settings/update.rb`,
//! `config/initializers/1_settings.rb`, `gems/gitlab-utils/lib/gitlab/utils.rb`;
//! migrations dated '18.4' and '18.10'), compiled 2026-11-26.
//!
//! ```
//! use duo_selfhosted::settings::{self, AgentPlatformTarget};
//!
//! assert_eq!(settings::normalize_url("http://gw:5052/").as_deref(), Some("http://gw:5052"));
//! assert_eq!(settings::normalize_url("  "), None);
//! let (target, diagnostics) = settings::check_agent_platform_url("gw.internal:50052");
//! assert!(diagnostics.is_empty());
//! assert_eq!(target, Some(AgentPlatformTarget { host: "gw.internal".into(), port: Some(50052) }));
//! assert!(!settings::to_boolean("off", true));
//! ```

use crate::config::{Config, Installation, TlsInput};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::timeline;
use crate::version::GitLabVersion;
use serde::Serialize;

/// GitLab's length limit for the AI gateway and Agent Platform URLs
/// (model validation and database `CHECK`).
pub const URL_MAX_LENGTH: usize = 2048;

/// Rails' message for a too-long attribute, as GitLab shows it after the
/// attribute name.
pub const TOO_LONG_MESSAGE: &str = "is too long (maximum is 2048 characters)";

/// The environment variable that switches the Agent Platform's TLS in
/// GitLab 18.4 to 18.9.
pub const TLS_ENV_VAR: &str = "DUO_AGENT_PLATFORM_SERVICE_SECURE";

/// The environment variable GitLab reads the Local AI Gateway URL from when
/// it first creates its AI settings.
pub const AI_GATEWAY_ENV_VAR: &str = "AI_GATEWAY_URL";

/// Words `Gitlab::Utils.to_boolean` reads as true (case-insensitive).
pub const TRUE_WORDS: &[&str] = &["true", "t", "yes", "y", "1", "on"];

/// Words `Gitlab::Utils.to_boolean` reads as false (case-insensitive).
pub const FALSE_WORDS: &[&str] = &["false", "f", "no", "n", "0", "off"];

/// What `DUO_AGENT_PLATFORM_SERVICE_SECURE` means when unset or unreadable.
pub const TLS_DEFAULT: bool = true;

/// The UI label of the 18.10+ TLS checkbox.
pub const TLS_CHECKBOX_LABEL: &str = "Use TLS for the GitLab Duo Agent Platform service";

/// GitLab's install docs on the global effect of the 18.4-18.9 variable.
pub const TLS_GLOBAL_DOC: &str = "If you are going to use a GitLab AI vendor model for GitLab Duo Agent Platform, you must not set the `DUO_AGENT_PLATFORM_SERVICE_SECURE` environment variable.";

/// GitLab's UI help for the Agent Platform URL field.
pub const AGENT_PLATFORM_URL_HELP: &str = "The URL must not include the \"http://\" or \"https://\" protocol. For example \"example.com:50052\".";

/// GitLab's normalisation of both URL settings (the `duoSettingsUpdate`
/// mutation): one trailing `/` removed, a blank value unsets the setting.
pub fn normalize_url(text: &str) -> Option<String> {
    let chomped = text.strip_suffix('/').unwrap_or(text);
    if chomped.trim().is_empty() {
        None
    } else {
        Some(chomped.to_owned())
    }
}

/// `settings.url_too_long` when `url` exceeds [`URL_MAX_LENGTH`] characters.
pub fn check_length(url: &str, path: &Path) -> Option<Diagnostic> {
    let length = url.chars().count();
    (length > URL_MAX_LENGTH).then(|| {
        Diagnostic::error(
            "settings.url_too_long",
            path.clone(),
            format!("the URL is {length} characters long; GitLab allows at most {URL_MAX_LENGTH}"),
        )
        .with("length", length)
        .with("maximum", URL_MAX_LENGTH)
        .with("gitlab_message", TOO_LONG_MESSAGE)
    })
}

/// `Gitlab::Utils.to_boolean(text, default:)`: the true and false words,
/// case-insensitive, anything else the default.
///
/// GitLab's patterns use Ruby line anchors, so a multi-line value whose
/// first line is a word also matches there; this reads the whole string, the
/// difference being limited to values with a new line.
pub fn to_boolean(text: &str, default: bool) -> bool {
    parse_boolean_word(text).unwrap_or(default)
}

/// The word's meaning, or `None` when it is neither a true nor a false word.
pub fn parse_boolean_word(text: &str) -> Option<bool> {
    if TRUE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(text)) {
        Some(true)
    } else if FALSE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(text)) {
        Some(false)
    } else {
        None
    }
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

/// The Agent Platform URL read as the gRPC target GitLab passes it as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AgentPlatformTarget {
    /// Host name or IP address (IPv6 without brackets).
    pub host: String,
    /// Port, when given.
    pub port: Option<u16>,
}

/// Check the "Local URL for the GitLab Duo Agent Platform service" value
/// (paths relative to the value).
///
/// GitLab's server checks only the length ([`URL_MAX_LENGTH`]). The other
/// rules follow GitLab's documentation and UI help and are **stricter than
/// GitLab**, which saves any text and hands it to gRPC verbatim:
/// `agent_platform.url_has_scheme` (no `http://` or `https://`),
/// `agent_platform.url_not_host_port` (the expected `host:port` form),
/// `agent_platform.url_without_port` (gRPC would use its default port 443,
/// the reference's guess from gRPC semantics; the docs always give
/// `:50052`), `agent_platform.url_invalid_port`.
pub fn check_agent_platform_url(text: &str) -> (Option<AgentPlatformTarget>, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let here = Path::root();
    let Some(url) = normalize_url(text) else {
        return (None, diagnostics);
    };
    if let Some(d) = check_length(&url, &here) {
        diagnostics.push(d);
    }
    let lower = url.to_ascii_lowercase();
    let mut rest = url.as_str();
    for scheme in ["http://", "https://"] {
        if lower.starts_with(scheme) {
            rest = &url[scheme.len()..];
            diagnostics.push(
                Diagnostic::error(
                    "agent_platform.url_has_scheme",
                    here.clone(),
                    format!(
                        "the Agent Platform service URL must not start with {}: it is a gRPC target (host:port); GitLab saves it anyway, but does not add or strip the prefix",
                        &url[..scheme.len()]
                    ),
                )
                .with("scheme", &url[..scheme.len() - 3])
                .with("suggestion", rest.trim_end_matches('/'))
                .with("enforced_by_gitlab", false)
                .with("gitlab_message", AGENT_PLATFORM_URL_HELP),
            );
        }
    }
    let target = parse_host_port(rest.trim_end_matches('/'), &mut diagnostics);
    (target, diagnostics)
}

fn not_host_port(text: &str, reason: &str, diagnostics: &mut Diagnostics) {
    diagnostics.push(
        Diagnostic::error(
            "agent_platform.url_not_host_port",
            Path::root(),
            format!("{text:?} is not host:port: {reason}"),
        )
        .with("value", text)
        .with("reason", reason)
        .with("enforced_by_gitlab", false),
    );
}

fn parse_host_port(text: &str, diagnostics: &mut Diagnostics) -> Option<AgentPlatformTarget> {
    let (host, port) = if let Some(inner) = text.strip_prefix('[') {
        let Some((host, after)) = inner.split_once(']') else {
            not_host_port(text, "unclosed `[` around an IPv6 address", diagnostics);
            return None;
        };
        let port = match after {
            "" => None,
            p => match p.strip_prefix(':') {
                Some(p) => Some(p),
                None => {
                    not_host_port(text, "unexpected text after `]`", diagnostics);
                    return None;
                }
            },
        };
        if host.parse::<std::net::Ipv6Addr>().is_err() {
            not_host_port(text, "not an IPv6 address inside `[ ]`", diagnostics);
            return None;
        }
        (host, port)
    } else {
        match text.rsplit_once(':') {
            Some((host, _)) if host.contains(':') => {
                not_host_port(text, "an IPv6 address needs `[ ]` around it", diagnostics);
                return None;
            }
            Some((host, port)) => (host, Some(port)),
            None => (text, None),
        }
    };
    if let Some(bad) = host
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':')))
    {
        let reason = if bad == '/' {
            "a path or scheme has no place in a gRPC target".to_owned()
        } else {
            format!("unexpected character {bad:?} in the host")
        };
        not_host_port(text, &reason, diagnostics);
        return None;
    }
    if host.is_empty() {
        not_host_port(text, "the host is empty", diagnostics);
        return None;
    }
    let port = match port {
        None => {
            diagnostics.push(
                Diagnostic::warning(
                    "agent_platform.url_without_port",
                    Path::root(),
                    format!(
                        "{text:?} has no port: gRPC would use its default port 443; the Agent Platform service usually listens on 50052"
                    ),
                )
                .with("host", host)
                .with("assumed_port", 443u16),
            );
            None
        }
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 && p.bytes().all(|b| b.is_ascii_digit()) => Some(n),
            _ => {
                diagnostics.push(
                    Diagnostic::error(
                        "agent_platform.url_invalid_port",
                        Path::root(),
                        format!("{p:?} is not a port number (1 to 65535)"),
                    )
                    .with("port", p),
                );
                return None;
            }
        },
    };
    Some(AgentPlatformTarget {
        host: host.to_owned(),
        port,
    })
}

/// The TLS switch's effective value for the configuration's version:
/// `Some(secure)`, or `None` before 18.4.
pub fn effective_tls(config: &Config) -> Option<bool> {
    match TlsMode::for_version(&config.gitlab_version) {
        TlsMode::NotAvailable => None,
        TlsMode::EnvVar => Some(match &config.agent_platform.tls {
            None => TLS_DEFAULT,
            Some(TlsInput::Flag(b)) => *b,
            Some(TlsInput::EnvValue(text)) => to_boolean(text, TLS_DEFAULT),
        }),
        TlsMode::StoredSetting => Some(match &config.agent_platform.tls {
            Some(TlsInput::Flag(b)) => *b,
            // A text value is reported by the checks; the stored column's
            // default (true) is what GitLab would have.
            None | Some(TlsInput::EnvValue(_)) => TLS_DEFAULT,
        }),
    }
}

/// The settings lines an admin adds for the configuration's installation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The installation type.
    pub installation: Installation,
    /// The file the lines go into, when there is one.
    pub file: Option<&'static str>,
    /// The lines, ready to paste (empty when nothing needs setting).
    pub lines: Vec<String>,
    /// What to do with them and what else to set, in order.
    pub notes: Vec<String>,
}

impl std::fmt::Display for Snippet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(file) = self.file {
            writeln!(f, "# {file}")?;
        }
        for line in &self.lines {
            writeln!(f, "{line}")?;
        }
        for note in &self.notes {
            writeln!(f, "# {note}")?;
        }
        Ok(())
    }
}

fn ruby_string(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

fn shell_string(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// The environment variables the configuration needs, in order: up to
/// 19.1 the AI gateway URL (GitLab's initial default when it first creates
/// its AI settings) and, in 18.4-18.9 with TLS off,
/// `DUO_AGENT_PLATFORM_SERVICE_SECURE=false`.
///
/// From 19.2 GitLab reads the URL from `application_settings`, which every
/// instance already has (the 19.2 migration copies the AI settings' value
/// there), so `AI_GATEWAY_URL` only seeds a new installation's settings and
/// is left out: the snippet names no setting GitLab no longer reads.
pub fn environment(config: &Config) -> Vec<(&'static str, EnvValue)> {
    let mut env = Vec::new();
    if !timeline::SETTINGS_TO_APPLICATION_SETTINGS.reached(&config.gitlab_version) {
        if let Some(url) = config.ai_gateway.url.as_deref().and_then(normalize_url) {
            env.push((AI_GATEWAY_ENV_VAR, EnvValue::Text(url)));
        }
    }
    if TlsMode::for_version(&config.gitlab_version) == TlsMode::EnvVar
        && effective_tls(config) == Some(false)
    {
        env.push((TLS_ENV_VAR, EnvValue::False));
    }
    env
}

/// A value of an environment variable in a snippet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EnvValue {
    /// A text value.
    Text(String),
    /// The boolean `false` (written as GitLab's docs write it).
    False,
}

/// The settings lines (rule 7) for the configuration's installation type.
pub fn snippet(config: &Config) -> Snippet {
    let env = environment(config);
    let mode = TlsMode::for_version(&config.gitlab_version);
    let mut notes = Vec::new();
    let (file, lines) = match config.installation {
        Installation::LinuxPackage | Installation::Docker => {
            let lines = if env.is_empty() {
                Vec::new()
            } else {
                let pairs: Vec<String> = env
                    .iter()
                    .map(|(name, value)| match value {
                        EnvValue::Text(text) => format!("'{name}' => {}", ruby_string(text)),
                        EnvValue::False => format!("'{name}' => false"),
                    })
                    .collect();
                vec![format!("gitlab_rails['env'] = {{ {} }}", pairs.join(", "))]
            };
            if !lines.is_empty() {
                notes.push("gitlab_rails['env'] is one hash: merge these entries into an existing gitlab_rails['env'] line rather than adding a second one".to_owned());
            }
            if config.installation == Installation::Docker && !lines.is_empty() {
                notes.push("Docker: put the line in the GITLAB_OMNIBUS_CONFIG environment variable of the container, or in the /etc/gitlab/gitlab.rb of its configuration volume, then restart the container".to_owned());
            } else if !lines.is_empty() {
                notes.push("then run: sudo gitlab-ctl reconfigure".to_owned());
            }
            (Some("/etc/gitlab/gitlab.rb"), lines)
        }
        Installation::SelfCompiled => {
            let lines: Vec<String> = env
                .iter()
                .map(|(name, value)| match value {
                    EnvValue::Text(text) => format!("export {name}={}", shell_string(text)),
                    EnvValue::False => format!("export {name}=false"),
                })
                .collect();
            if !lines.is_empty() {
                notes.push("then restart GitLab: sudo service gitlab restart (or systemctl restart gitlab.target)".to_owned());
            }
            (Some("/etc/default/gitlab"), lines)
        }
        Installation::HelmChart => {
            let mut lines = Vec::new();
            if !env.is_empty() {
                lines.push("global:".to_owned());
                lines.push("  extraEnv:".to_owned());
                for (name, value) in &env {
                    let text = match value {
                        EnvValue::Text(text) => yaml_string(text),
                        EnvValue::False => "\"false\"".to_owned(),
                    };
                    lines.push(format!("    {name}: {text}"));
                }
                notes.push("Helm chart: the chart does not read gitlab.rb; these values set the variables in every GitLab pod (global.extraEnv; the chart's mechanism, not from GitLab's Duo docs), then run helm upgrade".to_owned());
            }
            (Some("values.yaml"), lines)
        }
    };
    if env.iter().any(|(name, _)| *name == AI_GATEWAY_ENV_VAR) {
        notes.push(format!(
            "{AI_GATEWAY_ENV_VAR} is only the initial value GitLab uses when it first creates its AI settings; afterwards set Admin > GitLab Duo > Change configuration > Local AI Gateway URL"
        ));
    } else if let Some(url) = config.ai_gateway.url.as_deref().and_then(normalize_url) {
        notes.push(format!(
            "set Admin > GitLab Duo > Change configuration > Local AI Gateway URL to {url} (GitLab {} keeps it in its application settings; no environment variable or configuration file is read for it)",
            config.gitlab_version
        ));
    }
    match mode {
        TlsMode::EnvVar if effective_tls(config) == Some(false) => {
            notes.push(format!("{TLS_ENV_VAR} is global in GitLab {}: it also switches off TLS to GitLab's cloud Agent Platform. {TLS_GLOBAL_DOC}", config.gitlab_version));
            notes.push("an explicit duo_workflow: secure: in gitlab.yml wins over the environment variable".to_owned());
        }
        TlsMode::StoredSetting if effective_tls(config) == Some(false) => {
            notes.push(format!(
                "TLS is a setting from GitLab 18.10: clear Admin > GitLab Duo > Change configuration > \"{TLS_CHECKBOX_LABEL}\" (no environment variable)"
            ));
            notes.push(format!(
                "upgrading from 18.4-18.9: the 18.10 migration copied {TLS_ENV_VAR} into this setting (unset or unreadable: true)"
            ));
        }
        _ => {}
    }
    Snippet {
        installation: config.installation,
        file,
        lines,
        notes,
    }
}
