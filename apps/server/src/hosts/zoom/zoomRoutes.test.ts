import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encryptZoomAppContext, makeZoomContextPayload } from '@cercle/host-auth/testing';
import {
  type Boot,
  bootSchema,
  type HostEnterResponse,
  type ZoomTicketResponse,
  zoomAppLinkResponseSchema,
  zoomTicketResponseSchema,
} from '@cercle/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestPanel } from '../../testing/testPanel.ts';
import {
  makeDataDir,
  postJson,
  startTestServer,
  type TestServer,
} from '../../testing/testServer.ts';

const zoom = { clientId: 'cercle-client-id', clientSecret: 'cercle-client-secret-0123456789' };
let data: ReturnType<typeof makeDataDir>;
let server: TestServer;
const panels: TestPanel[] = [];

beforeEach(async () => {
  data = makeDataDir();
  const panelDir = join(data.dir, 'panel');
  mkdirSync(panelDir);
  writeFileSync(
    join(panelDir, 'index.html'),
    '<!doctype html><title>Cercle</title><div id="root"></div>',
  );
  server = await startTestServer(data.dir, { zoom, panelDir });
});

afterEach(async () => {
  for (const p of panels.splice(0)) p.terminate();
  await server.stop();
  data.remove();
});

function header(claims: Record<string, unknown> = {}, secret = zoom.clientSecret): string {
  return encryptZoomAppContext(
    makeZoomContextPayload({ clientId: zoom.clientId, now: Date.now(), ...claims }),
    secret,
  );
}

async function home(claims?: Record<string, unknown>, raw?: string) {
  const response = await fetch(`${server.url}/zoom/home`, {
    headers:
      raw === undefined
        ? { 'x-zoom-app-context': header(claims) }
        : raw
          ? { 'x-zoom-app-context': raw }
          : {},
  });
  const html = await response.text();
  const boot = /<script id="cercle-boot" type="application\/json">(.*?)<\/script>/.exec(html)?.[1];
  return { response, html, boot: boot ? (bootSchema.parse(JSON.parse(boot)) as Boot) : null };
}

async function enter(ticket: string, screenName: string, knownToken: string | null = null) {
  return postJson<HostEnterResponse & { error?: { code: string } }>(
    `${server.url}/api/zoom/enter`,
    {
      ticket,
      screenName,
      knownToken,
    },
  );
}

async function setUp(ticket: string, screenName = 'Awa (hôte)', groupName = 'Codev RH') {
  return postJson<HostEnterResponse & { error?: { code: string } }>(
    `${server.url}/api/zoom/sessions`,
    {
      ticket,
      screenName,
      groupName,
      templateKey: 'remote-2h',
    },
  );
}

async function freshTicket(context: string) {
  return postJson<ZoomTicketResponse & { error?: { code: string } }>(
    `${server.url}/api/zoom/ticket`,
    { context },
  );
}

/** The people of a session, as its facilitator's panel sees them. */
async function roster(host: HostEnterResponse) {
  const panel = await connect(host);
  return panel.view?.people ?? [];
}

async function connect(entry: HostEnterResponse) {
  const panel = new TestPanel(server.url);
  panels.push(panel);
  await panel.hello(entry.sessionId, entry.token);
  return panel;
}

