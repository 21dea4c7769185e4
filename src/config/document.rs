//! The configuration document's types: one admin's whole set-up, and the
//! bundled example.

use crate::diagnostic::{Diagnostics, Path};
use crate::duo_settings::TlsInput;
use crate::feature::{Feature, Provider};
use crate::model::record::{ModelContext, ModelRecord};
use crate::url::allowlist::{split_text, Allowlist};
use crate::version::GitLabVersion;
use std::net::IpAddr;

/// The bundled realistic example configuration (`examples/duo-selfhosted.json`).
pub const EXAMPLE_JSON: &str = include_str!("../../examples/duo-selfhosted.json");

/// The same example in TOML (`examples/duo-selfhosted.toml`).
pub const EXAMPLE_TOML: &str = include_str!("../../examples/duo-selfhosted.toml");

macro_rules! keyed_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $key:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        pub enum $name { $($(#[$vdoc])* #[serde(rename = $key)] $variant,)* }
        impl $name {
            /// Every value with its key in the document, in schema order.
            pub const ALL: &'static [(&'static str, $name)] = &[$(($key, $name::$variant)),*];
            /// The key in the document.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)* }
            }
        }
    };
}

keyed_enum! {
    /// Where GitLab runs.
    Offering {
        /// GitLab Self-Managed (the offering Duo Self-Hosted is for).
        SelfManaged = "self_managed",
        /// GitLab Dedicated.
        Dedicated = "dedicated",
        /// GitLab.com.
        GitlabCom = "gitlab_com",
    }
}

keyed_enum! {
    /// The subscription tier.
    Tier {
        /// Free.
        Free = "free",
        /// Premium.
        Premium = "premium",
        /// Ultimate.
        Ultimate = "ultimate",
    }
}

keyed_enum! {
    /// A GitLab Duo add-on.
    AddOn {
        /// GitLab Duo Core.
        DuoCore = "duo_core",
        /// GitLab Duo Pro.
        DuoPro = "duo_pro",
        /// GitLab Duo Enterprise.
        DuoEnterprise = "duo_enterprise",
        /// GitLab Duo Agent Platform Self-Hosted (for offline licences).
        DuoAgentPlatformSelfHosted = "duo_agent_platform_self_hosted",
    }
}

keyed_enum! {
    /// How the licence is activated.
    License {
        /// Online cloud licence (synchronised with GitLab).
        Online = "online",
        /// Offline cloud licence.
        Offline = "offline",
    }
}

keyed_enum! {
    /// How GitLab is installed (decides where settings lines go).
    Installation {
        /// Linux package (Omnibus): `/etc/gitlab/gitlab.rb`.
        LinuxPackage = "linux_package",
        /// Self-compiled: `/etc/default/gitlab`.
        SelfCompiled = "self_compiled",
        /// The GitLab Helm chart.
        HelmChart = "helm_chart",
        /// The GitLab Docker image.
        Docker = "docker",
    }
}

/// The instance's outbound request settings (Admin > Settings > Network >
/// Outbound requests).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Network {
    /// "Allow requests to the local network from webhooks and integrations".
    pub allow_local_requests_from_web_hooks_and_services: bool,
    /// "Block all requests, except those on the allowlist".
    pub deny_all_requests_except_allowed: bool,
    /// The outbound allowlist, as typed or as entries.
    pub outbound_allowlist: AllowlistInput,
    /// The GitLab server's own addresses, if known.
    pub gitlab_server_addresses: Vec<IpAddr>,
}

/// The outbound allowlist as the document gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AllowlistInput {
    /// The text of GitLab's text area (entries separated by `;`, `,` or new lines).
    Text(String),
    /// One entry per element.
    Entries(Vec<String>),
}

impl AllowlistInput {
    /// The entries, split as GitLab splits its text area.
    pub fn entries(&self) -> Vec<String> {
        match self {
            AllowlistInput::Text(text) => split_text(text).into_iter().map(str::to_owned).collect(),
            AllowlistInput::Entries(entries) => entries.clone(),
        }
    }

    /// The allowlist as GitLab reads it, with GitLab's validation errors
    /// and the lints (paths are entry indexes).
    pub fn parse(&self) -> (Allowlist, Diagnostics) {
        match self {
            AllowlistInput::Text(text) => Allowlist::parse(text),
            AllowlistInput::Entries(entries) => Allowlist::from_entries(entries),
        }
    }

    /// [`AllowlistInput::parse`] with the diagnostics' paths under `base`
    /// (built there at once, not moved under it).
    pub(crate) fn parse_under(&self, base: &Path) -> (Allowlist, Diagnostics) {
        match self {
            AllowlistInput::Text(text) => Allowlist::parse_under(text, base),
            AllowlistInput::Entries(entries) => Allowlist::from_entries_under(entries, base),
        }
    }
}

