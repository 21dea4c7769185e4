//! The tables' one format: a value per code point, in runs. Each run is two
//! LEB128 numbers, its length and its value; the runs cover 0..=U+10FFFF in
//! order. A block index (every 16th run's first code point and its place
//! in the bytes) bounds the reading to 16 runs.

pub(crate) struct RunTable {
    pub(crate) runs: &'static [u8],
    pub(crate) block_starts: &'static [u32],
    pub(crate) block_offsets: &'static [u16],
}

/// Reads one LEB128 number; the tables' test checks that every read stays
/// inside the table.
fn varint(bytes: &[u8], at: &mut usize) -> u32 {
    let mut value = 0u32;
    let mut shift = 0;
    while let Some(&byte) = bytes.get(*at) {
        *at += 1;
        value |= u32::from(byte & 0x7F) << shift;
        if byte & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    value
}

impl RunTable {
    /// The value of the run `c` is in, and how far into the run `c` is.
    pub(crate) fn find(&self, c: char) -> (u32, u32) {
        let cp = c as u32;
        let block = self
            .block_starts
            .partition_point(|&start| start <= cp)
            .saturating_sub(1);
        let mut start = self.block_starts.get(block).copied().unwrap_or(0);
        let mut at = usize::from(self.block_offsets.get(block).copied().unwrap_or(0));
        while at < self.runs.len() {
            let len = varint(self.runs, &mut at);
            let value = varint(self.runs, &mut at);
            if cp - start < len {
                return (value, cp - start);
            }
            start += len;
        }
        (0, 0)
    }

    pub(crate) fn value(&self, c: char) -> u32 {
        self.find(c).0
    }
}
