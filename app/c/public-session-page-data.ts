import type { PublicSessionPageData } from "@/lib/reader/render-public-session-page";
import type { getPublicSession } from "@/server/data/public-session";

/**
 * What renderPublicSessionPage needs, from a public session's data: shared by
 * the public page and the embeds, so the two always show the same session.
 */
export function publicSessionPageData(
  view: Awaited<ReturnType<typeof getPublicSession>>,
  origin: string,
  stylesheet: string,
): PublicSessionPageData {
  const { session, conference } = view;
  return {
    origin,
    stylesheet,
    conference: { name: conference.name, slug: conference.slug, timezone: conference.timezone },
    session: {
      title: session.title,
      slug: session.slug,
      kind: session.kind,
      status: session.status,
      intro: session.intro,
      room: session.room,
      track: session.track,
      startsAt: session.startsAt,
      updatedAt: session.updatedAt,
    },
    people: session.people.map((p) => ({
      id: p.personId,
      name: p.person.name,
      affiliation: p.person.affiliation,
      role: p.role,
      position: p.position,
    })),
    noteTakers: view.noteTakers,
    about: view.about,
    html: view.html,
    version: view.version,
    threads: view.document.blocks.filter((b) => b.type === "question").length,
    recording: view.document.session.recording ?? null,
  };
}
