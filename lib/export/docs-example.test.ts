import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseInterchange } from "../interchange/parse-interchange";
import { renderMarkdown } from "./render-markdown";

/* docs/interchange.md shows an example document and its Markdown; keep both true. */
const doc = readFileSync(path.resolve(__dirname, "../../docs/interchange.md"), "utf8");
const fenced = (lang: string) => {
  const m = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(doc);
  if (!m) throw new Error(`no ${lang} block in docs/interchange.md`);
  return m[1]!;
};

describe("docs/interchange.md example", () => {
  it("is a valid document that renders to the Markdown shown", () => {
    const parsed = parseInterchange(JSON.parse(fenced("json")));
    expect(renderMarkdown(parsed, { frontMatter: false })).toBe(fenced("markdown"));
  });
});
