#!/usr/bin/env bash
# A throw-away PostgreSQL 15 server for tests and benchmarks: initdb as an unprivileged
# user in a temporary directory, listening on 127.0.0.1 at a free port (no unix socket
# outside that directory), started and stopped by the caller.
#
#   eval "$(scripts/pg.sh start)"   # exports KEFU_PG_DIR and KEFU_TEST_PG (a libpq URL)
#   scripts/pg.sh stop              # stops the server in $KEFU_PG_DIR and removes it
set -euo pipefail

BIN=/usr/lib/postgresql/15/bin
PGUSER_OS=${KEFU_PG_OS_USER:-postgres}

as_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$PGUSER_OS" -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  [ -x "$BIN/initdb" ] || { echo "PostgreSQL 15 is not installed (scripts/deps.sh with KEFU_TEST_DEPS=1)" >&2; exit 1; }
  if [ "$(id -u)" = 0 ] && ! id "$PGUSER_OS" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$PGUSER_OS"
  fi
  local dir port
  dir=$(mktemp -d /tmp/kefu-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown "$PGUSER_OS" "$dir"
  port=$(free_port)
  as_user "$BIN/initdb" -D "$dir/data" -U kefu --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  # Durable as in production (fsync, synchronous_commit on); sized for a 2-core test box.
  as_user "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c shared_buffers=256MB -c fsync=on -c synchronous_commit=on" \
    start >/dev/null
  as_user "$BIN/createdb" -h 127.0.0.1 -p "$port" -U kefu kefu_test
  echo "export KEFU_PG_DIR=$dir"
  echo "export KEFU_TEST_PG=postgresql://kefu@127.0.0.1:$port/kefu_test"
}

stop() {
  local dir=${KEFU_PG_DIR:?KEFU_PG_DIR is not set}
  [ -d "$dir/data" ] && as_user "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
