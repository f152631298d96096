import { describe, expect, it } from 'vitest';
import { applyAll } from './apply.ts';
import { decide } from './decide.ts';
import { ROLES } from './role.ts';
import { makeLiveSession, run, T0 } from './testing/builders.ts';
import { viewFor, visibleEvent } from './viewFor.ts';

const SECRETS = {
  fac: 'SECRET-FAC',
  cli: 'SECRET-CLI',
  con: 'SECRET-CON',
  obs: 'SECRET-OBS',
} as const;

function sessionWithNotes() {
  let state = makeLiveSession();
  for (const [author, text] of Object.entries(SECRETS))
    state = run(state, author, { type: 'writeNote', text });
  return state;
}

describe('views', () => {
  it('[R19] a view holds only its owner’s note, for every role', () => {
    const state = sessionWithNotes();
    expect(state.people.map((p) => p.role).sort()).toEqual([...ROLES].sort());
    for (const [viewer, own] of Object.entries(SECRETS)) {
      const json = JSON.stringify(viewFor(state, viewer));
      expect(json).toContain(own);
      for (const [author, text] of Object.entries(SECRETS))
        if (author !== viewer) expect(json, `${viewer} sees ${author}'s note`).not.toContain(text);
    }
    expect(JSON.stringify(viewFor(state, 'stranger'))).not.toMatch(/SECRET/);
  });

  it('[R19] everything but notes is the same in every view', () => {
    const state = sessionWithNotes();
    const { notes: _ignored, ...shared } = state;
    for (const viewer of Object.keys(SECRETS)) {
      const { notes, ...rest } = viewFor(state, viewer);
      expect(rest).toEqual(shared);
      expect(Object.keys(notes)).toEqual([viewer]);
    }
  });

  it('[R19] a note event reaches its author only; applying visible events rebuilds the view', () => {
    const state = makeLiveSession();
    const decision = decide(state, { type: 'writeNote', text: 'SECRET-OBS' }, 'obs', T0);
    if (!decision.ok) throw new Error(decision.reason);
    const [event] = decision.events;
    if (!event) throw new Error('no event');
    const next = applyAll(state, decision.events);
    expect(visibleEvent(event, 'obs', next)).toEqual(event);
    expect(visibleEvent(event, 'fac', next)).toBeNull();
    for (const viewer of ['fac', 'obs']) {
      const visible = decision.events
        .map((e) => visibleEvent(e, viewer, next))
        .filter((e) => e !== null);
      expect(applyAll(viewFor(state, viewer), visible)).toEqual(viewFor(next, viewer));
    }
  });
});
