#!/usr/bin/env bash
# WHATWG host differential: record what Node's own `URL` (ada) makes of every
# host in the generated corpus, then check duo-selfhosted's parser agrees
# (tests/host.rs; explained disagreements are listed there). Node 20 is the
# reference; no npm packages are needed.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v node >/dev/null 2>&1; then
  echo "node not found; installing nodejs"
  (apt-get update && apt-get install -y nodejs) >/dev/null
fi
echo "node $(node --version)"
live=$(mktemp)
trap 'rm -f "$live"' EXIT
node scripts/url-differential/corpus.mjs > "$live"
echo "corpus: $(($(wc -l < "$live") - 2)) hosts"
if cmp -s "$live" tests/data/whatwg-hosts.json; then
  echo "tests/data/whatwg-hosts.json is current for this Node"
else
  echo "note: this Node answers differently from tests/data/whatwg-hosts.json (recorded with Node v20.20.2); checking against the live answers"
fi
DUO_WHATWG_CORPUS="$live" cargo test --all-features --test host -- --nocapture agrees_with_node_whatwg_url invalid_hosts_never_classify_as_public
