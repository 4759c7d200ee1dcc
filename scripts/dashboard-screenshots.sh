#!/usr/bin/env bash
# Starts the analysts' desk on the demo store, opens every page in headless Chromium
# (Debian `chromium`) and checks it:
#   - the page renders (its DOM has an <h1> and the closing </html>);
#   - the console stays silent: any console message fails the check — script errors and
#     Content-Security-Policy violations (anything loaded from elsewhere, any script or
#     style the policy does not allow);
# then saves a screenshot of what an analyst sees (1280 px wide). It also checks that the
# desk refuses a foreign Host header (DNS rebinding) and that a form post without its CSRF
# token changes nothing.
#
# usage: scripts/dashboard-screenshots.sh [OUTDIR]     (default out/dashboard-screenshots)
# env:   BIN (default .build/debug/safety-monitor), PIPELINE (default pipelines/demostad.yaml)
# The demo store must exist (`make demo`); the script runs it when it does not.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/dashboard-screenshots}
BIN=${BIN:-.build/debug/safety-monitor}
PIPELINE=${PIPELINE:-pipelines/demostad.yaml}
browser=""
for b in chromium chromium-browser google-chrome; do
  command -v "$b" >/dev/null 2>&1 && { browser=$b; break; }
done
[ -n "$browser" ] || { echo "error: no chromium found (apt-get install -y chromium)" >&2; exit 69; }
command -v curl >/dev/null 2>&1 || { echo "error: curl is needed" >&2; exit 69; }
[ -x "$BIN" ] || swift build --product safety-monitor
[ -f state/demostad/store.sqlite ] || make demo
mkdir -p "$out"

. scripts/lib/start-desk.sh
start_desk "$BIN" "$PIPELINE"
echo "desk at $base"

# Pages: the overview (Dutch and English), the data page, the most severe flag, its area
# and that area's wijk, a quiet buurt, and a page that does not exist.
flag=$(curl -fsS "$base/api/flags" | grep -o '"id":"[0-9A-Z]\{8\}"' | head -1 | cut -d'"' -f4)
[ -n "$flag" ] || { echo "error: the demo store has no flags" >&2; exit 1; }
area=$(curl -fsS "$base/api/flags/$flag" | grep -o '"area":{"code":"[A-Z0-9]*"' | head -1 | cut -d'"' -f6)
pages=("overview /" "overview-en /?lang=en" "data /data" "flag /flags/$flag"
  "area /areas/$area" "not-found /areas/BU00000000")
if [[ $area == BU* ]]; then pages+=("wijk /areas/WK${area:2:6}"); fi

flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
  --disable-extensions --disable-background-networking)
status=0
for entry in "${pages[@]}"; do
  name=${entry%% *}
  path=${entry#* }
  url="$base$path"
  console=$(mktemp)
  dom=$(timeout 120 "$browser" "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "$url" 2>"$console" || true)
  if grep -q ":CONSOLE" "$console"; then
    echo "FAIL $path: console messages:" >&2
    grep ":CONSOLE" "$console" | sed 's/^/  /' >&2
    status=1
  elif ! grep -q "<h1" <<<"$dom" || ! grep -q "</html>" <<<"$dom"; then
    echo "FAIL $path: the page did not render" >&2
    status=1
  else
    echo "ok   $path: rendered, no console messages"
  fi
  rm -f "$console"
  timeout 120 "$browser" "${flags[@]}" --window-size=1280,2000 \
    --screenshot="$out/$name.png" "$url" >/dev/null 2>&1 || true
done

# A foreign Host header (DNS rebinding) is refused without sign-in.
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: evil.example' "$base/")
if [ "$code" = 421 ]; then echo "ok   Host: evil.example refused (421)"; else
  echo "FAIL Host: evil.example answered $code" >&2; status=1; fi
# A review posted without the CSRF token is refused and records nothing.
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/x-www-form-urlencoded' \
  --data 'action=acknowledged&note=x&by=x' "$base/flags/$flag/review")
if [ "$code" = 403 ]; then echo "ok   review without CSRF token refused (403)"; else
  echo "FAIL review without CSRF token answered $code" >&2; status=1; fi
echo "screenshots in $out"
exit $status
