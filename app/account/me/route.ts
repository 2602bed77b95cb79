import { currentViewer } from "@/app/current-viewer";

export const dynamic = "force-dynamic";

/** Who is signed in, for the header's account link (the layout stays free of per-request data). */
export async function GET() {
  const viewer = await currentViewer();
  return Response.json(viewer ? { name: viewer.name, isAdmin: viewer.isAdmin } : null, {
    headers: { "cache-control": "no-store" },
  });
}
