import { Construct, IConstruct } from 'constructs';
import { Entitlement } from './entitlements';
import type { ExecutionMode } from './execution-mode';
import type { IOrganization } from './organization';
import { adopt, adoptedId } from './private/adoption';
import { checkDefaultExecutionMode } from './private/default-execution-mode';
import { requireEntitlement } from './private/entitlements';
import { DataTfeProject, ProjectSettings, TeamProjectAccess, TfeProject } from './private/l1-classes';
import { recordLegacyId } from './private/legacy-addresses';
import { memoized } from './private/memo';
import { checkForm } from './private/names';
import { claim, connectionId, identityOf, sameIdentity, setIdentity } from './private/registry';
import { text, textMap } from './private/text';
import { fail, literal, quote } from './private/validation';
import { ProjectAccess } from './project-access';
import type { ITeam } from './team';

/**
 * A project, created here or referenced.
 */
export interface IProject extends IConstruct {
  /**
   * The project's ID (`prj-...`).
   * @attribute
   */
  readonly projectId: string;

  /**
   * The organization the project belongs to.
   */
  readonly organization: IOrganization;

  /**
   * Gives a team access to this project and all its workspaces.
   * @returns the `tfe_team_project_access` resource created
   */
  grantAccess(team: ITeam, access: ProjectAccess): TeamProjectAccess;

  /**
   * Sets where runs execute for the project's workspaces that set no
   * execution mode of their own (`tfe_project_settings`).
   */
  configureDefaultExecutionMode(mode: ExecutionMode): void;
}

/**
 * Options for a project, without the organization.
 */
export interface ProjectOptions {
  /**
   * The project's name: 3 to 40 letters, numbers, spaces, `-` and `_`, not
   * starting or ending with a space; unique in the organization.
   */
  readonly name: string;

  /**
   * A description of the project.
   * @default - none
   */
  readonly description?: string;

  /**
   * Tags (key/value) on the project, inherited by its workspaces.
   * @default - none
   */
  readonly tags?: { [key: string]: string };

  /**
   * Keep tags added outside this program (in the UI or the API): the
   * provider then leaves key/value tags it does not manage in place instead
   * of removing them on apply (`ignore_additional_tags`). The provider calls
   * this exceptional and not recommended; it takes effect from the apply
   * after the one that sets it.
   * @default false
   */
  readonly ignoreAdditionalTags?: boolean;

  /**
   * Destroy each workspace's infrastructure after this much inactivity:
   * 1-4 digits followed by `d` (days) or `h` (hours), e.g. `14d`.
   * @default - no auto-destroy
   */
  readonly autoDestroyActivityDuration?: string;

  /**
   * Where runs execute for the project's workspaces that set no execution
   * mode of their own (`tfe_project_settings`); see `configureDefaultExecutionMode`.
   * @default - the organization's default
   */
  readonly defaultExecutionMode?: ExecutionMode;
}

/**
 * Properties of a project.
 */
export interface ProjectProps extends ProjectOptions {
  /**
   * The organization the project belongs to.
   */
  readonly organization: IOrganization;
}

/**
 * Behaviour shared by created and referenced projects.
 */
export abstract class ProjectBase extends Construct implements IProject {

  public abstract readonly projectId: string;
  public abstract readonly organization: IOrganization;
  private readonly grants = new Map<string, TeamProjectAccess>();
  private readonly grantRecords: { readonly team: ITeam; readonly level: string }[] = [];

  /**
   * The team grants made on this project, in order.
   * @internal
   */
  public _accessGrants(): { readonly team: ITeam; readonly level: string }[] {
    return [...this.grantRecords];
  }

  public grantAccess(team: ITeam, access: ProjectAccess): TeamProjectAccess {
    if (!sameIdentity(team.organization, this.organization)) {
      fail(this, 'TFE-ACCESS-001',
        `team ${team.node.path} belongs to organization ${quote(identityOf(team.organization))}, but this project belongs to ` +
        `${quote(identityOf(this.organization))}: grant access to a team of the project's organization.`);
    }
    requireEntitlement(this, this.organization, Entitlement.TEAMS, `team access for ${team.node.path}`);
    const existing = this.grants.get(identityOf(team));
    if (existing) {
      fail(this, 'TFE-ACCESS-003',
        `team ${team.node.path} already has access to this project (${existing.node.path}): a team holds one access level per project; ` +
        'remove one of the grants, or use ProjectAccess.custom(...) to combine permissions.');
    }
    const grant = new TeamProjectAccess(this, connectionId('Access', team), {
      projectId: this.projectId,
      teamId: team.teamId,
      access: access.level,
      projectAccess: access._renderProjectAccess(),
      workspaceAccess: access._renderWorkspaceAccess(),
    });
    recordLegacyId(grant, this, `Access-${team.node.id}`);
    this.grants.set(identityOf(team), grant);
    this.grantRecords.push({ team, level: access.level });
    return grant;
  }

