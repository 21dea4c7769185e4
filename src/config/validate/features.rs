//! The feature settings: offered in the version, tier and beta setting;
//! the self-hosted model named and compatible; the GitLab-managed models;
//! what a disabled or unassigned setting really does.

use crate::config::document::{Config, FeatureSetting, License, Tier};
use crate::config::prerequisite::{agent_platform_self_hosted_allowed, vendored_models_allowed};
use crate::config::resolve::{self, Own};
use crate::diagnostic::{nearest_names, Diagnostic, Diagnostics, Path};
use crate::feature::{Feature, NotOffered, Offer, Provider};
use crate::timeline;
use crate::version::GitLabVersion;

/// GitLab's error when an admin without the Agent Platform permission
/// assigns a self-hosted model to an Agent Platform feature.
pub const AGENT_PLATFORM_PERMISSION_MESSAGE: &str =
    "You don't have permission to update the setting ai_self_hosted_model_id.";

pub(super) fn offer(config: &Config) -> Offer {
    Offer {
        beta: config.beta_models_and_features,
        premium: config.tier == Tier::Premium,
    }
}

fn feature_path(feature: &Feature) -> Path {
    Path::root().key("features").key(feature.key)
}

pub(super) fn check_feature(
    config: &Config,
    setting: &FeatureSetting,
    diagnostics: &mut Diagnostics,
) {
    let version = &config.gitlab_version;
    let feature = setting.feature;
    let title = feature.title(version);
    let path = feature_path(feature);
    match feature.offered(version, offer(config)) {
        Ok(()) => {}
        // Turning a feature off needs neither the beta setting nor
        // Ultimate: the feature is off either way (issue 12: a Premium
        // configuration that disables the beta features is valid).
        Err(NotOffered::NeedsBeta | NotOffered::UltimateOnly)
            if setting.provider == Provider::Disabled => {}
        Err(NotOffered::NotInVersion) => {
            diagnostics.push(
                if feature.since.certainly_absent_in(version) {
                    Diagnostic::error(
                        "feature.not_in_version",
                        path,
                        format!(
                            "GitLab {version} has no feature `{}`; it exists from GitLab {}",
                            feature.key,
                            feature.since.version_text()
                        ),
                    )
                } else {
                    // Inside the window of possible releases: it may exist.
                    Diagnostic::warning(
                        "feature.not_in_version",
                        path,
                        format!(
                            "GitLab {version} may not have the feature `{}`: it was first seen in GitLab {} and may have landed from {}",
                            feature.key,
                            feature.since.version_text(),
                            feature.since.window_text().unwrap_or_default()
                        ),
                    )
                }
                .with("feature", feature.key)
                .with("since", feature.since.version_text()),
            );
            return;
        }
        Err(NotOffered::NeedsBeta) => diagnostics.push(
            Diagnostic::error(
                "feature.needs_beta",
                path.clone(),
                format!(
                    "{title} is a beta feature in GitLab {version}: GitLab lists it only with \"Use beta models and features in GitLab Duo Self-Hosted\" turned on"
                ),
            )
            .with("feature", feature.key)
            .with("title", title),
        ),
        Err(NotOffered::UltimateOnly) => diagnostics.push(
            Diagnostic::error(
                "feature.ultimate_only",
                path.clone(),
                format!("{title} is hidden on Premium: it needs Ultimate"),
            )
            .with("feature", feature.key)
            .with("title", title),
        ),
    }
    let model = setting.model.as_deref().filter(|m| !m.trim().is_empty());
    match setting.provider {
        Provider::SelfHosted => check_self_hosted(config, feature, model, &path, diagnostics),
        Provider::Vendored => check_vendored(config, feature, model, &path, diagnostics),
        Provider::Disabled | Provider::Unassigned => {
            if setting.provider == Provider::Disabled
                && timeline::DISABLED_IN_MODEL_GROUP.reached(version)
                && !has_selectable_model(config, feature)
            {
                diagnostics.push(
                    Diagnostic::info(
                        "feature.disabled_not_in_ui",
                        path.key("provider"),
                        format!(
                            "GitLab's settings page offers Disabled for {title} only when a compatible self-hosted model is selectable, and none is; set it through the GraphQL API (aiFeatureSettingUpdate) or add a compatible model"
                        ),
                    )
                    .with("feature", feature.key),
                );
            }
            if let Some(model) = model {
                diagnostics.push(
                    Diagnostic::warning(
                        "feature.model_ignored",
                        path.key("model"),
                        format!(
                            "{title} is {}: the model {model:?} is ignored",
                            setting.provider.key()
                        ),
                    )
                    .with("feature", feature.key)
                    .with("model", model),
                );
            }
        }
    }
    if setting.provider == Provider::Unassigned {
        if !timeline::VENDORED_GA.reached(version) {
            diagnostics.push(
                Diagnostic::warning(
                    "feature.unassigned_not_in_version",
                    path.key("provider"),
                    format!(
                        "the `unassigned` provider is recorded from GitLab {} (earlier releases default to vendored); leave the feature out instead",
                        timeline::VENDORED_GA.version_text()
                    ),
                )
                .with("feature", feature.key)
                .with("since", timeline::VENDORED_GA.version_text()),
            );
        }
        if feature.falls_back_to_general_chat(version) {
            diagnostics.push(
                Diagnostic::warning(
                    "feature.saved_unassigned_no_fallback",
                    path.key("provider"),
                    format!(
                        "a saved `unassigned` setting does not fall back to General Chat: GitLab falls back only when {title} has no saved setting; leave it out to use General Chat's model"
                    ),
                )
                .with("feature", feature.key)
                .with("title", title),
            );
        }
    }
    if setting.provider == Provider::Disabled && feature.is_classic_chat() {
        diagnostics.push(
            Diagnostic::warning(
                "feature.chat_disabled_unverified",
                path.key("provider"),
                format!(
                    "{title} is a classic Chat feature: GitLab's Chat request path has no explicit check for Disabled (it sends GitLab's default model parameters), so whether it is really off is not verified"
                ),
            )
            .with("feature", feature.key)
            .with("title", title),
        );
    }
}

