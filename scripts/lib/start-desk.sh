# Sourced by the scripts that need the analysts' desk running on the demo store
# (scripts/dashboard-screenshots.sh, Benchmarks/dashboard-wrk.sh).
#
#   start_desk BIN PIPELINE
#
# starts `BIN serve PIPELINE` on a free loopback port, stops it when the calling script
# exits, and sets `base` (the desk's URL, without a trailing slash) and `server` (its pid).
start_desk() {
  local bin=$1 pipeline=$2
  desk_log=$(mktemp)
  "$bin" serve "$pipeline" --port 0 >"$desk_log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$desk_log"' EXIT
  base=""
  for _ in $(seq 1 100); do
    base=$(sed -n 's/^SafetyMonitor: \(http[^ ]*\).*/\1/p' "$desk_log" | head -1)
    [ -n "$base" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$desk_log" >&2; exit 1; }
    sleep 0.2
  done
  [ -n "$base" ] || { echo "error: the server did not start" >&2; cat "$desk_log" >&2; exit 1; }
  base=${base%/}
}
