import type { Command, TextKind, Visibility } from '@cercle/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestPanel } from './testing/testPanel.ts';
import {
  createTestSession,
  joinTestSession,
  makeDataDir,
  startTestServer,
  type TestServer,
} from './testing/testServer.ts';

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

/** A session with a facilitator and `names` joined, each with a connected panel. */
async function sessionWith(names: string[]) {
  const created = await createTestSession(server.url);
  const facilitator = panel();
  await facilitator.hello(created.sessionId, created.token);
  const others: Array<{ personId: string; token: string; panel: TestPanel }> = [];
  for (const name of names) {
    const joined = await joinTestSession(server.url, created.sessionId, created.joinToken, name);
    const p = panel();
    await p.hello(created.sessionId, joined.token);
    others.push({ ...joined, panel: p });
  }
  // Let presence events settle so every panel starts from the same head.
  const head = server.rooms && (await server.rooms.get(created.sessionId))!;
  await head.idle();
  for (const p of [facilitator, ...others.map((o) => o.panel)]) await p.waitForSeq(head.seq);
  return { created, facilitator, others, room: head };
}

describe('sync over WebSockets', () => {
  it('five panels of one session see the same sequence of events', async () => {
    const { facilitator, others, room } = await sessionWith(['Bo', 'Chloé', 'Dan', 'Eli']);
    await facilitator.run({ type: 'assignRole', personId: others[0]!.personId, role: 'client' });
    await facilitator.run({ type: 'startSession' });
    await facilitator.run({ type: 'goToStage', fromIndex: 0, toIndex: 1 });
    await facilitator.run({ type: 'startTimer' });
    await room.idle();
    const all = [facilitator, ...others.map((o) => o.panel)];
    for (const p of all) await p.waitForSeq(room.seq);
    const eventLog = (p: TestPanel) =>
      p.messages
        .filter((m) => m.type === 'event')
        .map((m) => JSON.stringify(m.type === 'event' && [m.seq, m.event]));
    const reference = eventLog(facilitator).slice(-4);
    expect(reference).toHaveLength(4);
    for (const p of all) {
      expect(eventLog(p).slice(-4)).toEqual(reference);
      expect(p.view).toEqual(facilitator.view);
    }
    expect(facilitator.view?.currentStageIndex).toBe(1);
    expect(facilitator.view?.timer.status).toBe('running');
  });

  it("a non-facilitator's stage change is refused and nobody else hears of it", async () => {
    const { facilitator, others, room } = await sessionWith(['Bo', 'Chloé']);
    await facilitator.run({ type: 'startSession' });
    await room.idle();
    const bo = others[0]!.panel;
    const chloe = others[1]!.panel;
    await chloe.waitForSeq(room.seq);
    const framesBefore = [facilitator.frames.length, chloe.frames.length];
    const answer = await bo.run({ type: 'goToStage', fromIndex: 0, toIndex: 1 });
    expect(answer).toMatchObject({ type: 'rejected', reason: 'notFacilitator' });
    await room.idle();
    expect([facilitator.frames.length, chloe.frames.length]).toEqual(framesBefore);
    expect(room.state.currentStageIndex).toBe(0);
  });

  it('a panel that drops and reconnects with its last sequence gets exactly what it missed', async () => {
    const { created, facilitator, others, room } = await sessionWith(['Bo']);
    const bo = others[0]!;
    const lastSeq = bo.panel.seq;
    const viewBefore = bo.panel.view;
    bo.panel.terminate();
    await room.idle();
    await facilitator.run({ type: 'startSession' });
    await facilitator.run({ type: 'startTimer' });
    await room.idle();
    const again = panel();
    again.view = viewBefore;
    again.seq = lastSeq;
    await again.hello(created.sessionId, bo.token, lastSeq);
    const welcome = again.messages.find((m) => m.type === 'welcome');
    expect(welcome).toMatchObject({ mode: 'resume' });
    const resumed = welcome?.type === 'welcome' && welcome.mode === 'resume' ? welcome.events : [];
    // Presence offline, the two commands: consecutive, no gap, nothing twice.
    expect(resumed.map((e) => e.seq)).toEqual(
      Array.from({ length: resumed.length }, (_, i) => lastSeq + 1 + i),
    );
    expect(resumed.length).toBeGreaterThanOrEqual(3);
    await room.idle();
    await again.waitForSeq(room.seq);
    await facilitator.waitForSeq(room.seq);
    expect(again.view).toEqual({ ...facilitator.view, notes: again.view?.notes });
  });

  it('after a restart on the same data directory every view is identical', async () => {
    const { created, facilitator, others, room } = await sessionWith(['Bo', 'Chloé']);
    await facilitator.run({ type: 'assignRole', personId: others[1]!.personId, role: 'observer' });
    await facilitator.run({ type: 'startSession' });
    await facilitator.run({ type: 'goToStage', fromIndex: 0, toIndex: 2 });
    await facilitator.run({ type: 'startTimer' });
    await others[1]!.panel.run({ type: 'writeNote', text: 'Chloé observe: écoute attentive' });
    await room.idle();
    const before = room.state;
    for (const p of panels.splice(0)) p.terminate();
    await server.stop();

    server = await startTestServer(data.dir);
    const tokens = [created.token, others[0]!.token, others[1]!.token];
    const views = [];
    for (const token of tokens) {
      const p = panel();
      await p.hello(created.sessionId, token);
      views.push(p.view);
    }
    const stable = (v: typeof before | null) =>
      v && { ...v, people: v.people.map((p) => ({ ...p, presence: undefined })) };
    expect(views[0]?.timer).toEqual(before.timer);
    expect(views[0]?.currentStageIndex).toBe(2);
    expect(views[2]?.notes).toEqual(before.notes);
    for (const view of views) {
      expect(stable(view)).toEqual(stable({ ...before, notes: view?.notes ?? {} }));
    }
    expect(views[0]?.people.find((p) => p.id === others[1]!.personId)?.role).toBe('observer');
  });

  it("an observer's note never appears in a frame sent to anyone else", async () => {
    const { facilitator, others, room } = await sessionWith(['Bo', 'Chloé']);
    const secret = 'SECRET-OBSERVATION-4242';
    await facilitator.run({ type: 'assignRole', personId: others[1]!.personId, role: 'observer' });
    const observer = others[1]!.panel;
    const accepted = await observer.run({ type: 'writeNote', text: secret });
    expect(accepted).toMatchObject({ type: 'event' });
    await room.idle();
    for (const p of [facilitator, others[0]!.panel]) {
      await p.waitForSeq(room.seq);
      expect(p.frames.join('\n')).not.toContain(secret);
    }
    // A late joiner's snapshot does not carry it either.
    const late = panel();
    await late.hello(room.sessionId, others[0]!.token);
    expect(late.frames.join('\n')).not.toContain(secret);
    expect(observer.frames.join('\n')).toContain(secret);
  });
});

