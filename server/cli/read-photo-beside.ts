import fs from "node:fs/promises";
import path from "node:path";
import { IMAGE_LIMITS } from "../../lib/images/image-limits";

/**
 * The bytes of the photo a notes file links to (`![alt](slides/3.jpg)`), read
 * from beside the notes file; null for a URL, an absolute path, a path that
 * climbs out of the notes' folder, a missing file or one over the upload cap.
 */
export async function readPhotoBeside(notesFile: string, src: string): Promise<Uint8Array | null> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("/") || src.startsWith("\\")) return null;
  const folder = path.resolve(path.dirname(notesFile));
  const target = path.resolve(folder, decodeURIComponentSafe(src));
  const rel = path.relative(folder, target);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return null;
  try {
    const stat = await fs.stat(target);
    if (!stat.isFile() || stat.size > IMAGE_LIMITS.maxUploadBytes) return null;
    return new Uint8Array(await fs.readFile(target));
  } catch {
    return null;
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
