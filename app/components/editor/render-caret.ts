import { sanitizePresenceUser } from "@/lib/collab/sanitize-presence-user";

const FALLBACK_COLOR = "#868e96";

/**
 * A co-editor's caret and name label. The name and colour come from another
 * tab's presence, so they pass the same check as on the server before they
 * touch the DOM: text only, and a colour that is #rgb / #rrggbb (never
 * `url(...)` or anything else CSS would act on).
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const safe = sanitizePresenceUser(user);
  const color = safe?.color ?? FALLBACK_COLOR;
  const caret = document.createElement("span");
  caret.classList.add("collaboration-carets__caret");
  caret.style.borderColor = color;
  const label = document.createElement("div");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = color;
  label.textContent = safe?.name ?? "Someone";
  caret.append(label);
  return caret;
}
