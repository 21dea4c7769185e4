//! The diagnostics catalog is the contract: no code can exist without its
//! entry. Two checks hold it:
//!
//! 1. every example and fixture document (`examples/`, `tests/data/config`,
//!    `tests/data/url`, `tests/data/bedrock*`, `tests/data/classify`,
//!    `tests/data/gitlab-*`) and
//!    every fuzz seed goes through the entry points that read it, and every
//!    diagnostic they emit has an entry, a severity the entry allows, and
//!    only the entry's parameters with the entry's JSON types (each
//!    required one present); together they emit every code of the catalog,
//!    so a new code comes with a fixture that shows it;
//! 2. the sources: every quoted `word.word` literal in `src/` is a code
//!    with an entry (or one of the few host and file names listed in
//!    `NOT_CODES`), and every entry's code appears in `src/`.

use duo_selfhosted::address::classify;
use duo_selfhosted::allowlist::Allowlist;
use duo_selfhosted::bedrock::bedrock_identifier;
use duo_selfhosted::bedrock::ProfileTable;
use duo_selfhosted::blocker::{check_url, check_url_request, Context, Policy, UrlRequest};
use duo_selfhosted::config::{self, Config};
use duo_selfhosted::diagnostic::catalog::{self, CATALOG};
use duo_selfhosted::family::{DeploymentMethod, Family};
use duo_selfhosted::gitlab::{self, LiveState, PlanReport};
use duo_selfhosted::identifier::{check_identifier, identifier_report};
use duo_selfhosted::model::{ModelContext, ModelReport};
use duo_selfhosted::{Diagnostic, Diagnostics, GitLabVersion, Path, Preset};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file of a folder, sorted, as (name, text); non-UTF-8 files are
/// skipped (every entry point takes text).
fn files(folder: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(root().join(folder))
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .filter_map(|e| {
            let text = String::from_utf8(std::fs::read(e.path()).ok()?).ok()?;
            Some((
                format!("{folder}/{}", e.file_name().to_string_lossy()),
                text,
            ))
        })
        .collect();
    out.sort();
    out
}

/// The input as `n` newline-separated fields, the last taking the rest
/// (the fuzz targets' framing, `fuzz/src/lib.rs`).
fn fields(text: &str, n: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    for _ in 1..n {
        let (head, tail) = rest.split_once('\n').unwrap_or((rest, ""));
        out.push(head);
        rest = tail;
    }
    out.push(rest);
    out
}