impl Default for AllowlistInput {
    fn default() -> Self {
        AllowlistInput::Entries(Vec::new())
    }
}

/// The Local AI Gateway URL setting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AiGateway {
    /// The URL as typed (normalised by [`crate::settings::normalize_url`]).
    pub url: Option<String>,
    /// What the URL's host resolves to on the GitLab server, in resolver
    /// order; `None` when unknown (DNS-dependent checks then say so).
    pub resolved_addresses: Option<Vec<IpAddr>>,
    /// "AI Gateway request timeout" in seconds (18.7+); `None`: unset, which
    /// GitLab reads as 60.
    pub timeout_seconds: Option<i64>,
}

/// The Agent Platform service settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgentPlatform {
    /// "Local URL for the GitLab Duo Agent Platform service" as typed.
    pub url: Option<String>,
    /// TLS for the service; `None` means GitLab's default (TLS on).
    pub tls: Option<TlsInput>,
}

/// One feature's setting as stored in a [`Config`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeatureSetting {
    /// The feature.
    pub feature: &'static Feature,
    /// The provider chosen.
    pub provider: Provider,
    /// `self_hosted`: the deployment name; `vendored`: the GitLab-managed
    /// model (`offered_model_ref`; none means "GitLab default model").
    pub model: Option<String>,
}

/// A whole Duo Self-Hosted configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The GitLab version every version-dependent rule follows.
    pub gitlab_version: GitLabVersion,
    /// Offering.
    pub offering: Offering,
    /// Tier.
    pub tier: Tier,
    /// Add-ons purchased.
    pub add_ons: Vec<AddOn>,
    /// Licence activation.
    pub license: License,
    /// Installation type.
    pub installation: Installation,
    /// "Use beta models and features in GitLab Duo Self-Hosted".
    pub beta_models_and_features: bool,
    /// Outbound request settings.
    pub network: Network,
    /// The Local AI Gateway URL.
    pub ai_gateway: AiGateway,
    /// The Agent Platform service.
    pub agent_platform: AgentPlatform,
    /// The self-hosted model deployments, in document order.
    pub self_hosted_models: Vec<ModelRecord>,
    /// Feature settings given (a feature left out is unassigned), in
    /// catalog order.
    pub features: Vec<FeatureSetting>,
}

impl Config {
    /// A configuration for `version` and `tier` with everything else at its
    /// default: self-managed, online licence, Linux package, beta off, no
    /// add-ons, no settings.
    pub fn new(gitlab_version: GitLabVersion, tier: Tier) -> Self {
        Config {
            gitlab_version,
            offering: Offering::SelfManaged,
            tier,
            add_ons: Vec::new(),
            license: License::Online,
            installation: Installation::LinuxPackage,
            beta_models_and_features: false,
            network: Network::default(),
            ai_gateway: AiGateway::default(),
            agent_platform: AgentPlatform::default(),
            self_hosted_models: Vec::new(),
            features: Vec::new(),
        }
    }

    /// The setting of feature `key`, if the document gives one.
    pub fn setting(&self, key: &str) -> Option<&FeatureSetting> {
        self.features.iter().find(|s| s.feature.key == key)
    }

    /// The deployment called `name` (GitLab compares names case-sensitively).
    pub fn deployment(&self, name: &str) -> Option<&ModelRecord> {
        self.self_hosted_models.iter().find(|d| d.name == name)
    }

    /// What the model checks need to know about the instance.
    pub fn model_context(&self) -> ModelContext {
        ModelContext {
            outbound_allowlist: self.network.outbound_allowlist.entries(),
            ..self.model_context_without_allowlist()
        }
    }

    /// [`Config::model_context`] without the allowlist's entries, for a
    /// check that reads the allowlist itself and shares it
    /// ([`check_models_with_allowlist`](crate::model::record::check_models_with_allowlist)).
    pub(crate) fn model_context_without_allowlist(&self) -> ModelContext {
        ModelContext {
            gitlab_version: self.gitlab_version.clone(),
            beta_models_enabled: self.beta_models_and_features,
            deny_all_requests_except_allowed: self.network.deny_all_requests_except_allowed,
            outbound_allowlist: Vec::new(),
            allow_local_requests_from_web_hooks_and_services: self
                .network
                .allow_local_requests_from_web_hooks_and_services,
            profiles: None,
        }
    }

    /// Whether an add-on was purchased.
    pub fn has_add_on(&self, add_on: AddOn) -> bool {
        self.add_ons.contains(&add_on)
    }
}
