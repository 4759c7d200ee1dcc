#!/usr/bin/env python3
"""Runs the benchmark's group-by in DuckDB: the SQL that `pipeline-bench sql` generates.

Usage: duckdb_groupby.py QUERY.sql [THREADS]
Prints cells, counted, seconds. Peak memory: run under /usr/bin/time -v.
"""
import sys, time
import duckdb

sql = open(sys.argv[1], encoding="utf-8").read()
con = duckdb.connect()
if len(sys.argv) > 2:
    con.execute(f"SET threads = {int(sys.argv[2])}")
statements = [s for s in sql.split(";\n") if s.strip()]
start = time.perf_counter()
for s in statements[:-1]:
    con.execute(s)
cells, counted = con.execute(statements[-1]).fetchone()
elapsed = time.perf_counter() - start
print(f"cells: {cells}  counted: {counted}  seconds: {elapsed:.3f}")
