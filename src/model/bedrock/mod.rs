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
//!
//! Files: `table` (the types and the embedded table), `load` (a table read
//! at run time), `on_demand` (the documented in-Region facts), `derive`,
//! `report` ([`bedrock_identifier`]), `reverse` (the reverse check and
//! [`identifier_report_for_region`]) and `findings` (the diagnostics the
//! last two share).

mod derive;
mod findings;
mod load;
mod on_demand;
mod report;
mod reverse;
mod table;

pub use derive::{derive, Derivation, DeriveError, Prefer};
pub use on_demand::{on_demand, OnDemandFact, ON_DEMAND};
pub use report::{bedrock_identifier, bedrock_identifier_with, BedrockIdentifierReport};
pub use reverse::{check_identifier_region, identifier_report_for_region, is_bedrock};
pub use table::{default_table, Confidence, ModelInfo, Profile, ProfileTable, PROFILES_JSON};
