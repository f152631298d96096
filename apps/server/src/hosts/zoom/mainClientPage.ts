/** A group the person facilitated, as the main client's page lists it. */
export interface FacilitatedGroup {
  readonly groupId: string;
  readonly groupName: string;
  readonly sessionCount: number;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * What Zoom's main client shows when someone opens Cercle outside a meeting: where to open it,
 * and the groups they facilitated. The cycle page reads with a seat in one of the group's
 * sessions, which this page does not hold: it names the groups and says where their cycle opens.
 */
export function renderMainClientPage(groups: readonly FacilitatedGroup[]): string {
  const items = groups
    .map((g) => {
      const plural = g.sessionCount > 1 ? 's' : '';
      return `<li><strong>${escapeHtml(g.groupName)}</strong> : ${g.sessionCount} séance${plural} · <span lang="en">${g.sessionCount} session${plural}</span></li>`;
    })
    .join('');
  const groupSection =
    groups.length === 0
      ? ''
      : `<h2 style="font-size:1.1rem">Vos groupes · <span lang="en">Your groups</span></h2><ul data-testid="groups">${items}</ul>
<p>La page du cycle d’un groupe s’ouvre depuis le panneau d’une de ses séances, dans la réunion : elle demande votre place dans cette séance.</p>
<p lang="en">A group’s cycle page opens from the panel of one of its sessions, in the meeting: it needs your seat in that session.</p>`;
  return `<!doctype html><html lang="fr"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Cercle</title>
<body style="font-family:system-ui;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5">
<h1 style="font-size:1.3rem">Cercle</h1>
<p>Cercle accompagne une réunion : ouvrez-le depuis le bouton Applications d’une réunion Zoom.</p>
<p lang="en">Cercle goes with a meeting: open it from the Apps button of a Zoom meeting.</p>
${groupSection}</body></html>`;
}
