import { apply, createSession, decide, REMOTE_TWO_HOURS, type SessionState } from '@cercle/domain';
import { afterEach, describe, expect, it } from 'vitest';
import type { Credential, LogEntry, SessionStore } from './sessionStore.ts';

const T0 = 1_700_000_000_000;

function newSession(id: string): SessionState {
  return createSession({
    id,
    groupName: 'Cercle des cadres',
    template: REMOTE_TWO_HOURS,
    facilitator: { id: 'fac', displayName: 'Awa' },
    now: T0,
  });
}

function credential(sessionId: string, personId: string, tokenHash: string): Credential {
  return { tokenHash, sessionId, personId, kind: 'link', createdAt: T0, expiresAt: null };
}

function entry(
  state: SessionState,
  actorId: string,
  command: Parameters<typeof decide>[1],
  at: number,
): LogEntry {
  const decision = decide(state, command, actorId, at);
  if (!decision.ok) throw new Error(`refused: ${decision.reason}`);
  const [event] = decision.events;
  if (!event) throw new Error('no event');
  return { event, actorId, commandId: `c${at}`, at };
}

/** Creates session `id` with its facilitator, the credential stored under `tokenHash`. */
async function seed(
  store: SessionStore,
  id: string,
  joinTokenHash: string,
  tokenHash: string,
): Promise<SessionState> {
  const state = newSession(id);
  await store.createSession({
    state,
    joinTokenHash,
    facilitatorCredential: credential(id, 'fac', tokenHash),
  });
  return state;
}

/**
 * The behaviour every SessionStore must show. Each implementation runs it with its own factory;
 * `reopen` (when the store is durable) opens a second store on the same data.
 */
