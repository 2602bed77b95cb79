import { NextResponse } from "next/server";
import { routeViewer } from "@/app/route-viewer";
import { AppError } from "@/lib/errors/app-error";
import { requireSessionAccess } from "@/server/auth/conference-access";
import { viewRevision } from "@/server/data/revisions";

export const dynamic = "force-dynamic";

/** One revision: its summary and its notes rendered as a read-only HTML fragment. */
export async function GET(req: Request, { params }: { params: Promise<{ session: string; revision: string }> }) {
  try {
    const { session, revision } = await params;
    await requireSessionAccess(await routeViewer(req), session, "viewer");
    return NextResponse.json(await viewRevision(session, revision), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    if (err instanceof AppError)
      return NextResponse.json({ error: err.message, code: err.code }, { status: err.status });
    throw err;
  }
}
