/**
 * Makes rendered Markdown safe to drop into a Hugo or Jekyll content folder:
 * Hugo expands `{{< shortcode >}}` / `{{% shortcode %}}` and Jekyll runs
 * Liquid (`{{ }}`, `{% %}`) over the raw file before Markdown sees it, and
 * kramdown reads `{: attribute lists}`. Braces become the character
 * references `&#123;` / `&#125;`, which no template engine touches and every
 * Markdown parser renders back as braces. Only for Markdown whose braces all
 * come from user text (the exporters' output; autolinks never hold braces).
 */
export function neutraliseTemplateSyntax(markdown: string): string {
  return markdown.replace(/\{/g, "&#123;").replace(/\}/g, "&#125;");
}
