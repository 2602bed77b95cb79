import type { Locator, Page } from "@playwright/test";

/**
 * Moves the caret to the end of the notes with Ctrl/Cmd+End, then lets the
 * browser tell ProseMirror: Chrome reports a keyboard caret move on its
 * asynchronous `selectionchange`, and a test (unlike a person) can press the
 * next key within the same millisecond, before the editor knows where it is.
 */
export async function caretToEnd(page: Page, editor?: Locator): Promise<void> {
  if (editor) await editor.press("ControlOrMeta+End");
  else await page.keyboard.press("ControlOrMeta+End");
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 60))));
}
