// POST /unsubscribe/<token>: the one-click unsubscribe of RFC 8058. Mail clients post it themselves
// (body "List-Unsubscribe=One-Click", no cookie, no Origin of ours: requireOwnOrigin lets this one path
// through), and so does the confirmation page's button (with ?from=page, answered by a redirect back to
// the page). Idempotent; the signed token is the only permission needed.
import express, { type NextFunction, type Request, type Response } from "express";
import type { AppDeps } from "../../deps.js";
import { isAppError } from "../../errors.js";
import { unsubscribeWithToken } from "./preferences.js";
import { UnsubscribeTokenInputSchema } from "./preferences.schema.js";

const INVALID = "This unsubscribe link is not valid.\n";

export function createUnsubscribeRouter({ deps }: { deps: Pick<AppDeps, "db" | "config" | "logger"> }) {
  const router = express.Router();
  router.post("/unsubscribe/:token", async (req: Request, res: Response, next: NextFunction) => {
    const parsed = UnsubscribeTokenInputSchema.safeParse({ token: req.params.token });
    const fromPage = req.query.from === "page";
    if (!parsed.success) return void res.status(404).type("text/plain").send(INVALID);
    const page = `/unsubscribe/${encodeURIComponent(parsed.data.token)}`;
    try {
      const { groups } = await unsubscribeWithToken(deps, { input: parsed.data });
      deps.logger.info({ groups: groups.map((g) => g.key) }, "unsubscribed by link");
      if (fromPage) return res.redirect(303, `${page}?done=1`);
      res.status(200).type("text/plain").send("You are unsubscribed.\n");
    } catch (error) {
      if (!isAppError(error)) return next(error);
      if (fromPage) return res.redirect(303, page);
      res.status(404).type("text/plain").send(INVALID);
    }
  });
  return router;
}
