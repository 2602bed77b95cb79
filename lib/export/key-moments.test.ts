import { describe, expect, it } from "vitest";
import type { Block, TalkNotesDocument } from "../interchange/types";
import { parseInterchange } from "../interchange/parse-interchange";
import { panelDocument } from "./fixtures/panel-document";
import { keyMoments } from "./key-moments";
import { renderHtmlFragment } from "./render-html";
import { renderJson } from "./render-json";
import { renderMarkdown } from "./render-markdown";

/** The panel with its first thread's second answer and a nested note starred. */
function starredPanel(): TalkNotesDocument {
  const doc = panelDocument();
  const first = doc.blocks[0] as Extract<Block, { type: "question" }>;
  first.answers[1]!.starred = true;
  doc.blocks.push({
    type: "note",
    text: "Wrap-up",
    children: [{ type: "tip", text: "Measure <lead time>", children: [], starred: true }],
  });
  return doc;
}

describe("key moments in exports", () => {
  it("lists starred blocks in reading order at any depth", () => {
    expect(
      keyMoments(starredPanel().blocks).map((b) => ("text" in b ? b.text : "title" in b ? b.title : b.type)),
    ).toEqual(["talk about lead time, not about tools", "Measure <lead time>"]);
    expect(keyMoments(panelDocument().blocks)).toEqual([]);
  });

  it("Markdown: a Key moments list above the notes (its own list: other bullets), escaped like the notes", () => {
    const md = renderMarkdown(starredPanel(), { frontMatter: false });
    const at = md.indexOf(
      '**Key moments**\n\n* Ben: "talk about lead time, not about tools"\n* Tip: Measure &lt;lead time&gt;\n\n- ',
    );
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(md.indexOf("- Where do teams go wrong"));
    expect(renderMarkdown(panelDocument())).not.toContain("Key moments");
  });

  it("HTML: a Key moments list above the notes, escaped", () => {
    const html = renderHtmlFragment(starredPanel());
    expect(html).toContain(
      '<ul class="key-moments">\n<li><strong>Ben</strong>: "talk about lead time, not about tools"</li>\n<li><strong>Tip:</strong> Measure &lt;lead time&gt;</li>\n</ul>',
    );
    expect(html.indexOf("Key moments")).toBeLessThan(html.indexOf("Where do teams go wrong"));
    expect(renderHtmlFragment(panelDocument())).not.toContain("Key moments");
  });

  it("JSON: `starred` is written after a block's other fields and read back", () => {
    const doc = starredPanel();
    const out = renderJson(doc);
    expect(out).toContain('"children": [],\n          "starred": true\n');
    expect(parseInterchange(JSON.parse(out))).toEqual(doc);
    expect(renderJson(panelDocument())).not.toContain("starred");
  });

  it("the reader refuses a `starred` that is not a boolean", () => {
    const json = JSON.parse(renderJson(starredPanel()));
    json.blocks[0].starred = "yes";
    expect(() => parseInterchange(json)).toThrow();
  });
});
