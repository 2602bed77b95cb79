import { NextResponse } from "next/server";
import { mergeNotesRequest } from "@/app/api/merge-notes-request";
import { routeViewer } from "@/app/route-viewer";
import { AppError } from "@/lib/errors/app-error";
import { requireSessionAccessBySlug } from "@/server/auth/conference-access";

export const dynamic = "force-dynamic";

type P = { conference: string; session: string };

/** The session page's "Merge notes from…": the JSON API's merge (docs/API.md), signed in by cookie. */
export async function POST(req: Request, { params }: { params: Promise<P> }) {
  try {
    const { conference, session } = await params;
    const viewer = await routeViewer(req, { mutation: true });
    await requireSessionAccessBySlug(viewer, conference, session, "editor");
    return NextResponse.json(await mergeNotesRequest(req, viewer, conference, session), {
      headers: { "cache-control": "no-store" },
    });
  } catch (err) {
    if (err instanceof AppError)
      return NextResponse.json({ error: err.message, code: err.code, fields: err.fields }, { status: err.status });
    throw err;
  }
}
