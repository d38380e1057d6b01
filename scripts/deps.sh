#!/usr/bin/env bash
# Installs the Debian packages kefu needs to build, run and test. Idempotent:
# only missing packages are fetched, so a second run costs a dpkg query.
set -euo pipefail

PKGS=(
  build-essential cmake ninja-build ccache pkg-config git clang-format python3
  libboost-dev libboost-system-dev
  libsqlite3-dev sqlite3 libpq-dev
  nlohmann-json3-dev libicu-dev libsodium-dev
  libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev
  libhowardhinnant-date-dev tzdata
  libgtest-dev libgmock-dev libbenchmark-dev
  python3-jieba libopencc-dev libopencc-data
  curl libcurl4-openssl-dev ca-certificates openssl
  zlib1g-dev
  libqrencode-dev libcairo2-dev libpango1.0-dev fonts-wqy-microhei
  libxlsxwriter-dev
)
# Node.js: keep whatever node the machine has (it may come with its own npm).
command -v npm >/dev/null 2>&1 || PKGS+=(nodejs npm)
[ "${KEFU_BENCH_DEPS:-0}" = 1 ] && PKGS+=(wrk)
# Tests and benchmarks start their own PostgreSQL 15 server (scripts/pg.sh).
[ "${KEFU_TEST_DEPS:-0}" = 1 ] || [ "${KEFU_BENCH_DEPS:-0}" = 1 ] && PKGS+=(postgresql-15 postgresql-client-15)
# Fuzzing (scripts/fuzz.sh): clang with libFuzzer and the sanitizers' runtimes, lld to link.
[ "${KEFU_TEST_DEPS:-0}" = 1 ] && PKGS+=(clang lld libclang-rt-14-dev)
# The feedback poster's tests read it back: the QR code (zbarimg) and the PDF (pdfinfo, pdftotext).
[ "${KEFU_TEST_DEPS:-0}" = 1 ] && PKGS+=(zbar-tools poppler-utils)
# Browser tests and browser benchmarks: Debian's Chromium (driven by playwright-core,
# which never downloads a browser); the CJK font (above, also for the poster) keeps Chinese
# from rendering as boxes.
[ "${KEFU_TEST_DEPS:-0}" = 1 ] || [ "${KEFU_BENCH_DEPS:-0}" = 1 ] && PKGS+=(chromium)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "[deps] installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "[deps] ok"
