//! Peak heap memory of `validate` on the large configuration (the README's
//! "Performance" table): a counting allocator wraps the system allocator
//! and records the most bytes live at once during one call, above what was
//! live before it. Not a criterion bench (counting would skew the timings
//! of the others); `cargo bench --bench memory` prints one line per case.

use duo_selfhosted::allowlist::Allowlist;
use duo_selfhosted::config::{self, Config};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

mod fixture;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static CALLS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; the
// counters only observe the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        CALLS.fetch_add(1, Relaxed);
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
            PEAK.fetch_max(live, Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        CALLS.fetch_add(1, Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Peak bytes above the starting level, and allocation calls, during `f`.
fn measure<T>(f: impl FnOnce() -> T) -> (usize, usize, T) {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let calls = CALLS.load(Relaxed);
    let out = black_box(f());
    (PEAK.load(Relaxed) - base, CALLS.load(Relaxed) - calls, out)
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs it too.
    let doc = fixture::large_document();
    let decoded = Config::from_value(&doc);
    let Some(config) = decoded.config else {
        panic!("bench document does not decode: {:?}", decoded.diagnostics);
    };
    let (peak, calls, report) = measure(|| config::validate(&config));
    println!(
        "memory/validate, large configuration: peak {peak} B above the input ({:.1} KiB), {calls} allocations, {} diagnostics",
        peak as f64 / 1024.0,
        report.diagnostics.len()
    );
    let text = fixture::allowlist_text(1000);
    let (peak, calls, parsed) = measure(|| Allowlist::parse(&text));
    println!(
        "memory/allowlist parse, 1000 entries: peak {peak} B ({:.1} KiB), {calls} allocations, {} entries",
        peak as f64 / 1024.0,
        parsed.0.len()
    );
}
