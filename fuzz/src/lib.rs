//! Helpers shared by the fuzz targets: input framing and the properties
//! every report must have whatever the input.
//!
//! Inputs are plain UTF-8 text, fields separated by newlines (the last field
//! takes the rest), so the seed corpora under `fuzz/seeds/` are readable and
//! can be written by hand.

use duo_selfhosted::{Diagnostic, Diagnostics};
use serde::Serialize;

/// The input as `n` fields: the first `n - 1` lines, then the rest.
/// `None` when the input is not UTF-8 (every entry point takes `&str`).
pub fn fields(data: &[u8], n: usize) -> Option<Vec<&str>> {
    let text = std::str::from_utf8(data).ok()?;
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
    Some(out)
}

/// A stable dotted code: `area.snake_case`, at least two segments of
/// `[a-z0-9_]`.
pub fn is_dotted_code(code: &str) -> bool {
    let mut segments = 0;
    for segment in code.split('.') {
        if segment.is_empty()
            || !segment
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            return false;
        }
        segments += 1;
    }
    segments >= 2
}

/// The properties every diagnostic has: a dotted code, a message that is
/// not empty and has no trailing period, a path whose JSON Pointer form is
/// empty exactly when the path is the root.
pub fn check_diagnostic(d: &Diagnostic) {
    assert!(is_dotted_code(d.code()), "bad code {:?}", d.code());
    assert!(!d.message().is_empty(), "empty message for {}", d.code());
    assert!(
        !d.message().ends_with('.') || d.message().ends_with("..."),
        "trailing period in {}: {:?}",
        d.code(),
        d.message()
    );
    assert_eq!(d.path().is_root(), d.path().pointer().is_empty());
}

/// [`check_diagnostic`] for each, and `is_valid` agrees with the severities.
pub fn check_diagnostics(all: &Diagnostics) {
    for d in all.iter() {
        check_diagnostic(d);
    }
    assert_eq!(all.is_valid(), !all.iter().any(Diagnostic::is_error));
}

/// The compact JSON a front end would print; serialising never fails.
pub fn json<T: Serialize>(value: &T) -> String {
    match serde_json::to_string(value) {
        Ok(text) => text,
        Err(e) => panic!("serialising failed: {e}"),
    }
}

/// Fails if `secret` appears in `output`, also JSON-escaped.
pub fn assert_secret_absent(output: &str, secret: &str) {
    assert!(!output.contains(secret), "the API key leaked: {output}");
    let escaped = serde_json::to_string(secret).unwrap_or_default();
    let escaped = escaped.trim_matches('"');
    assert!(
        escaped.is_empty() || !output.contains(escaped),
        "the API key leaked (escaped): {output}"
    );
}
