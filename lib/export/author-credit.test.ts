import { describe, expect, it } from "vitest";
import type { TalkNotesDocument } from "../interchange/types";
import { panelDocument } from "./fixtures/panel-document";

const PANEL_DOCUMENT = panelDocument();
import { renderHtmlFragment } from "./render-html";
import { renderMarkdown } from "./render-markdown";
import { renderStaticSite } from "./render-static-site";

const withAuthors: TalkNotesDocument = {
  ...PANEL_DOCUMENT,
  authors: [
    {
      name: "Paul Reed",
      bio: "Writes about operations.\n\nLives in Austin.",
      link: "https://paul.example/about",
      avatarUrl: "https://paul.example/me.jpg",
    },
    { name: "Ana Lima" },
  ],
};

describe("note-takers in exports", () => {
  it("Markdown: author front matter, the byline and the About box at the end", () => {
    const md = renderMarkdown(withAuthors);
    expect(md).toContain(
      'author: "Paul Reed"\nauthors: ["Paul Reed", "Ana Lima"]\nauthor_bio: "Writes about operations.\\n\\nLives in Austin."',
    );
    expect(md).toContain('author_link: "https://paul.example/about"');
    expect(
      md
        .trimEnd()
        .endsWith(
          "*Notes by Paul Reed and Ana Lima*\n\n**About Paul Reed**\n\nWrites about operations.\n\nLives in Austin.\n\n<https://paul.example/about>",
        ),
    ).toBe(true);
  });

  it("HTML: byline paragraph and an About box with avatar and link", () => {
    const html = renderHtmlFragment(withAuthors);
    expect(html).toContain('<p class="byline">Notes by Paul Reed and Ana Lima</p>');
    expect(html).toContain('<img class="avatar" src="https://paul.example/me.jpg"');
    expect(html).toContain(
      "<p><strong>About Paul Reed</strong></p>\n<p>Writes about operations.</p>\n<p>Lives in Austin.</p>",
    );
    expect(html).toContain('<a href="https://paul.example/about" rel="author nofollow noopener">');
  });

  it("no authors: no byline, no box, no author keys", () => {
    expect(renderMarkdown(PANEL_DOCUMENT)).not.toMatch(/Notes by|^author/m);
    expect(renderHtmlFragment(PANEL_DOCUMENT)).not.toContain("about-author");
  });

  it("Hugo and Jekyll posts carry the author in front matter", () => {
    for (const flavour of ["hugo", "jekyll"] as const) {
      const post = renderStaticSite(withAuthors.conference, [withAuthors], flavour).find((f) =>
        /^(content\/posts|_posts|_drafts)\//.test(f.path),
      )!;
      expect(post.content).toContain('author: "Paul Reed"');
      expect(post.content).toContain("Notes by Paul Reed and Ana Lima");
    }
  });

  it("a bio without link or the second author's profile never makes a box for someone else", () => {
    const html = renderHtmlFragment({ ...PANEL_DOCUMENT, authors: [{ name: "Ana Lima" }, withAuthors.authors![0]!] });
    expect(html).not.toContain("about-author");
  });
});
