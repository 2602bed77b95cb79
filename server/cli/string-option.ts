import type { CliArgs } from "./cli-command";
import { UsageError } from "./usage-error";

/**
 * The value of `--name`: undefined when absent (or a UsageError when
 * `required`), and a UsageError when it is not one of `allowed`.
 */
export function stringOption<T extends string = string>(
  args: CliArgs,
  name: string,
  rules: { required?: boolean; allowed?: readonly T[] } = {},
): T | undefined {
  const value = args.values[name];
  if (value === undefined || value === "") {
    if (rules.required) {
      const hint = rules.allowed ? ` (${rules.allowed.join(", ")})` : "";
      throw new UsageError(`Missing --${name}${hint}`);
    }
    return undefined;
  }
  if (typeof value !== "string") throw new UsageError(`--${name} needs a value`);
  if (rules.allowed && !rules.allowed.includes(value as T)) {
    throw new UsageError(`Unknown --${name} ${JSON.stringify(value)}: use ${listWords(rules.allowed)}`);
  }
  return value as T;
}

function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}
