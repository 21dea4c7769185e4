//! A value quoted in a message exactly as `{:?}` quotes a string, without
//! escaping it character by character when there is nothing to escape, and
//! without the `Debug` machinery when there is; and messages written from
//! their pieces without `core::fmt`.

use std::fmt;

/// Shows a string as its `Debug` form (`"text"` with Rust's escapes):
/// `format!("{}", Quoted(s))` is `format!("{s:?}")`. Printable ASCII other
/// than `"` and `\` needs no escape, so such a string (almost every value a
/// message quotes) is written as it is, between quotes; anything else is
/// escaped character by character as `Debug` escapes it.
#[derive(Clone, Copy, Debug)]
pub struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if is_plain(self.0) {
            f.write_str("\"")?;
            f.write_str(self.0)?;
            f.write_str("\"")
        } else {
            let mut out = String::new();
            push_escaped(&mut out, self.0);
            f.write_str(&out)
        }
    }
}

/// Whether `text` is written between quotes as it is.
fn is_plain(text: &str) -> bool {
    text.bytes()
        .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\')
}

/// `"text"` with `Debug`'s escapes appended to `out`: `str`'s `Debug`
/// escapes each character as `char::escape_debug` does, except `'`, which
/// it leaves as it is.
#[inline(never)]
fn push_escaped(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        if c == '\'' {
            out.push(c);
        } else {
            out.extend(c.escape_debug());
        }
    }
    out.push('"');
}

/// `text` quoted as `{:?}` quotes it, appended to `out`.
pub fn push_quoted(out: &mut String, text: &str) {
    if is_plain(text) {
        out.reserve(text.len() + 2);
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else {
        push_escaped(out, text);
    }
}

/// One piece of a message written by [`message`].
#[derive(Clone, Copy, Debug)]
pub enum Piece<'a> {
    /// Text as it is.
    Text(&'a str),
    /// A value quoted as `{:?}` quotes a string ([`Quoted`]).
    Quoted(&'a str),
    /// An integer in decimal.
    Int(u64),
}

/// A message written from its pieces into one allocation of about its
/// final size, without `core::fmt` (a formatted message cost more than the
/// rule that reported it): `message(&[Quoted(e), Text(" is a wildcard")])`
/// is `format!("{e:?} is a wildcard")`.
#[inline(never)]
pub fn message(pieces: &[Piece<'_>]) -> String {
    let size = pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.len(),
            Piece::Quoted(t) => t.len() + 2,
            Piece::Int(_) => 20,
        })
        .sum();
    let mut out = String::with_capacity(size);
    for piece in pieces {
        match *piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Quoted(t) => push_quoted(&mut out, t),
            Piece::Int(n) => push_int(&mut out, n),
        }
    }
    out
}

/// The decimal digits of `n` appended to `out`.
pub fn push_int(out: &mut String, n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

#[cfg(test)]
mod tests {
    use super::{message, push_int, Piece, Quoted};

    /// The one decimal writer (paths' indexes, messages, allowlist entries'
    /// ports and prefixes) gives `Display`'s digits: every power of ten and
    /// its neighbours, and the extremes.
    #[test]
    fn push_int_writes_display_digits() {
        let mut values = vec![0, 1, 9, u64::MAX, u64::MAX - 1];
        let mut power = 1u64;
        while let Some(next) = power.checked_mul(10) {
            values.extend([next - 1, next, next + 1]);
            power = next;
        }
        for n in values {
            let mut out = String::from("x");
            push_int(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

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
            "x\u{301}",
            "\0",
            "'",
            "it's \"é\"\r\n\u{7f}\u{200b}\u{feff}\u{10ffff}\u{e000}",
        ] {
            assert_eq!(Quoted(text).to_string(), format!("{text:?}"), "{text:?}");
        }
        // Every character, alone and after a letter.
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("a{c}")] {
                assert_eq!(Quoted(&text).to_string(), format!("{text:?}"), "{text:?}");
            }
        }
    }

    #[test]
    fn message_like_format() {
        assert_eq!(
            message(&[
                Piece::Quoted("a\"b"),
                Piece::Text(" is "),
                Piece::Int(0),
                Piece::Text(", "),
                Piece::Int(u64::MAX),
            ]),
            format!("{:?} is {}, {}", "a\"b", 0, u64::MAX)
        );
    }
}
