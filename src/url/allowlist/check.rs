//! GitLab's save-time validation of an entry (S11, S12), each failure an
//! error with GitLab's own message; then, when GitLab would save the entry,
//! the lints.

use super::ipaddr::RubyIpAddr;
use super::lint;
use super::{split_addr_and_port, At, View, MAX_ENTRY_CHARS};
use crate::diagnostic::{message, Diagnostic, Diagnostics, Piece};
use crate::url::host::addressable::AddressableUri;
use crate::url::sanitize;

/// GitLab's save-time validation of one entry, then (when GitLab would
/// save it) the lints. `ip` is what `IPAddr.new` made of its address part.
pub(super) fn check_entry(
    entry: &View<'_>,
    ip: Option<&RubyIpAddr>,
    at: At<'_>,
    diagnostics: &mut Diagnostics,
) {
    let before = diagnostics.len();
    validate_entry(entry.raw(), at, diagnostics);
    // Validation reports only errors.
    if diagnostics.len() == before {
        lint::lint(entry, ip, at, diagnostics);
    }
}

/// GitLab's per-entry save-time validation (S11, S12), each failure an
/// error with GitLab's own message.
fn validate_entry(raw: &str, at: At<'_>, diagnostics: &mut Diagnostics) {
    // A character is at least one byte: only a long entry needs counting.
    let chars = if raw.len() > MAX_ENTRY_CHARS {
        raw.chars().count()
    } else {
        raw.len()
    };
    if chars > MAX_ENTRY_CHARS {
        diagnostics.push(
            Diagnostic::error(
                "allowlist.entry_too_long",
                at.path(),
                message(&[
                    Piece::Text("the entry has "),
                    Piece::Int(chars as u64),
                    Piece::Text(" characters; GitLab accepts at most "),
                    Piece::Int(MAX_ENTRY_CHARS as u64),
                ]),
            )
            .with("length", chars)
            .with("maximum", MAX_ENTRY_CHARS)
            .with(
                "gitlab_message",
                "entries cannot be larger than 255 characters",
            ),
        );
    }
    if !raw.is_ascii() {
        let suggestion = idna_suggestion(raw);
        diagnostics.push(
            Diagnostic::error(
                "allowlist.entry_not_ascii",
                at.path(),
                message(&[
                    Piece::Text("the entry "),
                    Piece::Quoted(raw),
                    Piece::Text(" is not ASCII"),
                    Piece::Text(if suggestion.is_some() {
                        "; write it in IDNA form: "
                    } else {
                        ""
                    }),
                    Piece::Text(suggestion.as_deref().unwrap_or_default()),
                ]),
            )
            .with("entry", raw)
            .with("suggested_entry", suggestion)
            .with("gitlab_message", "unicode domains should use IDNA encoding"),
        );
    }
    if sanitize::full_changes(raw) {
        diagnostics.push(
            Diagnostic::error(
                "allowlist.entry_html",
                at.path(),
                message(&[
                    Piece::Text("GitLab's HTML sanitizer would change the entry "),
                    Piece::Quoted(raw),
                    Piece::Text(" (it contains `<`, `>`, `&` or a quote)"),
                ]),
            )
            .with("entry", raw)
            .with("gitlab_message", "entries cannot contain HTML tags"),
        );
    }
}

/// The IDNA (punycode) form of a Unicode entry, keeping its port; a URL
/// entry gives its host. Then fixed like any other suggestion.
fn idna_suggestion(raw: &str) -> Option<String> {
    let (host, port) = if raw.contains("://") {
        let uri = AddressableUri::parse(raw).ok()?;
        (uri.normalized_host()?, uri.port_digits.clone())
    } else {
        let (address, port) = split_addr_and_port(raw);
        if address.contains(['/', '@', '*', '[', ']', ':']) {
            return None;
        }
        (
            idna::domain_to_ascii(address).ok()?,
            port.map(str::to_owned),
        )
    };
    if host.is_empty() || !host.is_ascii() {
        return None;
    }
    let candidate = match port {
        Some(p) => format!("{host}:{p}"),
        None => host,
    };
    lint::settle(candidate, 0)
}
