import { NextResponse } from "next/server";
import { readBodyBytes } from "@/app/read-body-bytes";
import { routeViewer } from "@/app/route-viewer";
import { AppError } from "@/lib/errors/app-error";
import { IMAGE_LIMITS } from "@/lib/images/image-limits";
import { removeAvatar } from "@/server/auth/remove-avatar";
import { uploadAvatar } from "@/server/auth/upload-avatar";
import { siteOrigin } from "@/server/site-origin";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

function failed(err: unknown): NextResponse {
  if (err instanceof AppError)
    return NextResponse.json({ error: err.message, code: err.code }, { status: err.status, headers: NO_STORE });
  throw err;
}

async function signedIn(req: Request) {
  const viewer = await routeViewer(req, { mutation: true });
  if (!viewer) throw new AppError("unauthorized", "Sign in first");
  return viewer;
}

/**
 * Sets the signed-in account's avatar: the body is the image's bytes (JPEG,
 * PNG, GIF or WebP; the photo pipeline's limits and refusals). Answers the
 * author profile, whose avatarUrl now points at the stored square image.
 */
export async function POST(req: Request) {
  try {
    const viewer = await signedIn(req);
    const bytes = await readBodyBytes(req, IMAGE_LIMITS.maxUploadBytes);
    if (bytes.length === 0) throw new AppError("invalid_input", "No file was sent");
    return NextResponse.json(await uploadAvatar(viewer.id, bytes, siteOrigin(req.headers)), { headers: NO_STORE });
  } catch (err) {
    return failed(err);
  }
}

/** Removes the signed-in account's uploaded avatar. */
export async function DELETE(req: Request) {
  try {
    const viewer = await signedIn(req);
    return NextResponse.json(await removeAvatar(viewer.id), { headers: NO_STORE });
  } catch (err) {
    return failed(err);
  }
}
