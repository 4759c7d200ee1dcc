#!/usr/bin/env Rscript
# Conformance reference for the Detection module: seeded synthetic count series and what
# R `surveillance` (Debian r-cran-surveillance 1.20.3, R 4.2.2) computes on them.
#
# Usage:  Rscript scripts/make-reference.R [OUTDIR [SEED]]
#         OUTDIR defaults to fixtures/reference, SEED to 20240611 (the committed set). Another
#         seed draws other series of the same design, to check the algorithms on data they
#         were never tuned on (docs/DETECTION.md, "Checking other series").
#
# Writes
#   series.csv            series_id, frequency, time_index, count, population, planted
#   series_meta.csv       one row per series: generating parameters and evaluation range
#   reference-farrington.csv   farringtonFlexible variants (one row per series x variant x time)
#   reference-other.csv   earsC1/C2/C3, cusum (m = mean / glm), glrpois
#   run_log.csv           every warning and error the package raised
#   distributions.csv     R's qnorm/pnorm/qpois/ppois/qnbinom/pnbinom/pt on a grid
# The Swift tests (Tests/DetectionTests/ConformanceTests.swift) read these files; CI has no R.
#
# The calls are the ones documented in docs/DETECTION.md. Each farringtonFlexible week is an
# independent computation; a range is evaluated in one call and, if the package refuses it
# (an error for one week aborts the whole call), week by week so that every refused week is
# recorded with its error message.

suppressPackageStartupMessages(library(surveillance))

args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args) >= 1) args[1] else "fixtures/reference"
seed <- if (length(args) >= 2) as.integer(args[2]) else 20240611L
if (is.na(seed)) stop("SEED must be an integer, got '", args[2], "'")
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)

set.seed(seed)
RNGkind("Mersenne-Twister", "Inversion", "Rejection")

# ---------------------------------------------------------------------------------------
# 1. Series
# ---------------------------------------------------------------------------------------

specs <- list()
add <- function(id, level, base, freq = 52, n = if (freq == 52) 312 else 96,
                amp = 0, phase = 0, slope = 0, noise = "poisson", size = NA,
                outbreaks = NULL, hist_outbreaks = NULL, zero_stretch = NULL,
                na_at = NULL, population = NA, eval_len = if (freq == 52) 52 else 24,
                start_year = 2018, note = "") {
  specs[[length(specs) + 1]] <<- list(
    id = id, level = level, base = base, freq = freq, n = n, amp = amp, phase = phase,
    slope = slope, noise = noise, size = size, outbreaks = outbreaks,
    hist_outbreaks = hist_outbreaks, zero_stretch = zero_stretch, na_at = na_at,
    population = population, eval_len = eval_len, start_year = start_year, note = note)
}
runif1 <- function(a, b) runif(1, a, b)

