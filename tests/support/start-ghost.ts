import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

/** Where scripts/install-ghost.sh installs Ghost 5 (the release line that supports Node 20). */
export const GHOST_DIR =
  process.env.TALKNOTES_GHOST_DIR ??
  path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "talknotes", "ghost-5.130.4");

export interface RunningGhost {
  /** http://127.0.0.1:PORT, the site address. */
  url: string;
  /** The Admin API key of a custom integration, "<id>:<secret>". */
  adminKey: string;
  /** Stops Ghost and removes its temporary content directory. */
  stop(): Promise<void>;
}

/** Why Ghost cannot be started here, or null when it can. */
export function ghostMissing(): string | null {
  if (!fs.existsSync(path.join(GHOST_DIR, "index.js")))
    return `Ghost 5 is not installed in ${GHOST_DIR} (scripts/install-ghost.sh installs it; npm test runs it)`;
  if (!fs.existsSync(path.join(GHOST_DIR, "node_modules/sqlite3/package.json")))
    return `Ghost in ${GHOST_DIR} has no sqlite3 driver (re-run scripts/install-ghost.sh)`;
  return null;
}

/**
 * A real Ghost 5 for tests on SQLite, nothing shared between runs: a copy of
 * its content folder and a database in a temporary directory, a free
 * loopback port, configured through Ghost's environment variables (the
 * installation stays untouched); then the owner is created through the
 * setup API, and a custom integration through the owner's session, whose
 * Admin API key the publisher uses. About 15 to 30 s.
 */
export async function startGhost(): Promise<RunningGhost> {
  const missing = ghostMissing();
  if (missing) throw new Error(missing);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tn-ghost-"));
  let child: ChildProcess | null = null;
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child!.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const content = path.join(dir, "content");
    fs.cpSync(path.join(GHOST_DIR, "content"), content, { recursive: true });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let log = "";
    child = spawn(process.execPath, ["index.js"], {
      cwd: GHOST_DIR,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        url,
        server__host: "127.0.0.1",
        server__port: String(port),
        database__client: "sqlite3",
        database__connection__filename: path.join(content, "data", "ghost-test.db"),
        database__useNullAsDefault: "true",
        paths__contentPath: content,
        mail__transport: "Direct",
        mail__from: "ghost@localhost",
        logging__level: "warn",
        logging__transports: '["stdout"]',
        // A new staff session would otherwise wait for a code sent by email.
        security__staffDeviceVerification: "false",
        privacy__useUpdateCheck: "false",
        privacy__useGravatar: "false",
        privacy__useRpcPing: "false",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d) => (log = (log + d).slice(-20_000)));
    child.stderr!.on("data", (d) => (log = (log + d).slice(-20_000)));
    const api = `${url}/ghost/api/admin`;
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Ghost exited (${child.exitCode}):\n${log}`);
      if (Date.now() > deadline) throw new Error(`Ghost did not answer within 180 s:\n${log}`);
      const ok = await fetch(`${api}/authentication/setup/`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // Ghost binds the staff session to the browser it was made by (user agent), so every call sends the same one.
    const headers = { "content-type": "application/json", origin: url, "user-agent": "Talknotes tests" };
    // Ghost refuses passwords it finds weak or common.
    const password = `Tn-${Math.random().toString(36).slice(2)}-Harbour!7`;
    const setup = await fetch(`${api}/authentication/setup/`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        setup: [{ name: "Test Owner", email: "owner@ghost.test", password, blogTitle: "Talknotes test" }],
      }),
    });
    if (!setup.ok) throw new Error(`Ghost setup failed: ${setup.status} ${await setup.text()}`);
    const session = await fetch(`${api}/session/`, {
      method: "POST",
      headers,
      body: JSON.stringify({ username: "owner@ghost.test", password }),
    });
    const cookie = session.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    if (!session.ok || !cookie) throw new Error(`Ghost sign-in failed: ${session.status} ${await session.text()}`);
    // node:http, not fetch: fetch drops a Cookie header set by hand. Ghost may answer before the new
    // session is stored, so a refusal is retried for a few seconds.
    const createIntegration = () =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(`${api}/integrations/`, { method: "POST", headers: { ...headers, cookie } }, (res) => {
          let text = "";
          res.on("data", (d) => (text += d));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on("error", reject);
        req.end(JSON.stringify({ integrations: [{ name: "Talknotes" }] }));
      });
    let created = await createIntegration();
    for (let i = 0; i < 20 && created.status === 403; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      created = await createIntegration();
    }
    const body = JSON.parse(created.text) as {
      integrations?: Array<{ api_keys: Array<{ type: string; secret: string }> }>;
    };
    const adminKey = body.integrations?.[0]?.api_keys.find((k) => k.type === "admin")?.secret;
    if (!adminKey) throw new Error(`Ghost gave no Admin API key: ${created.status} ${created.text}`);
    return { url, adminKey, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
