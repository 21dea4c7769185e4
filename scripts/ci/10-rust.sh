#!/usr/bin/env bash
# Formatting, lints, and every Rust test (unit, integration, doc, property).
set -euo pipefail
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt --all -- --check
# The generated GitLab tables must be what the generator makes of the
# committed reference copies (tests/data/reference) and the overlay.
python3 scripts/gen-gitlab-data.py --no-copy >/dev/null
git diff --exit-code -- src/data/
cargo clippy --all-targets --all-features -- -D warnings
cargo test --all-features
# Benches must keep compiling; they are run by hand (`cargo bench`).
cargo bench --no-run --all-features