describe('Zoom home URL', () => {
  it.each([
    ['no header', ''],
    ['a tampered header', `${header().slice(0, -6)}AAAAAA`],
    ['not base64', '%%%not-base64%%%'],
  ])('refuses %s with a readable 401 page', async (_label, raw) => {
    const { response, html, boot } = await home(undefined, raw);
    expect(response.status).toBe(401);
    expect(html).toContain('Zoom');
    expect(boot).toBeNull();
    expect(response.headers.get('content-security-policy')).toBeTruthy();
  });

  it.each([
    ['expired', { exp: Date.now() - 1000 }],
    ['for another app', { aud: 'someone-else' }],
    ['from another issuer', { iss: 'evil.example' }],
  ])('refuses a context %s', async (_label, claims) => {
    expect((await home(claims)).response.status).toBe(401);
  });

  it('refuses a context encrypted with another secret', async () => {
    const { response } = await home(undefined, header({}, 'another-secret'));
    expect(response.status).toBe(401);
  });

  it('serves the panel with a ticket, and the four headers Zoom requires', async () => {
    const { response, boot } = await home({ attendrole: 'host' });
    expect(response.status).toBe(200);
    expect(boot).toMatchObject({ host: 'zoom', canSetUp: true });
    for (const name of [
      'strict-transport-security',
      'x-content-type-options',
      'content-security-policy',
      'referrer-policy',
    ])
      expect(response.headers.get(name), name).toBeTruthy();
    expect((await home({ attendrole: 'participant' })).boot?.canSetUp).toBe(false);
  });
});

describe('Zoom meeting sessions', () => {
  it('the host sets the meeting up and facilitates; attendees join under their screen names', async () => {
    const attendee = (await home({ uid: 'u-bo', attendrole: 'participant' })).boot!;
    expect((await enter(attendee.ticket, 'Bo')).body.error?.code).toBe('notSetUp');
    expect((await setUp(attendee.ticket)).status).toBe(403);

    const host = (await home({ uid: 'u-awa', attendrole: 'host' })).boot!;
    const created = await setUp(host.ticket);
    expect(created.status).toBe(201);
    expect((await setUp(host.ticket)).body.error?.code).toBe('alreadySetUp');
    const hostPanel = await connect(created.body);
    expect(hostPanel.view?.people).toEqual([
      expect.objectContaining({ displayName: 'Awa (hôte)', role: 'facilitator' }),
    ]);

    const joined = await enter(attendee.ticket, '  Bo\tBertrand  ');
    expect(joined.status).toBe(200);
    expect(joined.body.sessionId).toBe(created.body.sessionId);
    const boPanel = await connect(joined.body);
    const bo = boPanel.view?.people.find((p) => p.id === joined.body.personId);
    expect(bo).toMatchObject({ displayName: 'Bo Bertrand', role: 'consultant' });

    // The same Zoom user, from another device: the same person.
    const again = await enter(
      (await home({ uid: 'u-bo', attendrole: 'participant' })).boot!.ticket,
      'Bo',
    );
    expect(again.body.personId).toBe(joined.body.personId);
  });

  it('a guest without a Zoom id joins, and stays the same person with the credential kept', async () => {
    const host = (await home({ attendrole: 'host', uid: 'u-host' })).boot!;
    await setUp(host.ticket);
    const guest = (await home({ uid: undefined, attendrole: 'participant' })).boot!;
    const first = await enter(guest.ticket, '');
    expect(first.status).toBe(200);
    const panel = await connect(first.body);
    expect(panel.view?.people.find((p) => p.id === first.body.personId)?.displayName).toBe(
      'Invité·e',
    );
    const again = await enter(guest.ticket, 'Invité', first.body.token);
    expect(again.body.personId).toBe(first.body.personId);
  });

  it('a breakout room gets a session of its own', async () => {
    const host = (await home({ attendrole: 'host', uid: 'u-host' })).boot!;
    await setUp(host.ticket);
    const breakout = (await home({ attendrole: 'participant', uid: 'u-bo', bmid: 'breakout-1==' }))
      .boot!;
    expect((await enter(breakout.ticket, 'Bo')).body.error?.code).toBe('notSetUp');
  });

  it('refuses a forged ticket', async () => {
    const host = (await home({ attendrole: 'host' })).boot!;
    const [body] = host.ticket.split('.');
    const forged = `${body}.${'A'.repeat(43)}`;
    expect((await setUp(forged)).status).toBe(401);
    expect((await enter(forged, 'X')).status).toBe(401);
  });
});

