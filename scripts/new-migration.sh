#!/usr/bin/env bash
# Writes a new migration from the difference between the last committed schema and prisma/schema.prisma.
# Usage: npm run db:migration -- <name>    (prisma migrate dev does not work with the JS engine on SQLite here)
set -euo pipefail
name=${1:?usage: npm run db:migration -- <name>}
export PRISMA_SCHEMA_ENGINE_BINARY=/bin/false PRISMA_QUERY_ENGINE_LIBRARY=/bin/false
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
previous=$(mktemp --suffix=.prisma)
trap 'rm -f "$previous"' EXIT
if git cat-file -e HEAD:prisma/schema.prisma 2>/dev/null; then
  git show HEAD:prisma/schema.prisma >"$previous"
  from=(--from-schema-datamodel "$previous")
else
  from=(--from-empty)
fi
mkdir -p "$dir"
npx prisma migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script >"$dir/migration.sql"
if ! grep -qv '^--' "$dir/migration.sql" || [ ! -s "$dir/migration.sql" ]; then
  rm -r "$dir"; echo "No schema changes since HEAD."; exit 0
fi
[ -f prisma/migrations/migration_lock.toml ] || printf 'provider = "sqlite"\n' >prisma/migrations/migration_lock.toml
echo "Wrote $dir/migration.sql"
