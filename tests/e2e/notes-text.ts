import type { Locator } from "@playwright/test";

/** The editor's text block by block as it is seen: without other people's caret labels or screen-reader-only words. */
export function notesText(editor: Locator): Promise<string[]> {
  return editor.evaluate((root) => {
    const clone = root.cloneNode(true) as HTMLElement;
    clone.querySelectorAll(".collaboration-carets__caret, .sr-only").forEach((c) => c.remove());
    return [...clone.querySelectorAll("p")].map((p) => p.textContent ?? "");
  });
}
