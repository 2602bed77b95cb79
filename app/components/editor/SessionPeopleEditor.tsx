"use client";

import { useState } from "react";
import type * as Y from "yjs";
import { newPersonId, PEOPLE_MAP, SESSION_MAP, writeSessionPerson } from "@/lib/collab/session-people";
import { PERSON_ROLES, SESSION_KINDS, type PersonRole, type SessionKind } from "@/lib/interchange/types";
import type { SessionPerson } from "./use-session-people";

const ROLE_LABEL: Record<PersonRole, string> = {
  moderator: "Moderator",
  panelist: "Panelist",
  speaker: "Speaker",
  audience: "Audience",
};

/**
 * The session header, editable in place by every co-editor: the kind of
 * session and its people with roles and companies. Edits go into the shared
 * document (everyone sees them at once); the server mirrors them into SQLite.
 */
export function SessionPeopleEditor({
  doc,
  people,
  kind,
  readOnly = false,
  onClose,
}: {
  doc: Y.Doc;
  people: SessionPerson[];
  kind: SessionKind;
  /** Viewers see the header as it is; the server would refuse their changes anyway. */
  readOnly?: boolean;
  /** Editing people ended (Done, a person added or cancelled): the editor takes the keyboard back. */
  onClose?: () => void;
}) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const defaultRole: PersonRole = kind === "panel" ? "panelist" : "speaker";
  const visible = people.filter((p) => p.role !== "audience");
  const audience = people.filter((p) => p.role === "audience");

  return (
    <section className="session-people card" aria-label="Session details" data-testid="session-people">
      <div className="session-people-head">
        {readOnly ? (
          <span className={`badge kind-${kind}`}>{kind}</span>
        ) : (
          <label className="inline-label">
            Kind
            <select
              value={kind}
              data-testid="session-kind"
              onChange={(e) => doc.getMap(SESSION_MAP).set("kind", e.target.value)}
            >
              {SESSION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k[0]!.toUpperCase() + k.slice(1)}
                </option>
              ))}
            </select>
          </label>
        )}
        {readOnly ? null : (
          <div className="page-actions">
            {visible.length > 0 ? (
              <button
                type="button"
                className="btn secondary small"
                onClick={() => {
                  if (editing) onClose?.();
                  setEditing(!editing);
                }}
                aria-pressed={editing}
              >
                {editing ? "Done" : "Edit people"}
              </button>
            ) : null}
            <button
              type="button"
              className="btn secondary small"
              onClick={() => {
                setEditing(true);
                setAdding(true);
              }}
              data-testid="add-person"
            >
              + Add person
            </button>
          </div>
        )}
      </div>
      {visible.length === 0 && !adding && !readOnly ? (
        <p className="muted small">
          No speakers yet. Add the {kind === "panel" ? "moderator and panelists" : "speaker"}, or type <kbd>@</kbd> and
          a new name in the notes.
        </p>
      ) : null}
      {(!editing || readOnly) && visible.length > 0 ? <PeopleSummary people={visible} /> : null}
      <ul className="people-rows">
        {editing && !readOnly
          ? [...visible, ...audience].map((p) => <PersonRow key={p.id} doc={doc} person={p} />)
          : null}
        {adding ? (
          <NewPersonRow
            defaultRole={defaultRole}
            onDone={(entry) => {
              if (entry) {
                const position = people.reduce((m, p) => Math.max(m, p.position + 1), 0);
                writeSessionPerson(doc, newPersonId(), { ...entry, position });
              }
              setAdding(false);
              onClose?.();
            }}
          />
        ) : null}
      </ul>
      {audience.length > 0 && !(editing && !readOnly) ? (
        <p className="muted small audience-line">From the audience: {audience.map((p) => p.name).join(", ")}</p>
      ) : null}
    </section>
  );
}

