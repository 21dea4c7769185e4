//! The IDNA back end (`idna-adapter/`) against ICU4X's UTS #46 mapper, the
//! one it replaces: `map_normalize` and `normalize_validate` give the same
//! characters for any text.
//!
//! Input: the text, as UTF-8 where it is, and otherwise read three bytes at
//! a time as code points (so that every plane is reached, not only what
//! valid UTF-8 the fuzzer finds).
//! Properties: both functions equal ICU4X's, character for character.
#![no_main]

use icu_normalizer::uts46::Uts46MapperBorrowed;
use idna_adapter::Adapter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text: Vec<char> = match std::str::from_utf8(data) {
        Ok(text) => text.chars().collect(),
        Err(_) => data
            .chunks(3)
            .filter_map(|b| char::from_u32(b.iter().fold(0u32, |n, &x| n << 8 | u32::from(x)) % 0x11_0000))
            .collect(),
    };
    let ours = Adapter::new();
    let icu = Uts46MapperBorrowed::new();
    let mapped: Vec<char> = ours.map_normalize(text.iter().copied()).collect();
    let expected: Vec<char> = icu.map_normalize(text.iter().copied()).collect();
    assert_eq!(mapped, expected, "map_normalize({text:?})");
    let checked: Vec<char> = ours.normalize_validate(text.iter().copied()).collect();
    let expected: Vec<char> = icu.normalize_validate(text.iter().copied()).collect();
    assert_eq!(checked, expected, "normalize_validate({text:?})");
});
