import { AppError } from "../../lib/errors/app-error";
import { wallTimeToInstant } from "../../lib/format/wall-time-to-instant";
import { getPrisma } from "../db/prisma";
import { getRuntime } from "../runtime";
import { parseInput } from "./parse-input";
import { SessionDetailsInput } from "./session-details-input";

/**
 * Changes a session's title, room and times. Times without an offset (as a
 * form sends them) are read on the conference's clock. The slug stays, so
 * links already shared keep working. Throws not_found / invalid_input.
 */
export async function updateSessionDetails(conferenceSlug: string, sessionSlug: string, input: SessionDetailsInput) {
  const prisma = getPrisma();
  const session = await prisma.session.findFirst({
    where: { slug: sessionSlug, conference: { slug: conferenceSlug } },
    select: { id: true, conference: { select: { timezone: true } } },
  });
  if (!session) throw new AppError("not_found", `No session "${sessionSlug}" in "${conferenceSlug}"`);
  const zone = session.conference.timezone;
  const data = parseInput(SessionDetailsInput, {
    ...input,
    startsAt: wallTimeToInstant(input.startsAt ?? "", zone),
    endsAt: wallTimeToInstant(input.endsAt ?? "", zone),
  });
  const updated = await prisma.session.update({ where: { id: session.id }, data });
  getRuntime()?.live.changed(session.id); // live readers see the new title at once
  return updated;
}
