import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encryptZoomAppContext, makeZoomContextPayload } from '@cercle/host-auth/testing';
import {
  type Boot,
  bootSchema,
  type CreateSessionResponse,
  type CycleResponse,
  type HostEnterResponse,
  type JoinResponse,
  type ZoomSetupOptionsResponse,
  type ZoomTicketResponse,
  zoomAppLinkResponseSchema,
  zoomSetupOptionsResponseSchema,
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

async function setUp(
  ticket: string,
  screenName = 'Awa (hôte)',
  groupName = 'Codev RH',
  meetingNumber?: string,
) {
  return postJson<HostEnterResponse & { error?: { code: string } }>(
    `${server.url}/api/zoom/sessions`,
    {
      ticket,
      screenName,
      groupName,
      templateKey: 'remote-2h',
      ...(meetingNumber ? { meetingNumber } : {}),
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
      'Invité',
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

describe('The next session in the next meeting', () => {
  type Answer<T> = { status: number; body: T & { error?: { code: string } } };

  /** The ticket Zoom's Home URL gives a person in a meeting. */
  const ticketIn = async (mid: string, uid: string | undefined, attendrole = 'host', extra = {}) =>
    (await home({ mid, uid, attendrole, ...extra })).boot!.ticket;

  const options = async (ticket: string, meetingNumber: string | null = null) => {
    const answer = await postJson<ZoomSetupOptionsResponse & { error?: { code: string } }>(
      `${server.url}/api/zoom/setup-options`,
      { ticket, meetingNumber },
    );
    if (answer.status === 200) zoomSetupOptionsResponseSchema.parse(answer.body);
    return answer;
  };

  const continueGroup = (
    ticket: string,
    groupId: string,
    { screenName = 'Awa', meetingNumber = null as string | null } = {},
  ): Promise<Answer<HostEnterResponse>> =>
    postJson(`${server.url}/api/zoom/group-sessions`, {
      ticket,
      screenName,
      groupId,
      templateKey: 'remote-2h',
      meetingNumber,
    });

  async function authorized<T>(method: string, path: string, token: string, body?: unknown) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** Starts and ends a session from its facilitator's panel. */
  async function hold(facilitator: TestPanel) {
    expect((await facilitator.run({ type: 'startSession' })).type).toBe('event');
    expect((await facilitator.run({ type: 'endSession' })).type).toBe('event');
  }

  const groupOf = (panel: TestPanel) => panel.view!.groupId;

  it('a new meeting’s host picks a group they facilitated: its next session opens there, carrying the group over, and its members stay who they were', async () => {
    // Session 1, in meeting A: Bo brings a case and is the client.
    const awaA = await setUp(await ticketIn('m-a==', 'u-awa'), 'Awa');
    const boA = await enter(await ticketIn('m-a==', 'u-bo', 'participant'), 'Bo');
    const awaPanel = await connect(awaA.body);
    const boPanel = await connect(boA.body);
    await boPanel.run({ type: 'proposeCase', kind: 'problem', title: 'Déléguer', summary: 'Oui' });
    await awaPanel.run({ type: 'startSession' });
    expect((await awaPanel.run({ type: 'chooseCase', caseId: 'case-1' })).type).toBe('event');
    await awaPanel.run({ type: 'endSession' });
    const groupId = groupOf(awaPanel);

    // Meeting B, a meeting of its own: the host is offered the group, at its second session.
    const awaB = await ticketIn('m-b==', 'u-awa');
    const offered = await options(awaB);
    expect(offered.status).toBe(200);
    expect(offered.body.groups).toEqual([
      {
        groupId,
        groupName: 'Codev RH',
        templateKey: 'remote-2h',
        lastSessionAt: expect.any(Number),
        sessionNumber: 2,
        cycleSessions: null,
        resumes: false,
        isUsualHere: false,
      },
    ]);

    const opened = await continueGroup(awaB, groupId, { screenName: 'Awa B.' });
    expect(opened.status).toBe(201);
    expect(opened.body.sessionId).not.toBe(awaA.body.sessionId);
    expect(opened.body.personId).toBe(awaA.body.personId);
    const next = (await connect(opened.body)).view!;
    expect(next.groupId).toBe(groupId);
    expect(next.people).toEqual([
      expect.objectContaining({ id: awaA.body.personId, role: 'facilitator' }),
    ]);
    // What the panel's "next session" carries: the previous client and their case.
    expect(next.previous).toMatchObject({
      sessionId: awaA.body.sessionId,
      clientId: boA.body.personId,
      caseTitle: 'Déléguer',
    });
    expect(next.pastClientIds).toEqual([boA.body.personId]);
    // The panels still on session 1 are told, as from the panel.
    await boPanel.waitFor(
      (m) => m.type === 'event' && m.event?.type === 'nextSessionAnnounced',
      5000,
    );

    // Bo opens Cercle in meeting B: the same person; Chloé, new to the group, someone new.
    const boB = await enter(await ticketIn('m-b==', 'u-bo', 'participant'), 'Bo');
    expect(boB.status).toBe(200);
    expect(boB.body).toMatchObject({
      sessionId: opened.body.sessionId,
      personId: boA.body.personId,
    });
    const chloe = await enter(await ticketIn('m-b==', 'u-chloe', 'participant'), 'Chloé');
    expect(chloe.body.personId).not.toBe(boA.body.personId);
    // The host, opening Cercle again, facilitates.
    const awaAgain = await enter(awaB, 'Awa');
    expect(awaAgain.body).toMatchObject({
      sessionId: opened.body.sessionId,
      personId: awaA.body.personId,
    });
    // One session per meeting, whichever way it is asked.
    expect((await continueGroup(awaB, groupId)).body.error?.code).toBe('alreadySetUp');
    expect((await setUp(awaB)).body.error?.code).toBe('alreadySetUp');

    // The cycle page, read with Bo's seat in meeting B, holds both sessions.
    const cycle = await authorized<CycleResponse>(
      'GET',
      `/api/groups/${groupId}/cycle`,
      boB.body.token,
    );
    expect(cycle.body.sessions.map((s) => s.sessionId)).toEqual([
      awaA.body.sessionId,
      opened.body.sessionId,
    ]);
    expect(cycle.body.sessions.map((s) => s.attendees)).toEqual([
      ['Awa', 'Bo'],
      ['Awa B.', 'Bo', 'Chloé'],
    ]);
  });

  it('offers and opens only a group the host facilitated, found from their Zoom id, never from a group id alone', async () => {
    const awa = await setUp(await ticketIn('m-awa==', 'u-awa'), 'Awa');
    await enter(await ticketIn('m-awa==', 'u-bo', 'participant'), 'Bo');
    const awaPanel = await connect(awa.body);
    await hold(awaPanel);
    const groupId = groupOf(awaPanel);

    // Bo was a member, never the facilitator: nothing to offer, nothing to open.
    const bo = await ticketIn('m-bo==', 'u-bo');
    expect((await options(bo)).body).toEqual({ groups: [] });
    const refused = await continueGroup(bo, groupId, { screenName: 'Bo' });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('forbidden');
    expect((await enter(await ticketIn('m-bo==', 'u-dan', 'participant'), 'Dan')).status).toBe(409);

    const awaElsewhere = await ticketIn('m-awa-2==', 'u-awa');
    // A group id that is no group of hers answers the same as one that does not exist.
    expect((await continueGroup(awaElsewhere, 'no-such-group-id')).status).toBe(403);
    // A guest (no Zoom id), an attendee, a breakout room, a forged ticket: refused.
    const guest = await ticketIn('m-guest==', undefined);
    expect((await options(guest)).body).toEqual({ groups: [] });
    expect((await continueGroup(guest, groupId)).status).toBe(403);
    const attendee = await ticketIn('m-awa-3==', 'u-awa', 'participant');
    expect((await options(attendee)).status).toBe(403);
    expect((await continueGroup(attendee, groupId)).status).toBe(403);
    const room = await ticketIn('m-awa==', 'u-awa', 'host', { bmid: 'room-1==' });
    expect((await options(room)).body).toEqual({ groups: [] });
    expect((await continueGroup(room, groupId)).status).toBe(403);
    const [body] = awaElsewhere.split('.');
    const forged = `${body}.${'A'.repeat(43)}`;
    expect((await options(forged)).status).toBe(401);
    expect((await continueGroup(forged, groupId)).status).toBe(401);
    // None of it set a meeting up.
    for (const mid of ['m-bo==', 'm-guest==', 'm-awa-3==']) {
      const answer = await enter(await ticketIn(mid, 'u-eve', 'participant'), 'Eve');
      expect(answer.body.error?.code, mid).toBe('notSetUp');
    }
    // Her own group, she may.
    expect((await continueGroup(awaElsewhere, groupId)).status).toBe(201);
  });

  it('a recurring meeting keeps its group: its next occurrence proposes it first', async () => {
    const SERIES = '81234567890';
    const rh = await setUp(await ticketIn('m-occurrence-1==', 'u-awa'), 'Awa', 'Codev RH', SERIES);
    await hold(await connect(rh.body));
    // Later, in a meeting of another series, another of her groups.
    const dsi = await setUp(await ticketIn('m-other==', 'u-awa'), 'Awa', 'Codev DSI', '999000');
    const rhGroup = groupOf(await connect(rh.body));
    const dsiGroup = groupOf(await connect(dsi.body));

    // Without the meeting's number, the group met last comes first; with it, this series' group.
    const next = await ticketIn('m-occurrence-2==', 'u-awa');
    expect((await options(next)).body.groups.map((g) => [g.groupName, g.isUsualHere])).toEqual([
      ['Codev DSI', false],
      ['Codev RH', false],
    ]);
    expect(
      (await options(next, SERIES)).body.groups.map((g) => [g.groupName, g.isUsualHere]),
    ).toEqual([
      ['Codev RH', true],
      ['Codev DSI', false],
    ]);

    // Someone else claiming the series' number learns nothing of her groups.
    expect((await options(await ticketIn('m-eve==', 'u-eve'), SERIES)).body).toEqual({
      groups: [],
    });
    // The number only orders: her choice of the other group is hers, and the series follows it.
    const opened = await continueGroup(next, dsiGroup, { meetingNumber: SERIES });
    expect(opened.status).toBe(201);
    const third = await ticketIn('m-occurrence-3==', 'u-awa');
    expect((await options(third, SERIES)).body.groups[0]).toMatchObject({
      groupId: dsiGroup,
      isUsualHere: true,
      resumes: true,
    });
    // A breakout room never speaks for the series.
    const room = await ticketIn('m-occurrence-3==', 'u-awa', 'host', { bmid: 'room==' });
    expect((await setUp(room, 'Awa', 'Salle 1', SERIES)).status).toBe(201);
    expect((await options(third, SERIES)).body.groups[0]?.groupId).toBe(dsiGroup);
    expect(rhGroup).not.toBe(dsiGroup);
  });

  it('a session opened from the panel’s “next session” is taken on by the next meeting, not opened twice', async () => {
    const awaA = await setUp(await ticketIn('m-plan-1==', 'u-awa'), 'Awa');
    const boA = await enter(await ticketIn('m-plan-1==', 'u-bo', 'participant'), 'Bo');
    const awaPanel = await connect(awaA.body);
    await hold(awaPanel);
    const groupId = groupOf(awaPanel);
    // From the panel, outside any meeting: the next session, planned, bound to none.
    const planned = await authorized<CreateSessionResponse>(
      'POST',
      `/api/groups/${groupId}/sessions`,
      awaA.body.token,
      { templateKey: 'remote-2h', scheduledFor: '2031-03-12', cycleSessions: 6 },
    );
    expect(planned.status).toBe(201);
    // Bo follows it with one click from session 1.
    const followed = await authorized<JoinResponse>(
      'POST',
      `/api/sessions/${planned.body.sessionId}/enter`,
      boA.body.token,
    );
    expect(followed.body.personId).toBe(boA.body.personId);

    const awaB = await ticketIn('m-plan-2==', 'u-awa');
    expect((await options(awaB)).body.groups).toEqual([
      expect.objectContaining({ groupId, sessionNumber: 2, cycleSessions: 6, resumes: true }),
    ]);
    const taken = await continueGroup(awaB, groupId);
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({
      sessionId: planned.body.sessionId,
      personId: awaA.body.personId,
    });
    // Bo, in meeting B, finds the seat he took by following: one Bo, not two.
    const boB = await enter(await ticketIn('m-plan-2==', 'u-bo', 'participant'), 'Bo');
    expect(boB.body).toMatchObject({
      sessionId: planned.body.sessionId,
      personId: boA.body.personId,
    });
    const people = await roster(taken.body);
    expect(people.map((p) => [p.displayName, p.role])).toEqual([
      ['Awa', 'facilitator'],
      ['Bo', 'consultant'],
    ]);
    // Still two sessions in the group, the second bound to meeting B only now.
    const cycle = await authorized<CycleResponse>(
      'GET',
      `/api/groups/${groupId}/cycle`,
      boB.body.token,
    );
    expect(cycle.body.sessions).toHaveLength(2);
    expect((await enter(await ticketIn('m-plan-3==', 'u-bo', 'participant'), 'Bo')).status).toBe(
      409,
    );
  });

  it('a group’s session not over, held by another facilitator, is neither taken on nor doubled', async () => {
    const awaA = await setUp(await ticketIn('m-hand-1==', 'u-awa'), 'Awa');
    await hold(await connect(awaA.body));
    const groupId = groupOf(await connect(awaA.body));
    // Session 2, opened in meeting 2; Awa hands facilitation over to Bo there.
    const awa2 = await continueGroup(await ticketIn('m-hand-2==', 'u-awa'), groupId);
    const bo2 = await enter(await ticketIn('m-hand-2==', 'u-bo', 'participant'), 'Bo');
    const awa2Panel = await connect(awa2.body);
    expect(
      (await awa2Panel.run({ type: 'handOverFacilitation', toPersonId: bo2.body.personId })).type,
    ).toBe('event');

    // Awa facilitated session 1, but session 2 is Bo's: not hers to take on, nor to double.
    const awa3 = await ticketIn('m-hand-3==', 'u-awa');
    expect((await options(awa3)).body).toEqual({ groups: [] });
    const refused = await continueGroup(awa3, groupId);
    expect(refused.status).toBe(403);
    // Bo, its facilitator, may take it on in his own meeting.
    const bo4 = await ticketIn('m-hand-4==', 'u-bo');
    expect((await options(bo4)).body.groups).toEqual([
      expect.objectContaining({ groupId, sessionNumber: 2, resumes: true }),
    ]);
    const taken = await continueGroup(bo4, groupId, { screenName: 'Bo' });
    expect(taken.body).toMatchObject({
      sessionId: awa2.body.sessionId,
      personId: bo2.body.personId,
    });
  });
});
