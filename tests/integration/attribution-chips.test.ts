import { Editor } from "@tiptap/core";
import { Fragment, Slice } from "@tiptap/pm/model";
import type { Decoration, DecorationSet } from "@tiptap/pm/view";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  AttributionChips,
  attributionChipsKey,
  buildDecorations,
  type ChipPerson,
} from "@/app/components/editor/attribution-chips";
import { createNotesExtensions } from "@/lib/schema/create-notes-extensions";
import { nb } from "@/lib/schema/fixtures/notes-builder";

const { doc, question, statement, talk, note } = nb;

// Tiptap's core keymap reads `navigator` (absent in Node) to detect the platform.
beforeAll(() => vi.stubGlobal("navigator", { platform: "Linux x86_64", userAgent: "node", maxTouchPoints: 0 }));
afterAll(() => vi.unstubAllGlobals());

const people = new Map<string, ChipPerson>([
  ["p1", { label: "Jody", title: "Jody Adams", role: "speaker", spoken: "Jody Adams" }],
  ["p2", { label: "Sam", title: "Sam Lee", role: "audience", spoken: "Sam Lee" }],
]);

function editorWith(blocks: ReturnType<typeof statement>[]): Editor {
  const editor = new Editor({
    extensions: [...createNotesExtensions(), AttributionChips.configure({ people: () => people })],
    content: doc(...blocks),
  });
  editor.view.updateState(editor.state.reconfigure({ plugins: editor.extensionManager.plugins }));
  return editor;
}

const chips = (editor: Editor): DecorationSet => attributionChipsKey.getState(editor.state)!;
const describeSet = (set: DecorationSet) =>
  set
    .find()
    .map((d: Decoration) => `${d.from}:${(d.spec as { key: string }).key}`)
    .sort();

/** The chips kept incrementally are exactly those a full rebuild of the document gives. */
function expectSameAsRebuild(editor: Editor): void {
  expect(describeSet(chips(editor))).toEqual(describeSet(buildDecorations(editor.state.doc, people)));
}

function manyBlocks(n: number) {
  return Array.from({ length: n }, (_, i) =>
    i % 7 === 3
      ? question(`question ${i}`, "p2", statement(`answer ${i}`, "p1"), statement(`unattributed ${i}`))
      : i % 11 === 5
        ? talk(`talk ${i}`, ["p1", "p2"])
        : i % 5 === 1
          ? note(`note ${i}`)
          : statement(`statement ${i}`, i % 2 ? "p1" : null),
  );
}

