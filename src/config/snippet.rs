//! The settings lines an admin adds for the configuration's installation
//! type (environment variables up to 19.1, the TLS variable in 18.4-18.9),
//! and the TLS switch's effective value for a whole configuration. They
//! live here, not with the service settings, because they read the whole
//! [`Config`]; `duo_selfhosted::settings` re-exports them.

use super::document::{Config, Installation};
use crate::duo_settings::{
    effective_tls_for, normalize_url, TlsMode, AI_GATEWAY_ENV_VAR, TLS_CHECKBOX_LABEL, TLS_ENV_VAR,
    TLS_GLOBAL_DOC,
};
use crate::timeline;
use serde::Serialize;

/// The TLS switch's effective value for the configuration's version:
/// `Some(secure)`, or `None` before 18.4.
pub fn effective_tls(config: &Config) -> Option<bool> {
    effective_tls_for(&config.gitlab_version, config.agent_platform.tls.as_ref())
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
