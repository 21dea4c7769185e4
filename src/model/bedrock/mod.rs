//! Amazon Bedrock cross-region inference profiles: the dated profile table,
//! prefix derivation for a (Region, model) pair, the reverse check of an
//! identifier that already carries a prefix, and [`bedrock_identifier`].
//!
//! The prefix depends on the model **and** the source Region (`bedrock.md`
//! §0 item 2): AWS defines one profile per (geography, model), each with
//! its own source Regions. The default table is
//! `src/data/bedrock-profiles.json`, generated from
//! `bedrock-update-2026-11.md` §2 (AWS API snapshot 2026-10-07, AWS model
//! cards to ~2026-10-06, LiteLLM 1.110.2 rows marked `third-party`; table
//! compiled 2026-11-26). A newer table in the same JSON shape (that file's
//! or Appendix A's) can replace it at run time with [`ProfileTable::load`].
//!
//! Derivation policy (the issue's; GitLab's docs give no rule when several
//! profiles fit, `bedrock.md` §10 items 3–4):
//! 1. a geographic profile whose source Regions include the Region (the
//!    narrowest geography first, for data residency);
//! 2. else `global.` where the model offers it and the Region may call it;
//! 3. else the bare model ID where the model may be offered on demand in
//!    the Region (the table does not record in-Region availability; only
//!    [`ON_DEMAND`]'s documented facts rule it out, so this answer carries
//!    a warning);
//! 4. else an error saying where the model can be called from.
//!
//! With [`Prefer::Global`], steps 1 and 2 swap (GitLab's own vendored
//! models use `global.`, `bedrock.md` §3).
//!
//! End of life is judged against the table's own date (the library has no
//! clock): an `eol_date` on or before it is "retired" (a warning), a later
//! one "scheduled" (info).
//!
//! A model that is not in the table is reported as unknown ("not in the
//! table dated …") rather than guessed. A model past its Bedrock end of
//! life still gets its identifier (GitLab instances keep old
//! configurations), with a warning naming the date.
//!
//! Codes: `bedrock.table_invalid`, `bedrock.table_unknown_prefix`,
//! `bedrock.table_profile_id_mismatch`, `bedrock.table_no_source_regions`,
//! `bedrock.table_unknown_confidence`, `bedrock.model_had_provider`,
//! `bedrock.model_had_prefix`, `bedrock.model_empty`, `bedrock.model_not_an_id`,
//! `bedrock.model_id_invalid`, `bedrock.unknown_model`,
//! `bedrock.model_not_in_table`, `bedrock.model_retired`,
//! `bedrock.model_end_of_life_scheduled`, `bedrock.prefix_derived`,
//! `bedrock.prefix_alternative`, `bedrock.on_demand_unverified`,
//! `bedrock.profile_third_party`, `bedrock.source_region_inferred`,
//! `bedrock.no_route`, `bedrock.profile_not_found`,
//! `bedrock.profile_unconfirmed`, `bedrock.region_not_source`,
//! `bedrock.prefix_recommended`, `bedrock.profile_required`,
//! `bedrock.arn_region_differs`.

use crate::diagnostic::{nearest_names, Diagnostic, Diagnostics, Path};
use crate::model::family::DeploymentMethod;
use crate::model::identifier::{
    identifier_report, model_id_problem, BedrockModel, BedrockTarget, CrossRegionPrefix,
    Identifier, IdentifierReport, ModelId, PrefixPart, Provider,
};
use crate::model::region::check_region;
use serde::Serialize;
use serde_json::Value;
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
    fn from_text(text: &str) -> Option<Self> {
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
    generated: String,
    data_date: Option<String>,
    // Sorted by key, each key once (looked up by binary search): smaller in
    // the wasm build than a `BTreeMap` instance per value type.
    models: Vec<ModelInfo>,
    profiles: Vec<(String, Vec<Profile>)>,
    unconfirmed: Vec<(String, String)>,
}

/// The position of `key` in a list sorted by key, or where it would go.
fn search<T>(list: &[T], key: &str, key_of: fn(&T) -> &str) -> Result<usize, usize> {
    list.binary_search_by(|item| key_of(item).cmp(key))
}

fn model_key(info: &ModelInfo) -> &str {
    &info.id
}

fn pair_key<V>(pair: &(String, V)) -> &str {
    &pair.0
}

/// A string member of a JSON object.
fn text_of<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

