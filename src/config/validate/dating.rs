//! What the configuration's GitLab version means for the rules' dating:
//! newer than the tables, a release no source was read for, or inside the
//! window of a change that touches this configuration.

use super::features::offer;
use crate::config::document::{AddOn, Config, License};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::feature;
use crate::timeline;

/// What the configuration's version means for the rules' dating: newer than
/// the tables, a release no source was read for, or inside the window of a
/// fact that touches this configuration.
pub(super) fn check_version_dating(config: &Config, diagnostics: &mut Diagnostics) {
    let version = &config.gitlab_version;
    let path = Path::root().key("gitlab_version");
    if timeline::newer_than_rules(version) {
        diagnostics.push(
            Diagnostic::warning(
                "config.version_newer_than_rules",
                path.clone(),
                format!(
                    "GitLab {version} is newer than the newest release these rules cover ({}, tables of {}): it is checked with the {} rules, and changes GitLab made since are not known",
                    timeline::NEWEST.version_text(),
                    timeline::TABLE_DATE,
                    timeline::NEWEST.version_text()
                ),
            )
            .with("version", version.to_string())
            .with("newest", timeline::NEWEST.version_text())
            .with("table_date", timeline::TABLE_DATE),
        );
    }
    for milestone in timeline::ALL {
        if milestone.basis == timeline::Basis::CarriedForward && version.key() == milestone.since {
            diagnostics.push(
                Diagnostic::info(
                    "config.version_rules_carried_forward",
                    path.clone(),
                    format!(
                        "no GitLab source from the {} development cycle was read (newest: {}); the earlier rules are carried forward",
                        milestone.version_text(),
                        timeline::NEWEST_SOURCE
                    ),
                )
                .with("version", milestone.version_text())
                .with("newest_source", timeline::NEWEST_SOURCE),
            );
        }
    }
    for milestone in timeline::uncertain_at(version) {
        if !touches(config, milestone.scope) {
            continue;
        }
        let window = milestone.window_text().unwrap_or_default();
        let applied = if milestone.reached(version) {
            "applies the change"
        } else {
            "does not apply it yet"
        };
        diagnostics.push(
            Diagnostic::info(
                "config.version_in_dating_window",
                path.clone(),
                format!(
                    "GitLab {version} is inside the window {window} of a change the reference could not date exactly ({}); the rules date it {} and so {applied} here",
                    milestone.what,
                    milestone.version_text()
                ),
            )
            .with("fact", milestone.key)
            .with("window", window)
            .with("applied_from", milestone.version_text())
            .with("basis", milestone.basis.as_str())
            .with("source", milestone.source),
        );
    }
}

/// Whether a dated fact's rule touches the configuration.
fn touches(config: &Config, scope: timeline::Scope) -> bool {
    use timeline::Scope;
    let version = &config.gitlab_version;
    match scope {
        Scope::None | Scope::Api => false,
        Scope::Instance => true,
        // The online-licence rules differ only without Duo Enterprise and
        // the beta setting.
        Scope::Prerequisites => {
            config.license == License::Online
                && !(config.has_add_on(AddOn::DuoEnterprise) && config.beta_models_and_features)
        }
        Scope::Families(keys) => config
            .self_hosted_models
            .iter()
            .any(|m| keys.contains(&m.family.as_str())),
        Scope::Features(keys) => config
            .features
            .iter()
            .any(|s| keys.contains(&s.feature.key)),
        Scope::ChatFallback => {
            config.license == License::Online
                && feature::allowed(version, offer(config)).iter().any(|f| {
                    f.falls_back_to_general_chat(version) && config.setting(f.key).is_none()
                })
        }
    }
}
