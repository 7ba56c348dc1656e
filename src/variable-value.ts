import { Token } from './private/framework';
import { escapeTemplate, toHcl } from './private/hcl';
import { fail } from './private/validation';

/**
 * The value of a variable (`tfe_variable`): a plain string, a typed value
 * written as HCL for you, raw HCL, or a reference known only at plan time.
 *
 * Everything written literally in the program ends up in plain text in the
 * synthesized `cdk.tf.json`. Pass secrets as references instead, e.g. a
 * sensitive `TerraformVariable`:
 *
 * @example
 * const dbPassword = new TerraformVariable(stack, 'db_password', { type: 'string', sensitive: true });
 * api.addVariable('DbPassword', {
 *   key: 'db_password',
 *   value: VariableValue.fromReference(dbPassword.stringValue),
 *   sensitive: true,
 * });
 * api.addVariable('Regions', { key: 'regions', value: VariableValue.list(['eu-west-1', 'us-east-1']) });
 */
export class VariableValue {
  /**
   * A plain string (`hcl = false`): the platform receives exactly this text.
   * It may contain references (tokens).
   *
   * `${` and `%{` in the text are escaped for Terraform, so they reach the
   * platform as written instead of being interpolated while this app is
   * applied.
   */
  public static string(value: string): VariableValue {
    if (typeof value !== 'string') {
      fail('VariableValue.string', 'TFE-VAR-012', `expected a string, got ${describeJs(value)}: pass a string, or use VariableValue.number/boolean/list/map for typed values.`);
    }
    return new VariableValue(escapeTemplate(value), false, 'string', 'VariableValue.string');
  }

  /**
   * A number, written as HCL (`hcl = true`) for a Terraform variable; for an
   * environment variable, as plain text. A number token (e.g.
   * `TerraformVariable.numberValue`) is accepted.
   */
  public static number(value: number): VariableValue {
    if (typeof value !== 'number') {
      fail('VariableValue.number', 'TFE-VAR-013', `expected a number, got ${describeJs(value)}: pass a number (for numeric text, use VariableValue.string).`);
    }
    if (Token.isUnresolved(value)) {
      return new VariableValue(Token.asString(value), true, 'scalar', 'VariableValue.number');
    }
    if (!Number.isFinite(value)) {
      fail('VariableValue.number', 'TFE-VAR-014', `got ${String(value)}, which HCL cannot write: pass a finite number.`);
    }
    return new VariableValue(String(value), true, 'scalar', 'VariableValue.number');
  }

  /**
   * A boolean, written as HCL (`hcl = true`) for a Terraform variable; for an
   * environment variable, as the plain text `true` or `false`. A boolean
   * token is accepted (in TypeScript, `TerraformVariable.booleanValue` is
   * typed `IResolvable`: cast it, or use `VariableValue.hcl(Token.asString(token))`).
   */
  public static boolean(value: boolean): VariableValue {
    if (typeof value === 'boolean') {
      return new VariableValue(value ? 'true' : 'false', true, 'scalar', 'VariableValue.boolean');
    }
    if (Token.isUnresolved(value)) {
      return new VariableValue(Token.asString(value), true, 'scalar', 'VariableValue.boolean');
    }
    fail('VariableValue.boolean', 'TFE-VAR-015', `expected true or false, got ${describeJs(value)}: pass a boolean.`);
  }

  /**
   * A list, written as HCL (`hcl = true`), e.g. `["a", 1, true]`. Elements
   * may be strings, finite numbers, booleans, null, lists, maps (plain
   * objects) and references. Terraform variables only: HCL has no effect for
   * environment variables.
   */
  public static list(values: any[]): VariableValue {
    if (!Array.isArray(values)) {
      fail('VariableValue.list', 'TFE-VAR-016', `expected an array, got ${describeJs(values)}: pass an array such as ["a", "b"] (VariableValue.map for objects).`);
    }
    return new VariableValue(escapeTemplate(encode('VariableValue.list', values)), true, 'hcl', 'VariableValue.list');
  }

