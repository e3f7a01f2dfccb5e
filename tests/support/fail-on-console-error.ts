// An unexpected console.error fails the test that caused it (the server logs through pino, silenced
// in tests, so anything on console.error is a surprise). A test that expects one calls
// allowConsoleError() first. Calls outside any test (in hooks) fail the file in afterAll.
import { format } from "node:util";
import { afterAll, afterEach, beforeEach, expect } from "vitest";

let calls: string[] = [];
let allowed = false;

console.error = (...args: unknown[]) => {
  if (!allowed) calls.push(format(...args));
};

function takeCalls() {
  const taken = calls;
  calls = [];
  return taken;
}

beforeEach(() => {
  allowed = false;
});

afterEach(() => {
  allowed = false;
  const taken = takeCalls();
  if (taken.length > 0) expect.fail(`Unexpected console.error:\n${taken.join("\n---\n")}`);
});

afterAll(() => {
  const taken = takeCalls();
  if (taken.length > 0) throw new Error(`Unexpected console.error outside a test:\n${taken.join("\n---\n")}`);
});

/** For the rare test that expects console.error to be called (until the test ends). */
export function allowConsoleError() {
  allowed = true;
}
