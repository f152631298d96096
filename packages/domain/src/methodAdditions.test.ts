import { describe, expect, it } from 'vitest';
import type { Command } from './command.ts';
import { decide } from './decide.ts';
import type { Rejection } from './rejection.ts';
import type { SessionState } from './session.ts';
import { sessionSummary } from './summary.ts';
import { expectRejected, makeSession, run, T0 } from './testing/builders.ts';
import { makeConsultingSession } from './testing/contentSamples.ts';
import { viewFor } from './viewFor.ts';

const READERS = ['fac', 'cli', 'con', 'obs', 'stranger'] as const;
type Reader = (typeof READERS)[number];

/** Who finds `secret` in their view, reader by reader, in READERS order. */
function readersOf(state: SessionState, secret: string): Record<Reader, boolean> {
  return Object.fromEntries(
    READERS.map((r) => [r, JSON.stringify(viewFor(state, r)).includes(secret)]),
  ) as Record<Reader, boolean>;
}

/**
 * The same for what is the group's, like cases and turns, members only: someone outside the
 * roster is given no view at all, and `viewFor` redacts texts, not the group's own content.
 */
function membersReading(state: SessionState, secret: string): Record<string, boolean> {
  const { stranger: _, ...members } = readersOf(state, secret);
  return members;
}

function outcome(state: SessionState, actor: string, command: Command): true | Rejection {
  const decision = decide(state, command, actor, T0);
  return decision.ok ? true : decision.reason;
}

/** The consulting session at the clarification stage (index 4 of the two-hour remote plan). */
function atClarification(): SessionState {
  const state = makeConsultingSession();
  return run(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 4 });
}

describe('[R60] clarification questions are recorded, and one may be flagged as advice', () => {
  it('[R60] who may record a question', () => {
    const state = atClarification();
    const ask: Command = { type: 'askQuestion', text: 'Depuis quand ?' };
    const expected = {
      fac: 'notConsultant',
      cli: 'notConsultant',
      con: true,
      obs: 'observersObserve',
      stranger: 'notInSession',
    };
    expect(Object.fromEntries(READERS.map((r) => [r, outcome(state, r, ask)]))).toEqual(expected);
    expectRejected(state, 'con', { type: 'askQuestion', text: '   ' }, 'invalidText');
    const noCase = run(makeSession({ people: ['con'] }), 'fac', { type: 'startSession' });
    expectRejected(noCase, 'con', ask, 'noConsultation');
  });

  it('[R60] a question names who asked it, its consultation and stage, and the group reads it', () => {
    const state = run(
      atClarification(),
      'con',
      { type: 'askQuestion', text: '  Qui décide ?  ' },
      T0 + 5000,
    );
    expect(state.questions).toEqual([
      {
        id: 'question-4',
        consultationId: 'consultation-1',
        authorId: 'con',
        text: 'Qui décide ?',
        stageKey: 'clarification',
        at: T0 + 5000,
      },
    ]);
    expect(membersReading(state, 'Qui décide ?')).toEqual({
      fac: true,
      cli: true,
      con: true,
      obs: true,
    });
  });

  it('[R46] [R60] the facilitator flags a recorded question once, naming its author', () => {
    let state = run(atClarification(), 'con', {
      type: 'askQuestion',
      text: 'Et si tu lui parlais ?',
    });
    const flag = (personId: string, questionId: string): Command => ({
      type: 'flagAdvice',
      personId,
      questionId,
    });
    expectRejected(state, 'fac', flag('con', 'question-99'), 'unknownText');
    expectRejected(state, 'fac', flag('cli', 'question-4'), 'invalidChoice');
    expectRejected(state, 'con', flag('con', 'question-4'), 'notFacilitator');
    state = run(state, 'fac', flag('con', 'question-4'), T0 + 7000);
    expect(state.adviceFlags).toEqual([
      {
        personId: 'con',
        consultationId: 'consultation-1',
        stageKey: 'clarification',
        questionId: 'question-4',
        at: T0 + 7000,
      },
    ]);
    expectRejected(state, 'fac', flag('con', 'question-4'), 'unchanged');
    // [R38] Erasing one's data takes one's questions; the facilitator's flag stays.
    state = run(state, 'con', { type: 'eraseMyContent' });
    expect(state.questions).toEqual([]);
    expect(state.adviceFlags).toHaveLength(1);
  });
});

