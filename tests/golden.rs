//! The answers of the entry points on the fuzz corpora, held to a record:
//! every fast path must give the same answers as the code it replaced (the
//! same verdicts, diagnostics, codes, messages and order, compared as the
//! JSON the CLI prints).
//!
//! Inputs: the committed fuzz corpora (`fuzz/seeds/<target>/`), the 4000+
//! hosts of `tests/data/whatwg-hosts.json`, generated allowlists (every
//! kind of entry and lint, up to 3000 entries) and the benches' large
//! configuration. Each group of answers is reduced to one 64-bit FNV-1a
//! hash of its JSON; `tests/data/golden.txt` holds the hashes.
//!
//! * `cargo test --test golden`: compare with the record.
//! * `UPDATE_GOLDEN=1 cargo test --test golden`: rewrite the record (only
//!   for a deliberate change of an answer; say which in the commit).
//! * `DUO_GOLDEN_DUMP=DIR cargo test --test golden`: also write every
//!   group's answers to `DIR/<group>.jsonl`, one line an input, so that a
//!   changed group can be diffed against the same dump of the old code.
//! * `DUO_GOLDEN_CORPUS=DIR`: read the corpora from `DIR/<target>/` (for
//!   instance the larger working corpora under `fuzz/corpus/`) instead of
//!   `fuzz/seeds/`; the record then does not apply, use the dumps.

use duo_selfhosted::address::classify;
use duo_selfhosted::allowlist::{parse_report, split_text, Allowlist};
use duo_selfhosted::blocker::{check_url, Context, Policy};
use duo_selfhosted::config::{self, Config};
use duo_selfhosted::preset::Preset;
use duo_selfhosted::GitLabVersion;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

#[path = "../benches/fixture/mod.rs"]
mod fixture;

const RECORD: &str = "tests/data/golden.txt";

/// The answers of one group, in input order, hashed and optionally dumped.
struct Group {
    lines: Vec<String>,
}

impl Group {
    fn new() -> Self {
        Group { lines: Vec::new() }
    }

    fn add(&mut self, input: &str, answer: &impl Serialize) {
        let json = serde_json::to_string(answer).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        let input = serde_json::to_string(input).unwrap_or_default();
        self.lines
            .push(format!("{{\"input\":{input},\"answer\":{json}}}"));
    }

    fn hash(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for line in &self.lines {
            for byte in line.bytes().chain([b'\n']) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        format!("{hash:016x} {}", self.lines.len())
    }
}

fn corpus_root() -> PathBuf {
    std::env::var_os("DUO_GOLDEN_CORPUS").map_or_else(|| PathBuf::from("fuzz/seeds"), PathBuf::from)
}

/// The UTF-8 inputs of one fuzz target's corpus, in file-name order.
fn corpus(target: &str) -> Vec<(String, String)> {
    let dir = corpus_root().join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let bytes = std::fs::read(&path).ok()?;
            let text = String::from_utf8(bytes).ok()?;
            let name = path.file_name()?.to_string_lossy().into_owned();
            Some((name, text))
        })
        .collect()
}

/// The hosts of the WHATWG differential corpus.
fn whatwg_hosts() -> Vec<String> {
    let text = std::fs::read_to_string("tests/data/whatwg-hosts.json")
        .unwrap_or_else(|e| panic!("whatwg-hosts.json: {e}"));
    let rows: Vec<Vec<serde_json::Value>> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("whatwg-hosts.json: {e}"));
    rows.into_iter()
        .filter_map(|row| row.first().and_then(|v| v.as_str()).map(str::to_owned))
        .collect()
}

/// The input as fields: the first `n - 1` lines, then the rest (as the
/// fuzz targets read it).
fn fields(text: &str, n: usize) -> Vec<&str> {
    let mut out = Vec::with_capacity(n);
    let mut rest = text;
    for _ in 1..n {
        match rest.split_once('\n') {
            Some((head, tail)) => {
                out.push(head);
                rest = tail;
            }
            None => {
                out.push(rest);
                rest = "";
            }
        }
    }
    out.push(rest);
    out
}

/// Allowlist entries of every kind, and every lint, with and without ports.
const ENTRY_SHAPES: &[&str] = &[
    "10.0.0.0/8",
    "10.1.2.3/8",
    "192.168.1.1",
    "192.168.1.1:8080",
    "::1",
    "[::1]:8080",
    "::1:8080",
    "fd00::/8",
    "fd00::1/127",
    "::ffff:10.0.0.1/120",
    "fe80::1%eth0",
    "1.2.3.4/255.255.0.0",
    "1.2.3.4/255.0.255.0",
    "10.0.0.0/08",
    "10.0.0.0/33",
    "127.000.000.001",
    "0x7f.1",
    "2130706433",
    "[127.0.0.1]",
    "[10.0.0.1]:80",
    "169.254.169.254",
    "169.254.169.254:80",
    "[fd00:ec2::254]",
    "fd00:ec2::254",
    "example.com",
    "Example.COM",
    "example.com.",
    "example.com..",
    "example.com:443",
    "example.com:0",
    "example.com:99999",
    "example.com:184467440737095516150",
    "*.example.com",
    "*.example.com:8443",
    "https://cloud.gitlab.com:443",
    "http://user@host.example/path",
    "user@host.example",
    "host.example/path",
    "/path",
    "-leading.example",
    "_srv.example",
    "a%41.example",
    "münchen.de",
    "https://münchen.de:8443/x",
    "a<b>.example",
    "a&b.example",
    "a&amp;b.example",
    "quote'd.example",
    "[v6]:80",
    "[]:80",
    ":80",
    "host:",
    "1.2.3.4:80:90",
    "xn--mnchen-3ya.de",
];

