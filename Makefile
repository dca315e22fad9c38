# synoptic: the two set-up commands are `make demo` and `make test`.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BUILD ?= build
CMAKE_FLAGS ?=
SYN := $(BUILD)/synoptic

.PHONY: all setup build demo test test-asan fuzz eval bench clean

all: build

setup:
	@scripts/setup

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: setup $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)
	@echo "built $(SYN)"

demo: build
	@mkdir -p out
	$(SYN) analyze examples --out out/report.md --out out/report.html --out out/report.json

# The server's browser test drives Debian's chromium (not needed by demo).
test: build
	@scripts/setup chromium nodejs
	@scripts/run_tests $(BUILD)

test-asan: setup
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSYN_SANITIZE=ON -DSYN_BENCH=OFF
	cmake --build build-asan -j $(JOBS)
	@scripts/run_tests build-asan

# Stage evaluations on the public data in ../shared (not part of test or CI).
eval: build
	@scripts/setup python3-readability python3-html-text python3-dateparser
	@JOBS=$(JOBS) scripts/run_eval $(BUILD)

# Throughput benchmarks beside peers measured in the same run (bench/; not CI).
bench: build
	@JOBS=$(JOBS) scripts/run_bench $(BUILD)

FUZZ_SECONDS ?= 60
fuzz:
	@scripts/setup clang libclang-rt-14-dev
	@scripts/run_fuzz $(FUZZ_SECONDS)

clean:
	rm -rf build build-asan build-fuzz out
