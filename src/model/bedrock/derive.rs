//! Derivation: the inference profile (or the bare model ID) for calling a
//! model from a Region, under the policy of the module documentation.

use super::on_demand::on_demand;
use super::table::{Profile, ProfileTable};
use crate::diagnostic::nearest_names;
use crate::model::identifier::CrossRegionPrefix;
use serde::Serialize;

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
