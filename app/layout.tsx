import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { AccountNav } from "./components/AccountNav";
import "./globals.css";
import "./workspace.css";

export const metadata: Metadata = {
  title: { default: "Talknotes", template: "%s · Talknotes" },
  description: "Live, structured, collaborative notes of conference talks and panels.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  // Android Chrome: the on-screen keyboard shrinks the layout viewport, so the editor's caret margins
  // (ProseMirror scrollMargin) keep the line being typed above the keyboard. iOS ignores it; the
  // capture bar and the @ menu follow the visual viewport there.
  interactiveWidget: "resizes-content",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#15171a" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              ❝
            </span>
            Talknotes
          </Link>
          <AccountNav />
        </header>
        <main className="site-main">{children}</main>
      </body>
    </html>
  );
}
