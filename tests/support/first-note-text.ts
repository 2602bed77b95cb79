import * as Y from "yjs";

/**
 * The text of a document's first note (notes > note > paragraph > text),
 * created on first use: content the notes schema accepts, so the readers'
 * copy and history render what a test types into it.
 */
export function firstNoteText(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment("notes");
  if (fragment.length === 0) {
    const note = new Y.XmlElement("note");
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText()]);
    note.insert(0, [paragraph]);
    fragment.insert(0, [note]);
  }
  return ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}
