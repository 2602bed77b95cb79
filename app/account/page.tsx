import type { Metadata } from "next";
import { redirect } from "next/navigation";
import {
  createTokenAction,
  revokeTokenAction,
  setOpenSignupAction,
  signOutAction,
  updateProfileAction,
} from "@/app/auth-actions";
import { ActionForm } from "@/app/components/ActionForm";
import { SecretActionForm } from "@/app/components/SecretActionForm";
import { currentViewer } from "@/app/current-viewer";
import { listAccessTokens } from "@/server/auth/access-tokens";
import { authorProfile } from "@/server/auth/author-profile";
import { hasUploadedAvatar } from "@/server/auth/has-uploaded-avatar";
import { AvatarUpload } from "./AvatarUpload";
import { signupPolicy } from "@/server/auth/accounts";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "never");

export default async function AccountPage() {
  const viewer = await currentViewer();
  if (!viewer) redirect("/login?next=/account");
  const [tokens, policy, profile, uploaded] = await Promise.all([
    listAccessTokens(viewer.id),
    signupPolicy(),
    authorProfile(viewer.id),
    hasUploadedAvatar(viewer.id),
  ]);
  return (
    <>
      <div className="page-head">
        <div>
          <p className="eyebrow">Your account{viewer.isAdmin ? " · instance admin" : ""}</p>
          <h1>{viewer.name}</h1>
          <p className="lede">{viewer.email}</p>
        </div>
        <form action={signOutAction}>
          <button className="btn secondary" type="submit">
            Sign out
          </button>
        </form>
      </div>
      <div className="layout-2">
        <section aria-labelledby="tokens">
          <h2 id="tokens">Personal access tokens</h2>
          <p className="meta">
            <span>
              For the JSON API (docs/API.md) and scripts. A token acts with your roles; revoke it when it leaks.
            </span>
          </p>
          {tokens.length === 0 ? (
            <div className="empty">
              <p>No tokens yet.</p>
            </div>
          ) : (
            <ul className="list" data-testid="token-list">
              {tokens.map((t) => (
                <li key={t.id} className="list-item">
                  <h3>{t.name}</h3>
                  <div className="meta">
                    <span>created {day(t.createdAt)}</span>
                    <span>last used {day(t.lastUsedAt)}</span>
                    <span>expires {day(t.expiresAt)}</span>
                  </div>
                  <ActionForm compact action={revokeTokenAction.bind(null, t.id)} submitLabel="Revoke" />
                </li>
              ))}
            </ul>
          )}
        </section>
        <aside className="stack">
          <div className="card">
            <h2 id="profile">Author profile</h2>
            <p className="small">
              Shown with the notes you write: the byline &ldquo;Notes by …&rdquo; on public pages, exports and blog
              posts, and this bio at the end when you wrote first.
            </p>
            <AvatarUpload avatarUrl={profile.avatarUrl} uploaded={uploaded} />
            {/* Keyed by the avatar URL: after an upload the form starts from the new address, so saving keeps it. */}
            <ActionForm
              key={profile.avatarUrl ?? ""}
              action={updateProfileAction}
              submitLabel="Save profile"
              testId="author-profile"
            >
              <label>
                Display name
                <input name="name" required maxLength={100} defaultValue={profile.name} autoComplete="name" />
              </label>
              <label>
                Bio
                <textarea
                  name="bio"
                  maxLength={1000}
                  rows={4}
                  defaultValue={profile.bio ?? ""}
                  placeholder="Writes about operations at a web shop in Austin."
                />
              </label>
              <label>
                Link
                <input
                  name="link"
                  type="url"
                  maxLength={500}
                  defaultValue={profile.link ?? ""}
                  placeholder="https://example.org/about"
                />
              </label>
              <label>
                Avatar image URL <span className="hint">set by an upload, or any https address</span>
                <input
                  name="avatarUrl"
                  type="url"
                  maxLength={500}
                  defaultValue={profile.avatarUrl ?? ""}
                  placeholder="https://example.org/me.jpg"
                />
              </label>
            </ActionForm>
          </div>
          <div className="card">
            <h2>New token</h2>
            <SecretActionForm
              action={createTokenAction}
              submitLabel="Create token"
              secretLabel="Your token"
              testId="new-token"
            >
              <label>
                Name
                <input name="name" required maxLength={100} placeholder="blog export script" />
              </label>
              <label>
                Expires after (days, empty: never)
                <input name="expiresInDays" type="number" min={1} max={3650} />
              </label>
            </SecretActionForm>
          </div>
          {viewer.isAdmin ? (
            <div className="card">
              <h2>Sign-up</h2>
              <ActionForm action={setOpenSignupAction} submitLabel="Save" testId="signup-policy">
                <label style={{ display: "flex", gap: "0.5rem", alignItems: "center" }}>
                  <input type="checkbox" name="open" defaultChecked={policy.open} />
                  Anyone who can reach this server may create an account (otherwise: invite links and the CLI only)
                </label>
              </ActionForm>
            </div>
          ) : null}
        </aside>
      </div>
    </>
  );
}
