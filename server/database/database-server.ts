// Where the database is: DATABASE_URL when set (production, or any server you run), otherwise the
// embedded PostgreSQL under POSTGRES_DATA_DIR with a `jointly` database created on first use.
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-postgres.js";

export const EMBEDDED_DATABASE_NAME = "jointly";

export type DatabaseServer = { url: string; embedded: boolean; stop: () => Promise<void> };

export async function openDatabaseServer(
  settings: { DATABASE_URL?: string; POSTGRES_DATA_DIR: string },
  log: (message: string) => void = () => {},
): Promise<DatabaseServer> {
  if (settings.DATABASE_URL) return { url: settings.DATABASE_URL, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: settings.POSTGRES_DATA_DIR, log });
  await ensureDatabase(server.urlFor(), EMBEDDED_DATABASE_NAME);
  return { url: server.urlFor(EMBEDDED_DATABASE_NAME), embedded: true, stop: () => server.stop() };
}
