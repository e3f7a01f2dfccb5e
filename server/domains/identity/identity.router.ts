// The signed-in user, as the UI sees it. Sign-in, sign-up and sign-out are Remix actions (they must
// work without JavaScript and set cookies) that call the use cases in identity.ts with context.deps.
import { publicProcedure, router } from "../../trpc/trpc.js";
import { getMe } from "./identity.server.js";

export const identityRouter = router({
  me: publicProcedure.query(({ ctx }) => getMe(ctx.deps, { user: ctx.user })),
});
