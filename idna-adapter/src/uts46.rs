//! UTS #46's Map and Normalize steps, as ICU4X's `Uts46MapperBorrowed`
//! performs them for `idna`: each character mapped by the IDNA mapping
//! table (valid ones kept, ignored ones dropped or replaced, disallowed
//! ones replaced with U+FFFD, mapped ones replaced with their mapping; no
//! STD3 rules, no transitional processing), then the whole text normalised
//! to NFC (UAX #15: full canonical decomposition, canonical ordering,
//! canonical composition).
//!
//! The tables (`tables.rs`) are generated from ICU4X's own data by the
//! root crate's `tests/idna_adapter.rs`, which also compares this module's
//! answers with ICU4X's mapper: every code point alone, every pair that can
//! compose, long runs of marks, and random texts.
//!
//! The normaliser keeps only what can reach it: mappings are to valid
//! characters, so the decomposition table holds the valid characters'
//! (and their parts'), and the compositions are those among them (the
//! generator checks both premises against ICU4X).

use crate::tables;
use alloc::vec::Vec;

/// What the mapping table says about one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mapping {
    Valid,
    Disallowed,
    Ignored,
    Char(char),
    /// The UTF-8 text of a mapping to more than one character.
    Text(&'static [u8]),
}

// Tags of a run in `tables::MAPPING` (the low three bits of its value; the
// rest is the payload). 0, disallowed, is also what `RunTable::find`
// answers past the table's end (never: the generator checks that the runs
// cover every code point).
const VALID: u32 = 1;
const IGNORED: u32 = 2;
/// Each character maps to itself plus the payload (zigzag-encoded).
const SHIFTED: u32 = 3;
/// Each character maps to a text of `tables::MAP_TEXTS`; the payload is
/// where the run's first text starts, the others follow in order.
const TEXTS: u32 = 4;
/// Characters alternate: those at even offsets from the run's start map
/// to themselves plus the payload (zigzag), those at odd offsets are valid
/// (pairs of upper and lower case).
const ALTERNATING: u32 = 5;

fn unzigzag(n: u32) -> i64 {
    i64::from(n >> 1) ^ -i64::from(n & 1)
}

fn shifted(c: char, by: u32) -> Mapping {
    let to = i64::from(c as u32) + unzigzag(by);
    u32::try_from(to)
        .ok()
        .and_then(char::from_u32)
        .map_or(Mapping::Disallowed, Mapping::Char)
}

pub(crate) fn mapping(c: char) -> Mapping {
    // ASCII, the common case: only the capitals map (the test compares
    // every code point with ICU4X).
    if c.is_ascii() {
        return if c.is_ascii_uppercase() {
            Mapping::Char(c.to_ascii_lowercase())
        } else {
            Mapping::Valid
        };
    }
    let (kind, offset) = tables::MAPPING.find(c);
    let payload = kind >> 3;
    match kind & 7 {
        VALID => Mapping::Valid,
        IGNORED => Mapping::Ignored,
        SHIFTED => shifted(c, payload),
        ALTERNATING if offset.is_multiple_of(2) => shifted(c, payload),
        ALTERNATING => Mapping::Valid,
        TEXTS => text(payload as usize, offset),
        // 0: disallowed (the generator writes no other tag).
        _ => Mapping::Disallowed,
    }
}

/// The `skip`-th text after the one at `at`: each is its UTF-8 length in
/// one byte, then the bytes.
fn text(mut at: usize, skip: u32) -> Mapping {
    let texts = tables::MAP_TEXTS;
    for _ in 0..skip {
        at += 1 + usize::from(texts.get(at).copied().unwrap_or(0));
    }
    let len = usize::from(texts.get(at).copied().unwrap_or(0));
    texts
        .get(at + 1..at + 1 + len)
        .map_or(Mapping::Disallowed, Mapping::Text)
}

// Hangul syllables decompose and compose by arithmetic (Unicode 3.12).
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

fn ch(cp: u32) -> char {
    char::from_u32(cp).unwrap_or('\u{FFFD}')
}

/// Appends `c`'s full canonical decomposition, each character with its
/// combining class.
fn decompose_into(c: char, out: &mut Vec<(char, u8)>) {
    let cp = c as u32;
    // Nothing below U+00C0 decomposes or has a combining class.
    if cp < 0xC0 {
        out.push((c, 0));
        return;
    }
    let s = cp.wrapping_sub(S_BASE);
    if s < S_COUNT {
        // Jamo are starters.
        out.push((ch(L_BASE + s / N_COUNT), 0));
        out.push((ch(V_BASE + (s % N_COUNT) / T_COUNT), 0));
        if !s.is_multiple_of(T_COUNT) {
            out.push((ch(T_BASE + s % T_COUNT), 0));
        }
        return;
    }
    match tables::DECOMPOSED.binary_search(&cp) {
        Ok(i) => {
            decompose_into(ch(tables::DECOMPOSITION_FIRST[i]), out);
            if let Some(&second) = tables::DECOMPOSITION_SECOND.get(i).filter(|&&s| s != 0) {
                decompose_into(ch(second), out);
            }
        }
        Err(_) => out.push((c, combining_class(c))),
    }
}

