#!/usr/bin/env bash
# Short fuzz runs: every cargo-fuzz target for a few seconds from its seed
# corpus, so a regression in a property is caught on every change. The long
# runs are `scripts/fuzz-long`. Installs cargo-fuzz when missing; builds on
# stable Rust (no sanitizer).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${FUZZ_SECONDS:-20}"
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
(cd fuzz && cargo fuzz build -s none)
for target in $(cd fuzz && cargo fuzz list); do
  bash fuzz/run.sh "$target" "$seconds"
done
