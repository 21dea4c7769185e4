//! The feature table: every feature and sub-feature GitLab lets an admin
//! assign a model to, generated (`src/data/gitlab_features.rs`, by
//! `scripts/gen-gitlab-data.py`) from the reference set:
//! `gitlab-update-2026-12.md` §3.2 (GitLab 19.4-dev `feature_setting.rb` and
//! `feature_metadata.yml` @ `bd8f43d9`, with the release each row, title,
//! section, state and compatible family was added), `duo-domain.md` §3.4
//! (the 18.9 baseline: Chat roles, Agent Platform flags) and the overlay's
//! prose facts (17.x titles and releases). `tests/gitlab_data.rs` checks
//! the table against copies of those JSON blocks.

use super::{ChatRole, Feature, Group, ReleaseState};
use crate::timeline;

include!("../data/gitlab_features.rs");
