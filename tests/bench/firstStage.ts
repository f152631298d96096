import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';

/**
 * Records, on the page's own clock (0 is the navigation's start), when the first frame with the live
 * stage has been painted: the title's arrival in the document, then the frame after it.
 */
const FIRST_STAGE_SCRIPT = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="stage-title"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__cercleFirstStage = performance.now(); }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** What a first-stage figure depends on besides Cercle, printed beside it. */
export interface Conditions {
  readonly chromium: string;
  readonly cpuModel: string;
  /** The cores' current clock, as the kernel reports it while the browser part starts. */
  readonly cpuMhz: readonly number[];
  /** 1-, 5- and 15-minute load averages at the start and at the end of the browser part. */
  readonly loadAtStart: readonly number[];
  readonly loadAtEnd: readonly number[];
}

/**
 * One visit's time to the first painted live stage: page clock and the driver's wall clock; and
 * the CPU time the page's main thread used until then (all its work, scripts and the rest), which
 * other processes on a busy machine delay but do not lengthen.
 */
export interface Visit {
  readonly inPage: number;
  readonly wall: number;
  readonly mainThreadCpuMs: number;
  readonly scriptMs: number;
}

/**
 * Cold: a fresh browser process (new profile: empty HTTP cache, no V8 code cache, no renderer
 * alive) and its first visit. Warm: the second visit in the same context (the scripts come from the
 * HTTP cache); hot: the third (Chromium keeps compiled code only for a script seen twice).
 */
export interface FirstStageFigures {
  readonly cold: Visit;
  readonly warm: Visit;
  readonly hot: Visit;
}

function cpuMhz(): number[] {
  try {
    return [...readFileSync('/proc/cpuinfo', 'utf8').matchAll(/^cpu MHz\s*:\s*([\d.]+)/gm)].map(
      (m) => Math.round(Number(m[1])),
    );
  } catch {
    return cpus().map((cpu) => cpu.speed);
  }
}

function load(): number[] {
  return loadavg().map((value) => Math.round(value * 100) / 100);
}

export function conditionsAtStart(chromium: string): Omit<Conditions, 'loadAtEnd'> {
  return {
    chromium,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cpuMhz: cpuMhz(),
    loadAtStart: load(),
  };
}

export function conditionsAtEnd(start: Omit<Conditions, 'loadAtEnd'>): Conditions {
  return { ...start, loadAtEnd: load() };
}

async function visit(
  context: Awaited<ReturnType<Browser['newContext']>>,
  url: string,
  throttle: number,
): Promise<Visit> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await cdp.send('Performance.enable');
  const start = performance.now();
  await page.goto(url);
  await page.getByTestId('stage-title').waitFor();
  const wall = performance.now() - start;
  const { metrics } = await cdp.send('Performance.getMetrics');
  const seconds = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  // Read by evaluation, not `waitForFunction`: the panel's CSP forbids the eval that needs.
  let inPage: unknown;
  while (typeof inPage !== 'number') {
    inPage = await page.evaluate('window.__cercleFirstStage');
    if (typeof inPage !== 'number') await new Promise((r) => setTimeout(r, 20));
  }
  await page.close();
  return {
    inPage,
    wall,
    mainThreadCpuMs: seconds('ThreadTime') * 1000,
    scriptMs: seconds('ScriptDuration') * 1000,
  };
}

/** A cold first visit in a browser of its own, then the warm and hot visits in the same context. */
export async function firstStage(url: string, throttle: number): Promise<FirstStageFigures> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    await context.addInitScript(FIRST_STAGE_SCRIPT);
    const cold = await visit(context, url, throttle);
    const warm = await visit(context, url, throttle);
    const hot = await visit(context, url, throttle);
    return { cold, warm, hot };
  } finally {
    await browser.close();
  }
}

/** The best of several runs, visit by visit: the machine's other work only ever adds time. */
export function bestOf(runs: readonly FirstStageFigures[]): FirstStageFigures {
  const best = (pick: (run: FirstStageFigures) => Visit): Visit => ({
    inPage: Math.min(...runs.map((run) => pick(run).inPage)),
    wall: Math.min(...runs.map((run) => pick(run).wall)),
    mainThreadCpuMs: Math.min(...runs.map((run) => pick(run).mainThreadCpuMs)),
    scriptMs: Math.min(...runs.map((run) => pick(run).scriptMs)),
  });
  return { cold: best((r) => r.cold), warm: best((r) => r.warm), hot: best((r) => r.hot) };
}

export function describeConditions(c: Conditions): string {
  return `Chromium ${c.chromium}; CPU ${c.cpuModel} at ${c.cpuMhz.join('/')} MHz; load average ${c.loadAtStart.join(' ')} at the start, ${c.loadAtEnd.join(' ')} at the end (1, 5, 15 min; ${cpus().length} cores); cold = fresh browser process, empty HTTP cache and V8 code cache; warm = 2nd visit in the same context (HTTP cache), hot = 3rd (HTTP and V8 code cache)`;
}

export function describeFirstStage(label: string, f: FirstStageFigures): string {
  const ms = (v: number) => v.toFixed(0);
  const visit = (v: Visit) =>
    `${ms(v.inPage)} ms (driver's clock ${ms(v.wall)} ms; main thread CPU ${ms(v.mainThreadCpuMs)} ms, of which scripts ${ms(v.scriptMs)} ms)`;
  return `${label}: cold ${visit(f.cold)}, warm ${visit(f.warm)}, hot ${visit(f.hot)}`;
}
