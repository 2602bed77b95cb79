"use client";

import { isChangeOrigin } from "@tiptap/extension-collaboration";
import { Placeholder } from "@tiptap/extensions";
import type { Editor } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { newPersonId, writeSessionPerson } from "@/lib/collab/session-people";
import { userColor } from "@/lib/collab/user-color";
import type { SessionKind } from "@/lib/interchange/types";
import { createPeopleIndex } from "@/lib/people/create-people-index";
import { disambiguateNames } from "@/lib/people/disambiguate-names";
import { normalizeText } from "@/lib/people/normalize-text";
import { offersNewPerson } from "@/lib/people/offers-new-person";
import { rankPeople } from "@/lib/people/rank-people";
import { createNotesExtensions } from "@/lib/schema/create-notes-extensions";
import { NOTES_FIELD } from "@/lib/schema/notes-field";
import type { DirectoryPerson } from "@/server/data/people";
import { FoldOnPhone } from "../FoldOnPhone";
import { RETURN_FOCUS_EVENT } from "../return-focus-to-editor";
import { attributeBlock } from "./attribute-block";
import { AttributionAutocomplete, type AttributionQuery, type AutocompleteBridge } from "./attribution-autocomplete";
import { AttributionChips, type ChipPerson } from "./attribution-chips";
import { renderCaret } from "./render-caret";
import { RenderCaretBlock } from "./render-caret-block";
import { AttributionMenu, attributionOptionId, type MenuAnchor, type MenuItem } from "./AttributionMenu";
import { BlockToolbar } from "./BlockToolbar";
import { CaptureBar } from "./CaptureBar";
import { HistoryPanel } from "./HistoryPanel";
import { holdRemoteEditsWhileComposing } from "./hold-remote-edits-while-composing";
import { KeepCaretThroughRemoteEdits } from "./keep-caret-through-remote-edits";
import { LeanCollaboration } from "./lean-collaboration";
import { NamePrompt } from "./NamePrompt";
import { PasteSizeGuard } from "./paste-size-guard";
import { photoNodeView } from "./photo-node-view";
import { PhotoPaste } from "./photo-paste";
import { PhotoQueue } from "./photo-queue";
import { Presence } from "./Presence";
import { SessionPeopleEditor } from "./SessionPeopleEditor";
import { ShortcutSheet } from "./ShortcutSheet";
import { SyncStatus } from "./SyncStatus";
import { scrollCaretIntoView } from "./scroll-caret-into-view";
import { insertTypedCharacter } from "./insert-typed-character";
import { serverClock } from "./server-clock";
import { ThrottledCollaborationCaret } from "./throttled-collaboration-caret";
import { UndoBoundaries } from "./undo-boundaries";
import type { CollabDocument } from "@/app/collab/collab-connection";
import { useCollabDocument } from "./use-collab-document";
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
  /** The conference's time zone: block times show on its clock in the margin. */
  timeZone?: string;
  /** The session's day (`YYYY-MM-DD`, its zone), for times set by hand; null: today. */
  sessionDay?: string | null;
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

/** Pixels kept between the caret and the top / bottom of the window while typing. */
const CARET_MARGIN = { top: 96, bottom: 200, left: 8, right: 8 };

/** The folded people header's one line on phones: who is on stage. */
function PeopleSummaryLine({ people }: { people: ReadonlyArray<{ name: string; role: string }> }) {
  const onStage = people.filter((p) => p.role !== "audience");
  return (
    <span>{onStage.length === 0 ? "People" : `People: ${onStage.map((p) => p.name.split(" ")[0]).join(", ")}`}</span>
  );
}

