//! The `classify`, `url` and `allowlist` commands: the JSON contract of
//! issue 2 and the exit codes (issue 12: 0 no error finding, 1 an error
//! finding such as a blocked URL, 2 usage error).
#![cfg(feature = "cli")]

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_duo-selfhosted"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run the CLI: {e}"));
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn json(args: &[&str]) -> serde_json::Value {
    let (code, stdout, stderr) = run(args);
    assert!(code == 0 || code == 1, "{args:?}: {stderr}");
    assert_eq!(stdout.lines().count(), 1, "one line of JSON: {stdout}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {stdout}"))
}

/// Asserts the keys appear in this order (their first occurrences in the
/// printed JSON; the library's `Serialize` fixes the order).
#[track_caller]
fn assert_order(args: &[&str], expected: &[&str]) {
    let (_, stdout, _) = run(args);
    let positions: Vec<usize> = expected
        .iter()
        .map(|k| {
            stdout
                .find(&format!("\"{k}\":"))
                .unwrap_or_else(|| panic!("no {k} in {stdout}"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "{expected:?} out of order in {stdout}"
    );
}

#[test]
fn classify_contract() {
    let v = json(&["classify", "0x7f.1", "--format", "json"]);
    assert_eq!(v.as_object().map(|o| o.len()), Some(6));
    assert_order(
        &["classify", "0x7f.1", "--format", "json"],
        &[
            "input",
            "canonical_host",
            "class",
            "embedded_ipv4",
            "cloud_metadata",
            "diagnostics",
        ],
    );
    assert_eq!(
        (v["canonical_host"].as_str(), v["class"].as_str()),
        (Some("127.0.0.1"), Some("loopback"))
    );
    let v = json(&["classify", "::ffff:169.254.169.254", "--format", "json"]);
    assert_eq!(v["embedded_ipv4"], "169.254.169.254");
    assert_eq!(v["cloud_metadata"], true);
    let (code, stdout, _) = run(&["classify", "10.0.0.1"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("class:          private"), "{stdout}");
    assert_eq!(run(&["classify"]).0, 2);
    assert_eq!(run(&["classify", "a", "--format", "yaml"]).0, 2);
}

#[test]
fn url_contract() {
    let v = json(&[
        "url",
        "http://127.0.0.1:5052",
        "--preset",
        "ai-gateway",
        "--format",
        "json",
    ]);
    assert_eq!(v.as_object().map(|o| o.len()), Some(9));
    assert_order(
        &[
            "url",
            "http://127.0.0.1:5052",
            "--preset",
            "ai-gateway",
            "--format",
            "json",
        ],
        &[
            "blocked",
            "code",
            "message",
            "gitlab_message",
            "canonical_host",
            "port",
            "class",
            "suggested_allowlist_entry",
            "diagnostics",
        ],
    );
    assert_eq!(v["blocked"], true);
    // Issue 12: a blocked URL is an error finding, exit 1 (it was 0).
    assert_eq!(
        run(&["url", "http://127.0.0.1:5052", "--preset", "ai-gateway"]).0,
        1
    );
    // 127.0.0.1 is the loopback interface's: the localhost check names it.
    assert_eq!(v["code"], "url.localhost");
    assert_eq!(v["gitlab_message"], "Requests to localhost are not allowed");
    assert_eq!(v["port"], 5052);
    assert_eq!(v["suggested_allowlist_entry"], "127.0.0.1:5052");
    let v = json(&[
        "url",
        "http://aigw.internal:5052",
        "--preset",
        "ai-gateway",
        "--format",
        "json",
    ]);
    assert!(v["blocked"].is_null());
    // Depends on DNS: a warning, exit 0.
    assert_eq!(
        run(&["url", "http://aigw.internal:5052", "--preset", "ai-gateway"]).0,
        0
    );
    let v = json(&[
        "url",
        "http://aigw.internal:5052",
        "--preset",
        "ai-gateway",
        "--policy",
        r#"{"resolved_addresses": [], "outbound_local_requests_allowlist": ["aigw.internal"]}"#,
        "--format",
        "json",
    ]);
    assert_eq!(v["blocked"], false);
    assert!(v["code"].is_null());
    let v = json(&[
        "url",
        "http://10.0.0.5/v1",
        "--preset",
        "model-endpoint",
        "--policy",
        r#"{"deny_all_requests_except_allowed": true}"#,
        "--format",
        "json",
    ]);
    assert_eq!(
        v["gitlab_message"],
        "Endpoint is blocked: Requests to hosts and IP addresses not on the Allow List are denied"
    );
    // Unknown keys, bad JSON and unknown presets are usage errors.
    let (code, _, stderr) = run(&["url", "http://x", "--policy", r#"{"allow_localhst": true}"#]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("did you mean `allow_localhost`?"),
        "{stderr}"
    );
    assert_eq!(run(&["url", "http://x", "--policy", "{"]).0, 2);
    assert_eq!(run(&["url", "http://x", "--preset", "nope"]).0, 2);
    let (code, stdout, _) = run(&["url", "http://169.254.169.254/"]);
    assert_eq!(code, 1);
    assert!(stdout.starts_with("BLOCKED: "), "{stdout}");
}

#[test]
fn allowlist_contract() {
    let v = json(&[
        "allowlist",
        "parse",
        "127.0.0.1:8080, *.example.com",
        "--format",
        "json",
    ]);
    assert_eq!(v.as_object().map(|o| o.len()), Some(2));
    assert_order(
        &[
            "allowlist",
            "parse",
            "127.0.0.1:8080, *.example.com",
            "--format",
            "json",
        ],
        &["entries", "raw", "kind", "value", "port", "diagnostics"],
    );
    assert_eq!(v["entries"][0]["kind"], "ip");
    assert_eq!(v["entries"][1]["kind"], "domain");
    assert_eq!(v["diagnostics"][0]["code"], "allowlist.entry_wildcard");
    let v = json(&[
        "allowlist",
        "match",
        "10.0.0.0/8;example.com:443",
        "10.1.2.3",
        "--format",
        "json",
    ]);
    assert_eq!(
        v,
        serde_json::json!({"matched": true, "entry": "10.0.0.0/8"})
    );
    let v = json(&[
        "allowlist",
        "match",
        "10.0.0.0/8;example.com:443",
        "example.com",
        "--port",
        "80",
        "--format",
        "json",
    ]);
    assert_eq!(v, serde_json::json!({"matched": false, "entry": null}));
    assert_eq!(run(&["allowlist", "match", "a", "b", "--port", "x"]).0, 2);
    assert_eq!(run(&["allowlist", "frob"]).0, 2);
    assert_eq!(run(&["allowlist"]).0, 2);
}
