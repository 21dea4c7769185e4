//! What each feature will actually use, and why (`duo-domain.md` §4.2,
//! §4.3; `gitlab-update-2026-12.md` §4).
//!
//! Classic Chat requests (`Gitlab::Llm::Chain::Requests::AiGateway`)
//! resolve a feature with `Ai::FeatureSettingSelectionService`:
//!
//! 1. a saved setting whose provider is not `vendored` (`self_hosted`,
//!    `disabled`, or a saved `unassigned`) is used as it is;
//! 2. otherwise (nothing saved, or `vendored`) the instance model selection
//!    is used (GitLab-managed models through GitLab's cloud AI gateway),
//!    **unless** the resolution is **none**:
//!    - up to 19.3: the licence is offline, or the selection is the GitLab
//!      default model (no pinned model) and a Local AI Gateway URL is set;
//!    - from 19.4: only when the licence is offline (the selection service
//!      of the 19.4 development snapshot @ `bd8f43d9`; first seen there, so
//!      19.2 and 19.3 may already behave so: the rules apply the change
//!      from 19.4 and `validate` says so for those two releases);
//! 3. when the resolution is none and the feature is not `duo_chat`,
//!    `duo_chat` is resolved instead: the General Chat fallback. A saved
//!    `unassigned`, `disabled` or `self_hosted` setting never falls back.
//!
//! Other features read their own setting directly (Code Suggestions:
//! `ee/lib/code_suggestions/model_details/base.rb`, `feature_setting&.base_url
//! || Gitlab::AiGateway.url`), so a saved `vendored` setting is used as it
//! is, and without a saved setting the request goes to the Local AI Gateway
//! URL with GitLab's default model parameters when one is set (none), or to
//! GitLab's cloud AI gateway otherwise (vendored). The 19.4 change is in the
//! selection service only, so it does not touch them.
//!
//! A feature whose resolution is none stays on (GitLab's docs: "GitLab Duo
//! features remain turned on even if you have not chosen a model"): its
//! requests use GitLab's default model parameters through the AI gateway.
//! Only `disabled` turns a feature off. Amazon Q (which makes every
//! resolution none) is outside the document and not modelled.

use super::document::{Config, FeatureSetting, License};
use crate::duo_settings::normalize_url;
use crate::feature::{self, Feature, Offer, Provider};
use crate::timeline;
use serde::Serialize;

/// Why a feature uses what it uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// Its own saved setting, or (with none) its own lack of a model.
    Own,
    /// Its own resolution was none, so GitLab used General Chat's.
    GeneralChatFallback,
    /// No saved setting: GitLab used the instance model selection, its
    /// GitLab-managed default model through GitLab's cloud AI gateway.
    InstanceModelSelection,
}

impl Via {
    /// The snake-case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Via::Own => "own",
            Via::GeneralChatFallback => "general_chat_fallback",
            Via::InstanceModelSelection => "instance_model_selection",
        }
    }
}

/// One feature's effective assignment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResolvedFeature {
    /// GitLab's feature key.
    pub feature: &'static str,
    /// The UI title in the configuration's version.
    pub title: &'static str,
    /// The UI section title.
    pub group: &'static str,
    /// The effective provider (`unassigned` when the resolution is none).
    pub provider: Provider,
    /// The self-hosted deployment name, for `self_hosted`.
    pub model: Option<String>,
    /// The deployment's family key, when the deployment exists.
    pub family: Option<String>,
    /// Own setting, General Chat fallback, or the instance model selection.
    pub via: Via,
    /// Why GitLab's code resolves the feature so, in English.
    pub reason: String,
    /// Whether the feature is on (everything but `disabled` is).
    pub enabled: bool,
}

/// The effective assignment of every feature GitLab lists for the
/// configuration (its version, beta setting and tier), in GitLab's enum order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Resolution {
    /// One entry per listed feature.
    pub features: Vec<ResolvedFeature>,
}

