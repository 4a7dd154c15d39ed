// Investigation only (not committed): traces a few scans of the desk bench.
import { writeFileSync } from 'node:fs';
import { luhnCheckDigit } from '../../shared/scan/check-digits';
import { serveWebBuild, signedInBenchPage } from './support/browser';
import { scanToScreen } from './support/scan-timing';
import { launchSeededChromium } from './support/seeded-profile';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const server = await serveWebBuild(process.env.REBUILD !== '0', 41731);
const browser = await launchSeededChromium(server.url, DEVICES, EVENTS, { viewport: { width: 1366, height: 900 } });
await browser.context.addInitScript({ content: 'window.__kvikScanMarks = true;' });
const page = await signedInBenchPage(browser.context, server.url);
await page.getByTestId('batch-count').waitFor();
const imei = (i: number) => { const body = `86${String(i).padStart(12, '0')}`; return body + luhnCheckDigit(body); };
await scanToScreen(page, Array.from({ length: 20 }, (_, i) => imei(i)), '[data-testid="batch-list"] tbody tr:first-child', 100);
const cdp = await browser.context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const t = await scanToScreen(page, Array.from({ length: 60 }, (_, i) => imei(100 + i)), '[data-testid="batch-list"] tbody tr:first-child', 100);
const { profile } = await cdp.send('Profiler.stop');
writeFileSync('/tmp/probe/cpu.cpuprofile', JSON.stringify(profile));
console.log('timings', t.map((x) => x.toFixed(1)).join(' '));
await browser.close();
await server.close();
process.exit(0);
