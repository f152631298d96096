import { describe, expect, it } from 'vitest';
import { apply } from './apply.ts';
import type { Command } from './command.ts';
import { decide } from './decide.ts';
import type { SessionEvent } from './event.ts';
import type { SessionState } from './session.ts';
import { T0 } from './testing/builders.ts';
import { makeConsultingSession } from './testing/contentSamples.ts';
import { viewFor, visibleEvent } from './viewFor.ts';

/** Runs the steps, keeping the log as the server records it. */
function record(start: SessionState, steps: ReadonlyArray<[string, Command]>) {
  let state = start;
  const log: SessionEvent[] = [];
  steps.forEach(([actor, command], i) => {
    const decision = decide(state, command, actor, T0 + i);
    if (!decision.ok) throw new Error(`${command.type} by ${actor}: ${decision.reason}`);
    for (const event of decision.events) {
      state = apply(state, event);
      log.push(event);
    }
  });
  return { state, log };
}

/** What a panel saying hello with `lastSeq: 0` receives: every event, judged by the state now. */
function replayed(log: readonly SessionEvent[], reader: string, now: SessionState) {
  return log.map((event) => visibleEvent(event, reader, now)).filter((e) => e !== null);
}

describe('[R44] a text is judged by the session as it is now, not as it was when written', () => {
  it('a note shared, rewritten, then made private again is replayed to nobody else', () => {
    const { state, log } = record(makeConsultingSession(), [
      ['con', { type: 'writeNote', text: 'KIM-V1' }],
      ['con', { type: 'setVisibility', ref: { kind: 'note', id: 'con' }, visibility: 'group' }],
      ['con', { type: 'writeNote', text: 'KIM-V2' }],
      ['con', { type: 'setVisibility', ref: { kind: 'note', id: 'con' }, visibility: 'me' }],
      ['fac', { type: 'assignRole', personId: 'obs', role: 'consultant' }],
    ]);
    for (const reader of ['fac', 'cli', 'obs', 'stranger']) {
      const frames = JSON.stringify(replayed(log, reader, state));
      expect(frames, reader).not.toMatch(/KIM-V/);
    }
    // Kim herself gets her note back, as it is now.
    expect(JSON.stringify(replayed(log, 'con', state))).toContain('KIM-V2');
    expect(JSON.stringify(viewFor(state, 'con'))).toContain('KIM-V2');
  });

  it('learnings shared, rewritten, then made private again are replayed to nobody else', () => {
    const { state, log } = record(makeConsultingSession(), [
      ['con', { type: 'writeLearnings', content: 'LEARNT-V1', process: '' }],
      [
        'con',
        { type: 'setVisibility', ref: { kind: 'learnings', id: 'con' }, visibility: 'group' },
      ],
      ['con', { type: 'writeLearnings', content: 'LEARNT-V2', process: '' }],
      ['con', { type: 'setVisibility', ref: { kind: 'learnings', id: 'con' }, visibility: 'me' }],
    ]);
    for (const reader of ['fac', 'cli', 'obs'])
      expect(JSON.stringify(replayed(log, reader, state)), reader).not.toMatch(/LEARNT-V/);
  });

  it('a suggestion posted to the group, then addressed to the client only, is replayed to the client alone', () => {
    const { state, log } = record(makeConsultingSession(), [
      ['con', { type: 'postSuggestion', text: 'IDEA-FOR-CLIENT', visibility: 'group' }],
      ['cli', { type: 'sortSuggestion', suggestionId: 'suggestion-4', sort: 'keep' }],
      [
        'con',
        {
          type: 'setVisibility',
          ref: { kind: 'suggestion', id: 'suggestion-4' },
          visibility: 'client',
        },
      ],
    ]);
    for (const reader of ['fac', 'obs'])
      expect(JSON.stringify(replayed(log, reader, state)), reader).not.toContain('IDEA-FOR');
    expect(JSON.stringify(replayed(log, 'cli', state))).toContain('IDEA-FOR-CLIENT');
  });

  it('a text written while private and shared later reaches the others only in its shared version', () => {
    const { state, log } = record(makeConsultingSession(), [
      ['con', { type: 'writeNote', text: 'DRAFT-NOT-FOR-YOU' }],
      ['con', { type: 'writeNote', text: 'SHARED-VERSION' }],
      ['con', { type: 'setVisibility', ref: { kind: 'note', id: 'con' }, visibility: 'group' }],
    ]);
    const frames = JSON.stringify(replayed(log, 'cli', state));
    expect(frames).not.toContain('DRAFT-NOT-FOR-YOU');
    expect(frames).toContain('SHARED-VERSION');
  });

  it('an erased text is replayed to nobody, its author included', () => {
    const { state, log } = record(makeConsultingSession(), [
      ['con', { type: 'writeLearnings', content: 'ERASED-LATER', process: '' }],
      [
        'con',
        { type: 'setVisibility', ref: { kind: 'learnings', id: 'con' }, visibility: 'group' },
      ],
      ['con', { type: 'eraseMyContent' }],
    ]);
    for (const reader of ['fac', 'cli', 'con', 'obs'])
      expect(JSON.stringify(replayed(log, reader, state)), reader).not.toContain('ERASED-LATER');
  });
});
