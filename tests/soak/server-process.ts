import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The central inventory as its own process (`server/main.ts` under Node with tsx, no wrapper, so
 * SIGKILL reaches the server itself), always on the same port so desks keep their address across
 * a kill and restart. Its warnings go to a log file, not into this process's memory.
 */
export interface ServerProcess {
  url: string;
  /** Running and answering /v1/health. */
  start(): Promise<void>;
  kill(): Promise<void>;
  stop(): Promise<void>;
  restarts: number;
}

export function serverProcess(options: { port: number; env: Record<string, string>; logFile: string }): ServerProcess {
  const url = `http://127.0.0.1:${options.port}`;
  const log = createWriteStream(options.logFile, { flags: 'a' });
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  async function waitUntilHealthy(): Promise<void> {
    const until = Date.now() + 60_000;
    for (;;) {
      try {
        const res = await fetch(`${url}/v1/health`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`the server did not answer on ${url} within 60 s (see ${options.logFile})`);
      if (child?.exitCode !== null && child?.exitCode !== undefined) throw new Error(`the server exited with ${child.exitCode} (see ${options.logFile})`);
      await sleep(100);
    }
  }

  const self: ServerProcess = {
    url,
    restarts: 0,
    async start() {
      const started = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: projectRoot,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: String(options.port), LOG_LEVEL: 'warn', ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      started.stdout?.pipe(log, { end: false });
      started.stderr?.pipe(log, { end: false });
      exited = new Promise((resolve) => started.on('exit', () => resolve()));
      child = started;
      await waitUntilHealthy();
    },
    async kill() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
      self.restarts += 1;
    },
    async stop() {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      log.end();
    },
  };
  return self;
}
