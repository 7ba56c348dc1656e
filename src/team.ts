import { Construct, IConstruct } from 'constructs';
import { Entitlement } from './entitlements';
import { TeamNotification, TeamNotificationOptions } from './notification';
import type { IOrganization } from './organization';
import { OrganizationAccess } from './organization-access';
import type { IOrganizationMember } from './organization-member';
import { markAccessRelevant } from './private/access-hook';
import { adopt, adoptedId, organizationNameFor } from './private/adoption';
import { requireEntitlement } from './private/entitlements';
import {
  Lazy,
  TeamMember,
  TeamMembers,
  TeamOrganizationMember,
  TeamOrganizationMembers as L1TeamOrganizationMembers,
  TerraformStack,
} from './private/framework';
import { DataTfeTeam, TeamOrganizationMembers, TfeTeam } from './private/l1-classes';
import { memoized } from './private/memo';
import { checkForm } from './private/names';
import { claim, identityOf, sameIdentity, setIdentity } from './private/registry';
import { text } from './private/text';
import { fail, literal, quote, resolveValue, synthProblem, violation } from './private/validation';
import { TeamToken, TeamTokenOptions } from './team-token';

/**
 * A team, created here or referenced.
 */
export interface ITeam extends IConstruct {
  /**
   * The team's ID (`team-...`).
   * @attribute
   */
  readonly teamId: string;

  /**
   * The organization the team belongs to.
   */
  readonly organization: IOrganization;

  /**
   * Adds a member to the team. The team's members are managed as one list
   * (`tfe_team_organization_members`): members added elsewhere are removed on apply.
   */
  addMember(member: IOrganizationMember): void;

  /**
   * Creates an API token for the team: the legacy token when no description is
   * given (one per team), or one of several described tokens.
   */
  addToken(id: string, options?: TeamTokenOptions): TeamToken;
}

/**
 * Who can see a team.
 */
export enum TeamVisibility {
  /** Only the team's members and organization owners see it. */
  SECRET = 'secret',
  /** Every member of the organization sees it. */
  ORGANIZATION = 'organization',
}

/**
 * Options for a team, without the organization.
 */
export interface TeamOptions {
  /**
   * The team's name: letters, numbers, `-` and `_`; unique in the organization.
   */
  readonly name: string;

  /**
   * Who can see the team.
   * @default TeamVisibility.SECRET
   */
  readonly visibility?: TeamVisibility;

  /**
   * The identity provider's ID of the group that maps to this team (SSO).
   * @default - no SSO mapping
   */
  readonly ssoTeamId?: string;

  /**
   * Organization-wide permissions of the team.
   * @default OrganizationAccess.none()
   */
  readonly organizationAccess?: OrganizationAccess;

  /**
   * Members of the team. More can be added with `addMember`.
   * @default - no members managed by this construct
   */
  readonly members?: IOrganizationMember[];

  /**
   * Whether members may manage the team's tokens.
   * @default true
   */
  readonly allowMemberTokenManagement?: boolean;
}

/**
 * Properties of a team.
 */
export interface TeamProps extends TeamOptions {
  /**
   * The organization the team belongs to.
   */
  readonly organization: IOrganization;
}

/**
 * Behaviour shared by created and referenced teams.
 */
export abstract class TeamBase extends Construct implements ITeam {
  public abstract readonly teamId: string;
  public abstract readonly organization: IOrganization;
  private readonly members: IOrganizationMember[] = [];
  private membersResource?: TeamOrganizationMembers;

  public addMember(member: IOrganizationMember): void {
    if (!sameIdentity(member.organization, this.organization)) {
      fail(this, 'TFE-TEAM-001',
        `member ${member.node.path} belongs to organization ${quote(identityOf(member.organization))}, ` +
        `but this team belongs to ${quote(identityOf(this.organization))}: invite the user to the team's organization first.`);
    }
    if (this.members.includes(member)) return;
    this.members.push(member);
    if (!this.membersResource) {
      this.membersResource = new TeamOrganizationMembers(this, 'Members', {
        teamId: this.teamId,
        organizationMembershipIds: Lazy.listValue({ produce: () => this.members.map((m) => m.membershipId) }),
      });
      this.node.addValidation({ validate: () => this.validateSingleMembershipResource() });
    }
  }

  public addToken(id: string, options: TeamTokenOptions = {}): TeamToken {
    return new TeamToken(this, id, { ...options, team: this });
  }

  /**
   * Adds a notification for the team's events (change requests).
   */
  public addNotification(id: string, options: TeamNotificationOptions): TeamNotification {
    return new TeamNotification(this, id, { ...options, team: this });
  }

  /**
   * The team's members are managed by one `tfe_team_organization_members`;
   * any other membership resource on the same team would fight it.
   */
  private validateSingleMembershipResource(): string[] {
    const stack = TerraformStack.of(this);
    const ref = resolveValue(stack, this.teamId);
    const others = (foreignMembershipResources(stack).get(JSON.stringify(ref)) ?? []).filter(
      (c) => c !== this.membersResource,
    );
    if (others.length === 0) return [];
    return [synthProblem(violation('TFE-TEAM-003',
      `team members are managed by ${this.membersResource!.node.path} (tfe_team_organization_members), but ` +
        `${others.map((o) => `${o.node.path} (${(o as any).terraformResourceType})`).join(', ')} also manage(s) this team's membership: ` +
        'do not mix membership resources on one team; add every member with team.addMember(...) instead.'))];
  }
}

