#!/usr/bin/env bash
# Builds the web app (web/ → web/dist: the staff console and the customer's mobile
# page) that `kefu serve` serves. npm ci runs only when package-lock.json changed.
set -euo pipefail
cd "$(dirname "$0")/../web"
stamp=node_modules/.kefu-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "[web] npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
# docs/openapi.yaml is assembled from src/core/api and src/*/api/openapi.yaml. The test run
# (KEFU_CHECK_GENERATED=1) checks that the committed copy is current instead of rewriting it.
if [ "${KEFU_CHECK_GENERATED:-0}" = 1 ]; then
  node ../scripts/openapi.mjs --check
else
  node ../scripts/openapi.mjs
fi
# web/src/shared/vocabulary.json is what `kefu vocabulary` prints (the server's closed
# vocabularies and labels, GET /api/v1/meta/vocabulary); it is committed so that the web
# app builds without the C++ side, and checked like docs/openapi.yaml.
if [ -x ../build/kefu ]; then
  ../build/kefu vocabulary > ../build/vocabulary.json
  if [ "${KEFU_CHECK_GENERATED:-0}" = 1 ]; then
    if ! cmp -s ../build/vocabulary.json src/shared/vocabulary.json; then
      echo "[web] web/src/shared/vocabulary.json differs from \`kefu vocabulary\`: run scripts/build.sh and commit it" >&2
      diff <(python3 -m json.tool ../build/vocabulary.json) <(python3 -m json.tool src/shared/vocabulary.json) | head -20 >&2
      exit 1
    fi
  else
    cp ../build/vocabulary.json src/shared/vocabulary.json
  fi
fi
echo "[web] vite build"
npx vite build --logLevel warn
