//! What a GitLab release offers: its features (titles, sections, release
//! states, the beta and tier gates, the compatible model families) and its
//! model families (release states, deployment methods, the features that
//! can use each), for `duo-selfhosted features` and `families`. The facts
//! are the generated tables' (`src/data/gitlab_features.rs`,
//! `src/data/gitlab_families.rs`); this only reads them for one version.

use crate::feature::{self, Group, ReleaseState};
use crate::model::family::FAMILIES;
use crate::timeline;
use crate::version::GitLabVersion;
use serde::Serialize;
use std::fmt;

/// The features of one release, in GitLab's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FeatureListing {
    /// The release (as asked; newer ones are read with the newest rules).
    pub gitlab_version: String,
    /// Every feature the release has.
    pub features: Vec<FeatureRow>,
}

/// One feature of a [`FeatureListing`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FeatureRow {
    /// GitLab's key (`duo_chat_fix_code`).
    pub key: &'static str,
    /// The UI title in that release.
    pub title: &'static str,
    /// The settings page's section.
    pub section: &'static str,
    /// `ga`, `beta` or `experiment` (the badge).
    pub release_state: &'static str,
    /// Whether GitLab lists it only with the beta setting on (FLAGGED).
    pub needs_beta_setting: bool,
    /// Whether it is hidden on Premium.
    pub ultimate_only: bool,
    /// Whether it is an Agent Platform feature (its own service URL).
    pub agent_platform: bool,
    /// Whether a Chat sub-feature without a setting uses General Chat's
    /// model in that release.
    pub falls_back_to_general_chat: bool,
    /// The model families a self-hosted model for it may have.
    pub compatible_families: Vec<&'static str>,
}

/// The model families of one release, in GitLab's enum order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FamilyListing {
    /// The release.
    pub gitlab_version: String,
    /// Every family the release has.
    pub families: Vec<FamilyRow>,
}

/// One family of a [`FamilyListing`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FamilyRow {
    /// The key (`claude_3`).
    pub key: &'static str,
    /// GitLab's display name.
    pub display_name: &'static str,
    /// `GA`, `BETA` or `EXPERIMENTAL` in GitLab's code.
    pub release_state: &'static str,
    /// Whether the model form offers it only with the beta setting on.
    pub needs_beta_setting: bool,
    /// The documentation's deployment methods for it.
    pub deployment_methods: Vec<&'static str>,
    /// The release whose documentation deprecates it, if any.
    pub deprecated_since: Option<String>,
    /// The features that can use a model of this family.
    pub compatible_features: Vec<&'static str>,
}

fn release_state(state: ReleaseState) -> &'static str {
    match state {
        ReleaseState::Ga => "ga",
        ReleaseState::Beta => "beta",
        ReleaseState::Experiment => "experiment",
    }
}

fn section(group: Group) -> &'static str {
    group.title()
}

/// The features of `version`.
pub fn features(version: &GitLabVersion) -> FeatureListing {
    FeatureListing {
        gitlab_version: version.to_string(),
        features: feature::in_version(version)
            .map(|f| FeatureRow {
                key: f.key,
                title: f.title(version),
                section: section(f.group(version)),
                release_state: release_state(f.release_state(version)),
                needs_beta_setting: !f.is_stable(version),
                ultimate_only: f.ultimate_only,
                agent_platform: f.agent_platform,
                falls_back_to_general_chat: f.falls_back_to_general_chat(version),
                compatible_families: f.compatible_families(version).to_vec(),
            })
            .collect(),
    }
}

/// The model families of `version`.
pub fn families(version: &GitLabVersion) -> FamilyListing {
    FamilyListing {
        gitlab_version: version.to_string(),
        families: FAMILIES
            .iter()
            .filter(|f| f.exists_in(version))
            .map(|f| FamilyRow {
                key: f.key,
                display_name: f.display_name,
                release_state: f.release_state(version).as_str(),
                needs_beta_setting: f.release_state(version).needs_beta_setting(),
                deployment_methods: f.methods.iter().map(|m| m.key()).collect(),
                deprecated_since: f
                    .deprecated
                    .map(|(major, minor)| format!("{major}.{minor}")),
                compatible_features: feature::in_version(version)
                    .filter(|x| x.is_compatible(version, f.key))
                    .map(|x| x.key)
                    .collect(),
            })
            .collect(),
    }
}

/// Whether the rules cover `version` for a listing: from the oldest
/// release; a newer one is read with the newest rules.
pub fn covered(version: &GitLabVersion) -> Result<(), String> {
    if timeline::OLDEST.reached(version) {
        Ok(())
    } else {
        Err(format!(
            "GitLab {version} is older than the releases these rules cover ({} to {})",
            timeline::OLDEST.version_text(),
            timeline::NEWEST.version_text()
        ))
    }
}

impl fmt::Display for FeatureListing {
    /// One block per feature: key, title, section, state, gates, families.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "GitLab {}: {} features",
            self.gitlab_version,
            self.features.len()
        )?;
        for row in &self.features {
            let mut gates = vec![row.release_state];
            if row.needs_beta_setting {
                gates.push("needs the beta setting");
            }
            if row.ultimate_only {
                gates.push("Ultimate only");
            }
            if row.falls_back_to_general_chat {
                gates.push("falls back to General Chat");
            }
            writeln!(f, "\n{} ({})", row.key, row.title)?;
            writeln!(f, "  section:  {}", row.section)?;
            writeln!(f, "  state:    {}", gates.join(", "))?;
            writeln!(
                f,
                "  families: {}",
                if row.compatible_families.is_empty() {
                    "none".to_owned()
                } else {
                    row.compatible_families.join(", ")
                }
            )?;
        }
        Ok(())
    }
}

impl fmt::Display for FamilyListing {
    /// One block per family: key, name, state, methods, features.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "GitLab {}: {} model families",
            self.gitlab_version,
            self.families.len()
        )?;
        for row in &self.families {
            let mut state = vec![row.release_state.to_ascii_lowercase()];
            if row.needs_beta_setting {
                state.push("needs the beta setting".to_owned());
            }
            if let Some(since) = &row.deprecated_since {
                state.push(format!("deprecated since {since}"));
            }
            writeln!(f, "\n{} ({})", row.key, row.display_name)?;
            writeln!(f, "  state:       {}", state.join(", "))?;
            writeln!(f, "  deployment:  {}", row.deployment_methods.join(", "))?;
            writeln!(
                f,
                "  features:    {}",
                if row.compatible_features.is_empty() {
                    "none".to_owned()
                } else {
                    row.compatible_features.join(", ")
                }
            )?;
        }
        Ok(())
    }
}
