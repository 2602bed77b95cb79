import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AppError } from "../../lib/errors/app-error";
import { renderStaticSite } from "../../lib/export/render-static-site";
import type { GitSettings } from "./destination-settings";
import type { PublishItem, PublishOutcome, Publisher } from "./publisher";

/** Longest a clone, fetch or push may take. */
const GIT_TIMEOUT_MS = 120_000;

/** Paths of a generated site that are posts (everything else is the scaffold: config, layouts, home page). */
const POST_PATH = /^(content\/posts|_posts|_drafts)\//;

/**
 * Publishes to a Hugo or Jekyll site in a Git repository: fetches the
 * configured branch (or starts it when the remote has none), writes each
 * session's post under the configured folder (renderStaticSite, the same
 * files as the site export), and the site's config and layouts only where the
 * repository has none (an existing site keeps its theme); removes a post whose
 * path changed since the last publish; commits what changed, one commit with
 * a message naming the sessions, and pushes. Nothing changed: no commit, no
 * push. The token of an https remote reaches git through GIT_ASKPASS from the
 * environment of the child process, never its arguments, the remote URL or
 * the repository's config.
 */
export class GitPublisher implements Publisher {
  constructor(
    private readonly settings: GitSettings,
    private readonly token: string | null,
    private readonly conferenceName: string,
  ) {}

  async publish(items: readonly PublishItem[]): Promise<PublishOutcome[]> {
    if (items.length === 0) return [];
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "talknotes-git-"));
    try {
      return await this.publishIn(tmp, items);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }

  private async publishIn(tmp: string, items: readonly PublishItem[]): Promise<PublishOutcome[]> {
    const { remote, branch } = this.settings;
    const repo = path.join(tmp, "repo");
    const askpass = path.join(tmp, "askpass.sh");
    // Git asks for a user name and a password; both answers come from the child's environment.
    fs.writeFileSync(
      askpass,
      '#!/bin/sh\ncase "$1" in Username*) printf "%s\\n" "${TALKNOTES_GIT_USER:-x-access-token}";; *) printf "%s\\n" "$TALKNOTES_GIT_TOKEN";; esac\n',
      { mode: 0o700 },
    );
    const git = (args: string[]) => runGit(repo, args, { askpass, token: this.token });

    fs.mkdirSync(repo);
    await git(["init", "--quiet"]);
    await git(["remote", "add", "origin", remote]);
    const fetched = await git(["fetch", "--quiet", "--depth", "1", "origin", `refs/heads/${branch}`]).then(
      () => true,
      (err: unknown) => {
        // An empty repository, or one without this branch yet: the first publish starts it.
        if (err instanceof GitError && /couldn't find remote ref|no such ref/i.test(err.stderr)) return false;
        throw err;
      },
    );
    await git(
      fetched ? ["checkout", "--quiet", "-b", branch, "FETCH_HEAD"] : ["checkout", "--quiet", "--orphan", branch],
    );

    const base = this.settings.path;
    const inRepo = (p: string) => (base ? `${base}/${p}` : p);
    const files = renderStaticSite(
      items[0]!.doc.conference,
      items.map((i) => i.doc),
      this.settings.flavour,
      { isDraft: (i) => items[i]!.draft },
    );
    const posts = files.filter((f) => POST_PATH.test(f.path));
    if (posts.length !== items.length) throw new Error(`expected ${items.length} posts, the site has ${posts.length}`);
    for (const f of files.filter((f) => !POST_PATH.test(f.path))) {
      const target = path.join(repo, inRepo(f.path));
      if (fs.existsSync(target)) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, f.content);
    }

    const outcomes: PublishOutcome[] = [];
    const changedTitles: string[] = [];
    items.forEach((item, i) => {
      const post = posts[i]!;
      const remoteId = inRepo(post.path);
      const target = path.join(repo, remoteId);
      const existing = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : null;
      const moved =
        item.previous && item.previous.remoteId !== remoteId ? path.join(repo, item.previous.remoteId) : null;
      if (moved && isInside(repo, moved) && fs.existsSync(moved)) fs.rmSync(moved);
      const contentHash = createHash("sha256").update(post.content).digest("hex");
      if (existing === post.content && !moved) {
        outcomes.push({
          sessionId: item.sessionId,
          slug: item.slug,
          action: "skipped",
          remoteId,
          contentHash,
          url: null,
        });
        return;
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, post.content);
      changedTitles.push(item.doc.session.title);
      outcomes.push({
        sessionId: item.sessionId,
        slug: item.slug,
        action: existing === null ? "created" : "updated",
        remoteId,
        contentHash,
        url: null,
      });
    });

    await git(["add", "--all", "--", base || "."]);
    const staged = await git(["diff", "--cached", "--name-only"]);
    if (staged.trim() === "")
      return outcomes.map((o) => (o.action === "failed" ? o : { ...o, action: "skipped" as const }));
    const subject =
      changedTitles.length === 1
        ? `Publish notes: ${oneLine(changedTitles[0]!)}`
        : `Publish notes of ${changedTitles.length || "the"} sessions of ${oneLine(this.conferenceName)}`;
    const body = outcomes
      .filter((o) => o.action === "created" || o.action === "updated")
      .map((o) => `- ${o.action} ${o.slug}`)
      .join("\n");
    await git([
      "-c",
      "user.name=Talknotes",
      "-c",
      "user.email=talknotes@localhost",
      "commit",
      "--quiet",
      "--no-verify",
      "-m",
      subject.slice(0, 200),
      "-m",
      `${body}\n\nWritten by Talknotes.`,
    ]);
    await git(["push", "--quiet", "origin", `HEAD:refs/heads/${branch}`]);
    return outcomes;
  }
}

class GitError extends Error {
  constructor(readonly stderr: string) {
    super(stderr);
  }
}

/**
 * One git command with no prompts, no system or global config, no hooks,
 * no helper transports and the token only in the environment. Failures
 * become an AppError carrying git's own message with the token blanked out.
 */
function runGit(cwd: string, args: string[], auth: { askpass: string; token: string | null }): Promise<string> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: cwd,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    GIT_ASKPASS: auth.askpass,
    GIT_SSH_COMMAND: "ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new",
    TALKNOTES_GIT_TOKEN: auth.token ?? "",
    LC_ALL: "C",
  };
  const safety = ["-c", "protocol.ext.allow=never", "-c", "core.hooksPath=/dev/null", "-c", "credential.helper="];
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      [...safety, ...args],
      { cwd, env: env as NodeJS.ProcessEnv, timeout: GIT_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout);
        const said = redact(String(stderr || err.message), auth.token).trim();
        const failure = new GitError(said);
        if (args[0] === "fetch" && /couldn't find remote ref/i.test(said)) return reject(failure);
        const lines = said
          .split("\n")
          .map((l) => l.replace(/^(fatal|error|remote|hint): /, "").trim())
          .filter(Boolean);
        reject(new AppError("invalid_input", `Git ${args[0]} failed: ${lines.slice(0, 3).join(" ") || "no message"}`));
      },
    );
  });
}

function redact(text: string, secret: string | null): string {
  return secret ? text.split(secret).join("***") : text;
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return !!rel && !rel.startsWith("..") && !path.isAbsolute(rel) && !rel.startsWith(".git");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
