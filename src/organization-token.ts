import { Construct } from 'constructs';
import { IApiToken, TokenKind, TokenOutputOptions } from './api-token';
import type { IOrganization } from './organization';
import { markAccessRelevant } from './private/access-hook';
import { adopt, organizationNameFor, warnUnreadableToken } from './private/adoption';
import { TerraformOutput } from './private/framework';
import { TfeOrganizationToken } from './private/l1-classes';
import { memoized } from './private/memo';
import { claim, identityOf } from './private/registry';
import { sensitiveTokenOutput, tokenExpiry } from './private/tokens';
import { fail } from './private/validation';

/**
 * Options for the organization token, without the organization.
 */
export interface OrganizationTokenOptions {
  /**
   * When the token expires, as an ISO-8601 date-time in the future.
   * @default - the token does not expire
   */
  readonly expiresAt?: string;

  /**
   * Replace a token created outside this app (an organization has one token).
   * @default false
   */
  readonly forceRegenerate?: boolean;
}

/**
 * Properties of the organization token.
 */
export interface OrganizationTokenProps extends OrganizationTokenOptions {
  /**
   * The organization.
   */
  readonly organization: IOrganization;
}

/**
 * The organization's API token (`tfe_organization_token`), one per organization.
 *
 * It is meant for automating the management of teams, membership and
 * workspaces, and cannot run plans or applies: `canRunOperations` is false and
 * `RunCredentials.fromToken` refuses it.
 */
export class OrganizationToken extends Construct implements IApiToken {
  public get tokenValue(): string {
    return memoized(this, 'tokenValue', () => this.resource.token);
  }

  /**
   * When the token expires (RFC 3339), if it does.
   */
  public readonly expiresAt?: string;
  public readonly tokenKind: TokenKind = TokenKind.ORGANIZATION;
  public readonly canRunOperations: boolean = false;

  /**
   * The organization the token belongs to.
   */
  public readonly organization: IOrganization;

  private readonly resource: TfeOrganizationToken;

  constructor(scope: Construct, id: string, props: OrganizationTokenProps) {
    super(scope, id);
    this.organization = props.organization;
    const holder = claim(this, 'organization-token', identityOf(props.organization));
    if (holder !== undefined) {
      fail(this, 'TFE-TOK-007',
        `organization ${props.organization.node.path} already has a token (${holder}): an organization has exactly one token; ` +
        'reuse it, or use team tokens for separate credentials.');
    }
    const expiredAt = tokenExpiry(this, props.expiresAt);
    this.expiresAt = expiredAt;
    markAccessRelevant(this);
    this.resource = new TfeOrganizationToken(this, 'Resource', {
      organization: props.organization.organizationName,
      expiredAt,
      forceRegenerate: props.forceRegenerate,
    });
  }

  /**
   * Takes over the organization's token, which already exists on the
   * platform: the app writes a Terraform `import` block for its
   * `tfe_organization_token` (import ID: the organization name). The
   * platform never shows a token's secret again, so after the import the
   * token's value is empty in the state: an output of it is empty (a warning
   * says so) until the token is regenerated.
   */
  public adoptExisting(): void {
    warnUnreadableToken(this, 'the organization token');
    adopt(this, undefined, (r) => (r === this.resource ? organizationNameFor(this, this.organization) : undefined));
  }

  /**
   * Writes the token's value to a sensitive stack output.
   */
  public createOutput(id: string, options: TokenOutputOptions = {}): TerraformOutput {
    return sensitiveTokenOutput(this, this, id, options);
  }
}
