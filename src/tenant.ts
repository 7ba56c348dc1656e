import { Construct } from 'constructs';
import type { NotificationOptions } from './notification';
import type { IOrganization } from './organization';
import type { IPolicySet } from './policy-set';
import { checkForm } from './private/names';
import { claim, identityOf } from './private/registry';
import { fail, quote } from './private/validation';
import { Project } from './project';
import { ProjectAccess } from './project-access';
import { ITeam, Team, TeamVisibility } from './team';
import { TeamToken } from './team-token';
import { VariableCategory } from './variable';
import type { IVariableSet } from './variable-set';
import { VariableValue } from './variable-value';
import { Workspace, WorkspaceSettingsOptions } from './workspace';
import { WorkspaceGroup } from './workspace-group';

/**
 * The team a tenant creates for itself.
 */
export interface TenantTeamOptions {
  /**
   * The team's name.
   * @default - the tenant's name
   */
  readonly name?: string;

  /**
   * The team's access to the tenant's project.
   * @default ProjectAccess.MAINTAIN
   */
  readonly access?: ProjectAccess;

  /**
   * The ID of the identity provider's group the team mirrors (SSO).
   * @default - none
   */
  readonly ssoTeamId?: string;

  /**
   * Who can see the team.
   * @default TeamVisibility.SECRET
   */
  readonly visibility?: TeamVisibility;
}

/**
 * Another team's access to a tenant's project.
 */
export interface TenantTeamGrant {
  /** The team. */
  readonly team: ITeam;
  /** Its access to the project. */
  readonly access: ProjectAccess;
}

/**
 * Properties of a tenant.
 */
export interface TenantProps {
  /**
   * The organization the tenant lives in.
   */
  readonly organization: IOrganization;

  /**
   * The tenant's name: the name of its project and (by default) of its team,
   * and the prefix of its workspaces (`<name>-dev`, `<name>-management`).
   * Letters, numbers, `-` and `_`.
   */
  readonly name: string;

  /**
   * The project's description.
   * @default - none
   */
  readonly description?: string;

  /**
   * The short names of the environment workspaces, a `WorkspaceGroup` with
   * the prefix `<name>-`, in promotion order. An empty list makes none.
   * @default ['dev', 'prod']
   */
  readonly environments?: string[];

  /**
   * Settings every environment workspace shares (the project is always the
   * tenant's).
   * @default - the workspace defaults
   */
  readonly environmentSettings?: WorkspaceSettingsOptions;

  /**
   * The tenant's own team.
   * @default - a team named after the tenant, with `ProjectAccess.MAINTAIN`
   */
  readonly team?: TenantTeamOptions;

  /**
   * Other teams' access to the tenant's project (a platform team, auditors).
   * @default - none
   */
  readonly additionalTeams?: TenantTeamGrant[];

  /**
   * Whether the tenant gets a management workspace (`<name>-management`) in
   * its project, which receives a token of the tenant's team as the
   * sensitive environment variable `TFE_TOKEN`, so that the team administers
   * its own project from code.
   * @default true
   */
  readonly managementWorkspace?: boolean;

  /**
   * Settings of the management workspace (the project is always the tenant's).
   * @default - the workspace defaults
   */
  readonly managementWorkspaceSettings?: WorkspaceSettingsOptions;

  /**
   * When the team token of the management workspace expires (RFC 3339).
   * @default - never
   */
  readonly tokenExpiresAt?: string;

  /**
   * Variable sets applied to the tenant's project.
   * @default - none
   */
  readonly variableSets?: IVariableSet[];

  /**
   * Policy sets attached to the tenant's project.
   * @default - none
   */
  readonly policySets?: IPolicySet[];

  /**
   * Notifications added to every environment workspace.
   * @default - none
   */
  readonly notifications?: NotificationOptions[];
}

/**
 * A tenant vended in one call (a landing zone): a project, a team with
 * access to it, environment workspaces as a `WorkspaceGroup`, a management
 * workspace that receives a token of the team as a sensitive `TFE_TOKEN`,
 * variable sets and policy sets scoped to the project, and notifications.
 * Every part is a construct of this library, with all of its rules, and is
 * reachable for what the props do not cover. The access report lists the
 * tenant with what its teams can do.
 *
 * @example
 * new Tenant(stack, 'Payments', {
 *   organization: acme,
 *   name: 'payments',
 *   team: { ssoTeamId: 'payments-engineers' },
 *   additionalTeams: [{ team: ops, access: ProjectAccess.ADMIN }],
 *   environments: ['dev', 'staging', 'prod'],
 * });
 */
