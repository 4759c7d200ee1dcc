#!/usr/bin/env bash
# Pipeline-and-store benchmark (BENCHMARKS.md, "Pipeline and store").
#
#   Benchmarks/PipelineStore/run.sh [DATA]      (DATA default /work/benchdata/pipeline-national)
#
# 1. Generates the national-scale exports once (make-fixtures --scale national), outside git.
# 2. parse → normalise → aggregate (indicator × area × ISO week) of every record-level
#    export, against DuckDB doing the same group-by on the same files (SQL generated from
#    the same pipeline file); runs alternate, ROUNDS times, each under /usr/bin/time -v.
# 3. The full path into a fresh store (every export, both shapes).
# 4. An incremental run: the 6-year demo store plus one new weekly export.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DATA=${1:-/work/benchdata/pipeline-national}
ROUNDS=${ROUNDS:-3}
BENCH=Benchmarks/PipelineStore/.build/release/pipeline-bench

swift build -c release --package-path Benchmarks/PipelineStore >/dev/null
if [ ! -d "$DATA/exports" ]; then
  swift build -c release --product make-fixtures >/dev/null
  .build/release/make-fixtures --scale national --out "$DATA"
fi
# The demo pipeline, pointed at the national registry and a state folder beside the data.
sed -e "s#\.\./fixtures/demostad/#$DATA/#g" -e "s#^state: .*#state: $DATA/state#" \
  pipelines/demostad.yaml > "$DATA/pipeline.yaml"
# DuckDB cannot read Windows-1252 (0x80 = € is not Latin-1) without a downloaded
# extension: it gets UTF-8 copies of those exports (conversion not timed), links to the rest.
rm -rf "$DATA/duckdb-input" && mkdir -p "$DATA/duckdb-input"
for f in "$DATA"/exports/*; do
  n=$(basename "$f")
  case "$n" in
    stadswonen_*) iconv -f WINDOWS-1252 -t UTF-8 "$f" > "$DATA/duckdb-input/$n" ;;
    *) ln -s "$f" "$DATA/duckdb-input/$n" ;;
  esac
done
$BENCH sql "$DATA/pipeline.yaml" "$DATA/duckdb-input" utf8 > "$DATA/groupby.sql"

measure() {  # label, command...
  local label=$1; shift
  /usr/bin/time -v "$@" > /tmp/pipeline-bench.out 2> /tmp/pipeline-bench.time
  local wall cpu rss
  wall=$(grep "Elapsed (wall clock)" /tmp/pipeline-bench.time | awk '{print $NF}')
  cpu=$(awk '/User time|System time/ {s += $NF} END {printf "%.2f", s}' /tmp/pipeline-bench.time)
  rss=$(grep "Maximum resident" /tmp/pipeline-bench.time | awk '{print $NF}')
  echo "$label  wall $wall  cpu ${cpu}s  maxrss ${rss}KB  load $(cut -d' ' -f1 /proc/loadavg)"
  sed 's/^/    /' /tmp/pipeline-bench.out
}

echo "== parse → normalise → aggregate ($(nproc) cores)"
for i in $(seq "$ROUNDS"); do
  measure "safety-monitor" "$BENCH" aggregate "$DATA/pipeline.yaml" "$DATA/exports"
  measure "duckdb        " python3 Benchmarks/PipelineStore/duckdb_groupby.py "$DATA/groupby.sql"
done

echo "== full path into a fresh store"
rm -rf "$DATA/state"
measure "store" "$BENCH" store "$DATA/pipeline.yaml" "$DATA/exports" "$DATA/state"

echo "== incremental: the demo store plus one new weekly export"
rm -rf /tmp/pipeline-bench-incremental
measure "incremental" "$BENCH" incremental pipelines/demostad.yaml fixtures/demostad/exports \
  /tmp/pipeline-bench-incremental mor_2024-W52.csv
