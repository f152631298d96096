import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { assertPanelBuilt } from '../support/panelBuild.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';
import {
  openInZoomClient,
  ZOOM_TEST_APP,
  type ZoomCall,
  type ZoomClient,
  type ZoomPerson,
} from '../support/zoomClientStandIn.ts';

const ARTIFACTS = join(import.meta.dirname, '../../test-results/screenshots');

/**
 * Every refusal the client made: an app that follows Zoom's rules meets none. An event Zoom does
 * not send this person (`withheld`: their role, guest mode) is Zoom's rule, not the app's fault.
 */
const refusals = (calls: readonly ZoomCall[]) =>
  calls.filter((call) => !['ok', 'sent', 'withheld'].includes(call.outcome));

describe.skipIf(!hasChromium())('Cercle as a Zoom App, in a stand-in Zoom client', () => {
  let server: ServerProcess;
  let browser: Browser;
  const opened: ZoomClient[] = [];

  beforeAll(async () => {
    assertPanelBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer({
      env: {
        ZOOM_CLIENT_ID: ZOOM_TEST_APP.clientId,
        ZOOM_CLIENT_SECRET: ZOOM_TEST_APP.clientSecret,
      },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const client of opened) await client.close();
    await browser?.close();
    await server?.dispose();
  });

  async function openInZoom(person: ZoomPerson): Promise<ZoomClient> {
    const client = await openInZoomClient(browser, server.url, person);
    opened.push(client);
    return client;
  }

  async function setUpAsHost(host: ZoomClient, groupName: string) {
    await host.app.getByTestId('group-name').fill(groupName);
    await host.app.getByRole('button', { name: 'Ouvrir la séance' }).click();
    await host.app.locator('[data-testid="my-role"][data-role="facilitator"]').waitFor();
  }

  it('refuses the Home URL without a Zoom context', async () => {
    const response = await fetch(`${server.url}/zoom/home`);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('Ouvrez Cercle depuis une réunion Zoom');
  });

  it('a host and two attendees share one session: the host facilitates, the others see their roles', async () => {
    const meetingUuid = 'meeting-shared==';
    // An attendee opens Cercle before the host: told to wait, then let in by itself.
    const bo = await openInZoom({
      uid: 'u-bo',
      screenName: 'Bo',
      attendrole: 'participant',
      meetingUuid,
    });
    await bo.app.getByTestId('zoom-waiting').waitFor();

    const host = await openInZoom({
      uid: 'u-awa',
      screenName: 'Awa',
      attendrole: 'host',
      meetingUuid,
    });
    await setUpAsHost(host, 'Codev des directions');

    const chloe = await openInZoom({
      uid: 'u-chloe',
      screenName: 'Chloé',
      attendrole: 'participant',
      meetingUuid,
    });
    await chloe.app.locator('[data-testid="my-role"][data-role="consultant"]').waitFor();
    await bo.app
      .locator('[data-testid="my-role"][data-role="consultant"]')
      .waitFor({ timeout: 15_000 });

    // The real SDK configured exactly the manifest's APIs, through the client.
    const config = (await host.calls()).find((call) => call.api === 'config');
    const asked = config?.data as { js_api_lists: string[] } | undefined;
    expect(asked?.js_api_lists).toEqual(
      expect.arrayContaining([
        'getRunningContext',
        'onBreakoutRoomChange',
        'getAppContext',
        'openUrl',
        'sendAppInvitationToAllParticipants',
      ]),
    );

    await host.app.getByLabel('Rôle de Chloé').selectOption('client');
    await host.app.getByRole('button', { name: 'Démarrer la séance' }).click();
    await host.app.getByRole('button', { name: /Étape suivante/ }).click();
    await host.app.getByRole('button', { name: 'Inviter tout le monde à ouvrir Cercle' }).click();
    await host.app.getByRole('button', { name: 'Invitation envoyée' }).waitFor();
    expect(
      (await host.calls()).some(
        (call) => call.api === 'sendAppInvitationToAllParticipants' && call.outcome === 'ok',
      ),
    ).toBe(true);

    await chloe.app.locator('[data-testid="my-role"][data-role="client"]').waitFor();
    for (const client of [host, bo, chloe]) {
      await client.app
        .getByTestId('stage-title')
        .filter({ hasText: 'Retour du client précédent' })
        .waitFor();
      expect(await client.app.getByTestId('stage-position').textContent()).toContain(
        'Étape 2 sur 11',
      );
      expect(refusals(await client.calls())).toEqual([]);
    }
    const roster = await bo.app.getByTestId('roster').textContent();
    expect(roster).toContain('Awa');
    expect(roster).toContain('Chloé');
    for (const [name, client] of [
      ['host', host],
      ['attendee', bo],
      ['client', chloe],
    ] as const)
      await client.page.screenshot({
        path: join(ARTIFACTS, `zoom-360-${name}.png`),
        fullPage: true,
      });
  });

  it('follows the next session and the cycle page inside Zoom, the page URL never changing', async () => {
    const meetingUuid = 'meeting-next==';
    const host = await openInZoom({
      uid: 'u-nina',
      screenName: 'Nina',
      attendrole: 'host',
      meetingUuid,
    });
    await setUpAsHost(host, 'Codev des cadres');
    const omar = await openInZoom({
      uid: 'u-omar',
      screenName: 'Omar',
      attendrole: 'participant',
      meetingUuid,
    });
    await omar.app.locator('[data-testid="my-role"][data-role="consultant"]').waitFor();
    const homeUrl = await host.appUrl();
    expect(new URL(homeUrl).pathname).toBe('/zoom/home');

    await host.app.getByRole('button', { name: 'Démarrer la séance' }).click();
    await host.app.getByRole('button', { name: 'Terminer la séance' }).click();
    await host.app.getByRole('button', { name: 'Confirmer' }).click();
    await omar.app.getByTestId('ended').waitFor();

    // The cycle page and back, in memory.
    await host.app.getByTestId('open-cycle').click();
    await host.app.getByTestId('cycle').waitFor();
    await host.app.getByRole('button', { name: 'Revenir à la séance' }).click();
    await host.app.getByTestId('ended').waitFor();

    // The facilitator opens the group's next session; the member follows with one click.
    await host.app.getByTestId('open-next').click();
    await host.app.getByRole('button', { name: 'Démarrer la séance' }).waitFor();
    await omar.app.getByTestId('join-next').click();
    await omar.app.getByTestId('stage-title').filter({ hasText: 'Inclusion' }).waitFor();
    await omar.app.getByTestId('ended').waitFor({ state: 'detached' });
    await host.app.getByRole('button', { name: 'Démarrer la séance' }).click();
    await host.app.getByRole('button', { name: /Étape suivante/ }).click();
    await omar.app
      .getByTestId('stage-title')
      .filter({ hasText: 'Retour du client précédent' })
      .waitFor();

    // Zoom's SDK still answers: the URL its config is bound to never changed.
    await host.app.getByRole('button', { name: 'Inviter tout le monde à ouvrir Cercle' }).click();
    await host.app.getByRole('button', { name: 'Invitation envoyée' }).waitFor();
    for (const client of [host, omar]) {
      expect(await client.appUrl()).toBe(homeUrl);
      const calls = await client.calls();
      expect(refusals(calls)).toEqual([]);
      expect(calls.filter((call) => call.api === 'config')).toHaveLength(1);
    }
  });

  /** The person this Zoom client's Cercle is, in each session it entered (its own storage). */
  const seats = (client: ZoomClient) =>
    client.app.locator('body').evaluate(() => {
      const found: Record<string, string> = {};
      for (let i = 0; i < localStorage.length; i += 1) {
        const key = localStorage.key(i) ?? '';
        const seat = key.startsWith('cercle:session:') && JSON.parse(localStorage.getItem(key)!);
        if (seat) found[key.slice('cercle:session:'.length)] = seat.personId;
      }
      return found;
    });

  it('a group’s next session in the next meeting: the host picks the group, members stay who they were, a recurring meeting proposes it first', async () => {
    const series = '84012345678';
    const member = (meetingUuid: string) =>
      openInZoom({ uid: 'u-sami', screenName: 'Sami', attendrole: 'participant', meetingUuid });
    const host = (meetingUuid: string, meetingNumber: string) =>
      openInZoom({
        uid: 'u-rita',
        screenName: 'Rita',
        attendrole: 'host',
        meetingUuid,
        meetingNumber,
      });
    const endSession = async (client: ZoomClient) => {
      await client.app.getByRole('button', { name: 'Démarrer la séance' }).click();
      await client.app.getByRole('button', { name: 'Terminer la séance' }).click();
      await client.app.getByRole('button', { name: 'Confirmer' }).click();
      await client.app.getByTestId('ended').waitFor();
    };

    // Session 1, in meeting A.
    const hostA = await host('meeting-cycle-a==', '84000000000');
    await setUpAsHost(hostA, 'Codev des managers');
    const samiA = await member('meeting-cycle-a==');
    await samiA.app.locator('[data-testid="my-role"][data-role="consultant"]').waitFor();
    await endSession(hostA);
    const [[sessionA, samiPerson]] = Object.entries(await seats(samiA)) as [[string, string]];

    // Meeting B, a meeting of its own: the host is offered the group, and picks it.
    const hostB = await host('meeting-cycle-b==', series);
    const group = hostB.app.getByRole('radio', { name: /Codev des managers/ });
    await group.waitFor();
    expect(await group.isChecked()).toBe(false);
    expect(await hostB.app.getByTestId('zoom-group').textContent()).toContain('Séance 2');
    await hostB.page.screenshot({
      path: join(ARTIFACTS, 'zoom-360-setup-groups.png'),
      fullPage: true,
    });
    await group.check();
    await hostB.app.getByRole('button', { name: 'Ouvrir la séance 2' }).click();
    await hostB.app.locator('[data-testid="my-role"][data-role="facilitator"]').waitFor();

    // Sami, who was in session 1, opens Cercle in meeting B: the same person, in session 2.
    const samiB = await member('meeting-cycle-b==');
    await samiB.app.locator('[data-testid="my-role"][data-role="consultant"]').waitFor();
    const [[sessionB, samiPersonB]] = Object.entries(await seats(samiB)) as [[string, string]];
    expect(sessionB).not.toBe(sessionA);
    expect(samiPersonB).toBe(samiPerson);

    // The cycle page, read from meeting B, shows both sessions, Sami at each.
    await endSession(hostB);
    await samiB.app.getByTestId('open-cycle').click();
    const cycleSessions = samiB.app.getByTestId('cycle-session');
    await expect.poll(() => cycleSessions.count()).toBe(2);
    for (const text of await cycleSessions.allTextContents()) expect(text).toContain('Sami');

    // From the panel, Rita plans the next session, bound to no meeting yet.
    await hostB.app.getByTestId('open-next').click();
    await hostB.app.getByRole('button', { name: 'Démarrer la séance' }).waitFor();

    // Meeting B's next occurrence (same number, a UUID of its own): the group comes first,
    // chosen, and its planned session is held there rather than a fourth opened.
    const hostC = await host('meeting-cycle-c==', series);
    const usual = hostC.app.getByRole('radio', { name: /Codev des managers/ });
    await usual.waitFor();
    expect(await usual.isChecked()).toBe(true);
    const offered = (await hostC.app.getByTestId('zoom-group').textContent()) ?? '';
    expect(offered).toContain('Habituel dans cette réunion');
    expect(offered).toContain('Séance 3 – déjà ouverte');
    await hostC.app.getByRole('button', { name: 'Ouvrir la séance 3' }).click();
    await hostC.app.locator('[data-testid="my-role"][data-role="facilitator"]').waitFor();
    const samiC = await member('meeting-cycle-c==');
    await samiC.app.locator('[data-testid="my-role"][data-role="consultant"]').waitFor();
    expect(Object.values(await seats(samiC))).toEqual([samiPerson]);
    await endSession(hostC);
    await samiC.app.getByTestId('open-cycle').click();
    await expect.poll(() => samiC.app.getByTestId('cycle-session').count()).toBe(3);

    for (const client of [hostA, samiA, hostB, samiB, hostC, samiC])
      expect(refusals(await client.calls())).toEqual([]);
    // Zoom told the hosts the meeting's number, and nobody else was asked.
    expect((await hostC.calls()).some((call) => call.api === 'getMeetingContext')).toBe(true);
    expect((await samiC.calls()).some((call) => call.api === 'getMeetingContext')).toBe(false);
  });

  it('opened from the main client, tells the person to open Cercle from a meeting', async () => {
    // Zoom's main client sends a context without a meeting: the server answers for it.
    const sam = await openInZoom({
      uid: 'u-sam',
      screenName: 'Sam',
      attendrole: 'host',
      meetingUuid: 'unused==',
      runningContext: 'inMainClient',
    });
    await sam.app.getByText('ouvrez-le depuis le bouton Applications d’une réunion Zoom').waitFor();
    expect(refusals(await sam.calls())).toEqual([]);

    // A panel whose running context leaves the meeting says the same, from Zoom's own word.
    const ana = await openInZoom({
      uid: 'u-ana',
      screenName: 'Ana',
      attendrole: 'host',
      meetingUuid: 'meeting-context==',
    });
    await ana.app.getByTestId('group-name').waitFor();
    await ana.changeRunningContext('inMainClient');
    await ana.app
      .getByTestId('zoom-not-in-meeting')
      .getByText('ouvrez-le depuis le bouton Applications d’une réunion Zoom')
      .waitFor();
    expect(refusals(await ana.calls())).toEqual([]);
  });

  it('moves to a breakout room and back without a reload, saying so', async () => {
    const meetingUuid = 'meeting-rooms==';
    const host = await openInZoom({
      uid: 'u-ines',
      screenName: 'Inès',
      attendrole: 'host',
      meetingUuid,
    });
    await setUpAsHost(host, 'Codev des soignants');
    const bo = await openInZoom({
      uid: 'u-bo2',
      screenName: 'Bo',
      attendrole: 'participant',
      meetingUuid,
    });
    await bo.app.locator('[data-testid="my-role"][data-role="consultant"]').waitFor();
    const homeUrl = await bo.appUrl();

    // Bo goes first: the room has no session yet, and Bo may not set one up.
    await bo.moveToBreakoutRoom('room-1==');
    await bo.app.getByTestId('zoom-waiting').waitFor();
    await bo.app.getByTestId('zoom-notice-room').getByText('salle de sous-groupe').waitFor();
    // The host follows and sets the room's session up; Bo is let in by itself.
    await host.moveToBreakoutRoom('room-1==');
    await setUpAsHost(host, 'Salle 1');
    await bo.app.getByRole('heading', { name: 'Salle 1' }).waitFor({ timeout: 15_000 });
    await bo.app.locator('[data-testid="my-role"][data-role="consultant"]').waitFor();

    // Back in the main meeting: its session again, with the same seats.
    await bo.returnToMainMeeting();
    await host.returnToMainMeeting();
    for (const client of [bo, host])
      await client.app.getByRole('heading', { name: 'Codev des soignants' }).waitFor();
    await bo.app.getByTestId('zoom-notice-room').getByText('réunion principale').waitFor();
    await host.app.locator('[data-testid="my-role"][data-role="facilitator"]').waitFor();
    const roster = (await host.app.getByTestId('roster').textContent()) ?? '';
    expect(roster.match(/Bo/g)).toHaveLength(1);

    expect(await bo.appUrl()).toBe(homeUrl);
    const calls = await bo.calls();
    expect(refusals(calls)).toEqual([]);
    expect(calls.filter((call) => call.api === 'getAppContext')).toHaveLength(2);
    await bo.page.screenshot({ path: join(ARTIFACTS, 'zoom-360-breakout.png'), fullPage: true });
  });

  it('in guest mode, the refused invitation is said, not thrown', async () => {
    const guest = await openInZoom({
      uid: null,
      screenName: 'Gaëlle',
      attendrole: 'host',
      meetingUuid: 'meeting-guest==',
    });
    const problems: string[] = [];
    guest.page.on('pageerror', (error) => problems.push(error.message));
    // An unhandled rejection reaches the console as "Uncaught (in promise)", from any frame.
    guest.page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Uncaught'))
        problems.push(message.text());
    });
    await setUpAsHost(guest, 'Codev invité');
    await guest.app.getByRole('button', { name: 'Inviter tout le monde à ouvrir Cercle' }).click();
    await guest.app
      .getByTestId('zoom-invite-failed')
      .getByText('En invité (sans Cercle ajouté à votre compte Zoom), on ne peut pas inviter')
      .waitFor();
    expect(
      (await guest.calls()).find((call) => call.api === 'sendAppInvitationToAllParticipants')
        ?.outcome,
    ).toBe('guestMode');
    // Zoom posts a guest's message in the chat (guest mode: yes), but tells no guest who speaks.
    await guest.app
      .getByRole('button', { name: 'Publier le lien de la séance dans la discussion' })
      .click();
    await guest.app
      .getByTestId('zoom-chat-outcome')
      .getByText('Publié dans la discussion')
      .waitFor();
    expect(guest.chat()).toHaveLength(1);
    await guest.app.getByTestId('zoom-balance-toggle').click();
    await guest.app
      .getByTestId('zoom-balance-problem')
      .getByText(
        'En invité (sans Cercle ajouté à votre compte Zoom), Zoom n’indique pas qui parle.',
      )
      .waitFor();
    expect(guest.chat()).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it('opens a summary through Zoom’s openUrl, and says so when it cannot', async () => {
    const host = await openInZoom({
      uid: 'u-lea',
      screenName: 'Léa',
      attendrole: 'host',
      meetingUuid: 'meeting-summary==',
    });
    await setUpAsHost(host, 'Codev des RH');
    await host.app.getByRole('button', { name: 'Démarrer la séance' }).click();
    await host.app.getByRole('button', { name: 'Terminer la séance' }).click();
    await host.app.getByRole('button', { name: 'Confirmer' }).click();
    await host.app.getByTestId('ended').waitFor();
    let popups = 0;
    host.page.context().on('page', () => {
      popups += 1;
    });

    // Without a link the person's browser could open, nothing opens and the person is told.
    await host.page.route('**/api/file-links', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: '{"error":{"code":"sessionNotFound","message":"No such route."}}',
      }),
    );
    await host.app.getByTestId('export-print').click();
    await host.app
      .getByTestId('file-outcome')
      .getByText('Cercle n’a pas pu préparer ce fichier')
      .waitFor();
    expect((await host.calls()).some((call) => call.api === 'openUrl')).toBe(false);

    // With the server's single-use link, Zoom opens it in the person's browser, which can fetch it.
    await host.page.unroute('**/api/file-links');
    await host.app.getByTestId('export-print').click();
    await host.app
      .getByTestId('file-outcome')
      .getByText('Zoom ouvre le fichier dans votre navigateur')
      .waitFor();
    const openUrl = (await host.calls()).filter((call) => call.api === 'openUrl');
    expect(openUrl).toEqual([expect.objectContaining({ outcome: 'ok' })]);
    const opened = (openUrl[0]?.data as { url?: string } | undefined)?.url ?? '';
    expect(opened).toMatch(/\/summary\?format=html&lang=fr&access=[\w-]+$/);
    const page = await fetch(opened);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Codev des RH');
    // Single-use: the address is worth nothing once opened.
    expect((await fetch(opened)).status).toBe(410);
    expect(popups).toBe(0);
  });

  /** Waits until Zoom runs this person's Cercle where `expected` says. */
  const inContext = (client: ZoomClient, expected: string) =>
    expect.poll(() => client.runningContext(), { timeout: 15_000 }).toBe(expected);

  const role = (client: ZoomClient, name: string) =>
    client.app.locator(`[data-testid="my-role"][data-role="${name}"]`).waitFor({ timeout: 15_000 });

  it('Collaborate: the facilitator starts it, Zoom offers it to all, three participants land on the same session with their roles', async () => {
    const meetingUuid = 'meeting-collaborate==';
    const host = await openInZoom({
      uid: 'u-mia',
      screenName: 'Mia',
      attendrole: 'host',
      meetingUuid,
    });
    await setUpAsHost(host, 'Codev des managers');
    const people = {} as Record<'chloe' | 'bo' | 'dan', ZoomClient>;
    for (const [key, screenName] of [
      ['chloe', 'Chloé'],
      ['bo', 'Bo'],
      ['dan', 'Dan'],
    ] as const) {
      people[key] = await openInZoom({
        uid: `u-collab-${key}`,
        screenName,
        attendrole: 'participant',
        meetingUuid,
      });
      await role(people[key], 'consultant');
    }
    const { chloe, bo, dan } = people;
    await host.app.getByLabel('Rôle de Chloé').selectOption('client');
    await host.app.getByLabel('Rôle de Dan').selectOption('observer');
    await role(chloe, 'client');
    await role(dan, 'observer');
    // Dan closes Cercle's panel: only Zoom itself can offer him to come back.
    await dan.closeApp();

    await host.app
      .getByRole('button', { name: 'Lancer Collaborer : tout le monde ouvre Cercle' })
      .click();
    await host.app
      .getByTestId('zoom-collaborate-outcome')
      .getByText('Collaborer est lancé : Zoom propose à chaque participant de rejoindre')
      .waitFor();
    await inContext(host, 'inCollaborate');
    // Zoom's own offer reaches everyone; Cercle's panels that are open offer it too.
    for (const client of [chloe, bo, dan]) await client.collaborateOffer.waitFor();
    for (const client of [chloe, bo])
      await client.app
        .getByTestId('zoom-collaborate-bar')
        .getByText('L’animateur a lancé Collaborer')
        .waitFor();

    // Chloé joins from Cercle (no reload); Bo and Dan accept Zoom's offer (Zoom opens Cercle).
    await chloe.app.getByRole('button', { name: 'Rejoindre Collaborer' }).click();
    await bo.acceptCollaborateOffer();
    await dan.acceptCollaborateOffer();
    for (const client of [chloe, bo, dan]) await inContext(client, 'inCollaborate');
    for (const [client, expected] of [
      [host, 'facilitator'],
      [chloe, 'client'],
      [bo, 'consultant'],
      [dan, 'observer'],
    ] as const) {
      await role(client, expected);
      await client.app.getByRole('heading', { name: 'Codev des managers' }).waitFor();
      await client.app
        .getByTestId('zoom-collaborate-bar')
        .getByText('Vous êtes dans Collaborer')
        .waitFor();
    }
    // The same session, live: the facilitator moves it on and everyone follows.
    await host.app.getByRole('button', { name: 'Démarrer la séance' }).click();
    await host.app.getByRole('button', { name: /Étape suivante/ }).click();
    for (const client of [chloe, bo, dan])
      await client.app
        .getByTestId('stage-title')
        .filter({ hasText: 'Retour du client précédent' })
        .waitFor();
    const roster = (await host.app.getByTestId('roster').textContent()) ?? '';
    for (const name of ['Chloé', 'Bo', 'Dan']) expect(roster.split(name)).toHaveLength(2);
    // Zoom opened Bo's Cercle again at its Home URL; every panel configured for Collaborate.
    expect(new URL(await bo.appUrl()).pathname).toBe('/zoom/home');
    for (const client of [host, chloe, bo, dan]) expect(refusals(await client.calls())).toEqual([]);
    await host.page.screenshot({
      path: join(ARTIFACTS, 'zoom-360-collaborate.png'),
      fullPage: true,
    });

    // Bo leaves: back in the side panel, same session, same role, offered to come back.
    await bo.app.getByRole('button', { name: 'Quitter Collaborer' }).click();
    await inContext(bo, 'inMeeting');
    await bo.app.getByRole('button', { name: 'Rejoindre Collaborer' }).waitFor();
    await role(bo, 'consultant');

    // The facilitator ends it for everyone: each keeps Cercle, on the same session.
    await host.app.getByRole('button', { name: 'Terminer Collaborer pour tout le monde' }).click();
    await host.app
      .getByTestId('zoom-collaborate-outcome')
      .getByText('Collaborer est terminé')
      .waitFor();
    for (const client of [host, chloe, dan]) await inContext(client, 'inMeeting');
    for (const client of [host, chloe, bo, dan])
      await client.app.getByTestId('zoom-collaborate-bar').waitFor({ state: 'detached' });
    await role(chloe, 'client');
    await role(dan, 'observer');
    for (const client of [host, chloe, bo, dan]) expect(refusals(await client.calls())).toEqual([]);
  });

  it('Collaborate refused says why: a guest, a breakout room, a Marketplace app without it', async () => {
    const guest = await openInZoom({
      uid: null,
      screenName: 'Gaëlle',
      attendrole: 'host',
      meetingUuid: 'meeting-collab-guest==',
    });
    await setUpAsHost(guest, 'Codev invité');
    await guest.app
      .getByRole('button', { name: 'Lancer Collaborer : tout le monde ouvre Cercle' })
      .click();
    await guest.app
      .getByTestId('zoom-collaborate-outcome')
      .getByText(
        'En invité (sans Cercle ajouté à votre compte Zoom), Zoom ne permet pas Collaborer',
      )
      .waitFor();
    expect((await guest.calls()).find((c) => c.api === 'startCollaborate')?.outcome).toBe(
      'guestMode',
    );

    const host = await openInZoomClient(
      browser,
      server.url,
      { uid: 'u-noe', screenName: 'Noé', attendrole: 'host', meetingUuid: 'meeting-no-collab==' },
      { collaborateMode: false },
    );
    opened.push(host);
    await setUpAsHost(host, 'Codev sans Collaborer');
    await host.app
      .getByRole('button', { name: 'Lancer Collaborer : tout le monde ouvre Cercle' })
      .click();
    await host.app
      .getByTestId('zoom-collaborate-outcome')
      .getByText('Collaborer n’est pas activé pour Cercle sur la Marketplace Zoom')
      .waitFor();

    const roomHost = await openInZoom({
      uid: 'u-rui',
      screenName: 'Rui',
      attendrole: 'host',
      meetingUuid: 'meeting-collab-rooms==',
    });
    await setUpAsHost(roomHost, 'Codev des salles');
    await roomHost.moveToBreakoutRoom('collab-room-1==');
    await setUpAsHost(roomHost, 'Salle A');
    await roomHost.app
      .getByRole('button', { name: 'Lancer Collaborer : tout le monde ouvre Cercle' })
      .click();
    await roomHost.app
      .getByTestId('zoom-collaborate-outcome')
      .getByText('Zoom ne permet pas Collaborer dans une salle de sous-groupe')
      .waitFor();
    expect((await roomHost.calls()).find((c) => c.api === 'startCollaborate')?.outcome).toBe(
      '10090',
    );
  });

  it('posts the session’s link in the meeting chat, and at the end where each summary is, never its content', async () => {
    const meetingUuid = 'meeting-chat==';
    const host = await openInZoom({
      uid: 'u-zoe',
      screenName: 'Zoé',
      attendrole: 'host',
      meetingUuid,
    });
    await setUpAsHost(host, 'Codev des chefs de projet');
    const ana = await openInZoom({
      uid: 'u-ana2',
      screenName: 'Ana',
      attendrole: 'participant',
      meetingUuid,
    });
    await role(ana, 'consultant');
    const link = `https://marketplace.zoom.us/zoomapp/${ZOOM_TEST_APP.clientId}/context/meeting/target/launch/deeplink`;

    await host.app
      .getByRole('button', { name: 'Publier le lien de la séance dans la discussion' })
      .click();
    await host.app
      .getByTestId('zoom-chat-outcome')
      .getByText('Publié dans la discussion')
      .waitFor();
    expect(ana.chat()).toEqual([
      {
        from: 'Zoé',
        message: `Cercle · Codev des chefs de projet : ouvrez la séance dans cette réunion, ${link} (ou Applications → Cercle). Chacun y retrouve son rôle.`,
      },
    ]);

    // A meeting whose chat is closed: said, not thrown, nothing posted.
    await host.setChatAllowed(false);
    await host.app
      .getByRole('button', { name: 'Publier le lien de la séance dans la discussion' })
      .click();
    await host.app
      .getByTestId('zoom-chat-outcome')
      .getByText('la discussion de la réunion est peut-être fermée')
      .waitFor();
    await host.setChatAllowed(true);

    // In Collaborate, Zoom does not take chat posts from apps: the facilitator is told what to do.
    await host.app
      .getByRole('button', { name: 'Lancer Collaborer : tout le monde ouvre Cercle' })
      .click();
    await inContext(host, 'inCollaborate');
    await host.app
      .getByRole('button', { name: 'Publier le lien de la séance dans la discussion' })
      .click();
    await host.app
      .getByTestId('zoom-chat-outcome')
      .getByText('Dans Collaborer, Zoom ne laisse pas publier dans la discussion')
      .waitFor();
    await host.app.getByRole('button', { name: 'Terminer Collaborer pour tout le monde' }).click();
    await inContext(host, 'inMeeting');

    // Ana writes a note only she may read; the session ends; the chat says where summaries are.
    await ana.app.getByTestId('notes').fill('Ma note très personnelle');
    await host.app.getByRole('button', { name: 'Démarrer la séance' }).click();
    await host.app.getByRole('button', { name: 'Terminer la séance' }).click();
    await host.app.getByRole('button', { name: 'Confirmer' }).click();
    await host.app
      .getByRole('button', { name: 'Publier dans la discussion où trouver sa synthèse' })
      .click();
    await host.app
      .getByTestId('zoom-chat-outcome')
      .getByText('Publié dans la discussion')
      .waitFor();
    const last = ana.chat().at(-1)?.message ?? '';
    expect(last).toBe(
      `Cercle · Codev des chefs de projet : la séance est terminée. Chacun retrouve sa propre synthèse dans Cercle, ${link}, puis « Exporter ma synthèse » : elle ne contient que ce que vous pouvez lire.`,
    );
    expect(last).not.toContain('Ma note');
    expect(last).not.toContain('access=');
    expect(refusals(await host.calls()).map((c) => c.outcome)).toEqual([
      'chatDisabled',
      'notInRunningContext',
    ]);
  });

  it('a hidden panel hears stage changes and time up through Zoom’s notifications, guests included', async () => {
    const meetingUuid = 'meeting-cues==';
    const host = await openInZoom({
      uid: 'u-eva',
      screenName: 'Eva',
      attendrole: 'host',
      meetingUuid,
    });
    await setUpAsHost(host, 'Codev des infirmières');
    const bo = await openInZoom({
      uid: 'u-bo3',
      screenName: 'Bo',
      attendrole: 'participant',
      meetingUuid,
    });
    const guest = await openInZoom({
      uid: null,
      screenName: 'Gus',
      attendrole: 'participant',
      meetingUuid,
    });
    const dnd = await openInZoom({
      uid: 'u-dnd',
      screenName: 'Dina',
      attendrole: 'participant',
      meetingUuid,
    });
    for (const client of [bo, guest, dnd]) await role(client, 'consultant');
    await host.app.getByRole('button', { name: 'Démarrer la séance' }).click();
    for (const client of [bo, guest, dnd])
      await client.app.getByTestId('stage-title').filter({ hasText: 'Inclusion' }).waitFor();
    // Bo, Gus and Dina hide Cercle's panel; Dina's Zoom is in do-not-disturb.
    for (const client of [bo, guest, dnd]) await client.setAppVisible(false);
    await dnd.setDoNotDisturb(true);

    await host.app.getByRole('button', { name: /Étape suivante/ }).click();
    const stageCue = {
      type: 'info',
      title: 'Cercle · Codev des infirmières',
      message: 'Étape 2 sur 11 : Retour du client précédent. Parole au client.',
    };
    for (const client of [bo, guest])
      await expect.poll(() => client.notifications(), { timeout: 15_000 }).toEqual([stageCue]);
    await dnd.app
      .getByTestId('zoom-notice-cue')
      .getByText('Zoom n’a pas affiché la notification de Cercle')
      .waitFor();

    // Time up: the facilitator starts the timer and takes its minutes away.
    await host.app.getByRole('button', { name: 'Démarrer', exact: true }).click();
    await host.app.locator('[data-testid="timer"][data-status="running"]').waitFor();
    for (let minute = 0; minute < 11; minute += 1)
      await host.app.getByRole('button', { name: '−1 min' }).click();
    await host.app.locator('[data-testid="timer"][data-tone="overtime"]').waitFor();
    await expect
      .poll(async () => (await bo.notifications()).at(-1), { timeout: 15_000 })
      .toEqual({
        type: 'warning',
        title: 'Cercle · Codev des infirmières',
        message: 'Temps écoulé pour « Retour du client précédent ».',
      });

    // Once Bo looks at his panel again, the next stage change stays in it.
    await bo.setAppVisible(true);
    await host.app.getByRole('button', { name: /Étape suivante/ }).click();
    await bo.app.getByTestId('stage-title').filter({ hasText: 'Choix du sujet' }).waitFor();
    await expect
      .poll(async () => (await guest.notifications()).length, { timeout: 15_000 })
      .toBe(3);
    expect(await bo.notifications()).toHaveLength(2);
    // The facilitator, looking at the panel, got none.
    expect(await host.notifications()).toEqual([]);
    expect(refusals(await bo.calls())).toEqual([]);
    expect(refusals(await guest.calls())).toEqual([]);
    expect(refusals(await dnd.calls()).map((c) => c.outcome)).toContain('10042');
  });

  it('the speaking balance: off by default, announced in the chat, for the facilitator only, by role', async () => {
    const meetingUuid = 'meeting-balance==';
    const host = await openInZoom({
      uid: 'u-lou',
      screenName: 'Lou',
      attendrole: 'host',
      meetingUuid,
    });
    await setUpAsHost(host, 'Codev des directeurs');
    const chloe = await openInZoom({
      uid: 'u-chloe3',
      screenName: 'Chloé',
      attendrole: 'participant',
      meetingUuid,
    });
    const bo = await openInZoom({
      uid: 'u-bo4',
      screenName: 'Bo',
      attendrole: 'participant',
      meetingUuid,
    });
    await role(chloe, 'consultant');
    await role(bo, 'consultant');
    await host.app.getByLabel('Rôle de Chloé').selectOption('client');
    await role(chloe, 'client');

    const toggle = host.app.getByTestId('zoom-balance-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await host.app.getByTestId('zoom-balance').count()).toBe(0);
    await toggle.click();
    await host.app.getByTestId('zoom-balance').waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(chloe.chat()).toEqual([
      {
        from: 'Lou',
        message:
          'Cercle · Codev des directeurs : l’animateur mesure l’équilibre de parole, c’est-à-dire la part du temps de parole de chaque rôle à chaque étape. Visible par lui seul, rien n’est enregistré.',
      },
    ]);

    await host.meetingSpeakers(['Chloé']);
    await host.app.locator('[data-testid="zoom-balance"] li[data-group="client"]').waitFor();
    await host.meetingSpeakers(['Bo']);
    await host.app.locator('[data-testid="zoom-balance"] li[data-group="consultant"]').waitFor();
    const shares = await host.app.locator('[data-testid="zoom-balance"] li').allTextContents();
    expect(shares.join(' ')).toMatch(/Client\s*: \d+ %/);
    expect(shares.join(' ')).not.toMatch(/Chloé|Bo/);
    // Zoom sends who speaks to hosts and co-hosts only: the participants' apps never heard it.
    for (const client of [chloe, bo]) {
      const heard = (await client.calls()).filter((c) => c.api === 'onActiveSpeakerChange');
      expect(heard.map((c) => c.outcome)).toEqual(['withheld', 'withheld']);
      expect(await client.app.getByTestId('zoom-balance').count()).toBe(0);
    }

    await host.app.getByRole('button', { name: 'Arrêter l’équilibre de parole' }).click();
    await host.app.getByTestId('zoom-balance').waitFor({ state: 'detached' });
    await expect
      .poll(() => chloe.chat().at(-1)?.message)
      .toBe('Cercle · Codev des directeurs : l’équilibre de parole est arrêté.');
  });
});
