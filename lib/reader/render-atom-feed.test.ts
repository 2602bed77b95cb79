import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderAtomFeed } from "./render-atom-feed";

const FEED = {
  id: "https://notes.example.org/c/devops-day",
  title: "DevOps Day <2010> & friends",
  subtitle: "Santa Clara, CA",
  updated: "2010-06-26T10:00:00.000Z",
  selfUrl: "https://notes.example.org/c/devops-day/feed.xml",
  alternateUrl: "https://notes.example.org/c/devops-day",
  author: "DevOps Day",
  entries: [
    {
      id: "https://notes.example.org/c/devops-day/panel",
      title: 'Making "The Business Case"',
      updated: "2010-06-26T10:00:00.000Z",
      published: "2010-06-25T17:00:00.000Z",
      url: "https://notes.example.org/c/devops-day/panel?x=1&y=2",
      authors: ["Jody Mulkey", "Rolf <Russell>"],
      summary: "Panel with Jody\u0007 & Rolf.",
      contentHtml: '<article class="thread" id="q-1"><h3>Q&amp;A</h3><script>x</script></article>',
      categories: ["panel"],
    },
  ],
};

describe("renderAtomFeed", () => {
  const xml = renderAtomFeed(FEED);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    isArray: (name) => ["entry", "link", "author"].includes(name),
  }).parse(xml);

  it("is well-formed XML with the Atom namespace", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parsed.feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
  });

  it("carries the required feed and entry elements (RFC 4287)", () => {
    const feed = parsed.feed;
    expect(feed.id).toBe(FEED.id);
    expect(feed.title["#text"]).toBe("DevOps Day <2010> & friends");
    expect(feed.updated).toBe(FEED.updated);
    expect(feed.link.map((l: Record<string, string>) => l["@rel"]).sort()).toEqual(["alternate", "self"]);
    const entry = feed.entry[0];
    expect(entry.id).toBe(FEED.entries[0]!.id);
    expect(entry.title["#text"]).toBe('Making "The Business Case"');
    expect(entry.updated).toBe(FEED.entries[0]!.updated);
    expect(entry.link[0]["@href"]).toBe("https://notes.example.org/c/devops-day/panel?x=1&y=2");
    expect(entry.author.map((a: { name: string }) => a.name)).toEqual(["Jody Mulkey", "Rolf <Russell>"]);
    expect(entry.content["@type"]).toBe("html");
  });

  it("escapes entry HTML as text (feed readers render it; it is never raw markup) and drops control characters", () => {
    expect(parsed.feed.entry[0].content["#text"]).toBe(FEED.entries[0]!.contentHtml);
    expect(xml).not.toContain("<script>");
    expect(parsed.feed.entry[0].summary["#text"]).toBe("Panel with Jody & Rolf.");
  });
});
