#!/usr/bin/env bash
# Formatting, lints, and every Rust test (unit, integration, doc, property).
set -euo pipefail
cd "$(dirname "$0")/../.."
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt --all -- --check
# The IDNA back end (idna-adapter/) is its own crate, patched in for
# idna_adapter; the root's tests (tests/idna_adapter.rs) test it.
cargo fmt --manifest-path idna-adapter/Cargo.toml -- --check
cargo clippy --manifest-path idna-adapter/Cargo.toml --target-dir target/idna-adapter --all-targets -- -D warnings
# The generated GitLab tables must be what the generator makes of the
# committed reference copies (tests/data/reference) and the overlay.
python3 scripts/gen-gitlab-data.py --no-copy >/dev/null
git diff --exit-code -- src/data/
# --all-targets type-checks the benches too, so they keep compiling; they are
# run by hand (`cargo bench`). Building them here (`cargo bench --no-run`)
# would compile the whole tree again with the release profile's fat LTO.
cargo clippy --locked --all-targets --all-features -- -D warnings
# Also builds the debug CLI (target/debug/duo-selfhosted) that the later
# steps use: they run `cargo test --all-features` too, so nothing is rebuilt.
cargo test --locked --all-features
