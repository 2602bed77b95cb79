import { AppError } from "../../lib/errors/app-error";
import { documentSlug } from "../../lib/export/document-slug";
import { renderHtmlPage } from "../../lib/export/render-html";
import { renderJson } from "../../lib/export/render-json";
import { renderMarkdown } from "../../lib/export/render-markdown";
import type { ExportTimes } from "../../lib/export/export-times";
import type { ExportBodyOptions } from "../../lib/export/image-base-option";
import { renderStaticSite, type StaticSiteFile } from "../../lib/export/render-static-site";
import type { TalkNotesDocument } from "../../lib/interchange/types";
import { PUBLIC_SESSION_STATUSES } from "../../lib/reader/session-status";
import { prismaImageStore } from "../images/prisma-image-store";
import { getPrisma } from "../db/prisma";
import { loadSessionDocument } from "./load-session-document";

/** One exported file: text, or a photo's bytes. */
export interface ExportedFile extends StaticSiteFile {
  bytes?: Uint8Array;
}

/** Formats `exportConference` writes. */
export const EXPORT_FORMATS = ["md", "html", "json", "hugo", "jekyll"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportConferenceOptions {
  conferenceSlug: string;
  /** Only this session; default every session of the conference. */
  sessionSlug?: string;
  to: ExportFormat;
  /**
   * Hugo/Jekyll sites: also write draft sessions, marked as drafts (Hugo
   * `draft: true`, Jekyll `_drafts/`). Default false: a site is meant to be
   * published, so it holds only public sessions (live, published, archived).
   * Single-file formats always export every session asked for.
   */
  includeDrafts?: boolean;
  /** md/html: show each block's time on the conference's clock, or link it to the recording. */
  times?: ExportTimes["mode"];
}

const SINGLE_FILE: Record<
  "md" | "html" | "json",
  { ext: string; render: (doc: TalkNotesDocument, options: ExportBodyOptions) => string }
> = {
  md: { ext: "md", render: (doc, options) => renderMarkdown(doc, options) },
  html: { ext: "html", render: renderHtmlPage },
  json: { ext: "json", render: (doc) => renderJson(doc) },
};

/**
 * A conference's (or one session's) notes as files to write, paths relative
 * to the output folder: `<session-slug>.md|.html|.json` per session, or for
 * `hugo`/`jekyll` a ready-to-build site folder (renderStaticSite) of the
 * public sessions (drafts too with `includeDrafts`, marked as drafts). Sessions
 * come in agenda order. Paths are built from slugified names only, so they
 * never climb out of the folder. Throws AppError `not_found` for an unknown
 * conference or session, or a conference without sessions.
 */
export async function exportConference(options: ExportConferenceOptions): Promise<ExportedFile[]> {
  const { conferenceSlug, sessionSlug, to } = options;
  const conference = await getPrisma().conference.findUnique({
    where: { slug: conferenceSlug },
    include: {
      sessions: {
        where: sessionSlug === undefined ? undefined : { slug: sessionSlug },
        orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
        select: { id: true, status: true },
      },
    },
  });
  if (!conference) throw new AppError("not_found", `No conference "${conferenceSlug}"`);
  if (conference.sessions.length === 0) {
    throw new AppError(
      "not_found",
      sessionSlug === undefined
        ? `Conference "${conferenceSlug}" has no sessions to export`
        : `No session "${sessionSlug}" in "${conferenceSlug}"`,
    );
  }
  const site = to === "hugo" || to === "jekyll";
  const isPublic = (s: { status: string }) => (PUBLIC_SESSION_STATUSES as readonly string[]).includes(s.status);
  const sessions = site && !options.includeDrafts ? conference.sessions.filter(isPublic) : conference.sessions;
  if (sessions.length === 0) {
    throw new AppError(
      "not_found",
      sessionSlug === undefined
        ? `Conference "${conferenceSlug}" has no public sessions to export: publish some, or include drafts`
        : `Session "${sessionSlug}" is a draft: publish it, or include drafts`,
    );
  }

  const docs: TalkNotesDocument[] = [];
  for (const s of sessions) docs.push(await loadSessionDocument(s.id));

  if (site) {
    const first = docs[0]!;
    const files: ExportedFile[] = [];
    for (const file of renderStaticSite(first.conference, docs, to, { isDraft: (i) => !isPublic(sessions[i]!) })) {
      if (!file.photo) {
        files.push(file);
        continue;
      }
      // A photo whose bytes are gone (its session's photos deleted) is left out: the page shows its alt text link.
      const stored = await prismaImageStore().variant(
        sessions[file.photo.session]!.id,
        file.photo.hash,
        file.photo.variant,
      );
      if (stored) files.push({ path: file.path, content: "", bytes: stored.data });
    }
    return files;
  }
  const { ext, render } = SINGLE_FILE[to];
  const times = options.times ? { mode: options.times, timeZone: conference.timezone } : undefined;
  const taken = new Set<string>();
  return docs.map((doc) => {
    const base = documentSlug(doc);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return { path: `${slug}.${ext}`, content: render(doc, { times }) };
  });
}
