//! Licensing prerequisites and the permission logic that gates Duo
//! Self-Hosted and the self-hosted Agent Platform (`duo-domain.md` §5 for
//! the docs' licensing block and `ee/app/policies/ee/global_policy.rb` of
//! GitLab 18.9.0-pre1; `gitlab-update-2026-12.md` §5 for the policy of the
//! 18.11 to 19.1 development snapshots).
//!
//! The instance flag `self_hosted_dap_per_request_billing` (off by default)
//! and an Amazon Q connection are not part of the document; the rules
//! assume the flag off and no Amazon Q, the stricter reading.

use super::document::{AddOn, Config, License, Offering, Tier};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::timeline;

/// The documentation's licensing line that GitLab's code no longer enforces
/// on online licences from 18.11.
pub const DOCS_ADD_ON_LINE: &str = "Add-on: GitLab Duo Enterprise";

/// GitLab's `dap_self_hosted?` (`:read_dap_self_hosted_model`,
/// `:update_dap_self_hosted_model`): with an offline licence, the GitLab
/// Duo Agent Platform Self-Hosted add-on; with an online licence, up to
/// 18.10 the Duo Enterprise add-on and the beta setting accepted, from 18.11
/// always (the policy first seen in the 18.11 development snapshot; 18.10
/// is possible, and the rules apply the reference's 18.11).
pub fn agent_platform_self_hosted_allowed(config: &Config) -> bool {
    match config.license {
        License::Offline => config.has_add_on(AddOn::DuoAgentPlatformSelfHosted),
        License::Online => {
            timeline::DAP_SELF_HOSTED_ONLINE_ALWAYS.reached(&config.gitlab_version)
                || (config.has_add_on(AddOn::DuoEnterprise) && config.beta_models_and_features)
        }
    }
}

/// The add-on part of `:manage_self_hosted_models_settings`: a Duo add-on
/// (Core, Pro, Enterprise or Agent Platform Self-Hosted) or
/// [`agent_platform_self_hosted_allowed`] (`instance_model_configuration_allowed`),
/// **and** either Duo Enterprise or [`agent_platform_self_hosted_allowed`]
/// (`self_hosted_models_allowed`). From 18.11 an online licence passes both
/// with no add-on at all.
pub fn add_ons_allow_self_hosted_models(config: &Config) -> bool {
    let dap = agent_platform_self_hosted_allowed(config);
    let any_duo = config.add_ons.iter().any(|a| {
        matches!(
            a,
            AddOn::DuoCore
                | AddOn::DuoPro
                | AddOn::DuoEnterprise
                | AddOn::DuoAgentPlatformSelfHosted
        )
    });
    // GitLab's two conditions, kept apart as the policy writes them.
    let instance_model_configuration_allowed = any_duo || dap;
    let self_hosted_models_allowed = config.has_add_on(AddOn::DuoEnterprise) || dap;
    instance_model_configuration_allowed && self_hosted_models_allowed
}

/// `:manage_instance_model_selection` (GitLab-managed, vendored models):
/// not available with an offline licence.
pub fn vendored_models_allowed(config: &Config) -> bool {
    config.license == License::Online
}

/// Report the offering, tier and add-on prerequisites.
pub fn check(config: &Config, diagnostics: &mut Diagnostics) {
    let version = &config.gitlab_version;
    match config.offering {
        Offering::SelfManaged => {}
        Offering::GitlabCom => diagnostics.push(
            Diagnostic::error(
                "prerequisite.offering",
                Path::root().key("offering"),
                "GitLab Duo Self-Hosted is for GitLab Self-Managed; GitLab.com cannot use self-hosted models",
            )
            .with("offering", config.offering.key()),
        ),
        Offering::Dedicated => diagnostics.push(
            Diagnostic::warning(
                "prerequisite.dedicated",
                Path::root().key("offering"),
                "on GitLab Dedicated, self-hosted models are managed only when GitLab sets ALLOW_DEDICATED_SELF_HOSTED_AIGW for the instance",
            )
            .with("offering", config.offering.key())
            .with("environment_variable", "ALLOW_DEDICATED_SELF_HOSTED_AIGW"),
        ),
    }
    match config.tier {
        Tier::Free => diagnostics.push(
            Diagnostic::error(
                "prerequisite.tier",
                Path::root().key("tier"),
                "GitLab Duo Self-Hosted needs the Premium or Ultimate tier",
            )
            .with("tier", config.tier.key()),
        ),
        Tier::Premium if !timeline::PREMIUM_INCLUDED.reached(version) => diagnostics.push(
            Diagnostic::error(
                "prerequisite.tier",
                Path::root().key("tier"),
                format!(
                    "GitLab Duo Self-Hosted includes Premium from GitLab {}; GitLab {version} needs Ultimate",
                    timeline::PREMIUM_INCLUDED.version_text()
                ),
            )
            .with("tier", config.tier.key())
            .with("since", timeline::PREMIUM_INCLUDED.version_text()),
        ),
        Tier::Premium | Tier::Ultimate => {}
    }
    if !add_ons_allow_self_hosted_models(config) {
        let message = match config.license {
            License::Online => "GitLab Duo Self-Hosted needs the GitLab Duo Enterprise add-on",
            License::Offline => "GitLab Duo Self-Hosted needs the GitLab Duo Enterprise add-on, or with an offline licence the GitLab Duo Agent Platform Self-Hosted add-on",
        };
        diagnostics.push(
            Diagnostic::error("prerequisite.add_on", Path::root().key("add_ons"), message)
                .with("license", config.license.key()),
        );
    } else if config.license == License::Online && !config.has_add_on(AddOn::DuoEnterprise) {
        // GitLab's code lets it through; the documentation still names the
        // add-on (its 19.x licensing block was not found, so the line is
        // kept as a warning rather than dropped).
        diagnostics.push(
            Diagnostic::warning(
                "prerequisite.add_on_documented",
                Path::root().key("add_ons"),
                format!(
                    "GitLab's documentation lists \"{DOCS_ADD_ON_LINE}\" for GitLab Duo Self-Hosted; GitLab {version}'s code does not enforce it with an online licence (from {}: a licence with the self_hosted_models feature is enough), so check your agreement with GitLab",
                    timeline::DAP_SELF_HOSTED_ONLINE_ALWAYS.version_text()
                ),
            )
            .with("license", config.license.key())
            .with("documented", DOCS_ADD_ON_LINE),
        );
    }
    if config.license == License::Online && config.has_add_on(AddOn::DuoAgentPlatformSelfHosted) {
        let message = if timeline::DAP_SELF_HOSTED_ONLINE_ALWAYS.reached(version) {
            format!("the GitLab Duo Agent Platform Self-Hosted add-on matters only with an offline licence; from GitLab {} an online licence allows the self-hosted Agent Platform without it", timeline::DAP_SELF_HOSTED_ONLINE_ALWAYS.version_text())
        } else {
            "the GitLab Duo Agent Platform Self-Hosted add-on grants the self-hosted Agent Platform only with an offline licence; online licences need Duo Enterprise and the beta setting".to_owned()
        };
        diagnostics.push(Diagnostic::info(
            "prerequisite.agent_platform_add_on_online",
            Path::root().key("add_ons"),
            message,
        ));
    }
}
