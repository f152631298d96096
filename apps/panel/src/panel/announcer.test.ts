import { type SessionState, viewFor } from '@cercle/domain';
import { describe, expect, it } from 'vitest';
import { makeSession, run, T0 } from '../testing/builders.ts';
import { type Announcement, type AnnouncerState, nextAnnouncement } from './announcer.ts';

const REFRESH_MS = 250;

/** Looks at the view every refresh from `from` to `to`, as the panel does, and keeps what is said. */
function listen(
  views: (now: number) => SessionState,
  from: number,
  to: number,
  start: AnnouncerState | null = null,
): { said: Array<{ at: number; announcement: Announcement }>; state: AnnouncerState | null } {
  let state = start;
  const said: Array<{ at: number; announcement: Announcement }> = [];
  for (let now = from; now <= to; now += REFRESH_MS) {
    const next = nextAnnouncement(state, viewFor(views(now), 'fac'), now);
    state = next.state;
    if (next.announcement) said.push({ at: now, announcement: next.announcement });
  }
  return { said, state };
}

function liveWithRunningTimer(): SessionState {
  let state = run(makeSession(), 'fac', { type: 'startSession' }, T0);
  // Inclusion: five minutes, started at T0.
  state = run(state, 'fac', { type: 'startTimer' }, T0);
  return state;
}

describe('nextAnnouncement', () => {
  it('says nothing on the first look: the page itself shows where we are', () => {
    expect(
      nextAnnouncement(null, viewFor(liveWithRunningTimer(), 'fac'), T0 + 4.5 * 60_000)
        .announcement,
    ).toBe(null);
  });

  it('announces the last minute once and time up once over seven minutes, never each second', () => {
    const state = liveWithRunningTimer();
    const { said } = listen(() => state, T0, T0 + 7 * 60_000);
    expect(said).toEqual([
      { at: T0 + 4 * 60_000, announcement: { kind: 'lastMinute' } },
      { at: T0 + 5 * 60_000 + REFRESH_MS, announcement: { kind: 'timeUp' } },
    ]);
  });

  it('warns again after a minute is added back and runs out again', () => {
    const first = liveWithRunningTimer();
    const added = run(first, 'fac', { type: 'adjustTimer', deltaMs: 60_000 }, T0 + 5.5 * 60_000);
    const views = (now: number) => (now < T0 + 5.5 * 60_000 ? first : added);
    const kinds = listen(views, T0, T0 + 8 * 60_000).said.map((s) => s.announcement.kind);
    expect(kinds).toEqual(['lastMinute', 'timeUp', 'timeUp']);
  });

  it('stays quiet while the timer is paused or not started, whatever it reads', () => {
    const paused = run(liveWithRunningTimer(), 'fac', { type: 'pauseTimer' }, T0 + 4.5 * 60_000);
    const idle = run(makeSession(), 'fac', { type: 'startSession' }, T0);
    expect(listen(() => paused, T0 + 4.5 * 60_000, T0 + 20 * 60_000).said).toEqual([]);
    expect(listen(() => idle, T0, T0 + 20 * 60_000).said).toEqual([]);
  });

  it('announces a stage change once, and the end of the session', () => {
    const live = run(makeSession(), 'fac', { type: 'startSession' }, T0);
    const moved = run(live, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 1 }, T0 + 1000);
    const ended = run(moved, 'fac', { type: 'endSession' }, T0 + 2000);
    const views = (now: number) => (now < T0 + 1000 ? live : now < T0 + 2000 ? moved : ended);
    const said = listen(views, T0, T0 + 5000).said;
    expect(said).toEqual([
      { at: T0 + 1000, announcement: { kind: 'stage' } },
      { at: T0 + 2000, announcement: { kind: 'ended' } },
    ]);
  });

  it('announces the first stage when the session starts, not the time of a timer just reset', () => {
    const scheduled = makeSession();
    const live = run(scheduled, 'fac', { type: 'startSession' }, T0);
    const views = (now: number) => (now < T0 ? scheduled : live);
    expect(listen(views, T0 - 1000, T0 + 1000).said.map((s) => s.announcement)).toEqual([
      { kind: 'stage' },
    ]);
  });

  it('[R70] a stage with no planned duration counts up: no last minute, no time up', () => {
    const live = run(makeSession(), 'fac', { type: 'startSession' }, T0);
    // The contract (stage 5) has no planned duration.
    const idle = run(live, 'fac', { type: 'goToStage', fromIndex: 0, toIndex: 5 }, T0);
    const started = run(idle, 'fac', { type: 'startTimer' }, T0 + 1000);
    const views = (now: number) => (now < T0 + 1000 ? idle : started);
    expect(listen(views, T0, T0 + 3 * 60_000).said).toEqual([]);
  });
});
