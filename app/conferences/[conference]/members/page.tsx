import type { Metadata } from "next";
import { ActionForm } from "@/app/components/ActionForm";
import { ConferencePageHead } from "@/app/components/ConferencePageHead";
import { SecretActionForm } from "@/app/components/SecretActionForm";
import { requireWorkspaceRole } from "@/app/require-workspace-role";
import { CONFERENCE_ROLES } from "@/lib/auth/conference-roles";
import { formatUtcMinute } from "@/lib/format/format-utc-minute";
import { listOpenInvites } from "@/server/auth/invites";
import { listMembers } from "@/server/auth/members";
import { createInviteAction, removeMemberAction, revokeInviteAction, setMemberRoleAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Members" };

type Params = Promise<{ conference: string }>;

async function load(slug: string) {
  // Signed out: to sign-in; members who are not owners get 404 here too (the page offers nothing to them).
  const { viewer, conference } = await requireWorkspaceRole(slug, "owner", `/conferences/${slug}/members`);
  const [members, invites] = await Promise.all([listMembers(viewer, slug), listOpenInvites(viewer, slug)]);
  return { viewer, conference, members, invites };
}

/** The roles a member can be given, for the role pickers. */
const ROLE_OPTIONS = CONFERENCE_ROLES.map((r) => (
  <option key={r} value={r}>
    {r}
  </option>
));

export default async function MembersPage({ params }: { params: Params }) {
  const { viewer, conference, members, invites } = await load((await params).conference);
  return (
    <>
      <ConferencePageHead conference={conference} title="Members">
        Owners manage members and invites; editors write notes; viewers read drafts.
      </ConferencePageHead>
      <div className="layout-2">
        <section aria-labelledby="members">
          <h2 id="members">People with access</h2>
          <ul className="list" data-testid="member-list">
            {members.map((m) => (
              <li key={m.userId} className="list-item" data-testid="member">
                <h3>
                  {m.name} {m.userId === viewer.id ? <span className="badge">you</span> : null}
                </h3>
                <div className="meta">
                  <span>{m.email}</span>
                  <span className="badge">{m.role}</span>
                </div>
                <div className="member-actions">
                  <ActionForm
                    compact
                    action={setMemberRoleAction.bind(null, conference.slug, m.userId)}
                    submitLabel="Change role"
                  >
                    <select name="role" defaultValue={m.role} aria-label={`Role of ${m.name}`}>
                      {ROLE_OPTIONS}
                    </select>
                  </ActionForm>
                  <ActionForm
                    compact
                    action={removeMemberAction.bind(null, conference.slug, m.userId)}
                    submitLabel="Remove"
                  />
                </div>
              </li>
            ))}
          </ul>
          <h2 className="section-gap">Open invite links</h2>
          {invites.length === 0 ? (
            <div className="empty">
              <p>No open invites.</p>
            </div>
          ) : (
            <ul className="list">
              {invites.map((i) => (
                <li key={i.id} className="list-item">
                  <div className="meta">
                    <span className="badge">{i.role}</span>
                    <span>expires {formatUtcMinute(i.expiresAt)}</span>
                    <span>by {i.createdBy.name}</span>
                  </div>
                  <ActionForm
                    compact
                    action={revokeInviteAction.bind(null, conference.slug, i.id)}
                    submitLabel="Withdraw"
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
        <aside className="card">
          <h2>Invite someone</h2>
          <SecretActionForm
            action={createInviteAction.bind(null, conference.slug)}
            submitLabel="Create invite link"
            secretLabel="Invite link"
            testId="new-invite"
          >
            <div className="row">
              <label>
                Role
                <select name="role" defaultValue="editor">
                  {ROLE_OPTIONS}
                </select>
              </label>
              <label>
                Valid for (hours)
                <input name="expiresInHours" type="number" min={1} max={720} defaultValue={168} />
              </label>
            </div>
          </SecretActionForm>
          <p className="meta">
            <span>Each link works once, for one person, until it expires.</span>
          </p>
        </aside>
      </div>
    </>
  );
}
