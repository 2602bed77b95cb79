import type { Page } from "@playwright/test";

/**
 * The controls on `page` smaller than 44×44 CSS px (WCAG 2.5.5, and what
 * phones need), as "selector-ish: w×h" lines. Links inside a sentence are
 * exempt (WCAG's inline exception): an inline link whose paragraph or list
 * item holds other words too.
 */
export function smallTapTargets(page: Page, min = 44): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex='0']",
    );
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
      if (el.closest("[aria-hidden=true], .sr-only, [contenteditable=true]")) continue;
      if (el.tagName === "A" && getComputedStyle(el).display === "inline") {
        const block = el.parentElement?.closest("p, li, dd, td, th, h1, h2, h3, h4, h5, h6");
        if (block && (block.textContent ?? "").trim().length > (el.textContent ?? "").trim().length) continue;
      }
      if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio") && el.closest("label")) {
        const label = el.closest("label")!.getBoundingClientRect();
        if (label.height >= min) continue;
      }
      if (r.height < min - 0.5 || r.width < min - 0.5) {
        const name = (el.getAttribute("aria-label") ?? el.textContent ?? el.getAttribute("name") ?? "")
          .trim()
          .slice(0, 30);
        out.push(
          `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ")[0] : ""} "${name}": ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
      }
    }
    return out;
  }, min);
}
