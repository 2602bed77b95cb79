import { escapeHtml } from "../export/escape-html";
import { formatSessionTime } from "../format/format-session-time";
import type { EmbedTheme } from "./embed-theme";
import { publicPaths } from "./public-paths";
import { renderEmbedShell } from "./render-embed-shell";

/** What a room embed shows when no session runs in the room. */
export interface RoomEmbedIdleData {
  origin: string;
  stylesheet: string;
  theme: EmbedTheme;
  conference: { name: string; slug: string; timezone: string | null };
  room: string;
  /** The next session in the room, or null when nothing more is scheduled there. */
  next: { title: string; slug: string; startsAt: Date; endsAt: Date | null } | null;
  /** Seconds until the embed should look again (the next session's start). */
  refreshSeconds: number | null;
}

/**
 * A room embed between sessions: "Nothing live in Room A now", and what comes
 * next with its time in the conference's own time zone (a reader in another
 * zone sees the time on the room's clock, as the schedule says it). The page
 * reloads itself when the next session starts.
 */
export function renderRoomEmbedIdle(data: RoomEmbedIdleData): string {
  const e = escapeHtml;
  const { conference, room, next } = data;
  const nextLine = next
    ? `<p data-testid="room-next">Next: <a href="${e(data.origin + publicPaths.session(conference.slug, next.slug))}">${e(next.title)}</a>, <time datetime="${next.startsAt.toISOString()}">${e(formatSessionTime(next.startsAt, next.endsAt, conference.timezone))}</time></p>`
    : `<p data-testid="room-next">Nothing more is scheduled in this room.</p>`;
  const body = `<section class="embed-idle" aria-labelledby="room-title">
<h1 id="room-title" class="small muted">${e(conference.name)}</h1>
<p data-testid="room-idle">Nothing live in <span class="room">${e(room)}</span> now.</p>
${nextLine}
<p class="embed-foot small"><a href="${e(data.origin + publicPaths.conference(conference.slug))}">${e(conference.name)} agenda</a> · Talknotes</p>
</section>`;
  return renderEmbedShell({
    title: `${room} · ${conference.name}`,
    stylesheet: data.stylesheet,
    canonical: null,
    theme: data.theme,
    refreshSeconds: data.refreshSeconds,
    body,
  });
}
