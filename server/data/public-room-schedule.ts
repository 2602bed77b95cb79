import { AppError } from "../../lib/errors/app-error";
import { PUBLIC_SESSION_STATUSES } from "../../lib/reader/session-status";
import { slugify } from "../../lib/text/slugify";
import { getPrisma } from "../db/prisma";

const PUBLIC = [...PUBLIC_SESSION_STATUSES];

/**
 * A room's public sessions with their times, for the room embed: the room is
 * named as the schedule writes it ("Room A") or by its slug ("room-a"); an
 * exact name wins over a slug. Drafts are left out (never embeddable, not
 * even as "next"), so a room holding only drafts is not_found, like an
 * unknown one.
 */
export async function getPublicRoomSchedule(conferenceSlug: string, room: string) {
  const conference = await getPrisma().conference.findUnique({
    where: { slug: conferenceSlug },
    select: {
      name: true,
      slug: true,
      timezone: true,
      sessions: {
        where: { status: { in: PUBLIC }, room: { not: null } },
        select: { id: true, slug: true, title: true, room: true, startsAt: true, endsAt: true },
      },
    },
  });
  const wanted = room.trim();
  const rooms = new Set(conference?.sessions.map((s) => s.room!) ?? []);
  const key = slugify(wanted, { fallback: "" });
  const name = rooms.has(wanted) ? wanted : [...rooms].find((r) => key !== "" && slugify(r, { fallback: "" }) === key);
  if (!conference || !name) throw new AppError("not_found", `No public room "${room}" in "${conferenceSlug}"`);
  const { sessions, ...rest } = conference;
  return { conference: rest, room: name, sessions: sessions.filter((s) => s.room === name) };
}
