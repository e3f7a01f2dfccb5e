// A private copy of the migrated template database (made once per run by global-setup.ts), created
// with CREATE DATABASE … TEMPLATE: a few milliseconds, whatever the schema's size.
import { createId } from "@paralleldrive/cuid2";
import pg from "pg";
import { inject } from "vitest";

export type TestDatabase = { name: string; url: string; remove: () => Promise<void> };

export function createTestDatabase(): Promise<TestDatabase> {
  return createDatabase(inject("templateDatabase"));
}

/** A new database with nothing in it, not even the schema: for tests of the migrations themselves. */
export function createEmptyDatabase(): Promise<TestDatabase> {
  return createDatabase(null);
}

async function createDatabase(template: string | null): Promise<TestDatabase> {
  const name = `${inject("databasePrefix")}${createId()}`;
  const adminUrl = inject("databaseAdminUrl");
  await withClient(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : ""}`),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async remove() {
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
    },
  };
}

/** Runs `work` on a connection of its own to `url`, closed after it. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
