import fs from "node:fs";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { nb } from "./fixtures/notes-builder";
import { NOTES_FIELD } from "./notes-field";
import { notesFromYDoc } from "./notes-from-ydoc";
import { notesSchema } from "./notes-schema";
import { seedYDocFromNotes } from "./seed-ydoc-from-notes";

const { doc, note, statement, talk } = nb;

const panelNotes = JSON.parse(
  fs.readFileSync(path.join(__dirname, "fixtures/panel-notes.json"), "utf8"),
) as JSONContent;

function seeded(json: JSONContent, field?: string): Y.Doc {
  const ydoc = new Y.Doc();
  seedYDocFromNotes(ydoc, json, field);
  return ydoc;
}

describe("Y.Doc round trip", () => {
  it("stores the notes in the 'notes' XML fragment the browser's Collaboration extension binds to", () => {
    expect(NOTES_FIELD).toBe("notes");
    const ydoc = seeded(panelNotes);
    expect(ydoc.getXmlFragment("notes").length).toBe(panelNotes.content!.length);
  });

  it("reads back exactly what was seeded, attributes and marks included", () => {
    const back = notesFromYDoc(seeded(panelNotes));
    back.check();
    // Link marks come back with their default attributes (target, rel…) filled in, as from any editor, and
    // blocks with their global attributes' defaults (`starred: null`).
    expect(stripLinkDefaults(back.toJSON() as JSONContent)).toEqual(
      stripLinkDefaults(notesSchema.nodeFromJSON(panelNotes).toJSON() as JSONContent),
    );
    expect(back.eq(notesFromYDoc(seeded(back.toJSON() as JSONContent)))).toBe(true);
  });

  it("keeps a key moment's star, and stores no attribute for unstarred blocks", () => {
    const starred = { ...note("the moment"), attrs: { starred: true } };
    const ydoc = seeded(doc(starred, note("plain")));
    expect(nb.json(notesFromYDoc(ydoc))).toEqual(doc(starred, note("plain")));
    const elements = ydoc.getXmlFragment(NOTES_FIELD).toArray() as Y.XmlElement[];
    expect(elements.map((el) => el.getAttribute("starred"))).toEqual([true, undefined]);
  });

  it("keeps array attributes (talk speakers) and survives encoding to an update and back", () => {
    const json = doc(talk("Ignite", ["a", "b"], statement("x", "jo")), note("y"));
    const update = Y.encodeStateAsUpdate(seeded(json));
    const restored = new Y.Doc();
    Y.applyUpdate(restored, update);
    expect(nb.json(notesFromYDoc(restored))).toEqual(json);
  });

  it("replaces rather than appends when seeded again", () => {
    const ydoc = seeded(doc(note("old"), note("older")));
    seedYDocFromNotes(ydoc, doc(note("new")));
    expect(nb.json(notesFromYDoc(ydoc))).toEqual(doc(note("new")));
  });

  it("reads an untouched Y.Doc as one empty note", () => {
    expect(nb.json(notesFromYDoc(new Y.Doc()))).toEqual(doc(note("")));
  });

  it("refuses JSON that breaks the schema and leaves the Y.Doc untouched", () => {
    const ydoc = seeded(doc(note("kept")));
    expect(() => seedYDocFromNotes(ydoc, { type: "doc", content: [{ type: "paragraph" }] })).toThrow();
    expect(nb.json(notesFromYDoc(ydoc))).toEqual(doc(note("kept")));
  });

  it("supports another field name", () => {
    const ydoc = seeded(doc(note("elsewhere")), "draft");
    expect(ydoc.getXmlFragment(NOTES_FIELD).length).toBe(0);
    expect(nb.json(notesFromYDoc(ydoc, "draft"))).toEqual(doc(note("elsewhere")));
  });
});

function stripLinkDefaults(json: JSONContent): JSONContent {
  const marks = json.marks?.map((mark) =>
    mark.type === "link" ? { type: "link", attrs: { href: (mark.attrs as { href: string }).href } } : mark,
  );
  return {
    ...json,
    ...(marks ? { marks } : {}),
    ...(json.content ? { content: json.content.map(stripLinkDefaults) } : {}),
  };
}

describe("notesFromYDoc on content the schema does not know", () => {
  function ydocWithUnknownParts(): Y.Doc {
    const ydoc = seeded(doc(note("kept"), note("styled")));
    const fragment = ydoc.getXmlFragment(NOTES_FIELD);
    ydoc.transact(() => {
      const unknown = new Y.XmlElement("bulletList");
      fragment.insert(1, [unknown]);
      const styledText = (fragment.get(2) as Y.XmlElement).get(0) as Y.XmlElement;
      (styledText.get(0) as Y.XmlText).format(0, 3, { highlight: {} });
    });
    return ydoc;
  }

  it("leaves unknown nodes out of the result and keeps text under unknown marks", () => {
    expect(nb.json(notesFromYDoc(ydocWithUnknownParts()))).toEqual(doc(note("kept"), note("styled")));
  });

  it("never deletes them from the live Y.Doc (that would sync to every editor)", () => {
    const ydoc = ydocWithUnknownParts();
    const before = Y.encodeStateVector(ydoc);
    notesFromYDoc(ydoc);
    expect(Y.encodeStateVector(ydoc)).toEqual(before);
    expect(ydoc.getXmlFragment(NOTES_FIELD).length).toBe(3);
  });
});