/// A list-of-strings member (non-strings are skipped).
fn strings_of(value: &Value, key: &str) -> Vec<String> {
    value
        .get(key)
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// `document.wrong_type`-style report for a table member of the wrong shape.
fn table_shape(path: Path, expected: &str, diagnostics: &mut Diagnostics) {
    diagnostics.push(
        Diagnostic::error(
            "bedrock.table_invalid",
            path.clone(),
            format!("not a profile table: {path} must be {expected}"),
        )
        .with("expected", expected),
    );
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

impl ProfileTable {
    /// Read a table in the JSON shape of `bedrock-update-2026-11.md` §2 or
    /// `bedrock.md` Appendix A (unknown fields are ignored). Rows that
    /// cannot be used are reported and skipped; `None` when the text is not
    /// such a table at all. Paths point into the table.
    pub fn load(text: &str, diagnostics: &mut Diagnostics) -> Option<Self> {
        // Walking a `serde_json::Value` (which the document decoder needs
        // anyway) keeps the wasm build small: derived deserializers for
        // these nested maps cost tens of kilobytes.
        let root: Value = match serde_json::from_str(text) {
            Ok(value) => value,
            Err(e) => {
                diagnostics.push(
                    Diagnostic::error(
                        "bedrock.table_invalid",
                        Path::root(),
                        format!("not a profile table: {e}"),
                    )
                    .with("line", e.line())
                    .with("column", e.column()),
                );
                return None;
            }
        };
        let generated = root
            .get("meta")
            .and_then(|m| text_of(m, "generated"))
            .unwrap_or_default();
        if !is_date(generated) {
            diagnostics.push(
                Diagnostic::error(
                    "bedrock.table_invalid",
                    Path::root().key("meta").key("generated"),
                    format!(
                        "not a profile table: meta.generated {generated:?} is not a YYYY-MM-DD date"
                    ),
                )
                .with("generated", generated),
            );
            return None;
        }
        let Some(prefixes) = root.get("prefixes").and_then(Value::as_object) else {
            table_shape(Path::root().key("prefixes"), "an object", diagnostics);
            return None;
        };
        let mut table = ProfileTable {
            generated: generated.to_owned(),
            data_date: root
                .get("meta")
                .and_then(|m| text_of(m, "data_date"))
                .map(str::to_owned),
            models: Vec::new(),
            profiles: Vec::new(),
            unconfirmed: Vec::new(),
        };
        for u in root
            .get("unconfirmed_profiles")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(id) = text_of(u, "profile_id") else {
                continue;
            };
            let why = text_of(u, "why_not_in_table")
                .unwrap_or_default()
                .to_owned();
            // A repeated profile ID: the last row wins.
            match search(&table.unconfirmed, id, pair_key) {
                Ok(at) => table.unconfirmed[at].1 = why,
                Err(at) => table.unconfirmed.insert(at, (id.to_owned(), why)),
            }
        }
        for (id, model) in root
            .get("models")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let info = ModelInfo {
                id: id.clone(),
                name: text_of(model, "name").map(str::to_owned),
                eol_date: text_of(model, "eol_date")
                    .filter(|d| is_date(d))
                    .map(str::to_owned),
            };
            match search(&table.models, id, model_key) {
                Ok(at) => table.models[at] = info,
                Err(at) => table.models.insert(at, info),
            }
        }
        for (prefix_text, prefix_entry) in prefixes {
            let path = Path::root().key("prefixes").key(prefix_text.clone());
            let Some(prefix) = CrossRegionPrefix::from_text(prefix_text) else {
                diagnostics.push(
                    Diagnostic::warning(
                        "bedrock.table_unknown_prefix",
                        path,
                        format!("the table has profiles for prefix {prefix_text:?}, which this version of duo-selfhosted does not know; they are skipped"),
                    )
                    .with("prefix", prefix_text.as_str()),
                );
                continue;
            };
            let Some(rows) = prefix_entry.get("profiles").and_then(Value::as_object) else {
                table_shape(path.key("profiles"), "an object", diagnostics);
                continue;
            };
            for (model, row) in rows {
                let row_path = path.key("profiles").key(model.clone());
                let expected = format!("{prefix_text}.{model}");
                let profile_id = text_of(row, "profile_id").unwrap_or_default();
                let source_regions = strings_of(row, "source_regions");
                if profile_id != expected {
                    diagnostics.push(
                        Diagnostic::error(
                            "bedrock.table_profile_id_mismatch",
                            row_path.key("profile_id"),
                            format!(
                                "profile_id {profile_id:?} should be {expected:?}; the row is skipped"
                            ),
                        )
                        .with("profile_id", profile_id)
                        .with("expected", expected),
                    );
                    continue;
                }
                if source_regions.is_empty() {
                    diagnostics.push(
                        Diagnostic::warning(
                            "bedrock.table_no_source_regions",
                            row_path.key("source_regions"),
                            format!("{expected} lists no source Region; the row is skipped"),
                        )
                        .with("profile_id", expected),
                    );
                    continue;
                }
                let confidence = match text_of(row, "confidence") {
                    None => None,
                    Some(text) => {
                        let c = Confidence::from_text(text);
                        if c.is_none() {
                            diagnostics.push(
                                Diagnostic::warning(
                                    "bedrock.table_unknown_confidence",
                                    row_path.key("confidence"),
                                    format!("unknown confidence {text:?}"),
                                )
                                .with("confidence", text),
                            );
                        }
                        c
                    }
                };
                if let Err(at) = search(&table.models, model, model_key) {
                    table.models.insert(
                        at,
                        ModelInfo {
                            id: model.clone(),
                            name: None,
                            eol_date: None,
                        },
                    );
                }
                let mut routes: Vec<(String, Vec<String>)> = Vec::new();
                for (source, _) in row
                    .get("routes")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                {
                    if let Err(at) = search(&routes, source, pair_key) {
                        routes.insert(at, (source.clone(), strings_of(&row["routes"], source)));
                    }
                }
                let at = match search(&table.profiles, model, pair_key) {
                    Ok(at) => at,
                    Err(at) => {
                        table.profiles.insert(at, (model.clone(), Vec::new()));
                        at
                    }
                };
                table.profiles[at].1.push(Profile {
                    prefix,
                    model: model.clone(),
                    profile_id: expected,
                    source_regions,
                    routes,
                    confidence,
                    eol_date: text_of(row, "eol_date")
                        .filter(|d| is_date(d))
                        .map(str::to_owned),
                    inferred_source_regions: strings_of(row, "inferred_source_regions"),
                });
            }
        }
        for (_, list) in &mut table.profiles {
            list.sort_by_key(|p| p.prefix);
        }
        Some(table)
    }

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
struct EmbeddedProfile {
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

/// A documented fact about on-demand (in-Region, bare model ID) use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OnDemandFact {
    /// The base model ID.
    pub model: &'static str,
    /// The Regions where the bare ID works; empty: none (inference profile
    /// required everywhere).
    pub in_region: &'static [&'static str],
    /// Where the fact comes from.
    pub source: &'static str,
}

