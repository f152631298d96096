import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Boot } from '@cercle/protocol';

/** The panel's index.html with what the server verified written in, for the panel to read first. */
export async function renderBootPage(panelDir: string, boot: Boot): Promise<string | null> {
  let html: string;
  try {
    html = await readFile(join(panelDir, 'index.html'), 'utf8');
  } catch {
    return null;
  }
  // JSON in a non-executed script element: the CSP allows it, and `<` is escaped so it cannot close it.
  const json = JSON.stringify(boot).replace(/</g, '\\u003c');
  return html.replace(
    '<div id="root"></div>',
    `<script id="cercle-boot" type="application/json">${json}</script><div id="root"></div>`,
  );
}

export function messagePage(title: string, lines: { fr: string; en: string }): string {
  const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="fr"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<body style="font-family:system-ui;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5">
<h1 style="font-size:1.3rem">${escapeHtml(title)}</h1><p>${escapeHtml(lines.fr)}</p><p lang="en">${escapeHtml(lines.en)}</p></body></html>`;
}
