import type { Metadata } from "next";
import { ConferencePageHead } from "@/app/components/ConferencePageHead";
import { ScheduleImportForm } from "@/app/components/ScheduleImportForm";
import { importScheduleAction } from "@/app/schedule/import/actions";
import { requireWorkspaceRole } from "@/app/require-workspace-role";

export const dynamic = "force-dynamic";

type Params = Promise<{ conference: string }>;

async function load(slug: string) {
  return (await requireWorkspaceRole(slug, "editor", `/conferences/${slug}/schedule`)).conference;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const conference = await load((await params).conference);
  return { title: `Import schedule · ${conference.name}` };
}

export default async function ConferenceSchedulePage({ params }: { params: Params }) {
  const conference = await load((await params).conference);
  const action = importScheduleAction.bind(null, conference.slug);
  return (
    <>
      <ConferencePageHead conference={conference} title="Import schedule">
        Sessions are matched by the schedule&apos;s own ids: moved times and rooms, renamed titles and changed speakers
        are applied, nothing is duplicated, and notes are never touched. A session that left the schedule is removed
        only if nobody opened its notes.
      </ConferencePageHead>
      <div className="card">
        <ScheduleImportForm action={action} submitLabel={`Import into ${conference.name}`} />
      </div>
    </>
  );
}
