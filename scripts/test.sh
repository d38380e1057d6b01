#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the GoogleTest suites
# through ctest, the black-box end-to-end suite against the real binary, the web
# component tests (vitest) and the browser tests (Chromium against kefu serving the
# built web app). A throw-away PostgreSQL server (scripts/pg.sh) serves the storage
# contract suite's PostgreSQL half, the two-node tests and a second pass of the
# end-to-end suite on PostgreSQL. The libFuzzer targets (scripts/fuzz.sh) run for about
# a minute in all; a crash or a broken oracle fails that target. Each prints a "N passed,
# N failed" line; the last line is the total.
set -uo pipefail
cd "$(dirname "$0")/.."
KEFU_TEST_DEPS=1 bash scripts/deps.sh || exit 1
KEFU_CHECK_GENERATED=1 bash scripts/build.sh || exit 1

echo "== PostgreSQL 15 on loopback (temporary) =="
pg_env=$(bash scripts/pg.sh start) || exit 1
eval "$pg_env"
export KEFU_TEST_PG KEFU_PG_DIR
trap 'bash scripts/pg.sh stop' EXIT
echo "started $KEFU_TEST_PG in $KEFU_PG_DIR"

echo "== unit, storage contract and API tests (ctest) =="
ctest --test-dir build -j2 -LE e2e --output-on-failure 2>&1 | tee build/ctest.log
ctest_rc=${PIPESTATUS[0]}
c_pass=$(grep -oE '[0-9]+ tests failed out of [0-9]+' build/ctest.log | awk '{print $6 - $1}')
c_fail=$(grep -oE '[0-9]+ tests failed out of [0-9]+' build/ctest.log | awk '{print $1}')

# Runs a node --test suite against the built binary; sets ${name}_pass, ${name}_fail and
# ${name}_rc and prints "name: N passed, N failed" (the summary reporter's counts).
node_suite() {  # name dir-or-files…
  local name=$1 rc pass fail
  shift
  KEFU_BIN="$PWD/build/kefu" KEFU_SOURCE_DIR="$PWD" node --test \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=./tests/e2e/lib/summary-reporter.mjs --test-reporter-destination="build/$name-summary.log" \
    "$@" 2>&1 | tee "build/$name.log"
  rc=${PIPESTATUS[0]}
  cat "build/$name-summary.log"
  pass=$(grep -oE '[0-9]+ passed' "build/$name-summary.log" | tail -1 | awk '{print $1}')
  fail=$(grep -oE '[0-9]+ failed' "build/$name-summary.log" | tail -1 | awk '{print $1}')
  pass=${pass:-0}
  fail=${fail:-0}
  [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ] && fail=1
  echo "$name: ${pass} passed, ${fail} failed"
  printf -v "${name}_pass" '%s' "$pass"
  printf -v "${name}_fail" '%s' "$fail"
  printf -v "${name}_rc" '%s' "$rc"
}

echo "== fuzzing (libFuzzer targets, about 12 s each; scripts/fuzz.sh) =="
bash scripts/fuzz.sh 2>&1 | tee build/fuzz.log
fuzz_rc=${PIPESTATUS[0]}
f_pass=$(grep -oE '^fuzz: [0-9]+ passed' build/fuzz.log | tail -1 | awk '{print $2}')
f_fail=$(grep -oE '^fuzz: [0-9]+ passed, [0-9]+ failed' build/fuzz.log | tail -1 | awk '{print $4}')
f_pass=${f_pass:-0}
f_fail=${f_fail:-0}
[ "$fuzz_rc" -ne 0 ] && [ "$f_fail" -eq 0 ] && f_fail=1

echo "== end-to-end tests (real binary over HTTP, SQLite; two nodes on PostgreSQL) =="
# Two test files at a time: each mostly waits on its own kefu server, so on 2 cores this
# takes ~60 % of the serial time (measured 101 → 61 s on SQLite, 146 → 104 s on PostgreSQL).
node_suite e2e --test-concurrency=2 tests/e2e/

echo "== end-to-end tests again, every server on PostgreSQL =="
pg_files=()
for f in tests/e2e/*.test.mjs; do [[ $f == *multinode* ]] || pg_files+=("$f"); done
KEFU_E2E_DB=postgresql node_suite e2e_pg --test-concurrency=2 "${pg_files[@]}"

echo "== web component tests (vitest) =="
(cd web && npx vitest run --reporter=default --reporter=json --outputFile=../build/vitest.json) 2>&1 | tee build/vitest.log
vitest_rc=${PIPESTATUS[0]}
read -r v_pass v_fail < <(node -e '
  try { const r = require("./build/vitest.json"); console.log(r.numPassedTests, r.numFailedTests + (r.numFailedTestSuites || 0)); }
  catch { console.log("0 1"); }')
[ "$vitest_rc" -ne 0 ] && [ "$v_fail" -eq 0 ] && v_fail=1
echo "vitest: ${v_pass} passed, ${v_fail} failed"

echo "== browser tests (Chromium, playwright-core; screenshots in web/test-results/) =="
node_suite browser web/tests/browser/

total_pass=$(( ${c_pass:-0} + f_pass + e2e_pass + e2e_pg_pass + v_pass + browser_pass ))
total_fail=$(( ${c_fail:-0} + f_fail + e2e_fail + e2e_pg_fail + v_fail + browser_fail ))
[ "$ctest_rc" -ne 0 ] && [ "$total_fail" -eq 0 ] && total_fail=1
echo "total: ${total_pass} passed, ${total_fail} failed"
[ "$ctest_rc" -eq 0 ] && [ "$fuzz_rc" -eq 0 ] && [ "$e2e_rc" -eq 0 ] && [ "$e2e_pg_rc" -eq 0 ] && [ "$vitest_rc" -eq 0 ] && [ "$browser_rc" -eq 0 ]
