import type { CDPSession, Page } from 'playwright-core';

/**
 * Where the page's main thread spends a scan's time, function by function: a Chromium trace with
 * V8's sampling profiler and the page's own marks, cut to the windows from each scan's `Enter` to
 * its row on screen (the marks `bench-enter` and `bench-shown`, made by the bench's scripts), the
 * samples inside them summed by function (self time). For a developer chasing the scan path
 * (`BENCH_PROFILE=1 npm run bench -- desk`); never part of the figures, since profiling slows the page.
 */
export interface ScanProfile {
  stop(): Promise<string>;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { data?: { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } };
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const CATEGORIES = ['blink.user_timing', 'disabled-by-default-v8.cpu_profiler', 'v8.execute', 'devtools.timeline'];

export async function startScanProfile(page: Page): Promise<ScanProfile> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const event of value as unknown as TraceEvent[]) events.push(event);
  });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordContinuously' }, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      return summarise(events);
    },
  };
}

/** The top functions by self time inside the scan windows, with the share of the windows' time each took. */
function summarise(events: TraceEvent[]): string {
  const markEvents = (name: string) => events.filter((e) => e.name === name && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b')).map((e) => e.ts);
  // A mark comes once per category that records it: each time once.
  const marks = (name: string) => [...new Set(markEvents(name))].sort((a, b) => a - b);
  const enters = marks('bench-enter');
  const shown = marks('bench-shown');
  const windows: Array<[number, number]> = [];
  for (const start of enters) {
    const end = shown.find((t) => t >= start);
    if (end !== undefined) windows.push([start, end]);
  }
  if (windows.length === 0) return '(no scan windows in the trace: its marks are missing)';
  const windowTotal = windows.reduce((sum, [a, b]) => sum + (b - a), 0);

  // The main thread's profile: the one whose thread made the marks.
  const markThread = events.find((e) => e.name === 'bench-enter');
  const nodes = new Map<number, ProfileNode>();
  const self = new Map<string, number>();
  let sampled = 0;
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === markThread?.pid);
  const onMarkThread = profiles.filter((e) => e.tid === markThread?.tid);
  for (const profile of onMarkThread.length > 0 ? onMarkThread : profiles) {
    let at = profile.args?.data?.startTime ?? profile.ts;
    for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id)) {
      const data = chunk.args?.data;
      for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
      const samples = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      samples.forEach((nodeId, i) => {
        const previous = at;
        at += deltas[i] ?? 0;
        if (!windows.some(([a, b]) => at >= a && at <= b)) return;
        const node = nodes.get(nodeId);
        const frame = node?.callFrame;
        const name = frame ? `${frame.functionName || '(anonymous)'} ${(frame.url ?? '').split('/').pop() ?? ''}:${frame.lineNumber + 1}` : '(unknown)';
        const spent = at - previous;
        sampled += spent;
        self.set(name, (self.get(name) ?? 0) + spent);
      });
    }
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
  const perScan = (us: number) => (us / 1000 / windows.length).toFixed(3);
  return [
    `${windows.length} scan windows, ${perScan(windowTotal)} ms each on average, ${perScan(sampled)} ms of it sampled on the main thread:`,
    ...top.map(([name, us]) => `  ${perScan(us)} ms  ${name}`),
  ].join('\n');
}