/// A list of `n` entries cycling through [`ENTRY_SHAPES`] (each made
/// distinct after the first round).
fn generated_entries(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let shape = ENTRY_SHAPES[i % ENTRY_SHAPES.len()];
            let round = i / ENTRY_SHAPES.len();
            if round == 0 {
                shape.to_owned()
            } else if shape.contains('/') || shape.contains(':') || shape.starts_with('[') {
                // Same shape again: a duplicate entry (kept when given as an
                // array, removed from the text).
                shape.to_owned()
            } else {
                format!("r{round}.{shape}")
            }
        })
        .collect()
}

#[derive(Serialize)]
struct AllowlistAnswer<'a> {
    parse: duo_selfhosted::allowlist::ParseReport,
    from_entries: duo_selfhosted::allowlist::ParseReport,
    split: Vec<&'a str>,
    matches: Vec<duo_selfhosted::allowlist::MatchResult>,
}

fn allowlist_answer<'a>(text: &'a str, hosts: &[(&str, Option<u16>)]) -> AllowlistAnswer<'a> {
    let split = split_text(text);
    let (list, found) = Allowlist::from_entries(&split);
    AllowlistAnswer {
        parse: parse_report(text),
        from_entries: list.report(found),
        matches: hosts
            .iter()
            .map(|(host, port)| list.match_host_text(host, *port))
            .collect(),
        split,
    }
}

/// The probe hosts for matching a generated list.
const PROBES: &[(&str, Option<u16>)] = &[
    ("10.9.9.9", None),
    ("10.9.9.9", Some(443)),
    ("192.168.1.1", Some(8080)),
    ("192.168.1.1", Some(80)),
    ("::1", Some(8080)),
    ("fd00::5", None),
    ("::ffff:10.0.0.5", None),
    ("example.com", Some(443)),
    ("EXAMPLE.com", Some(443)),
    ("r3.example.com", None),
    ("xn--mnchen-3ya.de", None),
    ("münchen.de", None),
    ("169.254.169.254", Some(80)),
    ("0x7f.1", None),
    ("127.0.0.1", None),
];

fn policies() -> Vec<(String, Policy)> {
    let mut out = Vec::new();
    let list = Allowlist::from_entries(generated_entries(1000)).0;
    for version in [GitLabVersion::new(17, 1), GitLabVersion::new(18, 9)] {
        for preset in Preset::ALL {
            let policy = preset.policy(&version);
            let name = format!("{}@{version}", preset.name());
            let strict = Policy {
                allow_local_network: false,
                ..policy.clone()
            };
            let deny_all = Policy {
                deny_all_requests_except_allowed: true,
                outbound_local_requests_allowlist: list.clone(),
                ..policy.clone()
            };
            out.push((name.clone(), policy));
            out.push((format!("{name}+strict"), strict));
            out.push((format!("{name}+deny_all_1000"), deny_all));
        }
    }
    out
}

fn contexts() -> Vec<(&'static str, Context)> {
    let ip = |s: &str| -> IpAddr { s.parse().unwrap_or_else(|e| panic!("{s}: {e}")) };
    vec![
        ("unknown", Context::default()),
        (
            "resolved",
            Context {
                resolved_addresses: Some(vec![ip("10.1.2.3"), ip("::ffff:127.0.0.1")]),
                server_addresses: vec![ip("10.0.0.4")],
                ..Context::default()
            },
        ),
        (
            "unresolvable_proxy",
            Context {
                resolved_addresses: Some(Vec::new()),
                http_proxy_env: true,
                internal_uris: vec!["https://gitlab.example.com:443".to_owned()],
                ..Context::default()
            },
        ),
    ]
}

type Groups = BTreeMap<String, Group>;

fn group<'a>(groups: &'a mut Groups, name: &str) -> &'a mut Group {
    groups.entry(name.to_owned()).or_insert_with(Group::new)
}

#[test]
fn classify_answers() {
    let mut groups = Groups::new();
    for (_, input) in corpus("classify") {
        group(&mut groups, "classify:seeds").add(&input, &classify(&input));
    }
    for host in whatwg_hosts() {
        group(&mut groups, "classify:whatwg").add(&host, &classify(&host));
    }
    compare("classify:", &groups);
}

