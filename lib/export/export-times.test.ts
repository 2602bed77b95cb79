import { describe, expect, it } from "vitest";
import { importNotes } from "../import/import-notes";
import { parseInterchange } from "../interchange/parse-interchange";
import type { TalkNotesDocument } from "../interchange/types";
import { panelDocument } from "./fixtures/panel-document";
import { renderHtmlFragment } from "./render-html";
import { renderJson } from "./render-json";
import { renderMarkdown } from "./render-markdown";

/** The panel with times on its first thread (14:05:09 and 14:06 Portland time) and a recording. */
function timedPanel(recording: TalkNotesDocument["session"]["recording"] = null): TalkNotesDocument {
  const doc = panelDocument();
  const first = doc.blocks[0]!;
  first.at = "2011-03-04T22:05:09.000Z";
  if (first.type === "question") first.answers[0]!.at = "2011-03-04T14:06:00-08:00";
  doc.session.recording = recording;
  return doc;
}

describe("exports show or link block times", () => {
  it("leave times out unless asked", () => {
    expect(renderMarkdown(timedPanel(), { frontMatter: false })).toBe(
      renderMarkdown(panelDocument(), { frontMatter: false }),
    );
    expect(renderHtmlFragment(timedPanel())).not.toContain('<time datetime="2011-03-04T22:05:09.000Z"');
  });

  it("show hh:mm in the conference's zone before timed bullets", () => {
    const md = renderMarkdown(timedPanel(), {
      frontMatter: false,
      times: { mode: "show", timeZone: "America/Los_Angeles" },
    });
    expect(md).toContain("- 14:05 Where do teams go wrong\n  - 14:06 Ada:");
    const html = renderHtmlFragment(timedPanel(), { times: { mode: "show", timeZone: "America/Los_Angeles" } });
    expect(html).toContain(
      '<li class="question"><time datetime="2011-03-04T22:05:09.000Z">14:05</time> Where do teams go wrong',
    );
  });

  it("link each time to the recording at that second (from the schedule's start, or a sync point)", () => {
    const fromSchedule = timedPanel({ url: "https://youtu.be/dQw4w9WgXcQ" });
    const md = renderMarkdown(fromSchedule, {
      frontMatter: false,
      times: { mode: "link", timeZone: "America/Los_Angeles" },
    });
    expect(md).toContain("- [14:05](<https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=309s>) Where do teams go wrong");
    const synced = timedPanel({ url: "https://media.ccc.de/v/opscamp-board", startsAt: "2011-03-04T22:01:00Z" });
    const html = renderHtmlFragment(synced, { times: { mode: "link", timeZone: "America/Los_Angeles" } });
    expect(html).toContain(
      '<a class="at" href="https://media.ccc.de/v/opscamp-board#t=249"><time datetime="2011-03-04T22:05:09.000Z">14:05</time></a>',
    );
    // Without a recording a linked export still shows the time.
    expect(renderMarkdown(timedPanel(), { frontMatter: false, times: { mode: "link", timeZone: null } })).toContain(
      "- 22:05 Where",
    );
  });

  it("talknotes/1 carries at and recording through a round trip", () => {
    const doc = timedPanel({ url: "https://vimeo.com/76979871", startsAt: "2011-03-04T22:01:00Z" });
    const back = parseInterchange(JSON.parse(renderJson(doc)));
    expect(back.session.recording).toEqual({ url: "https://vimeo.com/76979871", startsAt: "2011-03-04T22:01:00Z" });
    const first = back.blocks[0]!;
    expect(first.at).toBe("2011-03-04T22:05:09.000Z");
    expect(first.type === "question" && first.answers[0]!.at).toBe("2011-03-04T14:06:00-08:00");
    expect(() =>
      parseInterchange({ ...doc, session: { ...doc.session, recording: { url: "https://evil.example/v" } } }),
    ).toThrow();
  });

  it("a Markdown export with times imports back with the same times", () => {
    const md = renderMarkdown(timedPanel({ url: "https://youtu.be/dQw4w9WgXcQ" }), {
      times: { mode: "link", timeZone: "America/Los_Angeles" },
    });
    const { document } = importNotes(md, { times: { timeZone: "America/Los_Angeles" } });
    expect(document.blocks[0]).toMatchObject({
      type: "question",
      text: "Where do teams go wrong",
      at: "2011-03-04T22:05:00.000Z",
    });
    if (document.blocks[0]!.type !== "question") throw new Error("expected a question");
    expect(document.blocks[0]!.answers[0]).toMatchObject({
      type: "statement",
      speaker: "ada-byrne",
      at: "2011-03-04T22:06:00.000Z",
    });
  });
});
