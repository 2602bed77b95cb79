"use client";

import { useEffect, useRef, useState } from "react";

const FLAVOURS = [
  { flavour: "hugo", label: "Hugo site (.zip)", hint: "hugo.toml, layouts, one post per session" },
  { flavour: "jekyll", label: "Jekyll site (.zip)", hint: "_config.yml, layouts, _posts" },
] as const;

/**
 * Download the conference as a ready-to-build Hugo or Jekyll site. Public
 * sessions only unless drafts are asked for; those come marked as drafts
 * (Hugo `draft: true`, Jekyll `_drafts/`), which neither tool publishes by
 * default.
 */
export function SiteExportMenu({ conferenceSlug }: { conferenceSlug: string }) {
  const [open, setOpen] = useState(false);
  const [drafts, setDrafts] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent) {
        if (e.key !== "Escape") return;
        setOpen(false);
        button.current?.focus(); // keyboard users land where they were
      } else if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener("mousedown", close);
    window.addEventListener("keydown", close);
    return () => {
      window.removeEventListener("mousedown", close);
      window.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div className="menu" ref={ref}>
      {/* A disclosure (links and a checkbox follow it in tab order), not an ARIA menu. */}
      <button
        ref={button}
        type="button"
        className="btn secondary small"
        aria-expanded={open}
        aria-controls="site-export-popover"
        onClick={() => setOpen((o) => !o)}
        data-testid="site-export-menu"
      >
        Export site<span aria-hidden="true"> ▾</span>
      </button>
      {open ? (
        <div className="menu-popover card ws-export-popover" id="site-export-popover">
          {FLAVOURS.map((f) => (
            <a
              key={f.flavour}
              className="menu-item"
              href={`/conferences/${conferenceSlug}/export/${f.flavour}${drafts ? "?drafts=1" : ""}`}
              download
              onClick={() => setOpen(false)}
              data-testid={`site-export-${f.flavour}`}
            >
              <span>{f.label}</span>
              <span className="muted small">{f.hint}</span>
            </a>
          ))}
          <label className="check menu-check">
            <input
              type="checkbox"
              checked={drafts}
              onChange={(e) => setDrafts(e.target.checked)}
              data-testid="site-export-drafts"
            />
            Include drafts, marked as drafts
          </label>
          <p className="muted small menu-note-plain">Without drafts the site holds the public sessions only.</p>
        </div>
      ) : null}
    </div>
  );
}
