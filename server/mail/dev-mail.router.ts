// tRPC procedures of the development outbox (/dev/mail). Public, like a local mail catcher: they exist
// only outside production, where they answer NOT_FOUND.
import { z } from "zod";
import { publicProcedure, router } from "../trpc/trpc.js";
import { getDevMail, listDevMails } from "./dev-mail.js";

export const devMailRouter = router({
  list: publicProcedure.query(({ ctx }) => listDevMails(ctx.deps)),
  get: publicProcedure.input(z.object({ id: z.string().min(1).max(64) })).query(({ ctx, input }) => getDevMail(ctx.deps, { input })),
});
