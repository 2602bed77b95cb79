import type { KeyboardEvent } from "react";

/** The keys that step backwards and forwards along each orientation (ARIA: a toolbar is horizontal, a menu vertical). */
const STEP_KEYS = { horizontal: ["ArrowLeft", "ArrowRight"], vertical: ["ArrowUp", "ArrowDown"] } as const;

/**
 * Roving focus for a toolbar or menu's keydown: the arrow keys of
 * `orientation` move focus to the previous or next `selector` element inside
 * the container (wrapping around), Home and End to the first and last. Other
 * keys, or focus on none of the elements, are left alone.
 */
export function moveFocusAmong(
  ev: KeyboardEvent<HTMLElement>,
  selector: string,
  orientation: keyof typeof STEP_KEYS,
): void {
  const items = [...ev.currentTarget.querySelectorAll<HTMLElement>(selector)];
  const at = items.indexOf(document.activeElement as HTMLElement);
  const [back, forward] = STEP_KEYS[orientation];
  const to =
    ev.key === forward
      ? (at + 1) % items.length
      : ev.key === back
        ? (at - 1 + items.length) % items.length
        : ev.key === "Home"
          ? 0
          : ev.key === "End"
            ? items.length - 1
            : null;
  if (to === null || at === -1) return;
  ev.preventDefault();
  items[to]!.focus();
}
