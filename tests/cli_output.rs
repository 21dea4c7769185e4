//! The CLI's output never panics: a reader that stops early (`| head`)
//! closes the pipe, and the command still ends normally.
#![cfg(feature = "cli")]

use std::io::Read;
use std::process::{Command, Stdio};

#[test]
fn closed_stdout_is_not_a_panic() {
    // 1000 entries print 1000 lines in text format, far more than a pipe
    // buffer holds, so the writes after the reader is gone hit EPIPE.
    let entries: Vec<String> = (0..1000)
        .map(|i| format!("10.0.{}.{}", i / 256, i % 256))
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_duo-selfhosted"))
        .args(["allowlist", "parse", &entries.join(" ")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run the CLI: {e}"));
    let mut first = [0u8; 16];
    if let Some(mut stdout) = child.stdout.take() {
        let _ = stdout.read(&mut first);
        // Dropping the read end closes the pipe.
    }
    let mut stderr = String::new();
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    let status = child.wait().unwrap_or_else(|e| panic!("wait: {e}"));
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert_eq!(status.code(), Some(0), "stderr: {stderr}");
}
