import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { viewRevision } from "@/server/data/revisions";

export const dynamic = "force-dynamic";

/** One revision: its summary and its notes rendered as a read-only HTML fragment. */
export async function GET(_req: Request, { params }: { params: Promise<{ session: string; revision: string }> }) {
  try {
    const { session, revision } = await params;
    return NextResponse.json(viewRevision(session, revision), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    if (err instanceof AppError) return NextResponse.json({ error: err.message, code: err.code }, { status: err.status });
    throw err;
  }
}
