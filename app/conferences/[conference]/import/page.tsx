import type { Metadata } from "next";
import { ConferencePageHead } from "@/app/components/ConferencePageHead";
import { ImportNotes } from "@/app/components/ImportNotes";
import { requireWorkspaceRole } from "@/app/require-workspace-role";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import notes" };

export default async function ImportNotesPage({ params }: { params: Promise<{ conference: string }> }) {
  const slug = (await params).conference;
  const { conference } = await requireWorkspaceRole(slug, "editor", `/conferences/${slug}/import`);
  return (
    <>
      <ConferencePageHead conference={conference} title="Import notes">
        Bring in notes taken elsewhere; Talknotes recovers the panel, the threads and who said what.
      </ConferencePageHead>
      <ImportNotes conferenceSlug={conference.slug} />
    </>
  );
}
