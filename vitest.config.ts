// Vitest runs the unit tests (pure rules) and the integration tests (real migrated SQLite per test
// file, real HTTP server and sockets). Playwright's e2e/*.spec.ts are not vitest's business.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The app's own "~/…" imports (remix.config.js / tsconfig paths), for tests of app modules.
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    // Each test file runs in its own process: the server, its in-memory limiter and its database
    // copy never leak between files.
    pool: "forks",
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/fail-on-console-error.ts"],
    // Two cores run the files in parallel, each with its server and database: the demo seed alone can take 15 s.
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // The server reads NODE_ENV at import time (error stacks in development/test only).
    env: { NODE_ENV: "test" },
  },
});