export class Tenant extends Construct {
  /** The tenant's name. */
  public readonly tenantName: string;
  /** The tenant's project. */
  public readonly project: Project;
  /** The tenant's own team. */
  public readonly team: Team;
  /** The team's access to the project. */
  public readonly teamAccess: ProjectAccess;
  /** The environment workspaces, unless `environments` is empty. */
  public readonly environments?: WorkspaceGroup;
  /** The management workspace, unless turned off. */
  public readonly managementWorkspace?: Workspace;
  /** The team token the management workspace receives as `TFE_TOKEN`. */
  public readonly managementToken?: TeamToken;
  private readonly grants: TenantTeamGrant[];

  constructor(scope: Construct, id: string, props: TenantProps) {
    super(scope, id);
    const name = props.name;
    checkForm(this, 'workspacePrefix', 'The tenant name', `${name}-`);
    const holder = claim(this, `tenant:${identityOf(props.organization)}`, name);
    if (holder !== undefined) {
      fail(this, 'TFE-TENANT-001', `tenant name ${quote(name)} is already used by ${holder} in organization ${props.organization.node.path}: each tenant has its own name.`);
    }
    this.tenantName = name;
    this.project = new Project(this, 'Project', { organization: props.organization, name, description: props.description });
    this.team = new Team(this, 'Team', {
      organization: props.organization,
      name: props.team?.name ?? name,
      ssoTeamId: props.team?.ssoTeamId,
      visibility: props.team?.visibility,
    });
    this.teamAccess = props.team?.access ?? ProjectAccess.MAINTAIN;
    this.project.grantAccess(this.team, this.teamAccess);
    this.grants = [{ team: this.team, access: this.teamAccess }, ...(props.additionalTeams ?? [])];
    for (const g of props.additionalTeams ?? []) this.project.grantAccess(g.team, g.access);

    const environments = props.environments ?? ['dev', 'prod'];
    if (environments.length > 0) {
      if (environments.includes('management') && props.managementWorkspace !== false) {
        fail(this, 'TFE-TENANT-002',
          `environment "management" would be named ${quote(`${name}-management`)}, the name of the tenant's management workspace: ` +
          'rename the environment, or set managementWorkspace: false.');
      }
      this.environments = new WorkspaceGroup(this, 'Environments', {
        organization: props.organization,
        prefix: `${name}-`,
        members: environments.map((shortName) => ({ shortName })),
        settings: { ...props.environmentSettings, project: this.project },
      });
      for (const [i, n] of (props.notifications ?? []).entries()) {
        for (const shortName of environments) this.environments.member(shortName).addNotification(`Notification${i}`, n);
      }
    } else if ((props.notifications ?? []).length > 0) {
      fail(this, 'TFE-TENANT-003', 'notifications are given, but environments is empty: notifications go to the environment workspaces; add environments, or drop the notifications.');
    }

    if (props.managementWorkspace !== false) {
      this.managementToken = this.team.addToken('ManagementToken', { description: `${name}-management`, expiresAt: props.tokenExpiresAt });
      this.managementWorkspace = new Workspace(this, 'Management', {
        ...props.managementWorkspaceSettings,
        organization: props.organization,
        name: `${name}-management`,
        project: this.project,
        description: props.managementWorkspaceSettings?.description ?? `Manages the ${name} tenant's project`,
      });
      this.managementWorkspace.addVariable('TfeToken', {
        key: 'TFE_TOKEN',
        category: VariableCategory.ENV,
        sensitive: true,
        value: VariableValue.fromReference(this.managementToken.tokenValue),
        description: `A token of team ${name}, for the tfe provider`,
      });
    }

    for (const set of props.variableSets ?? []) set.applyToProject(this.project);
    for (const set of props.policySets ?? []) set.attachToProject(this.project);
  }

  /**
   * The teams with access to the tenant's project, with their access (its
   * own team first).
   */
  public get teamGrants(): TenantTeamGrant[] {
    return [...this.grants];
  }
}
