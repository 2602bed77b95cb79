import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./server-process";

/** A small schedule of our own from lib/schedule/fixtures, as text. */
export function scheduleFixture(name: string): string {
  return readFileSync(path.join(ROOT, "lib/schedule/fixtures", name), "utf8");
}
