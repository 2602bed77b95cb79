import { NextResponse } from "next/server";
import { routeViewer } from "@/app/route-viewer";
import { AppError } from "@/lib/errors/app-error";
import { requireSessionAccess } from "@/server/auth/conference-access";
import { restoreRevision } from "@/server/data/revisions";

export const dynamic = "force-dynamic";

/** Restores the revision as a new edit on top of the live notes: `{ "author": "..." }`. */
export async function POST(req: Request, { params }: { params: Promise<{ session: string; revision: string }> }) {
  try {
    const { session, revision } = await params;
    await requireSessionAccess(await routeViewer(req, { mutation: true }), session, "editor");
    const body: unknown = await req.json().catch(() => ({}));
    return NextResponse.json({ revision: await restoreRevision(session, revision, body as never) });
  } catch (err) {
    if (err instanceof AppError) return NextResponse.json({ error: err.message, code: err.code }, { status: err.status });
    throw err;
  }
}
