import type { Metadata } from "next";
import Link from "next/link";
import { ScheduleImportForm } from "@/app/components/ScheduleImportForm";
import { importScheduleAction } from "@/app/schedule/import/actions";
import { orNotFound } from "@/app/or-not-found";
import { requireWorkspaceRole } from "@/app/require-workspace-role";
import { getConference } from "@/server/data/conferences";

export const dynamic = "force-dynamic";

type Params = Promise<{ conference: string }>;

async function load(slug: string) {
  await requireWorkspaceRole(slug, "editor", `/conferences/${slug}/schedule`);
  return orNotFound(getConference(slug));
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
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href="/">Conferences</Link> / <Link href={`/conferences/${conference.slug}`}>{conference.name}</Link>
      </nav>
      <div className="page-head">
        <div>
          <h1>Import schedule</h1>
          <p className="lede">
            Sessions are matched by the schedule&apos;s own ids: moved times and rooms, renamed titles and changed
            speakers are applied, nothing is duplicated, and notes are never touched. A session that left the schedule
            is removed only if nobody opened its notes.
          </p>
        </div>
      </div>
      <div className="card">
        <ScheduleImportForm action={action} submitLabel={`Import into ${conference.name}`} />
      </div>
    </>
  );
}
