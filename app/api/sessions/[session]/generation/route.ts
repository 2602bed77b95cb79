import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { notesGeneration } from "@/server/data/revisions";

export const dynamic = "force-dynamic";

/** The generation of the session's notes: the editor stores it with its local copy and sends it as `?gen=`. */
export async function GET(_req: Request, { params }: { params: Promise<{ session: string }> }) {
  try {
    const generation = notesGeneration((await params).session);
    return NextResponse.json({ generation }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    if (err instanceof AppError) return NextResponse.json({ error: err.message, code: err.code }, { status: err.status });
    throw err;
  }
}
