import type { Metadata } from "next";
import Link from "next/link";
import { ImportNotes } from "@/app/components/ImportNotes";
import { orNotFound } from "@/app/or-not-found";
import { requireWorkspaceRole } from "@/app/require-workspace-role";
import { getConference } from "@/server/data/conferences";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import notes" };

export default async function ImportNotesPage({ params }: { params: Promise<{ conference: string }> }) {
  const slug = (await params).conference;
  await requireWorkspaceRole(slug, "editor", `/conferences/${slug}/import`);
  const conference = await orNotFound(getConference(slug));
  return (
    <>
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href="/">Conferences</Link> / <Link href={`/conferences/${conference.slug}`}>{conference.name}</Link>
      </nav>
      <div className="page-head">
        <div>
          <h1>Import notes</h1>
          <p className="lede">
            Bring in notes taken elsewhere; Talknotes recovers the panel, the threads and who said what.
          </p>
        </div>
      </div>
      <ImportNotes conferenceSlug={conference.slug} />
    </>
  );
}
