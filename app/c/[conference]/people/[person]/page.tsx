import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { ASIDE_LABEL } from "@/lib/reader/aside-label";
import { publicPaths } from "@/lib/reader/public-paths";
import { getPublicPerson } from "@/server/data/public-person";
import { StatusBadge } from "../../../StatusBadge";
import { requestOrigin } from "../../../request-origin";

export const dynamic = "force-dynamic";

type Params = Promise<{ conference: string; person: string }>;

async function load(params: Params) {
  const { conference, person } = await params;
  try {
    return await getPublicPerson(conference, decodeURIComponent(person));
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { person, conference, groups } = await load(params);
  const origin = await requestOrigin();
  const url = `${origin}${publicPaths.person(conference.slug, person.id)}`;
  const count = groups.reduce((n, g) => n + g.entries.length, 0);
  const title = `${person.name} at ${conference.name}`;
  const description = `${count} statement${count === 1 ? "" : "s"} by ${person.name}${person.affiliation ? ` (${person.affiliation})` : ""} in ${groups.length} session${groups.length === 1 ? "" : "s"} of ${conference.name}.`;
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "profile", title, description, url, siteName: "Talknotes" },
    twitter: { card: "summary", title, description },
  };
}

export default async function PublicPersonPage({ params }: { params: Params }) {
  const { person, conference, groups } = await load(params);
  const total = groups.reduce((n, g) => n + g.entries.length, 0);
  return (
    <>
      <nav className="crumbs" aria-label="Breadcrumb">
        <a href={publicPaths.conference(conference.slug)}>{conference.name}</a>
      </nav>
      <header className="pub-head">
        <p className="eyebrow">Speaker</p>
        <h1>{person.name}</h1>
        <p className="meta">
          {person.affiliation ? <span>{person.affiliation}</span> : null}
          {person.note ? <span>{person.note}</span> : null}
          {person.handle ? <span>{person.handle}</span> : null}
          <span>
            {total} statement{total === 1 ? "" : "s"} in {groups.length} session{groups.length === 1 ? "" : "s"}
          </span>
        </p>
        {person.bio ? <p className="intro">{person.bio}</p> : null}
      </header>
      {groups.map(({ session, role, entries }) => {
        const href = publicPaths.session(conference.slug, session.slug);
        let lastThread: string | null = null;
        return (
          <section key={session.id} className="person-session" aria-labelledby={`s-${session.id}`}>
            <h2 id={`s-${session.id}`}>
              <a href={href}>{session.title}</a>
            </h2>
            <p className="meta">
              <span className={`badge kind-${session.kind}`}>{session.kind}</span>
              <StatusBadge status={session.status} />
              {role ? <span>{role}</span> : null}
              {session.room ? <span>{session.room}</span> : null}
            </p>
            {entries.length === 0 ? (
              <p className="muted">Nothing attributed in the notes.</p>
            ) : (
              <ul className="quotes">
                {entries.map((e) => {
                  const context = e.type === "statement" && e.thread && e.thread !== lastThread ? e.threadText : null;
                  lastThread = e.thread;
                  return (
                    <li key={e.anchor} className={e.type === "question" ? "quote asked" : "quote"}>
                      {context ? (
                        <p className="quote-context">
                          <a href={`${href}#${e.thread}`}>{context}</a>
                        </p>
                      ) : null}
                      <blockquote cite={`${href}#${e.anchor}`}>
                        {e.type === "question" ? <span className="asked-label">Asked: </span> : null}
                        {e.text}
                      </blockquote>
                      {/* Outside the quote, labelled and in parentheses: the note-taker's words, not the speaker's. */}
                      {e.asides.length > 0 ? (
                        <p className="quote-asides">
                          {e.asides.map((a, i) => (
                            <span key={i} className="aside">
                              <span className="aside-label">{ASIDE_LABEL}</span> ({a}){" "}
                            </span>
                          ))}
                        </p>
                      ) : null}
                      <a
                        className="quote-link"
                        href={`${href}#${e.anchor}`}
                        aria-label={`In context: ${session.title}`}
                      >
                        in context
                      </a>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
