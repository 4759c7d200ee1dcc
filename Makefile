# SafetyMonitor — the README's two commands are `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/debug/safety-monitor
DEMO_PIPELINE := pipelines/demostad.yaml
DEMO_STATE := state/demostad
# The demo data ends in 2024; a fixed run date keeps the demo's output the same every day.
DEMO_RUN_DATE ?= 2024-12-31

.PHONY: deps build demo evaluate test format clean-state

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

clean-state:
	rm -rf state
