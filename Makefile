# SparseCert — the two commands of the README, and a few more.
#   make demo        the main job: the demo on a built-in instance (release build)
#   make test        the whole test suite: Swift tests, then the cross-checks against SciPy and mpmath
#   make benchmarks  every benchmark, whole-process ones included (release build; not tests: ~30 minutes)
#   make lint        swift-format's lint of every Swift file (.swift-format), warnings are errors
#   make docs        the DocC archives of every library module, warnings are errors
SWIFT ?= swift
PYTHON ?= python3

.PHONY: demo test swift-test crosscheck benchmarks lint docs

demo:
	@scripts/install-dependencies
	$(SWIFT) run -c release sparsecert demo

test: swift-test crosscheck

swift-test:
	@scripts/install-dependencies --python
	$(SWIFT) build --build-tests
	$(SWIFT) test

# The cross-checks run the optimized tool: exact arithmetic is ~20× slower in a debug build.
crosscheck:
	@scripts/install-dependencies --python
	$(SWIFT) build -c release --product sparsecert
	SPARSECERT_BIN="$$($(SWIFT) build -c release --show-bin-path)/sparsecert" $(PYTHON) -m pytest Tests/crosscheck -q --durations=5

benchmarks:
	@scripts/install-dependencies --python
	$(SWIFT) build -c release
	"$$($(SWIFT) build -c release --show-bin-path)/lp-overhead-benchmark"
	"$$($(SWIFT) build -c release --show-bin-path)/bp-benchmark"
	"$$($(SWIFT) build -c release --show-bin-path)/nsp-benchmark"
	"$$($(SWIFT) build -c release --show-bin-path)/flow-benchmark"
	"$$($(SWIFT) build -c release --show-bin-path)/certify-benchmark"
	"$$($(SWIFT) build -c release --show-bin-path)/problem-files-benchmark"
	"$$($(SWIFT) build -c release --show-bin-path)/phase-benchmark"
	"$$($(SWIFT) build -c release --show-bin-path)/exact-lp-benchmark"
	$(PYTHON) Benchmarks/BasisPursuit/whole_process.py "$$($(SWIFT) build -c release --show-bin-path)/sparsecert"
	$(PYTHON) Benchmarks/Certificates/large_crosscheck.py "$$($(SWIFT) build -c release --show-bin-path)/sparsecert"

lint:
	$(SWIFT) format lint --strict --recursive --parallel Package.swift Sources Tests Benchmarks examples

DOC_TARGETS = ExactArithmetic DenseLinearAlgebra IntervalArithmetic ScaleOut ProblemData LinearProgramming \
	SparseRecovery NullSpaceProperty DiagonalNetworks ErrorCertificates RateSweeps PhaseTransitions Plots
docs:
	@scripts/install-dependencies
	$(SWIFT) package --disable-sandbox generate-documentation --warnings-as-errors \
		$(foreach target,$(DOC_TARGETS),--target $(target))
