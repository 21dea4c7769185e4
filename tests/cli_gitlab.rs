//! The CLI's configuration-as-code commands against the mock GitLab: the
//! round trip import → edit → plan → apply → import → plan, the exit codes
//! (3 with `--detailed-exitcode` when a plan changes something), offline
//! plans from a saved live state, drift in `check`, and the token kept out
//! of argv and of every output.
#![cfg(feature = "gitlab-api")]

mod gitlab_mock;

use gitlab_mock::{LiveFixture, MockGitLab, Tokens};
use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Output, Stdio};

const TOKEN: &str = "glpat-cli-secret-0451";
const FIXTURE: &str = include_str!("data/gitlab-live/vllm-bedrock-azure.json");

fn server(version: &str) -> MockGitLab {
    let mut value: Value = serde_json::from_str(FIXTURE).unwrap_or_default();
    value["gitlab_version"] = json!(version);
    let fixture = LiveFixture::from_value(&value).unwrap_or_else(|e| panic!("{e}"));
    MockGitLab::start(
        version,
        fixture.beta_terms_accepted(true),
        Tokens::admin(TOKEN),
    )
}

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_duo-selfhosted"))
        .args(args)
        .env("GITLAB_TOKEN", TOKEN)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin.unwrap_or_default().as_bytes());
    }
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    for stream in [&out.stdout, &out.stderr] {
        assert!(
            !String::from_utf8_lossy(stream).contains(TOKEN),
            "the token leaked: {}",
            String::from_utf8_lossy(stream)
        );
    }
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn temp(name: &str, content: &str) -> String {
    let dir = std::env::temp_dir().join(format!("duo-cli-gitlab-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap_or_else(|e| panic!("{e}"));
    path.to_string_lossy().into_owned()
}

#[test]
fn import_edit_plan_apply_import_plan() {
    for version in ["18.11", "19.0", "19.6"] {
        let server = server(version);
        let url = server.url();
        let live_path = temp(&format!("live-{version}.json"), "");
        let out = run(
            &["import", "--gitlab", &url, "--save-live", &live_path],
            None,
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let mut doc: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", text(&out.stdout)));
        assert_eq!(doc["gitlab_version"], version);
        assert_eq!(doc["self_hosted_models"][1]["gitlab_id"], 2);
        assert!(text(&out.stderr).contains("import.api_key_not_returned"));
        // The admin fills in what the API does not give, and edits.
        doc["add_ons"] = json!(["duo_enterprise"]);
        doc["ai_gateway"]["url"] = json!("http://aigw2.internal:5052");
        doc["self_hosted_models"][0]["name"] = json!("Mistral Small");
        for (_, setting) in doc["features"].as_object_mut().into_iter().flatten() {
            if setting["model"] == "Mistral on vLLM" {
                setting["model"] = json!("Mistral Small");
            }
        }
        let doc_path = temp(&format!("duo-{version}.json"), &doc.to_string());
        // plan: exit 3 with --detailed-exitcode, the same from the saved state.
        let out = run(
            &["plan", &doc_path, "--gitlab", &url, "--detailed-exitcode"],
            None,
        );
        assert_eq!(
            out.status.code(),
            Some(3),
            "{}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
        let plan_text = text(&out.stdout);
        assert!(plan_text.contains("  ~ update Duo settings: AI gateway URL \"http://aigw.internal:5052\" \u{2192} \"http://aigw2.internal:5052\"\n"), "{plan_text}");
        assert!(
            plan_text
                .contains("  ~ update model \"Mistral Small\": renamed from \"Mistral on vLLM\"\n"),
            "{plan_text}"
        );
        assert!(
            plan_text.contains("Plan: 0 to create, 2 to update, 0 to delete;"),
            "{plan_text}"
        );
        let offline = run(
            &["plan", &doc_path, "--live", &live_path, "--format", "json"],
            None,
        );
        assert_eq!(offline.status.code(), Some(0));
        let report: Value = serde_json::from_slice(&offline.stdout).unwrap_or_default();
        assert_eq!(
            report["counts"],
            json!({"create": 0, "update": 2, "delete": 0})
        );
        // apply, then the instance is the document: import equals, plan empty.
        let out = run(
            &["apply", &doc_path, "--gitlab", &url, "--auto-approve"],
            None,
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
        assert!(
            text(&out.stdout).ends_with("Applied 2 of 2 operations.\n"),
            "{}",
            text(&out.stdout)
        );
        let out = run(&["import", "--gitlab", &url], None);
        let again: Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
        assert_eq!(again["ai_gateway"], doc["ai_gateway"]);
        assert_eq!(again["self_hosted_models"], doc["self_hosted_models"]);
        assert_eq!(again["features"], doc["features"]);
        let out = run(
            &["plan", &doc_path, "--gitlab", &url, "--detailed-exitcode"],
            None,
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
        assert!(text(&out.stdout).contains("Plan: 0 to create, 0 to update, 0 to delete;"));
    }
}

#[test]
fn usage_and_safety() {
    let server = server("19.6");
    let url = server.url();
    // No token on the command line, ever.
    let out = run(&["import", "--gitlab", &url, "--token", TOKEN], None);
    assert_eq!(out.status.code(), Some(2));
    // No confirmation without a terminal unless asked to skip it.
    let doc = temp(
        "apply.json",
        include_str!("../examples/duo-selfhosted.json"),
    );
    let out = run(&["apply", &doc, "--gitlab", &url], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("pass --auto-approve"),
        "{}",
        text(&out.stderr)
    );
    // A missing token variable is a usage error naming it.
    let out = Command::new(env!("CARGO_BIN_EXE_duo-selfhosted"))
        .args([
            "import",
            "--gitlab",
            &url,
            "--token-env",
            "DUO_NO_SUCH_TOKEN",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("DUO_NO_SUCH_TOKEN"));
    // A broken document: no plan, exit 1.
    let broken = temp(
        "broken.json",
        &json!({"gitlab_version": "19.6", "tier": "ultimate",
        "features": {"duo_chat": {"provider": "self_hosted", "model": "Nope"}}})
        .to_string(),
    );
    let out = run(&["plan", &broken, "--gitlab", &url], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("No plan"));
    // check --gitlab: drift as warnings.
    let out = run(&["check", &doc, "--gitlab", &url, "--format", "json"], None);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.iter().any(|c| c.starts_with("drift.")), "{codes:?}");
    // Nothing was changed by any of this.
    assert!(server.mutations().is_empty());
}
