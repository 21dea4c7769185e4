//! A value quoted in a message exactly as `{:?}` quotes a string, without
//! escaping it character by character when there is nothing to escape.

use std::fmt;

/// Shows a string as its `Debug` form (`"text"` with Rust's escapes):
/// `format!("{}", Quoted(s))` is `format!("{s:?}")`. Printable ASCII other
/// than `"` and `\` needs no escape, so such a string (almost every value a
/// message quotes) is written as it is, between quotes; anything else goes
/// through `Debug`.
#[derive(Clone, Copy, Debug)]
pub struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plain = self
            .0
            .bytes()
            .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\');
        if plain {
            f.write_str("\"")?;
            f.write_str(self.0)?;
            f.write_str("\"")
        } else {
            fmt::Debug::fmt(self.0, f)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Quoted;

    #[test]
    fn quotes_like_debug() {
        for text in [
            "",
            "a",
            "*.example.com:8443",
            "a\"b",
            "a\\b",
            "tab\t",
            "ü",
            "\u{301}x",
            "\0",
            "'",
        ] {
            assert_eq!(Quoted(text).to_string(), format!("{text:?}"), "{text:?}");
        }
    }
}
