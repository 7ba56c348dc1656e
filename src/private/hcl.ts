import { Fn, Token } from './framework';
import { RuleId } from './rules';
import { fail } from './validation';

/**
 * HCL for `tfe_variable` values.
 *
 * A variable value passes two template engines before it is used:
 *
 * 1. Terraform, applying this app's `cdk.tf.json`, evaluates every JSON string
 *    as a template: `${...}` interpolates and `%{...}` is a directive there.
 *    `escapeTemplate` makes literal text survive this step unchanged, while
 *    cdktf tokens (references) still become Terraform expressions.
 * 2. With `hcl = true`, the platform parses the value as an HCL expression,
 *    whose quoted strings are templates again. `toHcl` writes JS values as HCL
 *    text whose strings are escaped so that no interpolation happens.
 *
 * A `tfe_variable` value is `escapeTemplate(toHcl(value))` for HCL values, and
 * `escapeTemplate(text)` for plain ones.
 */

/**
 * Writes `value` as an HCL expression: strings (quoted and escaped), finite
 * numbers, booleans, null, arrays as lists `[a, b]` and plain objects as maps
 * `{ "key" = value }`, nested arbitrarily, in insertion order.
 *
 * Unresolved cdktf tokens (references, known only at plan time) become
 * `jsonencode(...)` expressions that Terraform evaluates while applying this
 * app, so that the platform receives their value as HCL too; see `tokenHcl`.
 *
 * @param value the value to encode
 * @param root the name of the value in error messages
 * @param where who encodes, for the error's path (a value object's factory, e.g. `VariableValue.list`)
 * @throws ValidationError (TFE-HCL-...) for undefined, functions, symbols,
 *         cycles, NaN and infinities, lone surrogates, and objects that are not plain data
 */
export function toHcl(value: unknown, root: string = 'value', where: string = 'toHcl'): string {
  return encode(value, root, [], where);
}

/** Fails with rule `ruleId` about the part of the value at `location`. */
function refuse(where: string, ruleId: RuleId, location: string, message: string): never {
  fail(where, ruleId, `${location} ${message}`);
}

function encode(value: unknown, location: string, ancestors: object[], where: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return Token.isUnresolved(value) ? tokenHcl(value) : hclString(value, location, where);
    case 'number':
      if (Token.isUnresolved(value)) return Token.asString(value);
      if (!Number.isFinite(value)) {
        refuse(where, 'TFE-HCL-001', location, `is ${String(value)}: HCL numbers are finite; give a finite number, or a string such as "${String(value)}".`);
      }
      return String(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      refuse(where, 'TFE-HCL-002', location, 'is undefined: HCL has no undefined; remove the entry, or use null for "no value".');
    case 'function':
      refuse(where, 'TFE-HCL-003', location, 'is a function: only data (strings, numbers, booleans, null, lists, maps) can be written as HCL; call the function and pass its result.');
    case 'symbol':
      refuse(where, 'TFE-HCL-004', location, `is a symbol (${String(value)}): only data (strings, numbers, booleans, null, lists, maps) can be written as HCL; use a string.`);
    default:
      break;
  }
  const obj = value as object;
  if (Token.isUnresolved(obj)) return tokenHcl(obj);
  if (ancestors.includes(obj)) {
    refuse(where, 'TFE-HCL-005', location, 'refers back to a value that contains it (a cycle): HCL values are trees; break the cycle.');
  }
  ancestors.push(obj);
  try {
    if (Array.isArray(obj)) {
      return `[${obj.map((item, i) => encode(item, `${location}[${i}]`, ancestors, where)).join(', ')}]`;
    }
    const proto = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) {
      const kind = obj instanceof Date ? 'a Date' : `an instance of ${proto?.constructor?.name ?? 'a class'}`;
      const fix = obj instanceof Date
        ? 'write it as a string, e.g. with toISOString().'
        : obj instanceof Map
          ? 'use a plain object, e.g. Object.fromEntries(map).'
          : 'use a plain object, array or primitive.';
      refuse(where, 'TFE-HCL-006', location, `is ${kind}, not plain data: ${fix}`);
    }
    const symbols = Object.getOwnPropertySymbols(obj).filter((s) => Object.prototype.propertyIsEnumerable.call(obj, s));
    if (symbols.length > 0) {
      refuse(where, 'TFE-HCL-007', location, `has a symbol key (${String(symbols[0])}): map keys are strings; use a string key.`);
    }
    const entries = Object.entries(obj);
    if (entries.length === 0) return '{}';
    const items = entries.map(([key, item]) => {
      const at = `${location}${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}`;
      const hclKey = Token.isUnresolved(key) ? tokenHcl(key) : hclString(key, `${at} (the key)`, where);
      return `${hclKey} = ${encode(item, at, ancestors, where)}`;
    });
    return `{ ${items.join(', ')} }`;
  } finally {
    ancestors.pop();
  }
}

