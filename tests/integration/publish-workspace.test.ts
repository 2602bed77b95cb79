import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAccount, sessionCookie } from "../support/auth-seed";
import { postServerAction } from "../support/post-server-action";
import { importPanel } from "../support/import-panel";
import type { RunningServer } from "../support/server-process";
import { startTestServer } from "../support/test-server";

/**
 * Publishing through the real server's pages and forms: an owner adds a Git
 * destination on the Publishing page (its token never comes back), an editor
 * publishes a session with "Publish to…" and sees the report, the push lands
 * in the repository; viewers see neither, and an editor cannot run the
 * owners' "publish all". Local remotes are allowed here by the operator
 * (PUBLISH_ALLOW_HOSTS=file), as a test's bare repository needs.
 */
let remote = "";

let server: RunningServer;
let conference = "";
let session = "";
const cookies = { owner: "", editor: "", viewer: "" };

const page = async (url: string, cookie: string) => {
  const res = await fetch(`${server.url}${url}`, { headers: { cookie }, redirect: "manual" });
  return { status: res.status, html: await res.text() };
};

beforeAll(async () => {
  const started = await startTestServer({ env: { PUBLISH_ALLOW_HOSTS: "file" } });
  server = started.server;
  remote = path.join(started.db.dir, "site.git");
  spawnSync("git", ["init", "--quiet", "--bare", remote]);
  const { setSessionStatus } = await import("../../server/data/publish-sessions");
  const imported = await importPanel();
  conference = imported.conference.slug;
  session = imported.session.slug;
  await setSessionStatus(conference, session, "published");
  await seedAccount({ name: "Instance Admin" });
  for (const role of ["owner", "editor", "viewer"] as const) {
    const account = await seedAccount({ name: `The ${role}`, conferenceId: imported.conference.id, role });
    cookies[role] = await sessionCookie(account.email);
  }
});

afterAll(async () => {
  await server?.stop();
});

describe("publishing from the workspace", () => {
  it("an owner adds a Git site; the token is stored sealed and never shown", async () => {
    const { html } = await page(`/conferences/${conference}/publishing`, cookies.owner);
    const res = await postServerAction(`${server.url}/conferences/${conference}/publishing`, html, {
      form: "new-git",
      fields: { name: "site", remote, branch: "main", path: "", flavour: "hugo", secret: "ghp_EXAMPLE_token_value" },
      headers: { cookie: cookies.owner },
    });
    expect(res.status).toBeLessThan(400);
    expect(await res.text()).not.toContain("ghp_EXAMPLE");
    const after = await page(`/conferences/${conference}/publishing`, cookies.owner);
    expect(after.html).toContain("credential stored");
    expect(after.html).not.toContain("ghp_EXAMPLE");
  });

  it("an editor publishes the session with Publish to… and gets the report; the commit is pushed", async () => {
    const { html } = await page(`/conferences/${conference}/sessions/${session}`, cookies.editor);
    expect(html).toContain("Publish to…");
    const res = await postServerAction(`${server.url}/conferences/${conference}/sessions/${session}`, html, {
      form: "publish-to-site",
      headers: { cookie: cookies.editor },
    });
    expect(await res.text()).toContain(`created ${session}`);
    const log = spawnSync("git", ["--git-dir", remote, "log", "--format=%s", "main"], { encoding: "utf8" });
    expect(log.stdout.trim()).toBe("Publish notes: Shipping On Fridays");
    const again = await postServerAction(`${server.url}/conferences/${conference}/sessions/${session}`, html, {
      form: "publish-to-site",
      headers: { cookie: cookies.editor },
    });
    expect(await again.text()).toContain(`skipped ${session}`);
  });

  it("viewers see no Publish to… and no Publishing page; editors cannot publish all", async () => {
    expect((await page(`/conferences/${conference}/sessions/${session}`, cookies.viewer)).html).not.toContain(
      "Publish to…",
    );
    expect((await page(`/conferences/${conference}/publishing`, cookies.viewer)).status).toBe(404);
    expect((await page(`/conferences/${conference}/publishing`, cookies.editor)).status).toBe(404);
    const { html } = await page(`/conferences/${conference}/publishing`, cookies.owner);
    const res = await postServerAction(`${server.url}/conferences/${conference}/publishing`, html, {
      form: "publish-all-site",
      headers: { cookie: cookies.editor },
    });
    const body = await res.text();
    expect(body).not.toMatch(/(created|updated|skipped) shipping-on-fridays/);
    const owner = await postServerAction(`${server.url}/conferences/${conference}/publishing`, html, {
      form: "publish-all-site",
      headers: { cookie: cookies.owner },
    });
    expect(await owner.text()).toContain("skipped shipping-on-fridays");
  });
});
