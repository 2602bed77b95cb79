import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { getViewer } from "@/server/auth/get-viewer";
import type { Viewer } from "@/server/auth/viewer";
import { readBodyBytes } from "@/app/read-body-bytes";

/** Largest JSON body the API reads, and the largest notes upload. */
export const MAX_JSON_BYTES = 64 * 1024;
export const MAX_NOTES_BYTES = 2 * 1024 * 1024;

type Handler<P> = (ctx: { req: Request; viewer: Viewer; params: P }) => Promise<Response | unknown>;

/**
 * Wraps a JSON API handler: a personal access token is required
 * (`Authorization: Bearer tn_pat_...`; the session cookie is ignored, so a
 * cross-site request that carries it gets 401), AppErrors become
 * `{error, code, fields}` with their status, and plain values become JSON.
 */
export function apiRoute<P>(handler: Handler<P>) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const viewer = await getViewer(req.headers, { cookie: false });
      if (!viewer) throw new AppError("unauthorized", "Send a personal access token: Authorization: Bearer tn_pat_...");
      const result = await handler({ req, viewer, params: await context.params });
      if (result instanceof Response) return result;
      return NextResponse.json(result, { headers: { "cache-control": "no-store" } });
    } catch (err) {
      if (err instanceof AppError) {
        const headers: Record<string, string> = { "cache-control": "no-store" };
        if (err.code === "unauthorized") headers["www-authenticate"] = 'Bearer realm="talknotes"';
        return NextResponse.json(
          { error: err.message, code: err.code, fields: err.fields },
          { status: err.status, headers },
        );
      }
      console.error(err);
      return NextResponse.json({ error: "Internal error", code: "internal" }, { status: 500 });
    }
  };
}

/** Reads the request body as text, refusing more than `max` bytes (413) without buffering past it. */
export async function readBodyText(req: Request, max: number): Promise<string> {
  return new TextDecoder("utf-8", { fatal: false }).decode(await readBodyBytes(req, max));
}

/** Reads a JSON object body (at most MAX_JSON_BYTES). */
export async function readJson(req: Request): Promise<Record<string, unknown>> {
  const text = await readBodyText(req, MAX_JSON_BYTES);
  try {
    const value: unknown = JSON.parse(text || "{}");
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AppError("invalid_input", "The body must be a JSON object");
}
