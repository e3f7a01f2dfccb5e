#!/usr/bin/env bash
# Starts the BUILT app for the Playwright run (playwright.config.ts runs it as its webServer): a fresh
# SQLite file, migrated the way production is (prisma migrate deploy) and seeded with the demo, then
# the server itself. Run `npm run build` first; this script does not build.
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

export DATABASE_URL="file:$run/e2e.db"
export PORT="$port"
export HOST=127.0.0.1
export APP_ORIGIN="http://localhost:$port"
export NODE_ENV=production
export LOG_LEVEL=${LOG_LEVEL:-warn}
# Seeding hashes 20 demo passwords; OWASP's cost 17 would take most of a minute on a small machine.
export PASSWORD_HASH_COST=${PASSWORD_HASH_COST:-12}

# Quiet unless they fail (Playwright shows the server's stderr).
quietly() { local out; out=$("$@" 2>&1) || { echo "$out" >&2; echo "e2e-server: '$*' failed" >&2; return 1; }; }
quietly npm run --silent db:migrate
quietly node --import tsx prisma/seed.ts

# Not exec: the EXIT trap must run after the server stops. One node process (tsx as a loader, not the
# tsx CLI, which would add a parent process), so the stop signal reaches the server directly.
cd "$run"
node --import tsx "$root/server/index.ts" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null || true' TERM INT
wait "$server" || true
wait "$server" 2>/dev/null || true
