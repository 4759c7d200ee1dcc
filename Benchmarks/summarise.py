"""Best-of-N table with ratios, as Markdown, from the JSON lines of run-ingest.sh."""
import json
import sys

best = {}
size = None
for line in open(sys.argv[1]):
    line = line.strip()
    if not line.startswith("{"):
        continue
    r = json.loads(line)
    size = r.get("bytes", size)
    if r["name"] not in best or r["seconds"] < best[r["name"]]["seconds"]:
        best[r["name"]] = r

order = ["c-ceiling", "swift-1-core", "swift-2-cores", "duckdb-1-thread", "duckdb-2-threads"]
ceiling = best.get("c-ceiling", {}).get("seconds")
single = best.get("swift-1-core", {}).get("seconds")
print("| contestant | best time (s) | MB/s | records |")
print("|---|---:|---:|---:|")
for name in order + sorted(set(best) - set(order)):
    if name not in best:
        continue
    r = best[name]
    mbs = size / r["seconds"] / 1e6 if size else float("nan")
    print(f"| {name} | {r['seconds']:.3f} | {mbs:.0f} | {r['records']:,} |")
if ceiling and single:
    print(f"\nCSVReader, one core: {ceiling / single:.1%} of the C ceiling (target >= 90 %)")
two = best.get("swift-2-cores", {}).get("seconds")
if single and two:
    print(f"CSVReader, two cores: {single / two:.2f}x one core (target >= 1.7x)")
