import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pnpmStart } from '../support/pnpmStart.ts';
import { type DiskFigures, diskFigures } from './diskRound.ts';
import { type MemoryFigures, memoryFigures } from './memoryRound.ts';

/** The issue's budget for a start on an unchanged checkout, in seconds. */
export const SECOND_START_BUDGET_S = 2;

export interface StartFigures {
  /** What the first start did: served the existing build, or built the panel (and how long). */
  readonly first: { readyS: number; builtPanelS: number | null };
  /** Each start after it, on the unchanged checkout. */
  readonly secondReadyS: readonly number[];
}

export interface Footprint {
  readonly start: StartFigures | null;
  readonly memory: MemoryFigures | null;
  readonly disk: DiskFigures | null;
}

/**
 * `pnpm start` in this checkout, as a person runs it, until /healthz answers: once (which builds
 * the panel only if its inputs changed since the last build), then three more times unchanged.
 */
async function startFigures(root: string): Promise<StartFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cercle-start-'));
  try {
    const once = async () => {
      const started = await pnpmStart(root, dataDir);
      await started.stop();
      return started;
    };
    const first = await once();
    const built = /The panel is built \((\d+(?:\.\d+)?) s\)/.exec(first.output());
    const secondReadyS: number[] = [];
    for (let i = 0; i < 3; i++) secondReadyS.push((await once()).readyMs / 1000);
    return {
      first: { readyS: first.readyMs / 1000, builtPanelS: built ? Number(built[1]) : null },
      secondReadyS,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Start time, memory per session and disk per session; a failure loses only its own figure. */
export async function measureFootprint(options: {
  root: string;
  quick: boolean;
  sessions: number;
  panels: number;
  withStorage: boolean;
  log: (line: string) => void;
}): Promise<Footprint> {
  const { log } = options;
  const guard = async <T>(what: string, task: () => Promise<T>): Promise<T | null> => {
    try {
      return await task();
    } catch (error) {
      log(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };
  log('start: pnpm start, then three starts on the unchanged checkout');
  const start = await guard('start figures', () => startFigures(options.root));
  if (!options.withStorage) return { start, memory: null, disk: null };
  // The default idle time in a full run; a shorter one keeps a quick run quick.
  const idleTimeoutMs = options.quick ? 10_000 : 60_000;
  log(`memory: ${options.sessions} sessions × ${options.panels} panels, live then idle`);
  const memory = await guard('memory figures', () =>
    memoryFigures(options.sessions, options.panels, idleTimeoutMs, log),
  );
  const diskSessions = options.quick ? 1 : 3;
  log(`disk: ${diskSessions} typical two-hour sessions of eight people, then their retention`);
  const disk = await guard('disk figures', () => diskFigures(diskSessions));
  return { start, memory, disk };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export function footprintLines({ start, memory, disk }: Footprint): string[] {
  const lines: string[] = [];
  if (start)
    lines.push(
      `second start ready in ${median(start.secondReadyS).toFixed(2)} s (pnpm start to /healthz, panel up to date; runs ${start.secondReadyS.map((s) => s.toFixed(2)).join(', ')} s; budget ${SECOND_START_BUDGET_S} s); the start before: ${start.first.readyS.toFixed(2)} s, ${start.first.builtPanelS === null ? 'panel up to date' : `panel built in ${start.first.builtPanelS.toFixed(1)} s`}`,
    );
  if (memory)
    lines.push(
      `memory per session (server heap after full GC; RSS): live with ${memory.panels} panels' sockets ${memory.liveKbPerSession.heap.toFixed(0)} KB (RSS ${memory.liveKbPerSession.rss.toFixed(0)} KB), idle loaded with no panel ${memory.idleKbPerSession.heap.toFixed(0)} KB (RSS ${memory.idleKbPerSession.rss.toFixed(0)} KB), over ${memory.sessions} sessions; idle sessions all left memory ${memory.evictedAfterS.toFixed(1)} s after their last panel closed (ROOM_IDLE_MS=${memory.idleTimeoutMs}; 60000 by default); heap ${memory.atStart.heapMb.toFixed(1)} MB before, ${memory.live.heapMb.toFixed(1)} MB live, ${memory.idle.heapMb.toFixed(1)} MB idle, ${memory.afterEviction.heapMb.toFixed(1)} MB after`,
    );
  if (disk)
    lines.push(
      `disk per typical 2-hour session (8 people, ${disk.commandsPerSession.toFixed(0)} commands, ${disk.eventsPerSession.toFixed(0)} events, ${disk.sessions} session(s) on a fresh SQLite file): ${kb(disk.bytesPerSession)}; after its retention (${disk.retentionDays} days): ${kb(disk.usedBytesPerSessionAfterRetention)} in use, the file still ${kb(disk.bytesPerSessionAfterRetention)} larger than empty (freed pages, zeroed, are reused by later sessions)`,
    );
  return lines;
}

export function footprintMisses({ start }: Footprint, noise: number): string[] {
  if (!start) return ['second start not measured: pnpm start failed'];
  const readyS = median(start.secondReadyS);
  return readyS > SECOND_START_BUDGET_S * (1 + noise)
    ? [
        `second start ready in ${readyS.toFixed(2)} s > ${SECOND_START_BUDGET_S} s (noise ${(noise * 100).toFixed(0)} %)`,
      ]
    : [];
}

/** The soft and hard limits on open files of this process (its children inherit them). */
export function openFilesLimits(): { soft: number; hard: number } | null {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const [soft, hard] = (line?.split(/\s{2,}/) ?? []).slice(1, 3).map(Number);
    return soft !== undefined && hard !== undefined && Number.isFinite(soft)
      ? { soft, hard: Number.isFinite(hard) ? hard : soft }
      : null;
  } catch {
    return null;
  }
}
