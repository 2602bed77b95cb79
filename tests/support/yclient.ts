import { WebsocketProvider } from "y-websocket";
import WebSocket from "ws";
import * as Y from "yjs";

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.XmlText;
  destroy(): void;
}

/**
 * A real y-websocket client from Node, connected to `/collab/<sessionId>`
 * (`token`: a personal access token, sent as `?token=`; `localAddress`: the
 * loopback source address to connect from, for loads past the per-address limits).
 */
export function connectClient(
  wsUrl: string,
  sessionId: string,
  options: { connect?: boolean; token?: string; localAddress?: string } = {},
): TestClient {
  const { localAddress } = options;
  class BoundWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, localAddress ? { localAddress, perMessageDeflate: false } : {});
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, sessionId, doc, {
    WebSocketPolyfill: (localAddress ? BoundWebSocket : WebSocket) as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    maxBackoffTime: 300,
    disableBc: true,
    params: options.token ? { token: options.token } : {},
  });
  const fragment = doc.getXmlFragment("notes");
  return {
    doc,
    provider,
    get text() {
      // One paragraph's text node, created on first use: enough structure for sync tests.
      if (fragment.length === 0) {
        const p = new Y.XmlElement("paragraph");
        p.insert(0, [new Y.XmlText()]);
        fragment.insert(0, [p]);
      }
      return (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `predicate` holds, polling every 20 ms; rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves once the provider has completed its initial sync with the server. */
export function synced(client: TestClient, timeoutMs = 10_000): Promise<void> {
  return waitFor(() => client.provider.synced, timeoutMs, "initial sync");
}
