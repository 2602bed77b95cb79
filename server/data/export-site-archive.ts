import { zipSync } from "fflate";
import { exportConference } from "./export-conference";

/** A Hugo or Jekyll site folder as one zip to download. */
export interface SiteArchive {
  filename: string;
  bytes: Uint8Array;
}

/**
 * The conference's Hugo or Jekyll site (exportConference: public sessions,
 * or drafts too, marked as drafts) zipped under one top folder named after
 * the conference and flavour, ready to unzip and build. Throws not_found
 * like exportConference.
 */
export async function exportSiteArchive(
  conferenceSlug: string,
  flavour: "hugo" | "jekyll",
  options: { includeDrafts?: boolean } = {},
): Promise<SiteArchive> {
  const files = await exportConference({ conferenceSlug, to: flavour, includeDrafts: options.includeDrafts });
  const root = `${conferenceSlug}-${flavour}`;
  const encoder = new TextEncoder();
  const mtime = new Date();
  const zip = zipSync(
    Object.fromEntries(files.map((f) => [`${root}/${f.path}`, [f.bytes ?? encoder.encode(f.content), { mtime }]])),
    { level: 6 },
  );
  return { filename: `${root}.zip`, bytes: zip };
}
