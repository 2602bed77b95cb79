import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { publicPaths } from "@/lib/reader/public-paths";
import { searchConference } from "@/server/data/search-conference";

export const dynamic = "force-dynamic";

type Params = Promise<{ conference: string }>;
type Search = Promise<{ q?: string | string[] }>;

async function load(params: Params, searchParams: Search) {
  const { conference } = await params;
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 200) ?? "";
  try {
    return { q, ...(await searchConference(conference, q)) };
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}): Promise<Metadata> {
  const { q, conference } = await load(params, searchParams);
  // Result pages are for people, not for search engines.
  return {
    title: q ? `“${q}” · ${conference.name}` : `Search · ${conference.name}`,
    robots: { index: false, follow: true },
  };
}

export default async function PublicSearchPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { q, conference, results } = await load(params, searchParams);
  return (
    <>
      <nav className="crumbs" aria-label="Breadcrumb">
        <a href={publicPaths.conference(conference.slug)}>{conference.name}</a>
      </nav>
      <header className="pub-head">
        <h1>Search the notes</h1>
        <form className="pub-search" role="search" action={publicPaths.search(conference.slug)}>
          <label className="sr-only" htmlFor="q">
            Search {conference.name}
          </label>
          <input id="q" name="q" type="search" defaultValue={q} placeholder="Words, or a speaker's name" />
          <button className="btn" type="submit">
            Search
          </button>
        </form>
      </header>
      {q.trim() ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            {results.length === 0
              ? "No results"
              : `${results.length}${results.length === 50 ? "+" : ""} result${results.length === 1 ? "" : "s"}`}{" "}
            for “{q}”
          </h2>
          <ol className="results">
            {results.map((r, i) => (
              <li key={i} className="result">
                <p className="result-where">
                  <a href={r.href}>{r.sessionTitle}</a>
                  {r.speaker ? (
                    <>
                      {" · "}
                      {r.speakerHref ? <a href={r.speakerHref}>{r.speaker}</a> : r.speaker}
                    </>
                  ) : null}
                </p>
                <p className="result-snippet">
                  <a href={r.href} dangerouslySetInnerHTML={{ __html: r.snippetHtml }} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