pub(crate) fn combining_class(c: char) -> u8 {
    // The first character with a class is U+0300.
    if (c as u32) < 0x300 {
        return 0;
    }
    tables::COMBINING_CLASS.value(c) as u8
}

/// The primary composite of `first` and `second`, if any.
fn compose(first: char, second: char) -> Option<char> {
    let (a, b) = (first as u32, second as u32);
    let l = a.wrapping_sub(L_BASE);
    let v = b.wrapping_sub(V_BASE);
    if l < L_COUNT && v < V_COUNT {
        return char::from_u32(S_BASE + (l * V_COUNT + v) * T_COUNT);
    }
    let s = a.wrapping_sub(S_BASE);
    let t = b.wrapping_sub(T_BASE);
    if s < S_COUNT && s.is_multiple_of(T_COUNT) && t > 0 && t < T_COUNT {
        return char::from_u32(a + t);
    }
    // Most characters are the second of no composition: a short search
    // tells, before the search of the pairs.
    if tables::COMPOSITION_SECONDS.binary_search(&b).is_err() {
        return None;
    }
    // COMPOSITIONS lists the composable entries of DECOMPOSED in the order
    // of their (first, second).
    let key = |i: &u16| {
        let i = usize::from(*i);
        (
            tables::DECOMPOSITION_FIRST[i],
            tables::DECOMPOSITION_SECOND[i],
        )
    };
    let found = tables::COMPOSITIONS
        .binary_search_by(|i| key(i).cmp(&(a, b)))
        .ok()?;
    char::from_u32(tables::DECOMPOSED[usize::from(tables::COMPOSITIONS[found])])
}

/// UTS #46 Map, then NFC. `ignored_is_error`: ignored characters become
/// U+FFFD instead of disappearing (ICU4X's `normalize_validate`).
pub(crate) fn map_normalize(
    input: impl Iterator<Item = char>,
    ignored_is_error: bool,
) -> Vec<char> {
    // Each character with its combining class, looked up once.
    let mut text: Vec<(char, u8)> = Vec::with_capacity(input.size_hint().0.max(32));
    for c in input {
        if c.is_ascii() {
            // ASCII maps at most to lower case, and has no class.
            text.push((c.to_ascii_lowercase(), 0));
            continue;
        }
        match mapping(c) {
            Mapping::Valid => decompose_into(c, &mut text),
            Mapping::Char(to) => decompose_into(to, &mut text),
            Mapping::Text(utf8) => {
                for to in core::str::from_utf8(utf8).unwrap_or("\u{FFFD}").chars() {
                    decompose_into(to, &mut text);
                }
            }
            Mapping::Ignored if !ignored_is_error => {}
            Mapping::Ignored | Mapping::Disallowed => text.push(('\u{FFFD}', 0)),
        }
    }
    reorder(&mut text);
    compose_all(&mut text);
    text.into_iter().map(|(c, _)| c).collect()
}

/// Canonical ordering: each run of non-starters sorted (stably) by class.
fn reorder(text: &mut [(char, u8)]) {
    let mut i = 0;
    while i < text.len() {
        if text[i].1 == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < text.len() && text[i].1 != 0 {
            i += 1;
        }
        sort_by_class(&mut text[start..i]);
    }
}

/// A stable sort by combining class: an insertion sort for the usual few
/// marks, a counting sort (linear) for a long run, which untrusted input
/// can make as long as it likes.
fn sort_by_class(run: &mut [(char, u8)]) {
    if run.len() <= 16 {
        for j in 1..run.len() {
            let mut k = j;
            while k > 0 && run[k - 1].1 > run[k].1 {
                run.swap(k - 1, k);
                k -= 1;
            }
        }
        return;
    }
    // Where each class's characters go: the count of every lower class.
    let mut place = [0usize; 256];
    for &(_, class) in run.iter() {
        place[usize::from(class)] += 1;
    }
    let mut total = 0;
    for slot in place.iter_mut() {
        let count = *slot;
        *slot = total;
        total += count;
    }
    let unsorted = run.to_vec();
    for item in unsorted {
        let slot = &mut place[usize::from(item.1)];
        run[*slot] = item;
        *slot += 1;
    }
}

/// Canonical composition (UAX #15, D117) in place.
fn compose_all(text: &mut Vec<(char, u8)>) {
    let mut starter: Option<usize> = None;
    // The class of the last character kept since the starter, if any.
    let mut last_class: Option<u8> = None;
    let mut kept = 0;
    for i in 0..text.len() {
        let (c, class) = text[i];
        if let Some(s) = starter {
            let blocked = last_class.is_some_and(|last| last >= class);
            if !blocked {
                if let Some(composite) = compose(text[s].0, c) {
                    // A primary composite is a starter.
                    text[s] = (composite, 0);
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(kept);
            last_class = None;
        } else {
            last_class = Some(class);
        }
        text[kept] = (c, class);
        kept += 1;
    }
    text.truncate(kept);
}
