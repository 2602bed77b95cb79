import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { publicPaths } from "@/lib/reader/public-paths";
import { getPublicSession } from "@/server/data/public-session";
import { StatusBadge } from "../../StatusBadge";
import { requestOrigin } from "../../request-origin";
import { LiveNotes } from "./LiveNotes";

export const dynamic = "force-dynamic";

type Params = Promise<{ conference: string; session: string }>;

async function load(params: Params) {
  const { conference, session } = await params;
  try {
    return await getPublicSession(conference, session);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

const ROLE_ORDER = ["moderator", "panelist", "speaker", "audience"];

function describe(view: Awaited<ReturnType<typeof load>>): string {
  const { session, conference, document } = view;
  const intro = session.intro.trim();
  if (intro) return intro.length > 200 ? `${intro.slice(0, 197)}…` : intro;
  const names = session.people.filter((p) => p.role !== "audience").map((p) => p.person.name);
  const threads = document.blocks.filter((b) => b.type === "question").length;
  return [
    `Notes of the ${session.kind} "${session.title}" at ${conference.name}`,
    names.length ? ` with ${names.join(", ")}` : "",
    threads ? `: ${threads} question thread${threads === 1 ? "" : "s"}.` : ".",
  ].join("");
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const view = await load(params);
  const { session, conference } = view;
  const origin = await requestOrigin();
  const url = `${origin}${publicPaths.session(conference.slug, session.slug)}`;
  const title = `${session.title} · ${conference.name}`;
  const description = describe(view);
  return {
    title,
    description,
    alternates: { canonical: url, types: { "application/atom+xml": `${origin}${publicPaths.feed(conference.slug)}` } },
    openGraph: {
      type: "article",
      title,
      description,
      url,
      siteName: "Talknotes",
      ...(session.startsAt ? { publishedTime: session.startsAt.toISOString() } : {}),
      modifiedTime: session.updatedAt.toISOString(),
      authors: session.people.filter((p) => p.role !== "audience").map((p) => p.person.name),
    },
    twitter: { card: "summary", title, description },
  };
}

export default async function PublicSessionPage({ params }: { params: Params }) {
  const view = await load(params);
  const { session, conference, html, version } = view;
  const zone = conference.timezone || "UTC";
  let when: string | null = null;
  if (session.startsAt) {
    try {
      when = new Intl.DateTimeFormat("en-US", { timeZone: zone, weekday: "short", month: "long", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" }).format(session.startsAt);
    } catch {
      when = session.startsAt.toISOString();
    }
  }
  const people = [...session.people].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.position - b.position);
  const onStage = people.filter((p) => p.role !== "audience");
  return (
    <>
      <nav className="crumbs" aria-label="Breadcrumb">
        <a href={publicPaths.conference(conference.slug)}>{conference.name}</a>
      </nav>
      <article className="pub-session" aria-labelledby="session-title">
        <header className="pub-head">
          <p className="meta">
            <span className={`badge kind-${session.kind}`}>{session.kind}</span>
            <StatusBadge status={session.status} />
            {session.status === "live" ? <LiveNotes src={publicPaths.live(conference.slug, session.slug)} version={version} /> : null}
          </p>
          <h1 id="session-title">{session.title}</h1>
          <p className="meta">
            {when && session.startsAt ? <time dateTime={session.startsAt.toISOString()}>{when}</time> : null}
            {session.room ? <span>{session.room}</span> : null}
            {session.track ? <span className="track">{session.track}</span> : null}
          </p>
          {session.intro.trim()
            ? session.intro
                .split(/\n\s*\n/)
                .filter((p) => p.trim())
                .map((p, i) => (
                  <p className="intro" key={i}>
                    {p.trim()}
                  </p>
                ))
            : null}
          {onStage.length > 0 ? (
            <ul className="lineup" aria-label={session.kind === "panel" ? "Panel" : "Speakers"}>
              {onStage.map((p) => (
                <li key={p.personId}>
                  <a href={publicPaths.person(conference.slug, p.personId)}>{p.person.name}</a>
                  {p.person.affiliation ? <span className="affiliation">{p.person.affiliation}</span> : null}
                  {p.role !== "speaker" && p.role !== "panelist" ? <span className="role">{p.role}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </header>
        <div className="pub-grid">
          <section className="pub-notes" aria-labelledby="notes-heading">
            <h2 id="notes-heading">Notes</h2>
            <div id="notes" className="reader-notes" data-version={version} dangerouslySetInnerHTML={{ __html: html.notes }} />
          </section>
          <aside className="pub-side" aria-labelledby="chart-heading">
            <h2 id="chart-heading">Who spoke how much</h2>
            <div id="chart" dangerouslySetInnerHTML={{ __html: html.chart }} />
            <p className="small side-links">
              <a href={publicPaths.search(conference.slug)}>Search {conference.name}</a>
              <a href={publicPaths.feed(conference.slug)}>Atom feed</a>
            </p>
          </aside>
        </div>
      </article>
    </>
  );
}
