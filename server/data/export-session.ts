import { AppError } from "../../lib/errors/app-error";
import { documentSlug } from "../../lib/export/document-slug";
import { renderHtmlFragment, renderHtmlPage } from "../../lib/export/render-html";
import { renderJson } from "../../lib/export/render-json";
import { renderMarkdown } from "../../lib/export/render-markdown";
import { EXPORT_TIME_MODES, type ExportTimes } from "../../lib/export/export-times";
import type { ExportBodyOptions } from "../../lib/export/image-base-option";
import { sessionImagesPath } from "../../lib/images/session-images-path";
import type { TalkNotesDocument } from "../../lib/interchange/types";
import { getRuntime } from "../runtime";
import { getSession } from "./sessions";
import { loadSessionDocument } from "./load-session-document";

/** What the session Export menu offers. */
export const SESSION_EXPORTS = {
  md: {
    label: "Markdown post",
    ext: "md",
    type: "text/markdown; charset=utf-8",
    render: (d: TalkNotesDocument, o: ExportBodyOptions) => renderMarkdown(d, o),
  },
  html: { label: "HTML page", ext: "html", type: "text/html; charset=utf-8", render: renderHtmlPage },
  fragment: {
    label: "HTML to paste",
    ext: "fragment.html",
    type: "text/html; charset=utf-8",
    render: renderHtmlFragment,
  },
  // Times are in the JSON's blocks (`at`) whatever is asked.
  json: {
    label: "talknotes/1 JSON",
    ext: "json",
    type: "application/json; charset=utf-8",
    render: (d: TalkNotesDocument) => renderJson(d),
  },
} as const;
export type SessionExportFormat = keyof typeof SESSION_EXPORTS;

/** The session's notes as it stands right now, in the `talknotes/1` format. */
export async function currentSessionDocument(conferenceSlug: string, sessionSlug: string): Promise<TalkNotesDocument> {
  const session = await getSession(conferenceSlug, sessionSlug);
  // A session being edited right now: render its readers' copy from the live document first.
  // Awaited: on PostgreSQL the render is a round trip, and the export reads what it stores.
  await getRuntime()?.collab.refreshReadersCopy(session.id);
  return loadSessionDocument(session.id);
}

/**
 * One session exported as a downloadable file. `times` ("show" or "link"):
 * Markdown and HTML show each block's time on the conference's clock, or
 * link it to the session's recording at that moment. With `origin` (this
 * site's, from the request), photos link to their absolute URLs on this instance.
 */
export async function exportSession(
  conferenceSlug: string,
  sessionSlug: string,
  format: string,
  options: { times?: string | null; origin?: string } = {},
) {
  // hasOwn, not `in`: "constructor" or "__proto__" must not pass as a format.
  if (!Object.hasOwn(SESSION_EXPORTS, format)) {
    throw new AppError(
      "invalid_input",
      `Unknown export format "${format}". Use one of: ${Object.keys(SESSION_EXPORTS).join(", ")}`,
    );
  }
  const mode = options.times || null;
  if (mode !== null && !(EXPORT_TIME_MODES as readonly string[]).includes(mode)) {
    throw new AppError("invalid_input", `Unknown times "${mode}". Use one of: ${EXPORT_TIME_MODES.join(", ")}`);
  }
  const spec = SESSION_EXPORTS[format as SessionExportFormat];
  const session = await getSession(conferenceSlug, sessionSlug);
  const doc = await currentSessionDocument(conferenceSlug, sessionSlug);
  const times = mode ? { mode: mode as ExportTimes["mode"], timeZone: session.conference.timezone } : undefined;
  const imageBase = options.origin ? `${options.origin}${sessionImagesPath(session.id)}` : null;
  return {
    filename: `${documentSlug(doc)}.${spec.ext}`,
    contentType: spec.type,
    body: spec.render(doc, { times, imageBase }),
  };
}
