import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Command, findTemplate } from '@cercle/domain';
import { createSqliteSessionStore, type SessionStore } from '@cercle/storage';
import { afterEach, describe, expect, it } from 'vitest';
import { admitPerson } from '../auth/admitPerson.ts';
import { newId } from '../auth/tokens.ts';
import { openLinkSession } from '../http/openSession.ts';
import { Rooms } from './rooms.ts';

const opened: Array<{ store: SessionStore; dir: string }> = [];
afterEach(async () => {
  for (const { store, dir } of opened.splice(0)) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Which of `markers` the raw bytes of the database, its WAL and its SHM hold. */
function markersOnDisk(file: string, markers: readonly string[]): string[] {
  const files = [file, `${file}-wal`, `${file}-shm`].filter((path) => existsSync(path));
  const bytes = Buffer.concat(files.map((path) => readFileSync(path)));
  return markers.filter((marker) => bytes.includes(marker));
}

// The review found 23–25 erased markers in cercle.sqlite and its WAL after everyone had erased
// their content (free pages, old WAL frames). Each text here is saved in several versions, some
// large enough to spill over pages, some folded into a snapshot.
describe('erased text leaves the disk, not only the views', () => {
  it('notes, learnings and suggestions of everyone: none in the .sqlite, -wal or -shm after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cercle-erased-'));
    const file = join(dir, 'cercle.sqlite');
    const store = createSqliteSessionStore({ file });
    opened.push({ store, dir });
    const rooms = new Rooms(store, Date.now);
    const session = await openLinkSession(store, 'http://cercle.test', {
      groupName: 'Cercle des directions',
      template: findTemplate('remote-2h')!,
      facilitator: { id: newId(), displayName: 'Awa' },
      now: Date.now(),
    });
    if (!session) throw new Error('not created');
    const room = (await rooms.get(session.sessionId))!;
    const admit = async (displayName: string) => {
      const admitted = await admitPerson(store, room, {
        displayName,
        kind: 'link',
        now: Date.now(),
      });
      if (!admitted.ok) throw new Error(admitted.reason);
      return admitted.personId;
    };
    const awa = session.personId;
    const chloe = await admit('Chloé');
    const dan = await admit('Dan');
    const run = async (actor: string, command: Command) => {
      const outcome = await room.submit(actor, command, null);
      if (!outcome.ok) throw new Error(`${command.type}: ${outcome.reason}`);
    };
    await run(awa, { type: 'startSession' });
    await run(chloe, { type: 'proposeCase', kind: 'problem', title: 'Un cas', summary: '' });
    await run(awa, { type: 'chooseCase', caseId: 'case-1' });

    const markers: string[] = [];
    const marker = (name: string, size: number) => {
      const tag = `SECRET-${name}-${markers.length}-QZX`;
      markers.push(tag);
      return `${tag} `.repeat(Math.ceil(size / (tag.length + 1)));
    };
    for (const [person, name] of [
      [awa, 'AWA'],
      [chloe, 'CHLOE'],
      [dan, 'DAN'],
    ] as const)
      for (const size of [100, 6000, 300]) {
        await run(person, { type: 'writeNote', text: marker(`${name}-NOTE`, size) });
        if (person !== awa)
          await run(person, {
            type: 'writeLearnings',
            content: marker(`${name}-LEARNT`, Math.min(size, 4000)),
            process: '',
          });
      }
    for (const size of [100, 1500])
      await run(dan, {
        type: 'postSuggestion',
        text: marker('DAN-IDEA', size),
        visibility: 'client',
      });
    // Enough commits for a snapshot to hold some of them too.
    for (let i = 0; i < 40; i++) await run(awa, { type: 'adjustTimer', deltaMs: 60_000 });
    await room.idle();
    expect(markersOnDisk(file, markers)).toEqual(markers);

    for (const person of [awa, chloe, dan]) await run(person, { type: 'eraseMyContent' });
    expect(JSON.stringify(room.state)).not.toContain('SECRET-');
    expect(markersOnDisk(file, markers)).toEqual([]);
    // And after the store is closed (the last checkpoint), still none.
    await store.close();
    expect(markersOnDisk(file, markers)).toEqual([]);
  });
});
