// One structured logger for the process (pino). Log once, at the edge, with request/socket/user ids.
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, redact: ["req.headers.cookie", "password", "*.password"] });
}
