import { routeViewer } from "@/app/route-viewer";
import { AppError } from "@/lib/errors/app-error";
import { requireConferenceRole } from "@/server/auth/conference-access";
import { exportSiteArchive } from "@/server/data/export-site-archive";

export const dynamic = "force-dynamic";

type Params = Promise<{ conference: string; flavour: string }>;

/**
 * Downloads the conference as a zipped Hugo or Jekyll site (members: they
 * may read drafts). Public sessions only; `?drafts=1` adds drafts, marked
 * as drafts.
 */
export async function GET(req: Request, { params }: { params: Params }) {
  const { conference, flavour } = await params;
  try {
    if (flavour !== "hugo" && flavour !== "jekyll")
      throw new AppError("not_found", `No site export "${flavour}": use hugo or jekyll`);
    await requireConferenceRole(await routeViewer(req), conference, "viewer");
    const includeDrafts = new URL(req.url).searchParams.get("drafts") === "1";
    const archive = await exportSiteArchive(conference, flavour, { includeDrafts });
    return new Response(archive.bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${archive.filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (err) {
    if (err instanceof AppError) return Response.json({ error: err.message, code: err.code }, { status: err.status });
    throw err;
  }
}
