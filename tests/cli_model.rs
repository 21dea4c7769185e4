//! The `identifier`, `bedrock` and `model` commands: exact JSON contracts.
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &str) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_duo-selfhosted"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin.as_bytes());
    }
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("wait: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn identifier_command() {
    let (code, out) = run(
        &[
            "identifier",
            "bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0",
            "--method",
            "bedrock",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "{\"provider\":\"bedrock\",\"model\":\"anthropic.claude-3-5-sonnet-20241022-v2:0\",\"cross_region_prefix\":\"apac\",\"diagnostics\":[]}\n"
    );
    let (code, _) = run(&["identifier", "x", "--method", "ollama"], "");
    assert_eq!(code, 2);
}

#[test]
fn bedrock_command() {
    let (code, out) = run(
        &[
            "bedrock",
            "--region",
            "eu-west-2",
            "--model",
            "anthropic.claude-sonnet-4-5-20250929-v1:0",
            "--prefer",
            "global",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(
        value["identifier"],
        "bedrock/global.anthropic.claude-sonnet-4-5-20250929-v1:0"
    );
    assert_eq!(value["prefix"], "global");
    assert_eq!(value["data_date"], "2026-11-26");
    assert_eq!(out.lines().count(), 1);
    let (code, out) = run(
        &[
            "bedrock",
            "--region",
            "ap-east-1",
            "--model",
            "anthropic.claude-sonnet-4-6",
            "--format",
            "json",
        ],
        "",
    );
    // Issue 12: no identifier can work, an error: exit 1 (it was 0).
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(value["identifier"], serde_json::Value::Null);
    assert_eq!(value["prefix"], serde_json::Value::Null);
    assert_eq!(value["diagnostics"][0]["code"], "region.no_bedrock");
    let (code, _) = run(&["bedrock", "--model", "x.y"], "");
    assert_eq!(code, 2);
    // A replacement table from a file.
    let dir = std::env::temp_dir().join(format!("duo-selfhosted-cli-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("profiles.json");
    let _ = std::fs::write(
        &file,
        r#"{"meta":{"generated":"2027-02-01"},"prefixes":{"eu":{"profiles":{"acme.model-v1:0":{"profile_id":"eu.acme.model-v1:0","source_regions":["eu-west-2"]}}}}}"#,
    );
    let path = file.to_string_lossy().into_owned();
    let (code, out) = run(
        &[
            "bedrock",
            "--region",
            "eu-west-2",
            "--model",
            "acme.model-v1:0",
            "--profiles",
            &path,
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(value["identifier"], "bedrock/eu.acme.model-v1:0");
    assert_eq!(value["data_date"], "2027-02-01");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn model_command() {
    let record = r#"{"name":"m","family":"mistral","deployment":"vllm","endpoint":"http://vllm:8000/v1","identifier":"custom_openai/Mistral-Small-24B","api_key":"sk-live-abc123"}"#;
    let (code, out) = run(&["model", "--format", "json"], record);
    assert_eq!(code, 0);
    assert_eq!(out, "{\"valid\":true,\"diagnostics\":[]}\n");
    let (code, out) = run(
        &["model", "--format", "json"],
        r#"{"name":"m","family":"mistral","deployment":"vllm","api_key":"sk-live-abc123"}"#,
    );
    // Issue 12: an invalid record exits 1 (it was 0).
    assert_eq!(code, 1);
    assert!(out.starts_with("{\"valid\":false,\"diagnostics\":[{\"code\":\"model.endpoint_blank\""));
    assert!(!out.contains("sk-live-abc123"));
}

#[test]
fn bedrock_command_rejects_a_bad_profile_table() {
    let dir = std::env::temp_dir().join(format!("duo-selfhosted-cli-bad-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("profiles.json");
    let _ = std::fs::write(&file, "{\"meta\":{}}");
    let path = file.to_string_lossy().into_owned();
    let (code, out) = run(
        &[
            "bedrock",
            "--region",
            "eu-west-2",
            "--model",
            "a.bb",
            "--profiles",
            &path,
        ],
        "",
    );
    assert_eq!((code, out.as_str()), (2, ""));
    let _ = std::fs::remove_dir_all(&dir);
}
