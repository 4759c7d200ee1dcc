#!/usr/bin/env Rscript
# Times R `surveillance` farringtonFlexible (improved method, the benchmark's settings) on a
# sample of series, for the per-series speed ratio in BENCHMARKS.md.
# Usage: Rscript r-farrington-timing.R SAMPLE.csv FROM TO OUT.csv
# SAMPLE.csv: series_id, week_index, count. Prints "elapsed_seconds cpu_seconds series_count"
# (CPU = user + system time of the R process during the loop, without reading the data).
suppressPackageStartupMessages(library(surveillance))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
from <- as.integer(args[2])
to <- as.integer(args[3])
ctrl <- list(range = from:to, b = 4, w = 3, reweight = TRUE, weightsThreshold = 2.58,
             pastWeeksNotIncluded = 26, noPeriods = 10, trend = TRUE, pThresholdTrend = 1,
             thresholdMethod = "nbPlugin", alpha = 0.005, limit54 = c(5, 4),
             powertrans = "2/3", glmWarnings = FALSE)
ids <- unique(d$series_id)
series <- lapply(ids, function(id) {
  sts(observed = matrix(d$count[d$series_id == id], ncol = 1), start = c(2018, 1),
      frequency = 52)
})
out <- vector("list", length(ids))
cpu <- function() { p <- proc.time(); p[["user.self"]] + p[["sys.self"]] }
t0 <- proc.time()[["elapsed"]]
c0 <- cpu()
for (i in seq_along(ids)) {
  res <- tryCatch(farringtonFlexible(series[[i]], control = ctrl), error = function(e) NULL)
  out[[i]] <- if (is.null(res)) {
    data.frame(series_id = ids[i], week_index = from:to, upperbound = NA, alarm = NA)
  } else {
    data.frame(series_id = ids[i], week_index = from:to, upperbound = upperbound(res)[, 1],
               alarm = as.integer(alarms(res)[, 1]))
  }
}
elapsed <- proc.time()[["elapsed"]] - t0
cpu_seconds <- cpu() - c0
write.csv(do.call(rbind, out), args[4], row.names = FALSE)
cat(sprintf("%.6f %.6f %d\n", elapsed, cpu_seconds, length(ids)))
