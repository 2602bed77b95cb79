import { requireConferenceRole } from "@/server/auth/conference-access";
import { exportSession } from "@/server/data/export-session";
import { siteOrigin } from "@/server/site-origin";
import { apiRoute } from "../../../../../../api-route";

export const dynamic = "force-dynamic";

/** GET: the session exported as md, html, fragment or json (viewer); `?times=show|link` adds each block's time. */
export const GET = apiRoute<{ conference: string; session: string; format: string }>(
  async ({ req, viewer, params }) => {
    await requireConferenceRole(viewer, params.conference, "viewer");
    const file = await exportSession(params.conference, params.session, params.format, {
      times: new URL(req.url).searchParams.get("times"),
      origin: siteOrigin(req.headers),
    });
    return new Response(file.body, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      },
    });
  },
);
