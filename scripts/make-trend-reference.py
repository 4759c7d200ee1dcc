#!/usr/bin/env python3
"""Reference for the Mann-Kendall / Theil-Sen implementation (Sources/Detection/MannKendall.swift).

Writes seeded series and what PyPI `pymannkendall` (1.4.3) `original_test` returns for them:

    pip install pymannkendall==1.4.3 numpy
    python3 scripts/make-trend-reference.py [OUTDIR [SEED]]

OUTDIR defaults to fixtures/reference, SEED to 20240611 (the committed set); another seed draws
other series of the same design (docs/DETECTION.md, "Checking other series").

Files: trend-series.csv (series_id, position, value; NA = missing) and trend-reference.csv
(series_id, n, s, var_s, z, p, tau, slope, intercept, trend, h). The Swift tests read them;
CI has no Python packages.
"""
import csv
import os
import sys

import numpy as np
import pymannkendall as mk

outdir = sys.argv[1] if len(sys.argv) > 1 else "fixtures/reference"
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20240611
os.makedirs(outdir, exist_ok=True)
rng = np.random.default_rng(seed)

series = []


def add(sid, values):
    series.append((sid, np.asarray(values, dtype=float)))


# counts with many ties: low means, with and without trend, window lengths as used
for i, (n, mean, slope) in enumerate(
    [(8, 0.5, 0), (12, 1, 0.1), (26, 2, 0), (26, 3, 0.08), (52, 0.3, 0), (52, 4, -0.04),
     (52, 10, 0.05), (104, 1.5, 0.01), (104, 25, -0.002), (13, 6, 0.3), (20, 0.1, 0),
     (30, 8, 0), (40, 2.5, 0.05), (52, 50, 0.3), (104, 200, 0.5), (6, 3, 0)]):
    t = np.arange(n)
    lam = np.maximum(mean + slope * t, 0.01)
    add(f"T{i:02d}", rng.poisson(lam))
# continuous values (no ties), strong and weak trends
for i, (n, slope, sd) in enumerate([(10, 1, 1), (24, 0.2, 1), (52, 0, 1), (52, -0.05, 1),
                                    (104, 0.01, 0.5), (7, 2, 0.1), (35, -0.3, 3)]):
    add(f"C{i:02d}", slope * np.arange(n) + rng.normal(0, sd, n))
# rates per 1,000 (ties from rounding) and indices
for i in range(6):
    n = int(rng.integers(10, 60))
    add(f"R{i:02d}", np.round(rng.gamma(3, 2, n) + 0.05 * i * np.arange(n), 1))
# edge cases: constant, all zero, two points, monotone, one change, missing values
add("E00", [3.0] * 10)
add("E01", [0.0] * 26)
add("E02", [1.0, 2.0])
add("E03", [5.0, 1.0])
add("E04", list(range(20)))
add("E05", list(range(30, 0, -1)))
add("E06", [0] * 15 + [1] * 15)
add("E07", [1, 2, np.nan, 4, 5, np.nan, 7, 3, 9, 10])
add("E08", [np.nan, 0, 0, 1, np.nan, 2, 2, 2, 5, np.nan, 6, 8])
add("E09", [2, 2, 2, 3, 3, 1, 1, 1, 1, 4, 4, 4, 4, 4])
for i in range(8):
    n = int(rng.integers(15, 80))
    v = rng.poisson(2 + 0.03 * np.arange(n)).astype(float)
    v[rng.random(n) < 0.15] = np.nan
    add(f"G{i:02d}", v)


def fmt(x):
    if isinstance(x, (bool, np.bool_)):
        return "1" if x else "0"
    if x is None or (isinstance(x, float) and np.isnan(x)):
        return "NA"
    return repr(float(x))


with open(os.path.join(outdir, "trend-series.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["series_id", "position", "value"])
    for sid, v in series:
        for p, x in enumerate(v):
            w.writerow([sid, p, "NA" if np.isnan(x) else repr(float(x))])

with open(os.path.join(outdir, "trend-reference.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["series_id", "n", "s", "var_s", "z", "p", "tau", "slope", "intercept", "trend",
                "h"])
    for sid, v in series:
        r = mk.original_test(v, alpha=0.05)
        n = int(np.sum(~np.isnan(v)))
        w.writerow([sid, n, fmt(r.s), fmt(r.var_s), fmt(r.z), fmt(r.p), fmt(r.Tau),
                    fmt(r.slope), fmt(r.intercept), r.trend, fmt(r.h)])

print(f"{len(series)} series, pymannkendall {mk.__version__}")
