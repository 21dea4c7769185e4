//! The typed parameters of a diagnostic, from which a front end can
//! build its own message.

use serde::ser::Serializer;
use serde::Serialize;
use std::borrow::Cow;

/// A typed diagnostic parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Param {
    /// A string, such as a host or a GitLab message.
    Str(String),
    /// An integer, such as a port or a length.
    Int(i64),
    /// A flag.
    Bool(bool),
    /// A list of strings, such as the nearest valid names. Fixed texts
    /// (names, codes, GitLab's messages) are borrowed, not copied: a URL
    /// check that depends on DNS lists several dozen of them.
    List(Vec<Cow<'static, str>>),
    /// An explicit "none" (JSON `null`).
    Null,
}

impl Serialize for Param {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Param::Str(s) => serializer.serialize_str(s),
            Param::Int(i) => serializer.serialize_i64(*i),
            Param::Bool(b) => serializer.serialize_bool(*b),
            Param::List(items) => serializer.collect_seq(items),
            Param::Null => serializer.serialize_unit(),
        }
    }
}

impl From<&str> for Param {
    fn from(value: &str) -> Self {
        Param::Str(value.to_owned())
    }
}
impl From<String> for Param {
    fn from(value: String) -> Self {
        Param::Str(value)
    }
}
impl From<&String> for Param {
    fn from(value: &String) -> Self {
        Param::Str(value.clone())
    }
}
impl From<bool> for Param {
    fn from(value: bool) -> Self {
        Param::Bool(value)
    }
}
impl From<Vec<String>> for Param {
    fn from(value: Vec<String>) -> Self {
        Param::List(value.into_iter().map(Cow::Owned).collect())
    }
}
impl From<Vec<Cow<'static, str>>> for Param {
    fn from(value: Vec<Cow<'static, str>>) -> Self {
        Param::List(value)
    }
}
impl<T: Into<Param>> From<Option<T>> for Param {
    fn from(value: Option<T>) -> Self {
        value.map_or(Param::Null, Into::into)
    }
}
macro_rules! param_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Param {
            fn from(value: $t) -> Self {
                // Every integer a rule reports (ports, lengths, counts, indexes)
                // fits in i64; saturate rather than wrap if one ever does not.
                Param::Int(i64::try_from(value).unwrap_or(i64::MAX))
            }
        }
    )*};
}
param_from_int!(u8, u16, u32, u64, usize, i32, i64);
