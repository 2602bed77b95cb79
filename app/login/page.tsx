import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signInAction } from "@/app/auth-actions";
import { ActionForm } from "@/app/components/ActionForm";
import { currentViewer } from "@/app/current-viewer";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { signupPolicy } from "@/server/auth/accounts";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await currentViewer()) redirect(next);
  const policy = await signupPolicy();
  if (policy.firstUser) redirect("/signup");
  return (
    <div className="card" style={{ maxWidth: 420, margin: "0 auto" }}>
      <h1 style={{ marginTop: 0 }}>Sign in</h1>
      <ActionForm action={signInAction} submitLabel="Sign in" testId="sign-in">
        <input type="hidden" name="next" value={next} />
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required maxLength={254} />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required maxLength={256} />
        </label>
      </ActionForm>
      <p className="meta">
        {policy.open ? (
          <span>
            New here? <Link href="/signup">Create an account</Link>
          </span>
        ) : (
          <span>Accounts are by invitation: ask a conference owner for an invite link.</span>
        )}
      </p>
    </div>
  );
}
