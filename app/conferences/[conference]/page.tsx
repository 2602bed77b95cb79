import type { Metadata } from "next";
import Link from "next/link";
import { createSessionAction } from "@/app/actions";
import { ActionForm } from "@/app/components/ActionForm";
import { ConferencePublishControls } from "@/app/c/_workspace/ConferencePublishControls";
import { formatIsoDate } from "@/lib/format/format-iso-date";
import { SESSION_KINDS } from "@/lib/interchange/types";
import { orNotFound } from "@/app/or-not-found";
import { requireWorkspaceRole } from "@/app/require-workspace-role";
import { getConference } from "@/server/data/conferences";

export const dynamic = "force-dynamic";

type Params = Promise<{ conference: string }>;

async function load(slug: string) {
  await requireWorkspaceRole(slug, "viewer");
  return orNotFound(getConference(slug));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const conference = await load((await params).conference);
  return { title: conference.name };
}

/** "10:30 AM" in the conference's own time zone (imported schedules carry one), UTC when it has none or an unknown one. */
function formatTime(date: Date, timeZone: string | null): string {
  try {
    return new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone: timeZone || "UTC" }).format(date);
  } catch {
    return new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(date);
  }
}

export default async function ConferencePage({ params }: { params: Params }) {
  const conference = await load((await params).conference);
  const action = createSessionAction.bind(null, conference.slug);
  return (
    <>
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href="/">Conferences</Link>
      </nav>
      <div className="page-head">
        <div>
          <h1>{conference.name}</h1>
          <div className="meta">
            {conference.location ? <span>{conference.location}</span> : null}
            {conference.startsOn ? <span>{formatIsoDate(conference.startsOn)}</span> : null}
            {conference.hashtag ? <span>{conference.hashtag}</span> : null}
          </div>
        </div>
        <div className="page-actions">
          <Link className="btn secondary" href={`/conferences/${conference.slug}/import`}>
            Import notes
          </Link>
          <Link className="btn secondary" href={`/conferences/${conference.slug}/schedule`}>
            Import schedule
          </Link>
          <ConferencePublishControls conferenceSlug={conference.slug} hasPublic={conference.sessions.some((s) => s.status !== "draft")} />
        </div>
      </div>
      <div className="layout-2">
        <section aria-labelledby="sessions">
          <h2 id="sessions">Sessions</h2>
          {conference.sessions.length === 0 ? (
            <div className="empty">
              <p>No sessions yet. Add the talk or panel you are sitting in.</p>
            </div>
          ) : (
            <ul className="list">
              {conference.sessions.map((s) => (
                <li key={s.id}>
                  <Link className="list-item" href={`/conferences/${conference.slug}/sessions/${s.slug}`}>
                    <h3>{s.title}</h3>
                    <div className="meta">
                      <span className={`badge kind-${s.kind}`}>{s.kind}</span>
                      {s.status === "live" ? <span className="badge live">live</span> : null}
                      {s.startsAt ? <span>{formatTime(s.startsAt, conference.timezone)}</span> : null}
                      {s.room ? <span>{s.room}</span> : null}
                      {s.people.length > 0 ? (
                        <span>{s.people.map((p) => p.person.name).join(", ")}</span>
                      ) : null}
                    </div>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <aside className="card" aria-labelledby="new-session">
          <h2 id="new-session">New session</h2>
          <ActionForm action={action} submitLabel="Create session" testId="new-session">
            <label>
              Title
              <input name="title" required maxLength={300} placeholder="Making The Business Case" />
            </label>
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
              Starts
              <input name="startsAt" type="datetime-local" />
            </label>
          </ActionForm>
        </aside>
      </div>
    </>
  );
}
