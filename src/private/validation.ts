import { Annotations, DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { ValidationError } from '../errors';

/**
 * A check on a string value: returns an error message (without the construct
 * path) or undefined when the value is fine.
 */
export type StringCheck = (value: string) => string | undefined;

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
 * Applies `check` to `value`.
 *
 * - A literal value is checked now; a failure throws a `ValidationError`.
 * - A value that is (or contains) an unresolved token is checked at synth time,
 *   once the token resolves: a literal result fails the synth with the same
 *   message; a result that is still a Terraform expression (known only at plan
 *   time) cannot be checked here, and that is said with an info annotation
 *   rather than skipped silently.
 */
export function checkString(scope: IConstruct, what: string, value: string | undefined, check: StringCheck): void {
  if (value === undefined) return;
  if (!Token.isUnresolved(value)) {
    const problem = check(value);
    if (problem) throw new ValidationError(problem, scope);
    return;
  }
  scope.node.addValidation({
    validate: () => {
      const resolved = resolveValue(scope, value);
      if (typeof resolved === 'string' && !resolved.includes('${')) {
        const problem = check(resolved);
        return problem ? [problem] : [];
      }
      Annotations.of(scope).addInfo(
        `${what} is only known at plan time (${quote(resolved)}); the platform checks it at apply.`,
      );
      return [];
    },
  });
}

/**
 * Throws a ValidationError when `condition` holds.
 */
export function fail(scope: IConstruct, message: string): never {
  throw new ValidationError(message, scope);
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