/// Whether a deployment the feature's dropdown lists exists: a compatible
/// family, and GA unless the beta setting is on (`validModels`, §3.3, §6.5).
fn has_selectable_model(config: &Config, feature: &Feature) -> bool {
    let version = &config.gitlab_version;
    config.self_hosted_models.iter().any(|record| {
        feature.is_compatible(version, &record.family)
            && record.family().is_some_and(|family| {
                config.beta_models_and_features
                    || !family.release_state(version).needs_beta_setting()
            })
    })
}

fn check_self_hosted(
    config: &Config,
    feature: &'static Feature,
    model: Option<&str>,
    path: &Path,
    diagnostics: &mut Diagnostics,
) {
    let version = &config.gitlab_version;
    let title = feature.title(version);
    match model {
        None => diagnostics.push(
            Diagnostic::error(
                "feature.model_missing",
                path.key("model"),
                format!("{title} is set to self_hosted but names no deployment"),
            )
            .with("feature", feature.key),
        ),
        Some(name) => match config.deployment(name) {
            None => {
                let suggestions = nearest_names(
                    name,
                    config.self_hosted_models.iter().map(|d| d.name.as_str()),
                );
                let hint = suggestions
                    .first()
                    .map(|s| format!("; did you mean {s:?}?"))
                    .unwrap_or_default();
                diagnostics.push(
                    Diagnostic::error(
                        "feature.unknown_deployment",
                        path.key("model"),
                        format!("no self-hosted model is called {name:?}{hint}"),
                    )
                    .with("feature", feature.key)
                    .with("model", name)
                    .with("suggestions", suggestions),
                );
            }
            Some(deployment) => {
                // An unknown or blank family is reported once, by the model
                // check (`model.family_unknown`, `model.family_blank`); it
                // is not also incompatible with every feature using it.
                if deployment.family().is_some()
                    && !feature.is_compatible(version, &deployment.family)
                {
                    let allowed: Vec<String> = feature
                        .compatible_families(version)
                        .iter()
                        .map(|f| (*f).to_owned())
                        .collect();
                    diagnostics.push(
                        Diagnostic::error(
                            "feature.incompatible_family",
                            path.key("model"),
                            format!(
                                "{name:?} is a {} model, which {title} cannot use in GitLab {version}; compatible families: {}",
                                deployment.family,
                                allowed.join(", ")
                            ),
                        )
                        .with("feature", feature.key)
                        .with("model", name)
                        .with("family", deployment.family.as_str())
                        .with("compatible_families", allowed)
                        .with(
                            "gitlab_message",
                            feature.incompatible_message(version, &deployment.family),
                        ),
                    );
                }
            }
        },
    }
    if feature.agent_platform {
        if !agent_platform_self_hosted_allowed(config) {
            let why = match config.license {
                License::Offline => "with an offline licence it needs the GitLab Duo Agent Platform Self-Hosted add-on".to_owned(),
                License::Online => format!("with an online licence before GitLab {} it needs the Duo Enterprise add-on and the beta setting turned on", timeline::DAP_SELF_HOSTED_ONLINE_ALWAYS.version_text()),
            };
            diagnostics.push(
                Diagnostic::error(
                    "feature.agent_platform_permission",
                    path.key("provider"),
                    format!("{title} cannot use a self-hosted model: {why}"),
                )
                .with("feature", feature.key)
                .with("gitlab_message", AGENT_PLATFORM_PERMISSION_MESSAGE),
            );
        }
        if let Some(warning) = behind_flag(
            "agent_platform.behind_flag",
            "the self-hosted Agent Platform",
            "self_hosted_agent_platform",
            version,
            feature,
            path,
        ) {
            diagnostics.push(warning);
        }
    }
}

