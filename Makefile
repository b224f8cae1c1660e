# The two commands of the README: `make run` and `make test`. Everything else is a step of those.
.PHONY: setup run test bench format format-check build-test build-release clean

setup:
	@scripts/setup.sh

build-test: setup
	@cmake --preset test >/dev/null
	@cmake --build --preset test

build-release: setup
	@cmake --preset release >/dev/null
	@cmake --build --preset release

format-check: setup
	@scripts/check-format.sh

test: format-check build-test
	@scripts/with-postgres.sh ctest --preset test

run: build-release
	@scripts/run.sh build/release

bench: build-release
	@scripts/run-bench.sh build/release

format:
	@scripts/check-format.sh --fix

clean:
	rm -rf build
