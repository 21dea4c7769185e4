//! The dependency rules of ARCHITECTURE.md, checked on the crate's own
//! source: a lower area never imports a higher one, peer areas import each
//! other only where the table below allows it, code inside the crate never
//! goes through the crate root's public re-exports (the facades), and no two
//! modules depend on each other, neither between the modules of an area
//! (`model::identifier` ↔ `model::bedrock`) nor between files.
//!
//! A small hand-written scanner (`tests/architecture/scanner.rs`, no parser
//! crate) strips comments, strings and character literals, reads `mod`
//! declarations, `use` trees and `crate::`, `super::`, `self::` and
//! child-module paths, and follows re-exports (`pub use`) to the file that
//! defines an item; this file maps every file to its area and applies the
//! rules. `src/bin/` (its own crate) and `src/data/` (tables `include!`d by
//! the modules that define their types) are not modules of the library.
//!
//! When it fails, it names the file, the line and the import.

#[path = "architecture/scanner.rs"]
mod scanner;

use scanner::{lex, Crate, Edge, Kind};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// The areas by their folder or ground module, lowest first.
const AREAS: &[(&str, &str)] = &[
    ("diagnostic", "ground"),
    ("decode", "ground"),
    ("version", "ground"),
    ("secret", "ground"),
    ("timeline", "ground"),
    ("url", "url"),
    ("model", "model"),
    ("feature", "feature"),
    ("duo_settings", "settings"),
    ("config", "config"),
    ("gitlab", "gitlab"),
    ("wasm", "front end"),
];

/// Which areas each area may import (besides itself). Front ends (the crate
/// root's facades and `src/wasm.rs`) may import anything.
const ALLOWED: &[(&str, &[&str])] = &[
    ("ground", &[]),
    ("url", &["ground"]),
    // A model endpoint goes through the URL blocker with its preset, and a
    // model check defaults to the presets' GitLab version.
    ("model", &["ground", "url"]),
    ("feature", &["ground"]),
    ("settings", &["ground"]),
    ("config", &["ground", "url", "model", "feature", "settings"]),
    // Configuration as code reads and writes whole documents.
    (
        "gitlab",
        &["ground", "url", "model", "feature", "settings", "config"],
    ),
];

#[test]
fn dependencies_follow_the_architecture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("src"), root, &mut files);
    files.sort();
    assert!(
        files.len() > 50,
        "the scanner found only {} files",
        files.len()
    );
    let crate_ = Crate::new(&files);
    let edges = crate_.edges();
    // A scanner that sees nothing would pass everything: the crate has
    // hundreds of imports, and every area imports the ground.
    assert!(edges.len() > 300, "only {} imports found", edges.len());
    for (_, area) in AREAS
        .iter()
        .filter(|(_, a)| *a != "front end" && *a != "ground")
    {
        assert!(
            edges
                .iter()
                .any(|e| crate_.area(e.from) == Some(*area) && crate_.area(e.to) == Some("ground")),
            "no import from the {area} area to the ground was found"
        );
    }
    let problems = crate_.check(&edges);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The rules catch what they are for, on small made-up crates.
