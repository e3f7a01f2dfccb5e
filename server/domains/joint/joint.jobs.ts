// Background jobs of the joint domain (handlers gathered in server/services.ts).
import type { AppDeps } from "../../deps.js";
import { expireJointChange } from "./changes.js";

export function jointJobHandlers(deps: Pick<AppDeps, "db" | "outbox">) {
  return {
    /** A proposal nobody answered lapses (keyed `joint-expire:<changeId>`, scheduled with the proposal). */
    "joint:expire": async ({ changeId }: { changeId: string }) => {
      await expireJointChange(deps, { changeId });
    },
  };
}
