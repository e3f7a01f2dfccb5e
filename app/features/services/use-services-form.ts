// Like ~/lib/forms' useMutationForm, for schemas that transform (dollars → cents, dates → Date): the
// shared zod schema gives instant field messages, but the mutation is sent the typed text, which the
// server parses again with the same schema (so cents are computed in one place, never from a float).
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { toUiError, type UiError } from "~/lib/errors";

export function useServicesForm<S extends z.ZodTypeAny, O>(options: {
  schema: S;
  mutation: { mutateAsync: (input: z.input<S>) => Promise<O>; isPending: boolean };
  toInput?: (values: Record<string, FormDataEntryValue>) => Record<string, unknown>;
  onSuccess?: (result: O, form: HTMLFormElement) => void;
}) {
  const [error, setError] = useState<UiError | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = Object.fromEntries(new FormData(form));
    const input = options.toInput ? options.toInput(values) : values;
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) {
      setError({ code: "BAD_REQUEST", message: "Some fields need attention.", fields: parsed.error.flatten().fieldErrors as Record<string, string[]> });
      focusFirstInvalid(form);
      return;
    }
    try {
      const result = await options.mutation.mutateAsync(input as z.input<S>);
      setError(null);
      options.onSuccess?.(result, form);
    } catch (e) {
      setError(toUiError(e));
      focusFirstInvalid(form);
    }
  }

  return { onSubmit, error, fieldError: (name: string) => error?.fields[name]?.[0], pending: options.mutation.isPending };
}

function focusFirstInvalid(form: HTMLFormElement) {
  requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid='true'], [role='alert']")?.focus());
}
