import { type TestClient, connectClient } from "../../tests/support/yclient";
import { nextLoopbackAddress } from "./next-loopback-address";

/**
 * A real y-websocket client (tests/support/yclient's connectClient) for a
 * bench editor: with an access token (`?token=`, so it may edit) and its own
 * loopback source address, so a thousand clients stay under the server's
 * per-address connection limits.
 */
export function connectEditor(wsUrl: string, room: string, token?: string): TestClient {
  return connectClient(wsUrl, room, { token, localAddress: nextLoopbackAddress() });
}
