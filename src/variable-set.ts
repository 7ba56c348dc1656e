import { Construct, IConstruct } from 'constructs';
import type { DynamicCredentials } from './dynamic-credentials';
import type { IOrganization } from './organization';
import { adopt, adoptedId } from './private/adoption';
import { TerraformStack } from './private/framework';
import { DataTfeVariableSet, ProjectVariableSet, TfeVariableSet, WorkspaceVariableSet } from './private/l1-classes';
import { recordLegacyId } from './private/legacy-addresses';
import { memoized } from './private/memo';
import { checkForm } from './private/names';
import { connectionId, identityOf, sameIdentity, setIdentity } from './private/registry';
import { escapeTemplate, text } from './private/text';
import { fail, literal, quote, synthProblem, violation } from './private/validation';
import type { IProject } from './project';
import { Variable, VariableOptions } from './variable';
import type { IWorkspace } from './workspace';

/**
 * A variable set, created here or referenced.
 */
export interface IVariableSet extends IConstruct {
  /**
   * The variable set's ID (`varset-...`).
   * @attribute
   */
  readonly variableSetId: string;

  /**
   * The organization the variable set belongs to.
   */
  readonly organization: IOrganization;

  /**
   * Adds a Terraform or environment variable to the set.
   */
  addVariable(id: string, options: VariableOptions): Variable;

  /**
   * Writes dynamic provider credentials (`DynamicCredentials.aws(...)`,
   * `.azure(...)`, `.gcp(...)`, `.vault(...)`) as environment variables.
   */
  addDynamicCredentials(credentials: DynamicCredentials): void;

  /**
   * Applies the set to a workspace (`tfe_workspace_variable_set`).
   */
  applyToWorkspace(workspace: IWorkspace): WorkspaceVariableSet;

  /**
   * Applies the set to a project and so to all its workspaces
   * (`tfe_project_variable_set`).
   */
  applyToProject(project: IProject): ProjectVariableSet;
}

/**
 * Properties of a variable set.
 */
export interface VariableSetProps {
  /**
   * The organization the variable set belongs to.
   */
  readonly organization: IOrganization;

  /**
   * The variable set's name.
   */
  readonly name: string;

  /**
   * A description.
   * @default - none
   */
  readonly description?: string;

  /**
   * Whether the set's variables win over the variables of the workspaces it
   * applies to (a priority set). See `VariableSet` for the full precedence.
   * @default false - workspace variables win over the set's
   */
  readonly priority?: boolean;

  /**
   * Whether the set applies to every workspace of the organization (the
   * provider's `global`). A global set cannot also be applied to chosen
   * workspaces or projects.
   * @default false - the set applies to the workspaces and projects it is applied to
   */
  readonly allWorkspaces?: boolean;

  /**
   * Workspaces to apply the set to. More can be added with `applyToWorkspace`.
   * @default - none
   */
  readonly workspaces?: IWorkspace[];

  /**
   * Projects to apply the set to (all their workspaces). More can be added
   * with `applyToProject`.
   * @default - none
   */
  readonly projects?: IProject[];

  /**
   * The project that owns the set (the provider's `parent_project_id`): a
   * project-owned set is managed with the project's permissions instead of
   * the organization's.
   * @default - the set is owned by the organization
   */
  readonly parentProject?: IProject;
}

/**
 * Behaviour shared by created and referenced variable sets.
 */
export abstract class VariableSetBase extends Construct implements IVariableSet {
  public abstract readonly variableSetId: string;
  public abstract readonly organization: IOrganization;
  /** The workspaces the set is applied to, by identity. */
  private readonly workspaceAttachments = new Map<string, WorkspaceVariableSet>();
  /** The projects the set is applied to, by identity. */
  private readonly projectAttachments = new Map<string, ProjectVariableSet>();

  public addVariable(id: string, options: VariableOptions): Variable {
    return new Variable(this, id, { ...options, variableSet: this });
  }

  public addDynamicCredentials(credentials: DynamicCredentials): void {
    credentials._addTo(this, (id, options) => this.addVariable(id, options));
  }

