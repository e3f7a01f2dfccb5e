// Vitest runs the unit tests (pure rules) and the integration tests (real migrated SQLite per test
// file, real HTTP server and sockets). Playwright's e2e/*.spec.ts are not vitest's business.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    // Each test file runs in its own process: the server, its in-memory limiter and its database
    // copy never leak between files.
    pool: "forks",
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/fail-on-console-error.ts"],
    testTimeout: 15_000,
    hookTimeout: 30_000,
    // The server reads NODE_ENV at import time (error stacks in development/test only).
    env: { NODE_ENV: "test" },
  },
});
