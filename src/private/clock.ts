import { IConstruct } from 'constructs';
import { Token } from './framework';
import { RuleId } from './rules';
import { quote, resolveValue, synthProblem, violation, Violation, warn } from './validation';

/** The context key that fixes the library's "now" (`Clock.CONTEXT_KEY`). */
export const CLOCK_CONTEXT_KEY = 'cdktf-tfe-constructs:now';

const RFC3339_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The library's "now" for `scope`: the instant in the context key when one is
 * set, else the time of the call; a malformed context value is a broken rule.
 */
export function currentTime(scope: IConstruct): Date | Violation {
  const fixed: unknown = scope.node.tryGetContext(CLOCK_CONTEXT_KEY);
  if (fixed === undefined) return new Date();
  if (typeof fixed !== 'string' || !RFC3339_WITH_ZONE.test(fixed) || Number.isNaN(Date.parse(fixed))) {
    return violation('TFE-CLOCK-001',
      `the context key ${CLOCK_CONTEXT_KEY} is ${quote(fixed)}, not an RFC 3339 date-time with a time zone: write it like "2030-01-01T00:00:00Z", or remove it to use the time of the synth.`);
  }
  return new Date(fixed);
}

/**
 * Warns (rule `ruleId`) at synth time when the instant `value` stands for is
 * not after the library's "now". A value known only at plan time is not
 * compared. `parse` gives the instant of a well-formed value, or NaN (the
 * format has its own rule).
 */
export function warnWhenPast(scope: IConstruct, ruleId: RuleId, what: string, value: string | undefined,
  parse: (v: string) => number, consequence: string): void {
  if (value === undefined) return;
  scope.node.addValidation({
    validate: () => {
      const resolved: unknown = Token.isUnresolved(value) ? resolveValue(scope, value) : value;
      if (typeof resolved !== 'string' || resolved.includes('${')) return [];
      const time = parse(resolved);
      if (Number.isNaN(time)) return [];
      const now = currentTime(scope);
      if (!(now instanceof Date)) return [synthProblem(now)];
      if (time <= now.getTime()) {
        warn(scope, ruleId, `${what} ${quote(resolved)} is in the past (now is ${now.toISOString()}): ${consequence}`);
      }
      return [];
    },
  });
}