/// What the reference documents about bare model IDs. Models not listed
/// are "not recorded": the bare ID is offered with a warning.
pub const ON_DEMAND: &[OnDemandFact] = &[
    OnDemandFact {
        model: "anthropic.claude-sonnet-4-5-20250929-v1:0",
        in_region: &[],
        source: "bedrock.md §3 notes and §8 (S7, GitLab 18.11 BYOM guide): Claude 4.5 Sonnet and later require an inference profile ID",
    },
    OnDemandFact {
        model: "anthropic.claude-haiku-4-5-20251001-v1:0",
        in_region: &[],
        source: "bedrock-update-2026-11.md §3 item 13: Haiku 4.5 In-Region nowhere on bedrock-runtime (model card ~2026-10)",
    },
    OnDemandFact {
        model: "anthropic.claude-sonnet-5-5",
        in_region: &[],
        source: "bedrock-update-2026-11.md §3 item 13: Sonnet 5.5 In-Region nowhere on bedrock-runtime (model card ~2026-10-06)",
    },
    OnDemandFact {
        model: "anthropic.claude-sonnet-4-6",
        in_region: &["eu-west-2"],
        source: "bedrock-update-2026-11.md §1.6 and §3 item 13 (card: In-Region in eu-west-2); bedrock.md §8 (S7): bedrock/anthropic.claude-sonnet-4-6 returns 400 elsewhere",
    },
    OnDemandFact {
        model: "anthropic.claude-opus-4-8",
        in_region: &["ap-southeast-4"],
        source: "bedrock-update-2026-11.md §3 item 13: Opus 4.8 In-Region in ap-southeast-4",
    },
];

/// Whether the bare model ID may work in `region`: `Some(false)` when a
/// documented fact rules it out, `Some(true)` when one confirms it, `None`
/// when the reference does not record it.
pub fn on_demand(model: &str, region: &str) -> Option<bool> {
    ON_DEMAND
        .iter()
        .find(|f| f.model == model)
        .map(|f| f.in_region.contains(&region))
}

/// Which kind of profile derivation tries first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Prefer {
    /// A geographic profile first, then `global.` (the default).
    #[default]
    Regional,
    /// `global.` first, then a geographic profile.
    Global,
}

