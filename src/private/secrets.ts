import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { fail, resolveValue, synthProblem, violation, warn } from './validation';

/**
 * A secret value for the synthesized JSON: a literal is refused (or, when
 * allowed, warned about); a token that resolves to a literal is refused at synth.
 */
export function checkSecret(scope: IConstruct, prop: string, value: string | undefined, allowPlaintext: boolean): void {
  if (value === undefined) return;
  const problem = (literalValue: string) =>
    `${prop} is a literal string (${redact(literalValue)}): a secret written in the program ends up in plain text in the synthesized JSON; ` +
    `pass a sensitive TerraformVariable's value instead (new TerraformVariable(stack, '${prop}', { type: 'string', sensitive: true }).stringValue), ` +
    'or set allowPlaintextSecret: true to accept the risk.';
  if (!Token.isUnresolved(value)) {
    if (!allowPlaintext) fail(scope, 'TFE-SECRET-001', problem(value));
    warn(scope, 'TFE-SECRET-002', `${prop} is a literal secret (${redact(value)}), accepted by allowPlaintextSecret: it is written in plain text to the synthesized JSON.`);
    return;
  }
  if (allowPlaintext) return;
  scope.node.addValidation({
    validate: () => {
      const resolved = resolveValue(scope, value);
      return typeof resolved === 'string' && !resolved.includes('${') ? [synthProblem(violation('TFE-SECRET-001', problem(resolved)))] : [];
    },
  });
}

/** A secret shown in a message: its first characters and its length, never the whole. */
export function redact(secret: string): string {
  return `"${secret.slice(0, Math.min(4, Math.floor(secret.length / 4)))}…", ${secret.length} characters`;
}
