#!/usr/bin/env bash
# Load benchmark of the real server on loopback (wrk, 64 connections, 2 threads).
# Scenarios: bare /healthz (the ceiling of our HTTP stack), durable ticket create,
# get by id, filtered list and Chinese search over a 100k-ticket database. Each
# scenario runs ROUNDS times, interleaved; the table reports medians and the
# get/healthz ratio from this one run. Results: bench/out/results.md.
#
#   bash bench/run.sh            # 100k tickets, 3 rounds of 10 s
#   TICKETS=20000 DURATION=5 ROUNDS=1 bash bench/run.sh   # quick look
#   BACKEND=postgresql NODES="1 2" bash bench/run.sh       # the same on PostgreSQL, 1 then 2 nodes
#
# On PostgreSQL the script starts a throw-away server (scripts/pg.sh), moves the same
# generated database there with `kefu export` / `kefu import` (the write copy is a
# CREATE DATABASE … TEMPLATE of the read one), and with 2 nodes runs two `kefu serve`
# per database: each wrk run is split into two half-size runs at the same time, one per
# node, and their rates added (p99: the worse of the two). Results per configuration:
# bench/out/results-<backend>-<nodes>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
KEFU_BENCH_DEPS=1 bash scripts/deps.sh
bash scripts/build.sh --target kefu

TICKETS="${TICKETS:-100000}"
DURATION="${DURATION:-10}"
ROUNDS="${ROUNDS:-3}"
CONNS="${CONNS:-64}"
PORT="${PORT:-18765}"
BACKEND="${BACKEND:-sqlite}"
NODE_COUNTS="${NODES:-1}"  # e.g. "1 2": one run per count
OUT=bench/out
mkdir -p "$OUT"
DB="$OUT/bench-$TICKETS.db"
if [ ! -f "$DB" ]; then
  echo "[bench] generating $TICKETS tickets into $DB"
  ./build/kefu --db "sqlite://$PWD/$DB" demo --tickets "$TICKETS" --members 5000 --days 365
fi
# Reads are measured on an untouched copy (exactly $TICKETS tickets); creates on another
# copy, so that the tickets they add do not change what the reads see.
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; [ -n "${KEFU_PG_DIR:-}" ] && bash scripts/pg.sh stop' EXIT
if [ "$BACKEND" = postgresql ]; then
  eval "$(bash scripts/pg.sh start)"
  DUMP="$OUT/bench-$TICKETS.jsonl"
  [ -f "$DUMP" ] || ./build/kefu --db "sqlite://$PWD/$DB" export --out "$DUMP" --quiet
  PG_SERVER=${KEFU_TEST_PG%/*}
  psql "$KEFU_TEST_PG" -qc "CREATE DATABASE kefu_read"
  ./build/kefu --db "$PG_SERVER/kefu_read" import --in "$DUMP" --quiet
  psql "$KEFU_TEST_PG" -qc "CREATE DATABASE kefu_write TEMPLATE kefu_read"
  db_url() { echo "$PG_SERVER/kefu_$1"; }
else
  for copy in read write; do
    cp "$DB" "$OUT/$copy.db"
    rm -f "$OUT/$copy.db-wal" "$OUT/$copy.db-shm"
  done
  db_url() { echo "sqlite://$PWD/$OUT/$1.db"; }
fi
start_server() {  # name port
  KEFU_LOG_ACCESS_LOG_FILE="$OUT/access-$1-$2.log" KEFU_STORAGE_ATTACHMENTS_DIR="$OUT/att" \
    ./build/kefu --db "$(db_url "$1")" serve --port "$2" > "$OUT/server-$1-$2.log" 2>&1 &
  PIDS+=($!)
}
for NODES in $NODE_COUNTS; do
echo "[bench] $BACKEND with $NODES node(s)"
PIDS=()
# Node n of the read (write) database listens on PORT + 2n (+ 1).
for n in $(seq 0 $((NODES - 1))); do
  start_server read "$((PORT + 2 * n))"
  start_server write "$((PORT + 2 * n + 1))"
done
for p in $(seq "$PORT" "$((PORT + 2 * NODES - 1))"); do
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$p/healthz" >/dev/null && break; sleep 0.2; done
done

login() {
  curl -sf -X POST "http://127.0.0.1:$1/api/v1/auth/login" -d '{"username":"admin","password":"kefu2026"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
READ_TOKEN=$(login "$PORT")
WRITE_TOKEN=$(login "$((PORT + 1))")
export KEFU_TOKEN KEFU_MAX_ID="$TICKETS"

: > "$OUT/results.tsv"
run() {  # name port path script token
  local script="$OUT/$1.lua"
  { [ -n "$4" ] && cat "bench/wrk/$4"; cat bench/wrk/report.lua; } > "$script"
  KEFU_TOKEN="$5"
  local line n wrks=()
  for n in $(seq 0 $((NODES - 1))); do
    wrk -t2 -c"$((CONNS / NODES))" -d"${DURATION}s" --timeout 10s -s "$script" \
      "http://127.0.0.1:$(($2 + 2 * n))$3" > "$OUT/wrk-$n.out" &
    wrks+=($!)
  done
  wait "${wrks[@]}"
  line=$(cat "$OUT"/wrk-*.out | python3 -c '
import re, sys
runs = [dict(re.findall(r"(\w+)=([\d.]+)", l)) for l in sys.stdin if l.startswith("RESULT")]
f = lambda k: [float(r[k]) for r in runs]
print("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d errors=%d" % (sum(f("rps")), max(f("p50_ms")),
      max(f("p99_ms")), sum(f("requests")), sum(f("errors"))))')
  rm -f "$OUT"/wrk-*.out
  echo "[bench] $1 round $round: $line"
  echo -e "$1\t$line" >> "$OUT/results.tsv"
  sleep 2  # let requests still in flight drain before the next scenario
}
for round in $(seq "$ROUNDS"); do
  run healthz "$PORT" /healthz "" ""
  run get "$PORT" /api/v1/tickets/1 get.lua "$READ_TOKEN"
  run search "$PORT" /api/v1/tickets search.lua "$READ_TOKEN"
  run list "$PORT" /api/v1/tickets list.lua "$READ_TOKEN"
  run create "$((PORT + 1))" /api/v1/tickets create.lua "$WRITE_TOKEN"
done

python3 - "$OUT/results.tsv" "$TICKETS" "$CONNS" "$DURATION" "$ROUNDS" "$BACKEND" "$NODES" > "$OUT/results-$BACKEND-$NODES.md" <<'PY'
import re, statistics, sys
path, tickets, conns, duration, rounds, backend, nodes = sys.argv[1:]
rows = {}
for line in open(path):
    name, rest = line.rstrip("\n").split("\t")
    vals = dict(re.findall(r"(\w+)=([\d.]+)", rest))
    rows.setdefault(name, []).append(vals)
print(f"{backend}, {nodes} node(s): {tickets} tickets in the database, wrk -t2 -c{conns} in all, {duration} s per run, {rounds} rounds; medians:\n")
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
cat "$OUT/results-$BACKEND-$NODES.md"
kill "${PIDS[@]}" 2>/dev/null || true
wait "${PIDS[@]}" 2>/dev/null || true
PIDS=()
done
