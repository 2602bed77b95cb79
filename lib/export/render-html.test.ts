import { describe, expect, it } from "vitest";
import { igniteDocument } from "./fixtures/ignite-document";
import { panelDocument } from "./fixtures/panel-document";
import { renderHtmlFragment, renderHtmlPage } from "./render-html";

describe("renderHtmlFragment", () => {
  it("renders the panel as semantic HTML", () => {
    const html = renderHtmlFragment(panelDocument());
    expect(html).toContain(
      '<p class="event"><strong>OpsCamp</strong>, Portland, OR<br>\n<time datetime="2011-03-04">March 4, 2011</time></p>',
    );
    expect(html).toContain(
      '<p class="panel"><strong>Ada Byrne</strong> (Northwind; CTO, formerly at Contoso)<br>\n<strong>Ben Okafor</strong> (Tailspin Labs)<br>\n<strong>Cleo Marsh</strong></p>',
    );
    expect(html).toContain('<p class="speakers">Moderator: <strong>Dan Price</strong> (Fabrikam)</p>');
    expect(html).toContain(
      '<li class="question">Where do teams go wrong\n<ul>\n<li><strong>Ada</strong>: "start from the work that interrupts you most" <em class="aside">(so true.)</em></li>',
    );
    expect(html).toContain(
      '<li class="question">Question: <strong>Eli</strong>: "focus on money, then on outputs"</li>',
    );
    expect(html).toContain('<li>"everything else is vanity" <em class="aside">(bold claim!)</em></li>');
    expect(html).toContain('<li><em class="aside">(the room is packed)</em></li>');
    expect(html).toContain('<li class="tip"><strong>Tip:</strong> bring one graph to the board, not ten</li>');
    expect(html).toContain(
      'see <a href="https://example.com/slides" rel="nofollow noopener">https://example.com/slides</a>',
    );
    expect(html).not.toMatch(/<script|<style|style=|<h1/);
  });

  it("balances its lists", () => {
    const html = renderHtmlFragment(panelDocument());
    for (const tag of ["ul", "li", "p", "strong", "em"]) {
      expect(html.match(new RegExp(`<${tag}[ >]`, "g"))?.length, tag).toBe(
        html.match(new RegExp(`</${tag}>`, "g"))?.length,
      );
    }
  });

  it("renders Ignite talks as h2 sections with speakers", () => {
    const html = renderHtmlFragment(igniteDocument());
    expect(html).toContain(
      '<h2>Petabytes on a budget</h2>\n<p class="speakers">Speaker: <strong>Tim Lossen</strong> (Wooga)</p>\n<ul>\n<li>use laptop disks</li>',
    );
    expect(html).toContain("<h2>Netomata: puppet for network gear</h2>\n<ul>");
  });

  it("escapes text and links only http(s)/mailto", () => {
    const doc = panelDocument();
    doc.blocks = [{ type: "note", text: "a <b>&amp;</b> javascript:alert(1) mailto:x@y.org", children: [] }];
    expect(renderHtmlFragment(doc)).toContain(
      '<li>a &lt;b&gt;&amp;amp;&lt;/b&gt; javascript:alert(1) <a href="mailto:x@y.org" rel="nofollow noopener">mailto:x@y.org</a></li>',
    );
  });
  it("shows photos from their own addresses (a media library) when given them, escaped, the others as alt text", () => {
    const doc = panelDocument();
    const [a, b] = ["a", "b"].map((c) => c.repeat(64));
    doc.blocks.push(
      { type: "image", hash: a!, alt: "Chart", caption: "", width: 900, height: 600 },
      { type: "image", hash: b!, alt: "Not uploaded", caption: "", width: 10, height: 10 },
    );
    const html = renderHtmlFragment(doc, {
      imageBase: "/ignored/",
      imageUrls: new Map([[a!, 'https://blog.example/up/x.jpg?a=1&b="2"']]),
    });
    expect(html).toContain(
      '<img src="https://blog.example/up/x.jpg?a=1&amp;b=&quot;2&quot;" width="900" height="600" alt="Chart"',
    );
    expect(html).not.toContain("srcset");
    expect(html).not.toContain("/ignored/");
    expect(html).toContain('<p class="photo-missing">[Photo: Not uploaded]</p>');
  });
});

describe("renderHtmlPage", () => {
  it("is a standalone, phone-friendly, dark-mode-aware page without scripts", () => {
    const page = renderHtmlPage(panelDocument());
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain("<title>Talk notes: Selling Ops To The Board (#opscamp)</title>");
    expect(page).toContain("<h1>Talk notes: Selling Ops To The Board (#opscamp)</h1>");
    expect(page).toMatch(/@media \(prefers-color-scheme: dark\)/);
    expect(page).toContain("default-src 'none'");
    expect(page).toContain(renderHtmlFragment(panelDocument()).trimEnd());
    expect(page).not.toMatch(/<script/);
    expect(page.endsWith("</html>\n")).toBe(true);
  });

  it("escapes the title", () => {
    const doc = panelDocument();
    doc.session.title = "</title><script>x</script>";
    expect(renderHtmlPage(doc)).toContain(
      "<title>Talk notes: &lt;/title&gt;&lt;script&gt;x&lt;/script&gt; (#opscamp)</title>",
    );
  });
});
