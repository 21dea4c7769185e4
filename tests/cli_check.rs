//! Issue 12, the admin's CLI: the four example configurations checked with
//! their exact output, every problem at once with its location, stdin and
//! the input format, usage errors, the exit-code contract of every
//! subcommand, `--help` and `--version` everywhere, terminal safety and
//! colour, and Code Quality's severity filter and paths.
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Stdio};

/// What a run printed and how it ended.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_with(args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_duo-selfhosted"));
    command
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().unwrap_or_else(|e| panic!("spawn: {e}"));
    if let (Some(mut input), Some(bytes)) = (child.stdin.take(), stdin) {
        let _ = input.write_all(bytes);
    }
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("wait: {e}"));
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run(args: &[&str]) -> Run {
    run_with(args, None, &[])
}

fn golden(name: &str) -> String {
    let path = format!("{}/tests/data/cli/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn temp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("duo-cli-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    path.to_string_lossy().into_owned()
}

/// The four kinds of configuration of issue 12, checked in CI with their
/// exact output: vLLM on a private IP, Bedrock behind a DNS name with an
/// offline licence, Azure OpenAI Chat-only on Premium (its disabled beta
/// features were five feature.needs_beta errors), and a broken one with the
/// mistakes the issue lists, all reported at once at their lines.
#[test]
fn the_example_configurations() {
    for (file, golden_name, code) in [
        (
            "examples/vllm-private-ip.toml",
            "check-vllm-private-ip.txt",
            0,
        ),
        (
            "examples/bedrock-offline.json",
            "check-bedrock-offline.txt",
            0,
        ),
        (
            "examples/azure-premium-chat.json",
            "check-azure-premium-chat.txt",
            0,
        ),
        ("tests/data/config/broken.json", "check-broken.txt", 1),
    ] {
        let out = run(&["check", file]);
        assert_eq!(out.code, code, "{file}: {}", out.stderr);
        assert_eq!(out.stdout, golden(golden_name), "{file}");
        assert_eq!(out.stderr, "", "{file}");
    }
}

/// The most common mistake (issue 12): `localhost` as the AI gateway URL
/// was valid with nine DNS guesses; it is blocked, at its line, with
/// GitLab's message and the note why DNS does not matter.
#[test]
fn localhost_is_blocked_at_its_line() {
    let doc = "gitlab_version = \"18.9\"\ntier = \"ultimate\"\nadd_ons = [\"duo_enterprise\"]\n\n[ai_gateway]\nurl = \"http://localhost:5052\"\n";
    let out = run_with(&["check"], Some(doc.as_bytes()), &[]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        "\
error[url.localhost]: GitLab blocks this URL: requests to localhost are not allowed
 --> -:6:7
  |
6 | url = \"http://localhost:5052\"
  |       ^^^^^^^^^^^^^^^^^^^^^^^ ai_gateway.url
  = help: Run the AI gateway on another host or a container address and use that, or add the address (with port) to the outbound allowlist.

info[url.localhost_name]: a localhost name always resolves to the loopback addresses 127.0.0.1 and ::1 (RFC 6761, and the hosts file on GitLab's servers), so GitLab's verdict does not depend on DNS
 --> -:6:7
  |
6 | url = \"http://localhost:5052\"
  |       ^^^^^^^^^^^^^^^^^^^^^^^ ai_gateway.url.host

info[url.suggested_allowlist_entry]: add \"localhost:5052\" to the outbound allowlist (Admin > Settings > Network > Outbound requests) to let GitLab reach this URL
 --> -:6:7
  |
6 | url = \"http://localhost:5052\"
  |       ^^^^^^^^^^^^^^^^^^^^^^^ ai_gateway.url

info[feature.general_chat_fallback]: Code Explanation, Test Generation, Refactor Code and Fix Code have no model of their own: they would use General Chat's, but General Chat has no model either
 --> -
  = at features

info[feature.no_model_stays_on]: Code Generation, Code Completion, General Chat, Code Explanation, Test Generation, Refactor Code, Fix Code, Code Review, \"All agents, except Agentic Chat\" and Agentic Chat have no model and stay on: GitLab sends their requests with its default model parameters through the AI gateway; set a feature's provider to disabled to turn it off
 --> -
  = at features

invalid: 1 error, 0 warnings, 4 info
"
    );
}

/// One DNS summary instead of nine `url.dns_outcome` lines (issue 12).
#[test]
fn one_dns_summary() {
    let out = run(&["url", "http://aigw.internal:5052", "--preset", "ai-gateway"]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stdout,
        "\
DEPENDS ON DNS: GitLab blocks this URL unless aigw.internal resolves to a private, link-local, shared (100.64.0.0/10), broadcast (255.255.255.255) or public address
canonical host: aigw.internal
port:           5052
class:          internal_name
allowlist fix:  aigw.internal:5052
warning[url.depends_on_dns] host: GitLab blocks this URL unless aigw.internal resolves to a private, link-local, shared (100.64.0.0/10), broadcast (255.255.255.255) or public address; set resolved_addresses to the addresses it resolves to on the GitLab server to check it
info[url.suggested_allowlist_entry]: add \"aigw.internal:5052\" to the outbound allowlist (Admin > Settings > Network > Outbound requests) to let GitLab reach this URL
"
    );
}

/// TOML locations come from the parser's spans (issue 12: the third
/// model's finding was at the first model's line).
#[test]
fn codequality_lines_and_paths() {
    let absolute = format!(
        "{}/examples/duo-selfhosted.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = run(&["check", &absolute, "--format", "codequality"]);
    assert_eq!(out.code, 0);
    let issues: serde_json::Value = serde_json::from_str(&out.stdout).unwrap_or_default();
    let rows: Vec<(String, String, u64)> = issues
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| {
            (
                i["check_name"].as_str().unwrap_or_default().to_owned(),
                i["location"]["path"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                i["location"]["lines"]["begin"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    // Paths relative to the working directory (cargo runs tests at the
    // crate's root).
    let file = "examples/duo-selfhosted.toml".to_owned();
    assert_eq!(
        rows,
        [
            (
                "config.version_rules_carried_forward".to_owned(),
                file.clone(),
                2
            ),
            (
                "bedrock.model_end_of_life_scheduled".to_owned(),
                file.clone(),
                44
            ),
            ("url.allowlisted".to_owned(), file.clone(), 17),
            ("feature.no_model_stays_on".to_owned(), file.clone(), 54),
        ]
    );
    let out = run(&[
        "check",
        "./examples/duo-selfhosted.toml",
        "--format",
        "codequality",
        "--min-severity",
        "warning",
    ]);
    assert_eq!(out.stdout, "[]\n");
    let out = run(&[
        "check",
        "tests/data/config/broken.json",
        "--format",
        "codequality",
        "--min-severity",
        "error",
    ]);
    assert_eq!(out.code, 1);
    let issues: serde_json::Value = serde_json::from_str(&out.stdout).unwrap_or_default();
    let severities: Vec<&str> = issues
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["severity"].as_str())
        .collect();
    assert_eq!(severities, ["major"; 5]);
}

/// stdin when it is not a terminal, and the input format (issue 12: a piped
/// document was ignored; a TOML file not named .toml got only "invalid JSON
/// at line 1 column 1").
#[test]
fn stdin_and_input_format() {
    let toml = std::fs::read("examples/vllm-private-ip.toml").unwrap_or_default();
    let out = run_with(&["check", "--format", "json"], Some(&toml), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 1);
    assert!(
        out.stdout.contains("feature.no_model_stays_on"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("version_rules_carried_forward"),
        "not the bundled example"
    );
    // Empty standard input (a CI job without input): the bundled example,
    // said on standard error.
    let out = run_with(&["check"], Some(b""), &[]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stderr,
        "note: standard input is empty: checking the bundled example examples/duo-selfhosted.json\n"
    );
    // A terminal-less run without stdin (/dev/null) is the same.
    let out = run(&["check", "--format", "json"]);
    assert_eq!(out.code, 0);
    // A TOML file with another name: sniffed.
    let conf = temp("duo.conf", &toml);
    assert_eq!(run(&["check", &conf]).code, 0);
    // Named .json but TOML: the JSON error, and a note; --input-format wins.
    let json_named = temp("duo.json", &toml);
    let out = run(&["check", &json_named, "--format", "json"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("document.invalid_json"));
    assert!(
        out.stderr
            .contains("reads as TOML: name it .toml or pass --input-format toml"),
        "{}",
        out.stderr
    );
    assert_eq!(
        run(&["check", &json_named, "--input-format", "toml"]).code,
        0
    );
}

/// Bad content is not a usage text (issue 12): invalid UTF-8 is named with
/// its byte offset, a missing file with the system's reason, and neither
/// prints the usage.
#[test]
fn usage_errors_are_short() {
    let file = temp("latin1.json", b"{\"tier\": \"caf\xe9\"}");
    let out = run(&["check", &file]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        format!("error: cannot read {file}: not UTF-8 text (byte 0xE9 at offset 13)\n")
    );
    assert_eq!(out.stdout, "");
    let out = run_with(&["check"], Some(b"{\"a\": \"\xff\"}"), &[]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: cannot read standard input: not UTF-8 text (byte 0xFF at offset 7)\n"
    );
    let out = run(&["check", "no/such/file.toml"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: cannot read no/such/file.toml: "),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("Usage"), "{}", out.stderr);
    // A mistyped option: clap's message and the short usage line only.
    let out = run(&["check", "--formt", "json"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: unexpected argument '--formt' found\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("tip: a similar argument exists: '--format'"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("\nUsage: duo-selfhosted check "),
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("Commands:"),
        "not the whole usage text"
    );
}

/// One exit-code contract for every subcommand (issue 12): 0 no error
/// finding, 1 error findings, 2 usage errors.
#[test]
fn exit_codes() {
    let blocked_record = r#"{"name":"m","family":"mistral","deployment":"vllm","endpoint":"ftp://10.0.0.1/v1","identifier":"custom_openai/m"}"#;
    let good_record = r#"{"name":"m","family":"mistral","deployment":"vllm","endpoint":"http://10.0.0.1:8000/v1","identifier":"custom_openai/m"}"#;
    let unreadable = b"{\"tier\": \"ultimate\"}";
    // (arguments, standard input, exit code)
    type Row<'a> = (&'a [&'a str], Option<&'a [u8]>, i32);
    let rows: &[Row] = &[
        (&["check", "examples/duo-selfhosted.json"], None, 0),
        (&["check", "tests/data/config/broken.json"], None, 1),
        (&["resolve", "examples/duo-selfhosted.json"], None, 0),
        (&["resolve", "-"], Some(unreadable), 1),
        (&["snippet", "examples/duo-selfhosted.json"], None, 0),
        (&["snippet", "-"], Some(unreadable), 1),
        (&["model"], Some(good_record.as_bytes()), 0),
        (&["model"], Some(blocked_record.as_bytes()), 1),
        // No record: nothing on standard input.
        (&["model"], Some(b""), 2),
        (
            &["url", "http://10.0.0.5:5052", "--preset", "ai-gateway"],
            None,
            0,
        ),
        (
            &["url", "http://127.0.0.1:5052", "--preset", "ai-gateway"],
            None,
            1,
        ),
        (&["url", "http://x", "--preset", "nope"], None, 2),
        (
            &["identifier", "custom_openai/m", "--method", "vllm"],
            None,
            0,
        ),
        (
            &["identifier", "anthropic.claude-3", "--method", "bedrock"],
            None,
            1,
        ),
        (&["identifier", "x", "--method", "ollama"], None, 2),
        (
            &[
                "bedrock",
                "--region",
                "us-east-1",
                "--model",
                "anthropic.claude-3-haiku-20240307-v1:0",
            ],
            None,
            0,
        ),
        (
            &[
                "bedrock",
                "--region",
                "ap-east-1",
                "--model",
                "anthropic.claude-sonnet-4-6",
            ],
            None,
            1,
        ),
        (&["bedrock", "--model", "x"], None, 2),
        (&["classify", "10.0.0.1"], None, 0),
        (&["classify", "1.1.1.1.1"], None, 1),
        (&["allowlist", "parse", "10.0.0.0/8"], None, 0),
        (&["allowlist", "parse", "a&b"], None, 1),
        (&["allowlist", "match", "10.0.0.0/8", "10.1.2.3"], None, 0),
        (
            &[
                "allowlist",
                "match",
                "10.0.0.0/8",
                "10.1.2.3",
                "--port",
                "x",
            ],
            None,
            2,
        ),
        (&["explain", "url.localhost"], None, 0),
        (&["explain", "url.nope"], None, 2),
        (&["features"], None, 0),
        (&["families", "--gitlab-version", "17.0"], None, 2),
        (&["init", "--deployment", "bedrock"], None, 0),
        (&["init", "--deployment", "ollama"], None, 2),
        (
            &[
                "init",
                "--deployment",
                "vertex_ai",
                "--gitlab-version",
                "18.9",
            ],
            None,
            2,
        ),
        (&["frobnicate"], None, 2),
        (&[], None, 2),
    ];
    for (args, stdin, code) in rows {
        let out = run_with(args, *stdin, &[]);
        assert_eq!(out.code, *code, "{args:?}: {}{}", out.stdout, out.stderr);
    }
}

/// `--help` and `--version` on every subcommand (issue 12: `check --help`
/// was "unknown option", exit 2), with the exit codes in the help.
#[test]
fn help_and_version_everywhere() {
    let commands: &[&[&str]] = &[
        &[],
        &["check"],
        &["resolve"],
        &["snippet"],
        &["init"],
        &["explain"],
        &["features"],
        &["families"],
        &["classify"],
        &["url"],
        &["allowlist"],
        &["allowlist", "parse"],
        &["allowlist", "match"],
        &["bedrock"],
        &["identifier"],
        &["model"],
    ];
    for command in commands {
        let mut args = command.to_vec();
        args.push("--help");
        let out = run(&args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert!(
            out.stdout.starts_with(|c: char| c.is_ascii_uppercase()),
            "{args:?}"
        );
        assert!(
            out.stdout
                .contains("Exit codes:\n  0  no finding is an error"),
            "{args:?}: {}",
            out.stdout
        );
        let mut args = command.to_vec();
        args.push("--version");
        let out = run(&args);
        assert_eq!(out.code, 0, "{args:?}");
        assert!(
            out.stdout
                .ends_with(&format!(" {}\n", env!("CARGO_PKG_VERSION"))),
            "{args:?}: {}",
            out.stdout
        );
    }
}

/// Untrusted text never reaches the terminal raw (issue 12: `gw\x1b[2J…`
/// cleared the screen): every control and bidirectional character is
/// escaped as the JSON output escapes it.
#[test]
fn terminal_output_is_escaped() {
    let hostile = "http://gw\u{1b}[2J\u{7}\u{202e}.internal:5052";
    for args in [
        vec!["url", hostile, "--preset", "ai-gateway"],
        vec!["classify", hostile],
        vec!["identifier", "custom_openai/m\u{1b}[31m\u{8}x"],
        vec!["allowlist", "parse", "gw\u{1b}]0;title\u{7}.internal"],
        vec!["explain", "\u{1b}[2J"],
    ] {
        let out = run(&args);
        for (stream, text) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            assert!(
                !text
                    .chars()
                    .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
                "{args:?} {stream}: {text:?}"
            );
        }
    }
    let out = run(&["classify", hostile]);
    assert!(
        out.stdout
            .starts_with("input:          http://gw\\u{1b}[2J\\u{7}\\u{202e}.internal:5052\n"),
        "{}",
        out.stdout
    );
    // A raw NUL and ESC in a document (TOML refuses them): the line shown
    // under the finding is escaped.
    let out = run_with(
        &["check", "-", "--input-format", "toml"],
        Some(b"tier = \"ultimate\x1b[2J\0\"\n"),
        &[],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("1 | tier = \"ultimate\\u{1b}[2J\\0\""),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.chars().any(|c| c.is_control() && c != '\n'),
        "{:?}",
        out.stdout
    );
    // A document's text too: the line shown under a finding.
    let doc = "{\"gitlab_version\": \"18.9\", \"tier\": \"ultimate\", \"ai_gateway\": {\"url\": \"http://gw\u{1b}[2J:5052\"}}";
    let out = run_with(&["check"], Some(doc.as_bytes()), &[]);
    assert!(!out.stdout.contains('\u{1b}'), "{}", out.stdout);
    assert!(out.stdout.contains("\\u{1b}[2J"), "{}", out.stdout);
}

/// No suggested allowlist entry for an invalid host, and `classify` masks
/// a URL's password (issue 12).
#[test]
fn no_entry_for_an_invalid_host_and_no_password() {
    let out = run(&[
        "url",
        "http://10.0.0.1%00.evil.com:5052",
        "--preset",
        "ai-gateway",
    ]);
    assert!(!out.stdout.contains("allowlist fix:"), "{}", out.stdout);
    assert!(out.stdout.ends_with("info[url.no_allowlist_entry]: no allowlist entry can help: the host is not valid (browsers refuse this URL)\n"), "{}", out.stdout);
    let out = run(&[
        "classify",
        "http://admin:s3cret@10.0.0.1:5052/",
        "--format",
        "json",
    ]);
    assert!(
        out.stdout
            .starts_with("{\"input\":\"http://admin:*****@10.0.0.1:5052/\""),
        "{}",
        out.stdout
    );
    let out = run(&["classify", "http://admin:s3cret@10.0.0.1:5052/"]);
    assert!(!out.stdout.contains("s3cret"), "{}", out.stdout);
}

/// GitLab's sanitizer drops the XML-invalid characters (issue 12): the URL
/// blocker refuses such a URL at save time.
#[test]
fn sanitizer_fidelity() {
    let out = run(&[
        "url",
        "http://ex\u{1}ample.com",
        "--preset",
        "ai-gateway",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 1);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap_or_default();
    assert_eq!(v["code"], "url.html_tags");
    assert_eq!(v["gitlab_message"], "HTML/CSS/JS tags are not allowed");
}

/// Colour only on a terminal (a pipe here) or when asked, and never with
/// `--color never`; `NO_COLOR` turns off the automatic colour, an explicit
/// `--color always` still wins.
#[test]
fn colour() {
    let file = "tests/data/config/broken.json";
    assert!(!run(&["check", file]).stdout.contains('\u{1b}'));
    let coloured = run(&["check", file, "--color", "always"]);
    assert!(
        coloured
            .stdout
            .starts_with("\u{1b}[1;31merror[config.version_is_number]\u{1b}[0m"),
        "{:?}",
        &coloured.stdout[..40]
    );
    assert!(!run(&["check", file, "--color", "never"])
        .stdout
        .contains('\u{1b}'));
    let forced = run_with(
        &["check", file, "--color", "always"],
        None,
        &[("NO_COLOR", "1")],
    );
    assert!(forced.stdout.contains('\u{1b}'));
    let auto = run_with(
        &["check", file, "--color", "auto"],
        None,
        &[("NO_COLOR", "1")],
    );
    assert!(!auto.stdout.contains('\u{1b}'));
}
