//! Where a diagnostic points: a path into the input, shown dotted
//! (`self_hosted_models[2].identifier`) and as a JSON Pointer.

use super::{push_int, Quoted};
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
        self.extended(PathSegment::Key(key.into()))
    }

    /// This path extended by an array index.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        self.extended(PathSegment::Index(index))
    }

    // One allocation of the final size (cloning, then pushing, took two).
    fn extended(&self, segment: PathSegment) -> Self {
        let mut segments = Vec::with_capacity(self.segments.len() + 1);
        segments.extend(self.segments.iter().cloned());
        segments.push(segment);
        Path { segments }
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
        if prefix.segments.is_empty() {
            return;
        }
        // One allocation of the final size (moving the segments up in place
        // would save it, at 700 bytes of wasm for `rotate_right`).
        let mut segments = Vec::with_capacity(prefix.segments.len() + self.segments.len());
        segments.extend(prefix.segments.iter().cloned());
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
                PathSegment::Index(i) => push_int(&mut out, *i as u64),
            }
        }
        out
    }

    /// The dotted form ([`Display`](fmt::Display)) as a `String`, written
    /// without the formatting machinery (every diagnostic's JSON has it).
    pub fn dotted(&self) -> String {
        let mut out = String::new();
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                PathSegment::Key(key) if is_plain_key(key) => {
                    if i > 0 {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                PathSegment::Key(key) => {
                    out.push('[');
                    out.push_str(&Quoted(key).to_string());
                    out.push(']');
                }
                PathSegment::Index(index) => {
                    out.push('[');
                    push_int(&mut out, *index as u64);
                    out.push(']');
                }
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
        serializer.serialize_str(&self.dotted())
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
        for path in [
            p,
            q,
            Path::root(),
            Path::root().index(0).key("").index(12345),
        ] {
            assert_eq!(path.dotted(), path.to_string());
        }
    }
}
