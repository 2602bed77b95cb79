import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Mapping, StepMap } from "@tiptap/pm/transform";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

/** How a chip shows a person: short label and full title. */
export interface ChipPerson {
  label: string;
  title: string;
  /** What a screen reader says instead of the label: "Jody Mulkey, Shopzilla". */
  spoken: string;
  role: string;
}

export const attributionChipsKey = new PluginKey<DecorationSet>("attributionChips");
const REFRESH = "refreshPeople";

/**
 * Draws the attribution in front of each block's text: the speaker chip of a
 * statement ("Jody"), the asker of a question, the speakers of an Ignite talk,
 * and a "who?" chip on an unattributed answer inside a question. The chips are
 * decorations computed from person ids, so a rename shows everywhere at once
 * and the stored document holds ids only.
 */
export const AttributionChips = Extension.create<{ people: () => Map<string, ChipPerson> }>({
  name: "attributionChips",

  addOptions() {
    return { people: () => new Map() };
  },

  addCommands() {
    return {
      refreshAttributionChips:
        () =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(REFRESH, true).setMeta("addToHistory", false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const people = this.options.people;
    return [
      new Plugin<DecorationSet>({
        key: attributionChipsKey,
        state: {
          init: (_config, state) => buildDecorations(state.doc, people()),
          apply: (tr, old, oldState, newState) => {
            // The blocks this transaction touched; after a change of people, any block whose chips read differently.
            const mapped = tr.docChanged ? updateChipDecorations(old, oldState.doc, newState.doc, people()) : old;
            return tr.getMeta(REFRESH) ? refreshChipDecorations(mapped, newState.doc, people()) : mapped;
          },
        },
        props: {
          decorations: (state) => attributionChipsKey.getState(state),
        },
      }),
    ];
  },
});

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    attributionChips: {
      /** Redraw the chips after the people changed (added, renamed, removed). */
      refreshAttributionChips: () => ReturnType;
    };
  }
}

/** Every chip of `doc`. */
export function buildDecorations(doc: ProseMirrorNode, people: Map<string, ChipPerson>): DecorationSet {
  return DecorationSet.create(doc, chipsBetween(doc, 0, doc.content.size, people));
}

/**
 * The chips of `newDoc`, given those of `oldDoc`: the old set is mapped over
 * the one region where the documents differ, and only the top-level blocks
 * overlapping that region are computed again. Typing therefore costs the same
 * in a 50-bullet document as in a 3,000-bullet one (a full rebuild, then
 * comparing the sets, grew with every block).
 *
 * The region comes from comparing the documents rather than from the
 * transaction's steps because attribute steps map nothing, and a remote edit
 * arrives from y-tiptap as one step replacing the whole document (mapping
 * through it would drop every chip); both documents share the nodes of
 * unchanged blocks, so the comparison stops at the first differing block.
 */
export function updateChipDecorations(
  old: DecorationSet,
  oldDoc: ProseMirrorNode,
  newDoc: ProseMirrorNode,
  people: Map<string, ChipPerson>,
): DecorationSet {
  const start = oldDoc.content.findDiffStart(newDoc.content);
  if (start === null) return old;
  let { a: endA, b: endB } = oldDoc.content.findDiffEnd(newDoc.content) ?? {
    a: oldDoc.content.size,
    b: newDoc.content.size,
  };
  // Repeated content makes the two scans overlap (typing "a" after "a"): extend both ends alike.
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  const mapped = old.map(new Mapping([new StepMap([start, endA - start, endB - start])]), newDoc);
  // Whole top-level blocks around the change: a chip depends on its block and on that block's parent.
  let from = start;
  let to = endB;
  newDoc.forEach((child, offset) => {
    const end = offset + child.nodeSize;
    if (end >= start && offset <= endB) {
      from = Math.min(from, offset);
      to = Math.max(to, end);
    }
  });
  return mapped.remove(mapped.find(from, to)).add(newDoc, chipsBetween(newDoc, from, to, people));
}

/**
 * The chips of `doc` after the people changed: only the top-level blocks whose
 * chips now read differently get new ones; the others keep theirs, the very
 * objects. ProseMirror compares each block's decorations on every later
 * keystroke and stops at once for the same object; a full rebuild left every
 * block with equal but new ones, so every key compared all chips of the notes
 * one by one (1.2 ms a key at 3,000 bullets).
 */
