#!/usr/bin/env bash
# Short fuzz runs: every cargo-fuzz target for a few seconds from its seed
# corpus, so a regression in a property is caught on every change. The long
# runs are `scripts/fuzz-long`. Installs cargo-fuzz when missing; builds on
# stable Rust (no sanitizer). A libFuzzer run uses one core, so the targets
# run side by side, one per core (FUZZ_JOBS overrides): each still gets its
# FUZZ_SECONDS.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${FUZZ_SECONDS:-20}"
jobs="${FUZZ_JOBS:-$(nproc)}"
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
(cd fuzz && cargo fuzz build -s none)
# xargs exits non-zero when any run failed; fuzz/run.sh has printed why.
(cd fuzz && cargo fuzz list) | xargs -P "$jobs" -I{} bash fuzz/run.sh {} "$seconds"