/// The outcome of a derivation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Derivation<'t> {
    /// The profile used, or `None` for the bare model ID.
    pub profile: Option<&'t Profile>,
    /// Other profiles the Region could call as well.
    pub alternatives: Vec<&'t Profile>,
    /// The base model ID.
    pub model: String,
    /// For a bare ID: whether a documented fact confirms on-demand use there.
    pub on_demand_confirmed: bool,
}

impl Derivation<'_> {
    /// The prefix, or `None` for the bare model ID.
    pub fn prefix(&self) -> Option<CrossRegionPrefix> {
        self.profile.map(|p| p.prefix)
    }

    /// The model (or profile) ID to call.
    pub fn model_id(&self) -> String {
        match self.profile {
            Some(p) => p.profile_id.clone(),
            None => self.model.clone(),
        }
    }

    /// The full identifier to paste into GitLab (`bedrock/<id>`).
    pub fn identifier(&self) -> String {
        format!("bedrock/{}", self.model_id())
    }
}

/// Why no identifier can be derived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeriveError {
    /// The model is not in the table.
    UnknownModel {
        /// The table's date.
        table_date: String,
        /// The nearest model IDs in the table.
        suggestions: Vec<String>,
    },
    /// No profile lists the Region, and the bare ID is documented not to
    /// work there.
    NoRoute {
        /// Where the model can be called from: `(profile ID, source Regions)`.
        callable_from: Vec<(String, Vec<String>)>,
    },
}

/// Derive the profile for calling `model` (a base model ID) from `region`
/// under the module's policy.
pub fn derive<'t>(
    table: &'t ProfileTable,
    region: &str,
    model: &str,
    prefer: Prefer,
) -> Result<Derivation<'t>, DeriveError> {
    if table.model(model).is_none() {
        return Err(DeriveError::UnknownModel {
            table_date: table.date().to_owned(),
            suggestions: nearest_names(model, table.model_ids()),
        });
    }
    let callable: Vec<&Profile> = table
        .profiles(model)
        .iter()
        .filter(|p| p.callable_from(region))
        .collect();
    let mut geographic: Vec<&Profile> = callable
        .iter()
        .copied()
        .filter(|p| !p.prefix.is_global())
        .collect();
    // The narrowest geography first (fewest source Regions), then prefix order.
    // A stable insertion sort (a model has at most nine profiles; this keeps
    // a copy of the standard sort out of the wasm build).
    let key = |p: &Profile| (p.source_regions.len(), p.prefix);
    for i in 1..geographic.len() {
        let mut j = i;
        while j > 0 && key(geographic[j - 1]) > key(geographic[j]) {
            geographic.swap(j - 1, j);
            j -= 1;
        }
    }
    let global = callable.iter().copied().find(|p| p.prefix.is_global());
    let ordered: Vec<&Profile> = match prefer {
        Prefer::Regional => geographic.iter().copied().chain(global).collect(),
        Prefer::Global => global
            .into_iter()
            .chain(geographic.iter().copied())
            .collect(),
    };
    if let Some((first, rest)) = ordered.split_first() {
        return Ok(Derivation {
            profile: Some(first),
            alternatives: rest.to_vec(),
            model: model.to_owned(),
            on_demand_confirmed: false,
        });
    }
    match on_demand(model, region) {
        Some(false) => Err(DeriveError::NoRoute {
            callable_from: table
                .profiles(model)
                .iter()
                .map(|p| (p.profile_id.clone(), p.source_regions.clone()))
                .collect(),
        }),
        confirmed => Ok(Derivation {
            profile: None,
            alternatives: Vec::new(),
            model: model.to_owned(),
            on_demand_confirmed: confirmed == Some(true),
        }),
    }
}

/// The report of [`bedrock_identifier`], printed by the CLI's `bedrock`
/// command: `{"identifier", "prefix", "data_date", "diagnostics"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BedrockIdentifierReport {
    /// The full `bedrock/…` identifier, or `null` when none can work.
    pub identifier: Option<String>,
    /// The prefix (`apac`), or `null` for none.
    pub prefix: Option<String>,
    /// The profile table's date.
    pub data_date: String,
    /// The reasoning and every problem found.
    pub diagnostics: Diagnostics,
}

/// The identifier to paste into GitLab for `model` called from `region`,
/// with the reasoning as diagnostics, using the embedded table and
/// [`Prefer::Regional`].
pub fn bedrock_identifier(region: &str, model: &str) -> BedrockIdentifierReport {
    bedrock_identifier_with(default_table(), region, model, Prefer::Regional)
}

