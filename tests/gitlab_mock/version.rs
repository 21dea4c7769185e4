//! GitLab versions the mock serves.

use std::fmt;

/// A GitLab `major.minor` release.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    pub major: u32,
    pub minor: u32,
}

impl Version {
    pub const fn new(major: u32, minor: u32) -> Self {
        Version { major, minor }
    }

    /// `"19.4"`, `"19.4.1"` or `"19.4.1-ee"` (the patch and suffix are ignored).
    pub fn parse(text: &str) -> Option<Version> {
        let mut parts = text.trim().split('.');
        let major = parts.next()?.parse().ok()?;
        let minor_text = parts.next()?;
        let digits: String = minor_text
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let minor = digits.parse().ok()?;
        Some(Version { major, minor })
    }

    /// Whether this release is `major.minor` or later.
    pub fn at_least(self, major: u32, minor: u32) -> bool {
        self >= Version::new(major, minor)
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// The oldest release the SDL files describe (the reference's S1 snapshot).
pub const OLDEST: Version = Version::new(18, 11);

/// The newest release (released 2026-11-19; the reference carries 19.5-pre
/// forward to it).
pub const NEWEST: Version = Version::new(19, 6);

/// The releases the mock serves, oldest first.
pub const SUPPORTED: [&str; 8] = [
    "18.11", "19.0", "19.1", "19.2", "19.3", "19.4", "19.5", "19.6",
];

/// `text` as a supported release, or why not.
pub fn supported(text: &str) -> Result<Version, String> {
    let version = Version::parse(text).ok_or_else(|| format!("not a GitLab version: {text:?}"))?;
    if version < OLDEST || version > NEWEST {
        return Err(format!(
            "GitLab {version} is outside the schemas in tests/data/gitlab-graphql ({OLDEST} to {NEWEST})"
        ));
    }
    if version.major == 18 && version.minor != 11 {
        return Err(format!("GitLab {version} is not a release"));
    }
    Ok(version)
}
