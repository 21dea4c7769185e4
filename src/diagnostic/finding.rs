//! One finding: code, severity, path, parameters and message.

use super::{Param, Path, Severity};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::fmt;

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
        self.path.prepend(prefix);
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
