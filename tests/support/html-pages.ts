import fs from "node:fs";
import path from "node:path";

/** Every HTML page under `dir` (a built static site), keyed by its path relative to it. */
export function htmlPages(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".html")) {
      const file = path.join(entry.parentPath, entry.name);
      found.set(path.relative(dir, file), fs.readFileSync(file, "utf8"));
    }
  }
  return found;
}
