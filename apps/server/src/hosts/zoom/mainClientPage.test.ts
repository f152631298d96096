import { describe, expect, it } from 'vitest';
import { renderMainClientPage } from './mainClientPage.ts';

describe('the main client page', () => {
  it('escapes group names and counts sessions in both languages', () => {
    const html = renderMainClientPage([
      { groupId: 'g1', groupName: `<img src=x onerror="alert('x')">`, sessionCount: 3 },
      { groupId: 'g2', groupName: 'Codev DSI', sessionCount: 1 },
    ]);
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=&#34;alert(&#39;x&#39;)&#34;&#62;');
    expect(html).toContain('3 séances · <span lang="en">3 sessions</span>');
    expect(html).toContain('1 séance · <span lang="en">1 session</span>');
  });

  it('keeps to the instructions for someone who facilitated nothing', () => {
    const html = renderMainClientPage([]);
    expect(html).toContain('ouvrez-le depuis le bouton Applications d’une réunion Zoom');
    expect(html).not.toContain('<ul');
  });
});
