import { describe, expect, it } from "vitest";
import type { Block, TalkNotesDocument } from "../interchange/types";
import { XSS_PAYLOADS } from "./fixtures/xss-payloads";
import { renderHtmlFragment, renderHtmlPage } from "./render-html";
import { renderJson } from "./render-json";
import { renderMarkdown } from "./render-markdown";
import { renderStaticSite } from "./render-static-site";

/** One document carrying the payload in every user-writable field. */
function hostileDocument(p: string): TalkNotesDocument {
  const children: Block[] = [
    { type: "note", text: p, children: [{ type: "tip", text: p, children: [] }] },
    { type: "aside", text: p },
  ];
  return {
    format: "talknotes/1",
    conference: { name: p, location: p, startsOn: "2010-06-25", hashtag: p, titleTemplate: `${p} {title} {hashtag}` },
    session: {
      title: p,
      kind: "panel",
      intro: `${p}\n\n${p}`,
      room: p,
      track: p,
      slug: p,
      startsAt: "2010-06-25T10:00:00-07:00",
    },
    people: [
      { id: "a", name: p, affiliation: p, note: p, role: "panelist", handle: p, aliases: [p] },
      { id: "b", name: `${p} Second`, affiliation: p, role: "moderator" },
      { id: "c", name: p, role: "speaker" },
      { id: "d", name: p, role: "audience" },
    ],
    blocks: [
      {
        type: "question",
        text: p,
        askedBy: "d",
        answers: [
          {
            type: "statement",
            speaker: "a",
            text: p,
            asides: [p, p],
            children: [{ type: "statement", speaker: null, text: p, asides: [p], children }],
          },
          { type: "statement", speaker: p, text: p, asides: [], children: [] }, // dangling id, rendered as a fallback label
        ],
      },
      { type: "question", text: p, askedBy: null, answers: [] },
      { type: "question", text: p, askedBy: "b", answers: [] },
      ...children,
      { type: "talk", title: p, speakers: ["c", "a", p], children },
      { type: "talk", title: p, speakers: [], children: [] },
    ],
    authors: [
      { name: p, bio: `${p}\n\n${p}`, link: `https://example.org/${p}`, avatarUrl: `https://example.org/${p}` },
      { name: `${p} Second`, bio: p, link: p, avatarUrl: p },
    ],
  };
}

/** The keys every flavour writes, in this order, after its own leading ones. */
const SHARED_FRONT_MATTER_KEYS = [
  "tags",
  "event",
  "location",
  "speakers",
  "author",
  "authors",
  "author_bio",
  "author_link",
  "author_avatar",
];

const FRONT_MATTER_KEYS = {
  markdown: ["title", "date", "slug", ...SHARED_FRONT_MATTER_KEYS],
  hugo: ["title", "date", "slug", "draft", ...SHARED_FRONT_MATTER_KEYS],
  jekyll: ["layout", "title", "date", ...SHARED_FRONT_MATTER_KEYS],
};

/** Splits off the front matter, checking it is line-wise `key: <JSON-compatible YAML>`. Returns keys and body. */
function splitFrontMatter(text: string): { keys: string[]; values: Record<string, unknown>; body: string } {
  const lines = text.split("\n");
  expect(lines[0]).toBe("---");
  const end = lines.indexOf("---", 1);
  expect(end).toBeGreaterThan(0);
  const values: Record<string, unknown> = {};
  for (const line of lines.slice(1, end)) {
    const m = /^([A-Za-z_]\w*): (.*)$/.exec(line);
    expect(m, `front matter line ${JSON.stringify(line)}`).not.toBeNull();
    values[m![1]!] = JSON.parse(m![2]!);
  }
  return { keys: Object.keys(values), values, body: lines.slice(end + 1).join("\n") };
}

function expectNoBidiOrControls(out: string) {
  // eslint-disable-next-line no-control-regex -- looking for control characters
  expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000\u0007\u007F]/);
}

