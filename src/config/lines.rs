//! Where a diagnostic's path is in the document's text: the byte span,
//! line and column of the value (or, for an unknown field, of its key),
//! for reports that point into the file (GitLab's Code Quality report, the
//! CLI's `file:line:col` with a caret under the value).
//!
//! The spans come from the parsers' own positions: TOML from the `toml`
//! crate's spanned document (`toml::de::DeTable`), JSON from a small reader
//! that keeps the position of every member and element it reads. A path
//! deeper than the document (a URL's `host` under `ai_gateway.url`, an
//! allowlist entry's index when the allowlist is one string) points at its
//! nearest ancestor that is in the document; the root has no span.

use crate::diagnostic::{Diagnostic, Param, Path};
use std::collections::HashMap;
use std::ops::Range;

/// The syntax of a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceFormat {
    /// JSON.
    Json,
    /// TOML (spans need the `toml` feature; without it nothing is located).
    Toml,
}

/// A place in a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte (may lie on a later line).
    pub end: usize,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based column of `start`, in characters.
    pub column: u32,
}

impl Span {
    fn at(source: &str, range: Range<usize>) -> Span {
        let start = floor_boundary(source, range.start.min(source.len()));
        let before = &source[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = source[line_start..start].chars().count() + 1;
        Span {
            start,
            end: floor_boundary(source, range.end.clamp(start, source.len())),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The value and (for a member) key positions of every path in a document.
#[derive(Debug, Default)]
pub struct SourceMap {
    /// JSON Pointer → (value span, key span of a member).
    spans: HashMap<String, (Range<usize>, Option<Range<usize>>)>,
}

impl SourceMap {
    /// Read the positions of `source` (what can be read of it: a document
    /// that does not parse has the positions read before the error).
    pub fn new(source: &str, format: SourceFormat) -> SourceMap {
        let mut map = SourceMap::default();
        match format {
            SourceFormat::Json => {
                let mut reader = JsonReader {
                    bytes: source.as_bytes(),
                    at: 0,
                    map: &mut map,
                };
                reader.value(String::new(), None);
            }
            SourceFormat::Toml => toml_spans(source, &mut map),
        }
        map
    }

    /// The span of `path`'s value, or of its nearest ancestor in the
    /// document; `None` for the root.
    pub fn span(&self, source: &str, path: &Path) -> Option<Span> {
        self.find(path)
            .map(|(value, _)| Span::at(source, value.clone()))
    }

    fn find(&self, path: &Path) -> Option<&(Range<usize>, Option<Range<usize>>)> {
        let mut pointer = path.pointer();
        loop {
            if pointer.is_empty() {
                return None;
            }
            if let Some(found) = self.spans.get(&pointer) {
                return Some(found);
            }
            pointer.truncate(pointer.rfind('/').unwrap_or(0));
        }
    }

    /// Where a diagnostic points: the key of an unknown field, the
    /// position a syntax error names (`line`, `column` parameters), else
    /// the value at its path.
    pub fn diagnostic_span(&self, source: &str, diagnostic: &Diagnostic) -> Option<Span> {
        if let (Some(Param::Int(line)), Some(Param::Int(column))) =
            (diagnostic.param("line"), diagnostic.param("column"))
        {
            return Some(position(source, *line, *column));
        }
        if diagnostic.code() == "document.unknown_field" {
            if let Some((_, Some(key))) = self.spans.get(&diagnostic.path().pointer()) {
                return Some(Span::at(source, key.clone()));
            }
        }
        self.span(source, diagnostic.path())
    }
}

/// The span of one character at a 1-based line and column (clamped to the
/// text).
fn position(source: &str, line: i64, column: i64) -> Span {
    let mut start = 0;
    for _ in 1..line.max(1) {
        match source[start..].find('\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    let line_text = &source[start..];
    let line_text = &line_text[..line_text.find('\n').unwrap_or(line_text.len())];
    let offset = line_text
        .char_indices()
        .nth(usize::try_from(column.max(1) - 1).unwrap_or(0))
        .map_or(line_text.len(), |(i, _)| i);
    let at = start + offset;
    let end = source[at..]
        .chars()
        .next()
        .map_or(at, |c| at + c.len_utf8());
    Span::at(source, at..end)
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

#[cfg(feature = "toml")]
fn toml_spans(source: &str, map: &mut SourceMap) {
    use toml::de::{DeTable, DeValue};
    fn walk(value: &DeValue<'_>, pointer: &str, map: &mut SourceMap) {
        match value {
            DeValue::Table(table) => {
                for (key, value) in table.iter() {
                    let member = format!("{pointer}/{}", escape(key.get_ref()));
                    map.spans
                        .insert(member.clone(), (value.span(), Some(key.span())));
                    walk(value.get_ref(), &member, map);
                }
            }
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let element = format!("{pointer}/{i}");
                    map.spans.insert(element.clone(), (item.span(), None));
                    walk(item.get_ref(), &element, map);
                }
            }
            _ => {}
        }
    }
    let (table, _) = DeTable::parse_recoverable(source);
    walk(&DeValue::Table(table.into_inner()), "", map);
}

#[cfg(not(feature = "toml"))]
fn toml_spans(_: &str, _: &mut SourceMap) {}

/// A JSON reader that records where each value is; it stops quietly where
/// the text stops being JSON.
struct JsonReader<'a, 'm> {
    bytes: &'a [u8],
    at: usize,
    map: &'m mut SourceMap,
}

impl JsonReader<'_, '_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    /// Skip a string (the reader is on its opening quote); its range.
    fn string(&mut self) -> Option<Range<usize>> {
        let start = self.at;
        self.at += 1;
        while let Some(b) = self.peek() {
            self.at += 1;
            match b {
                b'"' => return Some(start..self.at),
                b'\\' => self.at += 1,
                _ => {}
            }
        }
        None
    }

    /// Read one value at `pointer` (whose key, for a member, is at `key`).
    /// Returns false where the text stops being JSON.
    fn value(&mut self, pointer: String, key: Option<Range<usize>>) -> bool {
        self.space();
        let start = self.at;
        let ok = match self.peek() {
            Some(b'{') => self.object(&pointer),
            Some(b'[') => self.array(&pointer),
            Some(b'"') => self.string().is_some(),
            Some(_) => {
                while self
                    .peek()
                    .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
                {
                    self.at += 1;
                }
                self.at > start
            }
            None => false,
        };
        if !pointer.is_empty() {
            self.map
                .spans
                .entry(pointer)
                .or_insert((start..self.at.max(start), key));
        }
        ok
    }

    fn object(&mut self, pointer: &str) -> bool {
        self.at += 1;
        loop {
            self.space();
            match self.peek() {
                Some(b'"') => {
                    let Some(range) = self.string() else {
                        return false;
                    };
                    let text = std::str::from_utf8(&self.bytes[range.clone()]).unwrap_or("\"\"");
                    let name: String = serde_json::from_str(text).unwrap_or_default();
                    let member = format!("{pointer}/{}", escape(&name));
                    self.space();
                    if self.peek() != Some(b':') {
                        return false;
                    }
                    self.at += 1;
                    if !self.value(member, Some(range)) {
                        return false;
                    }
                }
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return true;
                }
                _ => return false,
            }
        }
    }

    fn array(&mut self, pointer: &str) -> bool {
        self.at += 1;
        let mut index = 0usize;
        loop {
            self.space();
            match self.peek() {
                Some(b']') => {
                    self.at += 1;
                    return true;
                }
                Some(b',') => {
                    self.at += 1;
                    index += 1;
                }
                None => return false,
                _ => {
                    if !self.value(format!("{pointer}/{index}"), None) {
                        return false;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(source: &str, format: SourceFormat, path: &Path) -> Option<(u32, u32, String)> {
        SourceMap::new(source, format)
            .span(source, path)
            .map(|s| (s.line, s.column, source[s.start..s.end].to_owned()))
    }

    #[test]
    fn json_spans() {
        let json =
            "{\n  \"a\": 1,\n  \"b\": [\n    {\"c\": 2},\n    {\n      \"c\": \"x\"\n    }\n  ]\n}";
        let p = Path::root().key("b").index(1).key("c");
        assert_eq!(
            at(json, SourceFormat::Json, &p),
            Some((6, 12, "\"x\"".to_owned()))
        );
        assert_eq!(
            at(json, SourceFormat::Json, &Path::root().key("b").index(0)),
            Some((4, 5, "{\"c\": 2}".to_owned()))
        );
        assert_eq!(at(json, SourceFormat::Json, &Path::root().key("zz")), None);
        assert_eq!(
            at(
                json,
                SourceFormat::Json,
                &Path::root().key("a").key("deeper")
            ),
            Some((2, 8, "1".to_owned()))
        );
        // An unfinished document: what was read before the end is located.
        let cut = "{\"a\": [1, 2";
        assert_eq!(
            at(cut, SourceFormat::Json, &Path::root().key("a").index(1)).map(|a| a.2),
            Some("2".to_owned())
        );
        // Keys with escapes and non-ASCII text before the value.
        let json = "{\"é\": {\"a\\/b\": true}}";
        let span =
            SourceMap::new(json, SourceFormat::Json).span(json, &Path::root().key("é").key("a/b"));
        assert_eq!(span.map(|s| (s.line, s.column)), Some((1, 16)));
    }

    #[cfg(feature = "toml")]
    #[test]
    fn toml_spans_follow_the_parser() {
        // Two records with the same keys: each finding is on its own line.
        let toml = "gitlab_version = \"18.9\"\n\n[ai_gateway]\nurl = \"x\"\n\n[[m]]\nname = \"a\"\n\n[[m]]\nname = \"b\"\n";
        assert_eq!(
            at(
                toml,
                SourceFormat::Toml,
                &Path::root().key("ai_gateway").key("url")
            ),
            Some((4, 7, "\"x\"".to_owned()))
        );
        assert_eq!(
            at(
                toml,
                SourceFormat::Toml,
                &Path::root().key("m").index(1).key("name")
            ),
            Some((10, 8, "\"b\"".to_owned()))
        );
        assert_eq!(
            at(toml, SourceFormat::Toml, &Path::root().key("ai_gateway")).map(|a| a.0),
            Some(3)
        );
    }

    #[test]
    fn diagnostic_spans() {
        let json = "{\n  \"teir\": 1,\n  \"x\": }";
        let map = SourceMap::new(json, SourceFormat::Json);
        let unknown = Diagnostic::error("document.unknown_field", Path::root().key("teir"), "u");
        let span = map
            .diagnostic_span(json, &unknown)
            .map(|s| (s.line, s.column, s.end - s.start));
        assert_eq!(span, Some((2, 3, 6)));
        let syntax = Diagnostic::error("document.invalid_json", Path::root(), "j")
            .with("line", 3usize)
            .with("column", 8usize);
        let span = map
            .diagnostic_span(json, &syntax)
            .map(|s| (s.line, s.column));
        assert_eq!(span, Some((3, 8)));
    }
}
