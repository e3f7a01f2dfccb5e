// A private copy of the migrated template database (made once per run by global-setup.ts).
import fs from "node:fs";
import path from "node:path";
import { createId } from "@paralleldrive/cuid2";
import { inject } from "vitest";

export type TestDatabase = { file: string; url: string; remove: () => void };

export function createTestDatabase(): TestDatabase {
  const file = path.join(inject("databaseDir"), `${createId()}.db`);
  fs.copyFileSync(inject("templateDatabase"), file);
  return {
    file,
    url: `file:${file}`,
    remove() {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
    },
  };
}
