import { Construct, IConstruct } from 'constructs';
import { TerraformOutput, TerraformStack, Token } from './framework';
import type { IApiToken, TokenOutputOptions } from '../api-token';
import { warnWhenPast } from './clock';
import { formProblem } from './names';
import { claim } from './registry';
import { checkString, fail, quote, Violation, violation } from './validation';

/**
 * Writes a token's value to a stack output, always marked sensitive.
 */
export function sensitiveTokenOutput(token: IApiToken, scope: Construct, id: string, options: TokenOutputOptions): TerraformOutput {
  // The output is named exactly `id` (what `terraform output <id>` takes), so
  // the name must be unique in its stack.
  const stack = TerraformStack.of(scope);
  const problem = formProblem('tokenOutput', id);
  if (problem) fail(scope, problem.ruleId, problem.detail);
  const holder = claim(stack, `output:${stack.node.path}`, id);
  if (holder !== undefined) {
    fail(scope, 'TFE-TOK-010', `output name ${quote(id)} is already used in stack ${stack.node.path}: give each token output its own name.`);
  }
  const output = new TerraformOutput(scope, `Output-${id}`, {
    value: token.tokenValue,
    sensitive: true,
    description: options.description ?? `${token.tokenKind} token ${token.node.path}`,
  });
  output.overrideLogicalId(id);
  return output;
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The time an ISO-8601 date-time stands for, or NaN. A date-time without an
 * offset is taken as UTC (not the local time of the machine that synthesizes),
 * and a date that does not exist (e.g. February 30) is refused.
 */
function parseIso8601(value: string): number {
  const m = ISO_8601.exec(value);
  if (!m) return NaN;
  const [, year, month, day, time, , , zone] = m;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return NaN;
  return Date.parse(time !== undefined && zone === undefined ? `${value}Z` : value);
}

/**
 * What is wrong with the form of a token expiry, or undefined when it is an
 * ISO-8601 date-time (whether it is past is a warning, `warnWhenPast`).
 */
export function expiryProblem(expiresAt: string): Violation | undefined {
  if (Number.isNaN(parseIso8601(expiresAt))) {
    return violation('TFE-TOK-004', `expiresAt ${quote(expiresAt)} is not an ISO-8601 date-time: write it like "2027-01-31T00:00:00Z".`);
  }
  return undefined;
}

/**
 * Checks a token expiry and returns it in the RFC 3339 form the provider
 * takes (UTC, no milliseconds). A token value is checked at synth time and
 * passed through as it is.
 */
export function tokenExpiry(scope: IConstruct, expiresAt: string | undefined): string | undefined {
  if (expiresAt === undefined) return undefined;
  checkString(scope, 'The token expiry', expiresAt, expiryProblem);
  warnWhenPast(scope, 'TFE-TOK-005', 'expiresAt', expiresAt, parseIso8601,
    'the token has expired, and the platform refuses to create a token that expires in the past; give a future date-time to create or rotate it.');
  if (Token.isUnresolved(expiresAt)) return expiresAt;
  return new Date(parseIso8601(expiresAt)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
