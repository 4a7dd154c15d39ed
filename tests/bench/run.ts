import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_TIME_LIMIT_MS, type BenchPart, type Figure } from './figures';

/**
 * `npm run bench [-- <name> ...]`: runs every part in `parts/` (or the ones named), prints each figure beside its same-run baseline, and merges them into
 * `bench/results.json`.
 */
const here = dirname(fileURLToPath(import.meta.url));
const resultsFile = resolve(here, '../../bench/results.json');

async function loadParts(): Promise<BenchPart[]> {
  const files = readdirSync(join(here, 'parts')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  const parts: BenchPart[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(here, 'parts', file)).href)) as { part: BenchPart };
    parts.push(mod.part);
  }
  return parts;
}

function print(name: string, f: Figure): void {
  const base = f.baseline !== undefined ? `  baseline ${f.baseline} ${f.unit}  ratio ${f.ratio}` : '';
  console.log(`  ${name.padEnd(44)} ${String(f.value).padStart(12)} ${f.unit}${base}${f.note ? `  (${f.note})` : ''}`);
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
// A name runs that part; a name that is no part's runs every part it begins (`reports` alone is
// the part `reports`; `rep` is `reports` and `reports-desk`).
const all = await loadParts();
const parts = all.filter((p) => wanted.length === 0 || wanted.some((w) => p.name === w || (!all.some((q) => q.name === w) && p.name.startsWith(w))));
if (parts.length === 0) {
  console.error(`no benchmark part matches ${wanted.join(', ')}`);
  process.exit(1);
}
/** The part's figures, or a failure with the reason when it runs past its time limit (`BENCH_TIME_LIMIT_S` overrides every part's). */
async function withinTimeLimit(part: BenchPart): Promise<Record<string, Figure>> {
  const limitMs = process.env.BENCH_TIME_LIMIT_S ? Number(process.env.BENCH_TIME_LIMIT_S) * 1000 : (part.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  let timer: NodeJS.Timeout | undefined;
  const overdue = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${part.name} did not finish within its time limit of ${Math.round(limitMs / 1000)} s (see the last line it printed for where it stood)`)), limitMs);
  });
  try {
    return await Promise.race([part.run(), overdue]);
  } finally {
    clearTimeout(timer);
  }
}

const results: Record<string, Figure> = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
let failed = 0;
for (const part of parts) {
  console.log(`\n${part.name}`);
  const started = performance.now();
  let figures: Record<string, Figure>;
  try {
    figures = await withinTimeLimit(part);
  } catch (error) {
    // The others still run; the run ends with a failure and this reason.
    failed++;
    console.error(`  FAILED: ${error instanceof Error ? error.message : String(error)}`);
    continue;
  }
  for (const [name, f] of Object.entries(figures)) {
    print(name, f);
    results[name] = f;
  }
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
}
console.log(`\nwrote ${resultsFile}`);
// A part past its limit may leave a browser or a server behind: end the process, not wait for them.
if (failed > 0) {
  console.error(`${failed} part(s) failed`);
  process.exit(1);
}
process.exit(0);
