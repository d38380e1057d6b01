#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the GoogleTest suites
# through ctest, then the black-box end-to-end suite against the real binary.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh || exit 1
bash scripts/build.sh || exit 1

echo "== unit, storage contract and API tests (ctest) =="
ctest --test-dir build -j2 -LE e2e --output-on-failure 2>&1 | tee build/ctest.log
ctest_rc=${PIPESTATUS[0]}
c_pass=$(grep -oE '[0-9]+ tests failed out of [0-9]+' build/ctest.log | awk '{print $6 - $1}')
c_fail=$(grep -oE '[0-9]+ tests failed out of [0-9]+' build/ctest.log | awk '{print $1}')

echo "== end-to-end tests (real binary over HTTP) =="
KEFU_BIN="$PWD/build/kefu" KEFU_SOURCE_DIR="$PWD" node --test \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=./tests/e2e/lib/summary-reporter.mjs --test-reporter-destination=build/e2e-summary.log \
  tests/e2e/ 2>&1 | tee build/e2e.log
e2e_rc=${PIPESTATUS[0]}
cat build/e2e-summary.log
e_pass=$(grep -oE '[0-9]+ passed' build/e2e-summary.log | tail -1 | awk '{print $1}')
e_fail=$(grep -oE '[0-9]+ failed' build/e2e-summary.log | tail -1 | awk '{print $1}')
e_pass=${e_pass:-0}
e_fail=${e_fail:-0}
[ "$e2e_rc" -ne 0 ] && [ "$e_fail" -eq 0 ] && e_fail=1
echo "e2e: ${e_pass} passed, ${e_fail} failed"

total_pass=$(( ${c_pass:-0} + e_pass ))
total_fail=$(( ${c_fail:-0} + e_fail ))
[ "$ctest_rc" -ne 0 ] && [ "$total_fail" -eq 0 ] && total_fail=1
echo "total: ${total_pass} passed, ${total_fail} failed"
[ "$ctest_rc" -eq 0 ] && [ "$e2e_rc" -eq 0 ]