// Kim shares a text, rewrites it, and takes it back; Lou joins afterwards and asks for the whole
// log (`hello` with `lastSeq: 0`). Judged by the session as it is now [R44], no frame Lou receives
// holds any version of it.
describe('[R44] a text taken back is never replayed to a later joiner', () => {
  it('notes, learnings and suggestions', async () => {
    const { created, facilitator, others, room } = await sessionWith(['Kim', 'Bo']);
    const [kim, bo] = [others[0]!, others[1]!];
    const accepted = async (p: TestPanel, command: Command) =>
      expect(await p.run(command), command.type).toMatchObject({ type: 'event' });
    const share = (kind: TextKind, id: string, visibility: Visibility) =>
      accepted(kim.panel, { type: 'setVisibility', ref: { kind, id }, visibility });
    await accepted(facilitator, { type: 'startSession' });
    await accepted(bo.panel, { type: 'proposeCase', kind: 'problem', title: 'Cas', summary: '' });
    await accepted(facilitator, { type: 'chooseCase', caseId: 'case-1' });

    await accepted(kim.panel, { type: 'writeNote', text: 'KIM-NOTE-V1' });
    await share('note', kim.personId, 'group');
    await accepted(kim.panel, { type: 'writeNote', text: 'KIM-NOTE-V2' });
    await share('note', kim.personId, 'me');
    await accepted(kim.panel, { type: 'writeLearnings', content: 'KIM-LEARNT-V1', process: '' });
    await share('learnings', kim.personId, 'group');
    await accepted(kim.panel, { type: 'writeLearnings', content: 'KIM-LEARNT-V2', process: '' });
    await share('learnings', kim.personId, 'me');
    await accepted(kim.panel, { type: 'postSuggestion', text: 'KIM-IDEA', visibility: 'group' });
    await share('suggestion', 'suggestion-2', 'client');
    await room.idle();

    const lou = await joinTestSession(server.url, created.sessionId, created.joinToken, 'Lou');
    const louPanel = panel();
    await louPanel.hello(created.sessionId, lou.token, 0);
    expect(louPanel.messages.find((m) => m.type === 'welcome')).toMatchObject({ mode: 'resume' });
    await room.idle();
    await louPanel.waitForSeq(room.seq);
    const received = louPanel.frames.join('\n');
    expect(received).toContain('Cas');
    for (const text of ['KIM-NOTE', 'KIM-LEARNT', 'KIM-IDEA'])
      expect(received, text).not.toContain(text);

    // The client of the consultation still gets the suggestion addressed to them.
    const boAgain = panel();
    await boAgain.hello(created.sessionId, bo.token, 0);
    expect(boAgain.frames.join('\n')).toContain('KIM-IDEA');
    expect(boAgain.frames.join('\n')).not.toContain('KIM-NOTE');
  });
});

