import http from "node:http";
import https from "node:https";
import net from "node:net";
import { AppError } from "../../lib/errors/app-error";
import { BlockedAddressError } from "../data/blocked-address-error";
import { guardedLookup } from "../data/guarded-lookup";
import { isPublicAddress } from "../data/is-public-address";

/** Longest one request may take. */
export const PUBLISH_REQUEST_TIMEOUT_MS = 30_000;
/** Largest answer read (a post comes back with its content). */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * One HTTP request of a publisher (WordPress, Ghost) to the blog: the socket
 * connects only to public addresses unless the operator allowed the host
 * (`allowHosts`; null: any address, the operator's CLI), the answer is read
 * up to 8 MB within 30 s. Network failures become an AppError naming `site`
 * ("WordPress at https://…") and the cause, never the request's headers.
 */
export function guardedHttpRequest(
  method: string,
  url: URL,
  options: {
    headers: Record<string, string | number>;
    body?: Buffer;
    allowHosts: ReadonlySet<string> | null;
    site: string;
  },
): Promise<{ status: number; text: string }> {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const allowed = options.allowHosts === null || options.allowHosts.has(host);
  if (net.isIP(host) && !allowed && !isPublicAddress(host)) return Promise.reject(blocked(host));
  const send = url.protocol === "https:" ? https.request : http.request;
  const unreachable = (err: Error & { code?: string }) =>
    new AppError("invalid_input", `${options.site} is unreachable: ${err.code ?? err.message}`);
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method,
        agent: false,
        lookup: guardedLookup(allowed),
        timeout: PUBLISH_REQUEST_TIMEOUT_MS,
        headers: {
          ...options.headers,
          ...(options.body !== undefined ? { "content-length": options.body.length } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) res.destroy(new Error("answer too large"));
          else chunks.push(chunk);
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", (err) => reject(unreachable(err)));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${PUBLISH_REQUEST_TIMEOUT_MS / 1000} s`)));
    req.on("error", (err) => reject(err instanceof BlockedAddressError ? blocked(err.host) : unreachable(err)));
    req.end(options.body);
  });
}

function blocked(host: string): AppError {
  return new AppError(
    "invalid_input",
    `${host} is a private or local address, which publishing does not connect to (the operator can allow a host with PUBLISH_ALLOW_HOSTS)`,
  );
}
