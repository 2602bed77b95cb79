"use client";

import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
import type { Editor } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { newPersonId, writeSessionPerson } from "@/lib/collab/session-people";
import { userColor } from "@/lib/collab/user-color";
import type { SessionKind } from "@/lib/interchange/types";
import { createPeopleIndex } from "@/lib/people/createPeopleIndex";
import { disambiguateNames } from "@/lib/people/disambiguateNames";
import { normalizeText } from "@/lib/people/normalizeText";
import { rankPeople } from "@/lib/people/rankPeople";
import { createNotesExtensions } from "@/lib/schema/createNotesExtensions";
import { NOTES_FIELD } from "@/lib/schema/notesField";
import type { DirectoryPerson } from "@/server/data/people";
import { attributeBlock } from "./attribute-block";
import { AttributionAutocomplete, type AttributionQuery, type AutocompleteBridge } from "./attribution-autocomplete";
import { AttributionChips, type ChipPerson } from "./attribution-chips";
import { renderCaret } from "./render-caret";
import { AttributionMenu, type MenuItem } from "./AttributionMenu";
import { BlockToolbar } from "./BlockToolbar";
import { HistoryPanel } from "./HistoryPanel";
import { NamePrompt } from "./NamePrompt";
import { PasteSizeGuard } from "./paste-size-guard";
import { Presence } from "./Presence";
import { SessionPeopleEditor } from "./SessionPeopleEditor";
import { ShortcutSheet } from "./ShortcutSheet";
import { SyncStatus } from "./SyncStatus";
import { type CollabDocument, useCollabDocument } from "./use-collab-document";
import { useDisplayName } from "./use-display-name";
import { useConferenceDirectory, useSessionKind, useSessionPeople } from "./use-session-people";

interface NotesEditorProps {
  sessionId: string;
  conferenceSlug: string;
  kind: SessionKind;
  /** Viewers (and everyone on an archived session): the server refuses their edits, so the editor takes none. */
  readOnly?: boolean;
  /** The signed-in account's name: the caret label unless this browser chose another. */
  accountName?: string;
}

/** The live, collaborative notes editor of one session. */
export function NotesEditor(props: NotesEditorProps) {
  const [chosenName, setName] = useDisplayName();
  const collab = useCollabDocument(props.sessionId);
  if (chosenName === undefined || !collab) return <div className="notes-surface" aria-busy="true" />;
  const name = chosenName ?? props.accountName?.trim() ?? null;
  if (!name) return <NamePrompt onSubmit={setName} />;
  return <ConnectedEditor {...props} collab={collab} name={name} />;
}

type Candidate = DirectoryPerson & { role?: string };

