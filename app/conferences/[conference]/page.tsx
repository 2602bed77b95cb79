import type { Metadata } from "next";
import Link from "next/link";
import { createSessionAction } from "@/app/actions";
import { ActionForm } from "@/app/components/ActionForm";
import { TitleField } from "@/app/components/TitleField";
import { ConferencePublishControls } from "@/app/c/_workspace/ConferencePublishControls";
import { SiteExportMenu } from "@/app/c/_workspace/SiteExportMenu";
import { WorkspaceSessions, type WorkspaceDay } from "@/app/c/_workspace/WorkspaceSessions";
import { roleAtLeast } from "@/lib/auth/conference-roles";
import { formatIsoDate } from "@/lib/format/format-iso-date";
import { zoneLabel } from "@/lib/format/zone-label";
import { SESSION_KINDS } from "@/lib/interchange/types";
import { agendaDays } from "@/lib/reader/agenda-days";
import { nowAndNext } from "@/lib/reader/now-and-next";
import { onStage } from "@/lib/reader/on-stage";
import { publicPaths } from "@/lib/reader/public-paths";
import { PUBLIC_SESSION_STATUSES } from "@/lib/reader/session-status";
import { orNotFound } from "@/app/or-not-found";
import { requireWorkspaceRole } from "@/app/require-workspace-role";
import { MAX_SESSION_TITLE } from "@/server/data/session-input";
import { getWorkspace } from "@/server/data/workspace";

export const dynamic = "force-dynamic";

type Params = Promise<{ conference: string }>;

async function load(slug: string) {
  const { role } = await requireWorkspaceRole(slug, "viewer");
  return { role, ...(await orNotFound(getWorkspace(slug))) };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { conference } = await load((await params).conference);
  return { title: conference.name };
}

export default async function ConferencePage({ params }: { params: Params }) {
  const { conference, withNotes, role } = await load((await params).conference);
  const action = createSessionAction.bind(null, conference.slug);
  const isOwner = role === "owner";
  const canEdit = roleAtLeast(role, "editor");
  const marks = nowAndNext(conference.sessions, new Date());
  const days: WorkspaceDay[] = agendaDays(conference.sessions, conference.timezone).map((day) => {
    const rows = day.sessions.map(({ session: s, time }) => ({
      slug: s.slug,
      title: s.title,
      kind: s.kind,
      status: s.status,
      room: s.room,
      time,
      speakers: onStage(s.people).map((p) => p.person.name),
      hasNotes: withNotes.has(s.id),
      startsAt: s.startsAt?.toISOString() ?? null,
      endsAt: s.endsAt?.toISOString() ?? null,
      mark: marks.get(s.id) ?? null,
    }));
    // Rooms side by side in time order, like the printed programme; one room needs no heading.
    const rooms = [...new Set(rows.map((r) => r.room))];
    return {
      key: day.date ?? "unscheduled",
      label: day.label,
      rooms:
        rooms.length > 1
          ? rooms.map((room) => ({ room: room ?? "No room", rows: rows.filter((r) => r.room === room) }))
          : [{ room: null, rows }],
    };
  });
  const pending = conference.sessions.filter((s) => s.status === "draft" || s.status === "live");
  const counts = {
    withNotes: pending.filter((s) => withNotes.has(s.id)).length,
    withoutNotes: pending.filter((s) => !withNotes.has(s.id)).length,
  };
  const hasPublic = conference.sessions.some((s) => (PUBLIC_SESSION_STATUSES as readonly string[]).includes(s.status));
  const dates = [
    formatIsoDate(conference.startsOn),
    conference.endsOn && conference.endsOn !== conference.startsOn ? formatIsoDate(conference.endsOn) : null,
  ]
    .filter(Boolean)
    .join(" – ");

  return (
    <>
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href="/">Conferences</Link>
      </nav>
      <div className="page-head ws-head">
        <div>
          <h1>{conference.name}</h1>
          <div className="meta">
            {conference.location ? <span>{conference.location}</span> : null}
            {dates ? <span>{dates}</span> : null}
            {conference.hashtag ? <span>{conference.hashtag}</span> : null}
            {hasPublic ? (
              <a
                href={publicPaths.conference(conference.slug)}
                target="_blank"
                rel="noopener"
                data-testid="public-link"
              >
                Public agenda ↗
              </a>
            ) : null}
          </div>
        </div>
        <div className="page-actions ws-actions">
          {isOwner ? <ConferencePublishControls conferenceSlug={conference.slug} counts={counts} /> : null}
        </div>
      </div>
      <nav className="ws-toolbar" aria-label="Conference">
        {canEdit ? (
          <>
            <Link className="btn secondary small" href={`/conferences/${conference.slug}/import`}>
              Import notes
            </Link>
            <Link className="btn secondary small" href={`/conferences/${conference.slug}/schedule`}>
              Import schedule
            </Link>
          </>
        ) : null}
        <SiteExportMenu conferenceSlug={conference.slug} />
        {isOwner ? (
          <>
            <Link
              className="btn secondary small"
              href={`/conferences/${conference.slug}/members`}
              data-testid="members-link"
            >
              Members
            </Link>
            <Link
              className="btn secondary small"
              href={`/conferences/${conference.slug}/details`}
              data-testid="conference-details-link"
            >
              Conference details
            </Link>
            <Link
              className="btn secondary small"
              href={`/conferences/${conference.slug}/publishing`}
              data-testid="publishing-link"
            >
              Publishing
            </Link>
          </>
        ) : null}
      </nav>
      <div className="layout-2">
        <section aria-labelledby="sessions">
          <h2 id="sessions">Sessions</h2>
          {conference.sessions.length === 0 ? (
            <div className="empty">
              <p>No sessions yet. Add the talk or panel you are sitting in, or import the schedule.</p>
            </div>
          ) : (
            <WorkspaceSessions conferenceSlug={conference.slug} days={days} canEdit={canEdit} />
          )}
        </section>
        {canEdit ? (
          <aside className="card" aria-labelledby="new-session">
            <h2 id="new-session">New session</h2>
            <ActionForm action={action} submitLabel="Create session" testId="new-session">
              <TitleField max={MAX_SESSION_TITLE} placeholder="Making The Business Case" />
              <div className="row">
                <label>
                  Kind
                  <select name="kind" defaultValue="talk">
                    {SESSION_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {k[0]!.toUpperCase() + k.slice(1)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Room
                  <input name="room" maxLength={100} placeholder="Main hall" />
                </label>
              </div>
              <label>
                Starts <span className="hint">{zoneLabel(conference.timezone)} time</span>
                <input name="startsAt" type="datetime-local" />
              </label>
            </ActionForm>
          </aside>
        ) : null}
      </div>
    </>
  );
}
