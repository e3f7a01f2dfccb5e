import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
// A .server module (left out of the browser bundle), called by the action with the app's context.deps.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { signOut } from "../../server/domains/identity/identity.server";

export async function action({ context }: ActionFunctionArgs) {
  if (!context.session) return redirect("/signin");
  const { cookie } = await signOut(context.deps, { input: { sessionId: context.session.id } });
  return redirect("/signin", { headers: { "Set-Cookie": cookie } });
}

// Signing out changes state, so it is POST only; a GET just goes home.
export const loader = () => redirect("/");
