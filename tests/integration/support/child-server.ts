import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root, where `server/main.ts` and node_modules are. */
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `node --import tsx server/main.ts` is what `tsx server/main.ts` runs, minus tsx's wrapper
 * process: a signal sent to this pid reaches the server itself. A SIGKILL to the wrapper would
 * leave the real server running as an orphan.
 */
function spawnMain(args: readonly string[], env: Record<string, string>, withStdin = false): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
    stdio: [withStdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildServer {
  url: string;
  pid: number;
  output(): string;
  exited: Promise<Exit>;
  /** Sends `signal` and waits for the process to end. */
  stop(signal: NodeJS.Signals): Promise<Exit>;
}

/** Starts the service on a free port and resolves once it says it is ready. */
// A server on PGlite starts in ~2 s on an idle machine and took over 30 s on a loaded 2-core one.
export function startChildServer(env: Record<string, string>, timeoutMs = 120_000): Promise<ChildServer> {
  const child = spawnMain([], { HOST: '127.0.0.1', PORT: '0', ...env });
  let output = '';
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    let url: string | undefined;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      url ??= /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url && output.includes('central inventory ready')) {
        clearTimeout(timer);
        const pid = child.pid ?? -1;
        resolve({
          url,
          pid,
          output: () => output,
          exited,
          async stop(signal) {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((exit) => {
      clearTimeout(timer);
      reject(new Error(`server exited before it was ready (${JSON.stringify(exit)}):\n${output}`));
    });
  });
}

/** Runs a server command (`desk add ...`, `import ...`) to its end; `stdin` is piped in (a PIN). */
export function runCommand(args: readonly string[], env: Record<string, string>, stdin?: string): Promise<Exit & { stdout: string; stderr: string }> {
  const child = spawnMain(args, env, stdin !== undefined);
  if (stdin !== undefined) child.stdin?.end(stdin);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}
