"use client";

import { useId, useState } from "react";
import { embedSnippet } from "@/lib/reader/embed-snippet";
import { publicPaths } from "@/lib/reader/public-paths";
import { CopyButton } from "./CopyButton";

type Theme = "" | "light" | "dark";

/** Starting height of a pasted frame; the embed then reports its own. */
const START_HEIGHT = 600;

/**
 * The session page's "Embed" panel: the `<iframe>` snippet a conference site
 * pastes to show these notes live (and, when the session has a room, the
 * room's: whatever runs there now), in a chosen theme and accent colour, with
 * a copy button. Drafts are never shown by an embed: the panel says so.
 */
export function EmbedPanel(props: {
  origin: string;
  conferenceSlug: string;
  sessionSlug: string;
  title: string;
  room: string | null;
  isDraft: boolean;
}) {
  const [theme, setTheme] = useState<Theme>("");
  const [accent, setAccent] = useState<string | null>(null);
  const id = useId();
  const query = new URLSearchParams();
  if (theme) query.set("theme", theme);
  if (accent) query.set("accent", accent.replace(/^#/, ""));
  const suffix = query.size ? `?${query}` : "";
  const snippets = [
    {
      label: "This session",
      code: embedSnippet({
        origin: props.origin,
        path: publicPaths.embed(props.conferenceSlug, props.sessionSlug) + suffix,
        title: `Live notes: ${props.title}`,
        height: START_HEIGHT,
      }),
    },
    ...(props.room
      ? [
          {
            label: `Whatever is live in ${props.room}`,
            code: embedSnippet({
              origin: props.origin,
              path: publicPaths.roomEmbed(props.conferenceSlug, props.room) + suffix,
              title: `Live notes: ${props.room}`,
              height: START_HEIGHT,
            }),
          },
        ]
      : []),
  ];
  return (
    <details className="menu embed-panel" data-testid="embed-panel">
      <summary className="btn secondary">Embed</summary>
      <div className="menu-popover card embed-popover">
        <p className="small">
          Paste on a conference site to show these notes, updating live, in an <code>iframe</code> that grows with them.
          {props.isDraft ? <strong> Drafts are never shown: set the session live or published first.</strong> : null}
        </p>
        <div className="embed-options">
          <label className="inline-label" htmlFor={`${id}-theme`}>
            Theme
            <select id={`${id}-theme`} value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
              <option value="">Reader&apos;s system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <label className="inline-label" htmlFor={`${id}-accent`}>
            Accent
            <input
              id={`${id}-accent`}
              type="color"
              value={accent ?? "#3b5bdb"}
              onChange={(e) => setAccent(e.target.value)}
            />
          </label>
          {accent ? (
            <button type="button" className="btn secondary small" onClick={() => setAccent(null)}>
              Default accent
            </button>
          ) : null}
        </div>
        {snippets.map((s, i) => (
          <div key={s.label} className="embed-snippet">
            <label className="small" htmlFor={`${id}-code-${i}`}>
              {s.label}
            </label>
            <textarea
              id={`${id}-code-${i}`}
              readOnly
              rows={4}
              value={s.code}
              data-testid="embed-code"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton text={s.code} label={`Copy the embed code: ${s.label}`} />
          </div>
        ))}
        <p className="small muted">
          Sites that understand oEmbed (WordPress and most CMSs) embed the public page&apos;s address on its own.
        </p>
      </div>
    </details>
  );
}
