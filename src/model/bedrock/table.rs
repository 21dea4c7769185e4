//! The profile table: its types, the lookups the rules ask, and the
//! embedded default built from the generated constants
//! (`src/data/bedrock_profiles.rs`, by `scripts/gen-bedrock-data.py`).

use crate::model::identifier::CrossRegionPrefix;
use serde::Serialize;
use std::sync::OnceLock;

/// The embedded default profile table (JSON, the shape of
/// `bedrock-update-2026-11.md` §2 with only the fields read here).
pub const PROFILES_JSON: &str = include_str!("../../data/bedrock-profiles.json");

/// How sure the table is about a profile row (`bedrock-update-2026-11.md` §2 `row_fields`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// Source Regions and routes from an AWS document or model card.
    AwsDocumented,
    /// Seen in AWS's ListInferenceProfiles output; unobservable Regions inferred.
    AwsApiObserved,
    /// Profile ID only from LiteLLM or similar; all Regions inferred.
    ThirdParty,
    /// The model is past its Bedrock end of life.
    Retired,
}

impl Confidence {
    pub(super) fn from_text(text: &str) -> Option<Self> {
        match text {
            "aws-documented" => Some(Confidence::AwsDocumented),
            "aws-api-observed" => Some(Confidence::AwsApiObserved),
            "third-party" => Some(Confidence::ThirdParty),
            "retired" => Some(Confidence::Retired),
            _ => None,
        }
    }

    /// The table's spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Confidence::AwsDocumented => "aws-documented",
            Confidence::AwsApiObserved => "aws-api-observed",
            Confidence::ThirdParty => "third-party",
            Confidence::Retired => "retired",
        }
    }
}

/// One cross-region inference profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// The prefix.
    pub prefix: CrossRegionPrefix,
    /// The base model ID.
    pub model: String,
    /// `<prefix>.<model>`.
    pub profile_id: String,
    /// The Regions that may call the profile.
    pub source_regions: Vec<String>,
    /// Per source Region (sorted by Region, each once), where requests may
    /// be routed.
    pub routes: Vec<(String, Vec<String>)>,
    /// How sure the table is (absent in Appendix A's shape).
    pub confidence: Option<Confidence>,
    /// Bedrock end-of-life date, `YYYY-MM-DD`.
    pub eol_date: Option<String>,
    /// Source Regions not directly evidenced for this profile.
    pub inferred_source_regions: Vec<String>,
}

impl Profile {
    /// Whether `region` is one of the profile's source Regions.
    pub fn callable_from(&self, region: &str) -> bool {
        self.source_regions.iter().any(|r| r == region)
    }

    /// Where a request from `region` may be routed.
    pub fn destinations(&self, region: &str) -> Vec<String> {
        self.routes
            .iter()
            .find(|(source, _)| source == region)
            .map(|(_, to)| to.clone())
            .unwrap_or_default()
    }
}

/// What the table knows about one model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelInfo {
    /// The base model ID.
    pub id: String,
    /// A human name (`Claude 3.5 Sonnet v2`).
    pub name: Option<String>,
    /// Bedrock end-of-life date, `YYYY-MM-DD`.
    pub eol_date: Option<String>,
}

/// A dated profile table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileTable {
    pub(super) generated: String,
    pub(super) data_date: Option<String>,
    // Sorted by key, each key once (looked up by binary search): smaller in
    // the wasm build than a `BTreeMap` instance per value type.
    pub(super) models: Vec<ModelInfo>,
    pub(super) profiles: Vec<(String, Vec<Profile>)>,
    pub(super) unconfirmed: Vec<(String, String)>,
}

/// The position of `key` in a list sorted by key, or where it would go.
pub(super) fn search<T>(list: &[T], key: &str, key_of: fn(&T) -> &str) -> Result<usize, usize> {
    list.binary_search_by(|item| key_of(item).cmp(key))
}

pub(super) fn model_key(info: &ModelInfo) -> &str {
    &info.id
}

pub(super) fn pair_key<V>(pair: &(String, V)) -> &str {
    &pair.0
}

impl ProfileTable {
    /// A table with nothing in it (every model unknown).
    pub fn empty() -> Self {
        ProfileTable {
            generated: String::new(),
            data_date: None,
            models: Vec::new(),
            profiles: Vec::new(),
            unconfirmed: Vec::new(),
        }
    }

    /// The date the table was compiled (`meta.generated`, `YYYY-MM-DD`).
    pub fn date(&self) -> &str {
        &self.generated
    }