describe('[R61] the client’s private note during the consultation', () => {
  it('[R61] only the client of the consultation writes it, and only they read it', () => {
    const state = makeConsultingSession();
    const write: Command = { type: 'writeClientNote', text: 'NOTE-DU-CLIENT' };
    expect(Object.fromEntries(READERS.map((r) => [r, outcome(state, r, write)]))).toEqual({
      fac: 'notClient',
      cli: true,
      con: 'notClient',
      obs: 'notClient',
      stranger: 'notInSession',
    });
    const written = run(state, 'cli', write, T0 + 1000);
    expect(written.clientNotes['consultation-1']).toEqual({
      authorId: 'cli',
      consultationId: 'consultation-1',
      text: 'NOTE-DU-CLIENT',
      visibility: 'me',
      at: T0 + 1000,
    });
    expect(readersOf(written, 'NOTE-DU-CLIENT')).toEqual({
      fac: false,
      cli: true,
      con: false,
      obs: false,
      stranger: false,
    });
    const share: Command = {
      type: 'setVisibility',
      ref: { kind: 'clientNote', id: 'consultation-1' },
      visibility: 'group',
    };
    expectRejected(written, 'cli', share, 'invalidVisibility');
    expectRejected(written, 'cli', write, 'unchanged');
    expect(run(written, 'cli', { type: 'eraseMyContent' }).clientNotes).toEqual({});
  });
});

describe('[R62] the observer’s notes, stage by stage', () => {
  it('[R62] each note keeps its stage and time; the group reads them once shared', () => {
    let state = atClarification();
    expect(
      Object.fromEntries(
        READERS.map((r) => [r, outcome(state, r, { type: 'addStageNote', text: 'x' })]),
      ),
    ).toEqual({
      fac: 'notObserver',
      cli: 'notObserver',
      con: 'notObserver',
      obs: true,
      stranger: 'notInSession',
    });
    expectRejected(state, 'obs', { type: 'addStageNote', text: ' ' }, 'invalidText');
    state = run(state, 'obs', { type: 'addStageNote', text: 'QUESTION-CONSEIL' }, T0 + 1000);
    state = run(state, 'fac', { type: 'goToStage', fromIndex: 4, toIndex: 6 });
    state = run(state, 'obs', { type: 'addStageNote', text: 'ECOUTE-CLIENT' }, T0 + 2000);
    expect(state.stageNotes.obs?.entries).toEqual([
      { stageKey: 'clarification', text: 'QUESTION-CONSEIL', at: T0 + 1000 },
      { stageKey: 'consultation', text: 'ECOUTE-CLIENT', at: T0 + 2000 },
    ]);
    expect(state.stageNotes.obs?.visibility).toBe('me');
    expect(readersOf(state, 'ECOUTE-CLIENT')).toEqual({
      fac: false,
      cli: false,
      con: false,
      obs: true,
      stranger: false,
    });
    state = run(state, 'obs', {
      type: 'setVisibility',
      ref: { kind: 'stageNotes', id: 'obs' },
      visibility: 'group',
    });
    expect(readersOf(state, 'ECOUTE-CLIENT')).toEqual({
      fac: true,
      cli: true,
      con: true,
      obs: true,
      stranger: false,
    });
  });
});