describe("attribution chips", () => {
  it("recomputes only the edited block's chips and reuses the others", () => {
    const editor = editorWith(manyBlocks(40));
    const before = chips(editor).find();
    const at = editor.state.doc.child(0).nodeSize + editor.state.doc.child(1).nodeSize + 4; // inside block 3
    editor.view.dispatch(editor.state.tr.insertText("x", at));
    const after = chips(editor).find();
    expect(after.length).toBe(before.length);
    // A full rebuild makes new decorations everywhere; mapping keeps those of untouched blocks.
    // (find() returns positioned copies; the widget each carries is what mapping keeps.)
    const widget = (d: Decoration) => (d as unknown as { type: unknown }).type;
    const kept = after.filter((d) => before.some((b) => widget(b) === widget(d)));
    expect(kept.length).toBeGreaterThanOrEqual(before.length - 3);
    expectSameAsRebuild(editor);
  });

  it("matches a full rebuild through typing, splits, attribute changes, deletions and moves", () => {
    const editor = editorWith(manyBlocks(30));
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let step = 0; step < 300; step++) {
      const { doc: current } = editor.state;
      const blocks: Array<{ pos: number; type: string }> = [];
      current.descendants((node, pos) => {
        if (["statement", "question", "talk", "note"].includes(node.type.name))
          blocks.push({ pos, type: node.type.name });
        return true;
      });
      const target = blocks[random(blocks.length)]!;
      const tr = editor.state.tr;
      switch (random(7)) {
        case 0: // type in a block's text
          tr.insertText("ab", target.pos + 2);
          break;
        case 1: // (re)attribute a statement, a question or a talk
          if (target.type === "statement")
            tr.setNodeAttribute(target.pos, "speaker", [null, "p1", "p2", "gone"][random(4)]);
          else if (target.type === "question")
            tr.setNodeAttribute(target.pos, "askedBy", [null, "p1", "p2"][random(3)]);
          else if (target.type === "talk")
            tr.setNodeAttribute(target.pos, "speakers", [[], ["p2"], ["p1", "p2"]][random(3)]);
          break;
        case 2: // delete a top-level block
          if (current.childCount > 3) {
            const index = random(current.childCount);
            let pos = 0;
            for (let i = 0; i < index; i++) pos += current.child(i).nodeSize;
            tr.delete(pos, pos + current.child(index).nodeSize);
          }
          break;
        case 3: // insert a new attributed statement at the top level
          tr.insert(0, editor.schema.nodeFromJSON(statement(`new ${step}`, "p2")));
          break;
        case 4: {
          // a remote edit as y-tiptap applies it: one step replacing the whole document, unchanged blocks shared
          const children: ReturnType<typeof current.child>[] = [];
          current.forEach((child) => children.push(child));
          const index = random(children.length);
          children.splice(
            index,
            1,
            editor.schema.nodeFromJSON(question(`remote ${step}`, "p1", statement("reply", null))),
          );
          tr.replace(0, current.content.size, new Slice(Fragment.from(children), 0, 0));
          break;
        }
        case 5: // split a block after its first character (Enter), the new block keeping the attributes
          tr.split(target.pos + 3, 2);
          break;
        default: // delete a few characters across block boundaries
          if (target.pos + 12 < current.content.size) tr.delete(target.pos + 3, target.pos + 12);
      }
      if (!tr.docChanged) continue;
      try {
        editor.view.dispatch(tr);
      } catch {
        continue;
      }
      expectSameAsRebuild(editor);
    }
  });

  it("gives new chips only to the blocks that show a changed person, keeping the others' objects", () => {
    const editor = editorWith(manyBlocks(30));
    const widget = (d: Decoration) => (d as unknown as { type: unknown }).type;
    const before = chips(editor).find();
    people.set("p2", { label: "Samuel", title: "Samuel Lee", role: "audience", spoken: "Samuel Lee" });
    try {
      editor.commands.refreshAttributionChips();
      expectSameAsRebuild(editor);
      const after = chips(editor).find();
      // Sam appears only in question threads and talks: those blocks get new chips, every other block keeps
      // its very chips (a block's chips are computed together).
      const showsSam = (d: Decoration) => /(^|[,:])p2[,:]/.test((d.spec as { key: string }).key);
      let kept = 0;
      editor.state.doc.forEach((block, offset) => {
        const inBlock = after.filter((d) => d.from > offset && d.from < offset + block.nodeSize);
        const changed = inBlock.some(showsSam);
        for (const d of inBlock) expect(before.some((b) => widget(b) === widget(d))).toBe(!changed);
        if (!changed) kept += inBlock.length;
      });
      expect(kept).toBeGreaterThan(10);
      // Nothing changed: nothing new at all.
      const same = chips(editor);
      editor.commands.refreshAttributionChips();
      expect(chips(editor)).toBe(same);
    } finally {
      people.set("p2", { label: "Sam", title: "Sam Lee", role: "audience", spoken: "Sam Lee" });
    }
  });

  it("redraws every chip when the people change", () => {
    const editor = editorWith(manyBlocks(10));
    people.set("p1", { label: "Jo", title: "Jo Adams", role: "speaker", spoken: "Jo Adams" });
    try {
      editor.commands.refreshAttributionChips();
      expect(describeSet(chips(editor)).some((d) => d.includes(":Jo,") || d.endsWith(":Jo:false"))).toBe(true);
      expectSameAsRebuild(editor);
    } finally {
      people.set("p1", { label: "Jody", title: "Jody Adams", role: "speaker", spoken: "Jody Adams" });
    }
  });
});
