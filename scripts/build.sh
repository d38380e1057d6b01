#!/usr/bin/env bash
# Configures and builds kefu into ./build (RelWithDebInfo, ccache, 2 jobs), then the
# web app into web/dist (scripts/web.sh; KEFU_SKIP_WEB=1 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS="${KEFU_JOBS:-2}"
GEN=()
command -v ninja >/dev/null && GEN=(-G Ninja)
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build "${GEN[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build build -j "$JOBS" "$@"
[ "${KEFU_SKIP_WEB:-0}" = 1 ] || bash scripts/web.sh