describe('Zoom Collaborate mode', () => {
  it('a participant Zoom opens Cercle for in Collaborate lands on the meeting’s session, same seat', async () => {
    const host = (await home({ uid: 'u-host', attendrole: 'host', mid: 'm-collab' })).boot!;
    const created = await setUp(host.ticket);
    const first = (await home({ uid: 'u-bo', mid: 'm-collab' })).boot!;
    const bo = await enter(first.ticket, 'Bo');
    expect(bo.status).toBe(200);

    // Joining Collaborate, Zoom opens the Home URL again with the collaboration's id in `cid`.
    const again = await home({ uid: 'u-bo', mid: 'm-collab', cid: 'collaborate-1' });
    expect(again.response.status).toBe(200);
    const rejoined = await enter(again.boot!.ticket, 'Bo');
    expect(rejoined.body).toMatchObject({
      sessionId: created.body.sessionId,
      personId: bo.body.personId,
    });
  });
});

describe('The meeting chat’s link (GET /api/zoom/app-link)', () => {
  it('is Zoom’s deep link that opens this app in the follower’s meeting, naming no session', async () => {
    const response = await fetch(`${server.url}/api/zoom/app-link`);
    expect(response.status).toBe(200);
    const { url } = zoomAppLinkResponseSchema.parse(await response.json());
    expect(url).toBe(
      'https://marketplace.zoom.us/zoomapp/cercle-client-id/context/meeting/target/launch/deeplink',
    );
  });
});

describe('Zoom guest tickets', () => {
  it('a replayed guest ticket admits one person, however often and however fast it is sent', async () => {
    const host = await setUp((await home({ attendrole: 'host', uid: 'u-host' })).boot!.ticket);
    const guest = (await home({ uid: undefined, attendrole: 'participant' })).boot!;

    const first = await enter(guest.ticket, 'Invité 1');
    const replays = [await enter(guest.ticket, 'Invité 2')];
    replays.push(...(await Promise.all([3, 4, 5].map((n) => enter(guest.ticket, `Invité ${n}`)))));

    expect(first.status).toBe(200);
    for (const replay of replays) {
      expect(replay.status).toBe(200);
      expect(replay.body.personId).toBe(first.body.personId);
    }
    const people = await roster(host.body);
    expect(people.map((p) => p.displayName).sort()).toEqual(['Awa (hôte)', 'Invité 1']);
  });

  it('five replays sent at once still admit one person', async () => {
    const host = await setUp((await home({ attendrole: 'host', uid: 'u-host' })).boot!.ticket);
    const guest = (await home({ uid: undefined, attendrole: 'participant' })).boot!;
    const entries = await Promise.all([1, 2, 3, 4, 5].map((n) => enter(guest.ticket, `G${n}`)));
    expect(new Set(entries.map((e) => e.body.personId)).size).toBe(1);
    expect(await roster(host.body)).toHaveLength(2);
  });

  it('each guest who opens Cercle gets a ticket, and a seat, of their own', async () => {
    const host = await setUp((await home({ attendrole: 'host', uid: 'u-host' })).boot!.ticket);
    const one = await enter((await home({ uid: undefined })).boot!.ticket, 'Invité A');
    const two = await enter((await home({ uid: undefined })).boot!.ticket, 'Invité B');
    expect(one.body.personId).not.toBe(two.body.personId);
    expect(await roster(host.body)).toHaveLength(3);
  });
});

