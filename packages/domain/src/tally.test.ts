import { describe, expect, it } from 'vitest';
import { apply } from './apply.ts';
import type { Command } from './command.ts';
import { EMPTY_TALLY, type EvaluationTally, TALLY_MIN_COUNT, type Weather } from './content.ts';
import { decide } from './decide.ts';
import type { SessionEvent } from './event.ts';
import type { SessionState } from './session.ts';
import { makeSession, T0 } from './testing/builders.ts';
import { applyToView, type SessionView, viewFor, visibleEvent } from './viewFor.ts';

const PEOPLE = ['fac', 'ana', 'bo', 'cy', 'dan'] as const;
const READERS = [...PEOPLE, 'stranger'] as const;

/**
 * A session where everyone watches: each reader's panel folds in the events it is sent, as the
 * server sends them, and keeps every tally it was ever shown.
 */
function watchedSession() {
  let state: SessionState = makeSession({ people: ['ana', 'bo', 'cy', 'dan'] });
  const views = new Map<string, SessionView>(READERS.map((id) => [id, viewFor(state, id)]));
  const seen = new Map<string, EvaluationTally[]>(READERS.map((id) => [id, []]));
  const act = (actorId: string, command: Command) => {
    const decision = decide(state, command, actorId, T0);
    if (!decision.ok) throw new Error(`${command.type} by ${actorId}: ${decision.reason}`);
    const sent: SessionEvent[] = [];
    for (const event of decision.events) {
      state = apply(state, event);
      sent.push(event);
      for (const reader of READERS) {
        const visible = visibleEvent(event, reader, state);
        if (!visible) continue;
        const view = applyToView(views.get(reader) as SessionView, visible);
        views.set(reader, view);
        seen.get(reader)?.push(view.evaluationTally);
      }
    }
    return sent;
  };
  const evaluate = (actorId: string, weather: Weather, rating: number) =>
    act(actorId, { type: 'evaluate', weather, rating, comment: `${actorId}'s comment` });
  return {
    act,
    evaluate,
    state: () => state,
    tallyOf: (reader: string) => views.get(reader)?.evaluationTally,
    seen: (reader: string) => seen.get(reader) ?? [],
  };
}

describe('[R48] the evaluation tally never singles anyone out', () => {
  it('erasing one’s data leaves a published tally as it was: it does not publish the answer', () => {
    const session = watchedSession();
    session.evaluate('ana', 'sunny', 5);
    session.evaluate('bo', 'cloudy', 3);
    session.evaluate('cy', 'sunny', 4);
    session.evaluate('dan', 'rainy', 1);
    const before = session.tallyOf('fac');
    expect(before).toEqual({
      count: 4,
      ratingSum: 13,
      weathers: { sunny: 2, cloudy: 1, rainy: 1 },
    });
    const sent = session.act('dan', { type: 'eraseMyContent' });
    expect(sent.map((e) => e.type)).toEqual(['contentErased']);
    for (const reader of READERS) expect(session.tallyOf(reader)).toEqual(before);
    expect(session.state().evaluations.dan).toBeUndefined();
    expect(JSON.stringify(session.state())).not.toContain("dan's comment");
  });

  it(`publishes nothing until ${TALLY_MIN_COUNT} people have evaluated, in views and in frames`, () => {
    const session = watchedSession();
    session.evaluate('ana', 'stormy', 1);
    session.evaluate('bo', 'sunny', 5);
    // With two answers, each of the two would read the other's off the totals.
    for (const reader of READERS) {
      expect(session.tallyOf(reader)).toEqual(EMPTY_TALLY);
      expect(viewFor(session.state(), reader).evaluationTally).toEqual(EMPTY_TALLY);
      expect(session.seen(reader).every((t) => t.count === 0)).toBe(true);
    }
    session.evaluate('cy', 'cloudy', 3);
    for (const reader of READERS)
      expect(session.tallyOf(reader)).toEqual({
        count: 3,
        ratingSum: 9,
        weathers: { stormy: 1, sunny: 1, cloudy: 1 },
      });
  });

  it('below that, an erasure takes the answer out of the unpublished tally, unseen', () => {
    const session = watchedSession();
    session.evaluate('ana', 'stormy', 1);
    session.evaluate('bo', 'sunny', 5);
    session.act('ana', { type: 'eraseMyContent' });
    for (const reader of READERS) expect(session.tallyOf(reader)).toEqual(EMPTY_TALLY);
    expect(JSON.stringify(session.state())).not.toContain('stormy');
    session.evaluate('cy', 'cloudy', 3);
    session.evaluate('dan', 'cloudy', 2);
    expect(session.tallyOf('fac')).toEqual({
      count: 3,
      ratingSum: 10,
      weathers: { sunny: 1, cloudy: 2 },
    });
  });

  it('a changed answer replaces its own share', () => {
    const session = watchedSession();
    session.evaluate('ana', 'sunny', 5);
    session.evaluate('bo', 'sunny', 5);
    session.evaluate('cy', 'sunny', 5);
    session.evaluate('cy', 'rainy', 2);
    expect(session.tallyOf('bo')).toEqual({
      count: 3,
      ratingSum: 12,
      weathers: { sunny: 2, rainy: 1 },
    });
  });
});
