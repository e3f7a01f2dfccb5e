// The projector's two themes (dark by default, for a dim room; light for a bright one), remembered
// per display in the browser.
import { useEffect, useState } from "react";

export type Theme = "dark" | "light";

export const THEMES: Record<Theme, { page: string; panel: string; muted: string; strong: string; accent: string; button: string }> = {
  dark: {
    page: "bg-slate-950 text-slate-100",
    panel: "bg-slate-900 ring-1 ring-slate-700",
    muted: "text-slate-300",
    strong: "text-white",
    accent: "text-amber-300",
    button: "bg-slate-800 text-slate-100 ring-1 ring-slate-600 hover:bg-slate-700",
  },
  light: {
    page: "bg-white text-slate-900",
    panel: "bg-slate-50 ring-1 ring-slate-300",
    muted: "text-slate-700",
    strong: "text-slate-950",
    accent: "text-indigo-800",
    button: "bg-white text-slate-900 ring-1 ring-slate-400 hover:bg-slate-100",
  },
};

const STORAGE_KEY = "jointly.display.theme";

export function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>("dark");
  useEffect(() => {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === "light" || saved === "dark") setTheme(saved);
  }, []);
  const toggle = () =>
    setTheme((current) => {
      const next = current === "dark" ? "light" : "dark";
      window.localStorage.setItem(STORAGE_KEY, next);
      return next;
    });
  return [theme, toggle];
}
