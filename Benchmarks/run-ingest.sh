#!/usr/bin/env bash
# The ingest benchmark (BENCHMARKS.md "Ingest"). One run measures, on the same generated
# national police export: the C ceiling (libcsv counting fields), CSVReader on one core,
# CSVReader on two cores (chunks split at safe record boundaries), and DuckDB read_csv.
#
# Usage: Benchmarks/run-ingest.sh [DATA_DIR] [ROWS] [REPEATS]
#   DATA_DIR  where the generated file lives (outside git; default /work/benchdata/ingest)
#   ROWS      rows to generate (default 10000000, about 1.7 GB)
#   REPEATS   runs per contestant; the best is reported (default 3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
data="${1:-/work/benchdata/ingest}"
rows="${2:-10000000}"
repeats="${3:-3}"
file="$data/politie_nl_${rows}.csv"

../scripts/install-deps.sh
swift build -c release --product GenerateExport >&2
swift build -c release --product IngestBench >&2
cc -O2 -o ceiling/csv_ceiling ceiling/csv_ceiling.c -lcsv
python3 -c 'import duckdb' 2>/dev/null || pip install duckdb >&2
mkdir -p "$data"
[ -f "$file" ] || .build/release/GenerateExport "$file" "$rows" 20240901
cat "$file" > /dev/null  # page cache warm for everyone

echo "machine: $(nproc) cores, $(uname -sr), load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
results="$(mktemp)"
for run in $(seq "$repeats"); do
  ceiling/csv_ceiling "$file" ';'
  .build/release/IngestBench single "$file"
  .build/release/IngestBench parallel "$file" 2
  python3 duckdb_read.py "$file" 1
  python3 duckdb_read.py "$file" 2
done | tee "$results" >&2
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 summarise.py "$results"
