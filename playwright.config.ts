// End-to-end tests: Debian's Chromium against the BUILT app (run `npm run build` first; `npm test`
// does) on a free port with a fresh, migrated and seeded PostgreSQL database (scripts/e2e-server.sh).
import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

// This file is evaluated again in every worker; the main process picks the port once and the
// workers inherit it through the environment. Set E2E_PORT yourself to pin the port.
process.env.E2E_PORT ??= freePort();
const port = Number(process.env.E2E_PORT);
// localhost, not 127.0.0.1: the server only accepts non-GET requests and websocket handshakes whose
// Origin is its APP_ORIGIN (http://localhost:<port>).
const baseURL = `http://localhost:${port}`;
const isCI = Boolean(process.env.CI);

/** Debian's Chromium, headless, with nothing that reaches for the network on its own. */
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  },
};

const PROFILE_LANGUAGE_SPECS = "**/i18n-profile.spec.ts";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  fullyParallel: false,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  // Two cores: the browser, the server and the runner share them.
  workers: 2,
  reporter: "list",
  // Journeys run several browsers, axe and a live server on two cores: a minute each (each expect still waits 5 s at most).
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    locale: "en-US",
    timezoneId: "America/Detroit",
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
  },
  projects: [
    { name: "chromium", use: chromium, testIgnore: PROFILE_LANGUAGE_SPECS },
    // Specs that change a shared demo person's saved language for their duration: only after every
    // other spec has finished, so none reads that person's pages in the wrong language meanwhile.
    { name: "profile-language", use: chromium, testMatch: PROFILE_LANGUAGE_SPECS, dependencies: ["chromium"] },
  ],
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `${baseURL}/healthz`,
    env: { E2E_PORT: String(port) },
    // Always a fresh database: never attach to a server that happens to be running.
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets the server close its sockets and the script delete its database file.
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});

/** A port nobody listens on right now; synchronous, so it works however Playwright loads this file. */
function freePort(): string {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
}
