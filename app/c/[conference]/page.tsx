import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { formatIsoDate } from "@/lib/format/format-iso-date";
import { agendaDays } from "@/lib/reader/agenda-days";
import { onStage } from "@/lib/reader/on-stage";
import { publicPaths } from "@/lib/reader/public-paths";
import { getPublicConference } from "@/server/data/public-conference";
import { StatusBadge } from "../StatusBadge";
import { requestOrigin } from "../request-origin";

export const dynamic = "force-dynamic";

type Params = Promise<{ conference: string }>;

async function load(slug: string) {
  try {
    return await getPublicConference(slug);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const conference = await load((await params).conference);
  const origin = await requestOrigin();
  const url = `${origin}${publicPaths.conference(conference.slug)}`;
  const description = `Talk notes from ${conference.name}${conference.location ? `, ${conference.location}` : ""}: ${conference.sessions.length} session${conference.sessions.length === 1 ? "" : "s"}.`;
  return {
    title: conference.name,
    description,
    alternates: { canonical: url, types: { "application/atom+xml": `${origin}${publicPaths.feed(conference.slug)}` } },
    openGraph: { type: "website", title: conference.name, description, url, siteName: "Talknotes" },
    twitter: { card: "summary", title: conference.name, description },
  };
}

export default async function PublicConferencePage({ params }: { params: Params }) {
  const conference = await load((await params).conference);
  const days = agendaDays(conference.sessions, conference.timezone);
  return (
    <>
      <header className="pub-head">
        <p className="eyebrow">Talk notes</p>
        <h1>{conference.name}</h1>
        <p className="meta">
          {conference.location ? <span>{conference.location}</span> : null}
          {conference.startsOn ? <span>{formatIsoDate(conference.startsOn)}</span> : null}
          {conference.hashtag ? <span>{conference.hashtag}</span> : null}
        </p>
        <div className="pub-tools">
          <form className="pub-search" role="search" action={publicPaths.search(conference.slug)}>
            <label className="sr-only" htmlFor="q">
              Search the notes
            </label>
            <input id="q" name="q" type="search" placeholder="Search the notes" />
            <button className="btn" type="submit">
              Search
            </button>
          </form>
          <a className="feed-link" href={publicPaths.blog(conference.slug)}>
            Read as a blog
          </a>
          <a className="feed-link" href={publicPaths.feed(conference.slug)}>
            Atom feed
          </a>
        </div>
      </header>
      {days.map((day, i) => (
        <section className="agenda-day" key={day.date ?? "none"} aria-labelledby={`day-${i}`}>
          <h2 id={`day-${i}`}>{day.label}</h2>
          <ol className="agenda">
            {day.sessions.map(({ session: s, time }) => (
              <li key={s.id} className="agenda-item">
                <span className="agenda-time">{time ?? ""}</span>
                <div className="agenda-body">
                  <h3>
                    <a href={publicPaths.session(conference.slug, s.slug)}>{s.title}</a>
                  </h3>
                  <p className="meta">
                    <span className={`badge kind-${s.kind}`}>{s.kind}</span>
                    <StatusBadge status={s.status} />
                    {s.room ? <span>{s.room}</span> : null}
                    {s.track ? <span className="track">{s.track}</span> : null}
                  </p>
                  {onStage(s.people).length > 0 ? (
                    <p className="agenda-people">
                      {onStage(s.people)
                        .map((p) => p.person.name)
                        .join(", ")}
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
