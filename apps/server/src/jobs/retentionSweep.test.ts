import type { Command } from '@cercle/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type CercleApp } from '../app.ts';
import { makeConfig, makeDataDir } from '../testing/testServer.ts';
import { sweepRetention } from './retentionSweep.ts';

const DAY_MS = 86_400_000;
const T0 = 1_800_000_000_000;

const running: Array<{ built: CercleApp; remove(): void }> = [];
afterEach(async () => {
  for (const { built, remove } of running.splice(0)) {
    await built.app.close();
    remove();
  }
});

async function appWithClock() {
  const data = makeDataDir();
  const clock = { at: T0 };
  const built = await buildApp(makeConfig(data.dir, { creationsPerMinute: 1000 }), {
    now: () => clock.at,
  });
  running.push({ built, remove: data.remove });
  const post = async (url: string, payload: object, token?: string) => {
    const response = await built.app.inject({
      method: 'POST',
      url,
      payload,
      ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    });
    expect(response.statusCode).toBeLessThan(300);
    return response.json() as { sessionId: string; personId: string; token: string };
  };
  const run = async (sessionId: string, actor: string, command: Command) => {
    const room = await built.rooms.get(sessionId);
    const outcome = await room?.submit(actor, command, null);
    if (!outcome?.ok) throw new Error(`${command.type}: ${JSON.stringify(outcome)}`);
  };
  const stored = async (sessionId: string) =>
    JSON.stringify([
      await built.store.load(sessionId),
      await built.store.eventsSince(sessionId, 0, 10_000),
    ]);
  return { built, clock, post, run, stored };
}

describe('retention counts from the cycle’s last session', () => {
  it('keeps a group’s earlier sessions while it meets, then erases them all, removed people’s too', async () => {
    const { built, clock, post, run, stored } = await appWithClock();
    const first = await post('/api/sessions', {
      groupName: 'Cercle',
      templateKey: 'remote-2h',
      facilitatorName: 'Awa',
      retentionDays: 10,
    });
    await run(first.sessionId, first.personId, { type: 'writeNote', text: 'AWA-NOTE-1' });
    await run(first.sessionId, first.personId, { type: 'startSession' });
    await run(first.sessionId, first.personId, { type: 'endSession' });

    // Twenty days later the group meets again: the first session is older than the retention, but
    // the cycle goes on, and its debrief and cycle page still need it.
    clock.at = T0 + 20 * DAY_MS;
    const second = await post(
      `/api/groups/${first.sessionId}/sessions`,
      { templateKey: 'remote-2h' },
      first.token,
    );
    const room = await built.rooms.get(second.sessionId);
    await room?.submit('kim', { type: 'join', displayName: 'Kim' }, null);
    await run(second.sessionId, 'kim', { type: 'writeNote', text: 'KIM-NOTE' });
    await run(second.sessionId, first.personId, { type: 'removePerson', personId: 'kim' });
    await run(second.sessionId, first.personId, { type: 'startSession' });
    await run(second.sessionId, first.personId, { type: 'endSession' });
    expect(await sweepRetention(built.store, built.rooms, clock.at)).toBe(0);
    expect(await stored(first.sessionId)).toContain('AWA-NOTE-1');

    clock.at += 9 * DAY_MS;
    expect(await sweepRetention(built.store, built.rooms, clock.at)).toBe(0);
    clock.at += 2 * DAY_MS;
    expect(await sweepRetention(built.store, built.rooms, clock.at)).toBeGreaterThan(0);
    expect(await stored(first.sessionId)).not.toContain('AWA-NOTE-1');
    // Kim was removed: what she left follows the same rule, erased in her name.
    expect(await stored(second.sessionId)).not.toContain('KIM-NOTE');
    // Done once: the next sweeps find nothing more to erase.
    expect(await sweepRetention(built.store, built.rooms, clock.at + DAY_MS)).toBe(0);
  });

  it('a group never met again expires from its last activity, even a session never ended', async () => {
    const { built, clock, post, run, stored } = await appWithClock();
    const session = await post('/api/sessions', {
      groupName: 'Cercle',
      templateKey: 'remote-2h',
      facilitatorName: 'Awa',
      retentionDays: 30,
    });
    await run(session.sessionId, session.personId, { type: 'writeNote', text: 'FORGOTTEN' });
    await run(session.sessionId, session.personId, { type: 'startSession' });
    clock.at = T0 + 29 * DAY_MS;
    expect(await sweepRetention(built.store, built.rooms, clock.at)).toBe(0);
    clock.at = T0 + 31 * DAY_MS;
    expect(await sweepRetention(built.store, built.rooms, clock.at)).toBe(1);
    expect(await stored(session.sessionId)).not.toContain('FORGOTTEN');
  });
});
