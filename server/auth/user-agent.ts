// Names a device from its browser's User-Agent ("Firefox on Windows", "Safari on iPhone") for the list
// of a person's sessions, with bowser. Only a label: never used to decide anything.
import Bowser from "bowser";

export function describeDevice(userAgent: string): string {
  if (!userAgent.trim()) return "Unknown device";
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name ?? "A browser";
  const os = parsed.os.name ? (parsed.os.name === "iOS" && parsed.platform.model ? parsed.platform.model : parsed.os.name) : null;
  return os ? `${browser} on ${os}` : browser;
}