/// Every diagnostic the inputs make the entry points emit, with where it
/// came from.
fn emitted() -> Vec<(String, Diagnostic)> {
    let mut out: Vec<(String, Diagnostic)> = Vec::new();
    let mut add = |source: &str, diagnostics: Diagnostics| {
        out.extend(diagnostics.into_iter().map(|d| (source.to_owned(), d)));
    };
    let mut documents = files("examples");
    documents.extend(files("tests/data/config"));
    for (name, text) in &documents {
        let report = if name.ends_with(".toml") {
            config::check_toml(text)
        } else if name.ends_with(".json") {
            config::check_json(text)
        } else {
            continue;
        };
        add(name, report.diagnostics);
    }
    for (name, text) in files("tests/data/bedrock-tables") {
        let mut diagnostics = Diagnostics::new();
        let _ = ProfileTable::load(&text, &mut diagnostics);
        add(&name, diagnostics);
    }
    for (name, text) in files("tests/data/url") {
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let f: Vec<&str> = line.splitn(4, '\t').collect();
            let given = |i: usize| f.get(i).copied().filter(|v| !v.is_empty());
            let request = UrlRequest {
                url: f.get(3).copied().unwrap_or_default(),
                preset: given(0),
                policy_json: given(1),
                gitlab_version: given(2),
            };
            match check_url_request(request) {
                Ok(verdict) => add(&name, verdict.diagnostics),
                Err(problems) => add(&name, problems),
            }
        }
    }
    for (name, text) in files("tests/data/bedrock") {
        for line in text.lines() {
            let f = fields(line, 2);
            let pair: Vec<&str> = f[0].splitn(2, '\t').collect();
            if let [region, model] = pair.as_slice() {
                add(&name, bedrock_identifier(region, model).diagnostics);
            }
        }
    }
    for (name, text) in files("tests/data/classify") {
        for line in text.lines() {
            add(&name, classify(line).diagnostics);
        }
    }
    // Configuration as code: each fixture is a document and a live state
    // (or its text), planned, drifted and imported; the answers a GitLab
    // gives to the live-state query go through fetch_live.
    for (name, text) in files("tests/data/gitlab-plan") {
        let fixture: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let live_text = match &fixture["live"] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let document = fixture["document"].to_string();
        let report = PlanReport::from_json(&document, &live_text);
        add(&name, report.diagnostics);
        let live = LiveState::from_json(&live_text);
        add(&name, live.diagnostics);
        if let Some(config) = Config::from_json(&document).config {
            add(&name, gitlab::drift(&config, &live.state));
            add(
                &name,
                gitlab::import(&live.state, &config.gitlab_version).diagnostics,
            );
        }
    }
    for (name, text) in files("tests/data/gitlab-live") {
        let live = LiveState::from_json(&text);
        add(&name, live.diagnostics);
        add(
            &name,
            gitlab::import(&live.state, &GitLabVersion::new(19, 6)).diagnostics,
        );
    }
    for (name, text) in files("tests/data/gitlab-answers") {
        struct Canned(serde_json::Value);
        impl gitlab::Transport for Canned {
            fn execute(
                &mut self,
                _: &str,
                _: &serde_json::Value,
            ) -> Result<serde_json::Value, String> {
                Ok(self.0.clone())
            }
        }
        let answer = serde_json::from_str(&text).unwrap_or_default();
        if let Ok(live) = gitlab::fetch_live(&mut Canned(answer)) {
            add(&name, live.diagnostics);
            add(
                &name,
                gitlab::import(&live.state, &GitLabVersion::new(19, 6)).diagnostics,
            );
        }
    }
    for (name, text) in files("fuzz/seeds/config_json") {
        add(&name, config::check_json(&text).diagnostics);
        add(&name, Config::from_json(&text).diagnostics);
    }
    for (name, text) in files("fuzz/seeds/config_toml") {
        add(&name, config::check_toml(&text).diagnostics);
    }
    for (name, text) in files("fuzz/seeds/live_state") {
        let live = gitlab::LiveState::from_json(&text);
        add(&name, live.diagnostics);
        add(
            &name,
            gitlab::import(&live.state, &GitLabVersion::new(19, 6)).diagnostics,
        );
        if let Some(example) = Config::from_json(config::EXAMPLE_JSON).config {
            match gitlab::plan(&example, &live.state) {
                Ok(plan) => add(&name, plan.diagnostics),
                Err(refused) => add(&name, refused.diagnostics),
            }
        }
    }
    for (name, text) in files("fuzz/seeds/classify") {
        add(&name, classify(&text).diagnostics);
    }
    for (name, text) in files("fuzz/seeds/allowlist") {
        let f = fields(&text, 3);
        let (list, diagnostics) = Allowlist::parse(f[2]);
        add(&name, diagnostics);
        let _ = list.match_host_text(f[0], f[1].parse().ok());
    }
    for (name, text) in files("fuzz/seeds/bedrock") {
        let f = fields(&text, 2);
        add(&name, bedrock_identifier(f[0], f[1]).diagnostics);
    }
    for (name, text) in files("fuzz/seeds/identifier") {
        let f = fields(&text, 3);
        let method = DeploymentMethod::from_key(f[0]);
        let mut diagnostics = Diagnostics::new();
        check_identifier(
            f[2],
            method,
            Family::by_key(f[1]),
            &Path::root(),
            &mut diagnostics,
        );
        add(&name, diagnostics);
        add(&name, identifier_report(f[2], method).diagnostics);
        let record = serde_json::json!({"name": "m", "family": f[1], "deployment": f[0], "identifier": f[2]});
        add(
            &name,
            ModelReport::from_json(&record.to_string(), &ModelContext::default()).diagnostics,
        );
    }
    for (name, url) in files("fuzz/seeds/url_check") {
        for version in [GitLabVersion::new(17, 1), GitLabVersion::new(18, 9)] {
            for preset in Preset::ALL {
                let policy = preset.policy(&version);
                let strict = Policy {
                    allow_local_network: false,
                    ..policy.clone()
                };
                let deny_all = Policy {
                    deny_all_requests_except_allowed: true,
                    ..policy.clone()
                };
                for policy in [policy, strict, deny_all] {
                    add(
                        &name,
                        check_url(&url, &policy, &Context::default()).diagnostics,
                    );
                }
            }
        }
    }
    out
}

/// Quoted `word.word` literals in `src/` that are not codes: host names
/// and file names the rules name, and the placeholders of unit tests. Every
/// other such literal is a code and must have an entry.
const NOT_CODES: &[&str] = &[
    // Host names (url/address/names.rs, tests of the host rules).
    "a.localhost",
    "amazonaws.com",
    "amazonaws.eu",
    "cluster.local",
    "example.com",
    "gw.internal",
    "home.arpa",
    "localh.st",
    "localhost.com",
    "localhost.localdomain",
    "localtest.me",
    "lvh.me",
    "nip.io",
    "rebind.network",
    "sslip.io",
    "xip.io",
    // The Helm chart's file (config/snippet.rs).
    "values.yaml",
    // A version string version.rs's unit test refuses.
    "v18.9",
    // Placeholders of diagnostic/collection.rs's unit test.
    "a.b",
    "c.d",
];