/// [`bedrock_identifier`] with an explicit table and preference. Paths:
/// `region` and `model`.
pub fn bedrock_identifier_with(
    table: &ProfileTable,
    region: &str,
    model: &str,
    prefer: Prefer,
) -> BedrockIdentifierReport {
    let mut diagnostics = Diagnostics::new();
    let region_path = Path::root().key("region");
    let model_path = Path::root().key("model");
    let region_ok = check_region(region, "AWS_REGION", &region_path, &mut diagnostics).is_some();
    let base = normalize_model(model, &model_path, &mut diagnostics);
    let mut report = BedrockIdentifierReport {
        identifier: None,
        prefix: None,
        data_date: table.date().to_owned(),
        diagnostics: Diagnostics::new(),
    };
    let (Some(base), true) = (base, region_ok) else {
        report.diagnostics = diagnostics;
        return report;
    };
    match derive(table, region, &base, prefer) {
        Ok(derivation) => {
            explain(
                table,
                region,
                &derivation,
                prefer,
                &model_path,
                &mut diagnostics,
            );
            report.identifier = Some(derivation.identifier());
            report.prefix = derivation.prefix().map(|p| p.as_str().to_owned());
        }
        Err(error) => {
            report_derive_error(
                &error,
                table,
                region,
                &base,
                &model_path,
                &mut diagnostics,
                true,
            );
        }
    }
    report.diagnostics = diagnostics;
    report
}

/// The base model ID in what the admin typed (`bedrock/` and a known prefix
/// removed, with an info each), or `None` with an error.
fn normalize_model(text: &str, path: &Path, diagnostics: &mut Diagnostics) -> Option<String> {
    let trimmed = text.trim();
    let mut rest = trimmed;
    if let Some(stripped) = rest.strip_prefix("bedrock/") {
        diagnostics.push(Diagnostic::info(
            "bedrock.model_had_provider",
            path.clone(),
            "the model was given with \"bedrock/\"; it is read as the model ID after it",
        ));
        rest = stripped;
    }
    let parsed = Identifier::parse(&format!("bedrock/{rest}"));
    // `bedrock/` with nothing after it is not a Bedrock identifier at all.
    let Some(model) = parsed.bedrock() else {
        diagnostics.push(Diagnostic::error(
            "bedrock.model_empty",
            path.clone(),
            "the model is empty; give a base model ID such as anthropic.claude-3-5-sonnet-20241022-v2:0",
        ));
        return None;
    };
    match &model.target {
        BedrockTarget::Id {
            prefix,
            model: id,
            context_suffix: None,
        } if model.routes.is_empty() && model.region_path.is_none() => {
            if let Some(prefix) = prefix {
                diagnostics.push(
                    Diagnostic::info(
                        "bedrock.model_had_prefix",
                        path.clone(),
                        format!("the model was given with the prefix \"{}.\"; the prefix is derived from the Region instead", prefix.as_str()),
                    )
                    .with("prefix", prefix.as_str()),
                );
            }
            if let Some(problem) = model_id_problem(id.as_str()) {
                diagnostics.push(
                    Diagnostic::error(
                        "bedrock.model_id_invalid",
                        path.clone(),
                        format!("{:?} is not a Bedrock model ID: {problem}", id.as_str()),
                    )
                    .with("model_id", id.as_str())
                    .with("problem", problem),
                );
                return None;
            }
            Some(id.base().to_owned())
        }
        _ => {
            diagnostics.push(
                Diagnostic::error(
                    "bedrock.model_not_an_id",
                    path.clone(),
                    format!("{trimmed:?} is not a base model ID such as anthropic.claude-3-5-sonnet-20241022-v2:0 (ARNs and LiteLLM routes pin their own target; nothing to derive)"),
                )
                .with("model", trimmed),
            );
            None
        }
    }
}

fn eol_diagnostic(table: &ProfileTable, model: &str, path: &Path) -> Option<Diagnostic> {
    let info = table.model(model)?;
    let eol = info.eol_date.as_deref().or_else(|| {
        table
            .profiles(model)
            .iter()
            .find_map(|p| p.eol_date.as_deref())
    })?;
    let name = info.name.as_deref().unwrap_or(model);
    let d = if eol <= table.date() {
        Diagnostic::warning(
            "bedrock.model_retired",
            path.clone(),
            format!("{name} ({model}) reached its Bedrock end of life on {eol}; AWS rejects requests after that date (table dated {})", table.date()),
        )
    } else {
        Diagnostic::info(
            "bedrock.model_end_of_life_scheduled",
            path.clone(),
            format!("{name} ({model}) reaches its Bedrock end of life on {eol}"),
        )
    };
    Some(
        d.with("model", model)
            .with("eol_date", eol)
            .with("table_date", table.date()),
    )
}

