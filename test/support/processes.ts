import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { ensureDatabase } from '@pb/kit';
import { TEST_SECRET } from './harness';

/** A fresh database copied from the test run's region template. */
export async function freshDatabase(name: string): Promise<string> {
  const admin = process.env.PB_TEST_DB_ADMIN;
  const run = process.env.PB_TEST_RUN;
  const template = process.env.PB_TEST_TEMPLATE;
  if (!admin || !run || !template) throw new Error('test database not prepared: run the tests through jest (globalSetup)');
  return ensureDatabase(admin, `pbt_${run}_${randomBytes(3).toString('hex')}_${name}`, template);
}

export interface RunningProcess {
  child: ChildProcess;
  /** The URL the process printed when ready (`… ready at <url>`). */
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Sends a signal and resolves with the exit code and how long it took to exit. */
  signal(sig: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
  exited: Promise<number | null>;
}

/**
 * Runs a Node script as an operator would (no launcher, no IPC), and waits for its "ready at
 * <url>" line. Rejects with its output when it exits first or takes longer than `timeoutMs`.
 */
export async function runProcess(script: string, env: Record<string, string>, timeoutMs = 90_000, ready = /ready at (http\S+)/, args: string[] = []): Promise<RunningProcess> {
  const child = spawn(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH ?? '', JWT_SECRET: TEST_SECRET, PB_QUIET_ERRORS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} not ready in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready:\n${out}`));
    });
  });
  return {
    child,
    url,
    output: () => out,
    exited,
    signal: async (sig) => {
      const started = Date.now();
      if (child.exitCode === null && child.signalCode === null) child.kill(sig);
      const code = await exited;
      return { code, ms: Date.now() - started };
    },
  };
}

/** Runs a script to its end; resolves with its exit code and output. */
export function runToEnd(script: string, args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output: out });
    });
  });
}

/** Polls `fn` until it returns a truthy value (or throws after `timeoutMs`). */
export async function eventually<T>(fn: () => Promise<T | undefined | false>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} not reached in ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
}
