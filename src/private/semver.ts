import { quote, Violation, violation } from './validation';

const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/**
 * What is wrong with a module version (a semantic version such as `1.2.0`,
 * as the registry publishes them), for the rule `ruleId`.
 */
export function semverProblem(ruleId: 'TFE-REG-005' | 'TFE-NOCODE-002', what: string, value: string): Violation | undefined {
  return SEMVER.test(value) ? undefined
    : violation(ruleId, `${what} ${quote(value)} is not a semantic version: write it like "1.2.0" (major.minor.patch, no "v", no constraint).`);
}
