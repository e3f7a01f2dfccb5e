// The server's one secret: it signs mail links (unsubscribe) and the keys of secret ballots are derived
// from it (decision 0010), each use separated by its own HMAC/HKDF context. APP_SECRET, or, where config
// allows its absence (outside production, or production on a loopback origin), a random one generated
// once into APP_SECRET_FILE (mode 0600) and reused by every process and restart. Keep it out of database
// backups: with it, a backup's sealed ballots open.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "./config.js";

const cache = new Map<string, string>();

export function appSecret(config: Pick<Config, "APP_SECRET" | "APP_SECRET_FILE">): string {
  if (config.APP_SECRET) return config.APP_SECRET;
  const file = path.resolve(config.APP_SECRET_FILE);
  const cached = cache.get(file);
  if (cached) return cached;
  const secret = readOrCreate(file);
  cache.set(file, secret);
  return secret;
}

function readOrCreate(file: string): string {
  const existing = readSecret(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written whole under a temporary name, then linked into place: link() fails if another process got
  // there first, and nobody ever reads a half-written file. The loser reads the winner's secret.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(temporary, randomBytes(48).toString("base64url"), { mode: 0o600 });
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  const secret = readSecret(file);
  if (!secret) throw new Error(`Could not read the app secret from ${file}`);
  return secret;
}

function readSecret(file: string): string | null {
  try {
    const text = fs.readFileSync(file, "utf8").trim();
    return text.length >= 32 ? text : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
