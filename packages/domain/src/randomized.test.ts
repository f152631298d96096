import { describe, expect, it } from 'vitest';
import { apply } from './apply.ts';
import type { Command } from './command.ts';
import { decide } from './decide.ts';
import type { SessionState } from './session.ts';
import { MIN, makeSession, T0 } from './testing/builders.ts';
import { mulberry32 } from './testing/prng.ts';
import { viewFor } from './viewFor.ts';

const STEPS = 3000;
// The domain is typed without Node; the runner's environment is read through globalThis.
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
const SEEDS = env?.SEED ? [Number(env.SEED)] : [1, 2, 3, 42, 2026];

function randomCommand(
  state: SessionState,
  random: () => number,
): { actorId: string; command: Command } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const ids = [...state.people.map((p) => p.id), 'stranger', `new${Math.floor(random() * 1000)}`];
  const actorId =
    random() < 0.6 ? (state.people.find((p) => p.role === 'facilitator')?.id ?? 'fac') : pick(ids);
  const index = () => Math.floor(random() * (state.stages.length + 2)) - 1;
  const stageKey = () => pick([...state.stages.map((s) => s.key), 'nope']);
  const commands: Command[] = [
    { type: 'join', displayName: pick(['Ana', ' ', 'Bo', 'x'.repeat(70)]) },
    { type: 'startSession' },
    {
      type: 'goToStage',
      fromIndex: random() < 0.8 ? state.currentStageIndex : index(),
      toIndex: index(),
    },
    { type: 'undoStageChange', fromIndex: state.currentStageIndex },
    { type: 'startTimer' },
    { type: 'pauseTimer' },
    { type: 'resumeTimer' },
    { type: 'adjustTimer', deltaMs: pick([MIN, -MIN, 0, 30_000]) },
    { type: 'resetTimer' },
    {
      type: 'setStageDurations',
      durations: [{ stageKey: stageKey(), plannedMs: pick([null, MIN, 7 * MIN, -1]) }],
    },
    {
      type: 'addStage',
      atIndex: index(),
      title: pick(['Météo', '']),
      plannedMs: pick([null, 5 * MIN]),
      floor: 'everyone',
    },
    { type: 'removeStage', stageKey: stageKey() },
    { type: 'moveStage', stageKey: stageKey(), toIndex: index() },
    {
      type: 'assignRole',
      personId: pick(ids),
      role: pick(['client', 'consultant', 'observer'] as const),
    },
    { type: 'handOverFacilitation', toPersonId: pick(ids) },
    { type: 'rename', displayName: pick(['Zoé', 'Zoé', '']) },
    { type: 'setPresence', presence: pick(['online', 'offline'] as const) },
    { type: 'writeNote', text: `note ${Math.floor(random() * 5)}` },
  ];
  // Ending is rare, so most runs explore a live session for long.
  const command = random() < 0.0005 ? ({ type: 'endSession' } as const) : pick(commands);
  return { actorId, command };
}

function checkInvariants(state: SessionState, now: number): string | null {
  if (state.people.filter((p) => p.role === 'facilitator').length !== 1)
    return 'not exactly one facilitator';
  if (state.people.filter((p) => p.role === 'client').length > 1) return 'more than one client';
  if (state.currentStageIndex < 0 || state.currentStageIndex >= state.stages.length)
    return 'current stage out of range';
  if (new Set(state.stages.map((s) => s.key)).size !== state.stages.length)
    return 'duplicate stage keys';
  if (new Set(state.people.map((p) => p.id)).size !== state.people.length)
    return 'duplicate people';
  const t = state.timer;
  if (t.durationMs < 0) return 'negative duration';
  if (t.status === 'running' && !Number.isFinite(t.endsAt)) return 'running timer without end';
  if (t.status === 'paused' && !Number.isFinite(t.remainingMs))
    return 'paused timer without remaining time';
  if (state.lifecycle === 'scheduled' && t.status !== 'idle')
    return 'timer started before the session';
  for (const viewer of state.people) {
    const view = viewFor(state, viewer.id);
    if (Object.keys(view.notes).some((author) => author !== viewer.id))
      return `note leaked to ${viewer.id}`;
  }
  return now > 0 ? null : 'clock';
}

describe('[R23] random command sequences keep the invariants', () => {
  it.each(SEEDS)('seed %i', (seed) => {
    const random = mulberry32(seed);
    let state = makeSession({ people: ['cli', 'con'] });
    let now = T0;
    let accepted = 0;
    for (let step = 0; step < STEPS; step++) {
      now += Math.floor(random() * 90_000);
      const { actorId, command } = randomCommand(state, random);
      const decision = decide(state, command, actorId, now);
      if (!decision.ok) continue;
      accepted++;
      const next = decision.events.reduce(apply, state);
      expect(
        decision.events.reduce(apply, state),
        `seed ${seed} step ${step}: apply not deterministic`,
      ).toEqual(next);
      state = next;
      const broken = checkInvariants(state, now);
      expect(
        broken,
        `seed ${seed} step ${step} after ${command.type} by ${actorId} (SEED=${seed} to replay)`,
      ).toBeNull();
    }
    expect(accepted, `seed ${seed}: too few commands accepted to mean much`).toBeGreaterThan(
      STEPS / 20,
    );
  });
});
