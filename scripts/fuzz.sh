#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang and runs each for a bounded time
# (docs/security/fuzzing.md). Only the drivers and the few sources under test are compiled
# here, instrumented (-fsanitize=fuzzer,address,undefined); the rest of kefu comes from the
# static libraries scripts/build.sh left in build/ (g++: same libstdc++ and ABI), so this
# costs a minute or two even with a cold cache. Prints "fuzz: N passed, N failed", one
# per target; a crash, a sanitizer report or a broken oracle (e.g. a 500) fails its target
# and leaves the input in build/fuzz/<target>-crash-*.
#   KEFU_FUZZ_SECONDS  run time per target (default 12)
#   KEFU_FUZZ_TARGETS  which targets (default: all)
#   KEFU_FUZZ_BUILD_ONLY=1  build, do not run
#   KEFU_FUZZ_ARGS     extra libFuzzer flags (e.g. -jobs=1 for a longer campaign)
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${KEFU_FUZZ_SECONDS:-12}"
TARGETS=(${KEFU_FUZZ_TARGETS:-http_request text import route_body multipart})
OUT=build/fuzz
mkdir -p "$OUT/obj"
for lib in domain stores storage app http api mail; do
  [ -f "build/libkefu_$lib.a" ] || { echo "fuzz: build/libkefu_$lib.a missing: run scripts/build.sh first"; echo "fuzz: 0 passed, 1 failed"; exit 1; }
done

CXX=(clang++)
command -v ccache >/dev/null && CXX=(ccache clang++)
# The same definitions as the g++ build's (CMakeLists.txt), so that headers agree.
DEFS=(-DFMT_SHARED -DHAS_STRING_VIEW=1 "-DKEFU_JIEBA_DICT=\"/usr/lib/python3/dist-packages/jieba/dict.txt\""
      -DONLY_C_LOCALE=1 -DUSE_OS_TZDB=1 -DBOOST_ALL_NO_LIB -DBOOST_ASIO_NO_DEPRECATED -DSPDLOG_COMPILED_LIB
      -DSPDLOG_FMT_EXTERNAL -DSPDLOG_SHARED_LIB -DNDEBUG "-DKEFU_FUZZ_SOURCE_DIR=\"$PWD\"")
SAN=(-fsanitize=address,undefined -fno-sanitize=vptr -fno-sanitize-recover=undefined)
CXXFLAGS=(-std=gnu++20 -O1 -gline-tables-only -Isrc "${DEFS[@]}" "${SAN[@]}")
SYSLIBS=(-lspdlog -lfmt -lsqlite3 -lpq -lcurl -licui18n -licuuc -lsodium -lopencc -ldate-tz -lz -ldl -lpthread)
# The feedback poster (feedback/api/poster.cpp, in libkefu_api.a): QR codes, cairo and pango;
# the XLSX exports (core/app/xlsx_writer.cpp, in libkefu_app.a): libxlsxwriter.
SYSLIBS+=($(pkg-config --libs libqrencode cairo pangocairo xlsxwriter))
# What each target compiles itself (instrumented): its driver and the sources it tests.
# Objects listed here replace the same files' objects in the static libraries.
declare -A SOURCES=(
  [http_request]="fuzz/http_request.cpp src/core/http/url.cpp src/core/http/router.cpp src/core/http/message.cpp src/core/http/json_string.cpp src/core/http/access_log.cpp"
  [text]="fuzz/text.cpp $(ls src/core/text/*.cpp | grep -v _test.cpp | tr '\n' ' ')"
  [import]="fuzz/import.cpp src/core/storage/transfer.cpp src/core/storage/transfer_file.cpp"
  [route_body]="fuzz/route_body.cpp src/core/api/json_io.cpp src/core/api/error_mapping.cpp"
  [multipart]="fuzz/multipart.cpp src/feedback/api/multipart.cpp"
)
# KEFU_FUZZ_DEEP=1 (longer campaigns): route_body also compiles every capability's handlers
# and use cases instrumented, so that libFuzzer sees their branches (a few minutes more
# to build; too slow for CI).
if [ "${KEFU_FUZZ_DEEP:-0}" = 1 ]; then
  SOURCES[route_body]+=" src/modules/routes.cpp $(ls src/*/api/*.cpp src/*/app/*.cpp | grep -v -e _test.cpp -e src/core/api/json_io.cpp -e src/core/api/error_mapping.cpp | tr '\n' ' ')"
