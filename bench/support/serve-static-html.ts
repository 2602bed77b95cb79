import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The bare server: answers every request with the file's bytes, nothing else. */
const SERVER_SOURCE = `
const http = require("node:http");
const body = require("node:fs").readFileSync(process.argv[1]);
const server = http.createServer((_req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.byteLength });
  res.end(body);
});
server.listen(0, "127.0.0.1", () => process.stdout.write("port " + server.address().port + "\\n"));
`;

/**
 * A bare `node:http` server on loopback answering every request with the same
 * HTML: the TTFB floor for scenario 5. It runs in its own process, as the real
 * server does, so both pay the same hop between processes (in the bench's own
 * process the client and server would share one event loop, and under load the
 * floor would look lower than any server can reach).
 */
export async function serveStaticHtml(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "talknotes-static-html-"));
  const file = path.join(dir, "page.html");
  fs.writeFileSync(file, html);
  const child = spawn(process.execPath, ["-e", SERVER_SOURCE, file], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /port (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`static HTML server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      child.kill();
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
