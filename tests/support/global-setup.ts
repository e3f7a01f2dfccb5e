// Runs once per `vitest run`: migrates a template SQLite file the way production does (prisma migrate
// deploy, through prisma.config.ts and the JS engine), then hands its path to every test file, which
// copies it (tests/support/test-db.ts). Each run gets its own folder, so two runs at once do not collide.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";

const RUN_DIR_PREFIX = "vitest-";

declare module "vitest" {
  export interface ProvidedContext {
    /** Absolute path of the migrated template database. */
    templateDatabase: string;
    /** Folder where test files put their database copies (removed after the run). */
    databaseDir: string;
  }
}

export default async function setup(project: TestProject) {
  const root = project.config.root;
  const tmp = path.join(root, "tests", ".tmp");
  removeAbandonedRunDirs(tmp);
  const runDir = path.join(tmp, `${RUN_DIR_PREFIX}${process.pid}`);
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });
  const template = path.join(runDir, "template.db");

  try {
    await promisify(execFile)("npx", ["--no-install", "prisma", "migrate", "deploy"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: `file:${template}`,
        // No engine binaries here (docs/decisions/0002-prisma-without-engines.md).
        PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
        PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
      },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`prisma migrate deploy failed for the test template:\n${stdout ?? ""}\n${stderr ?? ""}`, { cause: error });
  }

  project.provide("templateDatabase", template);
  project.provide("databaseDir", runDir);
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}

/** Folders of earlier runs whose process is gone (killed before its teardown ran). */
function removeAbandonedRunDirs(tmp: string) {
  if (!fs.existsSync(tmp)) return;
  for (const entry of fs.readdirSync(tmp)) {
    if (!entry.startsWith(RUN_DIR_PREFIX)) continue;
    const pid = Number(entry.slice(RUN_DIR_PREFIX.length));
    if (Number.isInteger(pid) && !isAlive(pid)) fs.rmSync(path.join(tmp, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
