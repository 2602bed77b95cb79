import type { ConferenceRole } from "../../lib/auth/conference-roles";
import { AppError } from "../../lib/errors/app-error";
import { conferenceRole, requireConferenceRole } from "../auth/conference-access";
import type { Viewer } from "../auth/viewer";
import { createConference, getConference, listConferences } from "../data/conferences";
import { getSession } from "../data/sessions";

type SessionRow = Awaited<ReturnType<typeof getSession>>;

/** A session as the JSON API shows it (docs/API.md "Session"). */
export function sessionJson(
  s: Pick<
    SessionRow,
    "id" | "slug" | "title" | "kind" | "status" | "room" | "startsAt" | "endsAt" | "recordingUrl" | "recordingStartsAt"
  > & { people?: SessionRow["people"] },
) {
  return {
    id: s.id,
    slug: s.slug,
    title: s.title,
    kind: s.kind,
    status: s.status,
    room: s.room,
    startsAt: s.startsAt?.toISOString() ?? null,
    endsAt: s.endsAt?.toISOString() ?? null,
    recording: s.recordingUrl ? { url: s.recordingUrl, startsAt: s.recordingStartsAt?.toISOString() ?? null } : null,
    people: (s.people ?? []).map((p) => ({ name: p.person.name, role: p.role })),
  };
}

function conferenceJson(
  c: {
    slug: string;
    name: string;
    location: string | null;
    startsOn: string | null;
    hashtag: string | null;
    timezone: string;
  },
  role: ConferenceRole | null,
) {
  return {
    slug: c.slug,
    name: c.name,
    location: c.location,
    startsOn: c.startsOn,
    hashtag: c.hashtag,
    timezone: c.timezone,
    role,
  };
}

/** The conferences the viewer has a role in (all for an admin), with their session counts. */
export async function apiListConferences(viewer: Viewer) {
  const rows = await listConferences({ memberId: viewer.isAdmin ? undefined : viewer.id });
  return rows.map((c) => ({
    ...conferenceJson(c, viewer.isAdmin ? "owner" : ((c.memberships[0]?.role as ConferenceRole | undefined) ?? null)),
    sessions: c._count.sessions,
  }));
}

/** Creates a conference owned by the viewer. */
export async function apiCreateConference(viewer: Viewer, body: unknown) {
  const input = (body ?? {}) as Record<string, unknown>;
  const c = await createConference(
    {
      name: str(input.name) ?? "",
      location: str(input.location),
      startsOn: str(input.startsOn),
      hashtag: str(input.hashtag),
      timezone: str(input.timezone),
    },
    { ownerId: viewer.id },
  );
  return conferenceJson(c, "owner");
}

/** A conference and its sessions, for a member. */
export async function apiGetConference(viewer: Viewer, slug: string) {
  await requireConferenceRole(viewer, slug, "viewer");
  const c = await getConference(slug);
  return { conference: conferenceJson(c, await conferenceRole(viewer, c.id)), sessions: c.sessions.map(sessionJson) };
}

/** One session, for a member. */
export async function apiGetSession(viewer: Viewer, conferenceSlug: string, sessionSlug: string) {
  await requireConferenceRole(viewer, conferenceSlug, "viewer");
  return sessionJson(await getSession(conferenceSlug, sessionSlug));
}

/** A JSON body field as the string the zod inputs expect (absent -> undefined; other types refused there). */
export function str(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new AppError("invalid_input", "Fields are strings (dates as ISO strings)");
  return value;
}
