import type { EditorView } from "@tiptap/pm/view";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import type { WebsocketProvider } from "y-websocket";
import { MESSAGE_SYNC } from "@/lib/collab/message-types";

/** How often a hold is checked when no compositionend came (a blur, an IME that never says). */
const RECHECK_MS = 250;

interface Held {
  bytes: Uint8Array;
  emitSynced: boolean;
  type: number;
}

/**
 * Keeps co-editors' edits out of the notes while the note-taker is composing
 * with an input method (Chinese, Japanese, Korean...), and applies them, in
 * order, as soon as the composition ends.
 *
 * y-tiptap renders every remote change by replacing the document, which
 * rewrites the DOM text node the browser is composing in: Chromium loses its
 * composition range, the half-typed reading ("やま") stays in the text and the
 * converted word ("山田") is inserted next to it. Holding the remote updates
 * is what every co-editor sees anyway when a frame is a moment late: Yjs
 * merges them when they land, and this tab's own edits keep flowing out
 * meanwhile. Only the sync messages that carry content are held (step 2,
 * update); a step 1 only asks what this tab has, so it is answered at once.
 * Install after the save tracker: the tracker still sees the held messages
 * in their order, when they are applied.
 */
export function holdRemoteEditsWhileComposing(provider: WebsocketProvider, view: EditorView): () => void {
  const inner = provider.messageHandlers[MESSAGE_SYNC]!;
  let held: Held[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const apply = (message: Held) =>
    inner(encoding.createEncoder(), decoding.createDecoder(message.bytes), provider, message.emitSynced, message.type);
  const flush = () => {
    timer = null;
    if (view.composing) {
      timer = setTimeout(flush, RECHECK_MS);
      return;
    }
    const messages = held;
    held = [];
    for (const message of messages) apply(message);
  };
  // After ProseMirror has read the composed text (it flushes the DOM change in a microtask).
  const onCompositionEnd = () => {
    if (held.length === 0) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, 0);
  };
  view.dom.addEventListener("compositionend", onCompositionEnd);

  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, type) => {
    if (!view.composing && held.length === 0) return inner(encoder, decoder, p, emitSynced, type);
    if (decoding.peekVarUint(decoder) === syncProtocol.messageYjsSyncStep1)
      return inner(encoder, decoder, p, emitSynced, type);
    held.push({ bytes: decoding.readTailAsUint8Array(decoder), emitSynced, type });
    timer ??= setTimeout(flush, RECHECK_MS);
  };

  return () => {
    view.dom.removeEventListener("compositionend", onCompositionEnd);
    if (timer) clearTimeout(timer);
    provider.messageHandlers[MESSAGE_SYNC] = inner;
    for (const message of held) apply(message);
    held = [];
  };
}
