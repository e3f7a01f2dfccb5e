/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
import type { RemixLoadContext } from "./server/load-context";

declare module "@remix-run/node" {
  // Loaders and actions receive what server/app.ts builds in getLoadContext.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RemixLoadContext {}
}
