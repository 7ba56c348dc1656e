import { IConstruct } from 'constructs';
import { TerraformStack } from './framework';
import { expressionText } from './secrets';
import { resolveValue, synthProblem, violation } from './validation';

/**
 * The Terraform versions that know write-only arguments (`value_wo`,
 * `token_wo`, `hmac_key_wo`): 1.11 and later. Older versions (and OpenTofu
 * before 1.11) would refuse the configuration, so a stack that writes one
 * declares it and `terraform init` says so before anything is planned.
 */
export const WRITE_ONLY_REQUIRED_VERSION = '>= 1.11.0';

const stacksWithWriteOnly = new WeakSet<TerraformStack>();

/** An `ephemeral.` reference in an expression. */
const EPHEMERAL_REFERENCE = /(?:^|[^\w.])ephemeral\s*\./;

/**
 * Records that `scope` writes the secret `value` (named `what` in messages)
 * to a write-only argument: the stack requires Terraform 1.11 or later, and
 * a value read from an ephemeral resource is refused:
 * provider 0.71.0 has no `*_wo_version` argument and replaces a resource
 * whenever its write-only value differs from the last one it wrote, so a
 * value made anew on every run would replace the resource on every apply
 * (terraform-provider-tfe issue 1974). Literal secrets are the secret rules'
 * business (`checkSecret`): write-only keeps a value out of the state, not
 * out of `cdk.tf.json`.
 */
export function useWriteOnly(scope: IConstruct, what: string, value: string): void {
  const stack = TerraformStack.of(scope);
  if (!stacksWithWriteOnly.has(stack)) {
    stacksWithWriteOnly.add(stack);
    stack.addOverride('terraform.required_version', WRITE_ONLY_REQUIRED_VERSION);
  }
  scope.node.addValidation({
    validate: () => {
      const resolved = resolveValue(scope, value);
      if (typeof resolved !== 'string' || !EPHEMERAL_REFERENCE.test(expressionText(resolved))) return [];
      return [synthProblem(violation('TFE-WO-002',
        `${what} is read from an ephemeral resource and written to a write-only argument: provider 0.71.0 has no version argument ` +
        'for write-only values and replaces the resource whenever the value differs from the last one written, so a value made anew ' +
        'on every run replaces the resource on every apply (terraform-provider-tfe issue 1974). Pass a value that stays the same ' +
        'between runs (a sensitive input variable), or drop writeOnly.'))];
    },
  });
}

