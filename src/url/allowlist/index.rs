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

/// Sort (hash, index) pairs by hash, then by the text each index stands
/// for, then by index. One non-generic body for every caller (the text
/// splitter and the domain index), so the wasm build carries one instance
/// of the standard sort for both.
#[inline(never)]
pub(super) fn sort_by_hashed_text<'a>(order: &mut [(u64, usize)], text: &dyn Fn(usize) -> &'a str) {
    order.sort_unstable_by(|&(ha, a), &(hb, b)| {
        ha.cmp(&hb)
            .then_with(|| text(a).cmp(text(b)))
            .then(a.cmp(&b))
    });
}

fn mask128(prefix: u8) -> u128 {
    if prefix == 0 {
        0
    } else {
        u128::MAX << (128 - u32::from(prefix))
    }
}

fn mapped(ip: IpAddr) -> u128 {
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
                Target::Domain => domains.push((text_hash(&entry.value), i)),
                Target::Ip { base, prefix } => ranges.push((base, prefix, i)),
            }
        }
        sort_by_hashed_text(&mut domains, &|i| entries[i].value.as_str());
        ranges.sort_unstable();
        let mut prefixes: Vec<u8> = ranges.iter().map(|&(_, prefix, _)| prefix).collect();
        prefixes.sort_unstable();
        prefixes.dedup();
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
            Target::Domain => {
                let key = (text_hash(&entry.value), entry.value.as_str());
                let at = self
                    .domains
                    .partition_point(|&(h, j)| (h, self.entries[j].value.as_str()) <= key);
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
        let key = (text_hash(host), host);
        let start = self.domains.partition_point(|&(h, i)| {
            (h, self.entries[i].value.as_str()).cmp(&key) == Ordering::Less
        });
        self.domains[start..]
            .iter()
            .take_while(|&&(h, _)| h == key.0)
            .map(|&(_, i)| &self.entries[i])
            .take_while(|e| e.value == host)
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
