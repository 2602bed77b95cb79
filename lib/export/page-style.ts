/**
 * The small stylesheet of standalone pages (HTML export and static-site
 * layouts): readable measure, phone-friendly, follows prefers-color-scheme.
 */
export const PAGE_STYLE = `
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fdfdfb; --muted: #5b5b60; --accent: #0b5cad; --aside: #7a4b00; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e8ea; --bg: #161618; --muted: #a3a3aa; --accent: #7cb7ff; --aside: #f0c674; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; -webkit-text-size-adjust: 100%; }
main { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; }
.event, .speakers { color: var(--muted); }
.session-title { font-size: 1.15rem; }
ul { padding-left: 1.25rem; }
li { margin: 0.35rem 0; }
.aside { color: var(--aside); }
a { color: var(--accent); }
.byline { color: var(--muted); font-style: italic; }
.about-author { margin-top: 2rem; padding: 1rem; border: 1px solid color-mix(in srgb, var(--muted) 40%, transparent); border-radius: 8px; overflow: auto; }
.about-author .avatar { float: right; border-radius: 50%; margin-left: 0.75rem; }
`.trim();
