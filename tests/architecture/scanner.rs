//! The scanner behind `tests/architecture.rs`: a lexer that drops
//! comments, strings, characters and lifetimes, the module tree (files,
//! inline modules, `mod` declarations, definitions, `use` bindings and
//! globs), the paths each file names, and their resolution, through
//! re-exports, to the file that defines the item.

use std::collections::{BTreeMap, BTreeSet};

// ---------------------------------------------------------------- lexer

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Ident(String),
    /// `::`
    Path,
    Punct(char),
}

#[derive(Clone, Debug)]
pub(crate) struct Token {
    pub(crate) kind: Kind,
    pub(crate) line: usize,
}

/// Identifiers, `::` and punctuation, with their lines; comments, string,
/// character and number literals and lifetimes are dropped.
pub(crate) fn lex(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let (mut i, mut line) = (0, 1);
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
            }
        } else if c == '"' {
            i = skip_string(&chars, i + 1, 0, &mut line);
        } else if c == '\'' {
            if at(i + 1) == '\\' {
                // An escaped character literal (`'\''`, `'\u{4e2d}'`): past
                // the escaped character, then up to the closing quote.
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                // A lifetime or a label.
                i += 1;
                while at(i).is_alphanumeric() || at(i) == '_' {
                    i += 1;
                }
            }
        } else if c.is_ascii_digit() {
            while at(i).is_alphanumeric()
                || at(i) == '_'
                || (at(i) == '.' && at(i + 1).is_ascii_digit())
            {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while at(i).is_alphanumeric() || at(i) == '_' {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let raw_prefix = matches!(word.as_str(), "r" | "br" | "b" | "c" | "cr");
            if raw_prefix && (at(i) == '"' || (word.ends_with('r') && at(i) == '#')) {
                let mut hashes = 0;
                while at(i) == '#' {
                    hashes += 1;
                    i += 1;
                }
                if at(i) == '"' {
                    i = skip_string(&chars, i + 1, hashes, &mut line);
                    continue;
                }
                // `r#ident`: a raw identifier.
                let start = i;
                while at(i).is_alphanumeric() || at(i) == '_' {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                tokens.push(Token {
                    kind: Kind::Ident(word),
                    line,
                });
            } else if word == "b" && at(i) == '\'' {
                // A byte literal: the quote is lexed next as a character.
            } else {
                tokens.push(Token {
                    kind: Kind::Ident(word),
                    line,
                });
            }
        } else if c == ':' && at(i + 1) == ':' {
            tokens.push(Token {
                kind: Kind::Path,
                line,
            });
            i += 2;
        } else {
            if c.is_ascii_punctuation() {
                tokens.push(Token {
                    kind: Kind::Punct(c),
                    line,
                });
            }
            i += 1;
        }
    }
    tokens
}

/// The index after a string literal whose body starts at `i` (`hashes`:
/// the `#`s of a raw string; 0 for a plain string, whose escapes count).
pub(crate) fn skip_string(chars: &[char], mut i: usize, hashes: usize, line: &mut usize) -> usize {
    while i < chars.len() {
        match chars[i] {
            '\\' if hashes == 0 => {
                *line += usize::from(chars.get(i + 1) == Some(&'\n'));
                i += 2;
            }
            '"' if (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) => return i + 1 + hashes,
            c => {
                *line += usize::from(c == '\n');
                i += 1;
            }
        }
    }
    i
}

// ---------------------------------------------------------------- modules

/// A module: a file, or an inline `mod name { … }` inside one.
#[derive(Default, Debug)]
pub(crate) struct Module {
    pub(crate) file: usize,
    /// Child modules, by name.
    pub(crate) children: BTreeMap<String, Vec<String>>,
    /// Items defined here (functions, types, constants, modules, macros).
    pub(crate) defs: BTreeSet<String>,
    /// `use` bindings: name → absolute path (its last segment may be an item).
    pub(crate) bindings: BTreeMap<String, Vec<String>>,
    /// Glob imports (`use path::*`), absolute.
    pub(crate) globs: Vec<Vec<String>>,
}

/// One path a file names: an import or a path in code.
#[derive(Debug)]
pub(crate) struct Reference {
    pub(crate) file: usize,
    pub(crate) module: Vec<String>,
    pub(crate) line: usize,
    /// As written, e.g. `super::table::ProfileTable`.
    pub(crate) text: String,
    /// Absolute, from the crate root.
    pub(crate) path: Vec<String>,
    /// A `pub use`: a re-export, which names an item but does not use it.
    pub(crate) reexport: bool,
}

#[derive(Debug)]
pub(crate) struct Edge {
    pub(crate) from: usize,
    pub(crate) to: usize,
    pub(crate) line: usize,
    pub(crate) text: String,
    pub(crate) reexport: bool,
}

pub(crate) struct Crate {
    pub(crate) paths: Vec<String>,
    /// The module path of each file.
    pub(crate) file_modules: Vec<Vec<String>>,
    pub(crate) modules: BTreeMap<Vec<String>, Module>,
    pub(crate) references: Vec<Reference>,
}

/// The module path of a file: `src/a/b.rs` and `src/a/b/mod.rs` are `a::b`.
pub(crate) fn module_path(path: &str) -> Vec<String> {
    let inner = path.strip_prefix("src/").unwrap_or(path);
    let inner = inner.strip_suffix(".rs").unwrap_or(inner);
    let mut segments: Vec<String> = inner.split('/').map(str::to_owned).collect();
    if matches!(segments.last().map(String::as_str), Some("mod" | "lib")) {
        segments.pop();
    }
    segments
}

impl Crate {
    pub(crate) fn new(files: &[(String, String)]) -> Self {
        let mut crate_ = Crate {
            paths: files.iter().map(|(p, _)| p.clone()).collect(),
            file_modules: files.iter().map(|(p, _)| module_path(p)).collect(),
            modules: BTreeMap::new(),
            references: Vec::new(),
        };
        for (file, module) in crate_.file_modules.iter().enumerate() {
            crate_.modules.entry(module.clone()).or_default().file = file;
        }
        let mut uses = Vec::new();
        for (file, (_, text)) in files.iter().enumerate() {
            let module = crate_.file_modules[file].clone();
            crate_.scan(file, &module, &lex(text), &mut uses);
        }
        // A `use` may start with a name another `use` brings in, in any
        // order: resolve what can be, and retry the rest until nothing more
        // resolves (what is left names other crates).
        let mut pending: Vec<_> = uses
            .into_iter()
            .flat_map(|(file, module, line, tree, reexport)| {
                tree.into_iter().map(move |(relative, name)| {
                    (file, module.clone(), line, relative, name, reexport)
                })
            })
            .collect();
        loop {
            let before = pending.len();
            let mut unresolved = Vec::new();
            for (file, module, line, relative, name, reexport) in pending {
                let Some(path) = crate_.absolute(&module, &relative) else {
                    unresolved.push((file, module, line, relative, name, reexport));
                    continue;
                };
                let scope = crate_.modules.entry(module.clone()).or_default();
                match name.as_deref() {
                    Some("*") => scope.globs.push(path.clone()),
                    Some(name) => {
                        scope.bindings.insert(name.to_owned(), path.clone());
                    }
                    None => {}
                }
                crate_.references.push(Reference {
                    file,
                    module,
                    line,
                    text: relative.join("::"),
                    path,
                    reexport,
                });
            }
            pending = unresolved;
            if pending.len() == before {
                break;
            }
        }
        crate_
    }

    /// Module declarations, definitions, `use` trees and code paths of one
    /// file's tokens.
    #[allow(clippy::type_complexity)]
    fn scan(
        &mut self,
        file: usize,
        module: &[String],
        tokens: &[Token],
        uses: &mut Vec<(
            usize,
            Vec<String>,
            usize,
            Vec<(Vec<String>, Option<String>)>,
            bool,
        )>,
    ) {
        let ident = |i: usize| match tokens.get(i).map(|t| &t.kind) {
            Some(Kind::Ident(s)) => Some(s.as_str()),
            _ => None,
        };
        let punct = |i: usize, c: char| tokens.get(i).map(|t| &t.kind) == Some(&Kind::Punct(c));
        // The inline modules open at each brace depth.
        let mut stack: Vec<(Vec<String>, usize)> = vec![(module.to_vec(), 0)];
        let mut depth = 0;
        let mut code_paths = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let current = stack.last().map(|(m, _)| m.clone()).unwrap_or_default();
            match &tokens[i].kind {
                Kind::Punct('{') => depth += 1,
                Kind::Punct('}') => {
                    depth -= 1;
                    if stack.len() > 1 && stack.last().is_some_and(|(_, d)| *d == depth) {
                        stack.pop();
                    }
                }
                Kind::Ident(word) if word == "use" => {
                    let reexport = i > 0
                        && (ident(i - 1) == Some("pub")
                            || (punct(i - 1, ')')
                                && (2..5).any(|k| i >= k && ident(i - k) == Some("pub"))));
                    let mut tree = Vec::new();
                    let end = use_tree(tokens, i + 1, &mut Vec::new(), &mut tree);
                    uses.push((file, current.clone(), tokens[i].line, tree, reexport));
                    i = end;
                    continue;
                }
                Kind::Ident(word)
                    if matches!(
                        word.as_str(),
                        "fn" | "struct"
                            | "enum"
                            | "const"
                            | "static"
                            | "type"
                            | "trait"
                            | "union"
                            | "mod"
                    ) && !(i > 0 && tokens[i - 1].kind == Kind::Path) =>
                {
                    if let Some(name) = ident(i + 1).filter(|n| *n != "fn") {
                        let scope = self.modules.entry(current.clone()).or_default();
                        scope.defs.insert(name.to_owned());
                        if word == "mod" {
                            let mut child = current.clone();
                            child.push(name.to_owned());
                            scope.children.insert(name.to_owned(), child.clone());
                            if punct(i + 2, '{') {
                                self.modules.entry(child.clone()).or_default().file = file;
                                stack.push((child, depth));
                            }
                        }
                    }
                }
                Kind::Ident(word) if word == "macro_rules" && punct(i + 1, '!') => {
                    if let Some(name) = ident(i + 2) {
                        self.modules
                            .entry(current.clone())
                            .or_default()
                            .defs
                            .insert(name.to_owned());
                    }
                }
                Kind::Ident(first)
                    if tokens.get(i + 1).map(|t| &t.kind) == Some(&Kind::Path)
                        && !(i > 0 && tokens[i - 1].kind == Kind::Path) =>
                {
                    let mut segments = vec![first.clone()];
                    let mut j = i + 1;
                    while tokens.get(j).map(|t| &t.kind) == Some(&Kind::Path) {
                        match ident(j + 1) {
                            Some(next) => segments.push(next.to_owned()),
                            None => break,
                        }
                        j += 2;
                    }
                    code_paths.push((current.clone(), tokens[i].line, segments));
                    i = j;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        for (current, line, segments) in code_paths {
            let first = segments[0].as_str();
            let child = self
                .modules
                .get(&current)
                .is_some_and(|m| m.children.contains_key(first));
            if !(matches!(first, "crate" | "super" | "self") || child) {
                continue;
            }
            if let Some(path) = self.absolute(&current, &segments) {
                self.references.push(Reference {
                    file,
                    module: current,
                    line,
                    text: segments.join("::"),
                    path,
                    reexport: false,
                });
            }
        }
    }

    /// `path` (as written in `module`) from the crate root; `None` for a
    /// path into another crate.
    pub(crate) fn absolute(&self, module: &[String], path: &[String]) -> Option<Vec<String>> {
        let mut out: Vec<String> = module.to_vec();
        let mut rest = path;
        match path.first().map(String::as_str) {
            Some("crate") => {
                out.clear();
                rest = &path[1..];
            }
            Some("self") => rest = &path[1..],
            Some("super") => {
                while rest.first().map(String::as_str) == Some("super") {
                    out.pop()?;
                    rest = &rest[1..];
                }
            }
            Some(first) => {
                let scope = self.modules.get(module);
                let child = scope.is_some_and(|m| m.children.contains_key(first));
                if !child {
                    // A name a `use` brought in, or another crate.
                    out = scope.and_then(|m| m.bindings.get(first))?.clone();
                    rest = &path[1..];
                }
            }
            None => return None,
        }
        out.extend(rest.iter().filter(|s| *s != "self").cloned());
        Some(out)
    }

    /// The file that defines what `path` names, and whether that is certain
    /// (the item was found, not only the module it would be in).
    pub(crate) fn resolve(&self, path: &[String], depth: usize) -> Option<(usize, bool)> {
        let mut module: Vec<String> = Vec::new();
        for (i, segment) in path.iter().enumerate() {
            let scope = self.modules.get(&module)?;
            if let Some(child) = scope.children.get(segment) {
                if self.modules.contains_key(child) {
                    module = child.clone();
                    continue;
                }
            }
            if scope.defs.contains(segment) || depth > 12 {
                return Some((scope.file, true));
            }
            if let Some(target) = scope.bindings.get(segment) {
                let mut next = target.clone();
                next.extend(path[i + 1..].iter().cloned());
                if let Some(found) = self.resolve(&next, depth + 1) {
                    return Some(found);
                }
            }
            for glob in &scope.globs {
                let mut next = glob.clone();
                next.extend(path[i..].iter().cloned());
                if let Some((file, true)) = self.resolve(&next, depth + 1) {
                    return Some((file, true));
                }
            }
            return Some((scope.file, false));
        }
        Some((self.modules.get(&module)?.file, true))
    }

    pub(crate) fn edges(&self) -> Vec<Edge> {
        self.references
            .iter()
            .filter_map(|r| {
                let (to, _) = self.resolve(&r.path, 0)?;
                Some(Edge {
                    from: r.file,
                    to,
                    line: r.line,
                    text: r.text.clone(),
                    reexport: r.reexport,
                })
            })
            .filter(|e| e.from != e.to)
            .collect()
    }
}

/// Parse one `use` tree from `i`; pushes (path as written, bound name: the
/// alias, the last segment, `*`, or none for `self` in braces) and returns
/// the index after the closing `;`.
pub(crate) fn use_tree(
    tokens: &[Token],
    mut i: usize,
    prefix: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, Option<String>)>,
) -> usize {
    let depth = prefix.len();
    loop {
        match tokens.get(i).map(|t| &t.kind) {
            None => return i,
            Some(Kind::Ident(s)) if s == "as" => {
                if let Some(Kind::Ident(alias)) = tokens.get(i + 1).map(|t| &t.kind) {
                    if let Some(last) = out.last_mut() {
                        last.1 = (alias != "_").then(|| alias.clone());
                    }
                }
                i += 2;
                continue;
            }
            Some(Kind::Ident(s)) => {
                prefix.push(s.clone());
                let next = tokens.get(i + 1).map(|t| &t.kind);
                if next != Some(&Kind::Path) {
                    let name = if s == "self" {
                        prefix.get(prefix.len().wrapping_sub(2)).cloned()
                    } else {
                        Some(s.clone())
                    };
                    out.push((prefix.clone(), name));
                    prefix.truncate(depth);
                }
            }
            Some(Kind::Path) => {
                // `::url::…` names another crate.
                if prefix.len() == depth
                    && depth == 0
                    && i > 0
                    && tokens[i - 1].kind == Kind::Ident("use".into())
                {
                    prefix.push("::".into());
                }
            }
            Some(Kind::Punct('*')) => {
                out.push((prefix.clone(), Some("*".into())));
                prefix.truncate(depth);
            }
            Some(Kind::Punct('{')) => {
                let mut inner = prefix.clone();
                i = use_tree(tokens, i + 1, &mut inner, out);
                prefix.truncate(depth);
                continue;
            }
            Some(Kind::Punct(',')) => prefix.truncate(depth),
            Some(Kind::Punct('}')) => return i + 1,
            Some(Kind::Punct(';')) => return i + 1,
            Some(Kind::Punct(_)) => {}
        }
        i += 1;
    }
}
