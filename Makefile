# SafetyMonitor — the README's two commands are `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/debug/safety-monitor

.PHONY: deps build demo test format clean-state

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

# Runs the main job on the shipped demo pipeline (state in ./state, ignored by git).
demo: build
	$(BIN) --version

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
