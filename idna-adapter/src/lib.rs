//! duo-selfhosted's back end for the [`idna`](https://docs.rs/idna) crate:
//! UTS #46 (IDNA) mapping and normalisation, and four character
//! properties, from small tables, with upstream `idna_adapter` 1.2.2's API
//! and answers.
//!
//! `idna`, which `url` reads hosts through, takes its Unicode data from the
//! crate named `idna_adapter`. Upstream's 1.2.2 is ICU4X: its UTS #46
//! mapper (a decomposition trie of every code point, with NFD and NFKD
//! expansion tables and the canonical compositions) and three property
//! tries (General_Category, Bidi_Class, Joining_Type). In the npm package
//! those weighed 45.5 KB gzipped of 201 KB, more than any rule.
//!
//! This crate answers the same questions from run-length tables
//! (`src/tables.rs`, about 22 KB gzipped in all) and a plain UAX #15
//! normaliser (`src/uts46.rs`): each character mapped by the IDNA table,
//! then NFC. The tables are generated from ICU4X's own data, the version in
//! Cargo.lock, by the root crate's `tests/idna_adapter.rs`, which also
//! holds the two back ends to the same answers:
//! - every code point: its mapping, `normalize_validate`, and the four
//!   properties, against ICU4X's;
//! - every pair ICU4X composes, alone and with marks and ignored
//!   characters between;
//! - long runs of marks, and 60,000 random texts from the characters
//!   normalisation has work with;
//! - Unicode's conformance file (IdnaTestV2.txt) through `idna`;
//! - and the `idna_mapping` fuzz target compares any text.
//!
//! The price is speed on non-ASCII hosts only (ASCII never reaches the
//! back end): `classify` of a URL with an international host takes about
//! 2.2 µs instead of 1.8 µs (README, "Performance").
//!
//! The root `Cargo.toml` puts this crate in place of upstream's with
//! `[patch.crates-io]`, which applies to this repository's builds (the
//! CLI, the npm package, the tests and the fuzz targets) only: a crate that
//! depends on duo-selfhosted from crates.io gets upstream's `idna_adapter`,
//! with the same answers.
//!
//! Licensed like upstream (Apache-2.0 OR MIT); the API, its names and its
//! documentation are the rust-url developers'.

#![no_std]

extern crate alloc;

mod runs;
// Generated (tests/idna_adapter.rs writes it in its own layout).
#[rustfmt::skip]
mod tables;
mod uts46;

/// ICU4C's numeric values of Bidi_Class, which `src/tables.rs` holds (the
/// root crate's tests compare the masks built from them with ICU4X's
/// `to_icu4c_value`).
mod bidi {
    pub const LEFT_TO_RIGHT: u8 = 0;
    pub const RIGHT_TO_LEFT: u8 = 1;
    pub const EUROPEAN_NUMBER: u8 = 2;
    pub const EUROPEAN_SEPARATOR: u8 = 3;
    pub const EUROPEAN_TERMINATOR: u8 = 4;
    pub const ARABIC_NUMBER: u8 = 5;
    pub const COMMON_SEPARATOR: u8 = 6;
    pub const OTHER_NEUTRAL: u8 = 10;
    pub const ARABIC_LETTER: u8 = 13;
    pub const NONSPACING_MARK: u8 = 17;
    pub const BOUNDARY_NEUTRAL: u8 = 18;
}

/// ICU4C's numeric values of Joining_Type (checked like [`bidi`]).
mod joining {
    pub const DUAL_JOINING: u8 = 2;
    pub const LEFT_JOINING: u8 = 3;
    pub const RIGHT_JOINING: u8 = 4;
    pub const TRANSPARENT: u8 = 5;
}

const fn bidi_mask(classes: &[u8]) -> BidiClassMask {
    let mut bits = 0u32;
    let mut i = 0;
    while i < classes.len() {
        bits |= 1 << classes[i];
        i += 1;
    }
    BidiClassMask(bits)
}

/// Mask for checking for both left and dual joining.
pub const LEFT_OR_DUAL_JOINING_MASK: JoiningTypeMask =
    JoiningTypeMask(1 << joining::LEFT_JOINING | 1 << joining::DUAL_JOINING);