# zero-heavy (neighbourhood level): mostly zeros, occasional single counts
for (i in 1:6) {
  add(sprintf("Z%02d", i), "zero-heavy", base = c(0.05, 0.12, 0.2, 0.35, 0.5, 0.8)[i],
      amp = if (i %% 2 == 0) 0.5 else 0, phase = runif1(0, 2 * pi),
      outbreaks = if (i >= 3) list(c(312 - 20, 312 - 18, 6)) else NULL)
}
# low counts
for (i in 1:10) {
  add(sprintf("L%02d", i), "low", base = runif1(1, 4),
      amp = if (i %% 2 == 0) runif1(0.2, 0.6) else 0, phase = runif1(0, 2 * pi),
      slope = if (i %% 3 == 0) runif1(-0.2, 0.2) else 0,
      noise = if (i %% 4 == 0) "negbin" else "poisson", size = runif1(2, 6),
      outbreaks = if (i <= 7) list(c(312 - 30 + i, 312 - 28 + i, runif1(3, 6))) else NULL,
      hist_outbreaks = if (i %in% c(2, 5)) list(c(150, 154, 3)) else NULL,
      eval_len = if (i <= 2) 104 else 52)
}
# medium counts
for (i in 1:10) {
  add(sprintf("M%02d", i), "medium", base = runif1(5, 30),
      amp = if (i %% 2 == 1) runif1(0.2, 0.6) else 0, phase = runif1(0, 2 * pi),
      slope = if (i %% 3 != 0) runif1(-0.25, 0.25) else 0,
      noise = if (i %% 3 == 1) "negbin" else "poisson", size = runif1(4, 20),
      outbreaks = if (i <= 8) list(c(312 - 40 + 3 * i, 312 - 37 + 3 * i, runif1(1.8, 3))) else NULL,
      hist_outbreaks = if (i %in% c(1, 4, 7)) list(c(120 + i, 124 + i, 2.5)) else NULL,
      eval_len = if (i <= 2) 104 else 52)
}
# high counts
for (i in 1:8) {
  add(sprintf("H%02d", i), "high", base = exp(runif1(log(100), log(1000))),
      amp = if (i %% 2 == 0) runif1(0.2, 0.7) else 0.05, phase = runif1(0, 2 * pi),
      slope = runif1(-0.15, 0.15), noise = if (i %% 2 == 1) "negbin" else "poisson",
      size = runif1(15, 60),
      outbreaks = if (i <= 6) list(c(312 - 25 + i, 312 - 22 + i, runif1(1.3, 2))) else NULL,
      hist_outbreaks = if (i %in% c(3, 6)) list(c(170, 175, 1.8)) else NULL)
}
# very high counts
add("V01", "very-high", base = 5000, amp = 0.3, phase = 1, slope = 0.05, noise = "negbin",
    size = 80, outbreaks = list(c(300, 303, 1.4)))
add("V02", "very-high", base = 12000, amp = 0, slope = -0.03, noise = "poisson")
# strong over-dispersion
for (i in 1:5) {
  add(sprintf("D%02d", i), "overdispersed", base = c(0.8, 2, 6, 20, 80)[i],
      amp = runif1(0, 0.5), phase = runif1(0, 2 * pi), noise = "negbin",
      size = c(0.4, 0.7, 1, 1.5, 2.5)[i],
      outbreaks = list(c(300 - i, 302 - i, 4)))
}
# all zeros, zero stretches, cases only recently
add("X01", "all-zero", base = 0, note = "every count is zero")
add("X02", "zero-baseline", base = 0, outbreaks = list(c(290, 312, 1)),
    note = "zero until week 289, then Poisson(3)")
add("X03", "zero-stretch", base = 3, zero_stretch = c(60, 230), amp = 0.3,
    note = "weeks 60..230 all zero (reporting gap)")
add("X04", "zero-stretch", base = 12, zero_stretch = c(150, 200), slope = 0.1,
    note = "weeks 150..200 all zero")
add("X05", "single-case", base = 0, note = "zero except one case in week 100")
# short histories (series shorter than 312 weeks; last 52 weeks evaluated)
add("S01", "short", base = 4, n = 120, amp = 0.3)
add("S02", "short", base = 9, n = 170, noise = "negbin", size = 5)
add("S03", "short", base = 2.5, n = 214, outbreaks = list(c(205, 207, 4)))
add("S04", "short", base = 25, n = 265, slope = 0.2)
# 53-week years: weeks start at ISO 2015-W01 (2015 and 2020 have 53 ISO weeks)
add("Y01", "medium", base = 15, n = 312, amp = 0.5, phase = 0.5, start_year = 2015,
    note = "starts 2015-W01; 2015 and 2020 have 53 weeks")
add("Y02", "low", base = 3, n = 312, amp = 0.7, phase = 2, start_year = 2015,
    outbreaks = list(c(280, 282, 4)))
