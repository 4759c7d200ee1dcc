#!/usr/bin/env bash
# Builds the libFuzzer harness (ASan) and fuzzes the CSV reader.
# Usage: Fuzz/run.sh [seconds]   (default 600). See docs/FUZZING.md.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
swift build -c release -Xswiftc -sanitize=fuzzer,address
mkdir -p corpus-work artifacts
cp -n corpus/* corpus-work/ 2>/dev/null || true
export SWIFT_BACKTRACE=enable=no
exec .build/release/FuzzCSVReader corpus-work -max_len=4096 -timeout=10 \
  -max_total_time="$seconds" -artifact_prefix=artifacts/ -print_final_stats=1
