import type { LiveFrameData } from "../../server/data/public-live-frame";

export interface LiveReader {
  /** Every `notes` event received so far, in order. */
  frames: LiveFrameData[];
  close(): void;
}

/**
 * A public live reader: follows a session's Server-Sent Events stream
 * (`/c/<conference>/<session>/live`) as the reader page's script does and
 * keeps every `notes` frame. Resolves once the stream is open.
 */
export async function followLive(url: string): Promise<LiveReader> {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal, headers: { accept: "text/event-stream" } });
  if (!res.ok || !res.body) throw new Error(`live stream ${url}: ${res.status}`);
  const frames: LiveFrameData[] = [];
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = event.split("\n");
          if (!lines.includes("event: notes")) continue;
          const data = lines
            .filter((l) => l.startsWith("data: "))
            .map((l) => l.slice(6))
            .join("\n");
          frames.push(JSON.parse(data) as LiveFrameData);
        }
      }
    } catch {
      // Closed by close() or by the server going away.
    }
  })();
  return { frames, close: () => abort.abort() };
}
