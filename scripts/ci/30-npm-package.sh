#!/usr/bin/env bash
# The npm package (pkg/): builds the crate to WebAssembly, then runs the Node
# tests (API, parity with the native CLI, Standard Schema, Vite build,
# Chromium, the packed tarball installed elsewhere), the TypeScript check,
# the size budget, and publint and attw on the tarball. Installs what a fresh
# machine lacks: the wasm32 target, the pinned wasm-bindgen CLI, the npm dev
# dependencies (binaryen's wasm-opt, Vite, TypeScript, playwright-core,
# publint, attw), Debian's Chromium, and the toolchain's rust-src component.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
# The package's build rebuilds the standard library for size, from the
# toolchain's own source (pkg/scripts/build.mjs).
if ! rustup component list --installed | grep -q '^rust-src'; then
  rustup component add rust-src
fi

# The CLI must be exactly the version Cargo.lock pins for the crate.
pinned=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $pinned" ]; then
  cargo install wasm-bindgen-cli --version "$pinned"
fi

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
fi

# The bindings must be lint-clean too (they only compile for wasm32), with
# the default features (the whole package) and without them (the URL-only
# entry point, duo-selfhosted/url).
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features wasm-url -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features plan -- -D warnings

# The native CLI the parity test compares against: the debug build that
# `cargo test --all-features` makes (scripts/ci/10-rust.sh ran it, so this
# builds nothing then; `cargo build --features cli` would rebuild the crate,
# because the dev-dependencies change serde_json's features).
cargo test --locked --all-features --no-run
export DUO_CLI="${CARGO_TARGET_DIR:-$PWD/target}/debug/duo-selfhosted"

cd pkg
# npm ci starts from an empty node_modules; skip it when node_modules was
# installed from this very lock file.
if ! cmp -s package-lock.json node_modules/.installed-from-lock 2>/dev/null; then
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.installed-from-lock
fi
node scripts/build.mjs
# The budgets (pkg/README.md, "Size"): the whole package at most 185,000 B
# gzipped, duo-selfhosted/url's first load at most 100,000 B; CI fails
# above either.
node scripts/size.mjs
node_modules/.bin/tsc --noEmit -p test/tsconfig.json
# The table of pkg/README.md ("Size") is regenerated: every variant it names
# is built and measured (about 4 minutes), and CI fails if the committed
# table is not what was measured (scripts/size-floor --update rewrites it).
(cd .. && bash scripts/size-floor --verify)

# The tarball users get: publint and Are the Types Wrong check it, and
# test/packed.test.mjs installs it into a fresh directory. attw: the package
# is ESM only, so the CommonJS resolutions are not asked for; the .wasm
# subpath is an asset for bundlers, not a module with types.
packed=$(mktemp -d)
trap 'rm -rf "$packed"' EXIT
tarball="$packed/$(npm pack --ignore-scripts --pack-destination "$packed" --json | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8"))[0].filename)')"
node_modules/.bin/publint run --strict "$tarball"
node_modules/.bin/attw "$tarball" --profile esm-only --exclude-entrypoints ./duo_selfhosted_bg.wasm ./duo_selfhosted_url_bg.wasm ./duo_selfhosted_plan_bg.wasm --no-color
export DUO_PACKED_TARBALL="$tarball"
node --test test/*.test.mjs
