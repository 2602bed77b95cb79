import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/app/components/ActionForm";
import { TitleField } from "@/app/components/TitleField";
import { orNotFound } from "@/app/or-not-found";
import { requireWorkspaceRole } from "@/app/require-workspace-role";
import { instantToWallTime } from "@/lib/format/instant-to-wall-time";
import { zoneLabel } from "@/lib/format/zone-label";
import { MAX_SESSION_TITLE } from "@/server/data/session-input";
import { getSession } from "@/server/data/sessions";
import { deleteSessionAction, updateSessionAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Session details" };

type Params = Promise<{ conference: string; session: string }>;

export default async function SessionDetailsPage({ params }: { params: Params }) {
  const { conference: conferenceSlug, session: sessionSlug } = await params;
  const { role } = await requireWorkspaceRole(conferenceSlug, "editor", `/conferences/${conferenceSlug}/sessions/${sessionSlug}/details`);
  const session = await orNotFound(getSession(conferenceSlug, sessionSlug));
  const { conference } = session;
  const zone = conference.timezone;
  const editorPath = `/conferences/${conference.slug}/sessions/${session.slug}`;
  return (
    <>
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href="/">Conferences</Link> / <Link href={`/conferences/${conference.slug}`}>{conference.name}</Link> /{" "}
        <Link href={editorPath}>{session.title}</Link>
      </nav>
      <div className="page-head">
        <div>
          <h1>Session details</h1>
          <p className="lede">The address stays {`/c/${conference.slug}/${session.slug}`}, so links already shared keep working.</p>
        </div>
      </div>
      <div className="ws-details-grid">
        <div className="card ws-form-card">
          <ActionForm action={updateSessionAction.bind(null, conference.slug, session.slug)} submitLabel="Save details" testId="session-details">
            <TitleField max={MAX_SESSION_TITLE} defaultValue={session.title} />
            <label>
              Room
              <input name="room" maxLength={100} defaultValue={session.room ?? ""} placeholder="Main hall" />
            </label>
            <div className="row">
              <label>
                Starts <span className="hint">{zoneLabel(zone)}</span>
                <input name="startsAt" type="datetime-local" defaultValue={instantToWallTime(session.startsAt, zone)} />
              </label>
              <label>
                Ends <span className="hint">{zoneLabel(zone)}</span>
                <input name="endsAt" type="datetime-local" defaultValue={instantToWallTime(session.endsAt, zone)} />
              </label>
            </div>
            <p className="muted small">
              Speakers, panelists, the moderator and the kind of session are edited in the session header above the notes, live with
              everyone writing: <Link href={editorPath}>open the notes</Link>.
            </p>
          </ActionForm>
        </div>
        {role === "owner" ? (
          <section className="card ws-danger" aria-labelledby="delete-session">
            <h2 id="delete-session">Delete session</h2>
            <p className="small">The session, its notes and their history go for good; people stay in the conference&apos;s directory.</p>
            <ActionForm action={deleteSessionAction.bind(null, conference.slug, session.slug)} submitLabel="Delete session" testId="delete-session" danger>
              <label className="check">
                <input type="checkbox" name="confirm" required />
                Delete “{session.title}” and its notes
              </label>
            </ActionForm>
          </section>
        ) : null}
      </div>
    </>
  );
}
