import { type APIRequestContext, expect } from "@playwright/test";

/**
 * Calls the JSON API with a personal access token (tests/e2e/sign-in.ts
 * accountToken) and returns the parsed answer, expecting success. A string
 * `data` is sent as it is (text/plain unless `contentType` says otherwise).
 */
export async function apiAs(
  request: APIRequestContext,
  token: string,
  method: "get" | "post" | "patch" | "delete",
  path: string,
  data?: unknown,
  contentType?: string,
): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (typeof data === "string") headers["content-type"] = contentType ?? "text/plain";
  const res = await request[method](`/api/v1${path}`, { headers, data: data as never });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
}
