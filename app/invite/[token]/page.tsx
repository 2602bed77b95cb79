import type { Metadata } from "next";
import Link from "next/link";
import { acceptInviteAction, signUpAction } from "@/app/auth-actions";
import { ActionForm } from "@/app/components/ActionForm";
import { SignupFields } from "@/app/components/SignupFields";
import { currentViewer } from "@/app/current-viewer";
import { formatUtcMinute } from "@/lib/format/format-utc-minute";
import { describeInvite } from "@/server/auth/invites";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await describeInvite(token);
  const viewer = await currentViewer();
  if (invite.status !== "valid") {
    return (
      <div className="card" style={{ maxWidth: 480, margin: "0 auto" }} data-testid="invite-invalid">
        <h1 style={{ marginTop: 0 }}>This invite link is not valid</h1>
        <p className="lede">It has expired or was already used. Ask the conference owner for a new one.</p>
      </div>
    );
  }
  const path = `/invite/${token}`;
  return (
    <div className="card" style={{ maxWidth: 480, margin: "0 auto" }}>
      <p className="eyebrow">Invitation</p>
      <h1 style={{ marginTop: 0 }}>{invite.conferenceName}</h1>
      <p className="lede">
        You are invited as <strong>{invite.role}</strong>. The link expires {formatUtcMinute(invite.expiresAt!)} and
        works once.
      </p>
      {viewer ? (
        <ActionForm
          action={acceptInviteAction.bind(null, token)}
          submitLabel={`Join as ${viewer.name}`}
          testId="accept-invite"
        >
          <></>
        </ActionForm>
      ) : (
        <>
          <h2>New to Talknotes?</h2>
          <ActionForm action={signUpAction} submitLabel="Create account and join" testId="invite-sign-up">
            <input type="hidden" name="invite" value={token} />
            <SignupFields />
          </ActionForm>
          <p className="meta">
            <span>
              Have an account? <Link href={`/login?next=${encodeURIComponent(path)}`}>Sign in</Link>, then open this
              link again.
            </span>
          </p>
        </>
      )}
    </div>
  );
}
