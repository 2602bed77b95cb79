"use client";

import { useEffect, useState } from "react";

const PHONE = "(max-width: 640px)";

/**
 * Content that is always shown on wide screens and folds into a disclosure on
 * phones, closed at first: on an 844 px screen the session's header and
 * people would otherwise push the notes below the keyboard.
 */
export function FoldOnPhone({
  summary,
  className,
  children,
}: {
  summary: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(true);
  useEffect(() => {
    const query = window.matchMedia(PHONE);
    const follow = () => setOpen(!query.matches);
    follow();
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  }, []);
  return (
    <details
      className={`fold-on-phone${className ? ` ${className}` : ""}`}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
