import type { Command, SessionView } from '@cercle/domain';
import { mulberry32 } from '@cercle/domain/testing/prng';
import type { CreateSessionResponse, JoinResponse } from '@cercle/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncClient } from '../../apps/panel/src/sync/syncClient.ts';
import { type ServerProcess, startServer } from '../support/serverProcess.ts';
import { postJson, startSyncPanel, until } from '../support/syncPanel.ts';

const env = process.env;
const IS_SOAK = env.SOAK === '1';
const SEEDS = env.SEED ? [Number(env.SEED)] : IS_SOAK ? [1, 2, 3, 4, 5, 6, 7, 8] : [1, 2];
const SESSIONS = IS_SOAK ? 12 : 4;
const PARTICIPANTS = IS_SOAK ? 4 : 2;
const ADJUST_MS = 1000;

interface Panel {
  readonly client: SyncClient;
  readonly personId: string;
  readonly role: 'facilitator' | 'participant';
  readonly sent: Command[];
}

const post = postJson;
const connect = (server: ServerProcess, sessionId: string, token: string) =>
  startSyncPanel(server.url, sessionId, token);

const comparable = (view: SessionView | null) =>
  view && { ...view, notes: {}, people: view.people.map((p) => ({ ...p, presence: 'any' })) };

describe('crash safety: SIGKILL in the middle of a busy session', () => {
  let server: ServerProcess | null = null;
  const clients: SyncClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.stop();
    await server?.dispose();
    server = null;
  });

  it.each(SEEDS)('loses no acknowledged command and every panel agrees (seed %i)', async (seed) => {
    const random = mulberry32(seed);
    server = await startServer({ env: { CREATIONS_PER_MINUTE: '1000' } });
    const sessions: Array<{ sessionId: string; panels: Panel[] }> = [];
    for (let s = 0; s < SESSIONS; s++) {
      const created = await post<CreateSessionResponse>(`${server.url}/api/sessions`, {
        groupName: `Cercle ${s}`,
        templateKey: 'remote-2h',
        facilitatorName: `Fac ${s}`,
      });
      const joinToken = created.participantLink.split('#join=')[1];
      const panels: Panel[] = [
        {
          client: connect(server, created.sessionId, created.token),
          personId: created.personId,
          role: 'facilitator',
          sent: [],
        },
      ];
      for (let p = 0; p < PARTICIPANTS; p++) {
        const joined = await post<JoinResponse>(
          `${server.url}/api/sessions/${created.sessionId}/join`,
          {
            joinToken,
            displayName: `P${s}.${p}`,
          },
        );
        panels.push({
          client: connect(server, created.sessionId, joined.token),
          personId: joined.personId,
          role: 'participant',
          sent: [],
        });
      }
      for (const panel of panels) clients.push(panel.client);
      sessions.push({ sessionId: created.sessionId, panels });
    }
    const all = sessions.flatMap((s) => s.panels);
    await until(
      () => all.every((p) => p.client.snapshot.status === 'connected'),
      20_000,
      'first connections',
    );
    for (const { panels } of sessions) panels[0]!.client.send({ type: 'startSession' });

    // Everyone keeps acting; the server dies at a random moment and comes back on the same data.
    let isSending = true;
    let counter = 0;
    const traffic = (async () => {
      while (isSending) {
        for (const panel of all) {
          if (random() < 0.5) continue;
          const command: Command =
            panel.role === 'facilitator'
              ? { type: 'adjustTimer', deltaMs: ADJUST_MS }
              : { type: 'writeNote', text: `note ${panel.personId} #${++counter}` };
          panel.sent.push(command);
          panel.client.send(command);
        }
        await new Promise((r) => setTimeout(r, 40));
      }
    })();
    await new Promise((r) => setTimeout(r, 300 + Math.floor(random() * 1200)));
    await server.stop('SIGKILL');
    await new Promise((r) => setTimeout(r, 200 + Math.floor(random() * 500)));
    server = await startServer({
      dataDir: server.dataDir,
      port: server.port,
      env: { CREATIONS_PER_MINUTE: '1000' },
    });
    await new Promise((r) => setTimeout(r, 500));
    isSending = false;
    await traffic;

    // Every panel reconnects by itself and empties its outbox.
    await until(
      () =>
        all.every(
          (p) => p.client.snapshot.status === 'connected' && p.client.snapshot.pending.length === 0,
        ),
      45_000,
      'reconnection and outbox drained',
    );

    for (const { panels } of sessions) {
      const facilitator = panels[0]!;
      await until(
        () => panels.every((p) => p.client.snapshot.seq === facilitator.client.snapshot.seq),
        10_000,
        'panels at the same sequence',
      );
      const view = facilitator.client.snapshot.view!;
      // Each adjustment applied exactly once: none lost, none replayed.
      const adjustments = facilitator.sent.length;
      expect(view.timer.durationMs, `seed ${seed}`).toBe(5 * 60_000 + adjustments * ADJUST_MS);
      for (const panel of panels) {
        expect(comparable(panel.client.snapshot.view), `seed ${seed}`).toEqual(comparable(view));
        const lastNote = panel.sent.at(-1);
        if (panel.role === 'participant' && lastNote?.type === 'writeNote')
          expect(panel.client.snapshot.view?.notes[panel.personId]?.text, `seed ${seed}`).toBe(
            lastNote.text,
          );
      }
    }
  });
});