  /**
   * Sets where runs execute for the project's workspaces that set no
   * execution mode of their own (`tfe_project_settings`): it overrides the
   * organization's default. `ExecutionMode.agent(pool)` takes a pool of the
   * project's organization. Works on a project referenced with `fromProjectId`
   * or `fromProjectName` too. Once per project.
   */
  public configureDefaultExecutionMode(mode: ExecutionMode): void {
    checkDefaultExecutionMode(this, mode, this.organization, 'project');
    new ProjectSettings(this, 'Settings', {
      projectId: this.projectId,
      defaultExecutionMode: mode.mode,
      defaultAgentPoolId: mode.agentPool?.agentPoolId,
    });
  }
}

/**
 * A project (`tfe_project`): a group of workspaces with shared team access.
 *
 * @example
 * const payments = acme.addProject('Payments', { name: 'payments' });
 * payments.grantAccess(ops, ProjectAccess.MAINTAIN);
 */
export class Project extends ProjectBase {
  /**
   * References an existing project by ID. Creates nothing.
   */
  public static fromProjectId(scope: Construct, id: string, organization: IOrganization, projectId: string): IProject {
    const project = new ImportedProject(scope, id, organization, projectId, `project:${projectId}`, literal(projectId) === undefined ? undefined : `id:${projectId}`);
    checkForm(project, 'projectId', 'The project ID', projectId);
    return project;
  }

  /**
   * Looks up an existing project by name (a `tfe_project` data source). Creates nothing.
   */
  public static fromProjectName(scope: Construct, id: string, organization: IOrganization, projectName: string): IProject {
    const project = new ImportedProject(scope, id, organization, undefined, `project-name:${identityOf(organization)}/${projectName}`, literal(projectName));
    const lookup = new DataTfeProject(project, 'Lookup', {
      name: projectName,
      organization: organization.organizationName,
    });
    project.projectId = lookup.id;
    return project;
  }

  public readonly projectId: string;
  public readonly organization: IOrganization;

  /**
   * The project's name.
   * @attribute
   */
  public get projectName(): string {
    return memoized(this, 'projectName', () => this.resource.name);
  }

  private readonly resource: TfeProject;

  constructor(scope: Construct, id: string, props: ProjectProps) {
    super(scope, id);
    checkForm(this, 'project', 'The project name', props.name);
    checkForm(this, 'activityDuration', 'autoDestroyActivityDuration', props.autoDestroyActivityDuration);
    const name = literal(props.name);
    if (name !== undefined) {
      const holder = claim(this, `project-name:${identityOf(props.organization)}`, name);
      if (holder !== undefined) {
        fail(this, 'TFE-PRJ-001',
          `project name ${quote(name)} is already used by ${holder} in organization ${props.organization.node.path}: ` +
          'project names are unique per organization; choose another name.');
      }
      setIdentity(this, `project-name:${identityOf(props.organization)}/${name}`, name);
    }
    this.organization = props.organization;
    this.resource = new TfeProject(this, 'Resource', {
      name: props.name,
      organization: props.organization.organizationName,
      description: text(props.description),
      tags: textMap(props.tags),
      ignoreAdditionalTags: props.ignoreAdditionalTags,
      autoDestroyActivityDuration: props.autoDestroyActivityDuration,
    });
    this.projectId = this.resource.id;
    if (props.defaultExecutionMode) this.configureDefaultExecutionMode(props.defaultExecutionMode);
  }

  /**
   * Takes over the project, which already exists on the platform: the app
   * writes Terraform `import` blocks for its `tfe_project` and, when a default
   * execution mode is configured, `tfe_project_settings` (import ID: the
   * project ID). After the apply that imports it, it is managed exactly like one this app created. Team access that already exists is adopted
   * with `grantAccess(...).importFrom('tprj-...')`.
   *
   * @param projectId the project's ID (`prj-...`)
   */
  public adoptExisting(projectId: string): void {
    const given = adoptedId(this, 'projectId', 'The project ID', projectId);
    adopt(this, given, (r) => (r === this.resource || r.terraformResourceType === 'tfe_project_settings' ? given : undefined));
  }
}

class ImportedProject extends ProjectBase {
  public projectId: string;
  public readonly organization: IOrganization;

  constructor(
    scope: Construct, id: string, organization: IOrganization, projectId: string | undefined, identity: string, handle: string | undefined,
  ) {
    super(scope, id);
    this.projectId = projectId ?? '';
    this.organization = organization;
    setIdentity(this, identity, handle);
  }
}
