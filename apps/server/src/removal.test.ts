import { CloseCode } from '@cercle/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCredential } from './auth/credentials.ts';
import { TestPanel } from './testing/testPanel.ts';
import {
  createTestSession,
  joinTestSession,
  makeDataDir,
  postJson,
  startTestServer,
  type TestServer,
} from './testing/testServer.ts';

let data: ReturnType<typeof makeDataDir>;
let server: TestServer;
const panels: TestPanel[] = [];

beforeAll(async () => {
  data = makeDataDir();
  server = await startTestServer(data.dir, { creationsPerMinute: 1000 });
});

afterAll(async () => {
  for (const panel of panels) panel.terminate();
  await server.stop();
  data.remove();
});

async function panelOf(sessionId: string, token: string): Promise<TestPanel> {
  const panel = new TestPanel(server.url);
  panels.push(panel);
  await panel.hello(sessionId, token);
  return panel;
}

function call(path: string, token: string | null, method = 'GET', body?: unknown) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('[R49] the facilitator removes a person: their seat is gone at once', () => {
  it('closes every panel of theirs with "removed", revokes their credentials, keeps them out', async () => {
    const created = await createTestSession(server.url, 'Cercle retrait');
    const kim = await joinTestSession(server.url, created.sessionId, created.joinToken, 'Kim');
    const bo = await joinTestSession(server.url, created.sessionId, created.joinToken, 'Bo');
    const facilitator = await panelOf(created.sessionId, created.token);
    const kimLaptop = await panelOf(created.sessionId, kim.token);
    const kimPhone = await panelOf(created.sessionId, kim.token);
    const boPanel = await panelOf(created.sessionId, bo.token);
    await kimLaptop.run({ type: 'writeLearnings', content: 'KIM-SHARED', process: '' });
    await kimLaptop.run({
      type: 'setVisibility',
      ref: { kind: 'learnings', id: kim.personId },
      visibility: 'group',
    });
    await kimLaptop.run({ type: 'writeNote', text: 'KIM-PRIVATE' });

    // Someone else may not remove anyone.
    const refused = await boPanel.run({ type: 'removePerson', personId: kim.personId });
    expect(refused).toMatchObject({ type: 'rejected', reason: 'notFacilitator' });

    await facilitator.run({ type: 'removePerson', personId: kim.personId });
    for (const panel of [kimLaptop, kimPhone]) {
      expect(await panel.waitForClose()).toBe(CloseCode.removed);
      expect(panel.messages.at(-1)).toMatchObject({ type: 'error', code: 'removed' });
    }
    expect(boPanel.closeCode).toBeNull();
    await boPanel.waitFor((m) => m.type === 'event' && m.event?.type === 'personRemoved');
    expect(boPanel.view?.people.map((p) => p.displayName)).toEqual(['Awa', 'Bo']);
    // What Kim shared with the group stays the group's until retention; her note, nobody's.
    expect(boPanel.view?.learnings[kim.personId]?.content).toBe('KIM-SHARED');
    expect(JSON.stringify(facilitator.view)).not.toContain('KIM-PRIVATE');

    // Her token opens nothing any more: no socket, no file, no other session of the group.
    const again = new TestPanel(server.url);
    panels.push(again);
    await again.hello(created.sessionId, kim.token);
    expect(await again.waitForClose()).toBe(CloseCode.unauthorized);
    expect((await call(`/api/sessions/${created.sessionId}/summary`, kim.token)).status).toBe(401);

    // A credential some other door issued her meanwhile opens nothing either.
    const late = await issueCredential(server.store, {
      sessionId: created.sessionId,
      personId: kim.personId,
      kind: 'zoom',
      now: Date.now(),
      ttlMs: 60_000,
    });
    const latePanel = new TestPanel(server.url);
    panels.push(latePanel);
    await latePanel.hello(created.sessionId, late);
    expect(await latePanel.waitForClose()).toBe(CloseCode.removed);
    expect(latePanel.view).toBeNull();
  });

  it('a seat held elsewhere in the group does not bring a removed person back', async () => {
    const first = await createTestSession(server.url, 'Cercle suite');
    const kim = await joinTestSession(server.url, first.sessionId, first.joinToken, 'Kim');
    const open = async () => {
      const response = await call(`/api/groups/${first.sessionId}/sessions`, first.token, 'POST', {
        templateKey: 'remote-2h',
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { sessionId: string }).sessionId;
    };
    const enter = (sessionId: string) =>
      call(`/api/sessions/${sessionId}/enter`, kim.token, 'POST');
    const second = await open();
    expect((await enter(second)).status).toBe(201);
    const room = await server.rooms.get(second);
    expect(
      await room?.submit(first.personId, { type: 'removePerson', personId: kim.personId }, null),
    ).toMatchObject({ ok: true });
    // Her seat in the first session still opens that one, not the session she was removed from…
    const refused = await enter(second);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden' } });
    // …nor the group's sessions opened after it.
    expect((await enter(await open())).status).toBe(403);
  });
});

describe('[R49] a removed person keeps the right to erase their data', () => {
  it('their seat elsewhere in the group exports and erases what they left where they were removed', async () => {
    const first = await createTestSession(server.url, 'Cercle effacement');
    const kim = await joinTestSession(server.url, first.sessionId, first.joinToken, 'Kim');
    const next = await call(`/api/groups/${first.sessionId}/sessions`, first.token, 'POST', {
      templateKey: 'remote-2h',
    });
    const { sessionId: second } = (await next.json()) as { sessionId: string };
    const entered = await call(`/api/sessions/${second}/enter`, kim.token, 'POST');
    const { token: secondToken } = (await entered.json()) as { token: string };
    const panel = await panelOf(second, secondToken);
    await panel.run({ type: 'writeNote', text: 'KIM-LEFT-BEHIND' });
    const room = await server.rooms.get(second);
    await room?.submit(first.personId, { type: 'removePerson', personId: kim.personId }, null);
    await panel.waitForClose();

    const exported = await call(`/api/groups/${first.sessionId}/my-data`, kim.token);
    expect(await exported.text()).toContain('KIM-LEFT-BEHIND');
    const erased = await call(`/api/groups/${first.sessionId}/my-data`, kim.token, 'DELETE');
    expect(await erased.json()).toEqual({ erasedSessions: 1 });
    expect(JSON.stringify(room?.state)).not.toContain('KIM-LEFT-BEHIND');
  });
});

describe('the participant link: rotated by the facilitator, and not forever', () => {
  it('a new link replaces the old one, which stops admitting anyone', async () => {
    const created = await createTestSession(server.url, 'Cercle lien');
    const bo = await joinTestSession(server.url, created.sessionId, created.joinToken, 'Bo');
    const path = `/api/sessions/${created.sessionId}/participant-link`;
    expect((await call(path, null, 'POST')).status).toBe(401);
    expect((await call(path, bo.token, 'POST')).status).toBe(403);
    const rotated = await call(path, created.token, 'POST');
    expect(rotated.status).toBe(200);
    const { participantLink, expiresAt } = (await rotated.json()) as {
      participantLink: string;
      expiresAt: number;
    };
    expect(participantLink).toMatch(new RegExp(`/s/${created.sessionId}#join=`));
    expect(expiresAt).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const fresh = participantLink.split('#join=')[1] ?? '';
    expect(fresh).not.toBe(created.joinToken);

    const join = (joinToken: string) =>
      postJson(`${server.url}/api/sessions/${created.sessionId}/join`, {
        joinToken,
        displayName: 'Lou',
      });
    const invitation = (joinToken: string) =>
      postJson(`${server.url}/api/sessions/${created.sessionId}/invitation`, { joinToken });
    expect((await join(created.joinToken)).status).toBe(401);
    expect((await invitation(created.joinToken)).status).toBe(401);
    expect((await invitation(fresh)).status).toBe(200);
    expect((await join(fresh)).status).toBe(201);
  });
});
