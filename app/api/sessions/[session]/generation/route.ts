import { NextResponse } from "next/server";
import { routeViewer } from "@/app/route-viewer";
import { AppError } from "@/lib/errors/app-error";
import { requireSessionAccess } from "@/server/auth/conference-access";
import { notesGeneration } from "@/server/data/revisions";

export const dynamic = "force-dynamic";

/** The generation of the session's notes: the editor stores it with its local copy and sends it as `?gen=`. */
export async function GET(req: Request, { params }: { params: Promise<{ session: string }> }) {
  try {
    const sessionId = (await params).session;
    await requireSessionAccess(await routeViewer(req), sessionId, "viewer");
    const generation = await notesGeneration(sessionId);
    return NextResponse.json({ generation }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    if (err instanceof AppError)
      return NextResponse.json({ error: err.message, code: err.code }, { status: err.status });
    throw err;
  }
}