fi
declare -A LIBS=(
  [http_request]=""
  [text]=""
  [import]="build/libkefu_storage.a build/libkefu_stores.a build/libkefu_domain.a"
  [route_body]="build/libkefu_api.a build/libkefu_demo.a build/libkefu_app.a build/libkefu_storage.a build/libkefu_http.a build/libkefu_mail.a build/libkefu_stores.a build/libkefu_domain.a"
  [multipart]=""
)

build_target() {  # name
  local t=$1 objs=() src obj
  for src in ${SOURCES[$t]}; do
    obj="$OUT/obj/$t-$(echo "$src" | tr '/' '_').o"
    "${CXX[@]}" "${CXXFLAGS[@]}" -fsanitize=fuzzer-no-link -c "$src" -o "$obj" || return 1
    objs+=("$obj")
  done
  clang++ -fuse-ld=lld -fsanitize=fuzzer "${SAN[@]}" "${objs[@]}" ${LIBS[$t]} "${SYSLIBS[@]}" -o "$OUT/$t" || return 1
}

start=$(date +%s)
pass=0 fail=0
declare -A BUILT=()
# Two at a time: the machine's two cores.
pids=()
for t in "${TARGETS[@]}"; do
  ( build_target "$t" >"$OUT/$t.build.log" 2>&1 ) &
  pids+=("$!:$t")
  if [ ${#pids[@]} -ge 2 ]; then
    p=${pids[0]}; pids=("${pids[@]:1}")
    wait "${p%%:*}" && BUILT[${p#*:}]=1
  fi
done
for p in "${pids[@]}"; do wait "${p%%:*}" && BUILT[${p#*:}]=1; done
echo "fuzz: built ${#BUILT[@]}/${#TARGETS[@]} targets in $(( $(date +%s) - start )) s"
if [ "${KEFU_FUZZ_BUILD_ONLY:-0}" = 1 ]; then
  for t in "${TARGETS[@]}"; do [ -n "${BUILT[$t]:-}" ] || tail -30 "$OUT/$t.build.log"; done
  [ ${#BUILT[@]} -eq ${#TARGETS[@]} ]
  exit
fi

for t in "${TARGETS[@]}"; do
  if [ -z "${BUILT[$t]:-}" ]; then
    echo "== fuzz $t: build failed =="; tail -30 "$OUT/$t.build.log"; fail=$((fail + 1)); continue
  fi
  max_len=4096
  [ "$t" = import ] && max_len=32768  # the seed is a whole (small) export
  echo "== fuzz $t (${SECONDS_EACH} s) =="
  work="$OUT/corpus-$t"
  mkdir -p "$work"
  # New inputs go to the scratch corpus; fuzz/corpus/<target> (the seeds) is only read.
  # ASan's leak check is off: the route target keeps its server alive on purpose.
  ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$OUT/$t" -max_total_time="$SECONDS_EACH" -max_len="$max_len" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$OUT/$t-" ${KEFU_FUZZ_ARGS:-} "$work" "fuzz/corpus/$t" >"$OUT/$t.log" 2>&1
  rc=$?
  grep -E '^stat::number_of_executed_units|^Done|^#[0-9]+ *DONE' "$OUT/$t.log" | tail -2
  if [ $rc -eq 0 ]; then
    pass=$((pass + 1))
    echo "fuzz $t: ok"
  else
    fail=$((fail + 1))
    echo "fuzz $t: FAILED (exit $rc); the last lines of $OUT/$t.log:"
    tail -40 "$OUT/$t.log"
  fi
done
echo "fuzz: stage took $(( $(date +%s) - start )) s"
echo "fuzz: ${pass} passed, ${fail} failed"
[ "$fail" -eq 0 ]
