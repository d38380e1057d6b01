#!/usr/bin/env bash
# Live chat benchmarks (issue 12): idle sockets, messages, assignment, and two nodes on
# PostgreSQL. Builds nothing: it runs build/kefu (KEFU_BIN to choose another binary) and
# bench/chat.mjs (web/node_modules with `ws`: `cd web && npm ci`).
#
#   bash bench/chat.sh                       # all four scenarios; table at the end
#   SCENARIOS="messages assign" bash bench/chat.sh
#
# Each scenario gets a fresh SQLite demo database (as bench/run.sh prepares one, small:
# the chat tables start empty) and its own `kefu serve`, started with
# KEFU_SERVER_TRUSTED_PROXIES=127.0.0.1 so that each simulated customer's X-Forwarded-For
# is its address (docs/security/limits.md): the limits themselves are the server's own.
# The two-node run starts a throw-away PostgreSQL (scripts/pg.sh) and two `kefu serve` on
# one database: customers on node A, agents on node B.
#
# Knobs: SOCKETS (10000), CONVERSATIONS (1000), RATE (2000), STEP_SECONDS (20),
# STEPS ("3000,4000,5000": offered rates tried after RATE until p99 > 50 ms or acks fall
# behind), AGENTS (20), CUSTOMERS (1000, assignment), ROUNDS (1: repeats of messages/assign),
# IDLE_STORES (all | first), IDLE_QUEUES, LABEL (added to each row's name), PG_STEPS,
# PG_START_WIDTH (32: chats started at once on PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
KEFU_BIN="${KEFU_BIN:-build/kefu}"
SCENARIOS="${SCENARIOS:-idle messages assign twonode}"
SOCKETS="${SOCKETS:-10000}"
CONVERSATIONS="${CONVERSATIONS:-1000}"
RATE="${RATE:-2000}"
STEP_SECONDS="${STEP_SECONDS:-20}"
STEPS="${STEPS:-3000,4000,5000}"
AGENTS="${AGENTS:-20}"
CUSTOMERS="${CUSTOMERS:-1000}"
ROUNDS="${ROUNDS:-1}"
# The idle chats wait in these queues of all (or the first) store: 10,000 in one queue take
# minutes to start (each start reads the whole queue, docs/benchmarks.md).
IDLE_STORES="${IDLE_STORES:-all}"
IDLE_QUEUES="${IDLE_QUEUES:-general,returns,members,parking}"
PORT="${PORT:-18790}"
OUT=bench/out/chat
mkdir -p "$OUT"
[ -x "$KEFU_BIN" ] || { echo "no $KEFU_BIN: build it first (bash scripts/build.sh)" >&2; exit 1; }
[ -d web/node_modules/ws ] || { echo "web/node_modules/ws missing: cd web && npm ci" >&2; exit 1; }
# 10,000 sockets need as many descriptors in the server and in the client.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -gt $((SOCKETS + 1000)) ] || { echo "ulimit -n $(ulimit -n) is too low for $SOCKETS sockets" >&2; exit 1; }

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${KEFU_PG_DIR:-}" ]; then bash scripts/pg.sh stop; fi
}
trap cleanup EXIT
SINCE=$(date -u +%Y-%m-%dT%H:%M:%S)

serve() {  # name db-url port → starts kefu serve, sets SERVER_PID
  KEFU_SERVER_TRUSTED_PROXIES=127.0.0.1 KEFU_LOG_ACCESS_LOG=0 KEFU_STORAGE_ATTACHMENTS_DIR="$OUT/att" \
    "$KEFU_BIN" --db "$2" serve --port "$3" > "$OUT/server-$1.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  for _ in $(seq 150); do curl -sf "http://127.0.0.1:$3/healthz" >/dev/null && return; sleep 0.2; done
  echo "kefu serve ($1) did not start:" >&2
  cat "$OUT/server-$1.log" >&2
  exit 1
}
stop() {  # pid
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
fresh_sqlite() {  # name → a fresh demo database's URL
  local db="$PWD/$OUT/$1.db"
  rm -f "$db" "$db-wal" "$db-shm"
  "$KEFU_BIN" --db "sqlite://$db" demo --tickets 1000 --members 500 --days 90 > "$OUT/demo-$1.log" 2>&1
  echo "sqlite://$db"
}
bench() { node bench/chat.mjs "$@"; }

for scenario in $SCENARIOS; do
  case $scenario in
    idle)
      serve idle "$(fresh_sqlite idle)" "$PORT"
      bench idle --base "http://127.0.0.1:$PORT" --pid "$SERVER_PID" --sockets "$SOCKETS" \
        --stores "$IDLE_STORES" --queues "$IDLE_QUEUES" --label "sqlite${LABEL:+, $LABEL}"
      stop "$SERVER_PID"
      ;;
    messages)
      for round in $(seq "$ROUNDS"); do
        serve messages "$(fresh_sqlite messages)" "$PORT"
        bench messages --base "http://127.0.0.1:$PORT" --pid "$SERVER_PID" --conversations "$CONVERSATIONS" \
          --agents "$AGENTS" --rate "$RATE" --seconds "$STEP_SECONDS" --steps "$STEPS" --label "sqlite, round $round${LABEL:+, $LABEL}"
        stop "$SERVER_PID"
      done
      ;;
    assign)
      for round in $(seq "$ROUNDS"); do
        serve assign "$(fresh_sqlite assign)" "$PORT"
        bench assign --base "http://127.0.0.1:$PORT" --pid "$SERVER_PID" --agents "$AGENTS" --customers "$CUSTOMERS" \
          --label "sqlite, round $round${LABEL:+, $LABEL}"
        stop "$SERVER_PID"
      done
      ;;
    twonode)
      eval "$(bash scripts/pg.sh start)"
      PG_SERVER=${KEFU_TEST_PG%/*}
      psql "$KEFU_TEST_PG" -qc "CREATE DATABASE kefu_chat"
      "$KEFU_BIN" --db "$PG_SERVER/kefu_chat" demo --tickets 1000 --members 500 --days 90 > "$OUT/demo-pg.log" 2>&1
      serve node-a "$PG_SERVER/kefu_chat" "$PORT"
      A=$SERVER_PID
      serve node-b "$PG_SERVER/kefu_chat" "$((PORT + 1))"
      B=$SERVER_PID
      # Server CPU: both nodes and PostgreSQL's processes are on the same two cores.
      bench messages --base "http://127.0.0.1:$PORT" --agents-base "http://127.0.0.1:$((PORT + 1))" --pid "$A,$B" \
        --conversations "$CONVERSATIONS" --agents "$AGENTS" --rate "$RATE" --seconds "$STEP_SECONDS" \
        --steps "${PG_STEPS:-}" --start-width "${PG_START_WIDTH:-32}" --label "PostgreSQL, customers on A, agents on B${LABEL:+, $LABEL}"
      stop "$A"
      stop "$B"
      bash scripts/pg.sh stop
      unset KEFU_PG_DIR
      ;;
    *) echo "unknown scenario $scenario" >&2; exit 2 ;;
  esac
done
echo
node bench/chat.mjs report --since "$SINCE"