impl Resolution {
    /// The entry for feature `key`, if GitLab lists it.
    pub fn feature(&self, key: &str) -> Option<&ResolvedFeature> {
        self.features.iter().find(|f| f.feature == key)
    }
}

impl std::fmt::Display for Resolution {
    /// The features by UI section (in the page's order), one line each:
    /// title, provider, model, how it was reached, and the feature key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let width = self
            .features
            .iter()
            .map(|r| r.title.chars().count())
            .max()
            .unwrap_or(0);
        let mut first = true;
        for (_, _, group, _) in feature::GROUPS {
            let mut rows = self
                .features
                .iter()
                .filter(|r| r.group == *group)
                .peekable();
            if rows.peek().is_none() {
                continue;
            }
            if !first {
                writeln!(f)?;
            }
            first = false;
            writeln!(f, "{group}")?;
            for r in rows {
                let model = match (&r.model, &r.family) {
                    (Some(m), Some(family)) => format!(" {m:?} ({family})"),
                    (Some(m), None) => format!(" {m:?}"),
                    _ => String::new(),
                };
                let via = match r.via {
                    Via::Own => "",
                    Via::GeneralChatFallback => " via General Chat",
                    Via::InstanceModelSelection => " via the instance model selection",
                };
                let state = if r.enabled { "" } else { " [off]" };
                writeln!(
                    f,
                    "  {:<width$}  {}{model}{via}{state}  [{}]",
                    r.title,
                    r.provider.key(),
                    r.feature
                )?;
            }
        }
        Ok(())
    }
}

/// The outcome of GitLab's selection service for one feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Own<'a> {
    /// A saved setting used as it is (non-vendored, or vendored outside
    /// classic Chat).
    Saved(&'a FeatureSetting),
    /// The instance model selection: GitLab-managed models.
    Vendored,
    /// No resolution.
    None,
}

/// Whether GitLab's selection service resolves "no saved setting, or a saved
/// `vendored` one" to none for a classic Chat feature (§4.2).
pub(crate) fn selection_is_none(config: &Config, pinned: bool) -> bool {
    if config.license == License::Offline {
        return true;
    }
    if timeline::NO_GENERAL_CHAT_FALLBACK_ON_ONLINE_LICENCE.reached(&config.gitlab_version) {
        return false;
    }
    !pinned && gateway_set(config)
}

fn gateway_set(config: &Config) -> bool {
    config
        .ai_gateway
        .url
        .as_deref()
        .and_then(normalize_url)
        .is_some()
}

/// The feature's own resolution: GitLab's `FeatureSettingSelectionService`
/// for classic Chat features (§4.2), the saved setting for the others.
pub(crate) fn own<'a>(config: &'a Config, feature: &Feature) -> Own<'a> {
    let saved = config.setting(feature.key);
    match saved {
        Some(setting) if setting.provider != Provider::Vendored => return Own::Saved(setting),
        Some(setting) if !feature.is_classic_chat() => return Own::Saved(setting),
        _ => {}
    }
    let pinned = saved
        .and_then(|s| s.model.as_deref())
        .is_some_and(|m| !m.trim().is_empty());
    let none = if feature.is_classic_chat() {
        selection_is_none(config, pinned)
    } else {
        // Not the selection service: the request goes to the Local AI
        // Gateway with default parameters when one is set or the licence is
        // offline, to GitLab's cloud AI gateway otherwise.
        config.license == License::Offline || gateway_set(config)
    };
    if none {
        Own::None
    } else {
        Own::Vendored
    }
}