  /**
   * A map (object), written as HCL (`hcl = true`), e.g.
   * `{ "region" = "eu-west-1", "replicas" = 3 }`; keys are always quoted.
   * Values may be strings, finite numbers, booleans, null, lists, maps and
   * references. Terraform variables only: HCL has no effect for environment
   * variables.
   */
  public static map(values: { [key: string]: any }): VariableValue {
    const isPlainObject = values !== null && typeof values === 'object' && !Array.isArray(values);
    if (!isPlainObject && !Token.isUnresolved(values)) {
      fail('VariableValue.map', 'TFE-VAR-017', `expected an object, got ${describeJs(values)}: pass an object such as { region: "eu-west-1" } (VariableValue.list for arrays).`);
    }
    return new VariableValue(escapeTemplate(encode('VariableValue.map', values)), true, 'hcl', 'VariableValue.map');
  }

  /**
   * A raw HCL expression (`hcl = true`), passed to the platform as written
   * (not re-encoded), e.g. `{ size = "large", zones = ["a", "b"] }`. The
   * platform checks its syntax at plan time. Terraform variables only.
   */
  public static hcl(expression: string): VariableValue {
    if (typeof expression !== 'string' || (!Token.isUnresolved(expression) && expression.trim() === '')) {
      fail('VariableValue.hcl', 'TFE-VAR-018', `expected an HCL expression, got ${describeJs(expression)}: pass the expression as text, e.g. '["a", "b"]' (VariableValue.string("") for an empty string).`);
    }
    return new VariableValue(escapeTemplate(expression), true, 'hcl', 'VariableValue.hcl');
  }

  /**
   * A reference known only at plan time (`hcl = false`), such as a sensitive
   * `TerraformVariable`'s `.stringValue` or another resource's attribute:
   * the value never appears in the synthesized JSON. A literal string is
   * refused (use `VariableValue.string` for literals).
   */
  public static fromReference(reference: string): VariableValue {
    if (typeof reference !== 'string') {
      fail('VariableValue.fromReference', 'TFE-VAR-019', `expected a reference string, got ${describeJs(reference)}: pass a token such as a TerraformVariable's .stringValue.`);
    }
    if (!Token.isUnresolved(reference)) {
      const looksLikeExpression = reference.includes('${')
        ? ' Text that looks like a Terraform expression is still a literal to cdktf (and is escaped, not evaluated).'
        : '';
      fail('VariableValue.fromReference', 'TFE-VAR-020',
        `got a literal string (${reference.length} characters, not shown: it may be a secret), not a reference.${looksLikeExpression} ` +
          'Pass a token, e.g. new TerraformVariable(stack, "db_password", { type: "string", sensitive: true }).stringValue, ' +
          'so the value is known only at plan time; for a literal, use VariableValue.string(...).',
      );
    }
    return new VariableValue(escapeTemplate(reference), false, 'string', 'VariableValue.fromReference');
  }

  /**
   * The text written to `tfe_variable.value`. Literal `${` and `%{` in it are
   * escaped for Terraform (which evaluates strings of `cdk.tf.json` as
   * templates), so the platform receives the value as given; references are
   * cdktf tokens that Terraform evaluates.
   */
  public readonly text: string;

  /**
   * Whether the platform parses the text as HCL (`hcl = true`). Numbers and
   * booleans are HCL for Terraform variables, plain text for environment variables.
   */
  public readonly isHcl: boolean;

  /**
   * Whether the text contains a reference (an unresolved token) known only at
   * plan time: such a value is not written in plain text in `cdk.tf.json`.
   */
  public readonly isReference: boolean;

  /**
   * What kind of value this is: a plain string, a number or boolean (plain
   * text for environment variables), or HCL only (lists, maps, raw HCL).
   * @internal
   */
  public readonly _kind: string;

  /**
   * The factory that made the value, for messages.
   * @internal
   */
  public readonly _factory: string;

  private constructor(text: string, isHcl: boolean, kind: string, factory: string) {
    this.text = text;
    this.isHcl = isHcl;
    this.isReference = Token.isUnresolved(text);
    this._kind = kind;
    this._factory = factory;
  }
}

function encode(factory: string, values: unknown): string {
  return toHcl(values, 'values', factory);
}

function describeJs(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string': return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
    case 'number': case 'boolean': case 'bigint': return `${typeof value} ${String(value)}`;
    case 'undefined': return 'undefined';
    default: return `a value of type ${typeof value}`;
  }
}
