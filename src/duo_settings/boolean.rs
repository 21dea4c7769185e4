//! `Gitlab::Utils.to_boolean`: how GitLab reads a word as a boolean.

/// Words `Gitlab::Utils.to_boolean` reads as true (case-insensitive).
pub const TRUE_WORDS: &[&str] = &["true", "t", "yes", "y", "1", "on"];

/// Words `Gitlab::Utils.to_boolean` reads as false (case-insensitive).
pub const FALSE_WORDS: &[&str] = &["false", "f", "no", "n", "0", "off"];

/// `Gitlab::Utils.to_boolean(text, default:)`: the true and false words,
/// case-insensitive, anything else the default.
///
/// GitLab's patterns use Ruby line anchors, so a multi-line value whose
/// first line is a word also matches there; this reads the whole string, the
/// difference being limited to values with a new line.
pub fn to_boolean(text: &str, default: bool) -> bool {
    parse_boolean_word(text).unwrap_or(default)
}

/// The word's meaning, or `None` when it is neither a true nor a false word.
pub fn parse_boolean_word(text: &str) -> Option<bool> {
    if TRUE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(text)) {
        Some(true)
    } else if FALSE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(text)) {
        Some(false)
    } else {
        None
    }
}
