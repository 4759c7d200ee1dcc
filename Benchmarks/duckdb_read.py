"""DuckDB's read_csv on the benchmark file: counts rows with all columns as text.

Usage: python3 duckdb_read.py FILE THREADS   (prints one JSON line like the others)
"""
import json
import sys
import time

import duckdb

path, threads = sys.argv[1], int(sys.argv[2])
con = duckdb.connect()
con.execute(f"SET threads = {threads}")
start = time.perf_counter()
(rows,) = con.execute(
    "SELECT count(*) FROM read_csv(?, delim=';', quote='\"', escape='\"', header=true, "
    "all_varchar=true)",
    [path],
).fetchone()
seconds = time.perf_counter() - start
print(json.dumps({"name": f"duckdb-{threads}-thread{'s' if threads > 1 else ''}",
                  "seconds": round(seconds, 3), "records": rows + 1,
                  "version": duckdb.__version__}))
