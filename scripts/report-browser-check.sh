#!/usr/bin/env bash
# Opens report HTML files in headless Chromium (Debian `chromium`) and checks them:
#   - the page renders (the DOM has the report's <h1> and its closing </html>);
#   - the console stays silent: any console message fails the check — script errors, and
#     Content-Security-Policy violations, which is what any attempt to load something from
#     the network or to run a script would produce;
# then saves what a reader sees: a screenshot of the screen view (1280 px wide) and, with
# pdftoppm (Debian `poppler-utils`), every printed A4 page as a PNG.
#
# usage: scripts/report-browser-check.sh OUTDIR REPORT.html...
# e.g.   scripts/report-browser-check.sh docs/screenshots state/demostad/reports/report-2024Q4.html
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 OUTDIR REPORT.html..." >&2; exit 64; }
out=$1; shift
browser=""
for b in chromium chromium-browser google-chrome; do
  command -v "$b" >/dev/null 2>&1 && { browser=$b; break; }
done
[ -n "$browser" ] || { echo "error: no chromium found (apt-get install -y chromium)" >&2; exit 69; }
mkdir -p "$out"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
  --disable-extensions --disable-background-networking --no-pdf-header-footer)
status=0
for file in "$@"; do
  url="file://$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"
  name=$(basename "$file" .html)
  log=$(mktemp)
  dom=$(timeout 120 "$browser" "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "$url" 2>"$log")
  if grep -q ":CONSOLE" "$log"; then
    echo "FAIL $file: console messages:" >&2
    grep ":CONSOLE" "$log" | sed 's/^/  /' >&2
    status=1
  elif ! grep -q "<h1>" <<<"$dom" || ! grep -q "</html>" <<<"$dom"; then
    echo "FAIL $file: the page did not render" >&2
    status=1
  else
    echo "ok   $file: rendered, no console messages"
  fi
  rm -f "$log"
  timeout 120 "$browser" "${flags[@]}" --window-size=1280,2200 \
    --screenshot="$out/$name-screen.png" "$url" >/dev/null 2>&1
  timeout 120 "$browser" "${flags[@]}" --print-to-pdf="$out/$name.pdf" "$url" >/dev/null 2>&1
  if command -v pdftoppm >/dev/null 2>&1; then
    pdftoppm -r 60 -png "$out/$name.pdf" "$out/$name-page"
    echo "     $(ls "$out/$name"-page*.png | wc -l) printed A4 pages in $out/$name-page-*.png"
  fi
  rm -f "$out/$name.pdf"
done
exit $status
