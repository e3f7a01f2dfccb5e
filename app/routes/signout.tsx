import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

export async function action({ context }: ActionFunctionArgs) {
  if (!context.session) return redirect("/signin");
  const { cookie } = await context.services.identity.signOut({ sessionId: context.session.id });
  return redirect("/signin", { headers: { "Set-Cookie": cookie } });
}

// Signing out changes state, so it is POST only; a GET just goes home.
export const loader = () => redirect("/");
