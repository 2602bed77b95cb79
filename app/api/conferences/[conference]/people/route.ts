import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { listConferencePeople } from "@/server/data/people";

export const dynamic = "force-dynamic";

/** The conference's people directory for the editor's attribution autocomplete. */
export async function GET(_req: Request, { params }: { params: Promise<{ conference: string }> }) {
  try {
    const people = await listConferencePeople((await params).conference);
    return NextResponse.json({ people }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    if (err instanceof AppError) return NextResponse.json({ error: err.message, code: err.code }, { status: err.status });
    throw err;
  }
}
