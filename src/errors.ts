import { IConstruct } from 'constructs';

const VALIDATION_ERROR_SYMBOL = Symbol.for('cdktf-tfe-constructs.ValidationError');

/**
 * The error every rule of this library throws: it carries the path of the
 * misconfigured construct, and its message says what value was received and
 * how to fix it.
 *
 * (Errors cross into other languages as plain errors; in TypeScript, test for
 * this type with `Errors.isValidationError(e)`, or import the class from
 * `cdktf-tfe-constructs/lib/errors` for `instanceof`.)
 */
export class ValidationError extends Error {
  /** The path of the construct the error is about. */
  public readonly constructPath: string;
  /** The message without the construct path. */
  public readonly detail: string;

  constructor(message: string, scope: IConstruct) {
    const path = scope.node.path || '<root>';
    super(`${path}: ${message}`);
    Object.setPrototypeOf(this, ValidationError.prototype);
    Object.defineProperty(this, VALIDATION_ERROR_SYMBOL, { value: true });
    this.name = 'ValidationError';
    this.constructPath = path;
    this.detail = message;
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
   * The construct path a `ValidationError` is about, or undefined for any other value.
   */
  public static constructPathOf(x: any): string | undefined {
    return Errors.isValidationError(x) ? (x as ValidationError).constructPath : undefined;
  }

  private constructor() {}
}