# population offset
for (i in 1:4) {
  add(sprintf("P%02d", i), "population", base = c(2, 8, 30, 150)[i], amp = 0.3,
      phase = runif1(0, 2 * pi), population = c(8000, 25000, 60000, 300000)[i],
      slope = 0, noise = if (i %% 2 == 0) "negbin" else "poisson", size = 10,
      outbreaks = list(c(295, 297, 2.5)))
}
# missing values (NA counts)
add("N01", "missing", base = 6, amp = 0.4, na_at = c(30:33, 180, 290, 300:301))
add("N02", "missing", base = 40, noise = "negbin", size = 15, na_at = c(140:160, 311))
# monthly series (frequency 12, 96 months, last 24 evaluated)
for (i in 1:8) {
  add(sprintf("MO%d", i), c("low", "low", "medium", "medium", "high", "high",
                            "zero-heavy", "overdispersed")[i],
      freq = 12, base = c(3, 6, 25, 60, 400, 1500, 0.4, 20)[i],
      amp = if (i %% 2 == 0) 0.5 else 0.15, phase = runif1(0, 2 * pi),
      slope = if (i %in% c(3, 6)) 0.1 else 0,
      noise = if (i %in% c(2, 6, 8)) "negbin" else "poisson", size = c(5, 5, 5, 5, 30, 30, 5, 1)[i],
      outbreaks = if (i != 7) list(c(90, 91, 2.5)) else NULL)
}

iso_week1_monday <- function(year) {
  jan4 <- as.Date(sprintf("%d-01-04", year))
  jan4 - (as.integer(format(jan4, "%u")) - 1)
}

make_series <- function(sp) {
  n <- sp$n
  t <- seq_len(n)
  if (sp$freq == 52) {
    days <- as.numeric(iso_week1_monday(sp$start_year) + 7 * (t - 1) - as.Date("2018-01-01"))
    season <- exp(sp$amp * sin(2 * pi * days / 365.25 + sp$phase))
    years <- (t - (n - 103)) / (365.25 / 7)
  } else {
    season <- exp(sp$amp * sin(2 * pi * t / 12 + sp$phase))
    years <- (t - (n - 23)) / 12
  }
  mu <- sp$base * season * exp(sp$slope * years)
  pop <- rep(NA_real_, n)
  if (!is.na(sp$population)) {
    pop <- round(sp$population * exp(0.04 * years) * (1 + 0.01 * sin(t)))
    mu <- mu * pop / sp$population
  }
  planted <- integer(n)
  for (ob in c(sp$outbreaks, sp$hist_outbreaks)) {
    idx <- ob[1]:min(ob[2], n)
    if (sp$base == 0) mu[idx] <- 3 else mu[idx] <- mu[idx] * ob[3]
    planted[idx] <- 1L
  }
  count <- if (sp$noise == "negbin") rnbinom(n, size = sp$size, mu = mu) else rpois(n, mu)
  if (!is.null(sp$zero_stretch)) count[sp$zero_stretch[1]:sp$zero_stretch[2]] <- 0
  if (sp$id == "X05") count[100] <- 1
  count <- as.numeric(count)
  if (!is.null(sp$na_at)) count[sp$na_at] <- NA
  list(count = count, pop = pop, planted = planted)
}

series <- lapply(specs, make_series)
names(series) <- vapply(specs, `[[`, "", "id")

# ---------------------------------------------------------------------------------------
# 2. Algorithms and variants
# ---------------------------------------------------------------------------------------

# Farrington (1996) and Noufaily (2013) settings; the variants below change a few of them.
farrington_1996 <- list(b = 4, w = 3, reweight = TRUE, weightsThreshold = 1,
  pastWeeksNotIncluded = 3, noPeriods = 1, trend = TRUE, pThresholdTrend = 0.05,
  thresholdMethod = "delta", alpha = 0.01, limit54 = c(5, 4), powertrans = "2/3",
  populationOffset = FALSE)
noufaily <- list(b = 4, w = 3, reweight = TRUE, weightsThreshold = 2.58,
  pastWeeksNotIncluded = 26, noPeriods = 10, trend = TRUE, pThresholdTrend = 1,
  thresholdMethod = "nbPlugin", alpha = 0.005, limit54 = c(5, 4), powertrans = "2/3",
  populationOffset = FALSE)