#[test]
fn planted_violations_are_caught() {
    let upward = [
        ("src/lib.rs", "pub mod timeline; pub mod model;"),
        (
            "src/timeline.rs",
            "use crate::model::Record;\npub struct Milestone;",
        ),
        ("src/model/mod.rs", "pub struct Record;"),
    ];
    let found = check_sources(&upward);
    assert!(
        found.iter().any(|p| p.contains("src/timeline.rs:1")
            && p.contains("crate::model::Record")
            && p.contains("ground may not import model")),
        "{found:#?}"
    );

    // A `use` that starts with a name a later `use` brings in.
    let later = [
        ("src/lib.rs", "pub mod timeline; pub mod model;"),
        (
            "src/timeline.rs",
            "fn f() { use model::Record; }\nuse crate::model;",
        ),
        ("src/model/mod.rs", "pub struct Record;"),
    ];
    let found = check_sources(&later);
    assert!(
        found
            .iter()
            .any(|p| p.contains("src/timeline.rs:1") && p.contains("`model::Record`")),
        "{found:#?}"
    );

    let peers = [
        ("src/lib.rs", "mod url; pub mod model;"),
        ("src/url/mod.rs", "pub mod blocker;"),
        (
            "src/url/blocker.rs",
            "/* crate::model::x in a comment */ fn f() { let _ = \"crate::model::x\"; crate::model::check(); }",
        ),
        ("src/model/mod.rs", "pub fn check() {}"),
    ];
    let found = check_sources(&peers);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("url may not import model"), "{found:#?}");

    let cycle = [
        ("src/lib.rs", "pub mod model;"),
        (
            "src/model/mod.rs",
            "pub mod identifier; pub mod bedrock; pub use bedrock::ProfileTable;",
        ),
        (
            "src/model/identifier.rs",
            "use super::bedrock::ProfileTable;\npub struct Id;",
        ),
        (
            "src/model/bedrock.rs",
            "use crate::model::identifier::Id;\npub struct ProfileTable;",
        ),
    ];
    let found = check_sources(&cycle);
    assert!(
        found.iter().any(|p| p.contains("cycle between modules")
            && p.contains("model::bedrock")
            && p.contains("model::identifier")),
        "{found:#?}"
    );

    // Through a re-export: `super::Id` is identifier.rs's, not mod.rs's.
    let hidden = [
        ("src/lib.rs", "pub mod model;"),
        (
            "src/model/mod.rs",
            "mod a; mod b; pub use a::{Id, Ok as Fine}; pub use b::*;",
        ),
        (
            "src/model/a.rs",
            "use super::Table;\npub struct Id; pub struct Ok;",
        ),
        ("src/model/b.rs", "use super::Id;\npub struct Table;"),
    ];
    let found = check_sources(&hidden);
    assert!(
        found.iter().any(|p| p.contains("cycle between modules")),
        "{found:#?}"
    );

    let facade = [
        (
            "src/lib.rs",
            "mod url; pub use url::blocker; pub use url::blocker::Policy;",
        ),
        ("src/url/mod.rs", "pub mod blocker; pub mod preset;"),
        ("src/url/blocker.rs", "pub struct Policy;"),
        ("src/url/preset.rs", "use crate::Policy;"),
    ];
    let found = check_sources(&facade);
    assert!(
        found
            .iter()
            .any(|p| p.contains("src/url/preset.rs:1") && p.contains("public re-exports")),
        "{found:#?}"
    );

    let unknown = [("src/lib.rs", "pub mod extras;"), ("src/extras.rs", "")];
    let found = check_sources(&unknown);
    assert!(found.iter().any(|p| p.contains("in no area")), "{found:#?}");

    // What is allowed stays allowed: parent and children, the ground, peers
    // the table allows, pub use down the areas.
    let fine = [
        ("src/lib.rs", "pub mod diagnostic; mod url; pub mod model; pub use url::blocker;"),
        ("src/diagnostic/mod.rs", "mod path; pub use path::Path;"),
        ("src/diagnostic/path.rs", "pub struct Path;\n#[cfg(test)] mod tests { use super::*; }"),
        ("src/url/mod.rs", "pub mod blocker;"),
        ("src/url/blocker/mod.rs", "mod steps; pub use steps::run; pub struct Policy;"),
        (
            "src/url/blocker/steps.rs",
            "use super::Policy; use crate::diagnostic::Path; pub fn run(_: &Policy, _: Path) { let _c = 'x'; let _s: &'static str = r#\"crate::model\"#; }",
        ),
        ("src/model/mod.rs", "pub use crate::diagnostic::Path; fn f() { crate::url::blocker::run(); }"),
    ];
    let found = check_sources(&fine);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_lexer_skips_comments_strings_and_characters() {
    let tokens = lex(
        "a /* b /* nested */ c */ d // e\n\"f\\\" g\" r##\"h \"# i\"## 'j' '\\'' '\\\\' 'k' 'static l::m b'n' ①",
    );
    let idents: Vec<&str> = tokens
        .iter()
        .filter_map(|t| match &t.kind {
            Kind::Ident(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(idents, ["a", "d", "l", "m"]);
    assert_eq!(
        tokens
            .iter()
            .find(|t| t.kind == Kind::Ident("l".into()))
            .map(|t| t.line),
        Some(2)
    );
}

fn check_sources(sources: &[(&str, &str)]) -> Vec<String> {
    let files: Vec<(String, String)> = sources
        .iter()
        .map(|(p, s)| ((*p).to_owned(), (*s).to_owned()))
        .collect();
    let crate_ = Crate::new(&files);
    crate_.check(&crate_.edges())
}

/// Every `.rs` file under `dir` but `src/bin` and `src/data`, as
/// (path relative to the package, text).
fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        let relative = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        if path.is_dir() {
            if relative != "src/bin" && relative != "src/data" {
                collect(&path, root, out);
            }
        } else if relative.ends_with(".rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{relative}: {e}"));
            out.push((relative, text));
        }
    }
}

