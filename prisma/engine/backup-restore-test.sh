#!/usr/bin/env bash
# Backup and restore, tested: fills a PostgreSQL database (migrations + demo data + a bulk
# organisation), takes a logical backup with pg_dump (custom format, what the README's production
# section recommends next to the managed service's PITR), restores it into a new database with
# pg_restore, and checks that the copy is the same: every table's row count and content checksum,
# the migration history (`prisma migrate status`), and the append-only triggers still refusing an
# UPDATE of a review snapshot. Runs on a throwaway local server (pg-test-server.sh), loopback only.
#
#   bash prisma/engine/backup-restore-test.sh [port]      (default 55472)
set -euo pipefail
cd "$(dirname "$0")/../.."
port="${1:-${BACKUP_TEST_PG_PORT:-55472}}"
work="$(mktemp -d "${TMPDIR:-/tmp}/freehold-backup-XXXXXX")"
cleanup() {
  bash prisma/engine/pg-test-server.sh stop "$port" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

base="$(bash prisma/engine/pg-test-server.sh start "$port")"
server="${base%/postgres}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
passed=0
failed=0
check() { # name, command...
  local name="$1"; shift
  if "$@"; then passed=$((passed + 1)); echo "  ✓ $name"; else failed=$((failed + 1)); echo "  ✗ $name"; fi
}

psql "$base" -qc "CREATE DATABASE freehold_live" >/dev/null
psql "$base" -qc "CREATE DATABASE freehold_restored" >/dev/null
export DATABASE_URL="$server/freehold_live"
npx prisma migrate deploy >/dev/null 2>&1
npx tsx prisma/seed.ts >/dev/null 2>&1
npx tsx prisma/seed-bulk.ts --assessments 200 >/dev/null

# The backup: pg_dump's custom format (compressed, restorable table by table).
"$bin/pg_dump" -Fc --no-owner --no-privileges -f "$work/freehold.dump" "$server/freehold_live"
echo "backup: $(du -h "$work/freehold.dump" | cut -f1) for $(psql -Atqc 'SELECT count(*) FROM "Assessment"' "$server/freehold_live") assessments"
"$bin/pg_restore" --no-owner --no-privileges --exit-on-error -d "$server/freehold_restored" "$work/freehold.dump"

fingerprint() { # database -> one line per table: name, rows, checksum of its rows
  psql -Atq "$1" <<'SQL'
SELECT string_agg(format('%s %s', table_name, table_rows), E'\n' ORDER BY table_name) FROM (
  SELECT c.relname AS table_name,
         (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) || '':'' || coalesce(md5(string_agg(t::text, ''|'' ORDER BY t::text)), '''') AS c FROM %I.%I t', n.nspname, c.relname), false, true, '')))[1]::text AS table_rows
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind = 'r'
) s;
SQL
}
fingerprint "$server/freehold_live" >"$work/live.txt"
fingerprint "$server/freehold_restored" >"$work/restored.txt"
tables="$(wc -l <"$work/live.txt")"
check "all $tables tables restored with the same rows (count and md5 of every row)" diff "$work/live.txt" "$work/restored.txt"
migrations_complete() { DATABASE_URL="$server/freehold_restored" npx prisma migrate status >/dev/null 2>&1; }
check "the restored database's migration history is complete (prisma migrate status)" migrations_complete
refuses_update() {
  ! psql -Atq "$server/freehold_restored" -c 'UPDATE "AssessmentSnapshot" SET note = note' >/dev/null 2>&1
}
check "append-only triggers survive the restore (UPDATE of a snapshot is refused)" refuses_update
check "the restored copy serves the demo sign-in data (4 demo users, 1 bulk organisation)" \
  test "$(psql -Atqc "SELECT count(*) FROM \"User\" WHERE email LIKE '%@northwind.example'" "$server/freehold_restored")" = 4

echo "backup-restore: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
