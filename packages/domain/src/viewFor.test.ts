import { describe, expect, it } from 'vitest';
import { applyAll } from './apply.ts';
import { decide } from './decide.ts';
import { ROLES } from './role.ts';
import { makeLiveSession, run, T0 } from './testing/builders.ts';
import { STAGE_VIEWER_ID, viewFor, visibleEvent } from './viewFor.ts';

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

  it('[R19] a shared screen (stage viewer) is nobody and reads no text, even one shared with the group', () => {
    const state = sessionWithNotes();
    expect(state.people.some((p) => p.id === STAGE_VIEWER_ID)).toBe(false);
    expect(JSON.stringify(viewFor(state, STAGE_VIEWER_ID))).not.toMatch(/SECRET/);
    const change = decide(
      state,
      { type: 'setVisibility', ref: { kind: 'note', id: 'con' }, visibility: 'group' },
      'con',
      T0,
    );
    if (!change.ok) throw new Error(change.reason);
    const shared = applyAll(state, change.events);
    // Members of the group read the shared note; the screen the whole meeting watches does not.
    expect(JSON.stringify(viewFor(shared, 'cli'))).toContain(SECRETS.con);
    expect(JSON.stringify(viewFor(shared, STAGE_VIEWER_ID))).not.toMatch(/SECRET/);
    for (const event of change.events)
      expect(visibleEvent(event, STAGE_VIEWER_ID, shared)).toEqual({
        type: 'textHidden',
        ref: { kind: 'note', id: 'con' },
      });
    const written = decide(shared, { type: 'writeNote', text: 'SECRET-CON 2' }, 'con', T0);
    if (!written.ok) throw new Error(written.reason);
    for (const event of written.events)
      expect(visibleEvent(event, STAGE_VIEWER_ID, shared)).toBeNull();
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
