#!/usr/bin/env bash
# The crate as crates.io and docs.rs get it: the API docs build without a
# warning (without features, with all of them, and as docs.rs builds them,
# with `--cfg docsrs`), and `cargo publish --dry-run` packages the crate (the
# `include` list in Cargo.toml) and builds it from the packaged files alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --all-features
# docs.rs uses a nightly rustdoc; RUSTC_BOOTSTRAP=1 lets the stable one
# accept `feature(doc_cfg)` (as pkg/scripts/build.mjs does for -Zbuild-std).
# It is set for rustdoc alone, through a wrapper: set for cargo, it would
# reach the build scripts of proc-macro2 and thiserror, which watch it, and
# every crate built on them would be rebuilt, here and in the next steps.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '#!/bin/sh\nRUSTC_BOOTSTRAP=1 exec rustdoc "$@"\n' > "$tmp/rustdoc"
chmod +x "$tmp/rustdoc"
RUSTDOC="$tmp/rustdoc" RUSTDOCFLAGS="-D warnings --cfg docsrs" cargo doc --locked --no-deps --all-features
log="$tmp/publish.log"
cargo publish --locked --dry-run --allow-dirty 2>&1 | tee "$log"
# Tests and benches stay in the repository, so Cargo drops their targets from
# the published manifest and says so; after a run of the npm step, the Vite
# test apps' links back to pkg/ (pkg/test-output, ignored by git) make Cargo
# note a file system loop. Any other warning (a missing metadata field, say)
# fails the step.
if grep '^warning:' "$log" | grep -vE '^warning: (ignoring (test|benchmark) `[^`]+` as `(tests|benches)/[^`]+` is not included in the published package|aborting upload due to dry run|File system loop found: [^ ]*/pkg/test-output/[^ ]* points to an ancestor [^ ]*)$'; then
  echo "cargo publish --dry-run: unexpected warnings (above)" >&2
  exit 1
fi
