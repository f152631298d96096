/** Escapes text for HTML. */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/_\((.+?)\)_/g, '<em>($1)</em>');
}

/**
 * A printable page from a session summary. The summary's Markdown is the small subset
 * `sessionSummary` writes (headings, lists, quotes, bold), so a line-by-line reading is enough;
 * everything people wrote is escaped.
 */
export function printablePage(markdown: string, lang: string, title: string): string {
  const body: string[] = [];
  let list = false;
  for (const line of markdown.split('\n')) {
    const item = /^- (\[ \] )?(.*)$/.exec(line);
    if (!item && list) {
      body.push('</ul>');
      list = false;
    }
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading?.[1] && heading[2] !== undefined) {
      const level = heading[1].length;
      body.push(`<h${level}>${inline(heading[2])}</h${level}>`);
    } else if (item) {
      if (!list) body.push('<ul>');
      list = true;
      body.push(`<li>${item[1] ? '☐ ' : ''}${inline(item[2] ?? '')}</li>`);
    } else if (line.startsWith('> '))
      body.push(`<blockquote>${escapeHtml(line.slice(2))}</blockquote>`);
    // A whole line in underscores is the summary's own emphasis: the confidentiality line.
    else if (/^_[^_].*_$/.test(line)) body.push(`<p><em>${inline(line.slice(1, -1))}</em></p>`);
    else if (line.trim()) body.push(`<p>${inline(line)}</p>`);
  }
  if (list) body.push('</ul>');
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'fr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
  h3 { font-size: 1.05rem; }
  blockquote { margin: 0 0 0 1rem; padding-left: .75rem; border-left: 3px solid #999; white-space: pre-wrap; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