fn explain(
    table: &ProfileTable,
    region: &str,
    derivation: &Derivation<'_>,
    prefer: Prefer,
    path: &Path,
    diagnostics: &mut Diagnostics,
) {
    let model = derivation.model.as_str();
    if let Some(d) = eol_diagnostic(table, model, path) {
        diagnostics.push(d);
    }
    match derivation.profile {
        Some(profile) => {
            let why = if profile.prefix.is_global() {
                match prefer {
                    Prefer::Global => "the global profile is preferred".to_owned(),
                    Prefer::Regional => format!("no geographic profile of {model} lists {region} as a source Region, the global profile does"),
                }
            } else {
                format!("{region} is a source Region of the {}. profile of {model}", profile.prefix)
            };
            let destinations = profile.destinations(region);
            let routed = if destinations.is_empty() {
                String::new()
            } else {
                format!("; requests may be routed to {}", destinations.join(", "))
            };
            diagnostics.push(
                Diagnostic::info(
                    "bedrock.prefix_derived",
                    path.clone(),
                    format!("use {}: {why}{routed}", profile.profile_id),
                )
                .with("prefix", profile.prefix.as_str())
                .with("profile_id", profile.profile_id.as_str())
                .with("region", region)
                .with("destinations", destinations)
                .with("confidence", profile.confidence.map(Confidence::as_str)),
            );
            if profile.confidence == Some(Confidence::ThirdParty) {
                diagnostics.push(third_party(profile, path));
            } else if profile.inferred_source_regions.iter().any(|r| r == region) {
                diagnostics.push(
                    Diagnostic::info(
                        "bedrock.source_region_inferred",
                        path.clone(),
                        format!("that {region} may call {} is inferred from sibling models' AWS model cards, not observed", profile.profile_id),
                    )
                    .with("profile_id", profile.profile_id.as_str())
                    .with("region", region),
                );
            }
            for alternative in &derivation.alternatives {
                diagnostics.push(
                    Diagnostic::info(
                        "bedrock.prefix_alternative",
                        path.clone(),
                        format!("bedrock/{} would also work from {region}", alternative.profile_id),
                    )
                    .with("prefix", alternative.prefix.as_str())
                    .with("profile_id", alternative.profile_id.as_str()),
                );
            }
        }
        None if derivation.on_demand_confirmed => diagnostics.push(
            Diagnostic::info(
                "bedrock.prefix_derived",
                path.clone(),
                format!("use the bare model ID {model}: no inference profile of it lists {region}, and AWS documents in-Region use there"),
            )
            .with("prefix", None::<String>)
            .with("profile_id", None::<String>)
            .with("region", region),
        ),
        None => {
            let callable = callable_from(table, model);
            let message = if callable.is_empty() {
                format!("{model} has no cross-region inference profile; the bare model ID works only if the model is offered in {region} itself, which the table does not record")
            } else {
                format!("no inference profile of {model} lists {region} as a source Region, so no prefix (as GitLab's docs say for such Regions); the bare model ID works only if the model is offered in {region} itself, which the table does not record")
            };
            diagnostics.push(
                Diagnostic::warning("bedrock.on_demand_unverified", path.clone(), message)
                    .with("model", model)
                    .with("region", region)
                    .with("profiles", callable),
            );
        }
    }
}

fn callable_from(table: &ProfileTable, model: &str) -> Vec<String> {
    table
        .profiles(model)
        .iter()
        .map(|p| format!("{} ({})", p.profile_id, p.source_regions.join(", ")))
        .collect()
}

fn report_derive_error(
    error: &DeriveError,
    table: &ProfileTable,
    region: &str,
    model: &str,
    path: &Path,
    diagnostics: &mut Diagnostics,
    as_error: bool,
) {
    match error {
        DeriveError::UnknownModel {
            table_date,
            suggestions,
        } => {
            let hint = suggestions
                .first()
                .map(|s| format!("; did you mean {s:?}?"))
                .unwrap_or_default();
            let (code, message) = if as_error {
                (
                    "bedrock.unknown_model",
                    format!("unknown model: {model} is not in the table dated {table_date}{hint}"),
                )
            } else {
                (
                    "bedrock.model_not_in_table",
                    format!("unknown model: {model} is not in the table dated {table_date}, so its cross-region prefix cannot be checked{hint}"),
                )
            };
            let d = if as_error {
                Diagnostic::error(code, path.clone(), message)
            } else {
                Diagnostic::warning(code, path.clone(), message)
            };
            diagnostics.push(
                d.with("model", model)
                    .with("table_date", table_date.as_str())
                    .with("data_date", table.data_date_note())
                    .with("suggestions", suggestions.clone()),
            );
        }
        DeriveError::NoRoute { callable_from } => {
            let listed: Vec<String> = callable_from
                .iter()
                .map(|(id, regions)| format!("{id} ({})", regions.join(", ")))
                .collect();
            diagnostics.push(
                Diagnostic::error(
                    "bedrock.no_route",
                    path.clone(),
                    format!("{model} cannot be called from {region}: it needs an inference profile and none lists {region}; it can be called as {}", listed.join("; ")),
                )
                .with("model", model)
                .with("region", region)
                .with("profiles", listed),
            );
        }
    }
}