/// The warning that `what` is behind the feature flag `flag` in `version`,
/// when that version predates the release that turned GitLab's Duo
/// Self-Hosted flags on by default.
fn behind_flag(
    code: &'static str,
    what: &str,
    flag: &'static str,
    version: &GitLabVersion,
    feature: &'static Feature,
    path: &Path,
) -> Option<Diagnostic> {
    if timeline::FLAGS_ON_BY_DEFAULT.reached(version) {
        return None;
    }
    Some(
        Diagnostic::warning(
            code,
            path.key("provider"),
            format!(
                "in GitLab {version} {what} is behind the feature flag `{flag}`, off by default until {}",
                timeline::FLAGS_ON_BY_DEFAULT.version_text()
            ),
        )
        .with("feature", feature.key)
        .with("flag", flag),
    )
}

fn check_vendored(
    config: &Config,
    feature: &'static Feature,
    model: Option<&str>,
    path: &Path,
    diagnostics: &mut Diagnostics,
) {
    let version = &config.gitlab_version;
    let title = feature.title(version);
    if !timeline::VENDORED_BETA.reached(version) {
        diagnostics.push(
            Diagnostic::error(
                "feature.provider_not_in_version",
                path.key("provider"),
                format!(
                    "GitLab {version} cannot assign the GitLab AI vendor model to a feature; the option exists from {}",
                    timeline::VENDORED_BETA.version_text()
                ),
            )
            .with("feature", feature.key)
            .with("provider", "vendored")
            .with("since", timeline::VENDORED_BETA.version_text()),
        );
        return;
    }
    if let Some(warning) = behind_flag(
        "feature.vendored_behind_flag",
        "the GitLab AI vendor model option",
        "ai_self_hosted_vendored_features",
        version,
        feature,
        path,
    ) {
        diagnostics.push(warning);
    }
    if !vendored_models_allowed(config) {
        diagnostics.push(
            Diagnostic::error(
                "feature.vendored_offline",
                path.key("provider"),
                format!("{title} cannot use a GitLab AI vendor model: offline licences cannot use GitLab-managed models"),
            )
            .with("feature", feature.key),
        );
    }
    if feature.agent_platform
        && feature.key == "duo_agent_platform"
        && timeline::VENDORED_HIDDEN_FOR_AGENTS.reached(version)
    {
        diagnostics.push(
            Diagnostic::warning(
                "feature.vendored_hidden",
                path.key("provider"),
                format!(
                    "GitLab's settings page hides the GitLab AI vendor model option for {title} (from about {})",
                    timeline::VENDORED_HIDDEN_FOR_AGENTS.version_text()
                ),
            )
            .with("feature", feature.key),
        );
    }
    if !feature.vendored_in_ui && timeline::VENDORED_GA.reached(version) {
        diagnostics.push(
            Diagnostic::warning(
                "feature.vendored_not_listed",
                path.key("provider"),
                format!("GitLab does not list GitLab-managed models for {title} (issue 578924)"),
            )
            .with("feature", feature.key),
        );
    }
    if let Some(model) = model {
        if !timeline::VENDORED_GA.reached(version) {
            diagnostics.push(
                Diagnostic::warning(
                    "feature.vendored_model_not_in_version",
                    path.key("model"),
                    format!(
                        "choosing a GitLab-managed model exists from GitLab {}; GitLab {version} has the single GitLab AI vendor model option, so {model:?} is ignored",
                        timeline::VENDORED_GA.version_text()
                    ),
                )
                .with("feature", feature.key)
                .with("model", model),
            );
        }
    }
    if resolve::own(config, feature) == Own::None && vendored_models_allowed(config) {
        let outcome = if feature.falls_back_to_general_chat(version) {
            "GitLab Duo Chat falls back to General Chat's model"
        } else {
            "it stays on with GitLab's default model parameters through the Local AI Gateway"
        };
        diagnostics.push(
            Diagnostic::warning(
                "feature.vendored_default_resolves_to_none",
                path.key("model"),
                format!(
                    "with a Local AI Gateway URL set, GitLab's code resolves a vendored setting with the GitLab default model to no model, so {title} does not use a GitLab-managed model: {outcome}; pick a GitLab-managed model to pin it"
                ),
            )
            .with("feature", feature.key)
            .with("title", title),
        );
    }
}
