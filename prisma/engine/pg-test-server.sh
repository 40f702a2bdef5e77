#!/usr/bin/env bash
# A throwaway local PostgreSQL server for tests and CI, bound to 127.0.0.1 only, trust auth,
# fsync off. Nothing is installed or changed outside its temporary data directory.
#
#   prisma/engine/pg-test-server.sh start [port]   initdb + start; prints its URL (postgres://...)
#   prisma/engine/pg-test-server.sh url   [port]   prints the URL of the running server
#   prisma/engine/pg-test-server.sh stop  [port]   stops it and deletes its data directory
# Only the URL goes to stdout (the URL names the maintenance database "postgres").
#
# Typical CI use:
#   export TEST_DATABASE_URL="$(prisma/engine/pg-test-server.sh start)"
#   npx vitest run --project integration       # each test makes and drops its own database
#   prisma/engine/pg-test-server.sh stop
#
# Needs PostgreSQL's server binaries (Debian: apt-get install -y postgresql). Found via $PG_BIN,
# `pg_config --bindir`, or the newest /usr/lib/postgresql/*/bin. Port: $1, $PG_TEST_PORT or 55432.
# As root, the server runs as the `postgres` system user (PostgreSQL refuses to run as root).
set -euo pipefail

cmd="${1:-}"
port="${2:-${PG_TEST_PORT:-55432}}"
state_dir="${TMPDIR:-/tmp}"
state_file="$state_dir/freehold-pg-test-$port.datadir"
url="postgres://postgres@127.0.0.1:$port/postgres"

find_bin() {
  if [[ -n "${PG_BIN:-}" && -x "$PG_BIN/pg_ctl" ]]; then echo "$PG_BIN"; return; fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$d/pg_ctl" ]]; then echo "$d"; return; fi
  done
  if command -v pg_config >/dev/null 2>&1; then
    d="$(pg_config --bindir)"
    if [[ -x "$d/pg_ctl" ]]; then echo "$d"; return; fi
  fi
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return; fi
  echo "pg-test-server: PostgreSQL server binaries not found. Install them (Debian: apt-get install -y postgresql) or set PG_BIN." >&2
  exit 1
}

# Runs a command as the server's OS user.
as_owner() {
  if [[ "$(id -u)" == "0" ]]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "pg-test-server: running as root but there is no 'postgres' user to run the server as." >&2
      exit 1
    fi
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
  else
    "$@"
  fi
}

case "$cmd" in
  start)
    bin="$(find_bin)"
    if [[ -f "$state_file" ]] && [[ -d "$(cat "$state_file")" ]]; then
      data="$(cat "$state_file")"
      if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        echo "$url"
        exit 0
      fi
    fi
    data="$(mktemp -d "${state_dir}/freehold-pg-test-$port.XXXXXX")"
    chmod 700 "$data"
    [[ "$(id -u)" == "0" ]] && chown postgres:postgres "$data"
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1 ||
      as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C >"$data.initdb.log" 2>&1 || {
        cat "$data.initdb.log" >&2
        exit 1
      }
    as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 \
      -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null || {
        cat "$data/server.log" >&2
        exit 1
      }
    echo "$data" >"$state_file"
    echo "$url"
    ;;
  url)
    [[ -f "$state_file" ]] || { echo "pg-test-server: no server started on port $port" >&2; exit 1; }
    echo "$url"
    ;;
  stop)
    [[ -f "$state_file" ]] || { echo "pg-test-server: no server started on port $port" >&2; exit 0; }
    bin="$(find_bin)"
    data="$(cat "$state_file")"
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$data" "$data.initdb.log" "$state_file"
    echo "stopped PostgreSQL on port $port" >&2
    ;;
  *)
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
