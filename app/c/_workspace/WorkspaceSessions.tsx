"use client";

import Link from "next/link";
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { StatusBadge } from "@/app/c/StatusBadge";
import { nowAndNext } from "@/lib/reader/now-and-next";

/** One session row of the workspace agenda (plain data from the server page). */
export interface WorkspaceRow {
  slug: string;
  title: string;
  kind: string;
  status: string;
  room: string | null;
  /** Start on the conference's clock, e.g. "9:00 AM"; null when unscheduled. */
  time: string | null;
  /** Moderator, panelists and speakers (not the audience). */
  speakers: string[];
  hasNotes: boolean;
  /** ISO instants, for re-marking Now and Next while the page stays open. */
  startsAt: string | null;
  endsAt: string | null;
  /** Now or Next when the server rendered the page. */
  mark: "now" | "next" | null;
}

/** One day of the agenda with its sessions grouped by room (one group with room null when the day has a single room). */
export interface WorkspaceDay {
  key: string;
  label: string;
  rooms: Array<{ room: string | null; rows: WorkspaceRow[] }>;
}

/** Lower case without accents, so "jose" finds "José". */
const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

function matches(row: WorkspaceRow, words: string[]): boolean {
  const haystack = fold([row.title, row.room ?? "", ...row.speakers].join(" \u0000 "));
  return words.every((w) => haystack.includes(w));
}

/**
 * The conference's sessions as an agenda: by day (in the conference's time
 * zone, lib/reader agendaDays) and room, the running and the next session
 * marked, and a filter on title, speaker and room that narrows as one types.
 */
export function WorkspaceSessions({
  conferenceSlug,
  days,
  canEdit,
}: {
  conferenceSlug: string;
  days: WorkspaceDay[];
  canEdit: boolean;
}) {
  const [query, setQuery] = useState("");
  // The server marked Now and Next when it rendered; a workspace left open all day re-marks them every minute.
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, 60_000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, []);
  const marks = useMemo(() => {
    if (now === null) return null;
    const rows = days.flatMap((d) => d.rooms.flatMap((r) => r.rows));
    const timed = rows.map((r) => ({
      id: r.slug,
      room: r.room,
      startsAt: r.startsAt ? new Date(r.startsAt) : null,
      endsAt: r.endsAt ? new Date(r.endsAt) : null,
    }));
    return nowAndNext(timed, new Date(now));
  }, [days, now]);
  const markOf = (row: WorkspaceRow) => (marks ? (marks.get(row.slug) ?? null) : row.mark);
  const deferred = useDeferredValue(query);
  const words = fold(deferred).split(/\s+/).filter(Boolean);
  const total = days.reduce((n, d) => n + d.rooms.reduce((m, r) => m + r.rows.length, 0), 0);
  const shown = days
    .map((d) => ({
      ...d,
      rooms: d.rooms
        .map((r) => ({ ...r, rows: r.rows.filter((row) => matches(row, words)) }))
        .filter((r) => r.rows.length > 0),
    }))
    .filter((d) => d.rooms.length > 0);
  const count = shown.reduce((n, d) => n + d.rooms.reduce((m, r) => m + r.rows.length, 0), 0);
  const onlyUnscheduled = days.length === 1 && days[0]!.key === "unscheduled";

  return (
    <div className={`ws-sessions${onlyUnscheduled ? " untimed" : ""}`}>
      {total > 3 ? (
        <div className="ws-filter" role="search">
          <label htmlFor="session-filter" className="sr-only">
            Filter sessions
          </label>
          <input
            id="session-filter"
            type="search"
            placeholder="Filter by title, speaker or room"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
            data-testid="session-filter"
          />
          <span className="muted small" aria-live="polite">
            {words.length ? `${count} of ${total}` : `${total} sessions`}
          </span>
        </div>
      ) : null}
      {count === 0 ? (
        <div className="empty">
          <p>No session matches “{deferred.trim()}”.</p>
        </div>
      ) : null}
      {shown.map((day) => (
        <section key={day.key} className="ws-day" aria-label={day.label} data-testid="ws-day">
          {onlyUnscheduled ? null : <h3 className="ws-day-label">{day.label}</h3>}
          {day.rooms.map((group) => (
            <div key={group.room ?? ""} className="ws-room" data-testid="ws-room">
              {group.room !== null ? <h4 className="ws-room-label">{group.room}</h4> : null}
              <ol className="ws-agenda">
                {group.rows.map((row) => {
                  const mark = markOf(row);
                  return (
                    <li key={row.slug} className={`ws-item${mark ? ` is-${mark}` : ""}`} data-testid="session-row">
                      <span className="ws-time">{row.time ?? ""}</span>
                      <div className="ws-body">
                        <Link className="ws-title" href={`/conferences/${conferenceSlug}/sessions/${row.slug}`}>
                          {row.title}
                        </Link>
                        <div className="meta ws-meta">
                          {mark ? (
                            <span className={`badge mark-${mark}`} data-testid={`mark-${mark}`}>
                              {mark === "now" ? "Now" : "Next"}
                            </span>
                          ) : null}
                          <StatusBadge status={row.status} />
                          <span className={`badge kind-${row.kind}`}>{row.kind}</span>
                          {group.room === null && row.room ? <span>{row.room}</span> : null}
                          {row.hasNotes ? null : <span className="ws-no-notes">No notes yet</span>}
                        </div>
                        {row.speakers.length ? <p className="ws-speakers">{row.speakers.join(", ")}</p> : null}
                      </div>
                      {canEdit ? (
                        <Link
                          className="ws-details"
                          href={`/conferences/${conferenceSlug}/sessions/${row.slug}/details`}
                          title={`Edit the title, room and time of ${row.title}`}
                        >
                          Details
                        </Link>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
