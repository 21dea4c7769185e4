//! The allowlist's index: the entries in list order, and two sorted
//! vectors of their indexes, built with one sort each when the list is
//! read (so reading is n log n at any size; inserting each entry into a
//! sorted vector, as before, was quadratic: 251 s for 1,000,000 entries).
//!
//! Domain entries are ordered by a hash of their text first: any order
//! that keeps equal texts together serves a binary search, and comparing
//! two 64-bit hashes is much cheaper than comparing host names that share
//! long prefixes (`service-1.internal`, `service-2.internal`, …).

use super::{Entry, Target};
use std::cmp::Ordering;
use std::net::IpAddr;

/// The entries and their index.
#[derive(Clone, Debug, Default)]
pub(super) struct Index {
    entries: Vec<Entry>,
    /// The domain entries as (hash of the value, index), sorted by (hash,
    /// value, index): equal values are adjacent, in list order.
    domains: Vec<(u64, usize)>,
    /// The distinct prefix lengths of the IP entries, ascending.
    prefixes: Vec<u8>,
    /// The IP entries as (masked base, prefix length, index), sorted (the
    /// base first: it decides almost every comparison).
    ranges: Vec<(u128, u8, usize)>,
}

/// FNV-1a, 64 bits: a fixed, portable hash (the order it gives must not
/// depend on the platform or the run).
pub(super) fn text_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Sort `items` stably by `less`: a bottom-up merge sort with one scratch
/// buffer. The allowlist's only sort (the text's duplicates, the domain
/// index, the IP index), one small non-generic body: the standard sorts
/// would add several kilobytes to the wasm build per element type.
#[inline(never)]
pub(super) fn sort_stable(items: &mut Vec<usize>, less: &dyn Fn(usize, usize) -> bool) {
    let n = items.len();
    let mut from = std::mem::take(items);
    let mut to = vec![0usize; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // Equal items keep their order: the left run's first.
                if less(from[j], from[i]) {
                    to[k] = from[j];
                    j += 1;
                } else {
                    to[k] = from[i];
                    i += 1;
                }
                k += 1;
            }
            to[k..k + mid - i].copy_from_slice(&from[i..mid]);
            k += mid - i;
            to[k..k + end - j].copy_from_slice(&from[j..end]);
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    *items = from;
}

/// Sort unique keys ascending with std's unstable sort, comparing the keys
/// inline (the index sorts, [`sort_stable`] calling a comparison through a
/// pointer for every step, were a sixth of reading a list). Each key holds
/// its item's index, so no two are equal and the order is the stable one.
#[inline(never)]
pub(super) fn sort_keys(items: &mut [(u64, u64, u64)]) {
    items.sort_unstable();
}

/// `pairs` (hash, index), in list order, sorted by hash, then by the text
/// of the index, then in list order: by hash and index first (the pairs
/// are unique keys themselves, sorted as they are), then each run of one
/// hash by text (such a run is a text that comes more than once, or a
/// collision).
pub(super) fn sort_by_hashed_text<'a>(pairs: &mut [(u64, usize)], text: &dyn Fn(usize) -> &'a str) {
    pairs.sort_unstable();
    let mut start = 0;
    while start < pairs.len() {
        let hash = pairs[start].0;
        let end = start + pairs[start..].iter().take_while(|p| p.0 == hash).count();
        if end - start > 1 {
            // In list order already: a stable sort by text keeps it.
            let mut run: Vec<usize> = pairs[start..end].iter().map(|p| p.1).collect();
            sort_stable(&mut run, &|a, b| text(a) < text(b));
            for (pair, i) in pairs[start..end].iter_mut().zip(run) {
                pair.1 = i;
            }
        }
        start = end;
    }
}

/// The index's bits in a range's sort key (below the prefix length's).
const INDEX_BITS: u64 = (1 << 56) - 1;

pub(super) fn mask128(prefix: u8) -> u128 {
    if prefix == 0 {
        0
    } else {
        u128::MAX << (128 - u32::from(prefix))
    }
}

