import type { CreateSessionResponse, FileLinkResponse, JoinResponse } from '@cercle/protocol';
import { createSqliteSessionStore } from '@cercle/storage';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type CercleApp } from '../app.ts';
import { makeConfig, makeDataDir } from '../testing/testServer.ts';
import { FILE_LINK_TTL_MS } from './bearer.ts';

let built: CercleApp | null = null;
const data = makeDataDir();
let clock = Date.now();

afterEach(async () => {
  await built?.app.close();
  built = null;
});

async function setUp() {
  built = await buildApp(makeConfig(data.dir), {
    store: createSqliteSessionStore({ file: ':memory:' }),
    now: () => clock,
  });
  const app = built.app;
  const created = (
    await app.inject({
      method: 'POST',
      url: '/api/sessions',
      payload: { groupName: 'Codev', templateKey: 'remote-2h', facilitatorName: 'Awa' },
    })
  ).json<CreateSessionResponse>();
  const joinToken = created.participantLink.split('#join=')[1] ?? '';
  const bo = (
    await app.inject({
      method: 'POST',
      url: `/api/sessions/${created.sessionId}/join`,
      payload: { joinToken, displayName: 'Bo' },
    })
  ).json<JoinResponse>();
  const room = (await built.rooms.get(created.sessionId))!;
  await room.submit(bo.personId, { type: 'writeNote', text: 'NOTE-OF-BO' }, null);
  return { app, created, bo, room };
}

const link = (app: CercleApp['app'], token: string, payload: object) =>
  app.inject({
    method: 'POST',
    url: '/api/file-links',
    headers: { authorization: `Bearer ${token}` },
    payload,
  });

/** The link's path and query, as the person's browser would ask the server. */
const pathOf = (url: string) => url.replace('http://cercle.test', '');

describe('file links (a file another browser opens, for Zoom)', () => {
  it('opens the person’s own summary once, without their seat in the address', async () => {
    const { app, created, bo } = await setUp();
    const answer = await link(app, bo.token, {
      kind: 'summary',
      sessionId: created.sessionId,
      format: 'md',
      lang: 'fr',
    });
    expect(answer.statusCode).toBe(201);
    const { url, expiresAt } = answer.json<FileLinkResponse>();
    expect(url).toMatch(
      new RegExp(
        `^http://cercle.test/api/sessions/${created.sessionId}/summary\\?format=md&lang=fr&access=[\\w-]{43}$`,
      ),
    );
    expect(url).not.toContain(bo.token);
    expect(expiresAt).toBe(clock + FILE_LINK_TTL_MS);
    const opened = await app.inject(pathOf(url));
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('NOTE-OF-BO');
    expect((await app.inject(pathOf(url))).statusCode).toBe(410);
  });

  it('opens the person’s data for their group; refuses other sessions and groups', async () => {
    const { app, created, bo, room } = await setUp();
    const mine = await link(app, bo.token, { kind: 'myData', groupId: room.state.groupId });
    const data = await app.inject(pathOf(mine.json<FileLinkResponse>().url));
    expect(data.statusCode).toBe(200);
    expect(data.body).toContain('NOTE-OF-BO');
    const other = (
      await app.inject({
        method: 'POST',
        url: '/api/sessions',
        payload: { groupName: 'Autre', templateKey: 'remote-2h', facilitatorName: 'Zoé' },
      })
    ).json<CreateSessionResponse>();
    expect(
      (
        await link(app, bo.token, {
          kind: 'summary',
          sessionId: other.sessionId,
          format: 'md',
          lang: 'fr',
        })
      ).statusCode,
    ).toBe(403);
    const otherRoom = (await built!.rooms.get(other.sessionId))!;
    expect(
      (await link(app, bo.token, { kind: 'myData', groupId: otherRoom.state.groupId })).statusCode,
    ).toBe(403);
    expect((await link(app, created.token, { kind: 'nope' })).statusCode).toBe(400);
  });

  it('a file link is no seat, a seat never travels in an address, and a link expires', async () => {
    const { app, created, bo } = await setUp();
    const { url } = (
      await link(app, bo.token, {
        kind: 'summary',
        sessionId: created.sessionId,
        format: 'html',
        lang: 'en',
      })
    ).json<FileLinkResponse>();
    const access = new URL(url).searchParams.get('access') ?? '';
    // As a Bearer seat elsewhere: refused.
    const asSeat = await link(app, access, { kind: 'myData', groupId: 'g' });
    expect(asSeat.statusCode).toBe(403);
    // A seat in ?access=: refused, so a leaked address never carries one.
    const seatInAddress = await app.inject(
      `/api/sessions/${created.sessionId}/summary?format=md&lang=fr&access=${bo.token}`,
    );
    expect(seatInAddress.statusCode).toBe(403);
    clock += FILE_LINK_TTL_MS + 1;
    expect((await app.inject(pathOf(url))).statusCode).toBe(401);
  });
});
