import { seededRandom } from "./seeded-random";

const PANEL = [
  ["Ada Byrne", "Northwind"],
  ["Eishay Smith", "Tailspin Labs"],
  ["Cleo Marsh", "Fabrikam"],
  ["Jody Mulkey", "Shopzilla"],
] as const;
const WORDS =
  "deploy rollback pager small batches change log auditors lead time failure rate on call budget incident review tests staging canary feature flags database migration expand contract latency cache".split(
    " ",
  );

/**
 * Plain-text panel notes in the layout the importer reads (header, panel
 * list, `- Question:` threads with `Name: "answer"` replies and the odd
 * aside), with `threads` question threads. Deterministic per seed.
 */
export function generatePanelNotes(threads: number, seed = 1): string {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const lines = [
    "Loopback Conf, Santa Clara, CA",
    "June 25, 2010",
    "",
    `Panel number ${seed}`,
    "",
    ...PANEL.map(([name, company]) => `${name} (${company})`),
    "",
    "Moderator: Dan Price (Contoso)",
    "",
  ];
  for (let t = 0; t < threads; t++) {
    lines.push(`- Question: "${sentence(6 + Math.floor(random() * 8))}?"`);
    const answers = 2 + Math.floor(random() * 3);
    for (let a = 0; a < answers; a++) {
      const [name] = pick(PANEL);
      lines.push(
        `  - ${name.split(" ")[0]}: "${sentence(8 + Math.floor(random() * 12))}"${random() < 0.2 ? " (agreed)" : ""}`,
      );
    }
  }
  return lines.join("\n") + "\n";
}
