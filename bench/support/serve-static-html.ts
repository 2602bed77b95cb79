import http from "node:http";
import type { AddressInfo } from "node:net";

/** A tiny loopback HTTP server answering every request with the same HTML: the TTFB floor for scenario 5. */
export async function serveStaticHtml(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const body = Buffer.from(html, "utf8");
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.byteLength });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
