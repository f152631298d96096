import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CreateSessionResponse } from '@cercle/protocol';
import { createSqliteSessionStore } from '@cercle/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type CercleApp } from '../app.ts';
import { makeConfig, makeDataDir } from '../testing/testServer.ts';

let data: ReturnType<typeof makeDataDir>;
let built: CercleApp;

beforeEach(async () => {
  data = makeDataDir();
  const panelDir = join(data.dir, 'panel');
  mkdirSync(panelDir);
  writeFileSync(join(panelDir, 'index.html'), '<!doctype html><title>Cercle</title>');
  built = await buildApp(makeConfig(data.dir, { panelDir }), {
    store: createSqliteSessionStore({ file: ':memory:' }),
  });
});

afterEach(async () => {
  await built.app.close();
  data.remove();
});

async function create(body: Record<string, unknown>) {
  return built.app.inject({ method: 'POST', url: '/api/sessions', payload: body });
}

const validBody = { groupName: 'Cercle RH', templateKey: 'classic-6', facilitatorName: 'Awa' };

describe('HTTP', () => {
  it('answers healthz while the database answers', async () => {
    const response = await built.app.inject('/healthz');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('serves the panel for client-side routes with the four headers Zoom requires', async () => {
    for (const url of ['/', '/s/abc']) {
      const response = await built.app.inject({ url, headers: { accept: 'text/html' } });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<title>Cercle</title>');
      expect(response.headers['strict-transport-security']).toContain('max-age=');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('answers every path the host manifests point at', async () => {
    const { HOST_ROUTES } = await import('@cercle/manifests/hostRoutes');
    // Zoom's pages answer 503 "not configured" here: that they answer at all is what counts.
    const zoomPages: string[] = [HOST_ROUTES.zoomHome, HOST_ROUTES.zoomInstall];
    for (const path of Object.values(HOST_ROUTES)) {
      if (path === HOST_ROUTES.teamsConfig) continue;
      const response = await built.app.inject({ url: path, headers: { accept: 'text/html' } });
      expect(response.statusCode, path).toBe(zoomPages.includes(path) ? 503 : 200);
      expect(response.headers['content-type'], path).toMatch(/^text\/html/);
    }
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await built.app.inject({
      url: '/api/nothing',
      headers: { accept: 'text/html' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'notFound' } });
  });

  it('creates a session and hands out two links with secrets in the fragment', async () => {
    const response = await create(validBody);
    expect(response.statusCode).toBe(201);
    const body = response.json<CreateSessionResponse>();
    expect(body.facilitatorLink).toBe(`http://cercle.test/s/${body.sessionId}#token=${body.token}`);
    expect(body.participantLink).toMatch(new RegExp(`/s/${body.sessionId}#join=[\\w-]{43}$`));
    const room = await built.rooms.get(body.sessionId);
    expect(room?.state.people).toEqual([
      expect.objectContaining({ id: body.personId, displayName: 'Awa', role: 'facilitator' }),
    ]);
    expect(room?.state.stages).toHaveLength(6);
  });

  it.each([
    [{ ...validBody, groupName: '' }, 'invalidRequest'],
    [{ ...validBody, facilitatorName: 'x'.repeat(200) }, 'invalidRequest'],
    [{ ...validBody, templateKey: 'nope' }, 'unknownTemplate'],
    [{ groupName: 3 }, 'invalidRequest'],
  ])('refuses a bad creation request %#', async (body, code) => {
    const response = await create(body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code } });
  });

  it('refuses a body that is not JSON with a typed error', async () => {
    const response = await built.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': 'application/json' },
      payload: '{nope',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalidRequest' } });
  });

  it('lets a participant preview and join with the shared link, and nobody without it', async () => {
    const created = (await create(validBody)).json<CreateSessionResponse>();
    const joinToken = created.participantLink.split('#join=')[1];
    const base = `/api/sessions/${created.sessionId}`;
    const preview = await built.app.inject({
      method: 'POST',
      url: `${base}/invitation`,
      payload: { joinToken },
    });
    expect(preview.json()).toEqual({ groupName: 'Cercle RH', lifecycle: 'scheduled' });
    const joined = await built.app.inject({
      method: 'POST',
      url: `${base}/join`,
      payload: { joinToken, displayName: '  Bo  ' },
    });
    expect(joined.statusCode).toBe(201);
    const room = await built.rooms.get(created.sessionId);
    expect(room?.state.people.map((p) => [p.displayName, p.role])).toEqual([
      ['Awa', 'facilitator'],
      ['Bo', 'consultant'],
    ]);
    const wrong = await built.app.inject({
      method: 'POST',
      url: `${base}/join`,
      payload: { joinToken: created.token, displayName: 'Eve' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });
});
