import { spawn, type ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';

/**
 * Load on purpose, as a desk PC has it during an antivirus scan or an update: processes that keep
 * the CPUs busy, and long tasks on the page's own thread.
 */

/** `count` Node processes spinning on the CPU until `stop()` (which ends exactly those). */
export function busyProcesses(count: number): { stop(): void } {
  const children: ChildProcess[] = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  return {
    stop() {
      for (const child of children) child.kill('SIGKILL');
    },
  };
}

/**
 * Blocks the page's thread for 50–300 ms at random moments (0–200 ms apart) until `stop()`.
 * `random` gives the pattern; the moments themselves fall where the machine's timing puts them.
 */
export function longTasks(page: Page, random: () => number): { stop(): Promise<number> } {
  let running = true;
  let count = 0;
  const loop = (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, random() * 200));
      const ms = 50 + random() * 250;
      await page
        .evaluate((ms) => {
          const end = performance.now() + ms;
          while (performance.now() < end);
        }, ms)
        .then(() => (count += 1))
        // The page may be navigating or closing: a missed long task is no failure.
        .catch(() => undefined);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return count;
    },
  };
}
