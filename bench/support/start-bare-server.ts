import { spawn } from "node:child_process";
import path from "node:path";
import { startedProcesses } from "./started-processes";

export interface BareServer {
  wsUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts bench/bare-y-websocket-server.mjs (stock @y/websocket-server) on a free loopback port. */
export async function startBareServer(): Promise<BareServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0" };
  delete env.YPERSISTENCE;
  const child = spawn(process.execPath, [path.resolve(import.meta.dirname, "../bare-y-websocket-server.mjs")], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  startedProcesses.add(child.pid!);
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bare y-websocket server did not start:\n${out}`)), 20_000);
    child.stdout.on("data", () => {
      const m = /listening on port (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`bare y-websocket server exited with ${code}:\n${out}`));
    });
  });
  return {
    wsUrl: `ws://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
      startedProcesses.remove(child.pid!);
    },
  };
}
