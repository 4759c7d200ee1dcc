#!/usr/bin/env bash
# The long crash-safety harness (docs/OPERATIONS.md, "Crash safety"): kills `safety-monitor
# run` with SIGKILL on the demo's six years of exports — at sampled crash points (moves by
# rename and by copy), at random moments, and twice in a row — and checks after each trial
# that a normal run leaves exactly what an uninterrupted run leaves.
#
#   scripts/crash-harness.sh [TRIALS_PER_KIND] [SEED]     (default 20 and 7)
#
# Needs the debug build (crash points are compiled into debug builds only). `make test`
# runs the short harness (every crash point of a small scenario, both kinds of move).
set -euo pipefail
cd "$(dirname "$0")/.."
trials="${1:-20}"
seed="${2:-7}"
swift build --build-tests
SAFETY_MONITOR_LONG_HARNESS="$trials" SAFETY_MONITOR_HARNESS_SEED="$seed" \
  swift test --skip-build --filter 'RunCommandCrashSafetyTests/theDemoSurvivesSampledTimedAndRepeatedKills' 2>&1 \
  | grep -E '✔|✘|crash harness|Issue|recorded' || true
