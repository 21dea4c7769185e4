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

/// Whether the sanitizer would change `text`.
pub fn changes(text: &str) -> bool {
    if text.contains(['<', '>']) {
        return true;
    }
    text.match_indices('&').any(|(at, _)| {
        let rest = &text[at..];
        !(rest.starts_with("&amp;") || rest.starts_with("&lt;") || rest.starts_with("&gt;"))
    })
}

#[cfg(test)]
mod tests {
    use super::changes;

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
    }
}
