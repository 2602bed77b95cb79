"use client";

import { useEffect, useRef, useState } from "react";
import { moveFocusAmong } from "./move-focus-among";
import { returnFocusToEditor } from "./return-focus-to-editor";

const FORMATS = [
  { format: "md", query: "", label: "Markdown post", hint: "with front matter, for static blogs" },
  { format: "html", query: "", label: "HTML page", hint: "standalone, readable anywhere" },
  { format: "json", query: "", label: "talknotes/1 JSON", hint: "the documented interchange format" },
  {
    format: "md",
    query: "?times=link",
    label: "Markdown with times",
    hint: "each bullet's time, linked to the recording",
  },
] as const;

/** Download the session as Markdown, HTML or JSON, or copy clean HTML to paste into a blog editor. */
export function ExportMenu({ basePath }: { basePath: string }) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    // The ARIA menu pattern: focus goes to the first item; Escape closes and gives focus back to the button.
    ref.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent) {
        if (e.key !== "Escape") return;
        setOpen(false);
        // Esc gives the keyboard back to the notes (the menu's button when the page has no editor).
        if (!returnFocusToEditor()) button.current?.focus();
      } else if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener("mousedown", close);
    window.addEventListener("keydown", close);
    return () => {
      window.removeEventListener("mousedown", close);
      window.removeEventListener("keydown", close);
    };
  }, [open]);

  const copyHtml = async () => {
    try {
      const res = await fetch(`${basePath}/export/fragment`, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      const html = await res.text();
      if (typeof ClipboardItem !== "undefined" && navigator.clipboard.write) {
        await navigator.clipboard.write([
          new ClipboardItem({
            "text/html": new Blob([html], { type: "text/html" }),
            "text/plain": new Blob([html], { type: "text/plain" }),
          }),
        ]);
      } else {
        await navigator.clipboard.writeText(html);
      }
      setCopied("Copied HTML: paste it into WordPress, Ghost or Medium.");
    } catch {
      setCopied("Could not copy: download the HTML page instead.");
    }
  };

  /** Up and down arrows, Home and End move between the items; Tab leaves the menu and closes it. */
  const moveFocus = (ev: React.KeyboardEvent<HTMLDivElement>) => {
    if (ev.key === "Tab") return setOpen(false);
    moveFocusAmong(ev, "[role=menuitem]", "vertical");
  };

  return (
    <div className="menu" ref={ref}>
      <button
        ref={button}
        type="button"
        className="btn secondary"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="export-menu-items"
        onClick={() => setOpen((o) => !o)}
        data-testid="export-menu"
      >
        Export<span aria-hidden="true"> ▾</span>
      </button>
      {open ? (
        <div className="menu-popover card">
          <div role="menu" id="export-menu-items" aria-label="Export" onKeyDown={moveFocus}>
            {FORMATS.map((f) => (
              <a
                key={f.format + f.query}
                role="menuitem"
                className="menu-item"
                href={`${basePath}/export/${f.format}${f.query}`}
                download
                onClick={() => {
                  // The download starts from the link; the menu has done its job.
                  setOpen(false);
                  returnFocusToEditor();
                }}
              >
                <span>{f.label}</span>
                <span className="muted small">{f.hint}</span>
              </a>
            ))}
            <button type="button" role="menuitem" className="menu-item" onClick={copyHtml}>
              <span>Copy HTML</span>
              <span className="muted small">for WordPress, Ghost, Medium</span>
            </button>
          </div>
          {/* Beside the menu, not in it: a menu owns menu items only. */}
          {copied ? (
            <p className="small menu-note" role="status">
              {copied}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
