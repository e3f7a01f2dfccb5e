import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        labor: { 50: "#eef2ff", 100: "#e0e7ff", 600: "#4f46e5", 700: "#4338ca", 800: "#3730a3" },
        management: { 50: "#f0fdfa", 100: "#ccfbf1", 600: "#0d9488", 700: "#0f766e", 800: "#115e59" },
      },
    },
  },
  plugins: [],
} satisfies Config;