function ConnectedEditor({ collab, name, sessionId, conferenceSlug, kind: storedKind, readOnly = false }: NotesEditorProps & { collab: CollabDocument; name: string }) {
  const [pasteProblem, setPasteProblem] = useState<string | null>(null);
  const sessionPeople = useSessionPeople(collab.doc);
  const kind = useSessionKind(collab.doc, storedKind);
  const directory = useConferenceDirectory(conferenceSlug);
  const [showShortcuts, setShowShortcuts] = useState(false);

  // Everyone who can be attributed: the session's people first (live), then the conference directory.
  const candidates = useMemo<Candidate[]>(() => {
    const byId = new Map<string, Candidate>();
    for (const p of sessionPeople) byId.set(p.id, { id: p.id, name: p.name, affiliation: p.affiliation, handle: p.handle, aliases: p.aliases ?? [], role: p.role });
    for (const p of directory) if (!byId.has(p.id)) byId.set(p.id, p);
    return [...byId.values()];
  }, [sessionPeople, directory]);
  const index = useMemo(() => createPeopleIndex(candidates), [candidates]);
  const labels = useMemo(() => disambiguateNames(candidates), [candidates]);
  const chipPeople = useMemo(() => {
    const map = new Map<string, ChipPerson>();
    for (const c of candidates) {
      map.set(c.id, {
        label: labels.get(c.id)?.label ?? c.name,
        title: c.affiliation ? `${c.name} (${c.affiliation})` : c.name,
        spoken: c.affiliation ? `${c.name}, ${c.affiliation}` : c.name,
        role: c.role ?? "conference",
      });
    }
    return map;
  }, [candidates, labels]);
  const chipPeopleRef = useRef(chipPeople);
  chipPeopleRef.current = chipPeople;

  // The autocomplete menu. The editor reports `@name` queries through the bridge; keys are
  // answered synchronously from refs, so a fast "@jo⏎" never outruns React's rendering.
  const [query, setQuery] = useState<AttributionQuery | null>(null);
  const [menuPos, setMenuPos] = useState({ left: 0, top: 0 });
  const [selected, setSelected] = useState(0);
  const queryRef = useRef<AttributionQuery | null>(null);
  const selectedRef = useRef(0);
  const recentRef = useRef<string[]>([]);
  const dismissedAt = useRef<number | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const latest = useRef({ index, sessionPeople, candidates, kind, doc: collab.doc });
  latest.current = { index, sessionPeople, candidates, kind, doc: collab.doc };

  const itemsFor = useCallback((q: AttributionQuery | null): MenuItem[] => {
    if (!q) return [];
    const { index: idx, sessionPeople: inSession, candidates: all } = latest.current;
    const sessionIds = inSession.filter((p) => p.role !== "audience").map((p) => p.id);
    const ranked = rankPeople(idx, q.query, { sessionPeopleIds: sessionIds, recentIds: recentRef.current, limit: 6 });
    const list: MenuItem[] = ranked.map((r) => ({
      kind: "person",
      ranked: r,
      label: r.person.name,
      inSession: inSession.some((p) => p.id === r.person.id),
    }));
    const typed = q.query.trim();
    const exact = all.some((c) => normalizeText(c.name) === normalizeText(typed));
    if (typed.length >= 2 && !exact) list.push({ kind: "new", name: typed.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase()) });
    return list;
  }, []);

  const pick = useCallback((item: MenuItem) => {
    const q = queryRef.current;
    const editor = editorRef.current;
    if (!editor || !q) return;
    const { sessionPeople: inSession, kind: sessionKind, doc } = latest.current;
    const role = q.blockType === "talk" ? "speaker" : sessionKind === "panel" ? "audience" : "speaker";
    const position = inSession.reduce((m, p) => Math.max(m, p.position + 1), 0);
    let personId: string;
    if (item.kind === "new") {
      personId = newPersonId();
      writeSessionPerson(doc, personId, { name: item.name, role, position });
    } else {
      const p = item.ranked.person;
      personId = p.id;
      if (!inSession.some((sp) => sp.id === personId)) {
        writeSessionPerson(doc, personId, { name: p.name, affiliation: p.affiliation ?? null, handle: p.handle ?? null, aliases: p.aliases ?? [], role, position });
      }
    }
    recentRef.current = [personId, ...recentRef.current.filter((id) => id !== personId)].slice(0, 20);
    queryRef.current = null;
    setQuery(null);
    attributeBlock(editor, q, personId);
  }, []);

  const bridge = useMemo<AutocompleteBridge>(
    () => ({
      update(next, view) {
        if (next && dismissedAt.current === next.from) next = null;
        if (!next) dismissedAt.current = null;
        const prev = queryRef.current;
        if (prev?.query !== next?.query || prev?.from !== next?.from || prev?.to !== next?.to) {
          if (prev?.query !== next?.query) {
            selectedRef.current = 0;
            setSelected(0);
          }
          queryRef.current = next;
          setQuery(next);
        }
        if (next) {
          const at = view.coordsAtPos(next.from);
          setMenuPos({ left: at.left, top: at.bottom + 6 });
        }
      },
      keyDown(key) {
        const q = queryRef.current;
        if (key === "Escape") {
          dismissedAt.current = q?.from ?? null;
          queryRef.current = null;
          setQuery(null);
          return true;
        }
        const items = itemsFor(q);
        if (items.length === 0) return false;
        const current = Math.min(selectedRef.current, items.length - 1);
        if (key === "ArrowDown" || key === "ArrowUp") {
          selectedRef.current = (current + (key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
          setSelected(selectedRef.current);
        } else {
          pick(items[current]!);
        }
        return true;
      },
    }),
    [itemsFor, pick],
  );

  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: !readOnly,
      extensions: [
        PasteSizeGuard.configure({ onRefuse: setPasteProblem }),
        ...createNotesExtensions({ history: false }),
        Placeholder.configure({ placeholder: "Type what you hear. @ attributes, Q: asks, ( is your aside. Press ? for keys." }),
        Collaboration.configure({ document: collab.doc, field: NOTES_FIELD }),
        CollaborationCaret.configure({ provider: collab.provider, user: { name, color: userColor(name) }, render: renderCaret }),
        AttributionChips.configure({ people: () => chipPeopleRef.current }),
        AttributionAutocomplete.configure({ bridge }),
      ],
      editorProps: { attributes: { "aria-label": "Session notes", "data-testid": "notes-editor", spellcheck: "true" } },
    },
    [collab.doc, collab.provider, name, bridge, readOnly],
  );
  editorRef.current = editor;

  useEffect(() => {
    editor?.commands.refreshAttributionChips();
  }, [editor, chipPeople]);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- the ranking inputs are read through `latest`
  const items = useMemo(() => itemsFor(query), [itemsFor, query, index, sessionPeople]);
  const shownSelected = Math.min(selected, Math.max(items.length - 1, 0));

  // `?` outside text fields and Ctrl-/ anywhere open the shortcut sheet.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target?.closest("input, textarea, select, [contenteditable='true']");
      if ((e.key === "?" && !typing) || (e.key === "/" && (e.ctrlKey || e.metaKey))) {
        e.preventDefault();
        setShowShortcuts(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className="editor-shell">
      <SessionPeopleEditor doc={collab.doc} people={sessionPeople} kind={kind} readOnly={readOnly} />
      <div className="editor-toolbar">
        <Presence provider={collab.provider} />
        <SyncStatus state={collab.state} pending={collab.pending} problem={collab.problem} />
        <HistoryPanel sessionId={sessionId} author={name} />
      </div>
      {readOnly ? (
        <p className="meta" data-testid="read-only-notice">
          <span>Read-only: you can follow these notes but not edit them.</span>
        </p>
      ) : (
        <BlockToolbar editor={editor} onShortcuts={() => setShowShortcuts(true)} />
      )}
      {pasteProblem ? (
        <p className="form-error" role="alert" data-testid="paste-too-large">
          {pasteProblem}{" "}
          <button type="button" className="btn secondary" onClick={() => setPasteProblem(null)}>
            OK
          </button>
        </p>
      ) : null}
      <div className={`notes-surface kind-${kind}`}>
        <EditorContent editor={editor} />
      </div>
      {query ? (
        <AttributionMenu
          items={items}
          selected={shownSelected}
          position={menuPos}
          onPick={pick}
          onHover={(i) => {
            selectedRef.current = i;
            setSelected(i);
          }}
        />
      ) : null}
      {showShortcuts ? <ShortcutSheet onClose={() => setShowShortcuts(false)} /> : null}
    </div>
  );
}
