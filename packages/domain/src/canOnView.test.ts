import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type Command } from './command.ts';
import { can } from './decide.ts';
import type { SessionState } from './session.ts';
import { makeSession, run } from './testing/builders.ts';
import { makeConsultingSession, PREVIOUS } from './testing/contentSamples.ts';
import { viewFor } from './viewFor.ts';

const READERS = ['fac', 'cli', 'con', 'obs', 'out'] as const;

/** Texts of every kind, most kept to their author (learnings, evaluations, grids are by default). */
function withPrivateTexts(state: SessionState, writers: Record<string, Command[]>): SessionState {
  let next = state;
  for (const [author, commands] of Object.entries(writers))
    for (const command of commands) next = run(next, author, command);
  return next;
}

function sessions(): Record<'scheduled' | 'live' | 'ended', SessionState> {
  const scheduled = withPrivateTexts(
    { ...makeSession({ people: ['cli', 'con', 'obs'] }), previous: PREVIOUS },
    {
      fac: [{ type: 'writeNote', text: 'note fac' }],
      con: [
        { type: 'writeNote', text: 'note con' },
        { type: 'setVisibility', ref: { kind: 'actionPlan', id: 'previous' }, visibility: 'me' },
        { type: 'writeDebrief', tried: 'a', worked: 'b', didNotWork: 'c' },
        { type: 'setVisibility', ref: { kind: 'debrief', id: 'con' }, visibility: 'me' },
      ],
    },
  );
  const live = withPrivateTexts(makeConsultingSession(), {
    cli: [
      { type: 'writeContract', request: 'Des pistes', helpKinds: ['ideas'] },
      { type: 'writeActionPlan', actions: ['Agir'], firstStep: 'Un pas', byWhen: null },
      {
        type: 'setVisibility',
        ref: { kind: 'actionPlan', id: 'consultation-1' },
        visibility: 'me',
      },
      { type: 'writeLearnings', content: 'c', process: 'p' },
    ],
    con: [
      { type: 'postSuggestion', text: 'Pour la cliente', visibility: 'client' },
      { type: 'setVisibility', ref: { kind: 'actionPlan', id: 'previous' }, visibility: 'me' },
      { type: 'writeDebrief', tried: 'a', worked: 'b', didNotWork: 'c' },
      { type: 'setVisibility', ref: { kind: 'debrief', id: 'con' }, visibility: 'me' },
      { type: 'evaluate', weather: 'sunny', rating: 4, comment: 'bien' },
    ],
    obs: [
      { type: 'writeNote', text: 'note obs' },
      {
        type: 'writeObserverFeedback',
        listening: 3,
        questionsOverAdvice: 2,
        clientFloor: 4,
        comment: 'vu',
      },
    ],
  });
  return { scheduled, live, ended: run(live, 'fac', { type: 'endSession' }) };
}

describe('[R45] a panel asks its own view, and gets the session’s answer', () => {
  const all = sessions();
  const cells = Object.entries(all).flatMap(([phase, state]) =>
    READERS.flatMap((reader) => COMMAND_TYPES.map((type) => [phase, reader, type, state] as const)),
  );

  it('the fixture hides texts from each reader, so the views really differ from the session', () => {
    for (const state of Object.values(all))
      for (const reader of READERS)
        expect(JSON.stringify(viewFor(state, reader))).not.toBe(JSON.stringify(state));
  });

  it.each(cells)('%s session, %s, %s', (_phase, reader, type, state) => {
    expect(can(viewFor(state, reader), reader, type)).toEqual(can(state, reader, type));
  });
});
