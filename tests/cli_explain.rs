//! Issue 12, the commands admins reach for: `explain CODE` and `explain
//! --list` (the diagnostics catalog), `features` and `families` by release,
//! and `init`, in text and JSON.
#![cfg(feature = "cli")]

use std::process::{Command, Stdio};

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_duo-selfhosted"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn explain_a_code() {
    let (code, out, _) = run(&["explain", "model.family_unknown"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "\
model.family_unknown (error)
Unknown model family

What it means
  The family is not one GitLab knows; suggestions lists the nearest keys. It
  is reported once: features using the model are not also called incompatible.

Why
  GitLab's enum of families refuses other values (\"'x' is not a valid model\").

Source
  ee/app/models/ai/self_hosted_model.rb; reference duo-domain.md §2;
  src/model/record/fields.rs; src/model/family.rs

How to fix it
  Use one of the allowed keys (duo-selfhosted families lists them by version).

Example
  family = \"mistrall\"

Parameters
  family          string
  suggestions     string list
  allowed         string list
  gitlab_message  string
"
    );
    // Codes whose severity depends on certainty list both.
    let (_, out, _) = run(&["explain", "feature.not_in_version"]);
    assert!(
        out.starts_with("feature.not_in_version (error or warning)\n"),
        "{out}"
    );
    // The JSON is the catalog entry, the contract front ends type against.
    let (_, out, _) = run(&["explain", "url.localhost", "--format", "json"]);
    let entry: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(entry["severities"], serde_json::json!(["error"]));
    assert_eq!(
        entry["params"][3],
        serde_json::json!({"name": "address", "type": "string", "nullable": true, "optional": false})
    );
    let (code, _, err) = run(&["explain", "url.localhst"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: unknown diagnostic code \"url.localhst\"; did you mean url.localhost? (explain --list lists them)\n"
    );
}

#[test]
fn explain_list() {
    let (code, out, _) = run(&["explain", "--list"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    let catalog = duo_selfhosted::diagnostic::catalog::CATALOG;
    assert_eq!(lines.len(), catalog.len());
    assert!(lines
        .iter()
        .any(|l| l.starts_with("url.localhost ")
            && l.ends_with("  GitLab calls the address localhost")));
    let (_, out, _) = run(&["explain", "--list", "--format", "json"]);
    let all: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(all.as_array().map(Vec::len), Some(catalog.len()));
    assert_eq!(all[0]["code"], catalog[0].code);
    assert_eq!(run(&["explain", "url.localhost", "--list"]).0, 2);
}

#[test]
fn features_and_families() {
    let (code, out, _) = run(&["features", "--gitlab-version", "18.9"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("GitLab 18.9: 18 features\n\ncode_generations (Code Generation)\n  section:  Code Suggestions\n  state:    ga\n  families: "), "{out}");
    assert!(out.contains("\nduo_chat_troubleshoot_job (Root Cause Analysis)\n  section:  GitLab Duo Chat\n  state:    beta, needs the beta setting, falls back to General Chat\n"), "{out}");
    let (_, out, _) = run(&["features", "--gitlab-version", "19.6", "--format", "json"]);
    let listing: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(listing["gitlab_version"], "19.6");
    let review = listing["features"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["key"] == "review_merge_request")
        .cloned()
        .unwrap_or_default();
    assert_eq!(review["title"], "Non-Agentic Code Review");
    let (code, out, _) = run(&["families", "--gitlab-version", "18.9"]);
    assert_eq!(code, 0);
    assert!(out.contains("\nllama3 (Llama 3)\n  state:       beta, needs the beta setting\n  deployment:  vllm\n"), "{out}");
    assert!(
        out.contains("\nmixtral (Mixtral)\n  state:       ga, deprecated since 18.3\n"),
        "{out}"
    );
    assert!(!out.contains("qwen"));
    let (_, out, _) = run(&["families", "--format", "json"]);
    let listing: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert!(listing["families"]
        .as_array()
        .is_some_and(|f| f.iter().any(|x| x["key"] == "qwen")));
    let (code, _, err) = run(&["features", "--gitlab-version", "18.x"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: --gitlab-version: invalid GitLab version \"18.x\""),
        "{err}"
    );
    let (code, _, err) = run(&["features", "--gitlab-version", "20.1"]);
    assert_eq!(code, 0);
    assert_eq!(
        err,
        "note: GitLab 20.1 is newer than the rules: listed with the 19.6 rules\n"
    );
}

#[test]
fn init_writes_a_document_check_accepts() {
    for deployment in ["vllm", "bedrock", "azure_openai", "vertex_ai"] {
        for format in ["toml", "json"] {
            let (code, text, err) = run(&[
                "init",
                "--deployment",
                deployment,
                "--format",
                format,
                "--gitlab-version",
                "19.4",
            ]);
            assert_eq!(code, 0, "{err}");
            let report = if format == "toml" {
                duo_selfhosted::config::check_toml(&text)
            } else {
                duo_selfhosted::config::check_json(&text)
            };
            assert!(report.valid, "{deployment} {format}: {report}");
        }
    }
    let (_, text, _) = run(&["init"]);
    assert!(
        text.starts_with("# A GitLab Duo Self-Hosted configuration for GitLab 19.6, written by\n"),
        "{text}"
    );
    assert!(text.contains("\ndeployment = \"vllm\"\n"));
    let (code, _, err) = run(&[
        "init",
        "--deployment",
        "vertex_ai",
        "--gitlab-version",
        "18.9",
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: the deployment method vertex_ai needs GitLab 18.11 or later\n"
    );
}
