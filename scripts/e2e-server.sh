#!/usr/bin/env bash
# Starts the BUILT app for the Playwright run (playwright.config.ts runs it as its webServer) on a fresh
# database: an embedded PostgreSQL in this run's folder, or, when DATABASE_URL is set, a new database on
# that server. The server migrates it the way production does and seeds the demo. Run `npm run build`
# first; this script does not build.
#   E2E_PORT=4123 bash scripts/e2e-server.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

port=${E2E_PORT:?E2E_PORT must be set (playwright.config.ts chooses a free port)}
if [ ! -f build/index.js ] || [ ! -d public/build ]; then
  echo "e2e-server: no build found; run 'npm run build' first" >&2
  exit 1
fi

# Everything of this run lives in one folder, removed when the server stops however it stops.
run="$root/tests/.tmp/e2e-$port"
rm -rf "$run"
mkdir -p "$run"
trap 'rm -rf "$run"' EXIT

# The server reads build/ and public/ relative to its working directory. Serve a copy, so a rebuild
# during the run (another terminal, an editor's watcher) cannot swap the browser's assets under it.
cp -R build public "$run/"

if [ -n "${DATABASE_URL:-}" ]; then
  DATABASE_URL=$(node --import tsx scripts/create-database.ts "jointly_e2e_$port")
  export DATABASE_URL
else
  export POSTGRES_DATA_DIR="$run/postgres"
fi
export SEED_DEMO=if-empty
export PORT="$port"
export HOST=127.0.0.1
export APP_ORIGIN="http://localhost:$port"
export NODE_ENV=production
export LOG_LEVEL=${LOG_LEVEL:-warn}
# Seeding hashes 20 demo passwords; OWASP's cost 17 would take most of a minute on a small machine.
export PASSWORD_HASH_COST=${PASSWORD_HASH_COST:-12}

# Not exec: the EXIT trap must run after the server stops. One node process (tsx as a loader, not the
# tsx CLI, which would add a parent process), so the stop signal reaches the server directly.
cd "$run"
node --import tsx "$root/server/index.ts" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null || true' TERM INT
wait "$server" || true
wait "$server" 2>/dev/null || true
