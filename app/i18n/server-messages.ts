// The server's messages (AppError and zod issues, written in English on the server) in the viewer's
// language: the English sentence is the key of the `errors` namespace (decision 0018). Shown where
// every message lands: the field's error, the form's error, the inline refusal.
import { useTranslation } from "react-i18next";
import { translateServerMessage } from "./config";

export function useServerMessage(): (message: string) => string {
  const { t, i18n } = useTranslation("errors");
  return (message) => translateServerMessage(t, message, i18n.language);
}
