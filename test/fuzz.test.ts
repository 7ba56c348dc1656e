import * as fc from 'fast-check';
import { PROPERTIES, runCase } from '../fuzz/properties';

/**
 * A fixed-seed sample of the fuzzer (`npm run fuzz` runs >= 10,000 cases per
 * construct): every construct, given random and hostile props, either
 * synthesizes valid JSON without accidental templates or fails with a
 * ValidationError naming a construct path.
 */
describe('fuzzed props', () => {
  for (const property of PROPERTIES) {
    test(`${property.name}: valid synth or ValidationError`, () => {
      const outcomes = new Set<string>();
      fc.assert(fc.property(property.inputs, (input) => {
        outcomes.add(runCase(property, input));
      }), { numRuns: 40, seed: 42 });
      expect(outcomes.size).toBeGreaterThan(0);
    });
  }
});
