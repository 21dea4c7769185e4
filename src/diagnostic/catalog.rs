//! The diagnostics catalog: one entry for every code the library emits,
//! with the severities it can have, its parameters and their JSON types
//! (the stable contract front ends type against), and the texts of
//! `duo-selfhosted explain CODE`: what it means, why GitLab does it (with
//! the GitLab source file or documentation page the reference names), how
//! to fix it, and an example.
//!
//! The table is data (`src/data/diagnostics.rs`), sorted by code. No code
//! exists without its entry: `tests/catalog.rs` runs every example,
//! fixture and fuzz seed through the entry points and checks each
//! diagnostic against its entry, and checks that every code literal in
//! `src/` has an entry and every entry's code is in `src/`.
//!
//! Nothing in the npm package's entry points reads the catalog, so none of
//! it reaches the WebAssembly build (the linker drops it; the package size
//! in `pkg/README.md` is measured with it in the crate).
//!
//! ```
//! use duo_selfhosted::diagnostic::catalog;
//! use duo_selfhosted::Severity;
//!
//! # fn main() -> Result<(), &'static str> {
//! let entry = catalog::lookup("url.localhost").ok_or("url.localhost has no entry")?;
//! assert_eq!(entry.severities, &[Severity::Error]);
//! assert!(entry.params.iter().any(|p| p.name == "gitlab_message"));
//! assert!(catalog::CATALOG.windows(2).all(|w| w[0].code < w[1].code));
//! # Ok(())
//! # }
//! ```

use super::severity::Severity;
use super::Param;
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

/// The JSON type of a parameter's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParamType {
    /// A JSON string.
    String,
    /// A JSON integer.
    Integer,
    /// `true` or `false`.
    Boolean,
    /// An array of strings.
    StringList,
}

impl ParamType {
    /// The name used in the catalog's JSON (`string`, `integer`, `boolean`,
    /// `string_list`).
    pub const fn as_str(self) -> &'static str {
        match self {
            ParamType::String => "string",
            ParamType::Integer => "integer",
            ParamType::Boolean => "boolean",
            ParamType::StringList => "string_list",
        }
    }

    /// Whether `value` has this type (`null` is a matter of
    /// [`ParamSpec::nullable`]).
    pub fn admits(self, value: &Param) -> bool {
        matches!(
            (self, value),
            (ParamType::String, Param::Str(_))
                | (ParamType::Integer, Param::Int(_))
                | (ParamType::Boolean, Param::Bool(_))
                | (ParamType::StringList, Param::List(_))
        )
    }
}

/// One parameter of a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParamSpec {
    /// The parameter's name in `params`.
    pub name: &'static str,
    /// The type of its value.
    pub ty: ParamType,
    /// Whether the value may be `null`.
    pub nullable: bool,
    /// Whether the parameter may be absent (only in some situations).
    pub optional: bool,
}

impl ParamSpec {
    const fn new(name: &'static str, ty: ParamType) -> Self {
        ParamSpec {
            name,
            ty,
            nullable: false,
            optional: false,
        }
    }

    /// The same parameter, whose value may be `null`.
    pub const fn nullable(self) -> Self {
        ParamSpec {
            nullable: true,
            ..self
        }
    }

    /// The same parameter, present only in some situations.
    pub const fn optional(self) -> Self {
        ParamSpec {
            optional: true,
            ..self
        }
    }

    /// Whether `value` fits this parameter.
    pub fn admits(&self, value: &Param) -> bool {
        self.ty.admits(value) || (self.nullable && *value == Param::Null)
    }
}

impl Serialize for ParamSpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ParamSpec", 4)?;
        s.serialize_field("name", self.name)?;
        s.serialize_field("type", self.ty.as_str())?;
        s.serialize_field("nullable", &self.nullable)?;
        s.serialize_field("optional", &self.optional)?;
        s.end()
    }
}

/// A string parameter.
pub const fn s(name: &'static str) -> ParamSpec {
    ParamSpec::new(name, ParamType::String)
}
/// An integer parameter.
pub const fn i(name: &'static str) -> ParamSpec {
    ParamSpec::new(name, ParamType::Integer)
}
/// A boolean parameter.
pub const fn b(name: &'static str) -> ParamSpec {
    ParamSpec::new(name, ParamType::Boolean)
}
/// A string-list parameter.
pub const fn l(name: &'static str) -> ParamSpec {
    ParamSpec::new(name, ParamType::StringList)
}

/// One code's entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The stable dotted code.
    pub code: &'static str,
    /// The severities it can have (several where it depends on certainty,
    /// e.g. `feature.not_in_version` inside a dating window).
    pub severities: &'static [Severity],
    /// Its parameters, in the order they are added.
    pub params: &'static [ParamSpec],
    /// A one-line title.
    pub title: &'static str,
    /// What the finding means.
    pub meaning: &'static str,
    /// Why GitLab does it (or why this library reports it where GitLab
    /// does not).
    pub why: &'static str,
    /// The GitLab source file, documentation page or reference section the
    /// rule follows.
    pub source: &'static str,
    /// How to fix it.
    pub fix: &'static str,
    /// An input that gets it.
    pub example: &'static str,
}

impl Entry {
    /// The parameter called `name`.
    pub fn param(&self, name: &str) -> Option<&'static ParamSpec> {
        self.params.iter().find(|p| p.name == name)
    }
}

use Severity::{Error as E, Info as I, Warning as W};

/// Every code's entry, sorted by code.
pub const CATALOG: &[Entry] = include!("../data/diagnostics.rs");

/// The entry of `code`.
pub fn lookup(code: &str) -> Option<&'static Entry> {
    CATALOG
        .binary_search_by(|e| e.code.cmp(code))
        .ok()
        .map(|i| &CATALOG[i])
}