/// The reverse check: does the Bedrock model of an identifier work when
/// the AI gateway calls it from `region`? Diagnostics at `path` (the
/// identifier). `region` must already be a checked Region code.
pub fn check_identifier_region(
    table: &ProfileTable,
    region: &str,
    model: &BedrockModel,
    path: &Path,
    diagnostics: &mut Diagnostics,
) {
    match &model.target {
        BedrockTarget::Arn(arn) => {
            if arn.region != region {
                diagnostics.push(
                    Diagnostic::info(
                        "bedrock.arn_region_differs",
                        path.clone(),
                        format!(
                            "the ARN pins Region {:?}, which LiteLLM uses instead of {region:?}",
                            arn.region
                        ),
                    )
                    .with("arn_region", arn.region.as_str())
                    .with("region", region),
                );
            }
            if arn.resource_type == "inference-profile" {
                if let BedrockTarget::Id {
                    prefix: Some(PrefixPart::Known(prefix)),
                    model: id,
                    ..
                } = parse_profile_id(&arn.resource_id)
                {
                    check_prefixed(table, &arn.region, prefix, &id, path, diagnostics);
                }
            }
        }
        BedrockTarget::Id {
            prefix: Some(PrefixPart::Known(prefix)),
            model: id,
            ..
        } => check_prefixed(table, region, *prefix, id, path, diagnostics),
        BedrockTarget::Id {
            prefix: Some(PrefixPart::Unknown(_)),
            ..
        } => {}
        BedrockTarget::Id {
            prefix: None,
            model: id,
            ..
        } => {
            if model_id_problem(id.as_str()).is_some() {
                return;
            }
            let base = id.base();
            match derive(table, region, base, Prefer::Regional) {
                Ok(derivation) => {
                    if let Some(d) = eol_diagnostic(table, base, path) {
                        diagnostics.push(d);
                    }
                    if let Some(profile) = derivation.profile {
                        let known = on_demand(base, region);
                        if known == Some(true) {
                            diagnostics.push(
                                Diagnostic::info(
                                    "bedrock.prefix_alternative",
                                    path.clone(),
                                    format!("AWS documents in-Region use of {base} in {region}; bedrock/{} would also work", profile.profile_id),
                                )
                                .with("prefix", profile.prefix.as_str())
                                .with("profile_id", profile.profile_id.as_str()),
                            );
                            return;
                        }
                        let required = known == Some(false);
                        let message = format!(
                            "{base} is called without a cross-region prefix; from {region} use bedrock/{}{}",
                            profile.profile_id,
                            if required { " (AWS documents that this model needs an inference profile)" } else { " (the bare ID works only where the model is offered in-Region)" }
                        );
                        let d = if required {
                            Diagnostic::error("bedrock.profile_required", path.clone(), message)
                        } else {
                            Diagnostic::warning("bedrock.prefix_recommended", path.clone(), message)
                        };
                        diagnostics.push(
                            d.with("region", region)
                                .with("suggestion", format!("bedrock/{}", profile.profile_id)),
                        );
                    }
                }
                Err(error) => {
                    report_derive_error(&error, table, region, base, path, diagnostics, false);
                }
            }
        }
    }
}

fn parse_profile_id(text: &str) -> BedrockTarget {
    match Identifier::parse(&format!("bedrock/{text}")).bedrock() {
        Some(model) => model.target.clone(),
        None => BedrockTarget::Id {
            prefix: None,
            model: ModelId::new(text),
            context_suffix: None,
        },
    }
}

