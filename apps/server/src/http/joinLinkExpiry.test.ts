import { DEFAULT_RETENTION_DAYS } from '@cercle/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type CercleApp } from '../app.ts';
import { makeConfig, makeDataDir } from '../testing/testServer.ts';

const DAY_MS = 86_400_000;
const T0 = 1_800_000_000_000;

const running: Array<{ built: CercleApp; remove(): void }> = [];
afterEach(async () => {
  for (const { built, remove } of running.splice(0)) {
    await built.app.close();
    remove();
  }
});

/** An app on its own database and clock: `clock.at` moves time for everything it does. */
async function appWithClock() {
  const data = makeDataDir();
  const clock = { at: T0 };
  const built = await buildApp(makeConfig(data.dir, { creationsPerMinute: 1000 }), {
    now: () => clock.at,
  });
  running.push({ built, remove: data.remove });
  const post = (url: string, payload: object, token?: string) =>
    built.app.inject({
      method: 'POST',
      url,
      payload,
      ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    });
  const create = async (extra: object = {}) => {
    const response = await post('/api/sessions', {
      groupName: 'Cercle',
      templateKey: 'remote-2h',
      facilitatorName: 'Awa',
      ...extra,
    });
    expect(response.statusCode).toBe(201);
    const body = response.json() as { sessionId: string; token: string; participantLink: string };
    return { ...body, joinToken: body.participantLink.split('#join=')[1] ?? '' };
  };
  return { built, clock, post, create };
}

describe('a participant link is not a standing invitation', () => {
  it('admits newcomers for 30 days, then not; a new link made then admits again', async () => {
    const { clock, post, create } = await appWithClock();
    const session = await create();
    const join = (joinToken: string, displayName: string) =>
      post(`/api/sessions/${session.sessionId}/join`, { joinToken, displayName });
    clock.at = T0 + 29 * DAY_MS;
    expect((await join(session.joinToken, 'Bo')).statusCode).toBe(201);
    clock.at = T0 + 31 * DAY_MS;
    const late = await join(session.joinToken, 'Lou');
    expect(late.statusCode).toBe(401);
    expect(late.json()).toMatchObject({ error: { message: expect.stringMatching(/expired/) } });
    const invitation = await post(`/api/sessions/${session.sessionId}/invitation`, {
      joinToken: session.joinToken,
    });
    expect(invitation.statusCode).toBe(401);
    // The facilitator's seat is a month long too: they make the new link within it.
    clock.at = T0 + 29 * DAY_MS;
    const rotated = await post(
      `/api/sessions/${session.sessionId}/participant-link`,
      {},
      session.token,
    );
    expect(rotated.statusCode).toBe(200);
    const fresh = (rotated.json() as { participantLink: string }).participantLink.split(
      '#join=',
    )[1];
    clock.at = T0 + 31 * DAY_MS;
    expect((await join(fresh ?? '', 'Lou')).statusCode).toBe(201);
  });
});

describe('retention is chosen at creation, a year by default', () => {
  it('a new group keeps its content a year unless its facilitator says otherwise', async () => {
    const { built, create } = await appWithClock();
    const byDefault = await create();
    const chosen = await create({ retentionDays: 90 });
    const kept = await create({ retentionDays: null });
    const retention = async (id: string) => (await built.store.findGroup(id))?.retentionDays;
    expect(await retention(byDefault.sessionId)).toBe(DEFAULT_RETENTION_DAYS);
    expect(await retention(chosen.sessionId)).toBe(90);
    expect(await retention(kept.sessionId)).toBeNull();
    expect(DEFAULT_RETENTION_DAYS).toBe(365);
  });
});
