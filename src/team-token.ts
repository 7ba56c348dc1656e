import { Construct } from 'constructs';
import { IApiToken, TokenKind, TokenOutputOptions } from './api-token';
import { markAccessRelevant } from './private/access-hook';
import { adopt, adoptedId, warnUnreadableToken } from './private/adoption';
import { TerraformOutput } from './private/framework';
import { TfeTeamToken } from './private/l1-classes';
import { memoized } from './private/memo';
import { claim, identityOf } from './private/registry';
import { text } from './private/text';
import { sensitiveTokenOutput, tokenExpiry } from './private/tokens';
import { checkString, fail, literal, quote, violation } from './private/validation';
import type { ITeam } from './team';

/**
 * Options for a team token, without the team.
 */
export interface TeamTokenOptions {
  /**
   * A description that tells this token apart from the team's other tokens
   * (provider 0.66 and later allow several tokens per team, each with a unique
   * description). Without one, this is the team's legacy token, of which a team
   * has at most one.
   * @default - the legacy (undescribed) token
   */
  readonly description?: string;

  /**
   * When the token expires, as an ISO-8601 date-time in the future
   * (e.g. `2027-01-31T00:00:00Z`). Changing it replaces the token.
   * @default - the token does not expire
   */
  readonly expiresAt?: string;

  /**
   * Replace an existing legacy token that was created outside this app
   * (the platform keeps one legacy token per team). Only for the legacy token:
   * described tokens never collide.
   * @default false
   */
  readonly forceRegenerate?: boolean;
}

/**
 * Properties of a team token.
 */
export interface TeamTokenProps extends TeamTokenOptions {
  /**
   * The team the token belongs to.
   */
  readonly team: ITeam;
}

/**
 * A team API token (`tfe_team_token`), meant for CI/CD plans and applies.
 *
 * The value is a sensitive reference (`tokenValue`); `createOutput` writes it to
 * a sensitive stack output.
 *
 * To rotate a token, change its `expiresAt` (which replaces it), or for the
 * legacy token set `forceRegenerate` and apply again.
 */
export class TeamToken extends Construct implements IApiToken {
  public get tokenValue(): string {
    return memoized(this, 'tokenValue', () => this.resource.token);
  }

  /**
   * When the token expires (RFC 3339), if it does.
   */
  public readonly expiresAt?: string;
  public readonly tokenKind: TokenKind = TokenKind.TEAM;
  public readonly canRunOperations: boolean = true;

  /**
   * The team the token belongs to.
   */
  public readonly team: ITeam;

  /**
   * The token's ID.
   * @attribute
   */
  public get tokenId(): string {
    return memoized(this, 'tokenId', () => this.resource.id);
  }

  /**
   * The token's description, if it is a described token.
   */
  public readonly description?: string;

  private readonly resource: TfeTeamToken;

  constructor(scope: Construct, id: string, props: TeamTokenProps) {
    super(scope, id);
    this.team = props.team;
    this.description = props.description;

    if (props.description !== undefined) {
      checkString(this, 'The token description', props.description, (d) => d.trim() === ''
        ? violation('TFE-TOK-006', 'the token description is empty: give a description that tells the token apart, or omit it for the legacy token.')
        : undefined,
      );
      if (props.forceRegenerate) {
        fail(this, 'TFE-TOK-003',
          `forceRegenerate is only for the legacy token, but this token has the description ${quote(props.description)}: ` +
          'remove forceRegenerate (described tokens never collide), or remove the description to manage the legacy token.');
      }
    }

    const registryKey = props.description === undefined ? '\u0000legacy' : literal(props.description);
    if (registryKey !== undefined) {
      const holder = claim(this, `team-token:${identityOf(props.team)}`, registryKey);
      if (holder !== undefined) {
        if (props.description === undefined) {
          fail(this, 'TFE-TOK-001',
            `team ${props.team.node.path} already has a legacy token (${holder}): a team has one legacy token; give this token a unique description to create another.`);
        }
        fail(this, 'TFE-TOK-002',
          `team ${props.team.node.path} already has a token described ${quote(props.description)} (${holder}): ` +
          'token descriptions are unique per team; choose another description.');
      }
    }

    const expiredAt = tokenExpiry(this, props.expiresAt);
    this.expiresAt = expiredAt;
    markAccessRelevant(this);

    this.resource = new TfeTeamToken(this, 'Resource', {
      teamId: props.team.teamId,
      description: text(props.description),
      expiredAt,
      forceRegenerate: props.forceRegenerate,
    });
  }

  /**
   * Takes over the token, which already exists on the platform: the app
   * writes a Terraform `import` block for its `tfe_team_token` (import ID:
   * the token's ID). The platform never shows a token's secret again, so
   * after the import the token's value is empty in the state: an output of
   * it is empty (a warning says so) until the token is regenerated.
   *
   * @param tokenId the token's ID (`at-...`)
   */
  public adoptExisting(tokenId: string): void {
    const given = adoptedId(this, 'teamTokenId', 'The token ID', tokenId);
    warnUnreadableToken(this, 'the team token');
    adopt(this, given, (r) => (r === this.resource ? given : undefined));
  }

  /**
   * Writes the token's value to a sensitive stack output.
   */
  public createOutput(id: string, options: TokenOutputOptions = {}): TerraformOutput {
    return sensitiveTokenOutput(this, this, id, options);
  }
}
