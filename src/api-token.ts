import { IConstruct } from 'constructs';

/**
 * The kinds of API token the platform issues.
 */
export enum TokenKind {
  /** A user's token: acts as that user. */
  USER = 'user',
  /** A team's token: meant for CI/CD plans and applies. */
  TEAM = 'team',
  /** The organization's token: manages teams, membership and workspaces; cannot run plans or applies. */
  ORGANIZATION = 'organization',
}

/**
 * An API token whose value is a sensitive Terraform reference.
 */
export interface IApiToken extends IConstruct {
  /**
   * The token's secret value: a reference to a sensitive attribute, never a literal.
   * @attribute
   */
  readonly tokenValue: string;

  /**
   * What kind of token it is.
   */
  readonly tokenKind: TokenKind;

  /**
   * Whether the token may start plans and applies.
   */
  readonly canRunOperations: boolean;
}

/**
 * Options for a token output.
 */
export interface TokenOutputOptions {
  /**
   * Description of the output.
   * @default - a description naming the token
   */
  readonly description?: string;
}