/** Markdown body: the only `<` allowed opens an http(s)/mailto autolink; no link syntax survives. */
function expectInertMarkdown(body: string) {
  const withoutAutolinks = body.replace(/<(?:https?:\/\/|mailto:)[^\s<>]*>/g, "");
  expect(withoutAutolinks).not.toContain("<");
  expect(body).not.toMatch(/<script/i);
  expect(body).not.toMatch(/<[^>]*\bon[a-z]+\s*=/i);
  expect(body).not.toMatch(/(^|[^\\])\[/m); // every [ is escaped: no links, images, footnotes
  expect(body).not.toMatch(/<javascript:|<data:/i);
  // Only our own structure may start a line.
  for (const line of body.split("\n")) {
    expect(line, "line start").toMatch(/^$|^\s*- |^\*\*|^## |^[^#>=+\-\s]/);
    expect(line).not.toMatch(/^(---|\s{4,}[^\s-])/);
  }
  expectNoBidiOrControls(body);
}

const ALLOWED_TAGS = new Set([
  "html",
  "head",
  "body",
  "meta",
  "title",
  "style",
  "main",
  "article",
  "aside",
  "img",
  "h1",
  "h2",
  "p",
  "ul",
  "li",
  "strong",
  "em",
  "a",
  "br",
  "time",
]);
const ALLOWED_ATTRIBUTES = new Set([
  "lang",
  "charset",
  "name",
  "content",
  "http-equiv",
  "class",
  "href",
  "src",
  "alt",
  "width",
  "height",
  "loading",
  "referrerpolicy",
  "aria-label",
  "rel",
  "datetime",
]);

/** HTML without a parser: every `<` opens an allowed tag whose attributes are allowed and whose links are http(s)/mailto. */
function expectInertHtml(html: string) {
  const withoutStyle = html.replace(/<style>[^<]*<\/style>/, "<style></style>").replace(/^<!DOCTYPE html>\n/, "");
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/g;
  for (const m of withoutStyle.matchAll(tag)) {
    expect(ALLOWED_TAGS.has(m[2]!.toLowerCase()), `tag ${m[0]}`).toBe(true);
    for (const attr of m[3]!.matchAll(/([a-z-]+)="([^"]*)"/g)) {
      expect(ALLOWED_ATTRIBUTES.has(attr[1]!), `attribute in ${m[0]}`).toBe(true);
      if (attr[1] === "href") expect(attr[2]).toMatch(/^(https?:\/\/|mailto:)/);
      if (attr[1] === "src") expect(attr[2]).toMatch(/^https?:\/\//);
    }
  }
  expect(withoutStyle.replace(tag, ""), "a < that does not open an allowed tag").not.toContain("<");
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<[^>]*\bon[a-z]+\s*=/i);
  expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
  expectNoBidiOrControls(html);
}

describe.each(XSS_PAYLOADS.map((p) => [JSON.stringify(p).slice(0, 60), p]))(
  "payload %s in every field",
  (_label, payload) => {
    const doc = hostileDocument(payload);

    it("Markdown: front matter keeps its keys and values, body is inert", () => {
      const out = renderMarkdown(doc);
      const { keys, values, body } = splitFrontMatter(out);
      expect(keys).toEqual(FRONT_MATTER_KEYS.markdown);
      expect(values.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      // eslint-disable-next-line no-control-regex -- the controls sanitiseText drops
      expect(values.event).toBe(payload.replace(/[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, ""));
      expectInertMarkdown(body);
    });

    it("HTML fragment and page contain only allowed tags, attributes and links", () => {
      expectInertHtml(renderHtmlFragment(doc));
      const page = renderHtmlPage(doc);
      expectInertHtml(page);
      expect(page.match(/<title>/g)).toHaveLength(1);
      expect(page.match(/<\/title>/g)).toHaveLength(1);
    });

    it("JSON keeps the data exactly and hides nothing", () => {
      const out = renderJson(doc);
      expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(doc)));
      expectNoBidiOrControls(out);
      expect(out).not.toContain("</script");
    });

    it.each(["hugo", "jekyll"] as const)(
      "%s: safe paths, intact front matter, no template syntax in content",
      (flavour) => {
        const files = renderStaticSite(doc.conference, [doc, doc], flavour);
        for (const f of files) {
          expect(f.path).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/);
          expect(f.path.split("/")).not.toContain("..");
          expectNoBidiOrControls(f.content);
        }
        const posts = files.filter((f) => /^(content\/posts|_posts|_drafts)\//.test(f.path));
        expect(posts).toHaveLength(2);
        for (const post of posts) {
          const { keys, body } = splitFrontMatter(post.content);
          expect(keys).toEqual(FRONT_MATTER_KEYS[flavour]);
          expectInertMarkdown(body);
        }
        // Content and config files are ours to keep template-free; only layouts hold template code.
        for (const f of files.filter((f) => !f.path.includes("layouts/"))) {
          expect(f.content, f.path).not.toMatch(/[{}]/);
        }
      },
    );
  },
);

describe("XSS suite sanity", () => {
  it("the hostile document really carries payloads into the output", () => {
    const md = renderMarkdown(hostileDocument("<script>alert(1)</script>"));
    expect(md).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const html = renderHtmlFragment(hostileDocument("javascript:alert(1)"));
    expect(html).toContain("javascript:alert(1)");
    expect(html).not.toMatch(/<a [^>]*href="javascript/); // the author's https link is the only link
    const hugo = renderStaticSite(hostileDocument("{{< x >}}").conference, [hostileDocument("{{< x >}}")], "hugo");
    expect(hugo.find((f) => f.path.startsWith("content/posts/"))?.content).toContain(
      "&#123;&#123;&lt; x &gt;&#125;&#125;",
    );
  });

  it("the checks catch what they are meant to catch", () => {
    expect(() => expectInertHtml('<p><img src=x onerror="alert(1)"></p>')).toThrow();
    expect(() => expectInertHtml('<a href="javascript:alert(1)">x</a>')).toThrow();
    expect(() => expectInertMarkdown("- [x](javascript:alert(1))")).toThrow();
    expect(() => expectInertMarkdown("<script>")).toThrow();
  });
});
