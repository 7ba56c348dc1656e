import { IConstruct } from 'constructs';
import { Token } from './framework';
import { RuleId } from './rules';
import { fail, resolveValue, synthProblem, violation, warn } from './validation';

/** How a secret input is named in messages and checked. */
export interface SecretCheck {
  /** The secret in messages, e.g. `oauthToken` or `the Slack webhook URL`. */
  readonly what: string;
  /** A name for the sensitive TerraformVariable the fix declares. @default - `what` */
  readonly variableName?: string;
  /** The rule a literal breaks. @default TFE-SECRET-001 */
  readonly ruleId?: RuleId;
}

/**
 * A secret value for the synthesized JSON: a literal is refused (or, when
 * allowed, warned about); a token that resolves to an expression without any
 * reference (`Fn.lower("s3cret")` is `${lower("s3cret")}`) is a literal too,
 * refused at synth. Messages never show any part of the secret.
 */
export function checkSecret(scope: IConstruct, check: SecretCheck, value: string | undefined, allowPlaintext: boolean): void {
  if (value === undefined) return;
  const ruleId = check.ruleId ?? 'TFE-SECRET-001';
  const fix = 'pass a sensitive TerraformVariable\'s value instead ' +
    `(new TerraformVariable(stack, '${check.variableName ?? check.what}', { type: 'string', sensitive: true }).stringValue), ` +
    'or set allowPlaintextSecret: true to accept the risk.';
  if (!Token.isUnresolved(value)) {
    if (!allowPlaintext) {
      fail(scope, ruleId, `${check.what} is a literal string (not shown): a secret written in the program ends up in plain text in the synthesized JSON; ${fix}`);
    }
    warn(scope, 'TFE-SECRET-002', `${check.what} is a literal secret (not shown), accepted by allowPlaintextSecret: it is written in plain text to the synthesized JSON.`);
    return;
  }
  if (allowPlaintext) return;
  whenPlaintextAtSynth(scope, value, () => violation(ruleId,
    `${check.what} is an expression without any reference (not shown), so its value is written in the program: ` +
    `the secret ends up in plain text in the synthesized JSON; ${fix}`));
}

/**
 * Adds a validation that reports `problem` when `value` (a token) resolves to
 * plain text: a string without any reference to a variable, resource, data
 * source, local or module, e.g. `${lower("s3cret")}` or a token of a literal.
 */
export function whenPlaintextAtSynth(scope: IConstruct, value: string, problem: () => ReturnType<typeof violation>): void {
  scope.node.addValidation({
    validate: () => {
      const resolved = resolveValue(scope, value);
      return typeof resolved === 'string' && !hasReference(resolved) ? [synthProblem(problem())] : [];
    },
  });
}

/** A name followed by an attribute or an index: the start of a reference. */
const REFERENCE = /(?:^|[^\w.])(?![0-9])([A-Za-z_][\w-]*)\s*(?:\.\s*[A-Za-z_*]|\[)/g;

/** Roots of Terraform expressions that are not references. */
const NOT_REFERENCES = new Set(['true', 'false', 'null']);

/**
 * Whether a resolved string (JSON text of `cdk.tf.json`) holds a reference in
 * an interpolation: a name followed by `.` or `[` (`var.x`, `data.a.b.c`,
 * `tfe_team.ops.id`, `local.x`, `each.value`), outside quoted strings.
 * Function calls (`lower(...)`) and literals are not references.
 */
export function hasReference(resolved: string): boolean {
  return [...expressionText(resolved).matchAll(REFERENCE)].some((m) => !NOT_REFERENCES.has(m[1]));
}

/**
 * The expression text of a template: what is inside `${...}` and `%{...}`,
 * without the quoted strings in it (but with the interpolations nested in
 * those strings). Pieces are separated by spaces.
 */
export function expressionText(template: string): string {
  let out = '';
  // Each entry: 'template' (literal text), 'expr' (inside ${ or %{ or a brace), 'string' (a quoted string in an expression).
  const stack: Array<'template' | 'expr' | 'string'> = ['template'];
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    const state = stack[stack.length - 1];
    if (state === 'template' || state === 'string') {
      if (state === 'string' && c === '\\') { i++; continue; }
      if (state === 'string' && c === '"') { stack.pop(); out += ' '; continue; }
      if ((c === '$' || c === '%') && template[i + 1] === '{') {
        if (template[i - 1] === c) continue; // `$${` is an escape
        stack.push('expr');
        out += ' ';
        i++;
      }
      continue;
    }
    // expr
    if (c === '"') { stack.push('string'); continue; }
    if (c === '{') { stack.push('expr'); out += c; continue; }
    if (c === '}') { stack.pop(); out += ' '; continue; }
    out += c;
  }
  return out;
}
