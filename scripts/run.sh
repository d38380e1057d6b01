#!/usr/bin/env bash
# Installs what is missing, builds, loads the zh-CN demo data into ./data/kefu.db
# (once) and starts kefu on the embedded SQLite database.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh --target kefu
DB="sqlite://$PWD/data/kefu.db"
PORT="${KEFU_SERVER_PORT:-8080}"
./build/kefu --db "$DB" demo
echo
echo "  kefu 客服 DEMO is starting: open http://127.0.0.1:${PORT}/   (staff console; demo data, password kefu2026 for"
echo "  every demo account: admin, zhangmin = desk agent, chenjing = supervisor, wangli = store manager)"
echo "  (a real installation: kefu user add --username NAME --role admin sets the first admin; see README)"
echo "  customer's mobile page: http://127.0.0.1:${PORT}/m/"
echo "  health: http://127.0.0.1:${PORT}/healthz   metrics: http://127.0.0.1:${PORT}/metrics"
echo
exec ./build/kefu --db "$DB" serve --port "$PORT"
