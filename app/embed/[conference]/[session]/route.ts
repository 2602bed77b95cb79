import { parseEmbedTheme } from "@/lib/reader/embed-theme";
import { embedResponse } from "../../embed-response";

export const dynamic = "force-dynamic";

/**
 * A session's live notes for an `<iframe>` on another site (docs/embed.md):
 * `?theme=light|dark&accent=<hex>`. Framing is allowed here and on the room
 * embed only (server/frame-policy.ts). Drafts answer 404, like the page.
 */
export async function GET(request: Request, { params }: { params: Promise<{ conference: string; session: string }> }) {
  const { conference, session } = await params;
  return embedResponse(conference, session, parseEmbedTheme(new URL(request.url).searchParams));
}
