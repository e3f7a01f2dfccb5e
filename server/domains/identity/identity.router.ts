// The signed-in user, as the UI sees it. Sign-in, sign-up and sign-out are Remix actions (they must
// work without JavaScript) that call the identity service directly.
import { publicProcedure, router } from "../../trpc/trpc.js";

export const identityRouter = router({
  me: publicProcedure.query(({ ctx }) => (ctx.user ? { id: ctx.user.id, name: ctx.user.name, email: ctx.user.email } : null)),
});
