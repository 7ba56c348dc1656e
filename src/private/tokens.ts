import { TerraformOutput, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import type { IApiToken, TokenOutputOptions } from '../api-token';
import { checkString, fail, quote } from './validation';

/**
 * Writes a token's value to a stack output, always marked sensitive.
 */
export function sensitiveTokenOutput(token: IApiToken, scope: Construct, id: string, options: TokenOutputOptions): TerraformOutput {
  return new TerraformOutput(scope, id, {
    value: token.tokenValue,
    sensitive: true,
    description: options.description ?? `${token.tokenKind} token ${token.node.path}`,
  });
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * What is wrong with a token expiry, or undefined when it is a future ISO-8601 date-time.
 */
export function expiryProblem(expiresAt: string, now: Date = new Date()): string | undefined {
  const time = ISO_8601.test(expiresAt) ? Date.parse(expiresAt) : NaN;
  if (Number.isNaN(time)) {
    return `expiresAt ${quote(expiresAt)} is not an ISO-8601 date-time: write it like "2027-01-31T00:00:00Z".`;
  }
  if (time <= now.getTime()) {
    return `expiresAt ${quote(expiresAt)} is in the past (now is ${now.toISOString()}): a token must expire in the future.`;
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
  if (Token.isUnresolved(expiresAt)) {
    checkString(scope, 'The token expiry', expiresAt, (v) => expiryProblem(v));
    return expiresAt;
  }
  const problem = expiryProblem(expiresAt);
  if (problem) fail(scope, problem);
  return new Date(Date.parse(expiresAt)).toISOString().replace(/\.000Z$/, 'Z');
}
