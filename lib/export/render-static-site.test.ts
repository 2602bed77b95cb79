import { describe, expect, it } from "vitest";
import { igniteDocument } from "./fixtures/ignite-document";
import { panelDocument } from "./fixtures/panel-document";
import { renderMarkdown } from "./render-markdown";
import { renderStaticSite } from "./render-static-site";

const byPath = (files: Array<{ path: string; content: string }>) => new Map(files.map((f) => [f.path, f.content]));

describe("renderStaticSite", () => {
  it("hugo: posts, home, config and the layouts Hugo needs", () => {
    const panel = panelDocument();
    const files = renderStaticSite(panel.conference, [panel, igniteDocument()], "hugo");
    expect(files.map((f) => f.path).sort()).toEqual([
      "content/_index.md",
      "content/posts/ignite-talks-1.md",
      "content/posts/selling-ops-to-the-board.md",
      "hugo.toml",
      "layouts/_default/baseof.html",
      "layouts/_default/list.html",
      "layouts/_default/single.html",
      "layouts/index.html",
    ]);
    const site = byPath(files);
    expect(site.get("hugo.toml")).toMatch(/\[markup\.goldmark\.renderer\]\n(?:\s*#.*\n)?\s*unsafe = false\n/);
    expect(site.get("hugo.toml")).toContain('title = "OpsCamp"');
    const post = site.get("content/posts/selling-ops-to-the-board.md")!;
    expect(
      post.startsWith(
        '---\ntitle: "Talk notes: Selling Ops To The Board (#opscamp)"\ndate: "2011-03-04T14:00:00-08:00"\nslug: "selling-ops-to-the-board"\ndraft: false\n',
      ),
    ).toBe(true);
    // Same body as the Markdown export.
    expect(post.split("---\n\n")[1]).toBe(renderMarkdown(panel, { frontMatter: false }));
    expect(site.get("layouts/_default/baseof.html")).toContain('{{ block "main" . }}');
    expect(site.get("layouts/_default/single.html")).toContain("{{ .Content }}");
    expect(site.get("content/_index.md")).toBe('---\ntitle: "OpsCamp"\n---\n\nPortland, OR, March 4, 2011\n');
  });

  it("jekyll: dated posts with layout: post, an index and layouts", () => {
    const panel = panelDocument();
    const undated = igniteDocument();
    undated.conference.startsOn = null;
    const files = renderStaticSite(panel.conference, [panel, undated], "jekyll");
    const site = byPath(files);
    expect([...site.keys()].sort()).toEqual([
      "_config.yml",
      "_drafts/ignite-talks-1.md",
      "_layouts/default.html",
      "_layouts/home.html",
      "_layouts/post.html",
      "_posts/2011-03-04-selling-ops-to-the-board.md",
      "index.md",
    ]);
    expect(
      site
        .get("_posts/2011-03-04-selling-ops-to-the-board.md")!
        .startsWith('---\nlayout: "post"\ntitle: "Talk notes: Selling Ops To The Board (#opscamp)"\n'),
    ).toBe(true);
    expect(site.get("index.md")!.startsWith('---\nlayout: "home"\ntitle: "OpsCamp"\n---\n')).toBe(true);
    expect(site.get("_layouts/post.html")).toContain("{{ page.title | escape }}");
    expect(site.get("_config.yml")).toContain("markdown: kramdown");
  });

  it("marks drafts as drafts: draft: true in Hugo, _drafts/ in Jekyll", () => {
    const panel = panelDocument();
    const ignite = igniteDocument();
    const isDraft = (i: number) => i === 1;
    const hugo = byPath(renderStaticSite(panel.conference, [panel, ignite], "hugo", { isDraft }));
    expect(hugo.get("content/posts/selling-ops-to-the-board.md")).toContain("\ndraft: false\n");
    expect(hugo.get("content/posts/ignite-talks-1.md")).toContain("\ndraft: true\n");
    const jekyll = [...byPath(renderStaticSite(panel.conference, [panel, ignite], "jekyll", { isDraft })).keys()];
    expect(jekyll).toContain("_posts/2011-03-04-selling-ops-to-the-board.md");
    expect(jekyll).toContain("_drafts/ignite-talks-1.md");
    expect(jekyll.filter((p) => p.startsWith("_posts/"))).toHaveLength(1);
  });

  it("gives clashing and hostile slugs safe, distinct paths", () => {
    const a = panelDocument();
    const b = panelDocument();
    b.session.slug = "../../../etc/passwd";
    const c = panelDocument();
    c.session.title = "/";
    const paths = renderStaticSite(a.conference, [a, panelDocument(), b, c], "hugo")
      .map((f) => f.path)
      .filter((p) => p.startsWith("content/posts/"));
    expect(paths).toEqual([
      "content/posts/selling-ops-to-the-board.md",
      "content/posts/selling-ops-to-the-board-2.md",
      "content/posts/etc-passwd.md",
      "content/posts/session.md",
    ]);
  });

  it("neutralises Hugo shortcodes and Liquid in post bodies", () => {
    const doc = panelDocument();
    doc.blocks = [{ type: "note", text: "{{< youtube x >}} {% include x %} {{ site.title }}", children: [] }];
    for (const flavour of ["hugo", "jekyll"] as const) {
      const post = renderStaticSite(doc.conference, [doc], flavour).find((f) =>
        f.path.endsWith("selling-ops-to-the-board.md"),
      )!;
      expect(post.content).toContain(
        "- &#123;&#123;&lt; youtube x &gt;&#125;&#125; &#123;% include x %&#125; &#123;&#123; site.title &#125;&#125;\n",
      );
    }
  });
});
