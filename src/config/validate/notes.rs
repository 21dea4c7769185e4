//! What GitLab never reports about the resolution: Chat features that
//! silently use General Chat's model, those that go to GitLab's default
//! model instead (19.4+), and features with no model that stay on.

use crate::config::document::Config;
use crate::config::resolve::{self, Via};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::feature::{self, Provider};
use crate::timeline;

/// "A, B and C" (the titles of a list of features, in English).
fn list_titles(titles: &[&str]) -> String {
    match titles {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Say what GitLab never reports: which Chat features silently use General
/// Chat's model, which go to GitLab's default model instead (19.4+), and
/// which features have no model but stay on.
pub(super) fn report_resolution(config: &Config, diagnostics: &mut Diagnostics) {
    let resolution = resolve::resolve(config);
    let version = &config.gitlab_version;
    let fallback: Vec<&resolve::ResolvedFeature> = resolution
        .features
        .iter()
        .filter(|f| f.via == Via::GeneralChatFallback)
        .collect();
    if !fallback.is_empty() {
        let general = feature::general_chat();
        let target = match resolution.feature(general.key) {
            Some(g) if g.provider == Provider::SelfHosted => {
                format!(
                    "the self-hosted model {:?}",
                    g.model.as_deref().unwrap_or_default()
                )
            }
            Some(g) if g.provider == Provider::Vendored => "a GitLab-managed model".to_owned(),
            Some(g) if g.provider == Provider::Disabled => {
                "nothing: General Chat is disabled".to_owned()
            }
            _ => "no model: General Chat has none either".to_owned(),
        };
        let titles: Vec<&str> = fallback.iter().map(|f| f.title).collect();
        diagnostics.push(
            Diagnostic::info(
                "feature.general_chat_fallback",
                Path::root().key("features"),
                format!(
                    "{} have no model of their own and use {}'s: {target}",
                    titles.join(", "),
                    general.title(version)
                ),
            )
            .with(
                "features",
                fallback
                    .iter()
                    .map(|f| f.feature.to_owned())
                    .collect::<Vec<_>>(),
            ),
        );
    }
    // From 19.4, on an online licence, the sub-features that used to follow
    // General Chat go to GitLab's default model through GitLab's cloud AI
    // gateway: say so when General Chat itself stays on the admin's models.
    let cloud_default: Vec<&resolve::ResolvedFeature> = resolution
        .features
        .iter()
        .filter(|f| {
            f.via == Via::InstanceModelSelection
                && feature::lookup(f.feature).is_some_and(|x| x.falls_back_to_general_chat(version))
        })
        .collect();
    let general = resolution.feature(feature::general_chat().key);
    if timeline::NO_GENERAL_CHAT_FALLBACK_ON_ONLINE_LICENCE.reached(version)
        && !cloud_default.is_empty()
        && general.is_some_and(|g| g.provider != Provider::Vendored)
    {
        let titles: Vec<&str> = cloud_default.iter().map(|f| f.title).collect();
        diagnostics.push(
            Diagnostic::warning(
                "feature.sub_feature_uses_gitlab_default",
                Path::root().key("features"),
                format!(
                    "{} have no setting of their own: from GitLab {} they use GitLab's default model through GitLab's cloud AI gateway, not General Chat's model; give each its own setting to keep its requests on your models",
                    list_titles(&titles),
                    timeline::NO_GENERAL_CHAT_FALLBACK_ON_ONLINE_LICENCE.version_text()
                ),
            )
            .with(
                "features",
                cloud_default.iter().map(|f| f.feature.to_owned()).collect::<Vec<_>>(),
            )
            .with("since", timeline::NO_GENERAL_CHAT_FALLBACK_ON_ONLINE_LICENCE.version_text()),
        );
    }
    let unassigned: Vec<&resolve::ResolvedFeature> = resolution
        .features
        .iter()
        .filter(|f| f.provider == Provider::Unassigned && f.enabled)
        .collect();
    if !unassigned.is_empty() {
        let titles: Vec<&str> = unassigned.iter().map(|f| f.title).collect();
        diagnostics.push(
            Diagnostic::info(
                "feature.no_model_stays_on",
                Path::root().key("features"),
                format!(
                    "{} have no model and stay on: GitLab sends their requests with its default model parameters through the AI gateway; set a feature's provider to disabled to turn it off",
                    titles.join(", ")
                ),
            )
            .with("features", unassigned.iter().map(|f| f.feature.to_owned()).collect::<Vec<_>>()),
        );
    }
}
