import { IConstruct } from 'constructs';

const VALIDATION_ERROR_SYMBOL = Symbol.for('cdktf-tfe-constructs.ValidationError');

/**
 * The error every rule of this library throws: it carries the path of the
 * misconfigured construct and the rule's stable id, and its message says what
 * value was received and how to fix it:
 * `<construct path>: [<rule id>] <detail>`, e.g.
 * `platform/Api: [TFE-NAME-006] workspace name "payments api" is invalid: ...`.
 *
 * A value object checks its input in its factory, where there is no
 * construct yet: its errors name the factory instead of a construct path
 * (`VariableValue.number: [TFE-VAR-014] ...`).
 *
 * Rules checked at synth time (values that resolve then, and rules over the
 * whole app) are reported by cdktf's validation error, one line per problem:
 * `[<construct path>] [<rule id>] <detail>`.
 *
 * (Errors cross into other languages as plain errors; in TypeScript, test for
 * this type with `Errors.isValidationError(e)`, or import the class from
 * `cdktf-tfe-constructs/lib/errors` for `instanceof`.)
 */
export class ValidationError extends Error {
  /**
   * The path of the construct the error is about (`<root>` for the app), or
   * for an error of a value object's factory, the factory (`VariableValue.number`).
   */
  public readonly constructPath: string;
  /** The id of the rule that failed, e.g. `TFE-WS-004` (see `Rules.describe`). */
  public readonly ruleId: string;
  /** The message without the construct path and the rule id. */
  public readonly detail: string;

  /**
   * @param scope the construct the error is about, or the name of the value
   *        object's factory that refused its input
   * @param ruleId the rule's id in the catalogue
   * @param detail what was received and how to fix it
   */
  constructor(scope: IConstruct | string, ruleId: string, detail: string) {
    const path = typeof scope === 'string' ? scope : scope.node.path || '<root>';
    super(`${path}: [${ruleId}] ${detail}`);
    Object.setPrototypeOf(this, ValidationError.prototype);
    Object.defineProperty(this, VALIDATION_ERROR_SYMBOL, { value: true });
    this.name = 'ValidationError';
    this.constructPath = path;
    this.ruleId = ruleId;
    this.detail = detail;
  }
}

/**
 * Helpers to recognize this library's errors.
 */
export class Errors {
  /**
   * Whether `x` is a `ValidationError` thrown by this library (also across
   * copies of the library in one program).
   */
  public static isValidationError(x: any): boolean {
    return x !== null && typeof x === 'object' && VALIDATION_ERROR_SYMBOL in x;
  }

  /**
   * The construct path a `ValidationError` is about (or the factory that threw
   * it), or undefined for any other value.
   */
  public static constructPathOf(x: any): string | undefined {
    return Errors.isValidationError(x) ? (x as ValidationError).constructPath : undefined;
  }

  /**
   * The rule id of a `ValidationError` (e.g. `TFE-WS-004`), or undefined for
   * any other value.
   */
  public static ruleIdOf(x: any): string | undefined {
    return Errors.isValidationError(x) ? (x as ValidationError).ruleId : undefined;
  }

  private constructor() {}
}
