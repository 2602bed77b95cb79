import { CLIENT_IP_HEADER } from "@/server/auth/request-context";
import type { LiveSubscriber } from "@/server/live/live-hub";
import { getLiveStreamCaps } from "@/server/live/live-stream-caps";
import { findPublicSessionId } from "@/server/data/public-session";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const encoder = new TextEncoder();
// A reader that falls this far behind is skipped until it drains, then gets only the newest notes.
const HIGH_WATER_BYTES = 256 * 1024;

/**
 * Server-Sent Events: the public session's notes, rendered server-side, sent
 * once on connect and again after every change (see server/live/live-hub.ts).
 * Drafts and unknown sessions answer 404, like the page. `no-transform`
 * keeps compression from buffering the stream. Past the per-address or total
 * cap on open streams (server/live/live-stream-caps.ts): 503 with Retry-After.
 */
export async function GET(request: Request, { params }: { params: Promise<{ conference: string; session: string }> }) {
  const { conference, session } = await params;
  const sessionId = await findPublicSessionId(conference, session);
  const hub = getRuntime()?.live;
  if (!sessionId) return new Response("Not Found", { status: 404 });
  if (!hub) return new Response("Live updates are not available", { status: 503 });
  const admitted = getLiveStreamCaps().admit(request.headers.get(CLIENT_IP_HEADER) ?? "unknown");
  if (typeof admitted !== "function") {
    return new Response("Too many live readers: try again later", {
      status: 503,
      headers: { "retry-after": String(admitted.retryAfterSeconds), "cache-control": "no-store" },
    });
  }
  const release = admitted;

  let unsubscribe: (() => void) | null = null;
  let subscriber: LiveSubscriber | null = null;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        subscriber = {
          write(chunk) {
            try {
              if ((controller.desiredSize ?? 0) <= 0) return false;
              controller.enqueue(chunk);
              return true;
            } catch {
              // The stream closed under us; cancel() unsubscribes.
              return true;
            }
          },
          close() {
            unsubscribe?.();
            try {
              controller.close();
            } catch {
              // already closed
            }
          },
        };
        // Retry after 2 s if the connection drops (the client adds its own backoff on repeated failures).
        controller.enqueue(encoder.encode("retry: 2000\n\n"));
        unsubscribe = hub.subscribe(sessionId, subscriber);
        request.signal.addEventListener("abort", () => {
          unsubscribe?.();
          release();
          try {
            controller.close();
          } catch {
            // already closed
          }
        });
      },
      pull() {
        if (subscriber) hub.drained(sessionId, subscriber);
      },
      cancel() {
        unsubscribe?.();
        release();
      },
    },
    { highWaterMark: HIGH_WATER_BYTES, size: (chunk) => chunk.byteLength },
  );
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
      connection: "keep-alive",
    },
  });
}