/// Why the feature resolves as it does, for [`ResolvedFeature::reason`].
fn reason(config: &Config, feature: &Feature, own: Own<'_>, via: Via) -> String {
    let version = &config.gitlab_version;
    match (via, own) {
        (Via::GeneralChatFallback, _) => {
            let why = if config.license == License::Offline {
                "with an offline licence GitLab's selection service resolves it to no model"
            } else {
                "with a Local AI Gateway URL set and no pinned GitLab-managed model, GitLab's selection service resolves it to no model"
            };
            format!(
                "no saved setting of its own: {why}, so GitLab Duo Chat uses General Chat's setting"
            )
        }
        (Via::InstanceModelSelection, _) => {
            if timeline::NO_GENERAL_CHAT_FALLBACK_ON_ONLINE_LICENCE.reached(version)
                && feature.falls_back_to_general_chat(version)
                && gateway_set(config)
            {
                format!(
                    "no saved setting of its own: from GitLab {} an online licence uses the instance model selection (GitLab's default model through GitLab's cloud AI gateway) instead of General Chat's model",
                    timeline::NO_GENERAL_CHAT_FALLBACK_ON_ONLINE_LICENCE.version_text()
                )
            } else {
                "no saved setting and no Local AI Gateway URL: GitLab uses the instance model selection (GitLab's default model through GitLab's cloud AI gateway)".to_owned()
            }
        }
        (Via::Own, Own::Saved(setting)) => match setting.provider {
            Provider::SelfHosted => "its own saved setting: a self-hosted model".to_owned(),
            Provider::Disabled => "its own saved setting: disabled".to_owned(),
            Provider::Unassigned => "its own saved setting: unassigned (no model; a saved setting never falls back)".to_owned(),
            Provider::Vendored => "its own saved setting: a GitLab-managed model".to_owned(),
        },
        (Via::Own, Own::Vendored) => {
            "its own saved setting: a GitLab-managed model (GitLab's instance model selection for the feature)".to_owned()
        }
        (Via::Own, Own::None) => {
            if config.license == License::Offline {
                "no model: with an offline licence GitLab resolves it to none; its requests use GitLab's default model parameters through the Local AI Gateway".to_owned()
            } else {
                "no model: no saved setting and a Local AI Gateway URL set; its requests use GitLab's default model parameters through the Local AI Gateway".to_owned()
            }
        }
    }
}

fn entry(config: &Config, feature: &'static Feature, own: Own<'_>, via: Via) -> ResolvedFeature {
    let version = &config.gitlab_version;
    let (provider, model) = match own {
        Own::Saved(setting) => (setting.provider, setting.model.clone()),
        Own::Vendored => (Provider::Vendored, None),
        Own::None => (Provider::Unassigned, None),
    };
    let model = model.filter(|_| provider == Provider::SelfHosted);
    let family = model
        .as_deref()
        .and_then(|name| config.deployment(name))
        .map(|d| d.family.clone());
    ResolvedFeature {
        feature: feature.key,
        title: feature.title(version),
        group: feature.group(version).title(),
        provider,
        model,
        family,
        via,
        reason: String::new(),
        enabled: provider != Provider::Disabled,
    }
}

/// What every feature GitLab lists for `config` will actually use.
///
/// Follows the configuration's version as given; a version outside the
/// covered range is reported by [`validate`](super::validate), not here.
pub fn resolve(config: &Config) -> Resolution {
    let version = &config.gitlab_version;
    let offer = Offer {
        beta: config.beta_models_and_features,
        premium: config.tier == super::document::Tier::Premium,
    };
    let general_chat = feature::general_chat();
    let features = feature::allowed(version, offer)
        .into_iter()
        .map(|feature| {
            let mine = own(config, feature);
            let (source, of, via) = match mine {
                Own::None if feature.falls_back_to_general_chat(version) => (
                    own(config, general_chat),
                    general_chat,
                    Via::GeneralChatFallback,
                ),
                // A saved vendored setting is the feature's own choice.
                Own::Vendored if config.setting(feature.key).is_none() => {
                    (mine, feature, Via::InstanceModelSelection)
                }
                _ => (mine, feature, Via::Own),
            };
            let mut resolved = entry(config, feature, source, via);
            // The fallback target's own reason is General Chat's; say why
            // this feature got there instead.
            resolved.reason = reason(
                config,
                feature,
                if of.key == feature.key { source } else { mine },
                via,
            );
            resolved
        })
        .collect();
    Resolution { features }
}