/** The conventional header: "Moderator: Damon Edwards (DTO Solutions)", then the panel or speakers. */
function PeopleSummary({ people }: { people: SessionPerson[] }) {
  const groups: Array<[string, SessionPerson[]]> = [
    ["Moderator", people.filter((p) => p.role === "moderator")],
    ["Panel", people.filter((p) => p.role === "panelist")],
    ["Speaker", people.filter((p) => p.role === "speaker")],
  ];
  return (
    <dl className="people-summary">
      {groups
        .filter(([, list]) => list.length > 0)
        .map(([label, list]) => (
          <div key={label} className="people-group">
            <dt>{label === "Speaker" && list.length > 1 ? "Speakers" : label}</dt>
            <dd>
              {list.map((p, i) => (
                <span key={p.id} data-testid="person-row" className="person-chip">
                  <strong>{p.name}</strong>
                  {p.affiliation ? <span className="muted"> ({p.affiliation})</span> : null}
                  {i < list.length - 1 ? ", " : null}
                </span>
              ))}
            </dd>
          </div>
        ))}
    </dl>
  );
}

function PersonRow({ doc, person }: { doc: Y.Doc; person: SessionPerson }) {
  const save = (patch: Partial<Pick<SessionPerson, "name" | "affiliation" | "role">>) => {
    const name = (patch.name ?? person.name).trim();
    if (!name) return;
    writeSessionPerson(doc, person.id, {
      name,
      affiliation: patch.affiliation === undefined ? (person.affiliation ?? null) : patch.affiliation?.trim() || null,
      role: patch.role ?? person.role,
    });
  };
  return (
    <li className="person-row" data-testid="person-row">
      <input
        aria-label="Name"
        className="person-name"
        defaultValue={person.name}
        key={`n:${person.name}`}
        onBlur={(e) => e.target.value.trim() !== person.name && save({ name: e.target.value })}
        onKeyDown={(e) => e.key === "Enter" && e.currentTarget.blur()}
      />
      <input
        aria-label="Company"
        className="person-affiliation"
        placeholder="Company"
        defaultValue={person.affiliation ?? ""}
        key={`a:${person.affiliation}`}
        onBlur={(e) => e.target.value.trim() !== (person.affiliation ?? "") && save({ affiliation: e.target.value })}
        onKeyDown={(e) => e.key === "Enter" && e.currentTarget.blur()}
      />
      <select aria-label="Role" value={person.role} onChange={(e) => save({ role: e.target.value as PersonRole })}>
        {PERSON_ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABEL[r]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="icon-btn"
        aria-label={`Remove ${person.name} from this session`}
        title="Remove from this session"
        onClick={() => doc.getMap(PEOPLE_MAP).delete(person.id)}
      >
        ×
      </button>
    </li>
  );
}

function NewPersonRow({
  defaultRole,
  onDone,
}: {
  defaultRole: PersonRole;
  onDone: (entry: { name: string; affiliation: string | null; role: PersonRole } | null) => void;
}) {
  const [name, setName] = useState("");
  const [affiliation, setAffiliation] = useState("");
  const [role, setRole] = useState<PersonRole>(defaultRole);
  const submit = () =>
    onDone(name.trim() ? { name: name.trim(), affiliation: affiliation.trim() || null, role } : null);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== "Enter" && e.key !== "Escape") return;
    // The keyboard goes back to the notes during this keydown: without preventDefault the same Enter
    // would also reach the editor and split a line there.
    e.preventDefault();
    if (e.key === "Enter") submit();
    else onDone(null);
  };
  return (
    <li className="person-row is-new">
      <input
        aria-label="New person's name"
        className="person-name"
        placeholder="Name"
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <input
        aria-label="New person's company"
        className="person-affiliation"
        placeholder="Company"
        value={affiliation}
        onChange={(e) => setAffiliation(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <select aria-label="New person's role" value={role} onChange={(e) => setRole(e.target.value as PersonRole)}>
        {PERSON_ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABEL[r]}
          </option>
        ))}
      </select>
      <button type="button" className="btn small" onClick={submit}>
        Add
      </button>
    </li>
  );
}
