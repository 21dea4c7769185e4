//! GitLab versions (`18.9`, `18.10.2`, `18.9.0-pre1`).
//!
//! Rules that changed between GitLab releases compare a [`GitLabVersion`]
//! against the release that changed them. Only `major.minor` matters for
//! every rule the reference records; the patch number and a pre-release
//! suffix are kept for display but ignored by comparisons.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A GitLab release, compared by `major.minor`.
#[derive(Clone, Debug, Eq)]
pub struct GitLabVersion {
    /// Major release, e.g. 18.
    pub major: u16,
    /// Minor release, e.g. 9.
    pub minor: u16,
    /// Patch release, if given.
    pub patch: Option<u16>,
    /// A pre-release suffix after `-`, if given (`pre1`, `ee`).
    pub pre: Option<String>,
}

impl GitLabVersion {
    /// `major.minor`, without patch or suffix.
    pub const fn new(major: u16, minor: u16) -> Self {
        GitLabVersion {
            major,
            minor,
            patch: None,
            pre: None,
        }
    }

    /// `(major, minor)`, the part every comparison uses.
    pub const fn key(&self) -> (u16, u16) {
        (self.major, self.minor)
    }

    /// Whether this version is `other` or later.
    pub fn at_least(&self, major: u16, minor: u16) -> bool {
        self.key() >= (major, minor)
    }
}

impl PartialEq for GitLabVersion {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl PartialOrd for GitLabVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for GitLabVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl std::hash::Hash for GitLabVersion {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

/// Why a GitLab version string could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VersionError {
    /// The string was empty.
    #[error("empty string, expected a GitLab version such as 18.9")]
    Empty,
    /// A character that does not belong where it was found.
    #[error("unexpected character {found:?} while parsing {part} version number")]
    UnexpectedChar {
        /// The character found.
        found: char,
        /// `major`, `minor` or `patch`.
        part: &'static str,
    },
    /// A number part was missing (`18.` or `18`).
    #[error("missing {part} version number")]
    Missing {
        /// `major`, `minor` or `patch`.
        part: &'static str,
    },
    /// A number was too large.
    #[error("{part} version number is too large")]
    Overflow {
        /// `major`, `minor` or `patch`.
        part: &'static str,
    },
    /// A number had a leading zero (`18.09`).
    #[error("leading zero in {part} version number")]
    LeadingZero {
        /// `major`, `minor` or `patch`.
        part: &'static str,
    },
}

impl FromStr for GitLabVersion {
    type Err = VersionError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.is_empty() {
            return Err(VersionError::Empty);
        }
        let (numbers, pre) = match text.split_once('-') {
            Some((numbers, pre)) => (numbers, Some(pre)),
            None => (text, None),
        };
        let mut parts = numbers.split('.');
        let major = parse_number(parts.next(), "major")?;
        let minor = parse_number(parts.next(), "minor")?;
        let patch = match parts.next() {
            Some(p) => Some(parse_number(Some(p), "patch")?),
            None => None,
        };
        if parts.next().is_some() {
            return Err(VersionError::UnexpectedChar {
                found: '.',
                part: "patch",
            });
        }
        let pre = match pre {
            Some("") => {
                return Err(VersionError::Missing {
                    part: "pre-release",
                })
            }
            Some(p) => {
                if let Some(bad) = p.chars().find(|c| !c.is_ascii_alphanumeric() && *c != '.') {
                    return Err(VersionError::UnexpectedChar {
                        found: bad,
                        part: "pre-release",
                    });
                }
                Some(p.to_owned())
            }
            None => None,
        };
        Ok(GitLabVersion {
            major,
            minor,
            patch,
            pre,
        })
    }
}

fn parse_number(text: Option<&str>, part: &'static str) -> Result<u16, VersionError> {
    let text = match text {
        Some(t) if !t.is_empty() => t,
        _ => return Err(VersionError::Missing { part }),
    };
    if let Some(bad) = text.chars().find(|c| !c.is_ascii_digit()) {
        return Err(VersionError::UnexpectedChar { found: bad, part });
    }
    if text.len() > 1 && text.starts_with('0') {
        return Err(VersionError::LeadingZero { part });
    }
    text.parse().map_err(|_| VersionError::Overflow { part })
}

impl fmt::Display for GitLabVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)?;
        if let Some(patch) = self.patch {
            write!(f, ".{patch}")?;
        }
        if let Some(pre) = &self.pre {
            write!(f, "-{pre}")?;
        }
        Ok(())
    }
}

impl Serialize for GitLabVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for GitLabVersion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn err(text: &str) -> String {
        match text.parse::<GitLabVersion>() {
            Ok(v) => panic!("{text:?} parsed as {v}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn parses_and_displays() {
        for text in ["18.9", "18.10.2", "18.9.0-pre1", "17.1"] {
            let v: GitLabVersion = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(v.to_string(), text);
        }
    }

    #[test]
    fn orders_by_major_minor() {
        let v = |t: &str| t.parse::<GitLabVersion>().unwrap_or_else(|e| panic!("{e}"));
        assert!(v("18.10") > v("18.9"));
        assert_eq!(v("18.9.3"), v("18.9"));
        assert!(v("18.9").at_least(18, 9));
        assert!(!v("18.9").at_least(18, 10));
    }

    #[test]
    fn exact_errors() {
        assert_eq!(
            err(""),
            "empty string, expected a GitLab version such as 18.9"
        );
        assert_eq!(err("18"), "missing minor version number");
        assert_eq!(err("18."), "missing minor version number");
        assert_eq!(
            err("18.x"),
            "unexpected character 'x' while parsing minor version number"
        );
        assert_eq!(
            err("v18.9"),
            "unexpected character 'v' while parsing major version number"
        );
        assert_eq!(err("18.09"), "leading zero in minor version number");
        assert_eq!(
            err("18.9.1.2"),
            "unexpected character '.' while parsing patch version number"
        );
        assert_eq!(err("99999.1"), "major version number is too large");
    }
}
