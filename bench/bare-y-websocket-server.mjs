// The baseline of the live-panel scenario: the stock @y/websocket-server
// (setupWSConnection, in-memory documents, no persistence, no limits) on a free
// loopback port. YPERSISTENCE must be unset, or its utils would open LevelDB.
import http from "node:http";
import { WebSocketServer } from "ws";
import { setupWSConnection } from "@y/websocket-server/utils";

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_req, res) => {
  res.writeHead(200, { "content-type": "text/plain" });
  res.end("ok");
});
server.on("upgrade", (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req));
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`bare y-websocket listening on port ${server.address().port}`);
});
process.on("SIGTERM", () => process.exit(0));