describe('[R63] the grid marks the method’s criteria, private until shared', () => {
  const grid = (mark: number): Command => ({
    type: 'writeObserverFeedback',
    listening: 4,
    questionsOverAdvice: 3,
    clientFloor: 3,
    stagesRespected: mark,
    clientListening: 2,
    kindness: 4,
    timeKept: 1,
    comment: 'GRILLE-OBS',
  });

  it('[R63] every criterion is marked 1 to 4; the group reads the grid once shared', () => {
    let state = makeConsultingSession();
    expectRejected(state, 'obs', grid(0), 'invalidChoice');
    expectRejected(state, 'obs', grid(5), 'invalidChoice');
    state = run(state, 'obs', grid(3));
    expect(state.observerFeedback.obs).toMatchObject({
      listening: 4,
      questionsOverAdvice: 3,
      clientFloor: 3,
      stagesRespected: 3,
      clientListening: 2,
      kindness: 4,
      timeKept: 1,
      visibility: 'me',
    });
    expect(readersOf(state, 'GRILLE-OBS')).toEqual({
      fac: false,
      cli: false,
      con: false,
      obs: true,
      stranger: false,
    });
    state = run(state, 'obs', {
      type: 'setVisibility',
      ref: { kind: 'observerFeedback', id: 'obs' },
      visibility: 'group',
    });
    expect(readersOf(state, 'GRILLE-OBS')).toEqual({
      fac: true,
      cli: true,
      con: true,
      obs: true,
      stranger: false,
    });
  });

  it('[R63] a grid without the added criteria leaves them unmarked', () => {
    const state = run(makeConsultingSession(), 'obs', {
      type: 'writeObserverFeedback',
      listening: 2,
      questionsOverAdvice: 2,
      clientFloor: 2,
      comment: '',
    });
    expect(state.observerFeedback.obs?.kindness).toBeUndefined();
  });
});

describe('[R64] subjects prepared in advance', () => {
  it('[R64] members propose before the start; the proposals wait for the choice of subject', () => {
    let state = makeSession({ people: ['cli', 'con', 'obs'] });
    state = run(state, 'fac', { type: 'assignRole', personId: 'obs', role: 'observer' });
    const propose: Command = {
      type: 'proposeCase',
      kind: 'project',
      title: 'SUJET-PREPARE',
      summary: '',
    };
    expect(Object.fromEntries(READERS.map((r) => [r, outcome(state, r, propose)]))).toEqual({
      fac: true,
      cli: true,
      con: true,
      obs: 'observersObserve',
      stranger: 'notInSession',
    });
    state = run(state, 'con', propose);
    state = run(state, 'cli', { ...propose, title: 'AUTRE-SUJET' });
    expect(state.lifecycle).toBe('scheduled');
    expect(membersReading(state, 'SUJET-PREPARE')).toEqual({
      fac: true,
      cli: true,
      con: true,
      obs: true,
    });
    // Its author alone withdraws it.
    expectRejected(state, 'fac', { type: 'withdrawCase', caseId: 'case-2' }, 'notAuthor');
    state = run(state, 'cli', { type: 'withdrawCase', caseId: 'case-2' });
    state = run(state, 'fac', { type: 'startSession' });
    state = run(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 2 });
    state = run(state, 'fac', { type: 'chooseCase', caseId: 'case-1' });
    expect(state.cases.map((c) => c.title)).toEqual(['SUJET-PREPARE']);
    expect(state.people.find((p) => p.id === 'con')?.role).toBe('client');
  });
});

describe('[R38] [R60]–[R62] each person’s summary holds what they may read of the additions', () => {
  it('questions for all; the client note for the client; the stage notes for the observer', () => {
    let state = atClarification();
    state = run(state, 'con', { type: 'askQuestion', text: 'Depuis quand ?' });
    state = run(state, 'obs', { type: 'addStageNote', text: 'OBS-CLARIF' }, T0 + 12 * 60_000);
    state = run(state, 'cli', { type: 'writeClientNote', text: 'NOTE-CLI' });
    const summaryOf = (who: string) => sessionSummary(state, who, 'fr', () => '1er janvier');
    expect(summaryOf('fac')).toContain('- con\u00a0: Depuis quand\u00a0?');
    expect(summaryOf('cli')).toContain('NOTE-CLI');
    expect(summaryOf('con')).not.toContain('NOTE-CLI');
    expect(summaryOf('obs')).toContain('- **Clarification** (+12 min)\u00a0: OBS-CLARIF');
    expect(summaryOf('fac')).not.toContain('OBS-CLARIF');
  });
});
