//! Every rule of the whole configuration, with every problem reported.
//!
//! Codes: `config.version_out_of_range`, `config.version_newer_than_rules`,
//! `config.version_rules_carried_forward`, `config.version_in_dating_window`;
//! `prerequisite.*` (see [`prerequisite`]); `feature.*` for feature settings;
//! `ai_gateway.*` (the URL and its request timeout) and `agent_platform.*`
//! for the two service settings;
//! `settings.url_too_long`. The rules of other modules are called, not
//! repeated: the model records through
//! [`check_models_with_allowlist`] (`model.*`,
//! including beta families without the beta setting), the outbound
//! allowlist through [`Allowlist`](crate::url::allowlist::Allowlist)
//! (`allowlist.*`, under `network.outbound_allowlist`), and the AI gateway
//! URL through the URL blocker's save-time preset (`url.*`, under
//! `ai_gateway.url`).
//!
//! Files: `dating` (the version against the tables' dating), `features`
//! (each feature setting), `services` (the AI gateway and the Agent
//! Platform service), `notes` (what the resolution means).

mod dating;
mod features;
mod notes;
mod services;

pub use services::{TIMEOUT_MAX, TIMEOUT_MIN};

use crate::config::document::Config;
use crate::config::prerequisite;
use crate::config::report::Report;
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::model::record::check_models_with_allowlist;
use crate::timeline;
use dating::check_version_dating;
use features::check_feature;
use notes::report_resolution;
use services::{check_agent_platform, check_ai_gateway, check_timeout};

/// Check the whole configuration and report every problem.
///
/// A GitLab version older than the oldest release the rules cover
/// ([`timeline::OLDEST`]) is reported as `config.version_out_of_range` and no
/// version-dependent rule runs. A version newer than the newest covered
/// release ([`timeline::NEWEST`]) is checked with the newest rules and gets
/// the warning `config.version_newer_than_rules`. A version inside a dated
/// fact's window of possible releases gets `config.version_in_dating_window`
/// (info) for each fact that touches the configuration.
pub fn validate(config: &Config) -> Report {
    let mut diagnostics = Diagnostics::new();
    let version = &config.gitlab_version;
    if !timeline::OLDEST.reached(version) {
        diagnostics.push(
            Diagnostic::error(
                "config.version_out_of_range",
                Path::root().key("gitlab_version"),
                format!(
                    "GitLab {version} is older than the releases these rules cover ({} to {}); no version-dependent rule was checked",
                    timeline::OLDEST.version_text(),
                    timeline::NEWEST.version_text()
                ),
            )
            .with("version", version.to_string())
            .with("oldest", timeline::OLDEST.version_text())
            .with("newest", timeline::NEWEST.version_text()),
        );
        return Report::new(diagnostics);
    }
    check_version_dating(config, &mut diagnostics);
    prerequisite::check(config, &mut diagnostics);
    // Read once, shared (not copied) by the model endpoints' URL checks and
    // the AI gateway's.
    let (allowlist, found) = config
        .network
        .outbound_allowlist
        .parse_under(&Path::root().key("network").key("outbound_allowlist"));
    diagnostics.extend(found);
    diagnostics.extend(check_models_with_allowlist(
        &config.self_hosted_models,
        &config.model_context_without_allowlist(),
        &allowlist,
    ));
    for setting in &config.features {
        check_feature(config, setting, &mut diagnostics);
    }
    check_ai_gateway(config, allowlist, &mut diagnostics);
    check_timeout(config, &mut diagnostics);
    check_agent_platform(config, &mut diagnostics);
    report_resolution(config, &mut diagnostics);
    Report::new(diagnostics)
}

/// Whether the configuration has no error-severity diagnostic.
pub fn is_valid(config: &Config) -> bool {
    validate(config).valid
}
