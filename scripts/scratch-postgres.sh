#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests, from Debian's packages: its own data folder, its
# own port on 127.0.0.1, its own socket folder, nothing shared with a system cluster.
#
#   scripts/scratch-postgres.sh start DIR [PORT]   prints the URL of its `postgres` database
#   scripts/scratch-postgres.sh stop DIR           stops it and removes DIR
#
# PostgreSQL refuses to run as root: as root (CI), the server runs as the `postgres` user (created
# by the Debian package, or here if missing). PG_BIN overrides where initdb and pg_ctl are found.
set -euo pipefail

bin_dir() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$found" ] || [ ! -x "$found/initdb" ]; then
    echo "scratch-postgres: PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql, or set PG_BIN" >&2
    exit 3
  fi
  echo "$found"
}

# Runs a PostgreSQL program as the user the server runs as.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start() {
  local dir=$1 port=${2:-$(free_port)} bin
  bin=$(bin_dir)
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    id -u postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    chown postgres "$dir"
  fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  mkdir -p "$dir/socket"
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir/socket"; fi
  # Durability settings off: a scratch server for tests, thrown away afterwards.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-p $port -k $dir/socket -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "postgres://postgres@127.0.0.1:$port/postgres"
}

stop() {
  local dir=$1 bin
  bin=$(bin_dir)
  if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true; fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "$2" "${3:-}" ;;
  stop) stop "$2" ;;
  *) echo "usage: $0 start DIR [PORT] | stop DIR" >&2; exit 2 ;;
esac
