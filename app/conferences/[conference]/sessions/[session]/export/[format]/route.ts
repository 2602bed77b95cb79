import { routeViewer } from "@/app/route-viewer";
import { AppError } from "@/lib/errors/app-error";
import { requireSessionAccessBySlug } from "@/server/auth/conference-access";
import { exportSession } from "@/server/data/export-session";
import { siteOrigin } from "@/server/site-origin";

export const dynamic = "force-dynamic";

type Params = Promise<{ conference: string; session: string; format: string }>;

/** Downloads the session as Markdown, HTML (page or fragment) or talknotes/1 JSON. `?inline=1` shows it instead; `?times=show|link` adds each block's time. */
export async function GET(req: Request, { params }: { params: Params }) {
  const { conference, session, format } = await params;
  try {
    // Members export drafts; anyone may export what is already public (live or published).
    await requireSessionAccessBySlug(await routeViewer(req), conference, session, "viewer", { publicRead: true });
    const file = await exportSession(conference, session, format, {
      times: new URL(req.url).searchParams.get("times"),
      origin: siteOrigin(req.headers),
    });
    const inline = new URL(req.url).searchParams.get("inline") === "1";
    return new Response(file.body, {
      headers: {
        "content-type":
          inline && !file.contentType.startsWith("application/json") ? "text/plain; charset=utf-8" : file.contentType,
        "content-disposition": `${inline ? "inline" : "attachment"}; filename="${file.filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:",
      },
    });
  } catch (err) {
    if (err instanceof AppError) return Response.json({ error: err.message, code: err.code }, { status: err.status });
    throw err;
  }
}