export function refreshChipDecorations(
  set: DecorationSet,
  doc: ProseMirrorNode,
  people: Map<string, ChipPerson>,
): DecorationSet {
  let refreshed = set;
  doc.forEach((block, offset) => {
    const end = offset + block.nodeSize;
    const now = set.find(offset, end).sort((a, b) => a.from - b.from);
    const next = chipsBetween(doc, offset, end, people);
    const same =
      now.length === next.length &&
      now.every((d, i) => d.from === next[i]!.from && d.spec.key === (next[i]!.spec as { key: string }).key);
    if (!same) refreshed = refreshed.remove(now).add(doc, next);
  });
  return refreshed;
}

/** The chips of the blocks overlapping `from`..`to` (whole top-level blocks). */
function chipsBetween(doc: ProseMirrorNode, from: number, to: number, people: Map<string, ChipPerson>): Decoration[] {
  const decorations: Decoration[] = [];
  doc.nodesBetween(from, to, (node, pos, parent) => {
    // A block's line holds no blocks: never walk its text (most of the document's nodes).
    if (node.isTextblock) return false;
    const type = node.type.name;
    if (type !== "statement" && type !== "question" && type !== "talk") return true;
    const textStart = pos + 2; // inside the block's first paragraph
    const ids: string[] =
      type === "talk"
        ? ((node.attrs.speakers as string[] | null) ?? [])
        : [(type === "statement" ? node.attrs.speaker : node.attrs.askedBy) as string | null].filter(
            (id): id is string => Boolean(id),
          );
    const inQuestion = parent?.type.name === "question" || parent?.type.name === "statement";
    const key = `${type}:${ids.join(",")}:${ids.map((id) => people.get(id)?.label ?? "?").join(",")}:${inQuestion}`;
    decorations.push(
      Decoration.widget(textStart, () => renderChips(type, ids, people, inQuestion), {
        side: -1,
        key,
        ignoreSelection: true,
      }),
    );
    return true;
  });
  return decorations;
}

/**
 * The chip's visible text, hidden from assistive tech, followed by what a
 * screen reader should say instead (a short label like "Jody" or "Q" means
 * little when heard): "Question: ", "Jody Mulkey, Shopzilla: ".
 */
function chipText(chip: HTMLElement, visible: string, spoken: string): void {
  const shown = document.createElement("span");
  shown.setAttribute("aria-hidden", "true");
  shown.textContent = visible;
  const heard = document.createElement("span");
  heard.className = "sr-only";
  heard.textContent = spoken;
  chip.append(shown, heard);
}

function renderChips(type: string, ids: string[], people: Map<string, ChipPerson>, inQuestion: boolean): HTMLElement {
  const wrap = document.createElement("span");
  wrap.className = `chips chips-${type}`;
  wrap.contentEditable = "false";
  if (type === "question") {
    const q = document.createElement("span");
    q.className = "chip chip-question";
    chipText(q, "Q", "Question: ");
    q.title = "Question";
    wrap.append(q);
  }
  if (ids.length === 0 && type === "statement") {
    const who = document.createElement("span");
    who.className = inQuestion ? "chip chip-unknown" : "chip chip-continuing";
    chipText(who, inQuestion ? "who?" : "…", inQuestion ? "Unattributed answer: " : "Same speaker: ");
    who.title = inQuestion ? "Unattributed answer: type @ and a name" : "Continuing the previous speaker";
    wrap.append(who);
  }
  for (const id of ids) {
    const person = people.get(id);
    const chip = document.createElement("span");
    chip.className = `chip chip-person role-${person?.role ?? "unknown"}`;
    chip.dataset.personId = id;
    const spoken = person?.spoken ?? "Unknown person";
    if (type === "question") chipText(chip, `${person?.label ?? "Someone"} asks`, `asked by ${spoken}: `);
    else if (type === "talk") chipText(chip, person?.label ?? "Unknown", `${spoken} `);
    else chipText(chip, person?.label ?? "Unknown", `${spoken}: `);
    chip.title = person?.title ?? "A person no longer in this session";
    wrap.append(chip);
  }
  return wrap;
}
