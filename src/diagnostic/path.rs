//! Where a diagnostic points: a path into the input, shown dotted
//! (`self_hosted_models[2].identifier`) and as a JSON Pointer.

use serde::ser::Serializer;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

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

    /// This path with `prefix`'s segments put in front (for
    /// [`Diagnostic::under`](super::Diagnostic::under)).
    pub(super) fn prepend(&mut self, prefix: &Path) {
        let mut segments = prefix.segments.clone();
        segments.append(&mut self.segments);
        self.segments = segments;
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
}
