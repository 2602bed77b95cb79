import { describe, expect, it } from "vitest";
import { parseInterchange } from "../interchange/parse-interchange";
import { igniteDocument } from "./fixtures/ignite-document";
import { panelDocument } from "./fixtures/panel-document";
import { renderJson } from "./render-json";

function shuffleKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shuffleKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, shuffleKeys(v)]),
  );
}

describe("renderJson", () => {
  it("round-trips through parseInterchange", () => {
    for (const doc of [panelDocument(), igniteDocument()])
      expect(parseInterchange(JSON.parse(renderJson(doc)))).toEqual(doc);
  });

  it("has a stable key order whatever the input order", () => {
    const doc = panelDocument();
    const out = renderJson(doc);
    expect(renderJson(shuffleKeys(doc) as typeof doc)).toBe(out);
    expect(
      out.startsWith(
        '{\n  "format": "talknotes/1",\n  "conference": {\n    "name": "OpsCamp",\n    "location": "Portland, OR",',
      ),
    ).toBe(true);
    expect(out).toContain(
      '{\n          "type": "statement",\n          "speaker": "ada",\n          "text": "start from the work that interrupts you most",\n          "asides": [',
    );
    expect(out.endsWith("}\n")).toBe(true);
  });

  it("puts unknown keys after known ones, sorted", () => {
    const doc = { ...panelDocument(), zeta: 1, alpha: 2 };
    expect(Object.keys(JSON.parse(renderJson(doc)))).toEqual([
      "format",
      "conference",
      "session",
      "people",
      "blocks",
      "alpha",
      "zeta",
    ]);
  });

  it("escapes < and invisible characters without changing the data", () => {
    const doc = panelDocument();
    doc.session.intro = "</script>\u202E\u2028";
    const out = renderJson(doc);
    expect(out).toContain('"intro": "\\u003C/script>\\u202E\\u2028"');
    expect(JSON.parse(out).session.intro).toBe(doc.session.intro);
  });
});
