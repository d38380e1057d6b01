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
echo "[web] vite build"
npx vite build --logLevel warn
