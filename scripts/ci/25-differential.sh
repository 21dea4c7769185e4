#!/usr/bin/env bash
# Differential tests at scale (tests/differential.rs): 120 000 generated URLs
# against Node's WHATWG `URL` (hosts) and ipaddr.js (classes of IP hosts),
# and 120 000 generated addresses against ipaddr.js's range(). Installs the
# Node side (tests/node, pinned by its package-lock.json) when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v node >/dev/null 2>&1; then
  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm) >/dev/null
fi
if [ ! -d tests/node/node_modules/ipaddr.js ]; then
  (cd tests/node && npm ci --no-audit --no-fund)
fi
echo "node $(node --version), ipaddr.js $(node -p "require('./tests/node/node_modules/ipaddr.js/package.json').version")"
cargo test --all-features --test differential -- --ignored --nocapture
