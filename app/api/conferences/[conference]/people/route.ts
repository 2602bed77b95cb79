import { NextResponse } from "next/server";
import { routeViewer } from "@/app/route-viewer";
import { AppError } from "@/lib/errors/app-error";
import { requireConferenceRole } from "@/server/auth/conference-access";
import { listConferencePeople } from "@/server/data/people";

export const dynamic = "force-dynamic";

/** The conference's people directory for the editor's attribution autocomplete. */
export async function GET(req: Request, { params }: { params: Promise<{ conference: string }> }) {
  try {
    const slug = (await params).conference;
    await requireConferenceRole(await routeViewer(req), slug, "viewer");
    const people = await listConferencePeople(slug);
    return NextResponse.json({ people }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    if (err instanceof AppError)
      return NextResponse.json({ error: err.message, code: err.code }, { status: err.status });
    throw err;
  }
}
