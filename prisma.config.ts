// Prisma CLI configuration: the JS schema engine over the better-sqlite3 driver adapter,
// so no engine binary is ever downloaded (see docs/decisions/0002-prisma-without-engines.md).
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The schema reads DATABASE_URL too, so give it the same default as server/config.ts.
const url = (process.env.DATABASE_URL ??= "file:./data/jointly.db");
const file = url.replace(/^file:/, "");
if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});
