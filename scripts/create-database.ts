// Prints a connection string to a new, empty database on the server DATABASE_URL points at (the e2e run
// and the benchmarks use one each, so they never touch your data). Usage: tsx scripts/create-database.ts <name>
import pg from "pg";

const name = process.argv[2];
const url = process.env.DATABASE_URL;
if (!name || !url) {
  console.error("usage: DATABASE_URL=… tsx scripts/create-database.ts <name>");
  process.exit(2);
}
const admin = new URL(url);
admin.pathname = "/postgres";
const client = new pg.Client({ connectionString: admin.toString() });
await client.connect();
await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
await client.end();
const target = new URL(url);
target.pathname = `/${name}`;
process.stdout.write(target.toString());
