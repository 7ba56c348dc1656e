import * as fc from 'fast-check';
import { Outcome, PROPERTIES, runCase } from '../fuzz/properties';

/**
 * A fixed-seed sample of the fuzzer (`npm run fuzz` runs 10,000 cases per
 * construct and seed): every construct, given random and hostile props, either
 * synthesizes valid JSON without accidental templates or fails with a
 * ValidationError naming a construct path. The generators reach a valid synth
 * often enough that the success path is exercised, and break rules often
 * enough that the rules are.
 */
describe('fuzzed props', () => {
  for (const property of PROPERTIES) {
    test(`${property.name}: valid synth or ValidationError, with at least 30% valid synths`, () => {
      const counts: Record<Outcome, number> = { 'synth': 0, 'validation-error': 0, 'value-rejected': 0 };
      fc.assert(fc.property(property.inputs, (input) => {
        counts[runCase(property, input)]++;
      }), { numRuns: 100, seed: 42 });
      expect(counts.synth).toBeGreaterThanOrEqual(30);
      expect(counts['validation-error'] + counts['value-rejected']).toBeGreaterThanOrEqual(10);
    });
  }
});
