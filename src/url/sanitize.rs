//! Whether Rails' HTML sanitizer (no tags allowed) would change a string,
//! which GitLab treats as "contains HTML" (URL blocker step 2 with
//! `enforce_sanitization`, and the allowlist's "entries cannot contain HTML
//! tags").
//!
//! The sanitizer parses the text as an HTML fragment and serialises what is
//! left: tags and comments disappear, and in text `<`, `>` and `&` come out
//! as `&lt;`, `&gt;` and `&amp;`. So the string survives unchanged only if
//! it has no `<` or `>`, and every `&` starts one of the three entities that
//! round-trip (`&amp;`, `&lt;`, `&gt;`). GitLab's own run confirmed that a
//! plain `&` (as in `?a=1&b=2`) is rejected (`url-blocker.md`, "Confirmed
//! by running GitLab's code"); the round-tripping entities are inferred from
//! how the serialiser escapes text.

/// Whether the safe-list sanitizer with no tags allowed
/// (`ActionController::Base.helpers.sanitize(url, tags: [])`, blocker step
/// 2) would change `text`.
pub fn changes(text: &str) -> bool {
    changed(text, &['<', '>'], &["&amp;", "&lt;", "&gt;"])
}

/// Whether `Rails::Html::FullSanitizer` (the allowlist validator,
/// `qualified_domain_array_validator.rb`) would change `text`. It returns
/// the fragment's text through Loofah's `encode_special_chars`
/// (`CGI.escapeHTML`), which also escapes `"` and `'`, so those change an
/// entry too **(inferred)** from Loofah's code; no GitLab test covers quotes.
pub fn full_changes(text: &str) -> bool {
    changed(
        text,
        &['<', '>', '"', '\''],
        &["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"],
    )
}

fn changed(text: &str, escaped: &[char], round_trip: &[&str]) -> bool {
    if text.contains(escaped) {
        return true;
    }
    text.match_indices('&').any(|(at, _)| {
        let rest = &text[at..];
        !round_trip.iter().any(|entity| rest.starts_with(entity))
    })
}

#[cfg(test)]
mod tests {
    use super::{changes, full_changes};

    #[test]
    fn sanitizer_rows() {
        // addressable_url_validator spec (§2.1) and the confirmed `&` rule.
        assert!(changes(
            "https://replaceme.com/'><script>alert(document.cookie)</script>"
        ));
        assert!(changes("https://example.com/<img src=x>"));
        assert!(!changes("https://replaceme.com/path/to/somewhere"));
        assert!(changes("http://aigw.internal:5052/?a=1&b=2"));
        assert!(!changes("http://x/?a=1&amp;b=2"));
        assert!(changes("garbage$^$%#$^&$"));
        assert!(!changes("http://x/'quoted'"));
        // The allowlist's full sanitizer also escapes quotes.
        assert!(full_changes("a'b.com") && full_changes("a\"b") && full_changes("a&b"));
        assert!(!full_changes("example.com:8080") && !full_changes("a&quot;b"));
    }
}
