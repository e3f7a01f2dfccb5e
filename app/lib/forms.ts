// One way to submit a form through a tRPC mutation: validate with the shared zod schema first (instant
// messages next to the fields), then send; the server's field errors land in the same places.
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { toUiError, type UiError } from "./errors";

type Mutation<I, O> = { mutateAsync: (input: I) => Promise<O>; isPending: boolean };

export function useMutationForm<S extends z.ZodTypeAny, O>(options: {
  schema: S;
  mutation: Mutation<z.output<S>, O>;
  /** Adds values the form does not carry (ids) and converts fields (checkboxes). */
  toInput?: (values: Record<string, FormDataEntryValue>) => Record<string, unknown>;
  onSuccess?: (result: O, form: HTMLFormElement) => void;
}) {
  const [error, setError] = useState<UiError | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = Object.fromEntries(new FormData(form));
    const parsed = options.schema.safeParse(options.toInput ? options.toInput(values) : values);
    if (!parsed.success) {
      setError({
        code: "BAD_REQUEST",
        message: "Some fields need attention.",
        fields: parsed.error.flatten().fieldErrors as Record<string, string[]>,
      });
      focusFirstInvalid(form);
      return;
    }
    try {
      const result = await options.mutation.mutateAsync(parsed.data);
      setError(null);
      options.onSuccess?.(result, form);
    } catch (e) {
      setError(toUiError(e));
      focusFirstInvalid(form);
    }
  }

  return {
    onSubmit,
    error,
    fieldError: (name: string) => error?.fields[name]?.[0],
    pending: options.mutation.isPending,
    reset: () => setError(null),
  };
}

function focusFirstInvalid(form: HTMLFormElement) {
  requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid='true'], [role='alert']")?.focus());
}
