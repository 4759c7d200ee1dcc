#!/usr/bin/env bash
# The analysts' desk under load (BENCHMARKS.md, "Dashboard"): starts `safety-monitor serve`
# (release build) on the demo store and runs wrk (Debian `wrk`) with 50 concurrent
# connections against the overview, a buurt page, a wijk page and the flags API. Prints
# wrk's latency distribution for each, and the first (uncached) request of each page.
#
#   Benchmarks/dashboard-wrk.sh [SECONDS] [CONNECTIONS]     (default 20 and 50)
#
# env: BIN (default .build-release/release/safety-monitor, built when missing),
#      PIPELINE (default pipelines/demostad.yaml). The demo store must exist (`make demo`);
#      the script runs it when it does not. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
connections=${2:-50}
BIN=${BIN:-.build-release/release/safety-monitor}
PIPELINE=${PIPELINE:-pipelines/demostad.yaml}
command -v wrk >/dev/null 2>&1 || { echo "error: wrk is needed (apt-get install -y wrk)" >&2; exit 69; }
command -v curl >/dev/null 2>&1 || { echo "error: curl is needed" >&2; exit 69; }
[ -x "$BIN" ] || swift build -c release --product safety-monitor --scratch-path .build-release
[ -f state/demostad/store.sqlite ] || make demo

. scripts/lib/start-desk.sh
start_desk "$BIN" "$PIPELINE"

# The most severe open flag's buurt (the page an analyst opens first) and its wijk.
flag=$(curl -fsS "$base/api/flags" | grep -o '"id":"[0-9A-Z]\{8\}"' | head -1 | cut -d'"' -f4)
area=$(curl -fsS "$base/api/flags/$flag" | grep -o '"area":{"code":"[A-Z0-9]*"' | head -1 | cut -d'"' -f6)
[ -n "$area" ] || { echo "error: the demo store has no flags" >&2; exit 1; }
pages=("overview /" "buurt /areas/$area" "flags-api /api/flags")
if [[ $area == BU* ]]; then pages+=("wijk /areas/WK${area:2:6}"); fi

echo "desk at $base; binary $BIN; $(nproc) cores; wrk ${seconds}s, $connections connections"
echo "(the flags API was already asked for above: its first request below is cached)"
for entry in "${pages[@]}"; do
  name=${entry%% *}
  path=${entry#* }
  first=$(curl -fsS -o /dev/null -w '%{time_total}' "$base$path")
  echo
  echo "== $name ($path): first request ${first}s"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$base$path" \
    | grep -E 'Latency|50%|75%|90%|99%|Requests/sec|requests in|Non-2xx|Socket errors'
done
