import { AppError } from "../../lib/errors/app-error";
import { wallTimeToInstant } from "../../lib/format/wall-time-to-instant";
import { getPrisma } from "../db/prisma";
import { getRuntime } from "../runtime";
import { parseInput } from "./parse-input";
import { recordingStartFromForm } from "./recording-start-from-form";
import { SessionDetailsInput } from "./session-details-input";

/**
 * Changes a session's title, room and times, and its recording (URL, and
 * the video's start from one sync point). Times without an offset (as a
 * form sends them) are read on the conference's clock. The slug stays, so
 * links already shared keep working. Throws not_found / invalid_input.
 */
export async function updateSessionDetails(conferenceSlug: string, sessionSlug: string, input: SessionDetailsInput) {
  const prisma = getPrisma();
  const session = await prisma.session.findFirst({
    where: { slug: sessionSlug, conference: { slug: conferenceSlug } },
    select: { id: true, startsAt: true, conference: { select: { timezone: true, startsOn: true } } },
  });
  if (!session) throw new AppError("not_found", `No session "${sessionSlug}" in "${conferenceSlug}"`);
  const zone = session.conference.timezone;
  const data = parseInput(SessionDetailsInput, {
    ...input,
    startsAt: wallTimeToInstant(input.startsAt ?? "", zone),
    endsAt: wallTimeToInstant(input.endsAt ?? "", zone),
  });
  const { syncNoteTime, syncVideoPosition, syncReset, recordingStartsAt: given, ...fields } = data;
  const recordingStartsAt = syncReset
    ? null
    : given !== undefined
      ? given === null
        ? null
        : new Date(given)
      : recordingStartFromForm(
          { syncNoteTime, syncVideoPosition },
          { startsAt: fields.startsAt ?? session.startsAt, conferenceStartsOn: session.conference.startsOn },
          zone,
        );
  const updated = await prisma.session.update({
    where: { id: session.id },
    data: { ...fields, ...(recordingStartsAt !== undefined ? { recordingStartsAt } : {}) },
  });
  getRuntime()?.live.changed(session.id); // live readers see the new title at once
  return updated;
}
