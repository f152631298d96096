import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type Command, type CommandType, FACILITATOR_COMMANDS } from './command.ts';
import { decide } from './decide.ts';
import type { Rejection } from './rejection.ts';
import { MIN, makeLiveSession, run, T0 } from './testing/builders.ts';
import { CONTENT_SAMPLES } from './testing/contentSamples.ts';

/**
 * One command of each type that frames the session, each valid for the facilitator of the session
 * below. Commands that write its content have their own matrix (content.test.ts).
 */
const SAMPLES: Partial<Record<CommandType, Command>> = {
  join: { type: 'join', displayName: 'Newcomer' },
  startSession: { type: 'startSession' },
  endSession: { type: 'endSession' },
  goToStage: { type: 'goToStage', fromIndex: 1, toIndex: 2 },
  undoStageChange: { type: 'undoStageChange', fromIndex: 1 },
  startTimer: { type: 'startTimer' },
  pauseTimer: { type: 'pauseTimer' },
  resumeTimer: { type: 'resumeTimer' },
  adjustTimer: { type: 'adjustTimer', deltaMs: MIN },
  resetTimer: { type: 'resetTimer' },
  setStageDurations: {
    type: 'setStageDurations',
    durations: [{ stageKey: 'clarification', plannedMs: 25 * MIN }],
  },
  addStage: {
    type: 'addStage',
    atIndex: 3,
    title: 'Pause café',
    plannedMs: 10 * MIN,
    floor: 'everyone',
  },
  removeStage: { type: 'removeStage', stageKey: 'break' },
  moveStage: { type: 'moveStage', stageKey: 'break', toIndex: 9 },
  assignRole: { type: 'assignRole', personId: 'con', role: 'observer' },
  handOverFacilitation: { type: 'handOverFacilitation', toPersonId: 'con' },
  rename: { type: 'rename', displayName: 'Nouveau nom' },
  setPresence: { type: 'setPresence', presence: 'offline' },
  writeNote: { type: 'writeNote', text: 'une note' },
};

/** A session where every sample is acceptable in itself: live, a stage changed, timer state per command. */
function sessionFor(command: Command) {
  const scheduled = command.type === 'startSession';
  let state = makeLiveSession();
  if (scheduled) {
    const { lifecycle: _l, ...rest } = state;
    state = {
      ...rest,
      lifecycle: 'scheduled',
      startedAt: null,
      plannedEndAt: null,
      stageStartedAt: null,
    };
  } else state = run(state, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 }, T0);
  if (command.type === 'pauseTimer') state = run(state, 'fac', { type: 'startTimer' });
  if (command.type === 'resumeTimer') {
    state = run(state, 'fac', { type: 'startTimer' });
    state = run(state, 'fac', { type: 'pauseTimer' });
  }
  return state;
}

const ACTORS = ['fac', 'cli', 'con', 'obs', 'stranger'] as const;

function expected(type: CommandType, actor: (typeof ACTORS)[number]): true | Rejection {
  if (type === 'join') return actor === 'stranger' ? true : 'alreadyJoined';
  if (actor === 'stranger') return 'notInSession';
  if (FACILITATOR_COMMANDS.has(type)) return actor === 'fac' ? true : 'notFacilitator';
  return true;
}

describe('[R3] [R4] permission matrix: every command × every role', () => {
  const types = COMMAND_TYPES.filter((type) => SAMPLES[type]);
  const cases = types.flatMap((type) => ACTORS.map((actor) => [type, actor] as const));
  it.each(cases)('%s by %s', (type, actor) => {
    const sample = SAMPLES[type];
    if (!sample) throw new Error(type);
    const state = sessionFor(sample);
    // Presence must actually change, whatever the actor's current presence.
    const presence =
      state.people.find((p) => p.id === actor)?.presence === 'online' ? 'offline' : 'online';
    const command: Command = sample.type === 'setPresence' ? { ...sample, presence } : sample;
    const decision = decide(state, command, actor, T0 + MIN);
    const outcome = decision.ok ? true : decision.reason;
    expect(outcome).toBe(expected(type, actor));
  });

  it('covers every command type between this matrix and the content one', () => {
    const all = [...Object.keys(SAMPLES), ...Object.keys(CONTENT_SAMPLES)].sort();
    expect(all).toEqual([...COMMAND_TYPES].sort());
  });
});
