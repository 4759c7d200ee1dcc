# SafetyMonitor — the README's two commands are `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/debug/safety-monitor
DEMO_PIPELINE := pipelines/demostad.yaml
DEMO_STATE := state/demostad
# The demo data ends in 2024; a fixed run date keeps the demo's output the same every day.
DEMO_RUN_DATE ?= 2024-12-31
# The demo's reports: the last quarter of its data, and the annual evaluation.
DEMO_QUARTER ?= 2024Q4
DEMO_YEAR ?= 2024
DEMO_COMPARE ?= 2023

.PHONY: deps build demo evaluate test format clean-state report-screenshots

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

# Runs the main job on the shipped demo pipeline (state in ./state, ignored by git):
# copies the partner exports into the inbox, ingests them, and raises the early-warning
# flags (the run's summary lists the new ones; `safety-monitor flags` lists them all). The demo holds one broken
# export on purpose: it is quarantined, which `run` reports with exit code 65 (data).
# Running `make demo` again delivers the same files again: the run recognises every one
# and changes nothing.
demo: build
	@mkdir -p state && mkdir -p -m 700 $(DEMO_STATE) && mkdir -p $(DEMO_STATE)/inbox
	cp fixtures/demostad/exports/* $(DEMO_STATE)/inbox/
	$(BIN) validate $(DEMO_PIPELINE) --run-date $(DEMO_RUN_DATE)
	$(BIN) run $(DEMO_PIPELINE) --run-date $(DEMO_RUN_DATE) 2>$(DEMO_STATE)/last-run.log \
	  || [ $$? -eq 65 ]
	@echo "(diagnostics of this run: $(DEMO_STATE)/last-run.log)"
	$(BIN) report $(DEMO_PIPELINE) --period $(DEMO_QUARTER) --format html,md,csv,json,geojson \
	  --out $(DEMO_STATE)/reports --run-date $(DEMO_RUN_DATE) >/dev/null
	$(BIN) report $(DEMO_PIPELINE) --period $(DEMO_QUARTER) --format html,md --lang en \
	  --out $(DEMO_STATE)/reports --run-date $(DEMO_RUN_DATE) >/dev/null
	$(BIN) report $(DEMO_PIPELINE) --period $(DEMO_YEAR) --compare $(DEMO_COMPARE) \
	  --format html,md,csv,json,geojson --out $(DEMO_STATE)/reports --run-date $(DEMO_RUN_DATE) >/dev/null
	@echo "reports: $(DEMO_STATE)/reports/report-$(DEMO_QUARTER).html (quarter), report-$(DEMO_YEAR)-vs-$(DEMO_COMPARE).html (annual evaluation)"

# Scores the demo's flags against its planted episodes (docs/QUALITY.md); run `make demo`
# first.
evaluate: build
	$(BIN) evaluate $(DEMO_PIPELINE) --truth fixtures/demostad/truth.csv --run-date $(DEMO_RUN_DATE)

test: deps
	$(SWIFT) test

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

# Regenerates the committed synthetic demo data (docs/DEMOSTAD.md); a test checks the
# committed files equal a fresh generation.
.PHONY: fixtures
fixtures:
	$(SWIFT) run -c release make-fixtures --out fixtures/demostad

# Opens the demo's reports in headless chromium (console must stay silent) and saves
# screenshots of the screen view and the printed A4 pages into state/demostad/screenshots
# (needs chromium and poppler-utils; see docs/REPORTS.md).
report-screenshots: demo
	scripts/report-browser-check.sh $(DEMO_STATE)/screenshots \
	  $(DEMO_STATE)/reports/report-$(DEMO_QUARTER).html \
	  $(DEMO_STATE)/reports/report-$(DEMO_QUARTER)-en.html \
	  $(DEMO_STATE)/reports/report-$(DEMO_YEAR)-vs-$(DEMO_COMPARE).html

clean-state:
	rm -rf state
