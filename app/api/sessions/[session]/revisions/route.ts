import { NextResponse } from "next/server";
import { routeViewer } from "@/app/route-viewer";
import { AppError } from "@/lib/errors/app-error";
import { requireSessionAccess } from "@/server/auth/conference-access";
import { listRevisions, takeNamedRevision } from "@/server/data/revisions";

export const dynamic = "force-dynamic";

type Params = Promise<{ session: string }>;

/** The session's revisions, newest first. */
export async function GET(req: Request, { params }: { params: Params }) {
  try {
    await requireSessionAccess(await routeViewer(req), (await params).session, "viewer");
    return NextResponse.json(
      { revisions: await listRevisions((await params).session) },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (err) {
    return failure(err);
  }
}

/**
 * Takes a named revision now: `{ "name": "..." }`. Its author is the signed-in
 * account, never a name the request claims (an `author` field is ignored).
 */
export async function POST(req: Request, { params }: { params: Params }) {
  try {
    const viewer = await routeViewer(req, { mutation: true });
    await requireSessionAccess(viewer, (await params).session, "editor");
    const body: unknown = await req.json().catch(() => ({}));
    const input = { ...(typeof body === "object" && body ? body : {}), author: viewer?.name };
    return NextResponse.json(
      { revision: await takeNamedRevision((await params).session, input as never) },
      { status: 201 },
    );
  } catch (err) {
    return failure(err);
  }
}

function failure(err: unknown) {
  if (err instanceof AppError)
    return NextResponse.json({ error: err.message, code: err.code, fields: err.fields }, { status: err.status });
  throw err;
}