pub(super) fn mapped(ip: IpAddr) -> u128 {
    match ip {
        IpAddr::V4(a) => 0xffff_0000_0000 | u128::from(u32::from(a)),
        IpAddr::V6(a) => u128::from(a),
    }
}

impl Index {
    /// Index `entries` (in list order).
    pub(super) fn build(entries: Vec<Entry>) -> Index {
        let mut domains = Vec::new();
        let mut ranges = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            match entry.target {
                Target::Domain { hash } => domains.push((hash, i)),
                Target::Ip { base, prefix } => ranges.push((base, prefix, i)),
            }
        }
        sort_by_hashed_text(&mut domains, &|i| entries[i].value());
        // By (base, prefix, index): the prefix above the index in one key.
        // The base in two words (24-byte keys move faster than 32-byte ones).
        let mut keys: Vec<(u64, u64, u64)> = ranges
            .iter()
            .map(|&(base, prefix, i)| {
                let key = u64::from(prefix) << 56 | i as u64;
                ((base >> 64) as u64, base as u64, key)
            })
            .collect();
        sort_keys(&mut keys);
        let ranges: Vec<(u128, u8, usize)> = keys
            .iter()
            .map(|&(high, low, key)| {
                let base = u128::from(high) << 64 | u128::from(low);
                (base, (key >> 56) as u8, (key & INDEX_BITS) as usize)
            })
            .collect();
        let mut present = [false; 129];
        for &(_, prefix, _) in &ranges {
            present[usize::from(prefix.min(128))] = true;
        }
        let prefixes: Vec<u8> = (0..=128u8).filter(|&p| present[usize::from(p)]).collect();
        Index {
            entries,
            domains,
            prefixes,
            ranges,
        }
    }

    /// Add one entry after the others, keeping the index sorted (linear:
    /// for adding a few entries to a list read before).
    pub(super) fn push(&mut self, entry: Entry) {
        let i = self.entries.len();
        match entry.target {
            Target::Domain { hash } => {
                let key = (hash, entry.value());
                let at = self
                    .domains
                    .partition_point(|&(h, j)| (h, self.entries[j].value()) <= key);
                self.domains.insert(at, (key.0, i));
            }
            Target::Ip { base, prefix } => {
                let key = (base, prefix, i);
                let at = self.ranges.partition_point(|r| *r < key);
                self.ranges.insert(at, key);
                if let Err(at) = self.prefixes.binary_search(&prefix) {
                    self.prefixes.insert(at, prefix);
                }
            }
        }
        self.entries.push(entry);
    }

    pub(super) fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub(super) fn into_entries(self) -> Vec<Entry> {
        self.entries
    }

    /// The first domain entry (in list order) equal to `host` whose port
    /// allows `port`.
    pub(super) fn match_domain(&self, host: &str, port: Option<u64>) -> Option<&Entry> {
        if self.domains.is_empty() {
            return None;
        }
        let key = (text_hash(host), host.as_bytes());
        let start = self.domains.partition_point(|&(h, i)| {
            (h, self.entries[i].value_bytes()).cmp(&key) == Ordering::Less
        });
        self.domains[start..]
            .iter()
            .take_while(|&&(h, _)| h == key.0)
            .map(|&(_, i)| &self.entries[i])
            .take_while(|e| e.value_bytes() == host.as_bytes())
            .find(|e| e.port_matches(port))
    }

    /// The first IP entry (in list order) whose range holds `ip` and whose
    /// port allows `port`: one binary search per distinct prefix length.
    pub(super) fn match_ip(&self, ip: IpAddr, port: Option<u64>) -> Option<&Entry> {
        let bits = mapped(ip);
        self.prefixes
            .iter()
            .filter_map(|&prefix| {
                let key = (bits & mask128(prefix), prefix);
                let start = self.ranges.partition_point(|&(b, p, _)| (b, p) < key);
                self.ranges[start..]
                    .iter()
                    .take_while(|&&(b, p, _)| (b, p) == key)
                    .map(|&(_, _, i)| i)
                    .find(|&i| self.entries[i].port_matches(port))
            })
            .min()
            .map(|i| &self.entries[i])
    }
}
