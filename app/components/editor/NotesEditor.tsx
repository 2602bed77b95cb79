"use client";

import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
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
import { AttributionMenu, type MenuItem } from "./AttributionMenu";
import { BlockToolbar } from "./BlockToolbar";
import { NamePrompt } from "./NamePrompt";
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
}

/** The live, collaborative notes editor of one session. */
export function NotesEditor(props: NotesEditorProps) {
  const [name, setName] = useDisplayName();
  const collab = useCollabDocument(props.sessionId);
  if (name === undefined || !collab) return <div className="notes-surface" aria-busy="true" />;
  if (name === null) return <NamePrompt onSubmit={setName} />;
  return <ConnectedEditor {...props} collab={collab} name={name} />;
}

type Candidate = DirectoryPerson & { role?: string };

function ConnectedEditor({ collab, name, conferenceSlug, kind: storedKind }: NotesEditorProps & { collab: CollabDocument; name: string }) {
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
        role: c.role ?? "conference",
      });
    }
    return map;
  }, [candidates, labels]);
  const chipPeopleRef = useRef(chipPeople);
  chipPeopleRef.current = chipPeople;

  // The autocomplete menu: the editor reports `@name` queries through the bridge.
  const [query, setQuery] = useState<AttributionQuery | null>(null);
  const [menuPos, setMenuPos] = useState({ left: 0, top: 0 });
  const [selected, setSelected] = useState(0);
  const [recent, setRecent] = useState<string[]>([]);
  const dismissedAt = useRef<number | null>(null);
  const menuState = useRef<{ items: MenuItem[]; selected: number; pick: (item: MenuItem) => void }>({
    items: [],
    selected: 0,
    pick: () => undefined,
  });
  const bridge = useMemo<AutocompleteBridge>(
    () => ({
      update(next, view) {
        if (next && dismissedAt.current === next.from) next = null;
        if (!next) dismissedAt.current = null;
        setQuery((prev) => (prev?.query === next?.query && prev?.from === next?.from && prev?.to === next?.to ? prev : next));
        if (next) {
          const at = view.coordsAtPos(next.from);
          setMenuPos({ left: at.left, top: at.bottom + 6 });
        }
      },
      keyDown(key) {
        const { items, selected: current, pick } = menuState.current;
        if (key === "Escape") {
          dismissedAt.current = queryRef.current?.from ?? null;
          setQuery(null);
          return true;
        }
        if (items.length === 0) return false;
        if (key === "ArrowDown") setSelected((current + 1) % items.length);
        else if (key === "ArrowUp") setSelected((current - 1 + items.length) % items.length);
        else pick(items[current]!);
        return true;
      },
    }),
    [],
  );
  const queryRef = useRef(query);
  queryRef.current = query;

  const editor = useEditor(
    {
      immediatelyRender: false,
      extensions: [
        ...createNotesExtensions({ history: false }),
        Placeholder.configure({ placeholder: "Type what you hear. @ attributes, Q: asks, ( is your aside. Press ? for keys." }),
        Collaboration.configure({ document: collab.doc, field: NOTES_FIELD }),
        CollaborationCaret.configure({ provider: collab.provider, user: { name, color: userColor(name) } }),
        AttributionChips.configure({ people: () => chipPeopleRef.current }),
        AttributionAutocomplete.configure({ bridge }),
      ],
      editorProps: { attributes: { "aria-label": "Session notes", "data-testid": "notes-editor", spellcheck: "true" } },
    },
    [collab.doc, collab.provider, name, bridge],
  );

  useEffect(() => {
    editor?.commands.refreshAttributionChips();
  }, [editor, chipPeople]);

  const items = useMemo<MenuItem[]>(() => {
    if (!query) return [];
    const sessionIds = sessionPeople.filter((p) => p.role !== "audience").map((p) => p.id);
    const ranked = rankPeople(index, query.query, { sessionPeopleIds: sessionIds, recentIds: recent, limit: 6 });
    const list: MenuItem[] = ranked.map((r) => ({
      kind: "person",
      ranked: r,
      label: r.person.name,
      inSession: sessionPeople.some((p) => p.id === r.person.id),
    }));
    const typed = query.query.trim();
    const exact = candidates.some((c) => normalizeText(c.name) === normalizeText(typed));
    if (typed.length >= 2 && !exact) list.push({ kind: "new", name: typed.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()) });
    return list;
  }, [query, index, sessionPeople, recent, candidates]);

  useEffect(() => setSelected(0), [query?.query]);

  const pick = useCallback(
    (item: MenuItem) => {
      if (!editor || !query) return;
      let personId: string;
      const role = query.blockType === "talk" ? "speaker" : kind === "panel" ? "audience" : "speaker";
      if (item.kind === "new") {
        personId = newPersonId();
        const position = sessionPeople.reduce((m, p) => Math.max(m, p.position + 1), 0);
        writeSessionPerson(collab.doc, personId, { name: item.name, role, position });
      } else {
        personId = item.ranked.person.id;
        if (!sessionPeople.some((p) => p.id === personId)) {
          const p = item.ranked.person;
          const position = sessionPeople.reduce((m, sp) => Math.max(m, sp.position + 1), 0);
          writeSessionPerson(collab.doc, personId, { name: p.name, affiliation: p.affiliation ?? null, handle: p.handle ?? null, aliases: p.aliases ?? [], role, position });
        }
      }
      attributeBlock(editor, query, personId);
      setRecent((r) => [personId, ...r.filter((id) => id !== personId)].slice(0, 20));
      setQuery(null);
    },
    [editor, query, kind, sessionPeople, collab.doc],
  );
  menuState.current = { items, selected: Math.min(selected, Math.max(items.length - 1, 0)), pick };

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
      <SessionPeopleEditor doc={collab.doc} people={sessionPeople} kind={kind} />
      <div className="editor-toolbar">
        <Presence provider={collab.provider} />
        <SyncStatus state={collab.state} problem={collab.problem} />
      </div>
      <BlockToolbar editor={editor} onShortcuts={() => setShowShortcuts(true)} />
      <div className={`notes-surface kind-${kind}`}>
        <EditorContent editor={editor} />
      </div>
      {query ? (
        <AttributionMenu items={items} selected={menuState.current.selected} position={menuPos} onPick={pick} onHover={setSelected} />
      ) : null}
      {showShortcuts ? <ShortcutSheet onClose={() => setShowShortcuts(false)} /> : null}
    </div>
  );
}
