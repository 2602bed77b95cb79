import type { IncomingMessage, ServerResponse } from "node:http";
import { EMBED_PATH_PREFIX } from "../lib/reader/public-paths";

/**
 * The headers of an embed response: any site may frame it (a conference's
 * site is any site). `frame-ancestors` is the one directive: the embed's own
 * inline scripts and stylesheet stay as the public page has them.
 */
export const EMBED_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "x-content-type-options": "nosniff",
  "content-security-policy": "frame-ancestors *",
} as const;

/**
 * Framing policy, applied by the entry point to every response before Next
 * or the public page cache writes it: pages refuse to be framed
 * (clickjacking: a signed-in workspace inside someone else's page), except
 * the embed routes under /embed/, which set EMBED_HEADERS themselves.
 * Both headers: `frame-ancestors` for browsers of this decade, X-Frame-Options
 * for the rest. A handler that sets its own Content-Security-Policy (the
 * exports) keeps it; X-Frame-Options still refuses.
 */
export function applyFramePolicy(req: IncomingMessage, res: ServerResponse): void {
  if (req.url?.startsWith(EMBED_PATH_PREFIX)) return;
  res.setHeader("x-frame-options", "DENY");
  // The CSP is added only when the headers go out and the handler set none: Next keeps a header that is
  // already present rather than the route's own, so setting it now would replace an export's
  // `default-src 'none'` policy with this weaker one. Every response passes through writeHead
  // (res.write/end call it implicitly), and headers given to writeHead itself still win.
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (!this.hasHeader("content-security-policy")) this.setHeader("content-security-policy", "frame-ancestors 'none'");
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}
