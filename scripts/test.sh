#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite: once in the
# normal build (build/), then again under AddressSanitizer and UBSan
# (build-asan/, -DDETENTE_SANITIZE=ON).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDETENTE_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$(nproc)"
# Link Grammar is not instrumented and keeps some allocations until exit: its
# frames (only those) are suppressed. Every UBSan report is fatal (the build
# uses -fno-sanitize-recover=all).
export LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