export function describeSessionStoreContract(
  name: string,
  factory: () => Promise<{ store: SessionStore; reopen?: () => Promise<SessionStore> }>,
  /** Why this store cannot be tested here (its database is away): the suite reports skipped. */
  skipReason: string | null = null,
): void {
  const title = `SessionStore contract: ${name}${skipReason ? ` (skipped: ${skipReason})` : ''}`;
  describe.skipIf(skipReason !== null)(title, () => {
    const open: SessionStore[] = [];
    const make = async () => {
      const made = await factory();
      open.push(made.store);
      return made;
    };
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close();
    });

    it('loads a created session at sequence 0, and nothing it does not know', async () => {
      const { store } = await make();
      const state = await seed(store, 's1', 'j1', 'h1');
      expect(await store.load('s1')).toEqual({ state, seq: 0 });
      expect(await store.load('nope')).toBeNull();
      expect(await store.findJoinToken('s1')).toEqual({ hash: 'j1', expiresAt: null });
      expect(await store.findCredential('h1')).toMatchObject({ sessionId: 's1', personId: 'fac' });
      expect(await store.findCredential('unknown')).toBeNull();
    });

    it('appends events with gap-free sequence numbers and returns them in order', async () => {
      const { store } = await make();
      let state = await seed(store, 's2', 'j', 'h2');
      const join = entry(state, 'p1', { type: 'join', displayName: 'Bo' }, T0 + 1);
      expect(await store.append('s2', 0, [join])).toEqual({ ok: true, seq: 1 });
      state = (await store.load('s2'))!.state;
      const start = entry(state, 'fac', { type: 'startSession' }, T0 + 2);
      expect(await store.append('s2', 1, [start])).toEqual({ ok: true, seq: 2 });
      const since = await store.eventsSince('s2', 0, 100);
      expect(since.map((e) => e.seq)).toEqual([1, 2]);
      expect(since.map((e) => e.event.type)).toEqual(['personJoined', 'sessionStarted']);
      expect(await store.eventsSince('s2', 1, 100)).toHaveLength(1);
      expect(await store.eventsSince('s2', 0, 1)).toHaveLength(1);
    });

    it('refuses an append whose expected sequence is stale, and writes nothing', async () => {
      const { store } = await make();
      const state = await seed(store, 's3', 'j', 'h3');
      const start = entry(state, 'fac', { type: 'startSession' }, T0 + 1);
      expect((await store.append('s3', 0, [start])).ok).toBe(true);
      expect(await store.append('s3', 0, [start])).toEqual({
        ok: false,
        reason: 'conflict',
        headSeq: 1,
      });
      expect(await store.eventsSince('s3', 0, 100)).toHaveLength(1);
      expect(await store.append('missing', 0, [start])).toMatchObject({
        ok: false,
        reason: 'notFound',
      });
    });

    it('a snapshot plus the events after it equals the full replay', async () => {
      const { store } = await make();
      let state = await seed(store, 's4', 'j', 'h4');
      let seq = 0;
      const commands = [
        { type: 'startSession' },
        { type: 'startTimer' },
        { type: 'adjustTimer', deltaMs: 60_000 },
        { type: 'goToStage', fromIndex: 0, toIndex: 1 },
        { type: 'writeNote', text: 'private' },
      ] as const;
      for (const [i, command] of commands.entries()) {
        const e = entry(state, 'fac', command, T0 + 10 * (i + 1));
        state = apply(state, e.event);
        // Snapshot in the middle of the run, as the server does every so many events.
        const result = await store.append('s4', seq, [e], i === 2 ? state : undefined);
        if (!result.ok) throw new Error('append failed');
        seq = result.seq;
      }
      expect(await store.load('s4')).toEqual({ state, seq: 5 });
    });

    it('keeps credentials with their kind and expiry', async () => {
      const { store } = await make();
      await seed(store, 's5', 'j', 'h5');
      await store.issueCredential({
        tokenHash: 'z1',
        sessionId: 's5',
        personId: 'p9',
        kind: 'zoom',
        createdAt: T0,
        expiresAt: T0 + 1000,
      });
      expect(await store.findCredential('z1')).toEqual({
        tokenHash: 'z1',
        sessionId: 's5',
        personId: 'p9',
        kind: 'zoom',
        createdAt: T0,
        expiresAt: T0 + 1000,
      });
      expect(await store.ping()).toBe(true);
    });

    it('binds one session per meeting and one person per platform identity', async () => {
      const { store } = await make();
      const link = { provider: 'zoom', externalId: 'meeting-uuid==' } as const;
      const identity = { provider: 'zoom', subject: 'zoom-user-1', personId: 'fac' } as const;
      const first = newSession('m1');
      expect(
        await store.createSession({
          state: first,
          joinTokenHash: 'j',
          facilitatorCredential: credential('m1', 'fac', 'hm1'),
          link,
          facilitatorIdentity: identity,
        }),
      ).toBe(true);
      // A second host opening the same meeting at the same moment gets no second session.
      expect(
        await store.createSession({
          state: newSession('m2'),
          joinTokenHash: 'j',
          facilitatorCredential: credential('m2', 'fac', 'hm2'),
          link,
        }),
      ).toBe(false);
      expect(await store.load('m2')).toBeNull();
      expect(await store.findCredential('hm2')).toBeNull();
      expect(await store.findLinkedSession(link)).toBe('m1');
      expect(
        await store.findLinkedSession({ provider: 'teams', externalId: 'meeting-uuid==' }),
      ).toBeNull();
      expect(await store.findIdentity('m1', 'zoom', 'zoom-user-1')).toBe('fac');
      expect(
        await store.linkIdentity('m1', {
          provider: 'zoom',
          subject: 'zoom-user-2',
          personId: 'p2',
        }),
      ).toBe(true);
      expect(
        await store.linkIdentity('m1', {
          provider: 'zoom',
          subject: 'zoom-user-2',
          personId: 'p3',
        }),
      ).toBe(false);
      expect(await store.findIdentity('m1', 'zoom', 'zoom-user-2')).toBe('p2');
    });

    it('binds an existing session to another meeting once, and moves a link that follows', async () => {
      const { store } = await make();
      const meetingA = { provider: 'zoom', externalId: 'meeting-a==' } as const;
      const meetingB = { provider: 'zoom', externalId: 'meeting-b==' } as const;
      await store.createSession({
        state: newSession('a1'),
        joinTokenHash: 'j',
        facilitatorCredential: credential('a1', 'fac', 'ha1'),
        link: meetingA,
      });
      await seed(store, 'planned', 'jp', 'hp');

      // A session opened outside any meeting is taken on by the meeting where it is held.
      expect(await store.linkSession('planned', meetingB)).toBe(true);
      expect(await store.findLinkedSession(meetingB)).toBe('planned');
      // A meeting names one session: binding it again, to any session, is refused.
      expect(await store.linkSession('a1', meetingB)).toBe(false);
      expect(await store.linkSession('planned', meetingB)).toBe(false);
      expect(await store.findLinkedSession(meetingB)).toBe('planned');
      // A session may be bound to several meetings (a meeting restarted under a new id).
      expect(await store.linkSession('a1', { provider: 'zoom', externalId: 'meeting-c==' })).toBe(
        true,
      );
      expect(await store.findLinkedSession(meetingA)).toBe('a1');
      // An unknown session binds nothing.
      expect(await store.linkSession('nope', { provider: 'zoom', externalId: 'meeting-d==' })).toBe(
        false,
      );
      expect(await store.findLinkedSession({ provider: 'zoom', externalId: 'meeting-d==' })).toBe(
        null,
      );

      // A link that follows the latest session is moved, created the first time.
      const series = { provider: 'zoom', externalId: 'series:123' } as const;
      await store.moveLink(series, 'a1');
      expect(await store.findLinkedSession(series)).toBe('a1');
      await store.moveLink(series, 'planned');
      expect(await store.findLinkedSession(series)).toBe('planned');
      expect(await store.findLinkedSession(meetingA)).toBe('a1');
    });

    it('finds everything again after being reopened on the same data', async () => {
      const made = await make();
      if (!made.reopen) return;
      let state = await seed(made.store, 's6', 'j6', 'h6');
      const start = entry(state, 'fac', { type: 'startSession' }, T0 + 5);
      await made.store.append('s6', 0, [start]);
      state = apply(state, start.event);
      await made.store.close();
      const reopened = await made.reopen();
      open.push(reopened);
      expect(await reopened.load('s6')).toEqual({ state, seq: 1 });
      expect(await reopened.findCredential('h6')).not.toBeNull();
    });

    it('keeps a group’s sessions in order, its retention setting, and one group per id', async () => {
      const { store } = await make();
      const first = await seed(store, 'g1-a', 'ja', 'ha');
      const second = createSession({
        id: 'g1-b',
        groupId: first.groupId,
        groupName: 'Renamed later',
        template: REMOTE_TWO_HOURS,
        facilitator: { id: 'fac', displayName: 'Awa' },
        now: T0 + 1000,
      });
      await store.createSession({
        state: second,
        joinTokenHash: 'jb',
        facilitatorCredential: credential('g1-b', 'fac', 'hb'),
      });
      expect(await store.groupSessions('g1-a')).toEqual(['g1-a', 'g1-b']);
      expect(await store.findGroup('g1-a')).toEqual({
        id: 'g1-a',
        name: 'Cercle des cadres',
        createdAt: T0,
        retentionDays: null,
      });
      await store.setRetention('g1-a', 30);
      expect((await store.findGroup('g1-a'))?.retentionDays).toBe(30);
      expect((await store.groupsWithRetention()).map((g) => g.id)).toEqual(['g1-a']);
      expect(await store.findGroup('nope')).toBeNull();
      expect(await store.groupSessions('nope')).toEqual([]);
    });

    it('creates a new group with the retention its first session names, and only a new one', async () => {
      const { store } = await make();
      const first = newSession('rt-a');
      await store.createSession({
        state: first,
        joinTokenHash: 'j',
        facilitatorCredential: credential('rt-a', 'fac', 'h-rt-a'),
        retentionDays: 365,
      });
      expect((await store.findGroup(first.groupId))?.retentionDays).toBe(365);
      await store.createSession({
        state: { ...newSession('rt-b'), groupId: first.groupId },
        joinTokenHash: 'j',
        facilitatorCredential: credential('rt-b', 'fac', 'h-rt-b'),
        retentionDays: 7,
      });
      expect((await store.findGroup(first.groupId))?.retentionDays).toBe(365);
      await seed(store, 'rt-c', 'j', 'h-rt-c');
      expect((await store.findGroup('rt-c'))?.retentionDays).toBeNull();
    });

    it('keeps the join secret with its expiry, replaces it, and revokes one person’s seats', async () => {
      const { store } = await make();
      await store.createSession({
        state: newSession('jr-1'),
        joinTokenHash: 'join-1',
        joinTokenExpiresAt: T0 + 1000,
        facilitatorCredential: credential('jr-1', 'fac', 'h-jr-fac'),
      });
      await seed(store, 'jr-2', 'join-2', 'h-jr-2');
      expect(await store.findJoinToken('jr-1')).toEqual({ hash: 'join-1', expiresAt: T0 + 1000 });
      expect(await store.findJoinToken('jr-2')).toEqual({ hash: 'join-2', expiresAt: null });
      expect(await store.findJoinToken('nope')).toBeNull();

      expect(await store.rotateJoinToken('jr-1', 'join-1b', T0 + 5000)).toBe(true);
      expect(await store.findJoinToken('jr-1')).toEqual({ hash: 'join-1b', expiresAt: T0 + 5000 });
      expect(await store.findJoinToken('jr-2')).toEqual({ hash: 'join-2', expiresAt: null });
      expect(await store.rotateJoinToken('nope', 'x', T0)).toBe(false);

      for (const [hash, sessionId, personId] of [
        ['h-kim-1', 'jr-1', 'kim'],
        ['h-kim-2', 'jr-1', 'kim'],
        ['h-bo', 'jr-1', 'bo'],
        ['h-kim-elsewhere', 'jr-2', 'kim'],
      ] as const)
        await store.issueCredential({ ...credential(sessionId, personId, hash), kind: 'zoom' });
      expect(await store.revokeCredentials('jr-1', 'kim')).toBe(2);
      expect(await store.findCredential('h-kim-1')).toBeNull();
      expect(await store.findCredential('h-kim-2')).toBeNull();
      expect(await store.findCredential('h-bo')).not.toBeNull();
      expect(await store.findCredential('h-kim-elsewhere')).not.toBeNull();
      expect(await store.findCredential('h-jr-fac')).not.toBeNull();
      expect(await store.revokeCredentials('jr-1', 'kim')).toBe(0);
    });

    it('finds the sessions where a platform user has a person, newest first, across groups', async () => {
      const { store } = await make();
      const open = async (id: string, groupId: string, at: number, subject: string | null) => {
        const state = createSession({
          id,
          groupId,
          groupName: `Groupe ${groupId}`,
          template: REMOTE_TWO_HOURS,
          facilitator: { id: `fac-${id}`, displayName: 'Awa' },
          now: at,
        });
        await store.createSession({
          state,
          joinTokenHash: `j-${id}`,
          facilitatorCredential: credential(id, `fac-${id}`, `h-${id}`),
          ...(subject
            ? { facilitatorIdentity: { provider: 'zoom', subject, personId: `fac-${id}` } }
            : {}),
        });
      };
      await open('is-1', 'ga', T0, 'zoom-awa');
      await open('is-2', 'gb', T0 + 2000, 'zoom-awa');
      await open('is-3', 'ga', T0 + 1000, 'zoom-bo');
      await store.linkIdentity('is-3', {
        provider: 'zoom',
        subject: 'zoom-awa',
        personId: 'p-awa',
      });
      await store.linkIdentity('is-3', { provider: 'teams', subject: 'zoom-awa', personId: 'x' });

      expect(await store.identitySessions('zoom', 'zoom-awa', 10)).toEqual([
        {
          sessionId: 'is-2',
          personId: 'fac-is-2',
          groupId: 'gb',
          groupName: 'Groupe gb',
          createdAt: T0 + 2000,
        },
        {
          sessionId: 'is-3',
          personId: 'p-awa',
          groupId: 'ga',
          groupName: 'Groupe ga',
          createdAt: T0 + 1000,
        },
        {
          sessionId: 'is-1',
          personId: 'fac-is-1',
          groupId: 'ga',
          groupName: 'Groupe ga',
          createdAt: T0,
        },
      ]);
      expect((await store.identitySessions('zoom', 'zoom-awa', 1)).map((s) => s.sessionId)).toEqual(
        ['is-2'],
      );
      expect(await store.identitySessions('zoom', 'nobody', 10)).toEqual([]);
    });

    it('gives a pending OAuth authorisation back once, and only before it expires', async () => {
      const { store } = await make();
      const pending = (stateHash: string, expiresAt: number) =>
        ({
          stateHash,
          provider: 'zoom',
          verifier: `sealed-${stateHash}`,
          browserHash: `browser-${stateHash}`,
          expiresAt,
        }) as const;
      await store.savePendingOAuth(pending('s1', T0 + 600_000), T0);
      await store.savePendingOAuth(pending('s2', T0 + 1000), T0);
      expect(await store.takePendingOAuth('s1', T0 + 1)).toEqual(pending('s1', T0 + 600_000));
      expect(await store.takePendingOAuth('s1', T0 + 2)).toBeNull();
      expect(await store.takePendingOAuth('s2', T0 + 1000)).toBeNull();
      expect(await store.takePendingOAuth('unknown', T0)).toBeNull();
      // Saving drops what has expired, so abandoned authorisations do not pile up.
      await store.savePendingOAuth(pending('s3', T0 + 5000), T0);
      await store.savePendingOAuth(pending('s4', T0 + 600_000), T0 + 5000);
      expect(await store.takePendingOAuth('s3', T0)).toBeNull();
      expect(await store.takePendingOAuth('s4', T0 + 5001)).not.toBeNull();
    });

    it('keeps one grant per platform user, replaced when they authorise again', async () => {
      const { store } = await make();
      const grant = {
        provider: 'zoom',
        subject: 'zoom-awa',
        accessToken: 'sealed-access-1',
        refreshToken: 'sealed-refresh-1',
        scope: 'zoomapp:inmeeting',
        expiresAt: T0 + 3_600_000,
        updatedAt: T0,
      } as const;
      await store.saveHostGrant(grant);
      expect(await store.findHostGrant('zoom', 'zoom-awa')).toEqual(grant);
      const renewed = {
        ...grant,
        accessToken: 'sealed-access-2',
        refreshToken: null,
        expiresAt: T0 + 7_200_000,
        updatedAt: T0 + 3_600_000,
      };
      await store.saveHostGrant(renewed);
      expect(await store.findHostGrant('zoom', 'zoom-awa')).toEqual(renewed);
      expect(await store.findHostGrant('teams', 'zoom-awa')).toBeNull();
      expect(await store.findHostGrant('zoom', 'zoom-bo')).toBeNull();
    });

    it('compacts a log into its snapshot so erased text is gone from storage', async () => {
      const { store } = await make();
      let state = await seed(store, 'c1', 'jc', 'hc');
      const note = entry(state, 'fac', { type: 'writeNote', text: 'TO-ERASE' }, T0 + 1);
      await store.append('c1', 0, [note]);
      state = apply(state, note.event);
      const erase = entry(state, 'fac', { type: 'eraseMyContent' }, T0 + 2);
      await store.append('c1', 1, [erase]);
      state = apply(state, erase.event);
      expect(await store.compact('c1', 1, state)).toBe(false);
      expect(await store.compact('c1', 2, state)).toBe(true);
      expect(await store.eventsSince('c1', 0, 10)).toEqual([]);
      expect(await store.load('c1')).toEqual({ state, seq: 2 });
      expect(JSON.stringify(await store.load('c1'))).not.toContain('TO-ERASE');
      const next = entry(state, 'fac', { type: 'writeNote', text: 'after' }, T0 + 3);
      expect(await store.append('c1', 2, [next])).toEqual({ ok: true, seq: 3 });
    });

    it('measures the bytes a session’s log holds, none once it is compacted', async () => {
      const { store } = await make();
      let state = await seed(store, 'l1', 'jl', 'hl');
      await seed(store, 'l2', 'jl2', 'hl2');
      expect(await store.logBytes('l1')).toBe(0);
      const note = entry(state, 'fac', { type: 'writeNote', text: 'x'.repeat(5000) }, T0 + 1);
      await store.append('l1', 0, [note]);
      state = apply(state, note.event);
      const bytes = await store.logBytes('l1');
      expect(bytes).toBeGreaterThanOrEqual(5000);
      expect(bytes).toBeLessThan(20_000);
      expect(await store.logBytes('l2')).toBe(0);
      expect(await store.logBytes('unknown')).toBe(0);
      expect(await store.compact('l1', 1, state)).toBe(true);
      expect(await store.logBytes('l1')).toBe(0);
    });

    it('probes a real write and read without touching any session, and fails once closed', async () => {
      const { store } = await make();
      const state = await seed(store, 'p1', 'jp', 'hp');
      expect(await store.probe()).toBe(true);
      expect(await store.probe()).toBe(true);
      expect(await store.load('p1')).toEqual({ state, seq: 0 });
      expect(await store.eventsSince('p1', 0, 10)).toEqual([]);
      expect(await store.groupSessions(state.groupId)).toEqual(['p1']);
      await store.close();
      expect(await store.probe()).toBe(false);
    });
  });
}
