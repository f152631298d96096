import { CONFIDENTIALITY_NOTICE, type Command, frenchSpacing } from '@cercle/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepRetention } from '../jobs/retentionSweep.ts';
import {
  createTestSession,
  joinTestSession,
  makeDataDir,
  startTestServer,
  type TestServer,
} from '../testing/testServer.ts';

let data: ReturnType<typeof makeDataDir>;
let server: TestServer;

beforeAll(async () => {
  data = makeDataDir();
  server = await startTestServer(data.dir, { creationsPerMinute: 1000 });
});

afterAll(async () => {
  await server.stop();
  data.remove();
});

function call(path: string, token: string | null, init: { method?: string; body?: unknown } = {}) {
  return fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** A first session of a group: Chloé client with a plan, Dan consultant, both with texts. */
async function consultedSession() {
  const created = await createTestSession(server.url, 'Cercle des directions');
  const chloe = await joinTestSession(server.url, created.sessionId, created.joinToken, 'Chloé');
  const dan = await joinTestSession(server.url, created.sessionId, created.joinToken, 'Dan');
  const room = (await server.rooms.get(created.sessionId))!;
  const run = async (actor: string, command: Command) => {
    const outcome = await room.submit(actor, command, null);
    if (!outcome.ok) throw new Error(`${command.type}: ${outcome.reason}`);
  };
  await run(created.personId, { type: 'startSession' });
  await run(chloe.personId, {
    type: 'proposeCase',
    kind: 'problem',
    title: 'Un agent en retrait',
    summary: '',
  });
  await run(created.personId, { type: 'chooseCase', caseId: 'case-1' });
  await run(dan.personId, {
    type: 'postSuggestion',
    text: '<script>alert(1)</script> FOR-CLIENT',
    visibility: 'client',
  });
  await run(chloe.personId, {
    type: 'writeActionPlan',
    actions: ['PLAN-ACTION'],
    firstStep: 'x',
    byWhen: null,
  });
  await run(dan.personId, { type: 'writeLearnings', content: 'DAN-LEARNT', process: '' });
  await run(dan.personId, { type: 'writeNote', text: 'DAN-NOTE' });
  return { created, chloe, dan, room, groupId: room.state.groupId, run };
}

describe('a group’s cycle over HTTP', () => {
  it('opens the next session for the facilitator only, carrying the plan, and lets members follow', async () => {
    const { created, chloe, room, groupId } = await consultedSession();
    expect(
      (
        await call(`/api/groups/${groupId}/sessions`, null, {
          method: 'POST',
          body: { templateKey: 'remote-2h' },
        })
      ).status,
    ).toBe(401);
    const refused = await call(`/api/groups/${groupId}/sessions`, chloe.token, {
      method: 'POST',
      body: { templateKey: 'remote-2h' },
    });
    expect(refused.status).toBe(403);
    const badDate = await call(`/api/groups/${groupId}/sessions`, created.token, {
      method: 'POST',
      body: { templateKey: 'remote-2h', scheduledFor: 'next month' },
    });
    expect(badDate.status).toBe(400);
    const opened = await call(`/api/groups/${groupId}/sessions`, created.token, {
      method: 'POST',
      body: { templateKey: 'remote-2h', scheduledFor: '2027-01-12', cycleSessions: 6 },
    });
    expect(opened.status).toBe(201);
    const next = (await opened.json()) as { sessionId: string; personId: string };
    expect(next.personId).toBe(created.personId);
    expect(room.state.nextSessionId).toBe(next.sessionId);
    const nextRoom = (await server.rooms.get(next.sessionId))!;
    expect(nextRoom.state.groupId).toBe(groupId);
    expect(nextRoom.state.previous).toMatchObject({
      clientId: chloe.personId,
      clientName: 'Chloé',
      caseTitle: 'Un agent en retrait',
    });
    expect(nextRoom.state.pastClientIds).toEqual([chloe.personId]);
    expect([nextRoom.state.scheduledFor, nextRoom.state.cycleSessions]).toEqual(['2027-01-12', 6]);

    const entered = await call(`/api/sessions/${next.sessionId}/enter`, chloe.token, {
      method: 'POST',
    });
    expect(entered.status).toBe(201);
    expect(((await entered.json()) as { personId: string }).personId).toBe(chloe.personId);
    expect(nextRoom.state.people.map((p) => p.displayName)).toEqual(['Awa', 'Chloé']);

    const outsider = await createTestSession(server.url, 'Autre groupe');
    expect(
      (await call(`/api/sessions/${next.sessionId}/enter`, outsider.token, { method: 'POST' }))
        .status,
    ).toBe(403);
    expect((await call(`/api/groups/${groupId}/cycle`, outsider.token)).status).toBe(403);
  });

  it('shows the cycle page as each member may read it', async () => {
    const { created, chloe, dan, groupId, run } = await consultedSession();
    await run(chloe.personId, {
      type: 'setVisibility',
      ref: { kind: 'actionPlan', id: 'consultation-1' },
      visibility: 'me',
    });
    const asDan = await (await call(`/api/groups/${groupId}/cycle`, dan.token)).text();
    const asChloe = await (await call(`/api/groups/${groupId}/cycle`, chloe.token)).text();
    expect(asChloe).toContain('PLAN-ACTION');
    expect(asDan).not.toContain('PLAN-ACTION');
    expect(asDan).not.toContain('DAN-NOTE');
    const asFacilitator = (await (
      await call(`/api/groups/${groupId}/cycle`, created.token)
    ).json()) as { canManage: boolean };
    expect(asFacilitator.canManage).toBe(true);
  });

  it('exports summaries with only what the reader may see, the printable page escaped', async () => {
    const { created, chloe } = await consultedSession();
    const id = created.sessionId;
    const forChloe = await (
      await call(`/api/sessions/${id}/summary?format=md&lang=fr`, chloe.token)
    ).text();
    expect(forChloe).toContain('FOR-CLIENT');
    expect(forChloe).not.toContain('DAN-LEARNT');
    const forAwa = await (
      await call(`/api/sessions/${id}/summary?format=md`, created.token)
    ).text();
    expect(forAwa).not.toContain('FOR-CLIENT');
    const page = await call(`/api/sessions/${id}/summary?format=html&lang=en`, chloe.token);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>alert');
    expect((await call(`/api/sessions/${id}/summary?format=pdf`, chloe.token)).status).toBe(400);
  });

  it('every export carries the confidentiality line: Markdown, printable page and one’s data', async () => {
    const { created, chloe, groupId } = await consultedSession();
    const id = created.sessionId;
    const md = await (
      await call(`/api/sessions/${id}/summary?format=md&lang=fr`, chloe.token)
    ).text();
    expect(md).toContain(frenchSpacing(CONFIDENTIALITY_NOTICE.fr, 'fr'));
    expect(md).toMatch(/^\d{1,2} \p{L}+ \d{4}$/mu);
    const html = await (
      await call(`/api/sessions/${id}/summary?format=html&lang=en`, chloe.token)
    ).text();
    expect(html).toContain(CONFIDENTIALITY_NOTICE.en);
    const data = (await (await call(`/api/groups/${groupId}/my-data`, chloe.token)).json()) as {
      confidentiality: unknown;
    };
    expect(data.confidentiality).toEqual(CONFIDENTIALITY_NOTICE);
  });

  it('exports a person’s own data, then erases it from the session and from the disk', async () => {
    const { dan, groupId, room } = await consultedSession();
    const exported = await (await call(`/api/groups/${groupId}/my-data`, dan.token)).text();
    expect(exported).toContain('DAN-LEARNT');
    expect(exported).toContain('DAN-NOTE');
    expect(exported).not.toContain('PLAN-ACTION');
    const erased = await call(`/api/groups/${groupId}/my-data`, dan.token, { method: 'DELETE' });
    expect(await erased.json()).toEqual({ erasedSessions: 1 });
    expect(JSON.stringify(room.state)).not.toContain('DAN-');
    const stored = JSON.stringify([
      await server.store.load(room.sessionId),
      await server.store.eventsSince(room.sessionId, 0, 10_000),
    ]);
    expect(stored).not.toContain('DAN-LEARNT');
    expect(stored).not.toContain('FOR-CLIENT');
  });

  it('[R50] gives the cycle’s rotation and, as an .ics file, its planned sessions to members only', async () => {
    const { created, chloe, dan, groupId } = await consultedSession();
    const opened = await call(`/api/groups/${groupId}/sessions`, created.token, {
      method: 'POST',
      body: { templateKey: 'remote-2h', scheduledFor: '2027-01-12', cycleSessions: 6 },
    });
    const next = (await opened.json()) as { sessionId: string };
    const cycle = (await (await call(`/api/groups/${groupId}/cycle`, dan.token)).json()) as {
      roster: { suggestedClients: string[]; members: { name: string; timesClient: number }[] };
      sessions: { averageRating: number | null }[];
    };
    expect(cycle.roster.members.map((m) => [m.name, m.timesClient])).toEqual([
      ['Awa', 0],
      ['Chloé', 1],
      ['Dan', 0],
    ]);
    expect(cycle.roster.suggestedClients).toEqual([dan.personId]);
    expect(cycle.sessions.map((s) => s.averageRating)).toEqual([null, null]);

    const ics = await call(`/api/groups/${groupId}/calendar.ics?lang=en`, chloe.token);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = (await ics.text()).replace(/\r\n /g, '');
    expect(text).toContain(`UID:${next.sessionId}@cercle`);
    expect(text).toContain('DTSTART;VALUE=DATE:20270112');
    expect(text).toContain('session 2 of 6');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);

    const outsider = await createTestSession(server.url, 'Autre groupe');
    expect((await call(`/api/groups/${groupId}/calendar.ics`, outsider.token)).status).toBe(403);
    expect((await call(`/api/groups/${groupId}/calendar.ics`, null)).status).toBe(401);
    const link = await call('/api/file-links', chloe.token, {
      method: 'POST',
      body: { kind: 'calendar', groupId, lang: 'fr' },
    });
    // The link names the public address; the test server answers on its own.
    const { pathname, search } = new URL(((await link.json()) as { url: string }).url);
    const viaLink = await fetch(`${server.url}${pathname}${search}`);
    expect((await viaLink.text()).replace(/\r\n /g, '')).toContain('séance 2 sur 6');
    // Single use: the second opening finds the link spent.
    expect((await fetch(`${server.url}${pathname}${search}`)).status).toBe(410);
  });

  it('[R38] erasing one’s data also erases the plan carried into the group’s next session, entered or not', async () => {
    const { created, chloe, groupId } = await consultedSession();
    const opened = await call(`/api/groups/${groupId}/sessions`, created.token, {
      method: 'POST',
      body: { templateKey: 'remote-2h' },
    });
    const next = (await opened.json()) as { sessionId: string };
    const nextRoom = (await server.rooms.get(next.sessionId))!;
    expect(JSON.stringify(nextRoom.state.previous)).toContain('PLAN-ACTION');
    // Chloé has not entered the next session: she is in its history, not in its roster.
    const exported = (await (await call(`/api/groups/${groupId}/my-data`, chloe.token)).json()) as {
      sessions: { sessionId: string }[];
    };
    expect(exported.sessions.map((s) => s.sessionId)).toContain(next.sessionId);
    const erased = await call(`/api/groups/${groupId}/my-data`, chloe.token, { method: 'DELETE' });
    expect(erased.status).toBe(200);
    expect(JSON.stringify(nextRoom.state)).not.toContain('PLAN-ACTION');
    const stored = JSON.stringify([
      await server.store.load(next.sessionId),
      await server.store.eventsSince(next.sessionId, 0, 10_000),
    ]);
    expect(stored).not.toContain('PLAN-ACTION');
  });

  it('deletes content of sessions ended longer ago than the group’s retention, set by the facilitator', async () => {
    const { created, chloe, groupId, room, run } = await consultedSession();
    const days = (retentionDays: number | null, token: string) =>
      call(`/api/groups/${groupId}/retention`, token, { method: 'PUT', body: { retentionDays } });
    expect((await days(7, chloe.token)).status).toBe(403);
    expect((await days(0, created.token)).status).toBe(400);
    expect((await days(7, created.token)).status).toBe(200);
    await run(created.personId, { type: 'endSession' });
    const endedAt = room.state.endedAt ?? 0;
    expect(await sweepRetention(server.store, server.rooms, endedAt + 6 * 86_400_000)).toBe(0);
    expect(JSON.stringify(room.state)).toContain('PLAN-ACTION');
    expect(
      await sweepRetention(server.store, server.rooms, endedAt + 8 * 86_400_000),
    ).toBeGreaterThan(0);
    const stored = JSON.stringify(await server.store.load(room.sessionId));
    for (const text of ['PLAN-ACTION', 'DAN-LEARNT', 'DAN-NOTE', 'FOR-CLIENT'])
      expect(stored).not.toContain(text);
  });

  it('a former facilitator cannot take the group back: neither open its next session nor set its retention', async () => {
    // Session 1: Awa facilitates, Bo takes part. Awa opens session 2; both enter it.
    const first = await createTestSession(server.url, 'Cercle repris');
    const bo = await joinTestSession(server.url, first.sessionId, first.joinToken, 'Bo');
    const groupId = (await server.rooms.get(first.sessionId))!.state.groupId;
    const opened = await call(`/api/groups/${groupId}/sessions`, first.token, {
      method: 'POST',
      body: { templateKey: 'remote-2h' },
    });
    expect(opened.status).toBe(201);
    const second = (await opened.json()) as { sessionId: string };
    const boInSecond = await call(`/api/sessions/${second.sessionId}/enter`, bo.token, {
      method: 'POST',
    });
    expect(boInSecond.status).toBe(201);
    const boSeat = (await boInSecond.json()) as { token: string };
    // In session 2, Awa hands facilitation over to Bo.
    const room = (await server.rooms.get(second.sessionId))!;
    const handed = await room.submit(
      first.personId,
      { type: 'handOverFacilitation', toPersonId: bo.personId },
      null,
    );
    expect(handed.ok).toBe(true);
    // Her seat in session 1 still says "facilitator": it no longer speaks for the group.
    const next = await call(`/api/groups/${groupId}/sessions`, first.token, {
      method: 'POST',
      body: { templateKey: 'remote-2h' },
    });
    expect(next.status).toBe(403);
    const retention = await call(`/api/groups/${groupId}/retention`, first.token, {
      method: 'PUT',
      body: { retentionDays: 1 },
    });
    expect(retention.status).toBe(403);
    // Bo, the facilitator now, can, with his seat in the latest session.
    const byBo = await call(`/api/groups/${groupId}/sessions`, boSeat.token, {
      method: 'POST',
      body: { templateKey: 'remote-2h' },
    });
    expect(byBo.status).toBe(201);
  });
});
