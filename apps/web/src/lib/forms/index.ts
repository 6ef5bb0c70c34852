import { fail } from '@sveltejs/kit';
import type { z } from 'zod';

/** Field name → first message, as shown next to the input. */
export type FieldErrors = Record<string, string>;

/** What a failed form action returns so the page can redraw the form. */
export type FormFailure = {
  values: Record<string, string>;
  errors: FieldErrors;
  message?: string;
};

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The typed values to send back on error. Passwords are never echoed. */
export function echoValues(form: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    if (/password/i.test(name)) continue;
    const value = form.get(name);
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

/** Reads named string fields from FormData (files and missing fields become undefined). */
export function readFields<const K extends string>(form: FormData, names: readonly K[]): Record<K, string | undefined> {
  const out = {} as Record<K, string | undefined>;
  for (const name of names) {
    const value = form.get(name);
    out[name] = typeof value === 'string' ? value : undefined;
  }
  return out;
}

/** fail() typed as FormFailure, so every failure branch of an action has the same shape. */
export function formFail(status: number, failure: FormFailure) {
  return fail(status, failure);
}