impl Crate {
    /// The area of a file: `None` for the crate root, which only declares
    /// modules and the public facades.
    fn area(&self, file: usize) -> Option<&'static str> {
        let first = self.file_modules[file].first()?;
        Some(
            AREAS
                .iter()
                .find(|(name, _)| name == first)
                .map_or("unknown", |(_, area)| area),
        )
    }

    /// The module a file belongs to for the cycle rule: a ground module, or
    /// an area's module (`url::blocker`), or the area's own `mod.rs`.
    fn unit(&self, file: usize) -> String {
        let module = &self.file_modules[file];
        match self.area(file) {
            None => "crate".to_owned(),
            Some("ground" | "front end") => module[0].clone(),
            Some(_) => module
                .iter()
                .take(2)
                .cloned()
                .collect::<Vec<_>>()
                .join("::"),
        }
    }

    fn check(&self, edges: &[Edge]) -> Vec<String> {
        let mut problems = Vec::new();
        for (file, path) in self.paths.iter().enumerate() {
            if self.area(file) == Some("unknown") {
                problems.push(format!(
                    "{path} is in no area: add its top-level module to AREAS in tests/architecture.rs and to ARCHITECTURE.md"
                ));
            }
        }
        // The crate root's own names are facades for users, not for the crate.
        let root_files: BTreeSet<&String> = self
            .modules
            .get(&Vec::new())
            .map(|m| {
                m.children
                    .iter()
                    .filter(|(_, child)| {
                        self.modules
                            .get(*child)
                            .is_some_and(|c| self.paths[c.file] != "src/lib.rs")
                    })
                    .map(|(name, _)| name)
                    .collect()
            })
            .unwrap_or_default();
        for r in &self.references {
            let front = matches!(self.area(r.file), None | Some("front end"));
            let through_root = r
                .path
                .first()
                .is_none_or(|first| !root_files.contains(first));
            if !front && through_root && !r.module.is_empty() {
                problems.push(format!(
                    "{}:{}: `{}` goes through the crate root's public re-exports; name the module that defines it",
                    self.paths[r.file], r.line, r.text
                ));
            }
        }
        for e in edges {
            let (Some(from), Some(to)) = (self.area(e.from), self.area(e.to)) else {
                continue;
            };
            if from == to || from == "front end" || from == "unknown" || to == "unknown" {
                continue;
            }
            let allowed = ALLOWED
                .iter()
                .find(|(area, _)| *area == from)
                .is_some_and(|(_, to_areas)| to_areas.contains(&to));
            if !allowed {
                problems.push(format!(
                    "{}:{}: `{}` ({}): {from} may not import {to} (see ARCHITECTURE.md)",
                    self.paths[e.from], e.line, e.text, self.paths[e.to]
                ));
            }
        }
        // A re-export names an item; it does not use it.
        let used: Vec<&Edge> = edges.iter().filter(|e| !e.reexport).collect();
        let units: Vec<(String, String, &Edge)> = used
            .iter()
            .filter(|e| self.area(e.from).is_some())
            .map(|e| (self.unit(e.from), self.unit(e.to), *e))
            .filter(|(a, b, _)| a != b)
            .collect();
        for cycle in cycles(units.iter().map(|(a, b, e)| (a.clone(), b.clone(), *e))) {
            problems.push(self.describe("cycle between modules", &cycle));
        }
        // Between files: a folder's mod.rs may use its own files.
        let files = used
            .iter()
            .filter(|e| self.area(e.from).is_some())
            .filter(|e| {
                let parent = &self.paths[e.from];
                let folder = parent.strip_suffix("mod.rs");
                !folder.is_some_and(|f| self.paths[e.to].starts_with(f))
            })
            .map(|e| (self.paths[e.from].clone(), self.paths[e.to].clone(), *e));
        for cycle in cycles(files) {
            problems.push(self.describe("cycle between files", &cycle));
        }
        problems
    }

    fn describe(&self, what: &str, cycle: &[(String, &Edge)]) -> String {
        let nodes: BTreeSet<&String> = cycle.iter().map(|(n, _)| n).collect();
        let mut out = format!(
            "{what} {}:",
            nodes.into_iter().cloned().collect::<Vec<_>>().join(", ")
        );
        for (_, e) in cycle {
            let _ = write!(
                out,
                "\n    {}:{}: `{}` ({})",
                self.paths[e.from], e.line, e.text, self.paths[e.to]
            );
        }
        out
    }
}

