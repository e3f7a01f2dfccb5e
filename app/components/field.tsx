// Labelled form controls with their error message tied to them for screen readers.
import { useServerMessage } from "~/i18n/server-messages";
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

type Common = { label: string; error?: string; hint?: ReactNode };

function Wrapper({ id, label, error, hint, children }: Common & { id: string; children: ReactNode }) {
  const translate = useServerMessage();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {translate(error)}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function TextField({ label, error, hint, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Wrapper id={id} label={label} error={error} hint={hint}>
      <input id={id} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...props} />
    </Wrapper>
  );
}

export function TextArea({ label, error, hint, ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Wrapper id={id} label={label} error={error} hint={hint}>
      <textarea id={id} rows={3} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...props} />
    </Wrapper>
  );
}

export function SelectField({
  label,
  error,
  hint,
  options,
  placeholder,
  ...props
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: Record<string, string> | [string, string][]; placeholder?: string }) {
  const id = useId();
  const entries = Array.isArray(options) ? options : Object.entries(options);
  return (
    <Wrapper id={id} label={label} error={error} hint={hint}>
      <select id={id} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...props}>
        {placeholder ? <option value="">{placeholder}</option> : null}
        {entries.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}

/** The message at the top of a form when the whole submission failed. */
export function FormError({ message }: { message?: string | null }) {
  const translate = useServerMessage();
  if (!message) return null;
  return (
    <div role="alert" tabIndex={-1} className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
      {translate(message)}
    </div>
  );
}