    /// The table's own description of its data date (`meta.data_date`).
    pub fn data_date_note(&self) -> Option<&str> {
        self.data_date.as_deref()
    }

    /// What the table knows about a base model ID.
    pub fn model(&self, id: &str) -> Option<&ModelInfo> {
        search(&self.models, id, model_key)
            .ok()
            .map(|at| &self.models[at])
    }

    /// Every model ID in the table.
    pub fn model_ids(&self) -> impl Iterator<Item = &str> {
        self.models.iter().map(|m| m.id.as_str())
    }

    /// The profiles of a base model ID, in prefix order.
    pub fn profiles(&self, model: &str) -> &[Profile] {
        search(&self.profiles, model, pair_key).map_or(&[], |at| &self.profiles[at].1)
    }

    /// The profile `<prefix>.<model>`.
    pub fn profile(&self, prefix: CrossRegionPrefix, model: &str) -> Option<&Profile> {
        self.profiles(model).iter().find(|p| p.prefix == prefix)
    }

    /// Why a profile ID some source names is not in the table, if it is one
    /// of the table's unconfirmed profiles.
    pub fn unconfirmed(&self, profile_id: &str) -> Option<&str> {
        search(&self.unconfirmed, profile_id, pair_key)
            .ok()
            .map(|at| self.unconfirmed[at].1.as_str())
    }

    /// Every profile.
    pub fn all_profiles(&self) -> impl Iterator<Item = &Profile> {
        self.profiles.iter().flat_map(|(_, list)| list)
    }
}

/// The embedded default table ([`PROFILES_JSON`]), built once.
///
/// It is built from Rust constants that `scripts/gen-bedrock-data.py`
/// generates from the same JSON (`src/data/bedrock_profiles.rs`), so that
/// the wasm build carries neither the JSON text nor the code that reads it;
/// `tests/bedrock_data.rs` checks that the result equals
/// `ProfileTable::load(PROFILES_JSON)`.
pub fn default_table() -> &'static ProfileTable {
    static TABLE: OnceLock<ProfileTable> = OnceLock::new();
    TABLE.get_or_init(embedded::table)
}

/// One row of the generated table.
pub(super) struct EmbeddedProfile {
    prefix: CrossRegionPrefix,
    model: &'static str,
    /// Index into `LISTS`.
    source: u8,
    /// Index into `LISTS`.
    inferred: u8,
    /// `(index into PLACES, index into LISTS)`, sorted by source Region.
    routes: &'static [(u8, u8)],
    confidence: Option<Confidence>,
    eol_date: Option<&'static str>,
}

mod embedded {
    use super::{Confidence, CrossRegionPrefix, EmbeddedProfile, ModelInfo, Profile, ProfileTable};

    include!("../../data/bedrock_profiles.rs");

    fn place(index: u8) -> String {
        PLACES[usize::from(index)].to_owned()
    }

    fn list(index: u8) -> Vec<String> {
        LISTS[usize::from(index)]
            .iter()
            .map(|&i| place(i))
            .collect()
    }

    /// The table the generated constants describe.
    pub(super) fn table() -> ProfileTable {
        let mut profiles: Vec<(String, Vec<Profile>)> = Vec::new();
        for row in PROFILES {
            let profile = Profile {
                prefix: row.prefix,
                model: row.model.to_owned(),
                profile_id: format!("{}.{}", row.prefix.as_str(), row.model),
                source_regions: list(row.source),
                routes: row
                    .routes
                    .iter()
                    .map(|&(source, to)| (place(source), list(to)))
                    .collect(),
                confidence: row.confidence,
                eol_date: row.eol_date.map(str::to_owned),
                inferred_source_regions: list(row.inferred),
            };
            // The rows come sorted by model, then prefix.
            match profiles.last_mut() {
                Some((model, list)) if model == row.model => list.push(profile),
                _ => profiles.push((row.model.to_owned(), vec![profile])),
            }
        }
        ProfileTable {
            generated: GENERATED.to_owned(),
            data_date: DATA_DATE.map(str::to_owned),
            models: MODELS
                .iter()
                .map(|&(id, name, eol_date)| ModelInfo {
                    id: id.to_owned(),
                    name: name.map(str::to_owned),
                    eol_date: eol_date.map(str::to_owned),
                })
                .collect(),
            profiles,
            unconfirmed: UNCONFIRMED
                .iter()
                .map(|&(id, why)| (id.to_owned(), why.to_owned()))
                .collect(),
        }
    }
}
