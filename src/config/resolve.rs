//! What each feature will actually use, and why (`duo-domain.md` §4.2, §4.3).
//!
//! Classic Chat requests (`Gitlab::Llm::Chain::Requests::AiGateway`, 18.9)
//! resolve a feature with `Ai::FeatureSettingSelectionService`:
//!
//! 1. a saved setting whose provider is not `vendored` (`self_hosted`,
//!    `disabled`, or a saved `unassigned`) is used as it is;
//! 2. otherwise (nothing saved, or `vendored`) the instance model selection
//!    is used, **unless** the licence is offline, or the selection is the
//!    GitLab default model (no pinned model) and a Local AI Gateway URL is
//!    set: then the resolution is **none**;
//! 3. when the resolution is none and the feature is not `duo_chat`,
//!    `duo_chat` is resolved instead: the General Chat fallback. A saved
//!    `unassigned`, `disabled` or `self_hosted` setting never falls back.
//!
//! Other features read their own setting directly (Code Suggestions:
//! `ee/lib/code_suggestions/model_details/base.rb`, `feature_setting&.base_url
//! || Gitlab::AiGateway.url`), so a saved `vendored` setting is used as it
//! is, and without a saved setting the request goes to the Local AI Gateway
//! URL with GitLab's default model parameters when one is set (none), or to
//! GitLab's cloud AI gateway otherwise (vendored).
//!
//! A feature whose resolution is none stays on (GitLab's docs: "GitLab Duo
//! features remain turned on even if you have not chosen a model"): its
//! requests use GitLab's default model parameters through the AI gateway.
//! Only `disabled` turns a feature off. Amazon Q (which makes every
//! resolution none) is outside the document and not modelled.

use super::{Config, FeatureSetting, License};
use crate::feature::{self, Feature, Offer, Provider};
use crate::settings::normalize_url;
use serde::Serialize;

/// Why a feature uses what it uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// Its own setting (or, with none, its own lack of one).
    Own,
    /// Its own resolution was none, so GitLab used General Chat's.
    GeneralChatFallback,
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
    /// Own setting or General Chat fallback.
    pub via: Via,
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
    /// One line per feature: key, provider, model, and how it was reached.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for r in &self.features {
            let model = match (&r.model, &r.family) {
                (Some(m), Some(family)) => format!(" {m:?} ({family})"),
                (Some(m), None) => format!(" {m:?}"),
                _ => String::new(),
            };
            let via = match r.via {
                Via::Own => "",
                Via::GeneralChatFallback => " via General Chat",
            };
            let state = if r.enabled { "" } else { " [off]" };
            writeln!(
                f,
                "{:<34} {}{model}{via}{state}",
                r.feature,
                r.provider.key()
            )?;
        }
        Ok(())
    }
}

/// The outcome of GitLab's selection service for one feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Own<'a> {
    /// A saved non-vendored setting.
    Saved(&'a FeatureSetting),
    /// The instance model selection: GitLab-managed models.
    Vendored,
    /// No resolution.
    None,
}

/// The feature's own resolution: GitLab's `FeatureSettingSelectionService`
/// for classic Chat features (§4.2), the saved setting for the others.
pub(crate) fn own<'a>(config: &'a Config, feature: &Feature) -> Own<'a> {
    let saved = config.setting(feature.key);
    match saved {
        Some(setting) if setting.provider != Provider::Vendored => return Own::Saved(setting),
        Some(_) if !feature.is_classic_chat() => return Own::Vendored,
        _ => {}
    }
    let pinned = saved
        .and_then(|s| s.model.as_deref())
        .is_some_and(|m| !m.trim().is_empty());
    let gateway_set = config
        .ai_gateway
        .url
        .as_deref()
        .and_then(normalize_url)
        .is_some();
    if config.license == License::Offline || (!pinned && gateway_set) {
        Own::None
    } else {
        Own::Vendored
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
        group: feature.group.title(),
        provider,
        model,
        family,
        via,
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
        premium: config.tier == super::Tier::Premium,
    };
    let general_chat = feature::general_chat();
    let features = feature::allowed(version, offer)
        .into_iter()
        .map(|feature| {
            let mine = own(config, feature);
            if mine == Own::None && feature.falls_back_to_general_chat(version) {
                entry(
                    config,
                    feature,
                    own(config, general_chat),
                    Via::GeneralChatFallback,
                )
            } else {
                entry(config, feature, mine, Via::Own)
            }
        })
        .collect();
    Resolution { features }
}
