import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentViewer } from "@/app/current-viewer";
import { ScheduleImportForm } from "@/app/components/ScheduleImportForm";
import { importScheduleAction } from "./actions";

export const metadata: Metadata = { title: "Import a schedule" };

export const dynamic = "force-dynamic";

export default async function ImportSchedulePage() {
  if (!(await currentViewer())) redirect("/login?next=/schedule/import");
  const action = importScheduleAction.bind(null, null);
  return (
    <>
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href="/">Conferences</Link>
      </nav>
      <div className="page-head">
        <div>
          <p className="eyebrow">New conference</p>
          <h1>Import a schedule</h1>
          <p className="lede">
            A pretalx or frab export creates the conference with every session, room, time and speaker. Importing the
            same schedule again updates that conference instead.
          </p>
        </div>
      </div>
      <div className="card">
        <ScheduleImportForm action={action} submitLabel="Import schedule" />
      </div>
    </>
  );
}