/// Mask for checking for both right and dual joining.
pub const RIGHT_OR_DUAL_JOINING_MASK: JoiningTypeMask =
    JoiningTypeMask(1 << joining::RIGHT_JOINING | 1 << joining::DUAL_JOINING);

use bidi::*;

/// Mask for checking if the domain is a bidi domain.
pub const RTL_MASK: BidiClassMask = bidi_mask(&[RIGHT_TO_LEFT, ARABIC_LETTER, ARABIC_NUMBER]);

/// Mask for allowable bidi classes in the first character of a label
/// (either LTR or RTL) in a bidi domain.
pub const FIRST_BC_MASK: BidiClassMask = bidi_mask(&[LEFT_TO_RIGHT, RIGHT_TO_LEFT, ARABIC_LETTER]);

/// Mask for allowable bidi classes of the last (non-Non-Spacing Mark)
/// character in an LTR label in a bidi domain.
pub const LAST_LTR_MASK: BidiClassMask = bidi_mask(&[LEFT_TO_RIGHT, EUROPEAN_NUMBER]);

/// Mask for allowable bidi classes of the last (non-Non-Spacing Mark)
/// character in an RTL label in a bidi domain.
pub const LAST_RTL_MASK: BidiClassMask =
    bidi_mask(&[RIGHT_TO_LEFT, ARABIC_LETTER, EUROPEAN_NUMBER, ARABIC_NUMBER]);

/// The bidi classes allowed in the middle of a label in a bidi domain,
/// whichever its direction.
const MIDDLE_EITHER_MASK: BidiClassMask = bidi_mask(&[
    EUROPEAN_NUMBER,
    EUROPEAN_SEPARATOR,
    COMMON_SEPARATOR,
    EUROPEAN_TERMINATOR,
    OTHER_NEUTRAL,
    BOUNDARY_NEUTRAL,
    NONSPACING_MARK,
]);

/// Mask for allowable bidi classes of the middle characters in an LTR label
/// in a bidi domain.
pub const MIDDLE_LTR_MASK: BidiClassMask = BidiClassMask(MIDDLE_EITHER_MASK.0 | 1 << LEFT_TO_RIGHT);

/// Mask for allowable bidi classes of the middle characters in an RTL label
/// in a bidi domain: the RTL classes (R, AL, AN) and the others'.
pub const MIDDLE_RTL_MASK: BidiClassMask = BidiClassMask(MIDDLE_EITHER_MASK.0 | RTL_MASK.0);

/// Value for the Joining_Type Unicode property (ICU4C's number).
#[repr(transparent)]
#[derive(Clone, Copy)]
pub struct JoiningType(u8);

impl JoiningType {
    /// Returns the corresponding `JoiningTypeMask`.
    #[inline(always)]
    pub fn to_mask(self) -> JoiningTypeMask {
        JoiningTypeMask(1 << self.0)
    }

    /// `true` iff this value is the Transparent value.
    #[inline(always)]
    pub fn is_transparent(self) -> bool {
        self.0 == joining::TRANSPARENT
    }
}

/// A mask representing potentially multiple `JoiningType` values.
#[repr(transparent)]
#[derive(Clone, Copy)]
pub struct JoiningTypeMask(u32);

impl JoiningTypeMask {
    /// `true` iff both masks have a `JoiningType` in common.
    #[inline(always)]
    pub fn intersects(self, other: JoiningTypeMask) -> bool {
        self.0 & other.0 != 0
    }

    /// The mask's bits (bit n: ICU4C's value n), for the comparison with
    /// ICU4X in the root crate's tests.
    #[doc(hidden)]
    pub fn bits(self) -> u32 {
        self.0
    }
}

/// Value for the Bidi_Class Unicode property (ICU4C's number).
#[repr(transparent)]
#[derive(Clone, Copy)]
pub struct BidiClass(u8);

impl BidiClass {
    /// Returns the corresponding `BidiClassMask`.
    #[inline(always)]
    pub fn to_mask(self) -> BidiClassMask {
        BidiClassMask(1 << self.0)
    }

