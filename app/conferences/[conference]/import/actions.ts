"use server";

import { redirect } from "next/navigation";
import { authorizeAction } from "@/app/authorize-action";
import { AppError } from "@/lib/errors/app-error";
import { decodeNotesFile } from "@/lib/import/decode-notes-file";
import { ImportError } from "@/lib/import/import-error";
import type { ImportGuess } from "@/lib/import/import-guess";
import { InterchangeError } from "@/lib/interchange/interchange-error";
import type { TalkNotesDocument } from "@/lib/interchange/types";
import { importNotesToConference, previewNotesImport } from "@/server/data/import-notes";

export type PreviewResult =
  | { ok: true; document: TalkNotesDocument; warnings: string[]; guesses: ImportGuess[]; conferenceExists: boolean }
  | { ok: false; error: string };

function message(err: unknown): string {
  if (err instanceof AppError || err instanceof ImportError || err instanceof InterchangeError) return err.message;
  throw err;
}

/** Reads pasted or uploaded notes and returns the structure Talknotes recognised, for the person to check. */
export async function previewImportAction(conferenceSlug: string, form: FormData): Promise<PreviewResult> {
  try {
    await authorizeAction(conferenceSlug, "editor");
    const file = form.get("file");
    let text = String(form.get("text") ?? "");
    if (file instanceof File && file.size > 0) text = decodeNotesFile(new Uint8Array(await file.arrayBuffer()));
    else if (!text.trim()) return { ok: false, error: "Paste the notes or choose a file first." };
    const preview = await previewNotesImport({ conferenceSlug, text });
    return { ok: true, ...preview };
  } catch (err) {
    return { ok: false, error: message(err) };
  }
}

/** Creates the session from the (possibly corrected) preview and opens it in the editor. */
export async function createFromPreviewAction(
  conferenceSlug: string,
  document: TalkNotesDocument,
  warnings: string[],
): Promise<{ error: string }> {
  let path: string;
  try {
    await authorizeAction(conferenceSlug, "editor");
    const stored = await importNotesToConference({ conferenceSlug, document, warnings });
    path = `/conferences/${stored.conference.slug}/sessions/${stored.session.slug}`;
  } catch (err) {
    return { error: message(err) };
  }
  redirect(path);
}
