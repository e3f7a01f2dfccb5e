// Lint rules that guard the architecture: app/ may import from server/ only types and the isomorphic
// *.schema / *.events / *.rules files and errors.ts (pure code, no I/O), so the Remix bundle never
// carries a second Prisma client or socket.io server.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "server/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "tests/.tmp/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+server/(?!.*\\.(schema|events|rules)$)(?!errors$)(?!text$)",
              message: "app/ reaches the server through the load context; import only types or *.schema/*.events/*.rules/errors/text from server/.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