type MembershipResource = TeamMember | TeamMembers | TeamOrganizationMember | L1TeamOrganizationMembers;
const membershipIndex = new WeakMap<TerraformStack, Map<string, MembershipResource[]>>();

/**
 * Every team membership resource of the stack, by the resolved team reference
 * they target; built once per stack, so checking N teams costs O(N).
 */
function foreignMembershipResources(stack: TerraformStack): Map<string, MembershipResource[]> {
  let index = membershipIndex.get(stack);
  if (index) return index;
  index = new Map();
  for (const c of stack.node.findAll()) {
    if (
      c instanceof TeamMember ||
      c instanceof TeamMembers ||
      c instanceof TeamOrganizationMember ||
      c instanceof L1TeamOrganizationMembers
    ) {
      const key = JSON.stringify(resolveValue(stack, c.teamIdInput));
      const list = index.get(key) ?? [];
      list.push(c);
      index.set(key, list);
    }
  }
  membershipIndex.set(stack, index);
  // Synthesis (and so validation) is synchronous: the index serves every team of
  // this validation pass and is dropped right after, so a later synth sees
  // resources added in between.
  queueMicrotask(() => membershipIndex.delete(stack));
  return index;
}

/**
 * A team (`tfe_team`), with its organization access and members.
 *
 * @example
 * const ops = new Team(stack, 'Ops', {
 *   organization: acme,
 *   name: 'ops',
 *   organizationAccess: OrganizationAccess.workspaceManager(),
 *   members: [alice],
 * });
 */
export class Team extends TeamBase {
  /**
   * References an existing team by ID. Creates nothing.
   */
  public static fromTeamId(scope: Construct, id: string, organization: IOrganization, teamId: string): ITeam {
    const team = new ImportedTeam(scope, id, organization, teamId, `team:${teamId}`, literal(teamId) === undefined ? undefined : `id:${teamId}`);
    checkForm(team, 'teamId', 'The team ID', teamId);
    return team;
  }

  /**
   * Looks up an existing team by name (a `tfe_team` data source). Creates nothing.
   */
  public static fromTeamName(scope: Construct, id: string, organization: IOrganization, teamName: string): ITeam {
    const team = new ImportedTeam(scope, id, organization, undefined, `team-name:${identityOf(organization)}/${teamName}`, literal(teamName));
    const lookup = new DataTfeTeam(team, 'Lookup', {
      name: teamName,
      organization: organization.organizationName,
    });
    team.teamId = lookup.id;
    return team;
  }

  public readonly teamId: string;
  public readonly organization: IOrganization;

  /**
   * The team's name.
   * @attribute
   */
  public get teamName(): string {
    return memoized(this, 'teamName', () => this.resource.name);
  }

  /**
   * The team's organization access.
   */
  public readonly organizationAccess: OrganizationAccess;

  private readonly resource: TfeTeam;

  constructor(scope: Construct, id: string, props: TeamProps) {
    super(scope, id);
    checkForm(this, 'team', 'The team name', props.name);
    const name = literal(props.name);
    if (name !== undefined) {
      const holder = claim(this, `team-name:${identityOf(props.organization)}`, name);
      if (holder !== undefined) {
        fail(this, 'TFE-TEAM-002',
          `team name ${quote(name)} is already used by ${holder} in organization ${props.organization.node.path}: team names are unique per organization; choose another name.`);
      }
    }
    this.organization = props.organization;
    requireEntitlement(this, props.organization, Entitlement.TEAMS, `team ${quote(props.name)}`);
    if (props.ssoTeamId !== undefined) {
      requireEntitlement(this, props.organization, Entitlement.SSO, `ssoTeamId ${quote(props.ssoTeamId)}`);
    }
    this.organizationAccess = props.organizationAccess ?? OrganizationAccess.none();
    markAccessRelevant(this);
    this.resource = new TfeTeam(this, 'Resource', {
      name: props.name,
      organization: props.organization.organizationName,
      visibility: props.visibility,
      ssoTeamId: text(props.ssoTeamId),
      allowMemberTokenManagement: props.allowMemberTokenManagement,
      organizationAccess: this.organizationAccess.isEmpty ? undefined : this.organizationAccess._render(),
    });
    this.teamId = this.resource.id;
    if (name !== undefined) setIdentity(this, `team-name:${identityOf(props.organization)}/${name}`, name);
    for (const m of props.members ?? []) this.addMember(m);
  }

  /**
   * Takes over the team, which already exists on the platform: the app writes
   * Terraform `import` blocks for its `tfe_team` (import ID
   * `<organization>/<team ID>`) and, when it has members,
   * `tfe_team_organization_members` (the team ID). After the apply that
   * imports it, the team is managed exactly like one this app created; its
   * tokens and notifications are adopted one by one.
   *
   * @param teamId the team's ID (`team-...`)
   */
  public adoptExisting(teamId: string): void {
    const given = adoptedId(this, 'teamId', 'The team ID', teamId);
    adopt(this, given, (r) => {
      if (r === this.resource) return `${organizationNameFor(this, this.organization)}/${given}`;
      if (r.terraformResourceType === 'tfe_team_organization_members') return given;
      return undefined;
    });
  }
}

class ImportedTeam extends TeamBase {
  public teamId: string;
  public readonly organization: IOrganization;

  constructor(scope: Construct, id: string, organization: IOrganization, teamId: string | undefined, identity: string, handle: string | undefined) {
    super(scope, id);
    this.teamId = teamId ?? '';
    this.organization = organization;
    setIdentity(this, identity, handle);
  }
}
