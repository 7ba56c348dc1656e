import { IApiToken } from './api-token';
import { fail } from './private/validation';

/**
 * Credentials for something that starts plans and applies (a CI pipeline, a
 * workspace that triggers runs elsewhere, a backend binding).
 *
 * Only tokens that can run operations are accepted: the organization token is
 * refused, since the platform rejects it for plans and applies.
 */
export class RunCredentials {
  /**
   * Credentials from a team or user token created or referenced in this app.
   * @throws ValidationError for a token that cannot run plans or applies.
   */
  public static fromToken(token: IApiToken): RunCredentials {
    if (!token.canRunOperations) {
      fail(token, 'TFE-TOK-008',
        `${token.tokenKind === 'organization' ? 'an' : 'a'} ${token.tokenKind} token cannot run plans or applies, but it was given as run credentials: ` +
        'use a team token (team.addToken(...)) or a user token for runs; keep the organization token for managing the organization.');
    }
    return new RunCredentials(token.tokenValue);
  }

  /**
   * The token value (a Terraform reference).
   */
  public readonly tokenValue: string;

  private constructor(tokenValue: string) {
    this.tokenValue = tokenValue;
  }
}
