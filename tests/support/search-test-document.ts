import type { TalkNotesDocument } from "../../lib/interchange/types";

/** A panel's readers' copy with these blocks and two panelists, Jody Mulkey (p-jody) and Rolf Russell (p-rolf). */
export function searchTestDocument(blocks: TalkNotesDocument["blocks"]): TalkNotesDocument {
  return {
    format: "talknotes/1",
    conference: { name: "DevOps Day", location: null, startsOn: null },
    session: { title: "Panel", kind: "panel", intro: "" },
    people: [
      { id: "p-jody", name: "Jody Mulkey", role: "panelist" },
      { id: "p-rolf", name: "Rolf Russell", role: "panelist" },
    ],
    blocks,
  };
}