farrington_variants <- list(
  farrington_1996 = farrington_1996,
  farrington_1996_b3 = modifyList(farrington_1996, list(b = 3)),
  farrington_noufaily = noufaily,
  farrington_noufaily_b3 = modifyList(noufaily, list(b = 3)),
  # fewer years back: what the flags use where a series holds less than b years of history
  # (docs/FLAGS.md, "Young series"); b < 3 also drops the trend (the b >= 3 rule)
  farrington_noufaily_b2 = modifyList(noufaily, list(b = 2)),
  farrington_noufaily_b1 = modifyList(noufaily, list(b = 1)),
  # the package defaults (what `detect --algorithm farringtonFlexible` does without settings)
  farrington_defaults = list(),
  # less common switches: no re-weighting, no trend, square-root transform, 5 periods
  farrington_misc = list(b = 3, w = 2, reweight = FALSE, trend = FALSE, noPeriods = 5,
    pastWeeksNotIncluded = 10, thresholdMethod = "delta", powertrans = "1/2", alpha = 0.05,
    limit54 = c(3, 2)),
  # Noufaily with the 1996 threshold and no transform
  farrington_noufaily_delta = list(b = 3, w = 3, weightsThreshold = 2.58,
    pastWeeksNotIncluded = 26, noPeriods = 10, pThresholdTrend = 1,
    thresholdMethod = "delta", powertrans = "none", alpha = 0.01)
)
population_variants <- list(
  farrington_noufaily_pop = modifyList(farrington_variants$farrington_noufaily_b3,
    list(populationOffset = TRUE)),
  farrington_1996_pop = modifyList(farrington_variants$farrington_1996_b3,
    list(populationOffset = TRUE))
)

# Monthly data: the reference period is 12 time points. The weekly Noufaily setting
# (pastWeeksNotIncluded = 26, noPeriods = 10) would exclude over two years and leave blocks
# of length 0 or 1, so monthly series use a monthly version of the improved method.
monthly_variants <- list(
  farrington_noufaily_monthly = list(b = 3, w = 2, reweight = TRUE, weightsThreshold = 2.58,
    pastWeeksNotIncluded = 6, noPeriods = 4, trend = TRUE, pThresholdTrend = 1,
    thresholdMethod = "nbPlugin", alpha = 0.005, limit54 = c(5, 4), powertrans = "2/3")
)

log_rows <- list()
log_event <- function(id, algo, k, type, msg) {
  log_rows[[length(log_rows) + 1]] <<- data.frame(series_id = id, algorithm = algo,
    week_index = k, type = type, message = gsub("[\r\n]+", " ", trimws(msg)),
    stringsAsFactors = FALSE)
}

# Traced internals: the threshold function's inputs and output, and the baseline size.
.trace <- new.env()
.trace$k <- NA
.trace$rows <- list()
trace_start <- function() { .trace$rows <- list(); .trace$k <- NA }
trace("algo.farrington.glm", where = asNamespace("surveillance"), print = FALSE,
      tracer = quote({ assign("k", k, envir = .GlobalEnv$.trace)
                       assign("n", nrow(dataGLM), envir = .GlobalEnv$.trace) }))
for (fn in c("algo.farrington.threshold.farrington", "algo.farrington.threshold.noufaily")) {
  trace(fn, where = asNamespace("surveillance"), print = FALSE,
        exit = quote({ rv <- returnValue()
          .GlobalEnv$.trace$rows[[as.character(.GlobalEnv$.trace$k)]] <- c(
            pred_mean = as.numeric(if (identical(method, "nbPlugin")) exp(predFit) else predFit),
            se_fit = as.numeric(predSeFit), upper_unmasked = as.numeric(rv$upper),
            n_baseline = as.numeric(.GlobalEnv$.trace$n)) }))
}

make_sts <- function(id) {
  sp <- specs[[which(names(series) == id)]]
  s <- series[[id]]
  pop <- if (all(is.na(s$pop))) NULL else matrix(s$pop, ncol = 1)
  args <- list(observed = matrix(s$count, ncol = 1), start = c(sp$start_year, 1),
               frequency = sp$freq)
  if (!is.null(pop)) args$population <- pop
  do.call(sts, args)
}
eval_range <- function(id) {
  sp <- specs[[which(names(series) == id)]]
  (sp$n - sp$eval_len + 1):sp$n
}

