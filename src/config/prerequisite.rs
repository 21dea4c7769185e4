//! Licensing prerequisites and the permission logic that gates Duo
//! Self-Hosted and the self-hosted Agent Platform (`duo-domain.md` §5:
//! the docs' licensing block and `ee/app/policies/ee/global_policy.rb`,
//! GitLab 18.9.0-pre1).
//!
//! The instance flag `self_hosted_dap_per_request_billing` (off by default)
//! and an Amazon Q connection are not part of the document; the rules
//! assume the flag off and no Amazon Q, the stricter reading.

use super::{AddOn, Config, License, Offering, Tier};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::feature::timeline;

/// GitLab's `dap_self_hosted?` (`:read_dap_self_hosted_model`,
/// `:update_dap_self_hosted_model`): with an offline licence, the GitLab
/// Duo Agent Platform Self-Hosted add-on; otherwise the Duo Enterprise
/// add-on and the beta setting accepted.
pub fn agent_platform_self_hosted_allowed(config: &Config) -> bool {
    match config.license {
        License::Offline => config.has_add_on(AddOn::DuoAgentPlatformSelfHosted),
        License::Online => {
            config.has_add_on(AddOn::DuoEnterprise) && config.beta_models_and_features
        }
    }
}

/// The add-on part of `:manage_self_hosted_models_settings`: a Duo add-on
/// (Core, Pro, Enterprise or Agent Platform Self-Hosted) **and** either Duo
/// Enterprise or [`agent_platform_self_hosted_allowed`].
pub fn add_ons_allow_self_hosted_models(config: &Config) -> bool {
    let any_duo = config.add_ons.iter().any(|a| {
        matches!(
            a,
            AddOn::DuoCore
                | AddOn::DuoPro
                | AddOn::DuoEnterprise
                | AddOn::DuoAgentPlatformSelfHosted
        )
    });
    any_duo
        && (config.has_add_on(AddOn::DuoEnterprise) || agent_platform_self_hosted_allowed(config))
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
    }
    if config.license == License::Online && config.has_add_on(AddOn::DuoAgentPlatformSelfHosted) {
        diagnostics.push(
            Diagnostic::info(
                "prerequisite.agent_platform_add_on_online",
                Path::root().key("add_ons"),
                "the GitLab Duo Agent Platform Self-Hosted add-on grants the self-hosted Agent Platform only with an offline licence; online licences need Duo Enterprise and the beta setting",
            ),
        );
    }
}
