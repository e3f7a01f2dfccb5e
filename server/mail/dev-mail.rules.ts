// Who may read the local outbox (/dev/mail): only this machine. Pure, so the page's loader can use it.

/** Whether a client address (Express's req.ip, after the trusted loopback proxy) is this machine. */
export function isLoopbackClient(ip: string | undefined | null): boolean {
  if (!ip) return false;
  return ip === "::1" || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(ip);
}
