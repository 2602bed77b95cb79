import Link from "next/link";

/**
 * The head of a page inside a conference's workspace: the breadcrumb back to
 * the conference, the page's title and, as children, its lede.
 */
export function ConferencePageHead({
  conference,
  title,
  children,
}: {
  conference: { slug: string; name: string };
  title: string;
  children: React.ReactNode;
}) {
  return (
    <>
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href="/">Conferences</Link> / <Link href={`/conferences/${conference.slug}`}>{conference.name}</Link>
      </nav>
      <div className="page-head">
        <div>
          <h1>{title}</h1>
          <p className="lede">{children}</p>
        </div>
      </div>
    </>
  );
}
