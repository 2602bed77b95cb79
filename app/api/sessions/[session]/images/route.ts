import { NextResponse } from "next/server";
import { readBodyBytes } from "@/app/read-body-bytes";
import { routeViewer } from "@/app/route-viewer";
import { AppError } from "@/lib/errors/app-error";
import { IMAGE_LIMITS } from "@/lib/images/image-limits";
import { requireSessionAccess } from "@/server/auth/conference-access";
import { processImage } from "@/server/images/process-image";
import { prismaImageStore } from "@/server/images/prisma-image-store";

export const dynamic = "force-dynamic";

/**
 * Uploads a photo for a session's notes (editors and owners only): the body is
 * the file's bytes. Answers `{ hash, width, height, placeholder }`; the editor
 * then writes the hash into the image block of the shared document, which is
 * what makes it appear for co-editors.
 */
export async function POST(req: Request, { params }: { params: Promise<{ session: string }> }) {
  try {
    const sessionId = (await params).session;
    const viewer = await routeViewer(req, { mutation: true });
    const { session } = await requireSessionAccess(viewer, sessionId, "editor");
    if (session.status === "archived") throw new AppError("forbidden", "An archived session's notes cannot change");
    const bytes = await readBodyBytes(req, IMAGE_LIMITS.maxUploadBytes);
    if (bytes.length === 0) throw new AppError("invalid_input", "No file was sent");
    const image = await processImage(bytes);
    const stored = await prismaImageStore().put(sessionId, image);
    return NextResponse.json(stored, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (err) {
    if (err instanceof AppError)
      return NextResponse.json(
        { error: err.message, code: err.code },
        { status: err.status, headers: { "cache-control": "no-store" } },
      );
    throw err;
  }
}
