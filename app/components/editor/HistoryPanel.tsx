"use client";

import { useCallback, useEffect, useState } from "react";

/** A revision as listed by GET /api/sessions/<id>/revisions. */
interface RevisionItem {
  id: string;
  kind: "auto" | "named" | "restore";
  name: string | null;
  authors: string[];
  createdAt: string;
}

const REFRESH_MS = 15_000;

function label(r: RevisionItem): string {
  if (r.name) return r.name;
  return r.kind === "auto" ? "Automatic" : "Restore";
}

function when(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
}

/**
 * The notes' history: revisions taken while people edit and named ones, who
 * wrote what between them, a read-only view of any revision, and restoring
 * one as a new edit on top (it syncs to everyone like any other change).
 * History lives on the server: offline it says so instead of guessing.
 */
export function HistoryPanel({
  sessionId,
  author,
  onClose,
}: {
  sessionId: string;
  author: string;
  onClose?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => {
    setOpen(false);
    onClose?.();
  }, [onClose]);
  const [revisions, setRevisions] = useState<RevisionItem[] | null>(null);
  const [viewing, setViewing] = useState<{ revision: RevisionItem; html: string } | null>(null);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/sessions/${encodeURIComponent(sessionId)}/revisions`;

  const refresh = useCallback(async () => {
    try {
      const res = await fetch(base, { cache: "no-store" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      setRevisions(((await res.json()) as { revisions: RevisionItem[] }).revisions);
      setError(null);
    } catch {
      setError("History needs a connection to the server.");
    }
  }, [base]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, close]);

  useEffect(() => {
    if (!open) return;
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [open, refresh]);

  const post = async (url: string, body: unknown): Promise<boolean> => {
    setBusy(true);
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) {
        const problem = (await res.json().catch(() => null)) as { error?: string } | null;
        setError(problem?.error ?? `The server said ${res.status}.`);
        return false;
      }
      await refresh();
      return true;
    } catch {
      setError("History needs a connection to the server.");
      return false;
    } finally {
      setBusy(false);
    }
  };

  const view = async (r: RevisionItem) => {
    try {
      const res = await fetch(`${base}/${encodeURIComponent(r.id)}`, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      const body = (await res.json()) as { html: string };
      setViewing({ revision: r, html: body.html });
    } catch {
      setError("Could not load that revision.");
    }
  };

  return (
    <>
      <button
        type="button"
        className="btn secondary small"
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
      >
        History
      </button>
      {open ? (
        <section className="card history-panel" aria-label="History" data-testid="history-panel">
          <div className="history-head">
            <h2>History</h2>
            <button type="button" className="btn secondary small" onClick={close}>
              Close
            </button>
          </div>
          <form
            className="history-save"
            onSubmit={async (e) => {
              e.preventDefault();
              if (await post(base, { name, author })) setName("");
            }}
          >
            <label className="sr-only" htmlFor="revision-name">
              Name this version
            </label>
            <input
              id="revision-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Name this version, e.g. Before Q&A"
              maxLength={120}
            />
            <button type="submit" className="btn" disabled={busy || name.trim() === ""}>
              Save version
            </button>
          </form>
          {error ? <p className="form-error">{error}</p> : null}
          {revisions === null ? (
            <p className="muted small">Loading…</p>
          ) : revisions.length === 0 ? (
            <p className="muted small">No revisions yet: they are taken every few minutes while people edit.</p>
          ) : (
            <ol className="history-list" data-testid="revision-list">
              {revisions.map((r) => (
                <li key={r.id} className="history-item" data-kind={r.kind}>
                  <div>
                    <strong>{label(r)}</strong> <span className="muted small">{when(r.createdAt)}</span>
                    <div className="muted small" data-testid="revision-authors">
                      {r.authors.length > 0 ? `by ${r.authors.join(", ")}` : "no edits recorded"}
                    </div>
                  </div>
                  <div className="history-actions">
                    <button type="button" className="btn secondary small" onClick={() => void view(r)}>
                      View
                    </button>
                    {/* Secondary on purpose: restoring replaces everyone's notes (the current state is kept as a revision). */}
                    <button
                      type="button"
                      className="btn secondary small"
                      disabled={busy}
                      onClick={() =>
                        void post(`${base}/${encodeURIComponent(r.id)}/restore`, { author }).then(
                          (ok) => ok && setViewing(null),
                        )
                      }
                    >
                      Restore
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          )}
          {viewing ? (
            <div className="revision-view" data-testid="revision-view">
              <div className="history-head">
                <strong>
                  {label(viewing.revision)} · {when(viewing.revision.createdAt)}
                </strong>
                <button type="button" className="btn secondary small" onClick={() => setViewing(null)}>
                  Close
                </button>
              </div>
              {/* Rendered by lib/export/render-html, which escapes every text and checks every link. */}
              <div className="notes-surface" dangerouslySetInnerHTML={{ __html: viewing.html }} />
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
