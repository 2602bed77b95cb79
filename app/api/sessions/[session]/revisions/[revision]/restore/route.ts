import { NextResponse } from "next/server";
import { routeViewer } from "@/app/route-viewer";
import { AppError } from "@/lib/errors/app-error";
import { requireSessionAccess } from "@/server/auth/conference-access";
import { restoreRevision } from "@/server/data/revisions";

export const dynamic = "force-dynamic";

/** Restores the revision as a new edit on top of the live notes; the signed-in account is its author. */
export async function POST(req: Request, { params }: { params: Promise<{ session: string; revision: string }> }) {
  try {
    const { session, revision } = await params;
    const viewer = await routeViewer(req, { mutation: true });
    await requireSessionAccess(viewer, session, "editor");
    // Never a name the request claims: the account that asked.
    return NextResponse.json({ revision: await restoreRevision(session, revision, { author: viewer?.name }) });
  } catch (err) {
    if (err instanceof AppError)
      return NextResponse.json({ error: err.message, code: err.code }, { status: err.status });
    throw err;
  }
}
