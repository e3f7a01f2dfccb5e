// Applies the committed migrations the way production does: `prisma migrate deploy` through the JS
// schema engine (prisma.config.ts). PostgreSQL's advisory lock inside it makes concurrent runs safe.
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

/** The repository root (where prisma/ and node_modules/ are), whatever the process's working directory. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Environment every Prisma CLI run needs here: no engine binaries (docs/decisions/0002). */
export const PRISMA_CLI_ENV = { PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" };

export async function migrateDatabase(databaseUrl: string, cwd = ROOT): Promise<void> {
  const prisma = path.join(cwd, "node_modules", ".bin", "prisma");
  try {
    await promisify(execFile)(prisma, ["migrate", "deploy"], { cwd, env: { ...process.env, ...PRISMA_CLI_ENV, DATABASE_URL: databaseUrl } });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`prisma migrate deploy failed:\n${stdout ?? ""}\n${stderr ?? ""}`, { cause: error });
  }
}
