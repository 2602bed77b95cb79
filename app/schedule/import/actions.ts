"use server";

import { authorizeAction } from "@/app/authorize-action";
import { currentViewer } from "@/app/current-viewer";
import { AppError } from "@/lib/errors/app-error";
import { editableConferenceIds } from "@/server/auth/conference-access";
import { importSchedule } from "@/server/data/import-schedule";

/** What the schedule import form shows after a submit: the refusal, or what the import did. */
export interface ScheduleImportState {
  error: string | null;
  /** The reader's technical explanation, shown folded under a plain `error`. */
  detail?: string | null;
  result: {
    conferenceSlug: string;
    conferenceName: string;
    created: boolean;
    summary: string[];
    counts: { days: number; rooms: number; sessions: number; people: number };
  } | null;
}

/**
 * Imports the uploaded file or the URL from the form into `conferenceSlug`
 * (null: the conference this schedule was imported into before, or a new one).
 */
export async function importScheduleAction(
  conferenceSlug: string | null,
  _prev: ScheduleImportState,
  form: FormData,
): Promise<ScheduleImportState> {
  const file = form.get("file");
  const upload = file instanceof File && file.size > 0 ? file : null;
  try {
    const viewer = conferenceSlug ? (await authorizeAction(conferenceSlug, "editor")).viewer : await currentViewer();
    if (!viewer) throw new AppError("unauthorized", "Sign in to import a schedule");
    const access = conferenceSlug ? {} : { matchAmong: await editableConferenceIds(viewer), ownerId: viewer.id };
    const result = await importSchedule(
      {
        text: upload ? await upload.text() : undefined,
        filename: upload?.name,
        url: String(form.get("url") ?? ""),
        conferenceSlug: conferenceSlug ?? undefined,
      },
      access,
    );
    return {
      error: null,
      result: {
        conferenceSlug: result.conference.slug,
        conferenceName: result.conference.name,
        created: result.created,
        summary: result.summary,
        counts: result.counts,
      },
    };
  } catch (err) {
    if (err instanceof AppError) {
      const plain = err.fields.file;
      return plain ? { error: plain, detail: err.message, result: null } : { error: err.message, result: null };
    }
    throw err;
  }
}