num <- function(x) ifelse(is.na(x), "NA", as.character(signif(x, 10)))

run_farrington <- function(id, algo, ctrl) {
  s <- make_sts(id)
  rng <- eval_range(id)
  obs <- observed(s)[, 1]
  one_call <- function(r) {
    trace_start()
    res <- withCallingHandlers(
      farringtonFlexible(s, control = c(list(range = r), ctrl)),
      warning = function(w) {
        log_event(id, algo, .trace$k, "warning", conditionMessage(w))
        invokeRestart("muffleWarning")
      })
    tr <- .trace$rows
    data.frame(
      series_id = id, algorithm = algo, week_index = r, observed = obs[r],
      expected = res@control$expected[, 1], upperbound = upperbound(res)[, 1],
      alarm = as.integer(alarms(res)[, 1]), score = res@control$score[, 1],
      pvalue = res@control$pvalue[, 1], trend = res@control$trend[, 1],
      phi = res@control$phiVector[, 1],
      pred_mean = vapply(as.character(r), function(k) if (is.null(tr[[k]])) NA_real_ else tr[[k]][["pred_mean"]], 0),
      se_fit = vapply(as.character(r), function(k) if (is.null(tr[[k]])) NA_real_ else tr[[k]][["se_fit"]], 0),
      upper_unmasked = vapply(as.character(r), function(k) if (is.null(tr[[k]])) NA_real_ else tr[[k]][["upper_unmasked"]], 0),
      n_baseline = vapply(as.character(r), function(k) if (is.null(tr[[k]])) NA_real_ else tr[[k]][["n_baseline"]], 0),
      error = "", stringsAsFactors = FALSE)
  }
  whole <- tryCatch(one_call(rng), error = function(e) NULL)
  if (!is.null(whole)) return(whole)
  do.call(rbind, lapply(rng, function(k) {
    tryCatch(one_call(k), error = function(e) {
      msg <- gsub("[\r\n]+", " ", conditionMessage(e))
      log_event(id, algo, k, "error", msg)
      data.frame(series_id = id, algorithm = algo, week_index = k, observed = obs[k],
        expected = NA, upperbound = NA, alarm = NA, score = NA, pvalue = NA, trend = NA,
        phi = NA, pred_mean = NA, se_fit = NA, upper_unmasked = NA, n_baseline = NA,
        error = msg, stringsAsFactors = FALSE)
    })
  }))
}

other_row <- function(id, algo, r, obs, expected, upper, alarm, stat, err = "") {
  data.frame(series_id = id, algorithm = algo, week_index = r, observed = obs[r],
             expected = expected, upperbound = upper, alarm = alarm, statistic = stat,
             error = err, stringsAsFactors = FALSE)
}

run_other <- function(id, algo) {
  s <- make_sts(id)
  rng <- eval_range(id)
  obs <- observed(s)[, 1]
  quiet <- function(expr) withCallingHandlers(expr, warning = function(w) {
    log_event(id, algo, NA, "warning", conditionMessage(w))
    invokeRestart("muffleWarning")
  }, message = function(m) invokeRestart("muffleMessage"))
  out <- tryCatch(quiet(switch(algo,
    ears_c1 = , ears_c2 = , ears_c3 = , ears_c3_b10 = {
      ctrl <- switch(algo,
        ears_c1 = list(method = "C1", baseline = 7, minSigma = 0, alpha = 0.001),
        ears_c2 = list(method = "C2", baseline = 7, minSigma = 0, alpha = 0.001),
        ears_c3 = list(method = "C3", baseline = 7, minSigma = 0, alpha = 0.025),
        ears_c3_b10 = list(method = "C3", baseline = 10, minSigma = 0.5, alpha = 0.01))
      res <- earsC(s, control = c(list(range = rng), ctrl))
      other_row(id, algo, rng, obs, NA, upperbound(res)[, 1], as.integer(alarms(res)[, 1]), NA)
    },
    cusum = , cusum_glm = {
      ctrl <- list(range = rng, k = 1.04, h = 2.26, m = if (algo == "cusum_glm") "glm" else NULL,
                   trans = "standard", alpha = NULL)
      res <- cusum(s, control = ctrl)
      raw <- algo.cusum(sts2disProg(s), control = ctrl)
      other_row(id, algo, rng, obs, rep_len(res@control$m, length(rng)), upperbound(res)[, 1],
                as.integer(alarms(res)[, 1]), raw$cusum)
    },
    glrpois = {
      ctrl <- list(range = rng, c.ARL = 5, Mtilde = 1, M = -1, change = "intercept",
                   theta = NULL, dir = "inc")
      res <- glrpois(s, control = c(ctrl, list(ret = "cases")))
      val <- glrpois(s, control = c(ctrl, list(ret = "value")))
      stopifnot(identical(alarms(res), alarms(val)))
      other_row(id, algo, rng, obs, res@control$mu0, upperbound(res)[, 1],
                as.integer(alarms(res)[, 1]), upperbound(val)[, 1])
    })), error = function(e) {
      msg <- gsub("[\r\n]+", " ", conditionMessage(e))
      log_event(id, algo, NA, "error", msg)
      other_row(id, algo, rng, obs, NA, NA, NA, NA, msg)
    })
  out
}