describe('Zoom main client (outside a meeting)', () => {
  const mainClient = (uid: string | undefined) =>
    home({ typ: 'panel', mid: undefined, attendrole: undefined, uid });

  it('says where to open Cercle, with a 200 page and no panel', async () => {
    const { response, html, boot } = await mainClient('u-nobody');
    expect(response.status).toBe(200);
    expect(boot).toBeNull();
    expect(html).toContain('ouvrez-le depuis le bouton Applications d’une réunion Zoom');
    expect(html).toContain('open it from the Apps button of a Zoom meeting');
    expect(html.indexOf('ouvrez-le')).toBeLessThan(html.indexOf('open it from'));
    expect(html).not.toContain('data-testid="groups"');
    expect(response.headers.get('content-security-policy')).toBeTruthy();
  });

  it('lists, escaped, the groups the person facilitated, and says where their cycle opens', async () => {
    const awaHost = () => home({ attendrole: 'host', uid: 'u-awa', mid: `m-${Math.random()}` });
    await setUp((await awaHost()).boot!.ticket, 'Awa', '<b>Codev & RH</b>');
    await setUp((await awaHost()).boot!.ticket, 'Awa', 'Codev DSI');
    // Bo set up a meeting of his own, where Awa only attended.
    const boSession = await setUp(
      (await home({ attendrole: 'host', uid: 'u-bo', mid: 'm-bo' })).boot!.ticket,
      'Bo',
      'Cercle de Bo',
    );
    expect(boSession.status).toBe(201);
    await enter((await home({ uid: 'u-awa', mid: 'm-bo' })).boot!.ticket, 'Awa');

    const { response, html } = await mainClient('u-awa');
    expect(response.status).toBe(200);
    expect(html).toContain('&#60;b&#62;Codev &#38; RH&#60;/b&#62;');
    expect(html).not.toContain('<b>Codev');
    expect(html).toContain('Codev DSI</strong> : 1 séance');
    expect(html.indexOf('Codev DSI')).toBeLessThan(html.indexOf('Codev &#38; RH'));
    expect(html).not.toContain('Cercle de Bo');
    expect(html).toContain('La page du cycle d’un groupe s’ouvre depuis le panneau');
    expect((await mainClient('u-bo')).html).toContain('Cercle de Bo');
    expect((await mainClient(undefined)).html).not.toContain('data-testid="groups"');
  });

  it('still refuses a main client context that does not check out', async () => {
    expect(
      (await home({ typ: 'panel', mid: undefined, exp: Date.now() - 1 })).response.status,
    ).toBe(401);
  });
});

describe('Fresh tickets without reloading (POST /api/zoom/ticket)', () => {
  it('gives a ticket for the main meeting, the same as the Home URL gives', async () => {
    const answer = await freshTicket(header({ attendrole: 'host', uid: 'u-awa' }));
    expect(answer.status).toBe(200);
    expect(zoomTicketResponseSchema.parse(answer.body)).toEqual({
      ticket: expect.any(String),
      canSetUp: true,
      meetingId: 'meeting-uuid-1==',
      parentMeetingId: null,
    });
    expect((await setUp(answer.body.ticket)).status).toBe(201);
  });

  it('inside a breakout room, names the room and the meeting it belongs to', async () => {
    const host = await setUp((await home({ attendrole: 'host', uid: 'u-host' })).boot!.ticket);
    const answer = await freshTicket(
      header({ attendrole: 'participant', uid: 'u-bo', bmid: 'breakout-1==' }),
    );
    expect(answer.body).toMatchObject({
      canSetUp: false,
      meetingId: 'breakout-1==',
      parentMeetingId: 'meeting-uuid-1==',
    });
    // The room's ticket leads to the room's session, not the main meeting's.
    expect((await enter(answer.body.ticket, 'Bo')).body.error?.code).toBe('notSetUp');
    expect(host.status).toBe(201);
  });

  it.each([
    ['an expired context', () => header({ exp: Date.now() - 1000 }), 401, 'contextExpired'],
    ['a forged context', () => header({}, 'another-secret'), 401, 'unauthorized'],
    ['a context for another app', () => header({ aud: 'someone-else' }), 401, 'unauthorized'],
    [
      'a context from outside a meeting',
      () => header({ typ: 'panel', mid: undefined }),
      409,
      'notInMeeting',
    ],
    ['no context', () => '', 400, 'invalidRequest'],
    ['a context that is not base64', () => '%%%', 400, 'invalidRequest'],
  ])('refuses %s', async (_label, context, status, code) => {
    const answer = await freshTicket(context());
    expect(answer.status).toBe(status);
    expect(answer.body.error?.code).toBe(code);
    expect(answer.body.ticket).toBeUndefined();
  });
});
