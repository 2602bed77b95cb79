import { readAvatar } from "@/server/data/read-avatar";

export const dynamic = "force-dynamic";

/**
 * An uploaded avatar, public (it is shown beside the notes its author wrote
 * on public pages and in exports). The name is the bytes' hash, so they are
 * cached for a year, immutable; served like session photos (nosniff, a
 * sandboxing CSP) although only re-encoded WebP is ever stored.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const hash = /^([0-9a-f]{64})\.webp$/.exec((await params).file)?.[1];
  const avatar = hash ? await readAvatar(hash) : null;
  if (!avatar)
    return new Response("No such avatar", {
      status: 404,
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "x-content-type-options": "nosniff",
        "cache-control": "no-store",
      },
    });
  return new Response(new Uint8Array(avatar.data), {
    headers: {
      "content-type": avatar.contentType,
      "content-length": String(avatar.data.length),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
}
