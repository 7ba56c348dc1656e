/**
 * npm run fuzz [-- --runs 10000 --seed N --only Workspace,Variable]: every property with many random
 * cases; prints a table of outcomes and exits non-zero on any failure.
 */
import * as fc from 'fast-check';
import { Outcome, PROPERTIES, runCase } from './properties';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 10000);
const seed = arg('seed', Date.now() % 2147483647);
console.log(`fuzz: ${runs} cases per construct, seed ${seed} (replay with --seed ${seed})\n`);
console.log(`${'construct'.padEnd(30)} ${'cases'.padStart(7)} ${'synths'.padStart(7)} ${'rule errors'.padStart(12)} ${'value errors'.padStart(13)} ${'failures'.padStart(9)} ${'seconds'.padStart(8)}`);
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1].split(',') : undefined;
let failed = 0;
for (const property of PROPERTIES.filter((p) => !only || only.includes(p.name))) {
  const counts: Record<Outcome, number> = { 'synth': 0, 'validation-error': 0, 'value-rejected': 0 };
  const start = Date.now();
  let failure: string | undefined;
  try {
    fc.assert(fc.property(property.inputs, (input) => {
      counts[runCase(property, input)]++;
    }), { numRuns: runs, seed });
  } catch (e) {
    failure = (e as Error).message.split('\n').slice(0, 12).join('\n');
    failed++;
  }
  const cases = counts.synth + counts['validation-error'] + counts['value-rejected'];
  console.log(`${property.name.padEnd(30)} ${String(cases).padStart(7)} ${String(counts.synth).padStart(7)} ${String(counts['validation-error']).padStart(12)} ${String(counts['value-rejected']).padStart(13)} ${String(failure ? 1 : 0).padStart(9)} ${((Date.now() - start) / 1000).toFixed(1).padStart(8)}`);
  if (failure) console.log(`  ${failure.replace(/\n/g, '\n  ')}`);
}
process.exit(failed ? 1 : 0);
