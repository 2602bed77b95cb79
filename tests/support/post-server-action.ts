/**
 * Submits a server-action form the way a browser without JavaScript does: the
 * page's `<form data-testid="...">` is found in `html`, its hidden `$ACTION_*`
 * inputs (which name the action and its bound arguments) are sent back with
 * `fields`, as multipart, to `url` (the page the form was rendered on).
 * `headers` carries the caller's cookie or Authorization; the Origin is the
 * page's own unless given (Next refuses cross-origin actions).
 */
export async function postServerAction(
  url: string,
  html: string,
  options: { form: string; fields?: Record<string, string>; headers?: Record<string, string> },
): Promise<Response> {
  const start = html.indexOf(`data-testid="${options.form}"`);
  if (start < 0) throw new Error(`no form data-testid="${options.form}" on the page`);
  const formStart = html.lastIndexOf("<form", start);
  const formEnd = html.indexOf("</form>", start);
  const form = html.slice(formStart, formEnd);
  const body = new FormData();
  for (const input of form.match(/<input\b[^>]*>/g) ?? []) {
    const name = /\bname="([^"]*)"/.exec(input)?.[1];
    if (!name?.startsWith("$ACTION")) continue;
    body.set(decodeHtml(name), decodeHtml(/\bvalue="([^"]*)"/.exec(input)?.[1] ?? ""));
  }
  for (const [name, value] of Object.entries(options.fields ?? {})) body.set(name, value);
  const headers = new Headers(options.headers);
  if (!headers.has("origin")) headers.set("origin", new URL(url).origin);
  return fetch(url, { method: "POST", body, headers, redirect: "manual" });
}

function decodeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
