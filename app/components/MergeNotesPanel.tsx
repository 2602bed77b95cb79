"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { ConflictChoice, MergeReport } from "@/lib/merge/merge-types";

/** The answer of POST /api/conferences/<c>/sessions/<s>/merge (server/data/merge-session-notes.ts). */
interface MergeAnswer {
  report: MergeReport;
  credits: string[];
  source: { kind: "session"; slug: string; title: string } | { kind: "file"; name: string };
  revision?: { name: string };
}

const CHOICE_LABEL: Record<ConflictChoice, string> = {
  left: "keep this session's",
  right: "keep the merged-in",
  both: "keep both",
};

/**
 * "Merge notes from…": pick another session of the conference or upload a
 * notes file, see the merge side by side (what comes from where, what was
 * judged a duplicate, the conflicts), settle each conflict with one key
 * (L: this session's answer, R: the merged-in one, B: both), and apply it as
 * one edit every co-editor sees, recorded in History. The merge is computed
 * by the server (lib/merge); this only shows it and sends the choices.
 */
export function MergeNotesPanel({
  conferenceSlug,
  sessionSlug,
  sessions,
  canDelete,
}: {
  conferenceSlug: string;
  sessionSlug: string;
  sessions: { slug: string; title: string }[];
  /** Owners may delete the merged-in session afterwards (the server checks it again). */
  canDelete: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(sessions[0] ? `session:${sessions[0].slug}` : "file");
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [noteTaker, setNoteTaker] = useState("");
  const [afterwards, setAfterwards] = useState<"keep" | "archive" | "delete">("keep");
  const [resolutions, setResolutions] = useState<Record<string, ConflictChoice>>({});
  const [preview, setPreview] = useState<MergeAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const conflictRefs = useRef<(HTMLLIElement | null)[]>([]);
  const url = `/api/conferences/${encodeURIComponent(conferenceSlug)}/sessions/${encodeURIComponent(sessionSlug)}/merge`;

  const source = () =>
    from === "file"
      ? file
        ? { text: file.text, fileName: file.name }
        : null
      : { session: from.slice("session:".length) };

  const send = async (apply: boolean, choices: Record<string, ConflictChoice>): Promise<MergeAnswer | null> => {
    const chosen = source();
    if (!chosen) {
      setError("Choose a notes file first.");
      return null;
    }
    setBusy(true);
    setError(null);
    try {
      const body = {
        from: chosen,
        resolutions: choices,
        apply,
        ...(apply && from !== "file" ? { afterwards } : {}),
        ...(from === "file" && noteTaker.trim() ? { noteTaker: noteTaker.trim() } : {}),
      };
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const answer = (await res.json().catch(() => null)) as (MergeAnswer & { error?: string }) | null;
      if (!res.ok || !answer?.report) {
        setError(answer?.error ?? `The server said ${res.status}.`);
        return null;
      }
      return answer;
    } catch {
      setError("Merging needs a connection to the server.");
      return null;
    } finally {
      setBusy(false);
    }
  };

  const showPreview = async (choices = resolutions) => {
    const answer = await send(false, choices);
    if (answer) setPreview(answer);
  };

  const choose = (id: string, choice: ConflictChoice) => {
    const next = { ...resolutions, [id]: choice };
    setResolutions(next);
    void showPreview(next);
  };

  const onConflictKey = (e: React.KeyboardEvent, index: number, id: string) => {
    const key = e.key.toLowerCase();
    const choice = key === "l" ? "left" : key === "r" ? "right" : key === "b" ? "both" : null;
    if (choice) {
      e.preventDefault();
      choose(id, choice);
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      conflictRefs.current[index + (e.key === "ArrowDown" ? 1 : -1)]?.focus();
    }
  };

  const report = preview?.report;
  const duplicateAt = new Map((report?.duplicates ?? []).map((d) => [d.path, d]));
  const conflictTexts = new Set((report?.conflicts ?? []).flatMap((c) => [c.left, c.right]));

  return (
    <>
      <button type="button" className="btn secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        Merge notes from…
      </button>
      {open ? (
        <section className="card merge-panel" aria-label="Merge notes" data-testid="merge-panel">
          <div className="history-head">
            <h2>Merge notes from…</h2>
            <button type="button" className="btn secondary small" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
          <p className="muted small">
            Notes of this session taken separately: threads are matched by meaning, repeated answers kept once (the
            fuller wording), asides stay with whoever wrote them.
          </p>
          <form
            className="merge-source"
            onSubmit={(e) => {
              e.preventDefault();
              setDone(null);
              void showPreview();
            }}
          >
            <label>
              Merge in
              <select value={from} onChange={(e) => (setFrom(e.target.value), setPreview(null), setResolutions({}))}>
                {sessions.map((s) => (
                  <option key={s.slug} value={`session:${s.slug}`}>
                    {s.title}
                  </option>
                ))}
                <option value="file">A notes file (text, Markdown or talknotes/1 JSON)</option>
              </select>
            </label>
            {from === "file" ? (
              <>
                <label>
                  Notes file
                  <input
                    type="file"
                    accept=".txt,.md,.markdown,.json,text/plain,text/markdown,application/json"
                    onChange={async (e) => {
                      const f = e.target.files?.[0];
                      setFile(f ? { name: f.name, text: await f.text() } : null);
                      setPreview(null);
                    }}
                  />
                </label>
                <label>
                  Taken by
                  <input
                    value={noteTaker}
                    onChange={(e) => setNoteTaker(e.target.value)}
                    maxLength={80}
                    placeholder="Who wrote the file (credited)"
                  />
                </label>
              </>
            ) : null}
            <button type="submit" className="btn" disabled={busy}>
              Preview
            </button>
          </form>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          {done ? (
            <p className="merge-done" role="status" data-testid="merge-done">
              {done}
            </p>
          ) : null}
          {report ? (
            <div className="merge-preview" data-testid="merge-preview">
              <p className="small" data-testid="merge-counts">
                {report.counts.merged - report.counts.fromLeft - report.counts.fromRight} in both,{" "}
                {report.counts.fromLeft} only here, {report.counts.fromRight} merged in · {report.counts.duplicates}{" "}
                duplicates · {report.counts.conflicts} conflicts
              </p>
              {report.conflicts.length > 0 ? (
                <div>
                  <h3 id="merge-conflicts-title">Conflicts</h3>
                  <p className="muted small">
                    Same speaker, same thread, different words. Focus one and press L (this session), R (merged in) or B
                    (both).
                  </p>
                  <ul className="merge-conflicts" aria-labelledby="merge-conflicts-title">
                    {report.conflicts.map((c, i) => (
                      <li
                        key={c.id}
                        ref={(el) => {
                          conflictRefs.current[i] = el;
                        }}
                        tabIndex={0}
                        className="merge-conflict"
                        data-testid="merge-conflict"
                        data-choice={c.choice}
                        aria-label={`Conflict ${i + 1} of ${report.conflicts.length}, ${c.speaker ?? "unattributed"}: ${CHOICE_LABEL[c.choice]}. Press L, R or B.`}
                        onKeyDown={(e) => onConflictKey(e, i, c.id)}
                      >
                        <div className="small muted">
                          {c.speaker ?? "Unattributed"} in “{c.thread}” · <strong>{CHOICE_LABEL[c.choice]}</strong>
                        </div>
                        <div className="merge-sides">
                          <span className={c.choice === "right" ? "dropped" : ""}>{c.left}</span>
                          <span className={c.choice === "left" ? "dropped" : ""}>{c.right}</span>
                        </div>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <table className="merge-table">
                <caption className="sr-only">The merged notes: each block with where it comes from</caption>
                <thead>
                  <tr>
                    <th scope="col">This session</th>
                    <th scope="col">
                      Merged in
                      {preview?.source.kind === "session"
                        ? `: ${preview.source.title}`
                        : preview?.source.kind === "file"
                          ? `: ${preview.source.name}`
                          : ""}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.blocks.map((b) => {
                    const dup = duplicateAt.get(b.path);
                    const depth = b.path.split("/").length - 1;
                    const pad = { paddingLeft: `${0.5 + depth * 1.1}rem` };
                    const kind = dup ? "duplicate" : b.sources.length === 2 ? "both" : b.sources[0];
                    return (
                      <tr key={b.path} data-source={kind} data-conflict={conflictTexts.has(b.text) || undefined}>
                        <td style={pad}>
                          {dup ? (
                            <span className={dup.kept === "left" ? "kept" : ""}>{dup.left}</span>
                          ) : b.sources.includes("left") ? (
                            b.text
                          ) : null}
                        </td>
                        <td style={pad}>
                          {dup ? (
                            <span className={dup.kept === "right" ? "kept" : ""}>{dup.right}</span>
                          ) : b.sources.includes("right") ? (
                            b.text
                          ) : null}
                          {dup ? (
                            <span className="merge-badge">
                              {dup.left === dup.right
                                ? "same"
                                : `duplicate: kept ${dup.kept === "left" ? "this session's" : "merged-in"} wording`}
                            </span>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {preview?.source.kind === "session" ? (
                <fieldset className="merge-afterwards">
                  <legend>Afterwards, the merged-in session</legend>
                  <label>
                    <input
                      type="radio"
                      name="afterwards"
                      checked={afterwards === "keep"}
                      onChange={() => setAfterwards("keep")}
                    />{" "}
                    stays as it is
                  </label>
                  <label>
                    <input
                      type="radio"
                      name="afterwards"
                      checked={afterwards === "archive"}
                      onChange={() => setAfterwards("archive")}
                    />{" "}
                    is archived
                  </label>
                  {canDelete ? (
                    <label>
                      <input
                        type="radio"
                        name="afterwards"
                        checked={afterwards === "delete"}
                        onChange={() => setAfterwards("delete")}
                      />{" "}
                      is deleted
                    </label>
                  ) : null}
                </fieldset>
              ) : null}
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={async () => {
                  const answer = await send(true, resolutions);
                  if (!answer) return;
                  setPreview(null);
                  setResolutions({});
                  // The merged-in session was archived or deleted: the list of sessions to merge from changed.
                  if (from !== "file" && afterwards !== "keep") router.refresh();
                  setDone(
                    `Merged. Notes by ${answer.credits.join(", ") || "—"}; recorded in History as “${answer.revision?.name ?? "merge"}”.`,
                  );
                }}
              >
                Apply merge
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