  public applyToWorkspace(workspace: IWorkspace): WorkspaceVariableSet {
    this.checkSameOrganization('workspace', workspace);
    const key = identityOf(workspace);
    const existing = this.workspaceAttachments.get(key);
    if (existing) {
      fail(this, 'TFE-VSET-001',
        `workspace ${workspace.node.path} is already applied to this variable set (${existing.node.path}): ` +
        'a set applies to a workspace once; remove the duplicate applyToWorkspace (or the duplicate entry in workspaces).');
    }
    // A workspace in another stack (a shard of a ShardedPlatform) holds the
    // attachment itself, so the set's stack never depends on the workspace's.
    const elsewhere = TerraformStack.of(workspace) !== TerraformStack.of(this);
    const attachment = elsewhere
      ? new WorkspaceVariableSet(workspace, connectionId('VariableSet', this), { variableSetId: this.variableSetId, workspaceId: workspace.workspaceId })
      : new WorkspaceVariableSet(this, connectionId('Workspace', workspace), { variableSetId: this.variableSetId, workspaceId: workspace.workspaceId });
    if (!elsewhere) recordLegacyId(attachment, this, `Workspace-${workspace.node.id}`);
    this.workspaceAttachments.set(key, attachment);
    return attachment;
  }

  public applyToProject(project: IProject): ProjectVariableSet {
    this.checkSameOrganization('project', project);
    const key = identityOf(project);
    const existing = this.projectAttachments.get(key);
    if (existing) {
      fail(this, 'TFE-VSET-002',
        `project ${project.node.path} is already applied to this variable set (${existing.node.path}): ` +
        'a set applies to a project once; remove the duplicate applyToProject (or the duplicate entry in projects).');
    }
    const attachment = new ProjectVariableSet(this, connectionId('Project', project), {
      variableSetId: this.variableSetId,
      projectId: project.projectId,
    });
    recordLegacyId(attachment, this, `Project-${project.node.id}`);
    this.projectAttachments.set(key, attachment);
    return attachment;
  }

  /**
   * The attachment resources created so far (workspaces, then projects).
   * @internal
   */
  protected _attachments(): IConstruct[] {
    return [...this.workspaceAttachments.values(), ...this.projectAttachments.values()];
  }

  private checkSameOrganization(kind: string, target: IWorkspace | IProject): void {
    if (!sameIdentity(target.organization, this.organization)) {
      fail(this, 'TFE-VSET-003',
        `${kind} ${target.node.path} belongs to organization ${quote(identityOf(target.organization))}, but this variable set belongs to ` +
        `${quote(identityOf(this.organization))}: a variable set applies only within its organization; ` +
        `apply it to a ${kind} of ${quote(identityOf(this.organization))}, or create a set in the other organization.`);
    }
  }
}

/**
 * A variable set (`tfe_variable_set`): variables shared by several
 * workspaces, applied to all workspaces of the organization (`allWorkspaces`),
 * or to chosen workspaces (`tfe_workspace_variable_set`) and projects
 * (`tfe_project_variable_set`; the provider's deprecated `workspace_ids` is
 * never used).
 *
 * When several places set the same variable for a workspace, the value that
 * wins is, from the strongest:
 *
 * 1. a priority variable set (`priority: true`), which also wins over the
 *    workspace's own variables;
 * 2. the workspace's own variables;
 * 3. variable sets applied to the workspace's project;
 * 4. global variable sets (`allWorkspaces: true`).
 *
 * A Terraform and an environment variable with the same key do not conflict.
 *
 * @example
 * const aws = new VariableSet(stack, 'Aws', { organization: acme, name: 'aws-credentials', projects: [payments] });
 * aws.addVariable('Region', { key: 'AWS_REGION', value: VariableValue.string('eu-west-1'), category: VariableCategory.ENV });
 * aws.applyToWorkspace(sandbox);
 */
export class VariableSet extends VariableSetBase {
  /**
   * References an existing variable set by ID. Creates nothing.
   */
  public static fromVariableSetId(scope: Construct, id: string, organization: IOrganization, variableSetId: string): IVariableSet {
    const set = new ImportedVariableSet(scope, id, organization, variableSetId, `varset:${variableSetId}`);
    checkForm(set, 'variableSetId', 'The variable set ID', variableSetId);
    return set;
  }

