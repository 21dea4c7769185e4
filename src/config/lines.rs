//! Where a diagnostic's path is in the document's text, as a line number,
//! for reports that point at lines (GitLab's Code Quality report).
//!
//! JSON is scanned exactly (a member points at the line of its key, an
//! array element at the line of its first character). TOML is searched
//! for the innermost key (`key =` or a `[table]` header naming it), which
//! finds the line in ordinary documents. Anything not found is line 1.

use crate::diagnostic::{Path, PathSegment};
use std::collections::HashMap;

/// The 1-based line of `path` in `source`.
pub fn line_of(source: &str, path: &Path) -> u32 {
    if source.trim_start().starts_with('{') || source.trim_start().starts_with('[') {
        let mut scanner = Scanner {
            bytes: source.as_bytes(),
            at: 0,
            line: 1,
            lines: HashMap::new(),
        };
        scanner.value(String::new());
        let mut pointer = path.pointer();
        loop {
            if let Some(line) = scanner.lines.get(&pointer) {
                return *line;
            }
            match pointer.rfind('/') {
                Some(i) => pointer.truncate(i),
                None => return 1,
            }
        }
    }
    toml_line(source, path)
}

fn toml_line(source: &str, path: &Path) -> u32 {
    let keys: Vec<&str> = path
        .segments()
        .iter()
        .filter_map(|s| match s {
            PathSegment::Key(k) => Some(k.as_ref()),
            PathSegment::Index(_) => None,
        })
        .collect();
    for key in keys.iter().rev() {
        for (i, line) in source.lines().enumerate() {
            let text = line.trim_start();
            let bare = text.strip_prefix(key).or_else(|| {
                text.strip_prefix('"')
                    .and_then(|t| t.strip_prefix(key))
                    .and_then(|t| t.strip_prefix('"'))
            });
            let assigns = bare.is_some_and(|rest| rest.trim_start().starts_with('='));
            let header = text.starts_with('[')
                && text
                    .trim_matches(|c| c == '[' || c == ']')
                    .rsplit('.')
                    .next()
                    .is_some_and(|last| last.trim() == *key);
            if assigns || header {
                return u32::try_from(i + 1).unwrap_or(u32::MAX);
            }
        }
    }
    1
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    line: u32,
    lines: HashMap<String, u32>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn bump(&mut self) {
        if self.peek() == Some(b'\n') {
            self.line += 1;
        }
        self.at += 1;
    }

    fn space(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.bump();
        }
    }

    /// A string; returns its text (escapes kept simple: `\"` and `\\`
    /// decoded, others left as written, enough for member names).
    fn string(&mut self) -> Option<String> {
        self.bump();
        let start = self.at;
        let mut out = Vec::new();
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    self.bump();
                    return Some(String::from_utf8_lossy(&out).into_owned());
                }
                b'\\' => {
                    self.bump();
                    if let Some(escaped) = self.peek() {
                        out.push(escaped);
                        self.bump();
                    }
                }
                _ => {
                    out.push(b);
                    self.bump();
                }
            }
        }
        let _ = start;
        None
    }

    fn value(&mut self, pointer: String) {
        self.space();
        self.lines.entry(pointer.clone()).or_insert(self.line);
        match self.peek() {
            Some(b'{') => {
                self.bump();
                loop {
                    self.space();
                    match self.peek() {
                        Some(b'"') => {
                            let line = self.line;
                            let Some(key) = self.string() else { return };
                            let escaped = key.replace('~', "~0").replace('/', "~1");
                            let member = format!("{pointer}/{escaped}");
                            self.lines.entry(member.clone()).or_insert(line);
                            self.space();
                            if self.peek() != Some(b':') {
                                return;
                            }
                            self.bump();
                            self.value(member);
                        }
                        Some(b',') => self.bump(),
                        Some(b'}') => {
                            self.bump();
                            return;
                        }
                        _ => return,
                    }
                }
            }
            Some(b'[') => {
                self.bump();
                let mut index = 0usize;
                loop {
                    self.space();
                    match self.peek() {
                        Some(b']') => {
                            self.bump();
                            return;
                        }
                        Some(b',') => {
                            self.bump();
                            index += 1;
                        }
                        None => return,
                        _ => {
                            let before = self.at;
                            self.value(format!("{pointer}/{index}"));
                            if self.at == before {
                                return;
                            }
                        }
                    }
                }
            }
            Some(b'"') => {
                let _ = self.string();
            }
            Some(_) => {
                while self
                    .peek()
                    .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
                {
                    self.bump();
                }
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_and_toml_lines() {
        let json =
            "{\n  \"a\": 1,\n  \"b\": [\n    {\"c\": 2},\n    {\n      \"c\": 3\n    }\n  ]\n}";
        let p = Path::root().key("b").index(1).key("c");
        assert_eq!(line_of(json, &p), 6);
        assert_eq!(line_of(json, &Path::root().key("b").index(0)), 4);
        assert_eq!(line_of(json, &Path::root().key("zz")), 1);
        assert_eq!(line_of(json, &Path::root().key("a").key("deeper")), 2);
        let toml = "gitlab_version = \"18.9\"\n\n[ai_gateway]\nurl = \"x\"\n";
        assert_eq!(line_of(toml, &Path::root().key("ai_gateway").key("url")), 4);
        assert_eq!(line_of(toml, &Path::root().key("ai_gateway")), 3);
        assert_eq!(line_of("{\"a\": [1, 2", &Path::root().key("a").index(1)), 1);
    }
}
