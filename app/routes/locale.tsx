// The header's language switcher (a plain form: works without JavaScript). Signed in: the language is
// saved on the profile (pages and mails follow it); otherwise it goes in the `lng` cookie. Either way
// the cookie is set too, so the language stays after signing out.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isAppLocale } from "~/i18n/config";
import { localeCookie } from "~/i18n/i18n.server";
import { RedirectToSchema } from "../../server/domains/identity/identity.schema";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const back = RedirectToSchema.safeParse(form.get("redirectTo") ?? "/");
  const redirectTo = back.success ? back.data : "/";
  if (!isAppLocale(locale)) throw new Response("Choose a language from the list.", { status: 400 });
  if (context.user) await context.trpc.identity.profile.setLocale({ locale });
  return redirect(redirectTo, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}

// Changing the language is POST only; a GET just goes home.
export const loader = () => redirect("/");
