import type { Metadata } from "next";
import type { FormState } from "@/app/actions";
import { ActionForm } from "@/app/components/ActionForm";
import { PublishRunForm } from "@/app/c/_workspace/PublishRunForm";
import { ConferencePageHead } from "@/app/components/ConferencePageHead";
import { requireWorkspaceRole } from "@/app/require-workspace-role";
import { formatUtcMinute } from "@/lib/format/format-utc-minute";
import { type AutoPublishJobSummary, listAutoPublishJobs, listDestinations } from "@/server/data/publish-destinations";
import type { GhostSettings, GitSettings, WordPressSettings } from "@/server/publish/destination-settings";
import {
  createGhostDestinationAction,
  createGitDestinationAction,
  createWordPressDestinationAction,
  deleteDestinationAction,
  publishToDestinationAction,
  setDestinationAutoPublishAction,
} from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Publishing" };

type Params = Promise<{ conference: string }>;

export default async function PublishingPage({ params }: { params: Params }) {
  const slug = (await params).conference;
  // Owners only: others get 404, like an unknown conference.
  const { conference } = await requireWorkspaceRole(slug, "owner", `/conferences/${slug}/publishing`);
  const [destinations, jobs] = await Promise.all([
    listDestinations(conference.slug),
    listAutoPublishJobs(conference.slug),
  ]);
  return (
    <>
      <ConferencePageHead conference={conference} title="Publishing">
        Blogs and sites this conference&apos;s notes are posted to. The first publish creates each post; later ones
        update the same post. Passwords and tokens are stored encrypted and never shown again.
      </ConferencePageHead>
      <div className="layout-2">
        <section aria-labelledby="destinations">
          <h2 id="destinations">Destinations</h2>
          {destinations.length === 0 ? (
            <div className="empty">
              <p>No destinations yet. Add a WordPress or Ghost blog or a Git-hosted Hugo or Jekyll site.</p>
            </div>
          ) : (
            <ul className="list" data-testid="destination-list">
              {destinations.map((d) => (
                <li key={d.id} className="list-item" data-testid="destination">
                  <h3>{d.name}</h3>
                  <div className="meta">
                    <span className="badge">
                      {d.kind === "wordpress" ? "WordPress" : d.kind === "ghost" ? "Ghost" : "Git"}
                    </span>
                    <span>{describe(d.kind, d.settings)}</span>
                    <span>{d.hasSecret ? "credential stored" : "no credential"}</span>
                    <span>
                      {d.posts} session{d.posts === 1 ? "" : "s"} published
                    </span>
                    <span data-testid="auto-publish-state">
                      {d.autoPublish ? "publishes automatically" : "publishes on request"}
                    </span>
                  </div>
                  <AutoPublishJobs jobs={jobs.filter((j) => j.destinationId === d.id)} />
                  <PublishRunForm
                    action={publishToDestinationAction.bind(null, conference.slug, d.id, null)}
                    label="Publish all published sessions"
                    testId={`publish-all-${d.name}`}
                  />
                  <ActionForm
                    compact
                    action={setDestinationAutoPublishAction.bind(null, conference.slug, d.id, !d.autoPublish)}
                    submitLabel={d.autoPublish ? "Stop publishing automatically" : "Publish automatically"}
                    testId={`auto-publish-${d.name}`}
                  />
                  <ActionForm
                    compact
                    danger
                    action={deleteDestinationAction.bind(null, conference.slug, d.id)}
                    submitLabel="Remove"
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
        <aside className="stack">
          <AddDestinationForm
            title="Add a WordPress blog"
            action={createWordPressDestinationAction.bind(null, conference.slug)}
            submitLabel="Add blog"
            testId="new-wordpress"
            namePlaceholder="Team blog"
          >
            <SiteAddressField placeholder="https://blog.example.org" />
            <label>
              User name
              <input name="username" required maxLength={200} autoComplete="off" />
            </label>
            <label>
              Application password <span className="hint">Users → Profile → Application Passwords</span>
              <input name="secret" type="password" required maxLength={2000} autoComplete="new-password" />
            </label>
            <PostStatusField blog="WordPress" published="publish" />
          </AddDestinationForm>
          <AddDestinationForm
            title="Add a Ghost blog"
            action={createGhostDestinationAction.bind(null, conference.slug)}
            submitLabel="Add blog"
            testId="new-ghost"
            namePlaceholder="Ghost blog"
          >
            <SiteAddressField placeholder="https://notes.example.org" />
            <label>
              Admin API key <span className="hint">Settings → Integrations → Add custom integration</span>
              <input name="secret" type="password" required maxLength={200} autoComplete="new-password" />
            </label>
            <PostStatusField blog="Ghost" published="published" />
          </AddDestinationForm>
          <AddDestinationForm
            title="Add a Git-hosted site"
            action={createGitDestinationAction.bind(null, conference.slug)}
            submitLabel="Add site"
            testId="new-git"
            namePlaceholder="GitHub Pages"
          >
            <label>
              Repository
              <input name="remote" required maxLength={500} placeholder="https://github.com/team/notes.git" />
            </label>
            <div className="row">
              <label>
                Branch
                <input name="branch" required maxLength={100} defaultValue="main" />
              </label>
              <label>
                Folder <span className="hint">empty: the root</span>
                <input name="path" maxLength={200} placeholder="site" />
              </label>
            </div>
            <label>
              Generator
              <select name="flavour" defaultValue="hugo">
                <option value="hugo">Hugo</option>
                <option value="jekyll">Jekyll</option>
              </select>
            </label>
            <label>
              Access token <span className="hint">for an https repository; empty for ssh</span>
              <input name="secret" type="password" maxLength={2000} autoComplete="new-password" />
            </label>
          </AddDestinationForm>
        </aside>
      </div>
    </>
  );
}

/**
 * One "Add …" card: the name every destination has, the kind's own fields
 * (children), and whether it publishes by itself; the action seals the secret.
 */
function AddDestinationForm({
  title,
  action,
  submitLabel,
  testId,
  namePlaceholder,
  children,
}: {
  title: string;
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  submitLabel: string;
  testId: string;
  namePlaceholder: string;
  children: React.ReactNode;
}) {
  return (
    <div className="card">
      <h2>{title}</h2>
      <ActionForm action={action} submitLabel={submitLabel} testId={testId}>
        <label>
          Name
          <input name="name" required maxLength={80} placeholder={namePlaceholder} />
        </label>
        {children}
        <label style={{ display: "flex", gap: "0.5rem", alignItems: "center" }}>
          <input type="checkbox" name="autoPublish" />
          Publish automatically when a session is published
        </label>
      </ActionForm>
    </div>
  );
}

/** A blog's address (WordPress, Ghost). */
function SiteAddressField({ placeholder }: { placeholder: string }) {
  return (
    <label>
      Site address
      <input name="url" type="url" required maxLength={500} placeholder={placeholder} />
    </label>
  );
}

/** Whether a blog's posts arrive as drafts or published; `published` is the blog's own word for it. */
function PostStatusField({ blog, published }: { blog: string; published: string }) {
  return (
    <label>
      Posts are
      <select name="status" defaultValue="draft">
        <option value="draft">{`Drafts (publish them in ${blog})`}</option>
        <option value={published}>Published at once</option>
      </select>
    </label>
  );
}

const JOB_STATE: Record<AutoPublishJobSummary["state"], string> = {
  pending: "waiting",
  running: "publishing now",
  done: "published",
  failed: "gave up",
  cancelled: "not published",
};

/** The destination's automatic publishes: what happened last to each session, and when a failed one is retried. */
function AutoPublishJobs({ jobs }: { jobs: AutoPublishJobSummary[] }) {
  if (jobs.length === 0) return null;
  return (
    // Open when something needs the owner's attention (an error, retried or given up).
    <details
      className="auto-publish-jobs"
      data-testid="auto-publish-jobs"
      open={jobs.some((j) => j.lastError !== null && j.state !== "done")}
    >
      <summary>Automatic publishing ({jobs.length})</summary>
      <ul>
        {jobs.map((j) => (
          <li key={j.sessionSlug} data-testid="auto-publish-job" data-state={j.state}>
            <strong>{j.sessionTitle}</strong>: {JOB_STATE[j.state]}
            {j.state === "done" && j.lastAction ? ` (${j.lastAction})` : ""}
            {j.attempts > 1 ? `, ${j.attempts} attempts` : ""}
            {j.state === "pending" && j.lastError ? `, next try ${formatUtcMinute(j.runAt)}` : ""}
            {j.lastError && j.state !== "done" ? <span className="form-error"> {j.lastError}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

function describe(kind: string, settings: GitSettings | WordPressSettings | GhostSettings): string {
  if (kind === "ghost") {
    const s = settings as GhostSettings;
    return `${s.url}, ${s.status === "published" ? "published" : "drafts"}`;
  }
  if (kind === "wordpress") {
    const s = settings as WordPressSettings;
    return `${s.url} as ${s.username}, ${s.status === "publish" ? "published" : "drafts"}`;
  }
  const s = settings as GitSettings;
  return `${s.flavour === "hugo" ? "Hugo" : "Jekyll"} in ${s.remote} ${s.branch}${s.path ? `:${s.path}/` : ""}`;
}
