import type { Metadata } from "next";
import Link from "next/link";
import { NotesEditor } from "@/app/components/editor/NotesEditor";
import { EmbedPanel } from "@/app/components/EmbedPanel";
import { ExportMenu } from "@/app/components/ExportMenu";
import { FoldOnPhone } from "@/app/components/FoldOnPhone";
import { PublishToMenu } from "@/app/c/_workspace/PublishToMenu";
import { SessionStatusControl } from "@/app/c/_workspace/SessionStatusControl";
import { requestOrigin } from "@/app/c/request-origin";
import { formatIsoDate } from "@/lib/format/format-iso-date";
import { instantToWallTime } from "@/lib/format/instant-to-wall-time";
import { formatSessionTime } from "@/lib/format/format-session-time";
import type { SessionKind } from "@/lib/interchange/types";
import { orNotFound } from "@/app/or-not-found";
import { requireWorkspaceRole } from "@/app/require-workspace-role";
import { listDestinations } from "@/server/data/publish-destinations";
import { getSession } from "@/server/data/sessions";
import { getConference } from "@/server/data/conferences";
import { MergeNotesPanel } from "@/app/components/MergeNotesPanel";

export const dynamic = "force-dynamic";

type Params = Promise<{ conference: string; session: string }>;

async function load(params: Params) {
  const { conference, session } = await params;
  const { role, viewer } = await requireWorkspaceRole(
    conference,
    "viewer",
    `/conferences/${conference}/sessions/${session}`,
  );
  const found = await orNotFound(getSession(conference, session));
  // Editors publish to the conference's destinations; viewers see no "Publish to…".
  const destinations =
    role === "viewer" ? [] : (await listDestinations(conference)).map((d) => ({ id: d.id, name: d.name }));
  return { ...found, viewerRole: role, viewerName: viewer.name, destinations };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const session = await load(params);
  return { title: `${session.title} · ${session.conference.name}` };
}

export default async function SessionEditorPage({ params }: { params: Params }) {
  const session = await load(params);
  const { conference } = session;
  const canMerge = session.viewerRole !== "viewer" && session.status !== "archived";
  // Other sessions of the conference to merge notes from (ARCHITECTURE.md, "Merging notes"): editors only.
  const others = canMerge
    ? (await getConference(conference.slug)).sessions
        .filter((s) => s.id !== session.id)
        .map((s) => ({ slug: s.slug, title: s.title }))
    : [];
  return (
    <>
      {/* On phones the title is the disclosure's summary (still the page's h1); the header folds under it. */}
      <FoldOnPhone summary={<h1 className="fold-title">{session.title}</h1>} className="session-fold">
        <nav className="crumbs" aria-label="Breadcrumb">
          <Link href="/">Conferences</Link> / <Link href={`/conferences/${conference.slug}`}>{conference.name}</Link>
          {session.viewerRole !== "viewer" ? (
            <>
              {" "}
              ·{" "}
              <Link href={`/conferences/${conference.slug}/sessions/${session.slug}/details`}>
                Edit title, room, time and recording
              </Link>
            </>
          ) : null}
        </nav>
        <div className="page-head">
          <div>
            <h1>{session.title}</h1>
            <div className="meta">
              <span className={`badge kind-${session.kind}`}>{session.kind}</span>
              {session.room ? <span>{session.room}</span> : null}
              {conference.location ? <span>{conference.location}</span> : null}
              {/* The session's own time; the conference's first day only when the session has none. */}
              {session.startsAt ? (
                <span data-testid="session-time">
                  {formatSessionTime(session.startsAt, session.endsAt, conference.timezone)}
                </span>
              ) : conference.startsOn ? (
                <span>{formatIsoDate(conference.startsOn)}</span>
              ) : null}
            </div>
          </div>
          <div className="page-actions">
            <SessionStatusControl conferenceSlug={conference.slug} sessionSlug={session.slug} status={session.status} />
            <ExportMenu basePath={`/conferences/${conference.slug}/sessions/${session.slug}`} />
            <PublishToMenu
              conferenceSlug={conference.slug}
              sessionSlug={session.slug}
              destinations={session.destinations}
            />
            <EmbedPanel
              origin={await requestOrigin()}
              conferenceSlug={conference.slug}
              sessionSlug={session.slug}
              title={session.title}
              room={session.room}
              isDraft={session.status === "draft"}
            />
          </div>
        </div>
        {canMerge ? (
          <MergeNotesPanel
            conferenceSlug={conference.slug}
            sessionSlug={session.slug}
            sessions={others}
            canDelete={session.viewerRole === "owner"}
          />
        ) : null}
      </FoldOnPhone>
      <NotesEditor
        sessionId={session.id}
        conferenceSlug={conference.slug}
        timeZone={conference.timezone}
        sessionDay={
          session.startsAt ? instantToWallTime(session.startsAt, conference.timezone).slice(0, 10) : conference.startsOn
        }
        kind={session.kind as SessionKind}
        accountName={session.viewerName}
        readOnly={session.viewerRole === "viewer" || session.status === "archived"}
      />
    </>
  );
}
