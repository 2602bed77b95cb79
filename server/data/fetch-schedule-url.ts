import { AppError } from "../../lib/errors/app-error";
import { MAX_SCHEDULE_BYTES } from "../../lib/schedule/check-schedule-size";

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
  /** Whole request, body included; default 15 s. */
  timeoutMs?: number;
  /** Largest body accepted; default the readers' limit (20 MB). */
  maxBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Downloads a schedule export over http(s), streaming the body so a huge or
 * endless response is cut off at `maxBytes` instead of filling memory. Every
 * failure is an AppError whose message names the URL and what went wrong
 * (not a URL, wrong scheme, HTTP status, timeout, connection error, size).
 *
 * Any host is allowed, including private addresses: Talknotes is self-hosted
 * and the person importing is the operator; put an egress policy in front of
 * it if untrusted people can reach the import page.
 */
export async function fetchScheduleUrl(url: string, options: FetchScheduleOptions = {}): Promise<FetchedSchedule> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_SCHEDULE_BYTES;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("invalid_input", `"${url}" is not a URL; give one like https://pretalx.example/democon/schedule/export/schedule.json`, {
      url: "Not a URL",
    });
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new AppError("invalid_input", `Only http and https URLs can be imported, not ${parsed.protocol.replace(/:$/, "")}: (${url})`, {
      url: "Use an http or https URL",
    });
  }

  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(parsed, {
      signal,
      redirect: "follow",
      headers: { accept: "application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5" },
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new AppError(
        "invalid_input",
        `Could not fetch ${url}: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`,
        { url: `HTTP ${response.status}` },
      );
    }
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel();
      throw tooLarge(url, maxBytes);
    }
    const body = await readLimited(response, url, maxBytes);
    const contentType = response.headers.get("content-type") ?? "";
    return { text: decode(body, contentType), url, filename: filenameFor(parsed, contentType), bytes: body.byteLength };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (signal.aborted) {
      throw new AppError("invalid_input", `Fetching ${url} timed out after ${formatSeconds(timeoutMs)}`, { url: "Timed out" });
    }
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (err as Error).message;
    throw new AppError("invalid_input", `Could not fetch ${url}: ${why}`, { url: why });
  }
}

async function readLimited(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(url, maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
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

function tooLarge(url: string, maxBytes: number): AppError {
  return new AppError("too_large", `The schedule at ${url} is larger than ${(maxBytes / (1024 * 1024)).toFixed(1)} MB; nothing was imported`, {
    url: "Too large",
  });
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
