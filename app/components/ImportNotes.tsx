"use client";

import { useState, useTransition } from "react";
import {
  createFromPreviewAction,
  type PreviewResult,
  previewImportAction,
} from "@/app/conferences/[conference]/import/actions";
import { type ImportGuess, UNSURE_CONFIDENCE } from "@/lib/import/import-guess";
import { mapPersonRefs } from "@/lib/interchange/map-person-refs";
import { nestedBlocks } from "@/lib/interchange/nested-blocks";
import {
  type Block,
  PERSON_ROLES,
  type PersonRole,
  SESSION_KINDS,
  type SessionKind,
  type TalkNotesDocument,
} from "@/lib/interchange/types";
import { withChildBlocks } from "@/lib/interchange/with-child-blocks";

type Path = number[];

/**
 * Import notes written elsewhere: paste or upload, see the structure Talknotes
 * recognised (people, threads, who answered, asides), fix what it got wrong,
 * then create the session.
 */
export function ImportNotes({ conferenceSlug }: { conferenceSlug: string }) {
  const [preview, setPreview] = useState<Extract<PreviewResult, { ok: true }> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  if (!preview) {
    return (
      <form
        className="card stack"
        data-testid="import-form"
        action={(form) =>
          start(async () => {
            const result = await previewImportAction(conferenceSlug, form);
            if (result.ok) {
              setPreview(result);
              setError(null);
            } else setError(result.error);
          })
        }
      >
        <label>
          Paste notes <span className="hint">plain text or Markdown, e.g. a blog post from 2010</span>
          <textarea
            name="text"
            rows={14}
            placeholder={
              'Talk notes: Making The Business Case (#DevOps Day)\n\nModerator: Damon Edwards (DTO Solutions)\n  • What are the anti-patterns\n    • Jody: "focus on what is creating the most unplanned work"'
            }
          />
        </label>
        <label>
          …or upload a file <span className="hint">.txt or .md, up to 5 MB</span>
          <input type="file" name="file" accept=".txt,.md,.markdown,text/plain,text/markdown" />
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button className="btn" type="submit" disabled={pending}>
          {pending ? "Reading…" : "Preview"}
        </button>
      </form>
    );
  }

  const doc = preview.document;
  const update = (next: TalkNotesDocument) => setPreview({ ...preview, document: next });
  // Warnings the import report already lists (with their fix) are not repeated.
  const otherWarnings = preview.warnings.filter((w) => !preview.guesses.some((g) => g.message === w));
  const options = doc.people.map((p) => ({ id: p.id, label: p.affiliation ? `${p.name} (${p.affiliation})` : p.name }));

  return (
    <div className="stack import-preview" data-testid="import-preview">
      <section className="card stack">
        <h2>Session</h2>
        <div className="row">
          <label>
            Title
            <input
              value={doc.session.title}
              onChange={(e) => update({ ...doc, session: { ...doc.session, title: e.target.value } })}
            />
          </label>
          <label>
            Kind
            <select
              value={doc.session.kind}
              onChange={(e) => update({ ...doc, session: { ...doc.session, kind: e.target.value as SessionKind } })}
            >
              {SESSION_KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
        </div>
        {doc.session.intro ? <p className="muted small">{doc.session.intro}</p> : null}
        {!preview.conferenceExists ? (
          <p className="small muted">
            A new conference will be created: <strong>{doc.conference.name || conferenceSlug}</strong>
            {doc.conference.location ? `, ${doc.conference.location}` : ""}
            {doc.conference.startsOn ? `, ${doc.conference.startsOn}` : ""}.
          </p>
        ) : null}
      </section>

      <GuessList
        guesses={preview.guesses}
        doc={doc}
        options={options}
        onPerson={(path, person) => update({ ...doc, blocks: setPerson(doc.blocks, path, person) })}
        onRole={(id, role) => update({ ...doc, people: doc.people.map((q) => (q.id === id ? { ...q, role } : q)) })}
      />

      <section className="card stack">
        <h2>People ({doc.people.length})</h2>
        <ul className="people-rows">
          {doc.people.map((p, i) => (
            <li key={p.id} className="person-row" data-testid="import-person">
              <input
                aria-label="Name"
                value={p.name}
                onChange={(e) =>
                  update({ ...doc, people: doc.people.map((q, j) => (j === i ? { ...q, name: e.target.value } : q)) })
                }
              />
              <input
                aria-label="Company"
                placeholder="Company"
                value={p.affiliation ?? ""}
                onChange={(e) =>
                  update({
                    ...doc,
                    people: doc.people.map((q, j) => (j === i ? { ...q, affiliation: e.target.value || null } : q)),
                  })
                }
              />
              <select
                aria-label="Role"
                value={p.role}
                onChange={(e) =>
                  update({
                    ...doc,
                    people: doc.people.map((q, j) => (j === i ? { ...q, role: e.target.value as PersonRole } : q)),
                  })
                }
              >
                {PERSON_ROLES.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
              <button
                type="button"
                className="icon-btn"
                aria-label={`Remove ${p.name}`}
                onClick={() =>
                  update({
                    ...doc,
                    people: doc.people.filter((q) => q.id !== p.id),
                    blocks: mapPersonRefs(doc.blocks, (id) => (id === p.id ? null : id)),
                  })
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section className="card stack">
        <h2>Notes ({countThreads(doc.blocks)} threads)</h2>
        <p className="small muted">Check who said what; change any attribution Talknotes got wrong.</p>
        <ol className="import-blocks">
          {doc.blocks.map((b, i) => (
            <BlockPreview
              key={i}
              block={b}
              path={[i]}
              options={options}
              onChange={(path, person) => update({ ...doc, blocks: setPerson(doc.blocks, path, person) })}
            />
          ))}
        </ol>
      </section>

      {otherWarnings.length > 0 ? (
        <section className="card">
          <h2>Check these</h2>
          <ul className="small">
            {otherWarnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="page-actions">
        <button type="button" className="btn secondary" onClick={() => setPreview(null)}>
          Back
        </button>
        <button
          type="button"
          className="btn"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await createFromPreviewAction(conferenceSlug, doc, preview.warnings);
              if (result?.error) setError(result.error);
            })
          }
        >
          {pending ? "Creating…" : "Create session"}
        </button>
      </div>
    </div>
  );
}

function BlockPreview({
  block,
  path,
  options,
  onChange,
}: {
  block: Block;
  path: Path;
  options: Array<{ id: string; label: string }>;
  onChange: (path: Path, person: string | null) => void;
}) {
  const select = (value: string | null, label: string) => (
    <select
      className="attribution-select"
      aria-label={label}
      value={value ?? ""}
      onChange={(e) => onChange(path, e.target.value || null)}
    >
      <option value="">{label === "Asked by" ? "(moderator / unknown)" : "(continuing / unattributed)"}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </select>
  );
  const children = (list: Block[]) =>
    list.length > 0 ? (
      <ol className="import-blocks">
        {list.map((b, i) => (
          <BlockPreview key={i} block={b} path={[...path, i]} options={options} onChange={onChange} />
        ))}
      </ol>
    ) : null;
  switch (block.type) {
    case "question":
      return (
        <li className="import-block is-question">
          <div className="import-line">
            <span className="chip chip-question">Q</span> <strong>{block.text}</strong>{" "}
            {select(block.askedBy, "Asked by")}
          </div>
          {children(block.answers)}
        </li>
      );
    case "statement":
      return (
        <li className="import-block" data-testid="import-statement">
          <div className="import-line">
            {select(block.speaker, "Speaker")} “{block.text}”
            {block.asides.map((a, i) => (
              <em key={i} className="aside-text">
                {" "}
                ({a})
              </em>
            ))}
          </div>
          {children(block.children)}
        </li>
      );
    case "aside":
      return (
        <li className="import-block">
          <em className="aside-text">({block.text})</em>
        </li>
      );
    case "talk":
      return (
        <li className="import-block is-talk">
          <div className="import-line">
            <strong>{block.title}</strong>
            {block.speakers.length > 0 ? (
              <span className="muted small">
                {" "}
                · {block.speakers.map((id) => options.find((o) => o.id === id)?.label ?? id).join(", ")}
              </span>
            ) : null}
          </div>
          {children(block.children)}
        </li>
      );
    case "tip":
    case "note":
      return (
        <li className="import-block">
          <div className="import-line">
            {block.type === "tip" ? <span className="chip">Tip</span> : null} {block.text}
          </div>
          {children(block.children)}
        </li>
      );
  }
}

/**
 * The import report, least sure first: each guess with its confidence and the
 * control that fixes it right there (who said it, who asked, a person's
 * role), so a person corrects the importer's doubtful readings in seconds
 * instead of hunting for them in the notes. Guesses the importer is at least
 * 80% sure of are folded away below.
 */
function GuessList({
  guesses,
  doc,
  options,
  onPerson,
  onRole,
}: {
  guesses: ImportGuess[];
  doc: TalkNotesDocument;
  options: Array<{ id: string; label: string }>;
  onPerson: (path: Path, person: string | null) => void;
  onRole: (id: string, role: PersonRole) => void;
}) {
  const live = guesses.filter((g) => g.kind !== "person" || doc.people.some((p) => p.id === g.personId));
  if (live.length === 0) return null;
  const unsure = live.filter((g) => g.confidence < UNSURE_CONFIDENCE);
  const sure = live.filter((g) => g.confidence >= UNSURE_CONFIDENCE);
  const row = (g: ImportGuess, i: number) => {
    const block = g.path ? blockAt(doc.blocks, g.path) : null;
    const person = g.kind === "person" ? doc.people.find((p) => p.id === g.personId) : null;
    const current =
      block?.type === "statement" ? block.speaker : block?.type === "question" ? block.askedBy : undefined;
    return (
      <li key={i} className="guess-row" data-testid="import-guess">
        <span
          className={`chip guess-confidence${g.confidence < UNSURE_CONFIDENCE ? " is-unsure" : ""}`}
          title="How sure the importer is"
        >
          {Math.round(g.confidence * 100)}%
        </span>{" "}
        <span className="small">{g.message}</span>{" "}
        {current !== undefined && g.path ? (
          <select
            className="attribution-select"
            aria-label={g.kind === "asker" ? "Asked by" : "Speaker"}
            value={current ?? ""}
            onChange={(e) => onPerson(g.path as Path, e.target.value || null)}
          >
            <option value="">{g.kind === "asker" ? "(moderator / unknown)" : "(continuing / unattributed)"}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        ) : null}
        {person ? (
          <select
            className="attribution-select"
            aria-label={`Role of ${person.name}`}
            value={person.role}
            onChange={(e) => onRole(person.id, e.target.value as PersonRole)}
          >
            {PERSON_ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        ) : null}
      </li>
    );
  };
  return (
    <section className="card stack" data-testid="import-guesses">
      <h2>Check these first ({unsure.length})</h2>
      {unsure.length > 0 ? (
        <ol className="guess-rows">{unsure.map(row)}</ol>
      ) : (
        <p className="small muted">Nothing the importer is unsure of.</p>
      )}
      {sure.length > 0 ? (
        <details>
          <summary className="small muted">{sure.length} more guesses, each at least 80% sure</summary>
          <ol className="guess-rows">{sure.map(row)}</ol>
        </details>
      ) : null}
    </section>
  );
}

function blockAt(blocks: Block[], path: Path): Block | null {
  let list: readonly Block[] = blocks;
  let block: Block | null = null;
  for (const i of path) {
    block = list[i] ?? null;
    if (!block) return null;
    list = nestedBlocks(block);
  }
  return block;
}

function setPerson(blocks: readonly Block[], path: Path, person: string | null): Block[] {
  const [head, ...rest] = path;
  return blocks.map((b, i) => {
    if (i !== head) return b;
    if (rest.length === 0) {
      if (b.type === "question") return { ...b, askedBy: person };
      if (b.type === "statement") return { ...b, speaker: person };
      return b;
    }
    return withChildBlocks(b, setPerson(nestedBlocks(b), rest, person));
  });
}

function countThreads(blocks: Block[]): number {
  return blocks.reduce((n, b) => n + (b.type === "question" || b.type === "talk" ? 1 : 0), 0);
}