/**
 * The HCL for a value known only at plan time: `jsonencode(value)` is valid
 * HCL (a JSON string is an HCL quoted string, JSON lists and objects are HCL
 * lists and objects), except that its strings may contain `${` or `%{`, which
 * the replacements escape. Terraform computes it while applying this app.
 */
function tokenHcl(value: unknown): string {
  return Fn.replace(Fn.replace(Fn.jsonencode(value), '${', '$${'), '%%{', '%%%{');
}

/**
 * Writes a string as an HCL quoted string: `\`, `"`, newlines, tabs and other
 * control characters escaped, `${` and `%{` doubled to `$${` and `%%{` so that
 * no interpolation or directive happens. Other characters (emoji,
 * right-to-left text, ...) are kept as they are.
 */
export function hclString(value: string, location: string = 'value', where: string = 'hclString'): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const code = value.charCodeAt(i);
    const escape = ESCAPES[c];
    if (escape !== undefined) {
      out += escape;
    } else if ((c === '$' || c === '%') && value[i + 1] === '{') {
      out += `${c}${c}`;
    } else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(value.charCodeAt(i + 1))) {
      out += value.slice(i, i + 2);
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      refuse(where, 'TFE-HCL-008', location,
        `contains a lone surrogate (U+${code.toString(16).toUpperCase()}) at index ${i}: it is not a Unicode character and cannot be written in UTF-8; fix the string's encoding.`);
    } else {
      out += c;
    }
  }
  return `${out}"`;
}

/** HCL's short escapes. */
const ESCAPES: { [c: string]: string } = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** cdktf's marker for a string token, e.g. `${TfToken[TOKEN.12]}`. */
const STRING_TOKEN = /\$\{TfToken\[[a-zA-Z0-9:._-]+\]\}/g;

/**
 * Escapes the literal text of a string for a Terraform (JSON) string, which
 * Terraform evaluates as a template: after evaluation the literal text is
 * exactly `text`'s, and the cdktf tokens in it have become their values.
 *
 * - Without tokens, `${` becomes `$${` and `%{` becomes `%%{` (Terraform's own
 *   escapes).
 * - With tokens, `%{` becomes `%%{` and every `$` of the literal text becomes
 *   `${"$"}`: `$${` cannot be used there, because a `$` directly before a
 *   token's `${` would make it an escape, and because cdktf reads a `${` in a
 *   string with tokens as the start of an expression.
 */
export function escapeTemplate(text: string): string {
  if (!Token.isUnresolved(text)) {
    return text.replace(/([$%])\{/g, (_m, c: string) => `${c}${c}{`);
  }
  let out = '';
  let last = 0;
  for (const match of text.matchAll(STRING_TOKEN)) {
    out += escapeLiteralBesideTokens(text.slice(last, match.index)) + match[0];
    last = match.index! + match[0].length;
  }
  return out + escapeLiteralBesideTokens(text.slice(last));
}

function escapeLiteralBesideTokens(literalText: string): string {
  return literalText.replace(/%\{/g, () => '%%{').replace(/\$/g, () => '${"$"}');
}
