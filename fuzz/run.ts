/**
 * npm run fuzz [-- --runs 10000 --seed N --only Workspace,Variable --seeds 5]: every property with many
 * random cases; prints a table of outcomes (with the share of valid synths and the rules that refused
 * the most cases) and exits non-zero on any failure. `--seeds K` runs K consecutive seeds from `--seed`.
 */
import * as fc from 'fast-check';
import { Outcome, PROPERTIES, runCase } from './properties';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 10000);
const firstSeed = arg('seed', Date.now() % 2147483647);
const seedCount = arg('seeds', 1);
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1].split(',') : undefined;
const seeds = Array.from({ length: seedCount }, (_, i) => firstSeed + i);
console.log(`fuzz: ${runs} cases per construct and seed, seeds ${seeds.join(', ')} (replay one with --seed N)\n`);
console.log(`${'construct'.padEnd(30)} ${'cases'.padStart(7)} ${'synths'.padStart(7)} ${'valid %'.padStart(8)} ${'rule errors'.padStart(12)} ${'value errors'.padStart(13)} ${'failures'.padStart(9)} ${'seconds'.padStart(8)}  most frequent rules`);
let failed = 0;
const totals = { cases: 0, synths: 0 };
let lowest = { name: '', share: 1 };
for (const property of PROPERTIES.filter((p) => !only || only.includes(p.name))) {
  const counts: Record<Outcome, number> = { 'synth': 0, 'validation-error': 0, 'value-rejected': 0 };
  const rules = new Map<string, number>();
  const start = Date.now();
  const failures: string[] = [];
  for (const seed of seeds) {
    try {
      fc.assert(fc.property(property.inputs, (input) => {
        counts[runCase(property, input, (id) => rules.set(id, (rules.get(id) ?? 0) + 1))]++;
      }), { numRuns: runs, seed });
    } catch (e) {
      failures.push(`seed ${seed}: ${(e as Error).message.split('\n').slice(0, 12).join('\n')}`);
    }
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
    `${((Date.now() - start) / 1000).toFixed(1).padStart(8)}  ${top}`);
  for (const f of failures) console.log(`  ${f.replace(/\n/g, '\n  ')}`);
}
console.log(`\n${totals.cases} cases, ${totals.synths} valid synths (${(100 * totals.synths / Math.max(1, totals.cases)).toFixed(1)} %); ` +
  `lowest valid share: ${lowest.name} ${(100 * lowest.share).toFixed(1)} %; ${failed} failing seed(s)`);
process.exit(failed ? 1 : 0);
