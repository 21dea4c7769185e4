//! The diagnostics model every rule reports through.
//!
//! A [`Diagnostic`] has a stable dotted [code](Diagnostic::code) (never
//! changed once released), a [`Severity`], a [`Path`] into the input,
//! typed [parameters](Param) and an English message built from those
//! parameters. A front end may translate a diagnostic from its code and
//! parameters alone.
//!
//! Rules never stop at the first problem: they push every diagnostic into a
//! [`Diagnostics`] collection, which offers the three usual entry points: a
//! quick yes/no ([`Diagnostics::is_valid`]), the first problem
//! ([`Diagnostics::first_error`]) and all problems (iteration).

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// GitLab rejects the value, or the configuration cannot work.
    Error,
    /// GitLab accepts it, but it may not do what the admin expects.
    Warning,
    /// Advice; nothing is wrong.
    Info,
}

impl Severity {
    /// The lower-case name used in JSON and text output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One step of a [`Path`]: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// An object member, e.g. `identifier`.
    Key(Cow<'static, str>),
    /// An array element, e.g. `[2]`.
    Index(usize),
}

/// Where in the input a diagnostic points, e.g. `self_hosted_models[2].identifier`.
///
/// The empty path means the input as a whole. [`Display`](fmt::Display)
/// gives the dotted form; [`Path::pointer`] gives the same place as an
/// RFC 6901 JSON Pointer (`/self_hosted_models/2/identifier`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Path {
    segments: Vec<PathSegment>,
}

impl Path {
    /// The path of the whole input.
    pub const fn root() -> Self {
        Path {
            segments: Vec::new(),
        }
    }

    /// This path extended by an object key.
    #[must_use]
    pub fn key(&self, key: impl Into<Cow<'static, str>>) -> Self {
        let mut next = self.clone();
        next.segments.push(PathSegment::Key(key.into()));
        next
    }

    /// This path extended by an array index.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        let mut next = self.clone();
        next.segments.push(PathSegment::Index(index));
        next
    }

    /// The segments, outermost first.
    pub fn segments(&self) -> &[PathSegment] {
        &self.segments
    }

    /// Whether this is the path of the whole input.
    pub fn is_root(&self) -> bool {
        self.segments.is_empty()
    }

    /// The RFC 6901 JSON Pointer to the same place (`""` for the root).
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        for segment in &self.segments {
            out.push('/');
            match segment {
                PathSegment::Key(key) => {
                    for c in key.chars() {
                        match c {
                            '~' => out.push_str("~0"),
                            '/' => out.push_str("~1"),
                            c => out.push(c),
                        }
                    }
                }
                PathSegment::Index(i) => out.push_str(&i.to_string()),
            }
        }
        out
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                PathSegment::Key(key) if is_plain_key(key) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(key)?;
                }
                // Keys that are not identifiers (feature names are, deployment
                // names need not be) are quoted so the path stays unambiguous.
                PathSegment::Key(key) => write!(f, "[{key:?}]")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

fn is_plain_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

impl Serialize for Path {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A typed diagnostic parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Param {
    /// A string, such as a host or a GitLab message.
    Str(String),
    /// An integer, such as a port or a length.
    Int(i64),
    /// A flag.
    Bool(bool),
    /// A list of strings, such as the nearest valid names.
    List(Vec<String>),
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

/// One finding about the input.
///
/// Build one with [`Diagnostic::error`], [`Diagnostic::warning`] or
/// [`Diagnostic::info`], then add parameters with [`Diagnostic::with`].
/// Serialises as `{"code", "severity", "path", "pointer", "message", "params"}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    code: &'static str,
    severity: Severity,
    path: Path,
    params: Vec<(&'static str, Param)>,
    message: String,
}

impl Diagnostic {
    /// A diagnostic with the given parts and no parameters yet.
    pub fn new(
        code: &'static str,
        severity: Severity,
        path: Path,
        message: impl Into<String>,
    ) -> Self {
        Self::from_parts(code, severity, path, message.into())
    }

    // One body for every caller (the wasm build is measured in bytes).
    #[inline(never)]
    fn from_parts(code: &'static str, severity: Severity, path: Path, message: String) -> Self {
        Diagnostic {
            code,
            severity,
            path,
            params: Vec::new(),
            message,
        }
    }

    /// An error: GitLab rejects the value or it cannot work.
    pub fn error(code: &'static str, path: Path, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, path, message)
    }

    /// A warning: accepted, but may not do what the admin expects.
    pub fn warning(code: &'static str, path: Path, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Warning, path, message)
    }

    /// Advice.
    pub fn info(code: &'static str, path: Path, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Info, path, message)
    }

    /// This diagnostic with one more typed parameter (kept in insertion order).
    #[must_use]
    pub fn with(self, name: &'static str, value: impl Into<Param>) -> Self {
        self.with_param(name, value.into())
    }

