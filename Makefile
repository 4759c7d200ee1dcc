# SafetyMonitor — the README's two commands are `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/debug/safety-monitor

.PHONY: deps build demo test format clean-state

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

SAMPLE := fixtures/samples/politie_misdrijven_2024-09.csv

# For now: sniffs and reads the shipped synthetic sample export (issue "pipeline and store"
# turns this into the real demo run).
demo: build
	$(BIN) sniff $(SAMPLE)
	$(BIN) read $(SAMPLE) | head -n 5
	@$(BIN) read $(SAMPLE) | wc -l | sed 's/^/records read: /'

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