/// Check 1: every emitted diagnostic matches its entry.
#[test]
fn every_emitted_code_is_in_the_catalog() {
    let all = emitted();
    assert!(all.len() > 3_000, "only {} diagnostics emitted", all.len());
    let mut problems: Vec<String> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (source, d) in &all {
        let Some(entry) = catalog::lookup(d.code()) else {
            problems.push(format!("{source}: {} has no catalog entry", d.code()));
            continue;
        };
        seen.push(entry.code);
        if !entry.severities.contains(&d.severity()) {
            problems.push(format!(
                "{source}: {} is {} but the catalog allows {:?}",
                d.code(),
                d.severity(),
                entry.severities
            ));
        }
        for (name, value) in d.params() {
            match entry.param(name) {
                None => problems.push(format!(
                    "{source}: {} has the param {name}, not in the catalog",
                    d.code()
                )),
                Some(spec) if !spec.admits(value) => problems.push(format!(
                    "{source}: {}.{name} = {value:?} is not a {}{}",
                    d.code(),
                    spec.ty.as_str(),
                    if spec.nullable { " or null" } else { "" }
                )),
                Some(_) => {}
            }
        }
        for spec in entry.params.iter().filter(|p| !p.optional) {
            if d.param(spec.name).is_none() {
                problems.push(format!(
                    "{source}: {} lacks the param {}",
                    d.code(),
                    spec.name
                ));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    seen.sort_unstable();
    seen.dedup();
    let missing: Vec<&str> = CATALOG
        .iter()
        .map(|e| e.code)
        .filter(|c| !seen.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "{} of {} codes emitted; add a fixture for: {missing:?}",
        seen.len(),
        CATALOG.len()
    );
}

/// Every `.rs` file under `folder`, as (path, text).
fn rust_files(folder: &std::path::Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            out.push((path.display().to_string(), text));
        }
    }
}

/// The quoted `word.word` literals of a text (lower case, digits and `_`).
fn code_literals(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('"') {
        let rest = &text[i + 1..];
        let end = rest
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.'))
            .unwrap_or(rest.len());
        if !rest[end..].starts_with('"') {
            continue;
        }
        let word = &rest[..end];
        if let Some((ns, tail)) = word.split_once('.') {
            if ns.starts_with(|c: char| c.is_ascii_lowercase())
                && !tail.is_empty()
                && !tail.contains('.')
            {
                out.push(word.to_owned());
            }
        }
    }
    out
}

/// Check 2: the sources and the catalog name the same codes.
#[test]
fn sources_and_catalog_name_the_same_codes() {
    let mut sources = Vec::new();
    rust_files(&root().join("src"), &mut sources);
    let mut in_sources: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    for (path, text) in &sources {
        if path.ends_with("data/diagnostics.rs") || path.ends_with("diagnostic/catalog.rs") {
            continue;
        }
        for code in code_literals(text) {
            if NOT_CODES.contains(&code.as_str()) {
                continue;
            }
            if catalog::lookup(&code).is_none() {
                problems.push(format!("{path}: {code} has no catalog entry"));
            }
            in_sources.push(code);
        }
    }
    for entry in CATALOG {
        if !in_sources.iter().any(|c| c == entry.code) {
            problems.push(format!(
                "{} is in the catalog but no source names it",
                entry.code
            ));
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The table's own shape: sorted, unique, every text written, a dotted
/// code, parameters named once.
#[test]
fn catalog_is_well_formed() {
    assert!(
        CATALOG.windows(2).all(|w| w[0].code < w[1].code),
        "sorted and unique"
    );
    for e in CATALOG {
        assert!(e.code.split_once('.').is_some(), "{}", e.code);
        assert!(!e.severities.is_empty(), "{}", e.code);
        for text in [e.title, e.meaning, e.why, e.source, e.fix, e.example] {
            assert!(!text.trim().is_empty(), "{}: an empty text", e.code);
        }
        assert!(
            !e.title.ends_with('.'),
            "{}: the title is a heading",
            e.code
        );
        let mut names: Vec<&str> = e.params.iter().map(|p| p.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "{}: a parameter twice", e.code);
    }
    // The catalog serialises as the contract front ends type against.
    let json = serde_json::to_value(catalog::lookup("url.depends_on_dns")).unwrap_or_default();
    assert_eq!(json["severities"], serde_json::json!(["warning"]));
    assert_eq!(
        json["params"][0],
        serde_json::json!({"name": "host", "type": "string", "nullable": false, "optional": false})
    );
}
