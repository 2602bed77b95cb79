import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import type { TestClient } from "../../tests/support/yclient";
import { nextLoopbackAddress } from "./next-loopback-address";

/**
 * A real y-websocket client (WebsocketProvider over `ws`) for `<wsUrl>/<room>`,
 * like tests/support/yclient's connectClient, plus what a bench needs: an
 * access token (`?token=`, so it may edit) and its own loopback source address.
 */
export function connectEditor(wsUrl: string, room: string, token?: string): TestClient {
  const localAddress = nextLoopbackAddress();
  class BoundWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { localAddress, perMessageDeflate: false });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: BoundWebSocket as unknown as typeof globalThis.WebSocket,
    params: token ? { token } : {},
    maxBackoffTime: 300,
    disableBc: true,
  });
  const fragment = doc.getXmlFragment("notes");
  return {
    doc,
    provider,
    get text() {
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
