// Turns any error the client sees (tRPC, network, unknown) into one shape the UI can show.
import { TRPCClientError } from "@trpc/client";

export type UiError = { code: string; message: string; fields: Record<string, string[]> };

export function toUiError(error: unknown): UiError {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as { code?: string; fieldErrors?: Record<string, string[]> | null };
    return { code: data.code ?? "UNKNOWN", message: error.message, fields: data.fieldErrors ?? {} };
  }
  if (error instanceof TypeError) return { code: "NETWORK", message: "Could not reach the server. Check your connection and try again.", fields: {} };
  return { code: "UNKNOWN", message: "Something went wrong. Please try again.", fields: {} };
}
