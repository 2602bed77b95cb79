import http from "node:http";
import https from "node:https";
import net from "node:net";
import { AppError } from "../../lib/errors/app-error";
import { MAX_SCHEDULE_BYTES } from "../../lib/schedule/check-schedule-size";
import { readEnv } from "../env";
import { BlockedAddressError } from "./blocked-address-error";
import { guardedLookup } from "./guarded-lookup";
import { isPublicAddress } from "./is-public-address";

/** A schedule file downloaded from a URL. */
export interface FetchedSchedule {
  /** The body, decoded as text. */
  text: string;
  /** The URL as asked for (the identity recorded for re-imports, even when the server redirected). */
  url: string;
  /** A file name for the reader's JSON/XML tie-break: the URL's last path segment or one made from the content type. */
  filename?: string;
  /** Body size in bytes. */
  bytes: number;
}

export interface FetchScheduleOptions {
  /** Whole request, redirects and body included; default 15 s. */
  timeoutMs?: number;
  /** Largest body accepted; default the readers' limit (20 MB). */
  maxBytes?: number;
  /** Host names that may be fetched even at private or loopback addresses; default `SCHEDULE_FETCH_ALLOW_HOSTS`. */
  allowHosts?: readonly string[];
  /** Any address (the operator's own CLI, who can reach the network anyway). */
  anyAddress?: boolean;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** Redirects followed at most (pretalx and frab exports redirect once, if at all). */
const MAX_REDIRECTS = 3;

/**
 * Downloads a schedule export over http(s), streaming the body so a huge or
 * endless response is cut off at `maxBytes` instead of filling memory. Every
 * failure is an AppError whose message names the URL and what went wrong
 * (not a URL, wrong scheme, private address, HTTP status, timeout, connection
 * error, size), never the body.
 *
 * The server fetches on behalf of a signed-in user, so it must not become
 * their way into the server's own network (request forgery): loopback,
 * private, link-local, CGNAT, multicast and unique-local addresses (IPv4,
 * IPv6, IPv4-mapped) are refused. The check is made on the address actually
 * connected to: the socket's DNS look-up is our own, which resolves, checks
 * every address and hands the socket only checked ones (no second look-up a
 * rebinding DNS server could answer differently). Redirects are followed by
 * hand, at most three, each through the same check. The operator may allow
 * named hosts (`SCHEDULE_FETCH_ALLOW_HOSTS`), e.g. a pretalx on the LAN; the
 * CLI, run by the operator, may fetch any address.
 */
export async function fetchScheduleUrl(url: string, options: FetchScheduleOptions = {}): Promise<FetchedSchedule> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_SCHEDULE_BYTES;
  const allowHosts = new Set((options.allowHosts ?? readEnv().scheduleFetchAllowHosts).map((h) => bareHost(h)));
  const parsed = checkedUrl(url, url);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let current = parsed;
    for (let redirects = 0; ; redirects++) {
      const response = await get(current, options.anyAddress ? null : allowHosts, controller.signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.destroy();
        if (redirects >= MAX_REDIRECTS) {
          throw new AppError("invalid_input", `Could not fetch ${url}: more than ${MAX_REDIRECTS} redirects`, {
            url: "Too many redirects",
          });
        }
        current = checkedUrl(new URL(location, current).toString(), url);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.destroy();
        throw new AppError(
          "invalid_input",
          `Could not fetch ${url}: the server answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ""}`,
          { url: `HTTP ${status}` },
        );
      }
      const declared = Number(response.headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxBytes) {
        response.destroy();
        throw tooLarge(url, maxBytes);
      }
      const body = await readLimited(response, url, maxBytes);
      const contentType = response.headers["content-type"] ?? "";
      return {
        text: decode(body, contentType),
        url,
        filename: filenameFor(parsed, contentType),
        bytes: body.byteLength,
      };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (controller.signal.aborted) {
      throw new AppError("invalid_input", `Fetching ${url} timed out after ${formatSeconds(timeoutMs)}`, {
        url: "Timed out",
      });
    }
    if (err instanceof BlockedAddressError) throw blocked(url, err.host);
    const e = err as { code?: string; message?: string };
    const why = e.code ?? e.message ?? String(err);
    throw new AppError("invalid_input", `Could not fetch ${url}: ${why}`, { url: why });
  } finally {
    clearTimeout(timer);
  }
}

/** `target` as a URL the server may try: http(s) only; an address literal must be public (or allowed). */
function checkedUrl(target: string, asked: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    throw new AppError(
      "invalid_input",
      `"${asked}" is not a URL; give one like https://pretalx.example/democon/schedule/export/schedule.json`,
      {
        url: "Not a URL",
      },
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new AppError(
      "invalid_input",
      `Only http and https URLs can be imported, not ${parsed.protocol.replace(/:$/, "")}: (${asked})`,
      {
        url: "Use an http or https URL",
      },
    );
  }
  return parsed;
}

/** One GET, its socket connected only to addresses the guarded look-up checked (IP literals are checked here). */
function get(url: URL, allowHosts: ReadonlySet<string> | null, signal: AbortSignal): Promise<http.IncomingMessage> {
  const host = bareHost(url.hostname);
  const allowed = !allowHosts || allowHosts.has(host);
  if (net.isIP(host) && !allowed && !isPublicAddress(host)) return Promise.reject(new BlockedAddressError(host));
  const lookup = guardedLookup(allowed);
  const request = url.protocol === "https:" ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "GET",
      agent: false,
      lookup,
      signal,
      headers: {
        accept: "application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
        "user-agent": "Talknotes schedule import",
      },
    });
    req.once("response", resolve);
    req.once("error", reject);
    req.end();
  });
}

/** A host name or address as compared with the allow-list: lower case, IPv6 without brackets. */
function bareHost(host: string): string {
  return host.toLowerCase().replace(/^\[|\]$/g, "");
}

async function readLimited(response: http.IncomingMessage, url: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      response.destroy();
      throw tooLarge(url, maxBytes);
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

function decode(body: Uint8Array, contentType: string): string {
  const charset = /charset="?([\w-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? "utf-8").decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body); // unknown charset label: schedule exports are UTF-8
  }
}

function filenameFor(url: URL, contentType: string): string | undefined {
  const raw = url.pathname.split("/").pop() ?? "";
  let last = raw;
  try {
    last = decodeURIComponent(raw);
  } catch {
    // a stray % in the path: the raw segment still carries the extension
  }
  if (/\.(json|xml)$/i.test(last)) return last;
  if (/json/i.test(contentType)) return "schedule.json";
  if (/xml/i.test(contentType)) return "schedule.xml";
  return last || undefined;
}

function blocked(url: string, host: string): AppError {
  return new AppError(
    "invalid_input",
    `Could not fetch ${url}: ${host} is a private or local address, which schedule import does not fetch (the operator can allow a host with SCHEDULE_FETCH_ALLOW_HOSTS)`,
    { url: "Private or local address" },
  );
}

function tooLarge(url: string, maxBytes: number): AppError {
  return new AppError(
    "too_large",
    `The schedule at ${url} is larger than ${(maxBytes / (1024 * 1024)).toFixed(1)} MB; nothing was imported`,
    {
      url: "Too large",
    },
  );
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
