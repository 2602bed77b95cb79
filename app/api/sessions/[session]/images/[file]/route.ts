import { routeViewer } from "@/app/route-viewer";
import { AppError } from "@/lib/errors/app-error";
import { parseImageFileName } from "@/lib/images/image-file-name";
import { PUBLIC_SESSION_STATUSES } from "@/lib/reader/session-status";
import { requireSessionAccess } from "@/server/auth/conference-access";
import { prismaImageStore } from "@/server/images/prisma-image-store";

export const dynamic = "force-dynamic";

const PUBLIC = new Set<string>(PUBLIC_SESSION_STATUSES);

/**
 * One variant of a session's photo. Access follows the session: the public
 * reads photos of live, published and archived sessions; a draft's photos are
 * 404 to anyone without a role, exactly like its notes. The bytes never
 * change for a name (it is their hash), so they are cached for a year,
 * immutable: `public` for a public session, `private` otherwise (no shared
 * cache may keep a draft's photo).
 */
export async function GET(req: Request, { params }: { params: Promise<{ session: string; file: string }> }) {
  try {
    const { session: sessionId, file } = await params;
    const { session } = await requireSessionAccess(await routeViewer(req), sessionId, "viewer", { publicRead: true });
    const name = parseImageFileName(file);
    const variant = name ? await prismaImageStore().variant(sessionId, name.hash, name.variant) : null;
    if (!variant) throw new AppError("not_found", "No such photo");
    return new Response(new Uint8Array(variant.data), {
      headers: {
        "content-type": variant.contentType,
        "content-length": String(variant.data.length),
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
        "cache-control": `${PUBLIC.has(session.status) ? "public" : "private"}, max-age=31536000, immutable`,
      },
    });
  } catch (err) {
    if (err instanceof AppError) {
      return new Response(err.message, {
        status: err.status,
        headers: {
          "content-type": "text/plain; charset=utf-8",
          "x-content-type-options": "nosniff",
          "cache-control": "no-store",
        },
      });
    }
    throw err;
  }
}