/// The cycles of a graph given by its edges: each strongly connected
/// component with more than one node, as the edges inside it.
fn cycles<'e>(
    edges: impl Iterator<Item = (String, String, &'e Edge)>,
) -> Vec<Vec<(String, &'e Edge)>> {
    let edges: Vec<(String, String, &Edge)> = edges.collect();
    let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (a, b, _) in &edges {
        graph.entry(a).or_default().insert(b);
        graph.entry(b).or_default();
    }
    // Tarjan's algorithm, iterative enough for a few hundred nodes.
    struct State<'g> {
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        components: Vec<BTreeSet<&'g str>>,
    }
    fn visit<'g>(node: &'g str, graph: &BTreeMap<&'g str, BTreeSet<&'g str>>, s: &mut State<'g>) {
        let n = s.index.len();
        s.index.insert(node, n);
        s.low.insert(node, n);
        s.stack.push(node);
        s.on_stack.insert(node);
        for &next in &graph[node] {
            if !s.index.contains_key(next) {
                visit(next, graph, s);
                let low = s.low[node].min(s.low[next]);
                s.low.insert(node, low);
            } else if s.on_stack.contains(next) {
                let low = s.low[node].min(s.index[next]);
                s.low.insert(node, low);
            }
        }
        if s.low[node] == s.index[node] {
            let mut component = BTreeSet::new();
            while let Some(top) = s.stack.pop() {
                s.on_stack.remove(top);
                component.insert(top);
                if top == node {
                    break;
                }
            }
            s.components.push(component);
        }
    }
    let mut state = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        components: Vec::new(),
    };
    for &node in graph.keys() {
        if !state.index.contains_key(node) {
            visit(node, &graph, &mut state);
        }
    }
    state
        .components
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| {
            let mut inside: Vec<(String, &Edge)> = edges
                .iter()
                .filter(|(a, b, _)| c.contains(a.as_str()) && c.contains(b.as_str()))
                .map(|(a, _, e)| (a.clone(), *e))
                .collect();
            // One import per pair of files is enough to name the edge.
            let mut seen = BTreeSet::new();
            inside.retain(|(_, e)| seen.insert((e.from, e.to)));
            inside
        })
        .collect()
}