#[test]
fn url_check_answers_on_the_corpus() {
    let mut groups = Groups::new();
    let url_seeds = corpus("url_check");
    for (name, policy) in &policies() {
        for (context_name, context) in &contexts() {
            let g = group(
                &mut groups,
                &format!("url_check:seeds:{name}:{context_name}"),
            );
            for (_, url) in &url_seeds {
                g.add(url, &check_url(url, policy, context));
            }
        }
    }
    compare("url_check:seeds:", &groups);
}

#[test]
fn url_check_answers_on_whatwg_hosts() {
    let mut groups = Groups::new();
    let urls: Vec<String> = whatwg_hosts()
        .iter()
        .map(|h| format!("http://{h}:5052/v1"))
        .collect();
    let contexts = contexts();
    for (name, policy) in policies()
        .iter()
        .filter(|(n, _)| n == "ai-gateway@18.9" || n == "ai-gateway@18.9+deny_all_1000")
    {
        for (context_name, context) in &contexts[..2] {
            let g = group(
                &mut groups,
                &format!("url_check:whatwg:{name}:{context_name}"),
            );
            for url in &urls {
                g.add(url, &check_url(url, policy, context));
            }
        }
    }
    compare("url_check:whatwg:", &groups);
}

#[test]
fn allowlist_answers() {
    let mut groups = Groups::new();
    for (_, input) in corpus("allowlist") {
        let f = fields(&input, 3);
        let port = f[1].trim().parse::<u16>().ok();
        group(&mut groups, "allowlist:seeds").add(&input, &allowlist_answer(f[2], &[(f[0], port)]));
    }
    for n in [ENTRY_SHAPES.len(), 300, 1001, 3000] {
        for separator in ["\n", ", ", ";"] {
            let text = generated_entries(n).join(separator);
            group(&mut groups, "allowlist:generated").add(&text, &allowlist_answer(&text, PROBES));
        }
    }
    compare("allowlist:", &groups);
}

#[test]
fn config_answers() {
    let mut groups = Groups::new();
    for (_, input) in corpus("config_json") {
        group(&mut groups, "config:json").add(&input, &config::check_json(&input));
        if let Some(c) = Config::from_json(&input).config {
            group(&mut groups, "config:json:resolve").add(&input, &config::resolve(&c));
        }
    }
    #[cfg(feature = "cli")]
    for (_, input) in corpus("config_toml") {
        group(&mut groups, "config:toml").add(&input, &config::check_toml(&input));
    }
    let large = fixture::large_document().to_string();
    group(&mut groups, "config:large").add(
        "benches/fixture large_document",
        &config::check_json(&large),
    );
    compare("config:", &groups);
}

/// The record is rewritten by several tests at once (UPDATE_GOLDEN).
static RECORD_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Compare (or record) the groups whose names start with `section`.
fn compare(section: &str, groups: &Groups) {
    if let Some(dir) = std::env::var_os("DUO_GOLDEN_DUMP") {
        let dir = Path::new(&dir);
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for (name, group) in groups {
            let file = dir.join(format!("{}.jsonl", name.replace(['/', ':', '@', '+'], "_")));
            let mut text = group.lines.join("\n");
            text.push('\n');
            std::fs::write(&file, text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        }
    }
    if std::env::var_os("DUO_GOLDEN_CORPUS").is_some() {
        return;
    }
    let _guard = RECORD_LOCK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let expected = std::fs::read_to_string(RECORD).unwrap_or_default();
    let mut recorded: BTreeMap<String, String> = expected
        .lines()
        .filter_map(|line| line.split_once(' '))
        .map(|(name, hash)| (name.to_owned(), hash.to_owned()))
        .collect();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        recorded.retain(|name, _| !name.starts_with(section));
        for (name, group) in groups {
            recorded.insert(name.clone(), group.hash());
        }
        let mut record = String::new();
        for (name, hash) in &recorded {
            let _ = writeln!(record, "{name} {hash}");
        }
        std::fs::write(RECORD, record).unwrap_or_else(|e| panic!("{RECORD}: {e}"));
        return;
    }
    let mut problems = Vec::new();
    for (name, group) in groups {
        match recorded.get(name) {
            Some(hash) if *hash == group.hash() => {}
            Some(hash) => problems.push(format!("{name}: recorded {hash}, now {}", group.hash())),
            None => problems.push(format!("{name}: not in the record")),
        }
    }
    for name in recorded.keys().filter(|n| n.starts_with(section)) {
        // The TOML reader is the CLI's (`--features cli`).
        let optional = cfg!(not(feature = "cli")) && name.starts_with("config:toml");
        if !groups.contains_key(name) && !optional {
            problems.push(format!("{name}: recorded but not computed"));
        }
    }
    assert!(
        problems.is_empty(),
        "answers differ from {RECORD} (compare DUO_GOLDEN_DUMP=DIR dumps of both versions):\n{}",
        problems.join("\n")
    );
}
