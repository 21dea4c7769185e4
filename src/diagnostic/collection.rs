//! Every diagnostic of one check, with the three entry points: a quick
//! yes/no, the first problem, all problems.

use super::{Diagnostic, Path};
use serde::Serialize;

/// All diagnostics of one check, in the order they were found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// An empty collection.
    pub const fn new() -> Self {
        Diagnostics(Vec::new())
    }

    /// Add one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Add every diagnostic of `other`, moved under `prefix`.
    pub fn extend_under(&mut self, prefix: &Path, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other.into_iter().map(|d| d.under(prefix)));
    }

    /// True when there is no error-severity diagnostic.
    pub fn is_valid(&self) -> bool {
        !self.has_errors()
    }

    /// True when there is at least one error-severity diagnostic.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// The first error-severity diagnostic, if any.
    pub fn first_error(&self) -> Option<&Diagnostic> {
        self.0.iter().find(|d| d.is_error())
    }

    /// Whether any diagnostic has this code.
    pub fn contains_code(&self, code: &str) -> bool {
        self.0.iter().any(|d| d.code() == code)
    }

    /// The diagnostics as a slice.
    pub fn as_slice(&self) -> &[Diagnostic] {
        &self.0
    }

    /// Iterate over the diagnostics.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The diagnostics as a vector.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.0
    }
}

impl Extend<Diagnostic> for Diagnostics {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, iter: I) {
        self.0.extend(iter);
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collection_entry_points() {
        let mut all = Diagnostics::new();
        assert!(all.is_valid());
        all.push(Diagnostic::warning("a.b", Path::root(), "w"));
        assert!(all.is_valid());
        all.push(Diagnostic::error("c.d", Path::root(), "e"));
        assert!(!all.is_valid());
        assert_eq!(all.first_error().map(Diagnostic::code), Some("c.d"));
        let mut outer = Diagnostics::new();
        outer.extend_under(&Path::root().key("x").index(1), all);
        assert_eq!(outer.as_slice()[1].path().to_string(), "x[1]");
    }
}
