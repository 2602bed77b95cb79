import type { z } from "zod";
import { AppError } from "../../lib/errors/app-error";

/** Validates input against a schema, turning problems into one invalid_input AppError with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  throw new AppError("invalid_input", Object.values(fields).join(". "), fields);
}
