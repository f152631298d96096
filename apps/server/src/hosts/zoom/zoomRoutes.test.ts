import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encryptZoomAppContext, makeZoomContextPayload } from '@cercle/host-auth/testing';
import { type Boot, bootSchema, type HostEnterResponse } from '@cercle/protocol';
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

async function setUp(ticket: string, screenName = 'Awa (hôte)') {
  return postJson<HostEnterResponse & { error?: { code: string } }>(
    `${server.url}/api/zoom/sessions`,
    {
      ticket,
      screenName,
      groupName: 'Codev RH',
      templateKey: 'remote-2h',
    },
  );
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
