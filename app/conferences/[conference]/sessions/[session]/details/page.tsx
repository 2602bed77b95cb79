import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/app/components/ActionForm";
import { TitleField } from "@/app/components/TitleField";
import { orNotFound } from "@/app/or-not-found";
import { requireWorkspaceRole } from "@/app/require-workspace-role";
import { instantToWallTime } from "@/lib/format/instant-to-wall-time";
import { zoneLabel } from "@/lib/format/zone-label";
import { formatClockTime } from "@/lib/time/format-clock-time";
import { MAX_SESSION_TITLE } from "@/server/data/session-input";
import { getSession } from "@/server/data/sessions";
import { deleteSessionAction, updateSessionAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Session details" };

type Params = Promise<{ conference: string; session: string }>;

export default async function SessionDetailsPage({ params }: { params: Params }) {
  const { conference: conferenceSlug, session: sessionSlug } = await params;
  const { role } = await requireWorkspaceRole(
    conferenceSlug,
    "editor",
    `/conferences/${conferenceSlug}/sessions/${sessionSlug}/details`,
  );
  const session = await orNotFound(getSession(conferenceSlug, sessionSlug));
  const { conference } = session;
  const zone = conference.timezone;
  const recordingStart = session.recordingStartsAt ?? session.startsAt;
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
          <p className="lede">
            The address stays {`/c/${conference.slug}/${session.slug}`}, so links already shared keep working.
          </p>
        </div>
      </div>
      <div className="ws-details-grid">
        <div className="card ws-form-card">
          <ActionForm
            action={updateSessionAction.bind(null, conference.slug, session.slug)}
            submitLabel="Save details"
            testId="session-details"
          >
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
            <fieldset className="ws-recording">
              <legend>Recording</legend>
              <label>
                Video <span className="hint">YouTube, Vimeo, PeerTube or media.ccc.de</span>
                <input
                  name="recordingUrl"
                  type="url"
                  maxLength={2000}
                  defaultValue={session.recordingUrl ?? ""}
                  placeholder="https://media.ccc.de/v/…"
                />
              </label>
              <p className="muted small" data-testid="recording-start">
                The video&apos;s 0:00 is{" "}
                {recordingStart ? `at ${formatClockTime(recordingStart, zone, { seconds: true })}` : "not known yet"} (
                {session.recordingStartsAt ? "from a sync point" : "the session's start"}). If the notes&apos; links
                land early or late, give one sync point:
              </p>
              <div className="row">
                <label>
                  A note at <span className="hint">{zoneLabel(zone)}</span>
                  <input name="syncNoteTime" placeholder="14:05:30" pattern="\d{1,2}:\d{2}(:\d{2})?" />
                </label>
                <label>
                  is in the video at
                  <input name="syncVideoPosition" placeholder="12:40" />
                </label>
              </div>
              {session.recordingStartsAt ? (
                <label className="check">
                  <input type="checkbox" name="syncReset" />
                  Go back to the session&apos;s start
                </label>
              ) : null}
            </fieldset>
            <p className="muted small">
              Speakers, panelists, the moderator and the kind of session are edited in the session header above the
              notes, live with everyone writing: <Link href={editorPath}>open the notes</Link>.
            </p>
          </ActionForm>
        </div>
        {role === "owner" ? (
          <section className="card ws-danger" aria-labelledby="delete-session">
            <h2 id="delete-session">Delete session</h2>
            <p className="small">
              The session, its notes and their history go for good; people stay in the conference&apos;s directory.
            </p>
            <ActionForm
              action={deleteSessionAction.bind(null, conference.slug, session.slug)}
              submitLabel="Delete session"
              testId="delete-session"
              danger
            >
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