    #[inline(never)]
    fn with_param(mut self, name: &'static str, value: Param) -> Self {
        self.params.push((name, value));
        self
    }

    /// This diagnostic moved under `prefix` (used when a rule checked a part
    /// of a larger document).
    #[must_use]
    pub fn under(mut self, prefix: &Path) -> Self {
        let mut segments = prefix.segments.clone();
        segments.append(&mut self.path.segments);
        self.path.segments = segments;
        self
    }

    /// The stable dotted code, e.g. `url.scheme_not_allowed`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The severity.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Where in the input it points.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The typed parameters, in the order they were added.
    pub fn params(&self) -> &[(&'static str, Param)] {
        &self.params
    }

    /// The parameter called `name`, if any.
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The English message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `error[url.scheme_not_allowed] ai_gateway.url: message`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.severity, self.code)?;
        if !self.path.is_root() {
            write!(f, " {}", self.path)?;
        }
        write!(f, ": {}", self.message)
    }
}

impl Serialize for Diagnostic {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Params<'a>(&'a [(&'static str, Param)]);
        impl Serialize for Params<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(self.0.len()))?;
                for (name, value) in self.0 {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(6))?;
        map.serialize_entry("code", self.code)?;
        map.serialize_entry("severity", &self.severity)?;
        map.serialize_entry("path", &self.path)?;
        map.serialize_entry("pointer", &self.path.pointer())?;
        map.serialize_entry("message", &self.message)?;
        map.serialize_entry("params", &Params(&self.params))?;
        map.end()
    }
}

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
        self.0.iter().any(|d| d.code == code)
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

/// The names in `candidates` nearest to `input` (Levenshtein distance at
/// most a third of the longer name, at least 2), best first, at most three.
///
/// Used by every "unknown name" diagnostic (fields, regions, families,
/// features) so that the suggestions are chosen the same way everywhere.
pub fn nearest_names<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    // One non-generic body for every caller: the scoring and its sort are
    // compiled once instead of once per candidate iterator type (a dozen
    // copies of the sort in the wasm build).
    nearest_in(input, &mut candidates.into_iter())
}

fn nearest_in(input: &str, candidates: &mut dyn Iterator<Item = &str>) -> Vec<String> {
    let input_lower = input.to_ascii_lowercase();
    let mut scored: Vec<(usize, &str)> = Vec::new();
    for candidate in candidates {
        let distance = levenshtein(&input_lower, &candidate.to_ascii_lowercase());
        let limit = (input.chars().count().max(candidate.chars().count()) / 3).max(2);
        if distance <= limit {
            scored.push((distance, candidate));
        }
    }
    // Distance, then name. An insertion sort: the list is short (only names
    // within the limit) and this avoids a copy of the standard sort.
    for i in 1..scored.len() {
        let mut j = i;
        while j > 0 && scored[j - 1] > scored[j] {
            scored.swap(j - 1, j);
            j -= 1;
        }
    }
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(3)
        .map(|(_, name)| name.to_owned())
        .collect()
}

/// Edit distance over Unicode scalar values.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_display_and_pointer() {
        let p = Path::root()
            .key("self_hosted_models")
            .index(2)
            .key("identifier");
        assert_eq!(p.to_string(), "self_hosted_models[2].identifier");
        assert_eq!(p.pointer(), "/self_hosted_models/2/identifier");
        let q = Path::root().key("features").key("a/b~c");
        assert_eq!(q.to_string(), "features[\"a/b~c\"]");
        assert_eq!(q.pointer(), "/features/a~1b~0c");
        assert_eq!(Path::root().pointer(), "");
    }

    #[test]
    fn diagnostic_json_shape() {
        let d = Diagnostic::error("url.scheme_not_allowed", Path::root().key("url"), "no")
            .with("scheme", "ftp")
            .with("port", 21u16)
            .with("allowed", vec!["http".to_owned(), "https".to_owned()])
            .with("entry", None::<String>);
        assert_eq!(
            serde_json::to_string(&d).unwrap_or_default(),
            r#"{"code":"url.scheme_not_allowed","severity":"error","path":"url","pointer":"/url","message":"no","params":{"scheme":"ftp","port":21,"allowed":["http","https"],"entry":null}}"#
        );
        assert_eq!(d.to_string(), "error[url.scheme_not_allowed] url: no");
    }

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

    #[test]
    fn nearest_names_prefers_closest() {
        let names = ["gitlab_version", "offering", "tier", "add_ons"];
        assert_eq!(
            nearest_names("gitlab_verison", names),
            vec!["gitlab_version"]
        );
        assert_eq!(nearest_names("teir", names), vec!["tier"]);
        assert!(nearest_names("zzzzzzzz", names).is_empty());
    }
}