describe('bad input on the socket', () => {
  it('answers each bad frame with a typed error and keeps serving', async () => {
    const { created } = await sessionWith([]);
    const p = panel();
    await p.sendRaw('not json');
    await p.waitFor((m) => m.type === 'error' && m.code === 'invalidJson');
    await p.sendRaw(
      JSON.stringify({ type: 'command', commandId: 'x1', command: { type: 'startSession' } }),
    );
    await p.waitFor(
      (m) => m.type === 'error' && m.code === 'helloRequired' && m.commandId === 'x1',
    );
    await p.sendRaw(JSON.stringify({ type: 'hello', protocol: 1, sessionId: created.sessionId }));
    await p.waitFor((m) => m.type === 'error' && m.code === 'invalidFrame');
    await p.sendRaw(JSON.stringify({ type: 'ping', pingId: 1, clientSentAt: 5 }));
    await p.waitFor((m) => m.type === 'pong' && m.pingId === 1);
    await p.hello(created.sessionId, created.token);
    expect(p.messages.some((m) => m.type === 'welcome')).toBe(true);
  });

  it('refuses a wrong token with a clear reason and closes', async () => {
    const { created } = await sessionWith([]);
    const p = panel();
    await p.hello(created.sessionId, 'x'.repeat(43));
    expect(p.messages).toContainEqual(
      expect.objectContaining({ type: 'error', code: 'unauthorized' }),
    );
    expect(await p.waitForClose()).toBe(4401);
    expect(p.messages.some((m) => m.type === 'welcome')).toBe(false);
  });

  it('refuses an unknown session and an old protocol', async () => {
    const { created } = await sessionWith([]);
    const unknown = panel();
    await unknown.hello('nope', created.token);
    // A credential is for its own session: elsewhere it is refused like any wrong credential.
    expect(await unknown.waitForClose()).toBe(4401);
    const old = panel();
    await old.sendRaw(
      JSON.stringify({
        type: 'hello',
        protocol: 99,
        sessionId: created.sessionId,
        token: created.token,
        lastSeq: null,
      }),
    );
    expect(await old.waitForClose()).toBe(4426);
  });

  it('refuses an oversized frame', async () => {
    const { created, facilitator } = await sessionWith([]);
    await facilitator.sendRaw(
      JSON.stringify({
        type: 'command',
        commandId: 'big',
        command: { type: 'writeNote', text: 'é'.repeat(60_000) },
      }),
    );
    const answer = await facilitator.waitFor((m) => m.type === 'error');
    expect(answer).toMatchObject({ type: 'error', code: 'frameTooLarge' });
    const ok = await facilitator.run({ type: 'rename', displayName: 'Awa D.' });
    expect(ok.type).toBe('event');
    expect(created.sessionId).toBeTruthy();
  });
});
