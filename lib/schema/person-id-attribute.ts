import type { Attribute } from "@tiptap/core";

/**
 * Attribute spec for a single person id stored as a `data-*` attribute in
 * HTML (`speaker` -> `data-speaker`, `askedBy` -> `data-asked-by`). An empty
 * or missing value parses as null, meaning "unattributed".
 */
export function personIdAttribute(name: string, dataAttribute: string): Attribute {
  return {
    default: null,
    keepOnSplit: false,
    parseHTML: (element) => element.getAttribute(dataAttribute) || null,
    // Tiptap hands every attribute of the node to each renderHTML, hence the lookup by name.
    renderHTML: (attributes) => {
      const value: unknown = attributes[name];
      return typeof value === "string" && value !== "" ? { [dataAttribute]: value } : {};
    },
  };
}