  /**
   * Looks up an existing variable set by name (a `tfe_variable_set` data source). Creates nothing.
   */
  public static fromVariableSetName(scope: Construct, id: string, organization: IOrganization, variableSetName: string): IVariableSet {
    const set = new ImportedVariableSet(scope, id, organization, undefined, `varset-name:${identityOf(organization)}/${variableSetName}`);
    checkForm(set, 'variableSet', 'The variable set name', variableSetName);
    const lookup = new DataTfeVariableSet(set, 'Lookup', {
      name: variableSetName,
      organization: organization.organizationName,
    });
    set.variableSetId = lookup.id;
    return set;
  }

  public readonly variableSetId: string;
  public readonly organization: IOrganization;

  /**
   * The variable set's name.
   * @attribute
   */
  public get variableSetName(): string {
    return memoized(this, 'variableSetName', () => this.resource.name);
  }

  /**
   * Whether the set applies to every workspace of the organization.
   */
  public readonly allWorkspaces: boolean;

  /**
   * Whether the set's variables win over workspace variables.
   */
  public readonly priority: boolean;

  /**
   * The project that owns the set, if a project does.
   */
  public readonly parentProject?: IProject;

  private readonly resource: TfeVariableSet;

  constructor(scope: Construct, id: string, props: VariableSetProps) {
    super(scope, id);
    this.organization = props.organization;
    this.allWorkspaces = props.allWorkspaces ?? false;
    this.priority = props.priority ?? false;
    this.parentProject = props.parentProject;
    checkForm(this, 'variableSet', 'The variable set name', props.name);
    if (props.parentProject && !sameIdentity(props.parentProject.organization, props.organization)) {
      fail(this, 'TFE-VSET-004',
        `parent project ${props.parentProject.node.path} belongs to organization ${quote(identityOf(props.parentProject.organization))}, ` +
        `but this variable set belongs to ${quote(identityOf(props.organization))}: a set can only be owned by a project of its organization; ` +
        'give a project of the same organization, or leave parentProject out.');
    }
    const name = literal(props.name);
    if (name !== undefined) setIdentity(this, `varset-name:${identityOf(props.organization)}/${name}`, name);

    this.resource = new TfeVariableSet(this, 'Resource', {
      name: escapeTemplate(props.name),
      description: text(props.description),
      organization: props.organization.organizationName,
      global: this.allWorkspaces,
      priority: this.priority,
      parentProjectId: props.parentProject?.projectId,
    });
    this.variableSetId = this.resource.id;

    for (const workspace of props.workspaces ?? []) this.applyToWorkspace(workspace);
    for (const project of props.projects ?? []) this.applyToProject(project);
    this.node.addValidation({ validate: () => this.validateScope() });
  }

  /**
   * Takes over the variable set, which already exists on the platform: the
   * app writes a Terraform `import` block for its `tfe_variable_set` (import
   * ID: the set's ID). After the apply that imports it, it is managed exactly like one this app created. Its variables are adopted one by one
   * (`variable.adoptExisting`), and so are attachments that already exist
   * (`applyToWorkspace(...).importFrom('<organization>/<workspace name>/<set name>')`).
   *
   * @param variableSetId the set's ID (`varset-...`)
   */
  public adoptExisting(variableSetId: string): void {
    const given = adoptedId(this, 'variableSetId', 'The variable set ID', variableSetId);
    adopt(this, given, (r) => (r === this.resource ? given : undefined));
  }

  /**
   * A global set already applies to every workspace: applying it to chosen
   * workspaces or projects as well is a contradiction. Checked at synth time,
   * since attachments can be added after construction.
   */
  private validateScope(): string[] {
    if (!this.allWorkspaces) return [];
    const targets = this._attachments();
    if (targets.length === 0) return [];
    return [synthProblem(violation('TFE-VSET-005',
      'scoped variable set marked global: allWorkspaces is true, so the set applies to every workspace of the organization, ' +
        `but it is also applied to ${targets.map((t) => t.node.path).join(', ')}: ` +
        'either drop allWorkspaces (to apply the set to the chosen workspaces and projects only) or remove the applyToWorkspace/applyToProject calls.'))];
  }
}

class ImportedVariableSet extends VariableSetBase {
  public variableSetId: string;
  public readonly organization: IOrganization;

  constructor(scope: Construct, id: string, organization: IOrganization, variableSetId: string | undefined, identity: string) {
    super(scope, id);
    this.variableSetId = variableSetId ?? '';
    this.organization = organization;
    setIdentity(this, identity);
  }
}
