// Prisma CLI configuration: the JS schema engine over the pg driver adapter, so no engine binary is ever
// downloaded (docs/decisions/0002-prisma-without-engines.md). The CLI needs DATABASE_URL: the npm
// scripts run it through scripts/with-database.ts, which starts the embedded PostgreSQL when it is unset.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: run the Prisma CLI through `npm run db:migrate` (scripts/with-database.ts).");
    return new PrismaPg({ connectionString });
  },
});