# ---------------------------------------------------------------------------------------
# 3. Run
# ---------------------------------------------------------------------------------------

t0 <- Sys.time()
far <- list()
oth <- list()
for (sp in specs) {
  id <- sp$id
  variants <- farrington_variants
  if (!is.na(sp$population)) variants <- c(variants, population_variants)
  if (sp$freq == 12) variants <- c(variants[c("farrington_1996_b3", "farrington_defaults",
                                              "farrington_misc")], monthly_variants)
  for (algo in names(variants)) {
    far[[length(far) + 1]] <- run_farrington(id, algo, variants[[algo]])
  }
  others <- c("ears_c1", "ears_c2", "ears_c3", "ears_c3_b10", "cusum", "cusum_glm", "glrpois")
  if (!is.null(sp$na_at)) others <- c("ears_c1", "ears_c2", "ears_c3")
  for (algo in others) oth[[length(oth) + 1]] <- run_other(id, algo)
  cat(sprintf("%-5s done (%.0f s)\n", id, as.numeric(difftime(Sys.time(), t0, units = "secs"))))
}
far <- do.call(rbind, far)
oth <- do.call(rbind, oth)

write_table <- function(df, file) {
  for (col in names(df)) {
    if (is.numeric(df[[col]])) df[[col]] <- num(df[[col]])
    else df[[col]] <- ifelse(grepl("[\",]", df[[col]]),
                             paste0("\"", gsub("\"", "\"\"", df[[col]]), "\""), df[[col]])
  }
  writeLines(c(paste(names(df), collapse = ","), do.call(paste, c(df, sep = ","))),
             file.path(outdir, file))
}

series_df <- do.call(rbind, lapply(specs, function(sp) {
  s <- series[[sp$id]]
  data.frame(series_id = sp$id, frequency = sp$freq, time_index = seq_len(sp$n),
             count = s$count, population = s$pop, planted = s$planted)
}))
meta_df <- do.call(rbind, lapply(specs, function(sp) {
  fmt_ob <- function(obs) if (is.null(obs)) "" else
    paste(vapply(obs, function(o) sprintf("%d-%d x%.3f", o[1], o[2], o[3]), ""), collapse = ";")
  data.frame(series_id = sp$id, level_class = sp$level, frequency = sp$freq, length = sp$n,
             range_from = sp$n - sp$eval_len + 1, range_to = sp$n, start_year = sp$start_year,
             base_mean = sp$base, seasonal_amplitude = sp$amp, seasonal_phase = sp$phase,
             trend_log_slope_per_year = sp$slope, noise = sp$noise,
             nb_size = if (sp$noise == "negbin") sp$size else NA,
             outbreaks = fmt_ob(sp$outbreaks), hist_outbreaks = fmt_ob(sp$hist_outbreaks),
             population_base = sp$population, note = sp$note, stringsAsFactors = FALSE)
}))
log_df <- if (length(log_rows)) do.call(rbind, log_rows) else
  data.frame(series_id = character(), algorithm = character(), week_index = integer(),
             type = character(), message = character())

