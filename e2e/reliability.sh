#!/usr/bin/env bash
# The reliability suites that need a production build and their own servers (issue 17):
#   - durability: kill -9 of the app on PGlite, `pg_ctl restart -m immediate` of PostgreSQL with
#     fsync/synchronous_commit on; 0 acknowledged saves may be lost (e2e/durability.ts)
#   - two replicas on one PostgreSQL: sessions, rate limits, conflicts, health, SIGTERM drain
#     (e2e/two-replicas.ts)
#   - backup and restore with pg_dump/pg_restore, compared table by table
#     (prisma/engine/backup-restore-test.sh)
# Everything listens on 127.0.0.1 only; each suite stops what it started. About 3 minutes here.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
dist="${NEXT_DIST_DIR:-.next}"
if [ ! -f "$dist/BUILD_ID" ] || [ ! -f "$dist/server/server-reference-manifest.json" ]; then
  npx prisma generate >/dev/null
  npx next build
fi
status=0
npx tsx e2e/durability.ts all || status=1
npx tsx e2e/two-replicas.ts || status=1
bash prisma/engine/backup-restore-test.sh || status=1
exit "$status"
