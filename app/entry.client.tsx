import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nOptions, resources } from "~/i18n/config";

// The language the server rendered in (<html lang>), with the same bundled catalogs: hydration
// matches, nothing is fetched.
void i18next
  .use(initReactI18next)
  .init({ ...i18nOptions, resources, lng: document.documentElement.lang, initImmediate: false })
  .then(() => {
    startTransition(() => {
      hydrateRoot(
        document,
        <I18nextProvider i18n={i18next}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </I18nextProvider>,
      );
    });
  });