write_table(series_df, "series.csv")
write_table(meta_df, "series_meta.csv")
write_table(far, "reference-farrington.csv")
write_table(oth, "reference-other.csv")
write_table(log_df, "run_log.csv")

# ---------------------------------------------------------------------------------------
# 4. Distribution functions (the numerical layer under the thresholds)
# ---------------------------------------------------------------------------------------

dist <- list()
drow <- function(fn, a, b, c, value) {
  dist[[length(dist) + 1]] <<- data.frame(fn = fn, a = a, b = b, c = c, value = value)
}
for (p in c(1e-10, 0.001, 0.025, 0.3, 0.5, 0.8, 0.95, 0.975, 0.99, 0.995, 0.999, 0.9999,
            1 - 1e-12)) drow("qnorm", p, NA, NA, qnorm(p))
for (x in c(-40, -8, -3, -1, 0, 0.5, 1.96, 3, 8, 20, 37)) {
  drow("pnorm", x, NA, NA, pnorm(x))
  drow("pnorm_upper", x, NA, NA, pnorm(x, lower.tail = FALSE))
}
for (lambda in c(1e-12, 1e-6, 0.01, 0.3, 2.5, 7, 30, 123.4, 3000, 12000)) {
  for (p in c(0.5, 0.95, 0.99, 0.995, 0.999)) drow("qpois", p, lambda, NA, qpois(p, lambda))
  for (q in unique(round(c(0, 1, 2, lambda / 2, lambda, lambda + 3 * sqrt(lambda) + 1,
                           3 * lambda + 10)))) {
    drow("ppois", q, lambda, NA, ppois(q, lambda))
    drow("ppois_upper", q, lambda, NA, ppois(q, lambda, lower.tail = FALSE))
  }
}
for (mu in c(1e-8, 0.02, 0.4, 3, 15, 250, 8000)) {
  for (phi in c(1.00001, 1.05, 1.5, 3, 12)) {
    size <- mu / (phi - 1)
    prob <- 1 / phi
    for (p in c(0.5, 0.95, 0.99, 0.995, 0.999)) {
      drow("qnbinom", p, size, prob, qnbinom(p, size, prob))
    }
    for (q in unique(round(c(0, 1, mu, mu + 3 * sqrt(mu * phi) + 2, 5 * mu + 20)))) {
      drow("pnbinom", q, size, prob, pnbinom(q, size, prob))
      drow("pnbinom_upper", q, size, prob, pnbinom(q, size, prob, lower.tail = FALSE))
    }
  }
}
for (df in c(1, 3, 20, 180, 1e6)) {
  for (t in c(0, 1e-12, 0.3, 1.5, 2.5, 6, 40)) drow("pt_two_sided", t, df, NA, 2 * pt(-abs(t), df))
}
dist <- do.call(rbind, dist)
dist$value <- ifelse(is.na(dist$value), "NA", sprintf("%.17g", dist$value))
for (col in c("a", "b", "c")) dist[[col]] <- ifelse(is.na(dist[[col]]), "NA", sprintf("%.17g", dist[[col]]))
writeLines(c("fn,a,b,c,value", do.call(paste, c(dist, sep = ","))),
           file.path(outdir, "distributions.csv"))

writeLines(c(
  sprintf("generated: %s", format(Sys.time(), "%Y-%m-%d")),
  sprintf("R: %s", R.version.string),
  sprintf("surveillance: %s", as.character(packageVersion("surveillance"))),
  sprintf("series: %d (weekly %d, monthly %d)", length(specs),
          sum(vapply(specs, `[[`, 0, "freq") == 52), sum(vapply(specs, `[[`, 0, "freq") == 12)),
  sprintf("farrington rows: %d; other rows: %d; log entries: %d", nrow(far), nrow(oth),
          nrow(log_df)),
  sprintf("runtime: %.0f s", as.numeric(difftime(Sys.time(), t0, units = "secs")))),
  file.path(outdir, "VERSIONS.txt"))
cat("done\n")
