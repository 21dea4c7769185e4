//! Ruby's character and string semantics where GitLab's messages and
//! checks depend on them.

/// Ruby's `\p{Alnum}`: alphabetic, or a decimal digit (general category
/// Nd). Rust's `is_alphanumeric` also counts `No` (①, ⑩), which Ruby does
/// not; the Nd blocks are listed by their zero digit (Unicode 14, from
/// Python's `unicodedata`; every block is ten consecutive digits).
pub(super) fn ruby_alnum(c: char) -> bool {
    const ND_ZEROS: &[u32] = &[
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
        0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
        0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
        0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
        0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
        0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
    ];
    if c.is_alphabetic() {
        return true;
    }
    let code = u32::from(c);
    let at = ND_ZEROS.partition_point(|&zero| zero <= code);
    at > 0 && code - ND_ZEROS[at - 1] < 10
}

/// Ruby's `String#dump`, as the ASCII-only message prints the URL.
pub(super) fn ruby_dump(text: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{c}' => out.push_str("\\f"),
            '\u{b}' => out.push_str("\\v"),
            '\u{8}' => out.push_str("\\b"),
            '\u{7}' => out.push_str("\\a"),
            '\u{1b}' => out.push_str("\\e"),
            '#' if matches!(chars.peek(), Some('{' | '$' | '@')) => out.push_str("\\#"),
            c if c.is_ascii_control() => out.push_str(&format!("\\x{:02X}", u32::from(c))),
            c if c.is_ascii() => out.push(c),
            c if u32::from(c) > 0xFFFF => out.push_str(&format!("\\u{{{:X}}}", u32::from(c))),
            c => out.push_str(&format!("\\u{:04X}", u32::from(c))),
        }
    }
    out.push('"');
    out
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruby_helpers() {
        assert!(ruby_alnum('a') && ruby_alnum('ğ') && ruby_alnum('٣') && ruby_alnum('7'));
        assert!(!ruby_alnum('⑩') && !ruby_alnum('①') && !ruby_alnum('-') && !ruby_alnum('\u{ad}'));
        assert_eq!(
            ruby_dump("http://ğitlab.com/#{x}"),
            "\"http://\\u011Fitlab.com/\\#{x}\""
        );
    }
}
