import { type SessionState, type SessionView, viewFor } from '@cercle/domain';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { fr } from '../../i18n/fr.ts';
import { makeSession, run, T0 } from '../../testing/builders.ts';
import { createCueTracker } from './zoomCues.ts';

const MINUTE = 60_000;
const pickFr = (text: { fr: string; en: string }) => text.fr;
const pickEn = (text: { fr: string; en: string }) => text.en;

function live(): SessionState {
  let state = run(makeSession([{ id: 'bo', name: 'Bo' }]), 'fac', { type: 'startSession' }, T0);
  // Inclusion: five minutes from T0.
  state = run(state, 'fac', { type: 'startTimer' }, T0);
  return state;
}

/** The session as Bo's panel reads it. */
const seen = (state: SessionState): SessionView => viewFor(state, 'bo');

describe('Zoom notifications for a panel out of sight', () => {
  it('a stage change while hidden becomes an info notification, in the person’s language', () => {
    const cues = createCueTracker();
    const first = live();
    expect(cues.observe(seen(first), T0 + MINUTE, true, fr, pickFr)).toBeNull();
    const next = run(first, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 }, T0 + MINUTE);

    expect(cues.observe(seen(next), T0 + MINUTE, true, fr, pickFr)).toEqual({
      type: 'info',
      title: 'Cercle · Cercle des cadres',
      message: 'Étape 2 sur 11 : Retour du client précédent. Parole au client.',
    });
  });

  it('time up while hidden becomes one warning, not one a second', () => {
    const cues = createCueTracker();
    const state = live();
    const said = [];
    for (let now = T0; now <= T0 + 7 * MINUTE; now += 1000) {
      const cue = cues.observe(seen(state), now, true, en, pickEn);
      if (cue) said.push(cue);
    }
    expect(said).toEqual([
      {
        type: 'warning',
        title: 'Cercle · Cercle des cadres',
        message: 'Time is up for “Inclusion”.',
      },
    ]);
  });

  it('says nothing while the panel is in sight, nor at the last minute', () => {
    const cues = createCueTracker();
    const state = live();
    cues.observe(seen(state), T0, false, fr, pickFr);
    expect(cues.observe(seen(state), T0 + 4.5 * MINUTE, true, fr, pickFr)).toBeNull();
    expect(cues.observe(seen(state), T0 + 5.5 * MINUTE, false, fr, pickFr)).toBeNull();
    const next = run(
      state,
      'fac',
      { type: 'goToStage', fromIndex: 0, toIndex: 1 },
      T0 + 6 * MINUTE,
    );
    expect(cues.observe(seen(next), T0 + 6 * MINUTE, false, fr, pickFr)).toBeNull();
  });

  it('the first look at another session says nothing', () => {
    const cues = createCueTracker();
    cues.observe(seen(live()), T0, true, fr, pickFr);
    const other = {
      ...run(live(), 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 }, T0),
      id: 'session2',
    };
    expect(cues.observe(seen(other), T0, true, fr, pickFr)).toBeNull();
  });
});
