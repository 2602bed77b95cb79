import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./server-process";

/**
 * Calls a server action of the built app over HTTP, the way a form in the
 * browser does: POST to a page that uses it, with the action's id (read
 * from the build's server-reference manifest) in `Next-Action` and the
 * arguments as a JSON array. For paths only a server action reaches (sign
 * out, revoking a token), so a test goes through the real server's code.
 */
export async function callServerAction(
  baseUrl: string,
  name: string,
  args: unknown[],
  init: { page: string; cookie?: string },
): Promise<Response> {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name)?.[0];
  if (!id) throw new Error(`no server action named ${name} in the build (run npm run build)`);
  return fetch(`${baseUrl}${init.page}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "next-action": id,
      "content-type": "text/plain;charset=UTF-8",
      origin: baseUrl,
      accept: "text/x-component",
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    body: JSON.stringify(args),
  });
}
