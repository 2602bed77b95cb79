import { AppError } from "../../lib/errors/app-error";
import { embedSnippet } from "../../lib/reader/embed-snippet";
import { embedTarget } from "../../lib/reader/embed-target";
import { publicPaths } from "../../lib/reader/public-paths";
import { PUBLIC_SESSION_STATUSES } from "../../lib/reader/session-status";
import { getPrisma } from "../db/prisma";
import { getPublicRoomSchedule } from "./public-room-schedule";

/** An oEmbed 1.0 "rich" response (https://oembed.com, section 2.3.4). */
export interface OembedRich {
  version: "1.0";
  type: "rich";
  title: string;
  provider_name: "Talknotes";
  provider_url: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
}

const DEFAULT_WIDTH = 640;
const DEFAULT_HEIGHT = 600;
const MIN_SIZE = 200;

/**
 * The oEmbed answer for a URL of this site (`origin`): the iframe of a public
 * session's embed (from its public page or embed URL) or of a room embed, sized
 * within the consumer's `maxwidth`/`maxheight`. not_found for other sites,
 * other pages, unknown and draft sessions, unknown rooms: the spec's 404 for a
 * URL the provider has no response for.
 */
export async function getOembed(
  url: string,
  origin: string,
  max: { width: number | null; height: number | null },
): Promise<OembedRich> {
  const target = embedTarget(url, origin);
  if (!target) throw new AppError("not_found", "Not an embeddable URL of this site");
  let title: string;
  let path: string;
  if (target.kind === "session") {
    const session = await getPrisma().session.findFirst({
      where: {
        slug: target.session,
        status: { in: [...PUBLIC_SESSION_STATUSES] },
        conference: { slug: target.conference },
      },
      select: { title: true, conference: { select: { name: true } } },
    });
    if (!session) throw new AppError("not_found", "No public session at this URL");
    title = `${session.title} · ${session.conference.name}`;
    path = publicPaths.embed(target.conference, target.session);
  } else {
    const schedule = await getPublicRoomSchedule(target.conference, target.room);
    title = `${schedule.room} · ${schedule.conference.name}`;
    path = publicPaths.roomEmbed(target.conference, schedule.room);
  }
  const width = Math.max(MIN_SIZE, Math.min(DEFAULT_WIDTH, max.width ?? DEFAULT_WIDTH));
  const height = Math.max(MIN_SIZE, Math.min(DEFAULT_HEIGHT, max.height ?? DEFAULT_HEIGHT));
  return {
    version: "1.0",
    type: "rich",
    title,
    provider_name: "Talknotes",
    provider_url: origin,
    html: embedSnippet({ origin, path: path + target.query, title: `Live notes: ${title}`, width, height }),
    width,
    height,
    cache_age: 3600,
  };
}
