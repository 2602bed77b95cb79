import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** The rules the suite holds every page to (tests/e2e/accessibility.spec.ts). */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * Serious and critical axe violations inside `selector` on `page` as it is
 * now, one line each (scoped: an open popover covering part of a target
 * behind it is not that target's fault).
 */
export async function graveViolations(page: Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include(selector).withTags(TAGS).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}