    /// `true` iff this value is Left_To_Right
    #[inline(always)]
    pub fn is_ltr(self) -> bool {
        self.0 == LEFT_TO_RIGHT
    }

    /// `true` iff this value is Nonspacing_Mark
    #[inline(always)]
    pub fn is_nonspacing_mark(self) -> bool {
        self.0 == NONSPACING_MARK
    }

    /// `true` iff this value is European_Number
    #[inline(always)]
    pub fn is_european_number(self) -> bool {
        self.0 == EUROPEAN_NUMBER
    }

    /// `true` iff this value is Arabic_Number
    #[inline(always)]
    pub fn is_arabic_number(self) -> bool {
        self.0 == ARABIC_NUMBER
    }
}

/// A mask representing potentially multiple `BidiClass` values.
#[repr(transparent)]
#[derive(Clone, Copy)]
pub struct BidiClassMask(u32);

impl BidiClassMask {
    /// `true` iff both masks have a `BidiClass` in common.
    #[inline(always)]
    pub fn intersects(self, other: BidiClassMask) -> bool {
        self.0 & other.0 != 0
    }

    /// The mask's bits (bit n: ICU4C's value n), for the comparison with
    /// ICU4X in the root crate's tests.
    #[doc(hidden)]
    pub fn bits(self) -> u32 {
        self.0
    }
}

/// An adapter between a Unicode back end and the `idna` crate.
pub struct Adapter {}

impl Default for Adapter {
    fn default() -> Self {
        Self::new()
    }
}

impl Adapter {
    /// Constructor using data compiled into the binary.
    #[inline(always)]
    pub const fn new() -> Self {
        Self {}
    }

    /// `true` iff the Canonical_Combining_Class of `c` is Virama.
    #[inline(always)]
    pub fn is_virama(&self, c: char) -> bool {
        uts46::combining_class(c) == 9
    }

    /// `true` iff the General_Category of `c` is Mark, i.e. any of
    /// Nonspacing_Mark, Spacing_Mark, or Enclosing_Mark.
    #[inline(always)]
    pub fn is_mark(&self, c: char) -> bool {
        tables::MARK.value(c) == 1
    }

    /// Returns the Bidi_Class of `c`.
    #[inline(always)]
    pub fn bidi_class(&self, c: char) -> BidiClass {
        BidiClass(tables::BIDI_CLASS.value(c) as u8)
    }

    /// Returns the Joining_Type of `c`.
    #[inline(always)]
    pub fn joining_type(&self, c: char) -> JoiningType {
        JoiningType(tables::JOINING_TYPE.value(c) as u8)
    }

    /// UTS #46's Map and Normalize steps: ignored characters dropped,
    /// mapped ones mapped, disallowed ones replaced with U+FFFD (itself
    /// disallowed), deviations and STD3's characters valid, then NFC; the
    /// answers of [ICU4X's method of the same name][1].
    ///
    /// [1]: https://docs.rs/icu_normalizer/latest/icu_normalizer/uts46/struct.Uts46MapperBorrowed.html#method.map_normalize
    pub fn map_normalize<'delegate, I: Iterator<Item = char> + 'delegate>(
        &'delegate self,
        iter: I,
    ) -> impl Iterator<Item = char> + 'delegate {
        uts46::map_normalize(iter, false).into_iter()
    }

    /// As [`map_normalize`](Self::map_normalize), but ignored characters
    /// become U+FFFD too (UTS #46's validity check of a decoded label, whose
    /// caller compares the result with its input); the answers of [ICU4X's
    /// method of the same name][1].
    ///
    /// [1]: https://docs.rs/icu_normalizer/latest/icu_normalizer/uts46/struct.Uts46MapperBorrowed.html#method.normalize_validate
    pub fn normalize_validate<'delegate, I: Iterator<Item = char> + 'delegate>(
        &'delegate self,
        iter: I,
    ) -> impl Iterator<Item = char> + 'delegate {
        uts46::map_normalize(iter, true).into_iter()
    }
}