fn check_prefixed(
    table: &ProfileTable,
    region: &str,
    prefix: CrossRegionPrefix,
    id: &ModelId,
    path: &Path,
    diagnostics: &mut Diagnostics,
) {
    let base = id.base();
    let profile_id = format!("{prefix}.{base}");
    if table.model(base).is_none() {
        if let Some(why) = table.unconfirmed(&profile_id) {
            diagnostics.push(unconfirmed(&profile_id, why, None, path));
            return;
        }
        let error = DeriveError::UnknownModel {
            table_date: table.date().to_owned(),
            suggestions: nearest_names(base, table.model_ids()),
        };
        report_derive_error(&error, table, region, base, path, diagnostics, false);
        return;
    }
    if let Some(d) = eol_diagnostic(table, base, path) {
        diagnostics.push(d);
    }
    let suggestion = derive(table, region, base, Prefer::Regional)
        .ok()
        .map(|d| d.identifier());
    let Some(profile) = table.profile(prefix, base) else {
        if let Some(why) = table.unconfirmed(&profile_id) {
            diagnostics.push(unconfirmed(&profile_id, why, suggestion, path));
            return;
        }
        let existing: Vec<String> = table
            .profiles(base)
            .iter()
            .map(|p| p.profile_id.clone())
            .collect();
        let hint = match &suggestion {
            Some(s) => format!("; from {region} use {s}"),
            None => String::new(),
        };
        diagnostics.push(
            Diagnostic::error(
                "bedrock.profile_not_found",
                path.clone(),
                format!(
                    "{base} has no {prefix}. inference profile in the table dated {}{}{hint}",
                    table.date(),
                    if existing.is_empty() {
                        String::new()
                    } else {
                        format!(" (it has: {})", existing.join(", "))
                    }
                ),
            )
            .with("profile_id", profile_id.as_str())
            .with("existing", existing)
            .with("suggestion", suggestion),
        );
        return;
    };
    if !profile.callable_from(region) {
        let hint = match &suggestion {
            Some(s) => format!("; from {region} use {s}"),
            None => String::new(),
        };
        diagnostics.push(
            Diagnostic::error(
                "bedrock.region_not_source",
                path.clone(),
                format!(
                    "{} cannot be called from {region}; its source Regions are {}{hint}",
                    profile.profile_id,
                    profile.source_regions.join(", ")
                ),
            )
            .with("profile_id", profile.profile_id.as_str())
            .with("region", region)
            .with("source_regions", profile.source_regions.clone())
            .with("suggestion", suggestion),
        );
    } else if profile.confidence == Some(Confidence::ThirdParty) {
        diagnostics.push(third_party(profile, path));
    }
}

/// `bedrock.profile_third_party`: the row comes from LiteLLM only.
fn third_party(profile: &Profile, path: &Path) -> Diagnostic {
    Diagnostic::warning(
        "bedrock.profile_third_party",
        path.clone(),
        format!(
            "{} is known only from third-party data (LiteLLM); its source Regions are inferred",
            profile.profile_id
        ),
    )
    .with("profile_id", profile.profile_id.as_str())
}

/// `bedrock.profile_unconfirmed`: a profile ID some source names that the
/// table lists as not confirmed.
fn unconfirmed(profile_id: &str, why: &str, suggestion: Option<String>, path: &Path) -> Diagnostic {
    Diagnostic::warning(
        "bedrock.profile_unconfirmed",
        path.clone(),
        format!("{profile_id} is not a confirmed inference profile: {why}"),
    )
    .with("profile_id", profile_id)
    .with("why", why)
    .with("suggestion", suggestion)
}

/// Whether an identifier's provider is Bedrock (a convenience for callers
/// deciding whether to run the Region checks).
pub fn is_bedrock(identifier: &Identifier) -> bool {
    identifier.provider() == &Provider::Bedrock
}

/// [`identifier_report`] plus, for a Bedrock identifier, the reverse check
/// of its cross-region prefix against the AI gateway's Region (`region`
/// diagnostics at path `region`, prefix diagnostics at the root), using
/// `table` (the embedded one: [`default_table`]).
///
/// It lives here, not with the identifier grammar, because it asks the
/// profile table; `duo_selfhosted::identifier` re-exports it.
pub fn identifier_report_for_region(
    text: &str,
    method: Option<DeploymentMethod>,
    region: &str,
    table: &ProfileTable,
) -> IdentifierReport {
    let mut report = identifier_report(text, method);
    let id = Identifier::parse(text);
    let checked = check_region(
        region,
        "AWS_REGION",
        &Path::root().key("region"),
        &mut report.diagnostics,
    );
    if let (Some(region), Some(model)) = (checked, id.bedrock()) {
        check_identifier_region(
            table,
            &region.code,
            model,
            &Path::root(),
            &mut report.diagnostics,
        );
    }
    report
}
