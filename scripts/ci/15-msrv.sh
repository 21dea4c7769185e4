#!/usr/bin/env bash
# The minimum supported Rust version (`rust-version` in Cargo.toml, README
# "Minimum Rust version"): the library, natively and for wasm32, and the
# CLI with every feature must build with that toolchain and the locked
# dependencies. Tests and benches are not part of the promise. Installs the
# toolchain (minimal profile) and its wasm32 target when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
msrv=$(sed -n 's/^rust-version = "\(.*\)"$/\1/p' Cargo.toml)
if [ -z "$msrv" ]; then
  echo "no rust-version in Cargo.toml" >&2
  exit 1
fi
if ! rustup toolchain list | grep -q "^$msrv-"; then
  rustup toolchain install "$msrv" --profile minimal
fi
if ! rustup target list --toolchain "$msrv" --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown --toolchain "$msrv"
fi
echo "MSRV $(rustup run "$msrv" rustc --version)"
# Its own target directory, removed afterwards: nothing later reuses a
# build made by another toolchain, and the disk may be small.
export CARGO_TARGET_DIR="$PWD/target/msrv"
trap 'rm -rf "$CARGO_TARGET_DIR"' EXIT
cargo "+$msrv" check --locked --lib
# The CLI with every feature (`cli` and any feature built on it).
cargo "+$msrv" check --locked --all-features --bins
cargo "+$msrv" check --locked --lib --target wasm32-unknown-unknown
