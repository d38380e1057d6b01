#!/usr/bin/env bash
# A/B load benchmark of two (or more) kefu binaries in one run (called by bench/run.sh when
# BINS is set): SQLite, one node each, the same generated database copied for each binary,
# wrk -t2 -c$CONNS against one server at a time, rounds interleaving the binaries scenario by
# scenario so that the machine's drift hits both alike. Results: bench/out/results-ab.md.
set -euo pipefail
cd "$(dirname "$0")/.."
TICKETS="${TICKETS:-100000}"
DURATION="${DURATION:-10}"
ROUNDS="${ROUNDS:-3}"
# SCENARIOS="healthz get" narrows a run to some of healthz get search list create.
CONNS="${CONNS:-64}"
PORT="${PORT:-18765}"
OUT=bench/out
mkdir -p "$OUT"
read -r -a PAIRS <<< "$BINS"
NAMES=()
declare -A BIN
for pair in "${PAIRS[@]}"; do
  NAMES+=("${pair%%=*}")
  BIN[${pair%%=*}]="$(realpath "${pair#*=}")"
done
FIRST=${BIN[${NAMES[0]}]}
DB="$OUT/ab-$TICKETS.db"
if [ ! -f "$DB" ]; then
  echo "[ab] generating $TICKETS tickets into $DB with ${NAMES[0]}"
  "$FIRST" --db "sqlite://$PWD/$DB" demo --tickets "$TICKETS" --members 5000 --days 365
fi
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
declare -A READ_PORT WRITE_PORT
k=0
for name in "${NAMES[@]}"; do
  for copy in read write; do
    cp "$DB" "$OUT/ab-$name-$copy.db"
    rm -f "$OUT/ab-$name-$copy.db-wal" "$OUT/ab-$name-$copy.db-shm"
  done
  READ_PORT[$name]=$((PORT + 10 * k))
  WRITE_PORT[$name]=$((PORT + 10 * k + 1))
  for copy in read write; do
    port=$([ $copy = read ] && echo "${READ_PORT[$name]}" || echo "${WRITE_PORT[$name]}")
    KEFU_LOG_ACCESS_LOG_FILE="$OUT/ab-access-$name-$copy.log" KEFU_STORAGE_ATTACHMENTS_DIR="$OUT/att" \
      "${BIN[$name]}" --db "sqlite://$PWD/$OUT/ab-$name-$copy.db" serve --port "$port" > "$OUT/ab-server-$name-$copy.log" 2>&1 &
    PIDS+=($!)
  done
  k=$((k + 1))
done
for name in "${NAMES[@]}"; do
  for p in "${READ_PORT[$name]}" "${WRITE_PORT[$name]}"; do
    for _ in $(seq 200); do curl -sf "http://127.0.0.1:$p/healthz" >/dev/null && break; sleep 0.2; done
  done
done
login() {
  curl -sf -X POST "http://127.0.0.1:$1/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"kefu2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
declare -A READ_TOKEN WRITE_TOKEN
for name in "${NAMES[@]}"; do
  READ_TOKEN[$name]=$(login "${READ_PORT[$name]}")
  WRITE_TOKEN[$name]=$(login "${WRITE_PORT[$name]}")
done
export KEFU_TOKEN KEFU_MAX_ID="$TICKETS"
: > "$OUT/results-ab.tsv"
run() {  # binary scenario port path script token
  local script="$OUT/ab-$2.lua"
  { [ -n "$5" ] && cat "bench/wrk/$5"; cat bench/wrk/report.lua; } > "$script"
  KEFU_TOKEN="$6"
  local line
  line=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --timeout 10s -s "$script" "http://127.0.0.1:$3$4" | grep '^RESULT')
  echo "[ab] $1 $2 round $round: $line"
  echo -e "$1\t$2\t$line" >> "$OUT/results-ab.tsv"
  sleep 2
}
for round in $(seq "$ROUNDS"); do
  for scenario in ${SCENARIOS:-healthz get search list create}; do
    for name in "${NAMES[@]}"; do
      case $scenario in
        healthz) run "$name" healthz "${READ_PORT[$name]}" /healthz "" "" ;;
        get) run "$name" get "${READ_PORT[$name]}" /api/v1/tickets/1 get.lua "${READ_TOKEN[$name]}" ;;
        search) run "$name" search "${READ_PORT[$name]}" /api/v1/tickets search.lua "${READ_TOKEN[$name]}" ;;
        list) run "$name" list "${READ_PORT[$name]}" /api/v1/tickets list.lua "${READ_TOKEN[$name]}" ;;
        create) run "$name" create "${WRITE_PORT[$name]}" /api/v1/tickets create.lua "${WRITE_TOKEN[$name]}" ;;
      esac
    done
  done
done
python3 - "$OUT/results-ab.tsv" "$TICKETS" "$CONNS" "$DURATION" "$ROUNDS" "${NAMES[@]}" > "$OUT/results-ab.md" <<'PY'
import re, statistics, sys
path, tickets, conns, duration, rounds, *names = sys.argv[1:]
rows = {}
for line in open(path):
    name, scenario, rest = line.rstrip("\n").split("\t")
    rows.setdefault((name, scenario), []).append(dict(re.findall(r"(\w+)=([\d.]+)", rest)))
print(f"SQLite, one node per binary: {tickets} tickets, wrk -t2 -c{conns}, {duration} s per run, {rounds} rounds "
      f"interleaved; medians (req/s, p50 ms, p99 ms):\n")
head = " | ".join(f"{n} req/s | {n} p50 | {n} p99" for n in names)
print(f"| scenario | {head} | {names[-1]}/{names[0]} req/s |")
print("|---|" + "---:|" * (3 * len(names) + 1))
for scenario in ["healthz", "create", "get", "list", "search"]:
    cells, rps = [], []
    for n in names:
        r = rows.get((n, scenario), [])
        if not r:
            cells.append(" | | "); rps.append(None); continue
        m = lambda k: statistics.median(float(v[k]) for v in r)
        rps.append(m("rps"))
        cells.append(f"{m('rps'):,.0f} | {m('p50_ms'):.2f} | {m('p99_ms'):.2f}")
    ratio = f"{rps[-1] / rps[0]:.2f}" if rps[0] and rps[-1] else ""
    print(f"| {scenario} | " + " | ".join(cells) + f" | {ratio} |")
errors = sum(float(v.get("errors", 0)) for r in rows.values() for v in r)
print(f"\nerrors: {int(errors)}")
PY
cat "$OUT/results-ab.md"
