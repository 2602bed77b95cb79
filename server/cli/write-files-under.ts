import fs from "node:fs/promises";
import path from "node:path";

/**
 * Writes `files` (paths relative to `dir`, forward slashes) under `dir`,
 * creating folders as needed. Refuses, before writing anything, any path that
 * is absolute, has a `..` segment or would resolve outside `dir`: file names
 * come from slugs of user text and must never climb out. Returns the full
 * paths written.
 */
export async function writeFilesUnder(
  dir: string,
  files: ReadonlyArray<{ path: string; content: string; bytes?: Uint8Array }>,
): Promise<string[]> {
  const root = path.resolve(dir);
  const targets = files.map((file) => {
    const segments = file.path.split(/[\\/]/);
    const target = path.resolve(root, ...segments);
    const rel = path.relative(root, target);
    if (
      file.path === "" ||
      path.isAbsolute(file.path) ||
      segments.some((s) => s === ".." || s === "." || s === "") ||
      rel.startsWith("..") ||
      path.isAbsolute(rel)
    ) {
      throw new Error(`refusing to write ${JSON.stringify(file.path)}: it is not a plain path inside ${root}`);
    }
    return { target, content: file.bytes ?? file.content };
  });
  await fs.mkdir(root, { recursive: true });
  for (const { target, content } of targets) {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, content);
  }
  return targets.map((t) => t.target);
}
