/**
 * npm run fuzz [-- --runs 10000 --seed N --only Workspace,Variable --seeds 5 --jobs 2]: every property
 * with many random cases; prints a table of outcomes (with the share of valid synths and the rules that
 * refused the most cases) and exits non-zero on any failure. `--seeds K` runs K consecutive seeds from
 * `--seed`.
 *
 * Each construct and seed runs in a child process of its own (`--jobs` at once, one per core by
 * default): cdktf keeps every token it ever registered in a process-wide map, so one process running
 * hundreds of thousands of apps would grow until it ran out of heap.
 */
import { fork } from 'child_process';
import * as os from 'os';
import * as fc from 'fast-check';
import { Outcome, PROPERTIES, runCase } from './properties';

/** What a child reports for one construct and seed. */
interface ChunkResult {
  readonly counts: Record<Outcome, number>;
  readonly rules: Array<[string, number]>;
  readonly failure?: string;
}

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 10000);

/** Runs one construct with one seed in this process. */
function runChunk(name: string, seed: number): ChunkResult {
  const property = PROPERTIES.find((p) => p.name === name);
  if (!property) throw new Error(`no property named ${name}`);
  const counts: Record<Outcome, number> = { 'synth': 0, 'validation-error': 0, 'value-rejected': 0 };
  const rules = new Map<string, number>();
  let failure: string | undefined;
  try {
    fc.assert(fc.property(property.inputs, (input) => {
      counts[runCase(property, input, (id) => rules.set(id, (rules.get(id) ?? 0) + 1))]++;
    }), { numRuns: runs, seed });
  } catch (e) {
    failure = `seed ${seed}: ${(e as Error).message.split('\n').slice(0, 12).join('\n')}`;
  }
  return { counts, rules: [...rules], failure };
}

/** Runs one chunk in a child process (this script with `--child NAME`). */
function spawnChunk(name: string, seed: number): Promise<ChunkResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--child', name, '--seed', String(seed), '--runs', String(runs)], {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      env: { ...process.env, TS_NODE_PROJECT: process.env.TS_NODE_PROJECT ?? 'e2e/tsconfig.json' },
    });
    let result: ChunkResult | undefined;
    child.on('message', (m) => { result = m as ChunkResult; });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result) resolve(result);
      else reject(new Error(`${name} seed ${seed}: the child exited with ${signal ?? code} and no result`));
    });
  });
}

async function main(): Promise<number> {
  const firstSeed = arg('seed', Date.now() % 2147483647);
  const seedCount = arg('seeds', 1);
  const jobs = Math.max(1, arg('jobs', os.cpus().length));
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1].split(',') : undefined;
  const seeds = Array.from({ length: seedCount }, (_, i) => firstSeed + i);
  const properties = PROPERTIES.filter((p) => !only || only.includes(p.name));
  console.log(`fuzz: ${runs} cases per construct and seed, seeds ${seeds.join(', ')}, ${jobs} job(s) (replay one with --seed N)\n`);
  console.log(`${'construct'.padEnd(30)} ${'cases'.padStart(7)} ${'synths'.padStart(7)} ${'valid %'.padStart(8)} ${'rule errors'.padStart(12)} ` +
    `${'value errors'.padStart(13)} ${'failures'.padStart(9)} ${'seconds'.padStart(8)}  most frequent rules`);

  // Every chunk starts as soon as a job is free; the table is printed in property order.
  const chunks = properties.flatMap((p) => seeds.map((seed) => ({ name: p.name, seed })));
  const results = new Map<string, ChunkResult>();
  const seconds = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const { name, seed } = chunks[next++];
      const start = Date.now();
      results.set(`${name}/${seed}`, await spawnChunk(name, seed));
      seconds.set(name, (seconds.get(name) ?? 0) + (Date.now() - start) / 1000);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, chunks.length) }, worker));

  let failed = 0;
  const totals = { cases: 0, synths: 0 };
  let lowest = { name: '', share: 1 };
  for (const property of properties) {
    const counts: Record<Outcome, number> = { 'synth': 0, 'validation-error': 0, 'value-rejected': 0 };
    const rules = new Map<string, number>();
    const failures: string[] = [];
    for (const seed of seeds) {
      const r = results.get(`${property.name}/${seed}`)!;
      for (const k of Object.keys(counts) as Outcome[]) counts[k] += r.counts[k];
      for (const [id, n] of r.rules) rules.set(id, (rules.get(id) ?? 0) + n);
      if (r.failure) failures.push(r.failure);
    }
    failed += failures.length;
    const cases = counts.synth + counts['validation-error'] + counts['value-rejected'];
    const share = cases ? counts.synth / cases : 0;
    totals.cases += cases;
    totals.synths += counts.synth;
    if (share < lowest.share) lowest = { name: property.name, share };
    const top = [...rules].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id, n]) => `${id} ${n}`).join(', ');
    console.log(`${property.name.padEnd(30)} ${String(cases).padStart(7)} ${String(counts.synth).padStart(7)} ${(100 * share).toFixed(1).padStart(8)} ` +
      `${String(counts['validation-error']).padStart(12)} ${String(counts['value-rejected']).padStart(13)} ${String(failures.length).padStart(9)} ` +
      `${(seconds.get(property.name) ?? 0).toFixed(1).padStart(8)}  ${top}`);
    for (const f of failures) console.log(`  ${f.replace(/\n/g, '\n  ')}`);
  }
  console.log(`\n${totals.cases} cases, ${totals.synths} valid synths (${(100 * totals.synths / Math.max(1, totals.cases)).toFixed(1)} %); ` +
    `lowest valid share: ${lowest.name} ${(100 * lowest.share).toFixed(1)} %; ${failed} failing seed(s)`);
  return failed ? 1 : 0;
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) {
  const result = runChunk(process.argv[childIndex + 1], arg('seed', 0));
  process.send!(result, () => process.exit(0));
} else {
  main().then((code) => process.exit(code), (e) => {
    console.error(e);
    process.exit(2);
  });
}
