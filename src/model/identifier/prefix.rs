//! AWS's cross-region inference-profile prefixes (`apac.` in
//! `apac.anthropic.…`), as a table, and the prefix part of a profile ID.

use serde::Serialize;
use std::fmt;

/// A cross-region inference-profile prefix (`apac` in `apac.anthropic.…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CrossRegionPrefix {
    /// `us`.
    Us,
    /// `eu`.
    Eu,
    /// `apac`.
    Apac,
    /// `jp`.
    Jp,
    /// `au`.
    Au,
    /// `in` (India; new in 2026).
    In,
    /// `ca` (only `ca.amazon.nova-lite-v1:0`).
    Ca,
    /// `us-gov` (partition `aws-us-gov`).
    UsGov,
    /// `global` (all commercial Regions).
    Global,
}

/// The prefixes AWS documents, with their spelling. Source:
/// `bedrock-update-2026-11.md` §1.2 (the nine keys of `prefixes`; checked
/// against the reference by `tests/bedrock_data.rs`).
pub const CROSS_REGION_PREFIXES: &[(&str, CrossRegionPrefix)] = &[
    ("us", CrossRegionPrefix::Us),
    ("eu", CrossRegionPrefix::Eu),
    ("apac", CrossRegionPrefix::Apac),
    ("jp", CrossRegionPrefix::Jp),
    ("au", CrossRegionPrefix::Au),
    ("in", CrossRegionPrefix::In),
    ("ca", CrossRegionPrefix::Ca),
    ("us-gov", CrossRegionPrefix::UsGov),
    ("global", CrossRegionPrefix::Global),
];

impl CrossRegionPrefix {
    /// The prefix as written, without the dot.
    pub fn as_str(self) -> &'static str {
        CROSS_REGION_PREFIXES
            .iter()
            .find(|(_, p)| *p == self)
            .map_or("", |(s, _)| s)
    }

    /// The prefix spelled `text`.
    pub fn from_text(text: &str) -> Option<Self> {
        CROSS_REGION_PREFIXES
            .iter()
            .find(|(s, _)| *s == text)
            .map(|(_, p)| *p)
    }

    /// Whether this is the `global` prefix (the others are geographic).
    pub fn is_global(self) -> bool {
        self == CrossRegionPrefix::Global
    }
}

impl fmt::Display for CrossRegionPrefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CrossRegionPrefix {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The part before the first `.` of a Bedrock inference-profile ID.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PrefixPart {
    /// A prefix AWS documents.
    Known(CrossRegionPrefix),
    /// A token that sits where a prefix would (followed by a known model
    /// namespace) but is no prefix AWS has (`sa.`, `uk.`).
    Unknown(String),
}

impl PrefixPart {
    /// The prefix as written.
    pub fn as_str(&self) -> &str {
        match self {
            PrefixPart::Known(p) => p.as_str(),
            PrefixPart::Unknown(s) => s,
        }
    }
}
