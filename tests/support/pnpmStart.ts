import { spawn } from 'node:child_process';
import { SERVER_START_TIMEOUT_MS } from './patience.ts';
import { freePort } from './serverProcess.ts';

export interface PnpmStart {
  readonly url: string;
  /** From the command's launch to the first healthy answer of /healthz. */
  readonly readyMs: number;
  /** What `pnpm start` printed until then, and while it stopped. */
  readonly output: () => string;
  stop(): Promise<void>;
}

/**
 * Runs `pnpm start` in `cwd`, as a person would from a terminal, on a free port and its own data
 * directory, and resolves once the server answers its health check.
 */
export async function pnpmStart(cwd: string, dataDir: string): Promise<PnpmStart> {
  const port = await freePort();
  const launched = performance.now();
  const child = spawn('pnpm', ['start'], {
    cwd,
    // A group of its own: pnpm runs the server as its child, and both stop together, as at Ctrl-C.
    detached: true,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-(child.pid ?? 0), 'SIGTERM');
    await exited;
  };
  const deadline = launched + SERVER_START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pnpm start exited ${child.exitCode}:\n${output}`);
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`pnpm start never answered:\n${output}`);
    }
    const isHealthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (isHealthy) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    readyMs: performance.now() - launched,
    output: () => output,
    stop,
  };
}
