// One way to submit a form through a tRPC mutation: validate with the shared zod schema first (instant
// messages next to the fields), then send; the server's field errors land in the same places.
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { toUiError, type UiError } from "./errors";

type Mutation<I, O> = { mutateAsync: (input: I) => Promise<O>; isPending: boolean };

type FormOptions<S extends z.ZodTypeAny, O> = {
  schema: S;
  /** Adds values the form does not carry (ids) and converts fields (checkboxes). */
  toInput?: (values: Record<string, FormDataEntryValue>) => Record<string, unknown>;
  onSuccess?: (result: O, form: HTMLFormElement) => void;
};

/** Sends the schema's parsed values. */
export function useMutationForm<S extends z.ZodTypeAny, O>(options: FormOptions<S, O> & { mutation: Mutation<z.output<S>, O> }) {
  return useSchemaForm(options, options.mutation.isPending, (parsed) => options.mutation.mutateAsync(parsed));
}

/**
 * For schemas that transform (dollars → cents, text → Date): checks with the schema for instant
 * messages, but sends the typed input, which the server parses with the same schema (so, for
 * example, cents are computed in one place and never from a float).
 */
export function useInputMutationForm<S extends z.ZodTypeAny, O>(options: FormOptions<S, O> & { mutation: Mutation<z.input<S>, O> }) {
  return useSchemaForm(options, options.mutation.isPending, (_parsed, input) => options.mutation.mutateAsync(input as z.input<S>));
}

function useSchemaForm<S extends z.ZodTypeAny, O>(options: FormOptions<S, O>, pending: boolean, send: (parsed: z.output<S>, input: unknown) => Promise<O>) {
  const [error, setError] = useState<UiError | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = Object.fromEntries(new FormData(form));
    const input = options.toInput ? options.toInput(values) : values;
    const parsed = options.schema.safeParse(input);
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
      const result = await send(parsed.data, input);
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
    pending,
    reset: () => setError(null),
  };
}

function focusFirstInvalid(form: HTMLFormElement) {
  requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid='true'], [role='alert']")?.focus());
}
