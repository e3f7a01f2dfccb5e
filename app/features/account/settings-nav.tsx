// The settings pages' own navigation: profile, security (two-factor, sessions) and e-mail notifications.
import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const PAGES = [
  ["/settings/profile", "profile"],
  ["/settings/security", "security"],
  ["/settings/notifications", "notifications"],
] as const;

export function SettingsNav() {
  const { t } = useTranslation("settings");
  return (
    <nav aria-label={t("nav.label")} className="flex flex-wrap gap-2 border-b border-slate-200 pb-3">
      {PAGES.map(([to, label]) => (
        <NavLink
          key={to}
          to={to}
          className={({ isActive }) =>
            `rounded-md px-3 py-2 text-sm font-medium ${isActive ? "bg-indigo-50 text-indigo-800 ring-1 ring-indigo-200" : "text-slate-700 hover:bg-slate-100"}`
          }
        >
          {t(`nav.${label}`)}
        </NavLink>
      ))}
    </nav>
  );
}
