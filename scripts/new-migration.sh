#!/usr/bin/env bash
# Writes a new migration from the difference between the last committed schema and prisma/schema.prisma.
# Usage: npm run db:migration -- <name>    (prisma migrate dev needs engine binaries; this needs none)
# Hand-written rules (CHECKs, triggers, partial indexes) go below the generated part, as in the baseline.
set -euo pipefail
name=${1:?usage: npm run db:migration -- <name>}
export PRISMA_SCHEMA_ENGINE_BINARY=/bin/false PRISMA_QUERY_ENGINE_LIBRARY=/bin/false
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
previous=$(mktemp --suffix=.prisma)
trap 'rm -f "$previous"' EXIT
git show HEAD:prisma/schema.prisma >"$previous"
mkdir -p "$dir"
npx prisma migrate diff --from-schema-datamodel "$previous" --to-schema-datamodel prisma/schema.prisma --script | grep -v '^Loaded Prisma config' >"$dir/migration.sql"
if ! grep -qv '^--' "$dir/migration.sql" || [ ! -s "$dir/migration.sql" ]; then
  rm -r "$dir"; echo "No schema changes since HEAD."; exit 0
fi
echo "Wrote $dir/migration.sql"
