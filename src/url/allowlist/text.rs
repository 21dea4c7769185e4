//! An entry's texts in one buffer, on the entry itself when they are
//! short: reading an entry allocates nothing unless its texts are longer
//! than [`INLINE`] bytes together (two allocations an entry, for `raw` and
//! `value`, were a quarter of reading a list).

/// Bytes held without an allocation: an entry's raw text and, for an IP
/// entry, its canonical address after it (`10.0.0.0/24` is 11 and 11,
/// `*.zone-2.example.com:8443` 25 and none).
const INLINE: usize = 62;

/// UTF-8 text, on the stack up to [`INLINE`] bytes.
#[derive(Clone, PartialEq, Eq)]
pub(super) enum Text {
    /// The bytes (valid UTF-8: a `&str` and ASCII appended to it); the
    /// bytes after `len` are zero.
    Inline { len: u8, bytes: [u8; INLINE] },
    /// Longer text.
    Heap(Box<str>),
}

impl Text {
    /// `head` followed by `tail`.
    pub(super) fn concat(head: &str, tail: &[u8]) -> Text {
        let len = head.len() + tail.len();
        if len <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..head.len()].copy_from_slice(head.as_bytes());
            bytes[head.len()..len].copy_from_slice(tail);
            Text::Inline {
                len: len as u8,
                bytes,
            }
        } else {
            let mut text = String::with_capacity(len);
            text.push_str(head);
            text.extend(tail.iter().map(|&b| char::from(b)));
            Text::Heap(text.into_boxed_str())
        }
    }

    /// The text's bytes, without checking them again (comparisons: `str`
    /// orders and compares as its bytes do).
    pub(super) fn as_bytes(&self) -> &[u8] {
        match self {
            Text::Inline { len, bytes } => &bytes[..usize::from(*len)],
            Text::Heap(text) => text.as_bytes(),
        }
    }

    /// The text.
    pub(super) fn as_str(&self) -> &str {
        match self {
            // Always valid (see `Inline`), so this never gives "".
            Text::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Text::Heap(text) => text,
        }
    }
}
