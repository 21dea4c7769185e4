//! The GitLab releases at which a Duo Self-Hosted rule changed.
//!
//! Every rule that depends on the version asks this table; nothing else in
//! the crate spells a release. The table is generated
//! (`src/data/gitlab_timeline.rs`, by `scripts/gen-gitlab-data.py`) from the
//! reference set: `duo-domain.md` §7 (the 18.9 baseline of 2026-02-13 and
//! the docs history before it) and `gitlab-update-2026-12.md` §8 (GitLab
//! code snapshots up to 19.5 development, compiled 2026-12-06).
//!
//! Each milestone says how its release was dated ([`Basis`]): a migration's
//! milestone is exact; a change "first seen" in a development snapshot may
//! have landed earlier, and the reference then gives a [`Milestone::window`]
//! of possible releases. The rules apply the reference's date (its safe
//! choice); a configuration whose version falls inside a window gets an
//! `info` diagnostic naming the fact, from
//! [`crate::config::validate`].

use crate::version::GitLabVersion;

/// How the reference dated a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// A database migration's `milestone`: exact.
    Migration,
    /// Absent in one development snapshot, present in the next: the
    /// snapshot's milestone (inferred from its feature flags' milestones).
    FirstSeen,
    /// A "Introduced/Changed in GitLab X" line of GitLab's documentation.
    DocsHistory,
    /// GitLab's documentation, with an approximate release.
    Docs,
    /// The GitLab code of the baseline snapshot (18.9.0-pre1).
    Code,
    /// No source from the release was read; earlier rules carried forward.
    CarriedForward,
}

impl Basis {
    /// The lower-case name used in JSON and messages.
    pub const fn as_str(self) -> &'static str {
        match self {
            Basis::Migration => "migration",
            Basis::FirstSeen => "first_seen",
            Basis::DocsHistory => "docs_history",
            Basis::Docs => "docs",
            Basis::Code => "code",
            Basis::CarriedForward => "carried_forward",
        }
    }
}

/// What part of a configuration a milestone's rule touches, so that only a
/// configuration the uncertain date matters for is told about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// No rule of the library depends on it (recorded for completeness).
    None,
    /// Every configuration.
    Instance,
    /// The licence and add-on prerequisites and the Agent Platform permission.
    Prerequisites,
    /// Chat sub-features with no saved setting.
    ChatFallback,
    /// GitLab's GraphQL API only (the model form and `plan`), not `check`.
    Api,
    /// Configurations with a self-hosted model of one of these families.
    Families(&'static [&'static str]),
    /// Configurations that set one of these features.
    Features(&'static [&'static str]),
}

/// One dated change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Milestone {
    /// A stable name (`family_qwen`), the reference's change key where it
    /// has one.
    pub key: &'static str,
    /// The first release the rules apply the change to, as `(major, minor)`.
    pub since: (u16, u16),
    /// When the reference is unsure: the earliest and the latest release the
    /// change may have landed in (`since` is one of them).
    pub window: Option<((u16, u16), (u16, u16))>,
    /// How the release was dated.
    pub basis: Basis,
    /// What the change touches.
    pub scope: Scope,
    /// What changed.
    pub what: &'static str,
    /// Where the reference takes it from.
    pub source: &'static str,
}

impl Milestone {
    /// Whether `version` has the change, as the rules apply it.
    pub fn reached(&self, version: &GitLabVersion) -> bool {
        version.at_least(self.since.0, self.since.1)
    }

    /// The release as text, e.g. `18.10`.
    pub fn version_text(&self) -> String {
        format!("{}.{}", self.since.0, self.since.1)
    }

    /// Whether the answer for `version` is uncertain: it lies in the window,
    /// before its latest release (from which the change is certain).
    pub fn uncertain_at(&self, version: &GitLabVersion) -> bool {
        self.window.is_some_and(|(earliest, latest)| {
            version.at_least(earliest.0, earliest.1) && !version.at_least(latest.0, latest.1)
        })
    }

    /// Whether `version` certainly lacks the change (before the window, or
    /// before `since` when there is none).
    pub fn certainly_absent_in(&self, version: &GitLabVersion) -> bool {
        let (major, minor) = self.window.map_or(self.since, |(earliest, _)| earliest);
        !version.at_least(major, minor)
    }

    /// The window as text, e.g. `19.2–19.4`.
    pub fn window_text(&self) -> Option<String> {
        self.window
            .map(|((a, b), (c, d))| format!("{a}.{b}\u{2013}{c}.{d}"))
    }
}

include!("data/gitlab_timeline.rs");

/// The oldest release the rules cover.
pub const OLDEST: Milestone = SELF_HOSTED_GA;

/// The newest release the rules cover. A later version is checked with the
/// newest rules, with a warning.
pub const NEWEST: Milestone = RULES_CARRIED_FORWARD;

/// Whether the rules cover `version` (from [`OLDEST`] to [`NEWEST`]).
pub fn covers(version: &GitLabVersion) -> bool {
    OLDEST.reached(version) && version.key() <= NEWEST.since
}

/// Whether `version` is newer than the newest release the rules cover.
pub fn newer_than_rules(version: &GitLabVersion) -> bool {
    version.key() > NEWEST.since
}

/// The milestone with this key.
pub fn lookup(key: &str) -> Option<&'static Milestone> {
    ALL.iter().find(|m| m.key == key)
}

/// The milestones whose date is uncertain for `version`.
pub fn uncertain_at(version: &GitLabVersion) -> impl Iterator<Item = &'static Milestone> + '_ {
    ALL.iter().filter(move |m| m.uncertain_at(version))
}
