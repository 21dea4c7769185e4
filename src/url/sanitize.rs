//! Whether Rails' HTML sanitizer (no tags allowed) would change a string,
//! which GitLab treats as "contains HTML" (URL blocker step 2 with
//! `enforce_sanitization`, and the allowlist's "entries cannot contain HTML
//! tags").
//!
//! The sanitizer parses the text as an HTML fragment and serialises what is
//! left: tags and comments disappear, in text `<`, `>` and `&` come out as
//! `&lt;`, `&gt;` and `&amp;`, and the characters XML 1.0 does not allow
//! are dropped: U+0001–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE and
//! U+FFFF ([`XML_INVALID`]). So the string survives unchanged only if it has
//! none of those, no `<` or `>`, and every `&` starts one of the three
//! entities that round-trip (`&amp;`, `&lt;`, `&gt;`). GitLab's own run
//! confirmed that a plain `&` (as in `?a=1&b=2`) is rejected
//! (`url-blocker.md`, "Confirmed by running GitLab's code"); the dropped
//! characters were found by running GitLab's `gitlab-http` URL blocker
//! offline against 20 000 generated URLs (issue 12): `http://ex\u{1}ample.com`
//! is blocked with "HTML/CSS/JS tags are not allowed". U+0000, tab, line
//! feed, carriage return and U+007F are not dropped (the first three are
//! XML characters; a line break is refused earlier, at step 1). The
//! round-tripping entities are inferred from how the serialiser escapes
//! text.

/// Whether the safe-list sanitizer with no tags allowed
/// (`ActionController::Base.helpers.sanitize(url, tags: [])`, blocker step
/// 2) would change `text`.
pub fn changes(text: &str) -> bool {
    // Nothing the sanitizer touches starts with any other byte (U+FFFE and
    // U+FFFF are EF BF BE and EF BF BF in UTF-8): one scan settles the usual
    // URL, the exact test runs only when one of them is there.
    let plain = text
        .bytes()
        .all(|b| !matches!(b, 0x01..=0x08 | 0x0b | 0x0c | 0x0e..=0x1f | b'<' | b'>' | b'&' | 0xef));
    !plain
        && (text.chars().any(xml_invalid) || changed(text, &['<', '>'], &["&amp;", "&lt;", "&gt;"]))
}

/// The characters the sanitizer drops because XML 1.0 does not allow them
/// (its `Char` production), as inclusive ranges; U+0000 is not among them
/// (see the module documentation).
pub const XML_INVALID: &[(char, char)] = &[
    ('\u{1}', '\u{8}'),
    ('\u{b}', '\u{c}'),
    ('\u{e}', '\u{1f}'),
    ('\u{fffe}', '\u{ffff}'),
];

fn xml_invalid(c: char) -> bool {
    XML_INVALID
        .iter()
        .any(|(low, high)| (*low..=*high).contains(&c))
}

/// Whether `Rails::Html::FullSanitizer` (the allowlist validator,
/// `qualified_domain_array_validator.rb`) would change `text`. It returns
/// the fragment's text through Loofah's `encode_special_chars`
/// (`CGI.escapeHTML`), which also escapes `"` and `'`, so those change an
/// entry too **(inferred)** from Loofah's code; no GitLab test covers quotes.
/// Whether it also drops the XML-invalid characters of [`changes`] was not
/// run against GitLab (it returns the fragment's text rather than its
/// serialisation), so they are not counted here.
pub fn full_changes(text: &str) -> bool {
    let plain = text
        .bytes()
        .all(|b| !matches!(b, b'<' | b'>' | b'"' | b'\'' | b'&'));
    !plain
        && changed(
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

    proptest::proptest! {
        /// The one-scan test gives the full test's answer on any text.
        #[test]
        fn the_short_test_is_exact(text in "(?s)[a-z<>&\"';#\\x00-\\x1f\\u{fffd}-\\u{ffff}]{0,12}") {
            let general = text.chars().any(super::xml_invalid)
                || super::changed(&text, &['<', '>'], &["&amp;", "&lt;", "&gt;"]);
            proptest::prop_assert_eq!(changes(&text), general);
            let full = super::changed(&text, &['<', '>', '"', '\''], &["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]);
            proptest::prop_assert_eq!(full_changes(&text), full);
        }
    }

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

    /// One row per class of XML-invalid character (issue 12, GitLab's blocker
    /// run offline), with the first, a middle and the last character of each
    /// range, and the neighbours that are kept.
    #[test]
    fn xml_invalid_characters_change_the_url() {
        let dropped: &[&[char]] = &[
            &['\u{1}', '\u{4}', '\u{8}'],
            &['\u{b}'],
            &['\u{c}'],
            &['\u{e}', '\u{1b}', '\u{1f}'],
            &['\u{fffe}'],
            &['\u{ffff}'],
        ];
        for class in dropped {
            for c in *class {
                assert!(changes(&format!("http://ex{c}ample.com")), "{c:?}");
            }
        }
        for kept in [
            '\u{0}',
            '\t',
            '\n',
            '\r',
            ' ',
            '\u{7f}',
            '\u{fffd}',
            '\u{fffc}',
            '\u{10000}',
        ] {
            assert!(!changes(&format!("http://ex{kept}ample.com")), "{kept:?}");
        }
        // The allowlist's full sanitizer is unchanged (not run against GitLab).
        assert!(!full_changes("ex\u{1}ample.com"));
    }
}
