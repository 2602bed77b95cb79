"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * The header's right side: who is signed in (a link to their account page), or
 * a sign-in link. Fetched in the browser, so the root layout reads no cookie
 * and public pages can stay cacheable.
 */
/** The name of the account this browser was last signed in as (cleared when the server says signed out). */
const LAST_ACCOUNT_KEY = "talknotes:account-name";

export function AccountNav() {
  const pathname = usePathname();
  const [me, setMe] = useState<{ name: string } | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    fetch("/account/me", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { name: string } | null) => {
        if (!live) return;
        setMe(body);
        if (body) localStorage.setItem(LAST_ACCOUNT_KEY, body.name);
        else localStorage.removeItem(LAST_ACCOUNT_KEY);
      })
      // No network (an offline reload served by the service worker) says nothing about the session
      // cookie: show who was signed in last time rather than "Sign in".
      .catch(() => {
        if (!live) return;
        const last = localStorage.getItem(LAST_ACCOUNT_KEY);
        setMe(last ? { name: last } : null);
      });
    return () => {
      live = false;
    };
  }, [pathname]);
  return (
    <nav aria-label="Account" style={{ marginLeft: "auto", fontSize: "0.9rem" }} data-testid="account-nav">
      {me === undefined ? null : me ? <Link href="/account">{me.name}</Link> : <Link href="/login">Sign in</Link>}
    </nav>
  );
}
