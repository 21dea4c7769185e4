//! The `check`, `resolve` and `snippet` commands: contracts and exit codes.
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_duo-selfhosted"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin.unwrap_or_default().as_bytes());
    }
    child.wait_with_output().unwrap_or_else(|e| panic!("{e}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The README's main job: `check` on the bundled example exits 0.
#[test]
fn check_bundled_example() {
    let out = run(&["check"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).ends_with("valid: 0 errors, 0 warnings, 4 info\n"),
        "{}",
        stdout(&out)
    );
    let out = run(&["check", "--format", "json"], None);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap_or_default();
    assert_eq!(json["valid"], true);
    assert_eq!(stdout(&out).lines().count(), 1, "one line of compact JSON");
    let out = run(
        &["check", "examples/duo-selfhosted.toml", "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
}

/// Exit 1 on error diagnostics; codequality is an array of issues.
#[test]
fn check_errors_and_codequality() {
    let doc = r#"{"gitlab_version": "18.9", "tier": "free"}"#;
    let out = run(&["check", "-", "--format", "codequality"], Some(doc));
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap_or_default();
    assert_eq!(json[0]["check_name"], "prerequisite.tier");
    assert_eq!(json[0]["location"]["path"], "-");
    // Findings point at the line of their path in the document.
    let doc = "{\n  \"gitlab_version\": \"18.9\",\n  \"tier\": \"free\",\n  \"add_ons\": [\"duo_enterprise\"]\n}\n";
    let out = run(&["check", "-", "--format", "codequality"], Some(doc));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap_or_default();
    assert_eq!(json[0]["location"]["lines"]["begin"], 3);
    let toml = "gitlab_version = \"18.9\"\nadd_ons = [\"duo_enterprise\"]\ntier = \"free\"\n";
    let out = run(&["check", "-", "--format", "codequality"], Some(toml));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap_or_default();
    assert_eq!(json[0]["location"]["lines"]["begin"], 3);
    let out = run(&["check", "--format", "xml"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["check", "a", "b"], None);
    assert_eq!(out.status.code(), Some(2));
}

/// `resolve --format json` prints the contract's shape.
#[test]
fn resolve_json() {
    let out = run(&["resolve", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap_or_default();
    let first = &json["features"][0];
    let keys: Vec<&str> = first
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let mut expected = [
        "feature", "title", "group", "provider", "model", "family", "via", "reason", "enabled",
    ];
    expected.sort_unstable();
    let mut keys = keys;
    keys.sort_unstable();
    assert_eq!(keys, expected);
    // An unreadable document cannot be resolved: its findings, exit 1 (it
    // was a usage error, exit 2, before issue 12's exit-code contract), in
    // the npm package's resolveFeatures shape.
    let out = run(
        &["resolve", "-", "--format", "json"],
        Some("{\"tier\": \"ultimate\"}"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out)
            .starts_with("{\"features\":[],\"diagnostics\":[{\"code\":\"document.missing_field\""),
        "{}",
        stdout(&out)
    );
    let out = run(&["resolve", "-"], Some("{\"tier\": \"ultimate\"}"));
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("missing required field `gitlab_version`"));
}

/// `snippet` prints the lines for the installation type.
#[test]
fn snippet_text() {
    let out = run(&["snippet", "examples/duo-selfhosted-18.9.json"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("# /etc/gitlab/gitlab.rb\ngitlab_rails['env'] = { 'AI_GATEWAY_URL' => 'http://ai-gateway.internal:5052', 'DUO_AGENT_PLATFORM_SERVICE_SECURE' => false }\n"), "{text}");
    // gitlab-update §6: from 19.2 GitLab reads the URL from its application
    // settings; the snippet names no variable it no longer reads.
    let out = run(&["snippet"], None);
    assert_eq!(stdout(&out), "# /etc/gitlab/gitlab.rb\n# set Admin > GitLab Duo > Change configuration > Local AI Gateway URL to http://ai-gateway.internal:5052 (GitLab 19.6 keeps it in its application settings; no environment variable or configuration file is read for it)\n# TLS is a setting from GitLab 18.10: clear Admin > GitLab Duo > Change configuration > \"Use TLS for the GitLab Duo Agent Platform service\" (no environment variable)\n# upgrading from 18.4-18.9: the 18.10 migration copied DUO_AGENT_PLATFORM_SERVICE_SECURE into this setting (unset or unreadable: true)\n");
    let doc = "gitlab_version = \"18.9\"\ntier = \"ultimate\"\ninstallation = \"self_compiled\"\n[agent_platform]\ntls = \"false\"\n";
    let out = run(&["snippet", "-"], Some(doc));
    assert_eq!(stdout(&out), "# /etc/default/gitlab\nexport DUO_AGENT_PLATFORM_SERVICE_SECURE=false\n# then restart GitLab: sudo service gitlab restart (or systemctl restart gitlab.target)\n# DUO_AGENT_PLATFORM_SERVICE_SECURE is global in GitLab 18.9: it also switches off TLS to GitLab's cloud Agent Platform. If you are going to use a GitLab AI vendor model for GitLab Duo Agent Platform, you must not set the `DUO_AGENT_PLATFORM_SERVICE_SECURE` environment variable.\n# an explicit duo_workflow: secure: in gitlab.yml wins over the environment variable\n");
}
