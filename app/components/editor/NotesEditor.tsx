"use client";

import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { userColor } from "@/lib/collab/user-color";
import { NamePrompt } from "./NamePrompt";
import { Presence } from "./Presence";
import { SyncStatus } from "./SyncStatus";
import { type CollabDocument, useCollabDocument } from "./use-collab-document";
import { useDisplayName } from "./use-display-name";

/** The live, collaborative notes editor of one session. */
export function NotesEditor({ sessionId }: { sessionId: string }) {
  const [name, setName] = useDisplayName();
  const collab = useCollabDocument(sessionId);
  if (name === undefined || !collab) return <div className="notes-surface" aria-busy="true" />;
  if (name === null) return <NamePrompt onSubmit={setName} />;
  return <ConnectedEditor collab={collab} name={name} />;
}

function ConnectedEditor({ collab, name }: { collab: CollabDocument; name: string }) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Placeholder.configure({ placeholder: "Start typing what you hear…" }),
        Collaboration.configure({ document: collab.doc, field: "notes" }),
        CollaborationCaret.configure({ provider: collab.provider, user: { name, color: userColor(name) } }),
      ],
      editorProps: { attributes: { "aria-label": "Session notes", "data-testid": "notes-editor" } },
    },
    [collab.doc, collab.provider, name],
  );

  return (
    <div className="editor-shell">
      <div className="editor-toolbar">
        <Presence provider={collab.provider} />
        <SyncStatus state={collab.state} problem={collab.problem} />
      </div>
      <div className="notes-surface">
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
