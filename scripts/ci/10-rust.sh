#!/usr/bin/env bash
# Formatting, lints, and every Rust test (unit, integration, doc, property).
set -euo pipefail
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt --all -- --check
cargo clippy --all-targets --all-features -- -D warnings
cargo test --all-features
# Benches must keep compiling; they are run by hand (`cargo bench`).
cargo bench --no-run --all-features
