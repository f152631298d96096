import { describe, expect, it } from 'vitest';
import { currentStage } from './session.ts';
import { CLASSIC_SIX_STEPS, REMOTE_TWO_HOURS, type Template } from './templates.ts';
import { MIN, makeSession, run, T0 } from './testing/builders.ts';
import { remainingMs } from './timer.ts';
import { viewFor } from './viewFor.ts';

function walk(template: Template) {
  let now = T0;
  let state = makeSession({ template, people: ['chloe', 'dan', 'eli', 'oda'] });
  state = run(state, 'fac', { type: 'assignRole', personId: 'chloe', role: 'client' }, now);
  state = run(state, 'fac', { type: 'assignRole', personId: 'oda', role: 'observer' }, now);
  state = run(state, 'fac', { type: 'startSession' }, now);
  const visited: string[] = [];
  for (let index = 0; index < template.stages.length; index++) {
    const stage = currentStage(state);
    visited.push(stage.key);
    expect(stage.guidance.client.fr.length).toBeGreaterThan(0);
    expect(stage.guidance.observer.en.length).toBeGreaterThan(0);
    if (state.timer.durationMs > 0) {
      state = run(state, 'fac', { type: 'startTimer' }, now);
      now += state.timer.durationMs + 30_000; // every stage runs 30 s over
      expect(remainingMs(state.timer, now)).toBe(-30_000);
    } else now += 2 * MIN;
    state = run(state, 'oda', { type: 'writeNote', text: `notes jusqu’à ${stage.key}` }, now);
    if (index < template.stages.length - 1)
      state = run(state, 'fac', { type: 'goToStage', fromIndex: index, toIndex: index + 1 }, now);
  }
  state = run(state, 'fac', { type: 'endSession' }, now);
  return { state, visited };
}

describe('a whole session', () => {
  it('walks the eleven remote stages in order, from inclusion to conclusion', () => {
    const { state, visited } = walk(REMOTE_TWO_HOURS);
    expect(visited).toEqual([
      'inclusion',
      'previousDebrief',
      'subjectChoice',
      'expose',
      'clarification',
      'contract',
      'consultation',
      'break',
      'synthesis',
      'learnings',
      'conclusion',
    ]);
    expect(state.lifecycle).toBe('ended');
    expect(state.notes.oda?.text).toBe('notes jusqu’à conclusion');
    expect(JSON.stringify(viewFor(state, 'chloe'))).not.toContain('notes jusqu’à');
  });

  it('walks the classic six steps', () => {
    const { state, visited } = walk(CLASSIC_SIX_STEPS);
    expect(visited).toEqual([
      'expose',
      'clarification',
      'contract',
      'consultation',
      'synthesis',
      'regulation',
    ]);
    expect(state.currentStageIndex).toBe(5);
  });

  it('ships the documented timings', () => {
    const minutes = (t: Template) =>
      t.stages.map((s) => (s.plannedMs === null ? null : s.plannedMs / MIN));
    expect(minutes(REMOTE_TWO_HOURS)).toEqual([5, 10, 5, 10, 20, null, 40, null, 5, 20, null]);
    expect(minutes(CLASSIC_SIX_STEPS)).toEqual([15, 20, 10, 40, 15, 20]);
    expect(REMOTE_TWO_HOURS.stages.find((s) => s.key === 'consultation')?.guidance.client.en).toBe(
      'Listen without debating, note the suggestions.',
    );
  });
});
