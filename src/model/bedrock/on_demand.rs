//! What the reference documents about calling a bare model ID in-Region
//! (no inference profile). Only data, and its lookup.

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
