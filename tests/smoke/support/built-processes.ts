import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { DIST, ROOT } from './build-freshness';

const OUTPUT_LIMIT = 8_000;

/** The last OUTPUT_LIMIT characters a child wrote to stdout and stderr, for the failure message. */
class OutputTail {
  private text = '';

  constructor(child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.text = (this.text + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  toString(): string {
    return this.text.trim() || '(no output)';
  }
}

function spawnBuilt(entry: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [join(DIST, `${entry}.js`), ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs a built operator command (dist/apps/cli/...) to completion; throws with its output on failure or timeout. */
export function runBuiltCommand(entry: string, env: NodeJS.ProcessEnv, options: { args?: string[]; input?: string; timeoutMs?: number } = {}): Promise<string> {
  const child = spawnBuilt(entry, options.args ?? [], env);
  const output = new OutputTail(child);
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stdin?.end(options.input ?? '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`dist/${entry}.js did not finish within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`dist/${entry}.js exited with ${signal ?? code}:\n${output}`));
    });
  });
}

/** A long-running built process (the API or the worker), started as `npm run start:api` / `start:worker` would. */
export class BuiltService {
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private reported = false;
  private readonly exited: Promise<void>;
  private readonly output: OutputTail;
  private readonly killOnExit = () => this.child.kill('SIGKILL');

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    this.output = new OutputTail(child);
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        process.off('exit', this.killOnExit);
        resolve();
      }),
    );
    // Never leave a server behind, even when jest itself is torn down without running afterAll.
    process.on('exit', this.killOnExit);
  }

  static start(name: string, entry: string, env: NodeJS.ProcessEnv): BuiltService {
    return new BuiltService(name, spawnBuilt(entry, [], env));
  }

  /**
   * Throws if the process has stopped: a crash must fail the suite with its reason, not a timeout. The first report
   * carries the process's output, later ones point to it.
   */
  assertRunning(): void {
    if (!this.exit) return;
    const how = `${this.name} exited (${this.exit.signal ?? this.exit.code})`;
    if (this.reported) throw new Error(`${how}; its output is shown with the first failure`);
    this.reported = true;
    throw new Error(`${how}:\n${this.output}`);
  }

  describe(): string {
    return `${this.name} output:\n${this.output}`;
  }

  /** SIGTERM (the processes shut down gracefully on it), then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.exit) return;
    this.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([this.exited.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)))]);
    clearTimeout(timer);
    if (timedOut) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

/** Polls GET /health until it answers 200, failing at once with its output if a service has died meanwhile. */
export async function waitForHealth(baseUrl: string, services: BuiltService[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const service of services) service.assertRunning();
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${baseUrl}/health did not answer 200 within ${timeoutMs} ms\n${services.map((s) => s.describe()).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Wraps a test step so that, when it fails because one of the services died, the failure shows that service's output. */
export function stepOf(services: BuiltService[]): (run: () => Promise<void>) => () => Promise<void> {
  return (run) => async () => {
    try {
      await run();
    } catch (error) {
      for (const service of services) service.assertRunning();
      throw error;
    }
  };
}
