//! What GitLab never reports about the resolution: Chat features that
//! silently use General Chat's model, those that go to GitLab's default
//! model instead (19.4+), and features with no model that stay on.

use crate::config::document::Config;
use crate::config::resolve::{self, Via};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::feature::{self, Provider};
use crate::timeline;

/// "A, B and C" (the titles of a list of features, in English). A title
/// that holds a comma ("All agents, except Agentic Chat") is quoted, so the
/// list stays readable.
pub(super) fn list_titles(titles: &[&str]) -> String {
    let mut out = String::new();
    for (i, title) in titles.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == titles.len() { " and " } else { ", " });
        }
        if title.contains(',') {
            out.push('"');
            out.push_str(title);
            out.push('"');
        } else {
            out.push_str(title);
        }
    }
    out
}

/// `singular` for one feature, `plural` for more.
pub(super) fn agree<'a>(count: usize, singular: &'a str, plural: &'a str) -> &'a str {
    if count == 1 {
        singular
    } else {
        plural
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
        let general_title = general.title(version);
        let titles: Vec<&str> = fallback.iter().map(|f| f.title).collect();
        let subject = format!(
            "{} {} no model of {} own",
            list_titles(&titles),
            agree(titles.len(), "has", "have"),
            agree(titles.len(), "its", "their")
        );
        let message = match resolution.feature(general.key) {
            Some(g) if g.provider == Provider::SelfHosted => format!(
                "{subject} and {} {general_title}'s: the self-hosted model {:?}",
                agree(titles.len(), "uses", "use"),
                g.model.as_deref().unwrap_or_default()
            ),
            Some(g) if g.provider == Provider::Vendored => format!(
                "{subject} and {} {general_title}'s: a GitLab-managed model",
                agree(titles.len(), "uses", "use")
            ),
            Some(g) if g.provider == Provider::Disabled => format!(
                "{subject}: {} use {general_title}'s, but {general_title} is disabled",
                agree(titles.len(), "it would", "they would")
            ),
            _ => format!(
                "{subject}: {} use {general_title}'s, but {general_title} has no model either",
                agree(titles.len(), "it would", "they would")
            ),
        };
        diagnostics.push(
            Diagnostic::info(
                "feature.general_chat_fallback",
                Path::root().key("features"),
                message,
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
                    "{} {} no setting of {} own: from GitLab {} {} GitLab's default model through GitLab's cloud AI gateway, not General Chat's model; give each its own setting to keep its requests on your models",
                    list_titles(&titles),
                    agree(titles.len(), "has", "have"),
                    agree(titles.len(), "its", "their"),
                    timeline::NO_GENERAL_CHAT_FALLBACK_ON_ONLINE_LICENCE.version_text(),
                    agree(titles.len(), "it uses", "they use"),
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
                    "{} {} no model and {} on: GitLab sends {} requests with its default model parameters through the AI gateway; set a feature's provider to disabled to turn it off",
                    list_titles(&titles),
                    agree(titles.len(), "has", "have"),
                    agree(titles.len(), "stays", "stay"),
                    agree(titles.len(), "its", "their"),
                ),
            )
            .with("features", unassigned.iter().map(|f| f.feature.to_owned()).collect::<Vec<_>>()),
        );
    }
}