function ConnectedEditor({
  collab,
  name,
  sessionId,
  conferenceSlug,
  kind: storedKind,
  readOnly = false,
  timeZone = "UTC",
  sessionDay = null,
}: NotesEditorProps & { collab: CollabDocument; name: string }) {
  const [pasteProblem, setPasteProblem] = useState<string | null>(null);
  const sessionPeople = useSessionPeople(collab.doc);
  const kind = useSessionKind(collab.doc, storedKind);
  const directory = useConferenceDirectory(conferenceSlug);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const editorRef = useRef<Editor | null>(null);
  // This device's photos of the session: kept in IndexedDB until uploaded (photo-queue.ts).
  const [photos] = useState(() => new PhotoQueue(sessionId, () => editorRef.current, setPasteProblem));

  // Everyone who can be attributed: the session's people first (live), then the conference directory.
  const candidates = useMemo<Candidate[]>(() => {
    const byId = new Map<string, Candidate>();
    for (const p of sessionPeople)
      byId.set(p.id, {
        id: p.id,
        name: p.name,
        affiliation: p.affiliation,
        handle: p.handle,
        aliases: p.aliases ?? [],
        role: p.role,
      });
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
  const [selected, setSelected] = useState(0);
  const queryRef = useRef<AttributionQuery | null>(null);
  const selectedRef = useRef(0);
  const recentRef = useRef<string[]>([]);
  const dismissedAt = useRef<number | null>(null);
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
    // Several words stay a query only while they still match someone or read as a new name; otherwise
    // the list is empty, the menu closes and Enter splits the line as usual.
    if (!exact && offersNewPerson(typed))
      list.push({ kind: "new", name: typed.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) });
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
        writeSessionPerson(doc, personId, {
          name: p.name,
          affiliation: p.affiliation ?? null,
          handle: p.handle ?? null,
          aliases: p.aliases ?? [],
          role,
          position,
        });
      }
    }
    recentRef.current = [personId, ...recentRef.current.filter((id) => id !== personId)].slice(0, 20);
    queryRef.current = null;
    setQuery(null);
    attributeBlock(editor, q, personId);
  }, []);

  const bridge = useMemo<AutocompleteBridge>(
    () => ({
      update(next) {
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
        // Blocks are stamped with the server's clock; a co-editor's blocks arrive with their own times.
        ...createNotesExtensions({
          history: false,
          imageNodeView: photoNodeView(photos, sessionId),
          blockTimes: { now: serverClock.now, isRemote: isChangeOrigin, timeZone },
        }),
        PhotoPaste.configure({ queue: photos }),
        Placeholder.configure({
          placeholder: "Type what you hear. @ attributes, Q: asks, ( is your aside. Press ? for keys.",
        }),
        LeanCollaboration.configure({ document: collab.doc, field: NOTES_FIELD }),
        KeepCaretThroughRemoteEdits,
        RenderCaretBlock,
        ThrottledCollaborationCaret.configure({
          provider: collab.provider,
          user: { name, color: userColor(name) },
          render: renderCaret,
        }),
        AttributionChips.configure({ people: () => chipPeopleRef.current }),
        AttributionAutocomplete.configure({ bridge }),
        UndoBoundaries,
      ],
      editorProps: {
        // A multi-line textbox whose `@` suggestions are a listbox it controls (aria-controls and
        // aria-activedescendant are set while the menu is open, below). Not role=combobox: the notes
        // are a document, and ARIA allows aria-expanded on no textbox, so the popup's presence says it.
        attributes: {
          role: "textbox",
          "aria-label": "Session notes",
          "aria-multiline": "true",
          "aria-haspopup": "listbox",
          "aria-autocomplete": "list",
          "data-testid": "notes-editor",
          spellcheck: "true",
        },
        // Keep the caret well inside the screen while typing at the end of the notes (not on its bottom
        // edge), so the line being written and the @ menu stay in view above the fold and the capture bar.
        scrollThreshold: CARET_MARGIN,
        scrollMargin: CARET_MARGIN,
        // Once per frame, not in every keystroke (no forced layout per key); same thresholds.
        handleScrollToSelection: (view) => scrollCaretIntoView(view, CARET_MARGIN, CARET_MARGIN),
        // A typed character is a transaction, not the browser's own DOM edit (one layout per key).
        handleKeyPress: insertTypedCharacter,
      },
    },
    [collab.doc, collab.provider, name, bridge, readOnly, timeZone, photos, sessionId],
  );
  useEffect(() => (readOnly ? undefined : serverClock.start()), [readOnly]);
  editorRef.current = editor;

  // Photos left waiting by an earlier page upload once the notes (and so their blocks) are here.
  useEffect(() => {
    if (!editor || readOnly) return;
    void photos.start();
    return () => photos.dispose();
  }, [editor, readOnly, photos]);

  // The menu hangs from the caret's current box, read again whenever Floating UI repositions it.
  const menuAnchor = useMemo<MenuAnchor>(
    () => ({
      rect: () => {
        const view = editorRef.current?.view;
        const q = queryRef.current;
        if (!view || !q) return new DOMRect();
        const at = view.coordsAtPos(Math.min(q.from, view.state.doc.content.size));
        return new DOMRect(at.left, at.top, 0, at.bottom - at.top);
      },
      get contextElement() {
        return editorRef.current?.view.dom ?? document.body;
      },
    }),
    [],
  );

  // Every dialog, menu and panel gives the keyboard back to the notes when it closes, caret where it
  // was (ProseMirror's view.focus() puts its own selection back, synchronously, so a key pressed in
  // the same instant lands in the notes); otherwise focus falls to <body> and the next words are lost.
  const returnFocus = useCallback(() => {
    const current = editorRef.current;
    if (current && !current.isDestroyed && current.isEditable) current.view.focus();
  }, []);
  useEffect(() => {
    // preventDefault tells the caller the notes took the keyboard (see returnFocusToEditor).
    const onReturnFocus = (e: Event) => {
      const current = editorRef.current;
      if (!current || current.isDestroyed || !current.isEditable) return;
      e.preventDefault();
      returnFocus();
    };
    window.addEventListener(RETURN_FOCUS_EVENT, onReturnFocus);
    return () => window.removeEventListener(RETURN_FOCUS_EVENT, onReturnFocus);
  }, [returnFocus]);

  // The notes take the keyboard when the session opens: at the end, once the stored notes are in
  // (they arrive from this browser's copy or the server just after the editor mounts), unless the
  // note-taker has already typed or gone elsewhere.
  const typedRef = useRef(false);
  useEffect(() => {
    if (!editor || readOnly) return;
    const onTransaction = ({ transaction }: { transaction: import("@tiptap/pm/state").Transaction }) => {
      if (transaction.docChanged && !isChangeOrigin(transaction)) typedRef.current = true;
    };
    editor.on("transaction", onTransaction);
    if (document.activeElement === document.body || document.activeElement === null) editor.commands.focus("end");
    return () => {
      editor.off("transaction", onTransaction);
    };
  }, [editor, readOnly]);
  const settled = useSyncExternalStore(
    collab.sync.subscribe,
    () => collab.sync.getSnapshot().state !== "connecting",
    () => false,
  );
  useEffect(() => {
    if (!editor || readOnly || !settled || typedRef.current) return;
    const active = document.activeElement;
    if (active === document.body || active === null || editor.view.dom.contains(active)) editor.commands.focus("end");
  }, [editor, readOnly, settled]);

  useEffect(() => {
    editor?.commands.refreshAttributionChips();
  }, [editor, chipPeople]);

  // An input method's composition must survive co-editors typing in the same paragraph.
  useEffect(() => {
    if (!editor || readOnly) return;
    let release: (() => void) | null = null;
    const install = () => {
      if (!release && !editor.isDestroyed) release = holdRemoteEditsWhileComposing(collab.provider, editor.view);
    };
    if (editor.isInitialized) install();
    else editor.on("create", install);
    return () => {
      editor.off("create", install);
      release?.();
    };
  }, [editor, collab.provider, readOnly]);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- the ranking inputs are read through `latest`
  const items = useMemo(() => itemsFor(query), [itemsFor, query, index, sessionPeople]);
  const shownSelected = Math.min(selected, Math.max(items.length - 1, 0));
  // The editor keeps the keyboard while the menu is open: tie it to the listbox so a screen reader
  // reads the highlighted option as it moves. Set on the DOM directly: ProseMirror only manages the
  // attributes of its `attributes` prop, and a keystroke must not rebuild the editor.
  const listboxId = useId();
  const menuOpen = query !== null && items.length > 0;
  useLayoutEffect(() => {
    const dom = editor?.isInitialized && !editor.isDestroyed ? editor.view.dom : null;
    if (!dom) return;
    if (menuOpen) {
      dom.setAttribute("aria-controls", listboxId);
      dom.setAttribute("aria-activedescendant", attributionOptionId(listboxId, shownSelected));
    } else {
      dom.removeAttribute("aria-controls");
      dom.removeAttribute("aria-activedescendant");
    }
  }, [editor, menuOpen, listboxId, shownSelected]);

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
      <FoldOnPhone summary={<PeopleSummaryLine people={sessionPeople} />} className="people-fold">
        <SessionPeopleEditor
          doc={collab.doc}
          people={sessionPeople}
          kind={kind}
          readOnly={readOnly}
          onClose={returnFocus}
        />
      </FoldOnPhone>
      <div className="editor-toolbar">
        <Presence provider={collab.provider} />
        <SyncStatus sync={collab.sync} photos={photos} />
        <HistoryPanel sessionId={sessionId} author={name} onClose={returnFocus} />
      </div>
      {readOnly ? (
        <p className="meta" data-testid="read-only-notice">
          <span>Read-only: you can follow these notes but not edit them.</span>
        </p>
      ) : (
        <BlockToolbar
          editor={editor}
          photos={photos}
          onShortcuts={() => setShowShortcuts(true)}
          blockTime={{ timeZone, sessionDay }}
        />
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
          id={listboxId}
          items={items}
          selected={shownSelected}
          anchor={menuAnchor}
          onPick={pick}
          onHover={(i) => {
            selectedRef.current = i;
            setSelected(i);
          }}
        />
      ) : null}
      {readOnly ? null : <CaptureBar editor={editor} photos={photos} />}
      {showShortcuts ? (
        <ShortcutSheet
          onClose={() => {
            setShowShortcuts(false);
            returnFocus();
          }}
        />
      ) : null}
    </div>
  );
}
