import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signUpAction } from "@/app/auth-actions";
import { ActionForm } from "@/app/components/ActionForm";
import { SignupFields } from "@/app/components/SignupFields";
import { currentViewer } from "@/app/current-viewer";
import { signupPolicy } from "@/server/auth/accounts";

export const metadata: Metadata = { title: "Create an account" };
export const dynamic = "force-dynamic";

export default async function SignupPage() {
  if (await currentViewer()) redirect("/");
  const policy = await signupPolicy();
  const allowed = policy.firstUser || policy.open;
  return (
    <div className="card" style={{ maxWidth: 420, margin: "0 auto" }}>
      <h1 style={{ marginTop: 0 }}>Create an account</h1>
      {policy.firstUser ? (
        <p className="lede">This is a new Talknotes instance: the first account becomes its administrator.</p>
      ) : null}
      {allowed ? (
        <ActionForm action={signUpAction} submitLabel="Create account" testId="sign-up">
          <SignupFields />
        </ActionForm>
      ) : (
        <p className="lede">Sign-up is by invitation. Open the invite link a conference owner sent you.</p>
      )}
      <p className="meta">
        <span>
          Have an account? <Link href="/login">Sign in</Link>
        </span>
      </p>
    </div>
  );
}
