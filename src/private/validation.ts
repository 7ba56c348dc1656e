import { IConstruct } from 'constructs';
import { Annotations, DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from './framework';
import { ValidationError } from '../errors';
import { isAcknowledged, RuleId, ruleMessage } from './rules';

/**
 * A broken rule: its id in the catalogue (`rules.ts`) and the message
 * without the construct path, saying what was received and how to fix it.
 */
export interface Violation {
  readonly ruleId: RuleId;
  readonly detail: string;
}

/** A broken rule, for checks that return one. */
export function violation(ruleId: RuleId, detail: string): Violation {
  return { ruleId, detail };
}

/**
 * A check on a string value: returns the broken rule, or undefined when the
 * value is fine.
 */
export type StringCheck = (value: string) => Violation | undefined;

/**
 * Quotes a value for an error message, shortening very long values.
 */
export function quote(value: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > 120 ? `${s.slice(0, 117)}..."` : s;
}

/**
 * Throws the `ValidationError` of rule `ruleId` about `scope`: the construct
 * that is misconfigured, or for a value object's factory (which has no
 * construct), the factory's name (e.g. `VariableValue.number`). The one way
 * this library throws.
 */
export function fail(scope: IConstruct | string, ruleId: RuleId, detail: string): never {
  throw new ValidationError(scope, ruleId, detail);
}

/**
 * A synth-time problem for `node.addValidation`: `[<rule id>] <detail>`
 * (cdktf prefixes it with the construct path).
 */
export function synthProblem(v: Violation): string {
  return ruleMessage(v.ruleId, v.detail);
}

/**
 * Adds warning `ruleId` to `scope` (as `[<rule id>] <message>`), unless the
 * rule is acknowledged for it (`Rules.acknowledge`).
 */
export function warn(scope: IConstruct, ruleId: RuleId, message: string): void {
  if (!isAcknowledged(scope, ruleId)) Annotations.of(scope).addWarning(ruleMessage(ruleId, message));
}

/**
 * Adds info `ruleId` to `scope` (as `[<rule id>] <message>`), unless the rule
 * is acknowledged for it.
 */
export function inform(scope: IConstruct, ruleId: RuleId, message: string): void {
  if (!isAcknowledged(scope, ruleId)) Annotations.of(scope).addInfo(ruleMessage(ruleId, message));
}

/**
 * Applies `check` to `value`.
 *
 * - A literal value is checked now; a failure throws a `ValidationError`.
 * - A value that is (or contains) an unresolved token is checked at synth time,
 *   once the token resolves: a literal result fails the synth with the same
 *   message; a result that is still a Terraform expression (known only at plan
 *   time) cannot be checked here, and that is said with an info annotation
 *   (TFE-REF-001) rather than skipped silently. For a `secret`, the info does
 *   not show the expression, since it may hold literal parts of the secret.
 */
export function checkString(scope: IConstruct, what: string, value: string | undefined, check: StringCheck, secret: boolean = false): void {
  if (value === undefined) return;
  if (!Token.isUnresolved(value)) {
    const problem = check(value);
    if (problem) fail(scope, problem.ruleId, problem.detail);
    return;
  }
  scope.node.addValidation({
    validate: () => {
      const resolved = resolveValue(scope, value);
      if (typeof resolved === 'string' && !resolved.includes('${')) {
        const problem = check(resolved);
        return problem ? [synthProblem(problem)] : [];
      }
      const shown = secret ? '' : ` (${quote(resolved)})`;
      inform(scope, 'TFE-REF-001', `${what} is only known at plan time${shown}; the platform checks it at apply.`);
      return [];
    },
  });
}

/**
 * The literal value of a string that may be a token, when it can be known
 * while the program runs; undefined otherwise.
 */
export function literal(value: string | undefined): string | undefined {
  return value === undefined || Token.isUnresolved(value) ? undefined : value;
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * Resolves tokens in `value` in the context of `scope`'s stack, as synthesis
 * does: references become `${...}` expressions, lazy values their result.
 */
export function resolveValue(scope: IConstruct, value: unknown): any {
  return Tokenization.resolve(value, { scope: TerraformStack.of(scope), preparing: false, resolver: RESOLVER });
}

/**
 * A construct id for a name the user gave. The constructs library keeps
 * children in a plain object, so a name such as `toString` or `constructor`
 * would collide with Object.prototype; those get a `~` suffix (a character
 * the platform's names never contain). Every other name is used as is, so
 * addresses stay readable.
 */
export function safeChildId(name: string): string {
  return name in Object.prototype ? `${name}~` : name;
}
