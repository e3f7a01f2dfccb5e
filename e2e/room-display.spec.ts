// The room display (issue 14, item 2): a co-chair creates a display link; a browser with nobody signed
// in shows the meeting read-only, follows it live, keeps following it through a server restart (this
// spec runs a server of its own, on its own embedded PostgreSQL, so it can stop and start it), and is
// axe clean in both themes. A revoked link goes dark at once.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectAxeClean, screenshot, test } from "./fixtures";
import { liveMeeting, trpcCall } from "./room-support";

const DENISE = "denise.carter@demo.jointly.test";
const LIVE = { timeout: 15_000 };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        resolve(typeof address === "object" && address ? address.port : 0)
      );
    });
  });
}

/** The built app on `port` with its data in `dataDir` (kept across restarts); resolves once healthy. */
async function startServer(
  port: number,
  dataDir: string
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.resolve("server/index.ts")],
    {
      cwd: path.resolve("."),
      env: {
        ...process.env,
        DATABASE_URL: "",
        POSTGRES_DATA_DIR: dataDir,
        SEED_DEMO: "if-empty",
        PORT: String(port),
        HOST: "127.0.0.1",
        APP_ORIGIN: `http://localhost:${port}`,
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        PASSWORD_HASH_COST: "12",
      },
      stdio: ["ignore", "inherit", "inherit"],
    }
  );
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false
    );
    if (ok) return child;
    if (Date.now() > deadline)
      throw new Error("the server did not become healthy in 5 minutes");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function signInAt(
  context: BrowserContext,
  origin: string,
  email: string
) {
  const response = await context.request.post(`${origin}/signin`, {
    form: { email, password: DEMO_PASSWORD, redirectTo: "/" },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  expect(response.status(), `signing in ${email}`).toBe(302);
}

test("the projector view follows the meeting live, through a server restart, and goes dark when revoked", async ({
  browser,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(720_000);
  consoleErrors.allow(
    /WebSocket connection to '.*' failed: Error in connection establishment: net::ERR_CONNECTION_REFUSED/,
    "while the server restarts, the browsers' reconnect attempts are refused, which Chromium logs",
  );
  consoleErrors.allow(/Failed to load resource: the server responded with a status of 404/, "the revoked display link's address answers 404 on purpose when opened again");
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  // Like scripts/e2e-server.sh: a folder of this run (readable by the embedded PostgreSQL's own user).
  const runDir = path.resolve(`tests/.tmp/e2e-display-${port}`);
  mkdirSync(runDir, { recursive: true });
  const dataDir = path.join(runDir, "postgres");
  let server = await startServer(port, dataDir);
  const contexts: BrowserContext[] = [];
  try {
    const chair = await browser.newContext();
    contexts.push(chair);
    consoleErrors.watch(chair);
    await signInAt(chair, origin, DENISE);
    const partnerships = await trpcCall<Array<{ id: string; name: string }>>(
      chair,
      origin,
      "partnerships.partnership.list",
      undefined,
      "query"
    ).catch(() => null);
    const chairPage = await chair.newPage();
    let partnershipId = partnerships?.[0]?.id;
    if (!partnershipId) {
      await chairPage.goto(`${origin}/`);
      partnershipId = (await chairPage
        .getByRole("link", {
          name: "Great Lakes Manufacturing Skills Partnership",
        })
        .getAttribute("href"))!.split("/")[2]!;
    }
    const meeting = await liveMeeting(
      chair,
      origin,
      partnershipId,
      `Projector ${testInfo.workerIndex}-${Date.now().toString(36)}`,
      [
        { title: "Welding lab budget", minutes: 20 },
        { title: "Outreach with the CBOs", minutes: 10 },
      ]
    );

    // ── The co-chair creates the display link in the room.
    await chairPage.goto(`${origin}${meeting.path}`);
    await chairPage
      .getByRole("region", { name: "Room display" })
      .getByRole("button", { name: "Create a display link" })
      .click();
    const address = (await chairPage
      .getByTestId("display-link")
      .textContent())!.trim();
    expect(address).toMatch(
      new RegExp(`^${origin}/display/[A-Za-z0-9_-]{43}$`)
    );

    // ── A display with nobody signed in.
    const projectorContext = await browser.newContext({
      viewport: { width: 1600, height: 900 },
    });
    contexts.push(projectorContext);
    consoleErrors.watch(projectorContext);
    const projector = await projectorContext.newPage();
    await projector.goto(address);
    await expect(projector.getByTestId("display-current-item")).toHaveText(
      "Welding lab budget"
    );
    await expect(projector.getByTestId("display-connection")).toHaveText(
      "Live",
      LIVE
    );
    await expect(projector.getByRole("timer")).toHaveText(/^(19|20):\d\d$/);
    await expect(projector.getByRole("link", { name: "Sign in" })).toHaveCount(
      0
    );
    await expectAxeClean(projector);
    await screenshot(projector, "display-dark");
    await projector.getByRole("button", { name: "Light theme" }).click();
    await expect(projector.getByTestId("display")).toHaveAttribute(
      "data-theme",
      "light"
    );
    await expectAxeClean(projector);
    await screenshot(projector, "display-light");

    // ── Live: the chair moves to the next item; a member raises a hand.
    await trpcCall(chair, origin, "meetings.meeting.setCurrentItem", {
      meetingId: meeting.meetingId,
      itemId: meeting.itemIds[1],
    });
    await expect(projector.getByTestId("display-current-item")).toHaveText(
      "Outreach with the CBOs",
      LIVE
    );
    await trpcCall(chair, origin, "meetings.speaker.raiseHand", {
      meetingId: meeting.meetingId,
    });
    await expect(projector.getByTestId("display-speakers")).toContainText(
      "Denise Carter",
      LIVE
    );

    // ── The server restarts: the display says it is reconnecting, then follows the meeting again.
    await stopServer(server);
    await expect(projector.getByTestId("display-connection")).toHaveText(
      "Reconnecting…",
      LIVE
    );
    server = await startServer(port, dataDir);
    await expect(projector.getByTestId("display-connection")).toHaveText(
      "Live",
      { timeout: 30_000 }
    );
    await trpcCall(chair, origin, "meetings.meeting.setCurrentItem", {
      meetingId: meeting.meetingId,
      itemId: meeting.itemIds[0],
    });
    await expect(projector.getByTestId("display-current-item")).toHaveText(
      "Welding lab budget",
      LIVE
    );

    // ── Revoked: the display goes dark at once, and the address no longer opens.
    await chairPage.reload();
    await chairPage
      .getByRole("region", { name: "Room display" })
      .getByRole("button", { name: "Revoke…" })
      .click();
    await chairPage.getByRole("button", { name: "Yes, revoke" }).click();
    await expect(projector.getByRole("alert")).toContainText(
      "This display link was revoked.",
      LIVE
    );
    // Opened again, the address answers 404 (which Chromium logs: the allowance above) with the not-found page.
    const again = await projector.reload();
    expect(again?.status()).toBe(404);
    await expect(projector.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  } finally {
    for (const c of contexts) await c.close().catch(() => {});
    await stopServer(server);
    rmSync(runDir, { recursive: true, force: true });
  }
});
