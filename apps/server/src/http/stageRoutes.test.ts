import type { StageLinkResponse } from '@cercle/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestPanel } from '../testing/testPanel.ts';
import {
  createTestSession,
  joinTestSession,
  makeDataDir,
  startTestServer,
  type TestServer,
} from '../testing/testServer.ts';

let data: ReturnType<typeof makeDataDir>;
let server: TestServer;
const panels: TestPanel[] = [];

function panel(): TestPanel {
  const p = new TestPanel(server.url);
  panels.push(p);
  return p;
}

beforeEach(async () => {
  data = makeDataDir();
  server = await startTestServer(data.dir);
});

afterEach(async () => {
  for (const p of panels.splice(0)) p.terminate();
  await server.stop();
  data.remove();
});

async function stageLink(sessionId: string, token: string) {
  const response = await fetch(`${server.url}/api/sessions/${sessionId}/stage-link`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as StageLinkResponse };
}

describe('the stage capability (a meeting’s shared screen)', () => {
  it('is given to a member only, as a link to the stage view', async () => {
    const created = await createTestSession(server.url);
    const given = await stageLink(created.sessionId, created.token);
    expect(given.status).toBe(201);
    expect(given.body.url).toBe(
      `http://cercle.test/s/${created.sessionId}?view=stage#stage=${given.body.token}`,
    );
    const other = await createTestSession(server.url);
    expect((await stageLink(other.sessionId, created.token)).status).toBe(403);
    expect((await stageLink(created.sessionId, 'not-a-credential-at-all')).status).toBe(401);
    // A stage capability cannot mint more of itself, nor do anything a person does.
    expect((await stageLink(created.sessionId, given.body.token)).status).toBe(403);
    const enter = await fetch(`${server.url}/api/sessions/${created.sessionId}/enter`, {
      method: 'POST',
      headers: { authorization: `Bearer ${given.body.token}` },
    });
    expect(enter.status).toBe(403);
  });

  it('reads the live session without a seat: not in the roster, no presence, no private note', async () => {
    const created = await createTestSession(server.url);
    const joined = await joinTestSession(server.url, created.sessionId, created.joinToken, 'Bo');
    const facilitator = panel();
    await facilitator.hello(created.sessionId, created.token);
    const bo = panel();
    await bo.hello(created.sessionId, joined.token);
    await bo.run({ type: 'writeNote', text: 'PRIVATE-NOTE-OF-BO' });
    const { body } = await stageLink(created.sessionId, created.token);

    const room = (await server.rooms.get(created.sessionId))!;
    await room.idle();
    const seqBefore = room.seq;
    const stage = panel();
    await stage.hello(created.sessionId, body.token);
    const welcome = stage.messages.find((m) => m.type === 'welcome');
    expect(welcome).toMatchObject({ type: 'welcome', personId: 'stage' });
    expect(stage.view?.people.map((p) => p.displayName).sort()).toEqual(['Awa', 'Bo']);
    await room.idle();
    // No presence event: a screen is not a person.
    expect(room.seq).toBe(seqBefore);

    await facilitator.run({ type: 'startSession' });
    await stage.waitForSeq(room.seq);
    expect(stage.view?.lifecycle).toBe('live');
    await bo.run({ type: 'writeNote', text: 'PRIVATE-NOTE-OF-BO, again' });
    await room.idle();
    await stage.waitForSeq(room.seq);
    expect(stage.frames.join('\n')).not.toContain('PRIVATE-NOTE-OF-BO');

    stage.close();
    await stage.waitForClose();
    await room.idle();
    expect(room.state.people.map((p) => p.presence)).toEqual(['online', 'online']);
  });

  it('cannot send a command', async () => {
    const created = await createTestSession(server.url);
    const { body } = await stageLink(created.sessionId, created.token);
    const stage = panel();
    await stage.hello(created.sessionId, body.token);
    const answer = await stage.run({ type: 'startSession' });
    expect(answer).toMatchObject({ type: 'error', code: 'readOnly' });
    const room = (await server.rooms.get(created.sessionId))!;
    await room.idle();
    expect(room.state.lifecycle).toBe('scheduled');
  });
});
