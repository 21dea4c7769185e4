#!/usr/bin/env bash
# Run one fuzz target for a while, starting from its committed seeds.
#
#   fuzz/run.sh TARGET SECONDS [more libFuzzer options]
#
# The working corpus (fuzz/corpus/TARGET, gitignored) is seeded from
# fuzz/seeds/TARGET and keeps growing between runs. The full libFuzzer log
# goes to fuzz/logs/TARGET.log; the last line printed is a summary:
#   TARGET: N executions in S s, corpus C inputs, crashes K
# A crash leaves its input under fuzz/artifacts/TARGET/ and makes this
# script fail (turn it into a regression test under tests/, see
# fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")"
target=$1
seconds=$2
shift 2
mkdir -p "corpus/$target" "artifacts/$target" logs
if [ -d "seeds/$target" ]; then
  cp -n "seeds/$target"/* "corpus/$target/" 2>/dev/null || true
fi
dicts=()
if [ -f "dicts/$target.dict" ]; then
  dicts=("-dict=dicts/$target.dict")
fi
log="logs/$target.log"
status=0
# -s none: no sanitizer, so it builds on stable Rust; the targets assert
# their properties with panics, which libFuzzer reports as crashes.
cargo fuzz run -s none "$target" "corpus/$target" -- \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  "${dicts[@]}" "$@" >"$log" 2>&1 || status=$?
runs=$(grep -o '^stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
corpus=$(find "corpus/$target" -type f | wc -l)
crashes=$(find "artifacts/$target" -type f | wc -l)
echo "$target: $runs executions in $seconds s, corpus $corpus inputs, crashes $crashes"
if [ "$status" -ne 0 ]; then
  echo "---- $target failed (exit $status); end of $log:" >&2
  grep -v '^#[0-9]' "$log" | tail -40 >&2
  exit "$status"
fi
