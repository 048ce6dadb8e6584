import { createHash } from 'node:crypto';

/**
 * The page's only style sheet, inline so the page needs no other request. The Content-Security-Policy allows
 * exactly this text by its hash, so no injected `<style>` or `style=` attribute would apply.
 */
export const PAGE_STYLE = `
:root { color-scheme: light dark; --muted: #666; --line: #ddd; --accent: #0b5fad; }
@media (prefers-color-scheme: dark) { :root { --muted: #aaa; --line: #444; --accent: #7db8ff; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 1rem; font: 16px/1.5 system-ui, sans-serif; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.1rem; margin: 0 0 .25rem; }
a { color: var(--accent); }
nav, .meta, footer { color: var(--muted); font-size: .9rem; }
form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: 1rem 0; }
label { display: flex; flex-direction: column; font-size: .9rem; flex: 1 1 12rem; min-width: 0; }
select, button { font: inherit; padding: .3rem; max-width: 100%; }
select { width: 100%; }
article { border-top: 1px solid var(--line); padding: .75rem 0; }
.kind { display: inline-block; border: 1px solid currentColor; border-radius: .3rem; padding: 0 .3rem; font-size: .8rem; }
.change { font-weight: 600; }
blockquote { margin: .5rem 0; padding-left: .75rem; border-left: 3px solid var(--line); }
ul { margin: .25rem 0; padding-left: 1.25rem; }
`;

/** The `style-src` source expression for {@link PAGE_STYLE}. */
export const PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`;

/**
 * The page's policy: nothing may load or run except the hashed style; forms only submit to this site.
 * No script is allowed at all, since the page works without one.
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${PAGE_STYLE_SOURCE}`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
