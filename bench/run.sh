#!/usr/bin/env bash
# Load benchmark of the real server on loopback (wrk, 64 connections, 2 threads).
# Scenarios: bare /healthz (the ceiling of our HTTP stack), durable ticket create,
# get by id, filtered list and Chinese search over a 100k-ticket database. Each
# scenario runs ROUNDS times, interleaved; the table reports medians and the
# get/healthz ratio from this one run. Results: bench/out/results.md.
#
#   bash bench/run.sh            # 100k tickets, 3 rounds of 10 s
#   TICKETS=20000 DURATION=5 ROUNDS=1 bash bench/run.sh   # quick look
set -euo pipefail
cd "$(dirname "$0")/.."
KEFU_BENCH_DEPS=1 bash scripts/deps.sh
bash scripts/build.sh --target kefu

TICKETS="${TICKETS:-100000}"
DURATION="${DURATION:-10}"
ROUNDS="${ROUNDS:-3}"
CONNS="${CONNS:-64}"
PORT="${PORT:-18765}"
OUT=bench/out
mkdir -p "$OUT"
DB="$OUT/bench-$TICKETS.db"
if [ ! -f "$DB" ]; then
  echo "[bench] generating $TICKETS tickets into $DB"
  ./build/kefu --db "sqlite://$PWD/$DB" demo --tickets "$TICKETS" --members 5000 --days 365
fi
cp "$DB" "$OUT/run.db"
rm -f "$OUT/run.db-wal" "$OUT/run.db-shm"

KEFU_LOG_ACCESS_LOG_FILE="$OUT/access.log" KEFU_STORAGE_ATTACHMENTS_DIR="$OUT/att" \
  ./build/kefu --db "sqlite://$PWD/$OUT/run.db" serve --port "$PORT" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

export KEFU_TOKEN
KEFU_TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" \
  -d '{"username":"admin","password":"kefu2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
export KEFU_MAX_ID="$TICKETS"

: > "$OUT/results.tsv"
run() {  # name path script
  local script="$OUT/$1.lua"
  { [ -n "$3" ] && cat "bench/wrk/$3"; cat bench/wrk/report.lua; } > "$script"
  local line
  line=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --timeout 10s -s "$script" "http://127.0.0.1:$PORT$2" | grep '^RESULT')
  echo "[bench] $1 round $round: $line"
  echo -e "$1\t$line" >> "$OUT/results.tsv"
}
for round in $(seq "$ROUNDS"); do
  run healthz /healthz ""
  run create /api/v1/tickets create.lua
  run get /api/v1/tickets/1 get.lua
  run list /api/v1/tickets list.lua
  run search /api/v1/tickets search.lua
done

python3 - "$OUT/results.tsv" "$TICKETS" "$CONNS" "$DURATION" "$ROUNDS" > "$OUT/results.md" <<'PY'
import re, statistics, sys
path, tickets, conns, duration, rounds = sys.argv[1:]
rows = {}
for line in open(path):
    name, rest = line.rstrip("\n").split("\t")
    vals = dict(re.findall(r"(\w+)=([\d.]+)", rest))
    rows.setdefault(name, []).append(vals)
print(f"{tickets} tickets in the database, wrk -t2 -c{conns}, {duration} s per run, {rounds} rounds; medians:\n")
print("| scenario | req/s | p50 ms | p99 ms | errors |")
print("|---|---:|---:|---:|---:|")
med = {}
for name in ["healthz", "create", "get", "list", "search"]:
    r = rows.get(name, [])
    if not r: continue
    m = lambda k: statistics.median(float(v[k]) for v in r)
    med[name] = m("rps")
    print(f"| {name} | {m('rps'):,.0f} | {m('p50_ms'):.2f} | {m('p99_ms'):.2f} | {int(sum(float(v['errors']) for v in r))} |")
if "healthz" in med and "get" in med:
    print(f"\nget by id / healthz = {med['get'] / med['healthz']:.0%} (same run)")
PY
cat "$OUT/results.md"
