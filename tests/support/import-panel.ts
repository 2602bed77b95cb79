import fs from "node:fs";
import path from "node:path";
import type { ImportedNotes } from "../../server/data/import-notes";
import { ROOT } from "./server-process";

/**
 * Imports the panel fixture (tests/fixtures/notes/panel.txt) into the
 * conference `conferenceSlug` (created by the first import; each import adds
 * a new draft session) through the app's own import, on the database
 * DATABASE_URL names, as `talknotes import-notes` does.
 */
export async function importPanel(conferenceSlug = "harbour-ops-camp"): Promise<ImportedNotes> {
  const { openCliDatabase } = await import("../../server/cli/open-cli-database");
  const { importNotesToConference } = await import("../../server/data/import-notes");
  const database = await openCliDatabase({ mustExist: true });
  try {
    const text = fs.readFileSync(path.join(ROOT, "tests/fixtures/notes/panel.txt"), "utf8");
    return await importNotesToConference({ conferenceSlug, text });
  } finally {
    await database.close();
  }
}
