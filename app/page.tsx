import Link from "next/link";
import { redirect } from "next/navigation";
import { createConferenceAction } from "@/app/actions";
import { ActionForm } from "@/app/components/ActionForm";
import { currentViewer } from "@/app/current-viewer";
import { formatIsoDate } from "@/lib/format/format-iso-date";
import { listConferences } from "@/server/data/conferences";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const viewer = await currentViewer();
  // The workspace is for members; the public reads published notes under /c.
  if (!viewer) redirect("/login");
  const conferences = await listConferences({ memberId: viewer.isAdmin ? undefined : viewer.id });
  return (
    <>
      <div className="page-head">
        <div>
          <p className="eyebrow">Your conferences</p>
          <h1>Notes that keep up with the talk</h1>
          <p className="lede">
            Capture panels, Q&amp;A threads and Ignite series live, together, and publish them as posts.
          </p>
        </div>
      </div>
      <div className="layout-2">
        <section aria-labelledby="conf-list">
          <h2 id="conf-list" className="sr-only">
            Conferences
          </h2>
          {conferences.length === 0 ? (
            <div className="empty">
              <p>No conferences yet. Create the first one to start taking notes.</p>
            </div>
          ) : (
            <ul className="list">
              {conferences.map((c) => (
                <li key={c.id}>
                  <Link className="list-item" href={`/conferences/${c.slug}`}>
                    <h3>{c.name}</h3>
                    <div className="meta">
                      {c.location ? <span>{c.location}</span> : null}
                      {c.startsOn ? <span>{formatIsoDate(c.startsOn)}</span> : null}
                      <span>
                        {c._count.sessions} {c._count.sessions === 1 ? "session" : "sessions"}
                      </span>
                    </div>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <aside className="card" aria-labelledby="new-conf">
          <h2 id="new-conf">New conference</h2>
          <ActionForm action={createConferenceAction} submitLabel="Create conference" testId="new-conference">
            <label>
              Name
              <input name="name" required maxLength={200} placeholder="DevOps Day" />
            </label>
            <label>
              City
              <input name="location" maxLength={200} placeholder="Santa Clara, CA" />
            </label>
            <div className="row">
              <label>
                First day
                <input name="startsOn" type="date" />
              </label>
              <label>
                Hashtag
                <input name="hashtag" maxLength={100} placeholder="#devopsday" />
              </label>
            </div>
          </ActionForm>
          <p className="meta">
            <span>
              Have a pretalx or frab schedule? <Link href="/schedule/import">Import a schedule</Link>
            </span>
          </p>
        </aside>
      </div>
    </>
  );
}
