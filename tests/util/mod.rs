//! Helpers shared by the integration tests.
#![allow(dead_code)]

use duo_selfhosted::{Diagnostic, Diagnostics};

/// The codes of `diagnostics`, in order.
#[track_caller]
pub fn codes(diagnostics: &Diagnostics) -> Vec<&'static str> {
    diagnostics.iter().map(Diagnostic::code).collect()
}

/// The one diagnostic with `code`; fails if there is none or more than one.
#[track_caller]
pub fn only<'a>(diagnostics: &'a Diagnostics, code: &str) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.code() == code).collect();
    match found.as_slice() {
        [one] => one,
        _ => panic!(
            "expected exactly one {code}, got {}: {:#?}",
            found.len(),
            diagnostics
        ),
    }
}

/// Fails if any diagnostic has `code`.
#[track_caller]
pub fn none_with(diagnostics: &Diagnostics, code: &str) {
    assert!(
        !diagnostics.contains_code(code),
        "unexpected {code}: {diagnostics:#?}"
    );
}
