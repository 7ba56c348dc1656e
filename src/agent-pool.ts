import { Construct, IConstruct } from 'constructs';
import type { TokenOutputOptions } from './api-token';
import { Entitlement } from './entitlements';
import type { IOrganization } from './organization';
import { adopt, adoptedId } from './private/adoption';
import { requireEntitlement } from './private/entitlements';
import { Fn, Lazy, TerraformOutput } from './private/framework';
import { AgentPoolAllowedProjects, AgentPoolAllowedWorkspaces, AgentPoolExcludedWorkspaces, DataTfeAgentPool, TfeAgentPool, TfeAgentToken } from './private/l1-classes';
import { memoized } from './private/memo';
import { checkForm } from './private/names';
import { claim, identityOf, sameIdentity, setIdentity } from './private/registry';
import { escapeTemplate } from './private/text';
import { checkString, fail, literal, quote, synthProblem, violation, warn } from './private/validation';
import type { IProject } from './project';
import type { IWorkspace } from './workspace';

/**
 * An agent pool: self-hosted agents that run a workspace's plans and applies.
 */
export interface IAgentPool extends IConstruct {
  /**
   * The pool's ID (`apool-...`).
   * @attribute
   */
  readonly agentPoolId: string;

  /**
   * The organization the pool belongs to.
   */
  readonly organization: IOrganization;
}

/**
 * Options for an agent token, without the pool.
 */
export interface AgentTokenOptions {
  /**
   * What the token is for (e.g. the agent host or deployment that uses it).
   */
  readonly description: string;
}

/**
 * Properties of an agent token.
 */
export interface AgentTokenProps extends AgentTokenOptions {
  /**
   * The pool whose agents authenticate with the token.
   */
  readonly agentPool: IAgentPool;
}

/**
 * A token with which agents join a pool (`tfe_agent_token`).
 *
 * The value is a sensitive reference (`tokenValue`); `createOutput` writes it
 * to a sensitive stack output, e.g. for the agents' deployment (`TFC_AGENT_TOKEN`).
 */
export class AgentToken extends Construct {
  /**
   * The token's secret value: a reference to the sensitive `token` attribute, never a literal.
   * @attribute
   */
  public get tokenValue(): string {
    return memoized(this, 'tokenValue', () => this.resource.token);
  }

  /**
   * The token's ID (`at-...`).
   * @attribute
   */
  public get tokenId(): string {
    return memoized(this, 'tokenId', () => this.resource.id);
  }

  /**
   * The pool the token belongs to.
   */
  public readonly agentPool: IAgentPool;

  private readonly resource: TfeAgentToken;

  constructor(scope: Construct, id: string, props: AgentTokenProps) {
    super(scope, id);
    this.agentPool = props.agentPool;
    checkString(this, 'The agent token description', props.description, (d) => d.trim() === ''
      ? violation('TFE-POOL-006', `the agent token description is empty (got ${quote(d)}): describe what the token is for, e.g. "k8s-agents".`)
      : undefined,
    );
    this.resource = new TfeAgentToken(this, 'Resource', {
      agentPoolId: props.agentPool.agentPoolId,
      description: escapeTemplate(props.description),
    });
  }

  /**
   * Writes the token's value to a sensitive stack output.
   */
  public createOutput(id: string, options: TokenOutputOptions = {}): TerraformOutput {
    return new TerraformOutput(this, id, {
      value: this.tokenValue,
      sensitive: true,
      description: options.description ?? `agent token ${this.node.path}`,
    });
  }
}

/**
 * Behaviour shared by created and referenced agent pools.
 */
export abstract class AgentPoolBase extends Construct implements IAgentPool {
  public abstract readonly agentPoolId: string;
  public abstract readonly organization: IOrganization;

  /**
   * Creates a token with which agents join this pool.
   */
  public addToken(id: string, options: AgentTokenOptions): AgentToken {
    return new AgentToken(this, id, { ...options, agentPool: this });
  }
}

/**
 * Properties of an agent pool.
 */
export interface AgentPoolProps {
  /**
   * The organization the pool belongs to.
   */
  readonly organization: IOrganization;

  /**
   * The pool's name, unique in the organization.
   */
  readonly name: string;

  /**
   * Whether every workspace of the organization may use the pool. Set it to
   * false to restrict the pool to the workspaces and projects given with
   * `allowWorkspace` and `allowProject`.
   * @default true
   */
  readonly organizationScoped?: boolean;
}

/**
 * An agent pool (`tfe_agent_pool`).
 *
 * A pool that is not organization-scoped may only be used by the workspaces
 * and projects allowed with `allowWorkspace` / `allowProject`; they are
 * managed as one list each (`tfe_agent_pool_allowed_workspaces`,
 * `tfe_agent_pool_allowed_projects`): workspaces allowed elsewhere are
 * removed on apply.
 *
 * @example
 * const pool = new AgentPool(stack, 'Private', { organization: acme, name: 'private-network', organizationScoped: false });
 * pool.allowProject(payments);
 * pool.addToken('K8s', { description: 'k8s-agents' }).createOutput('agent_token');
 */
export class AgentPool extends AgentPoolBase {
  /**
   * References an existing agent pool by ID (`apool-...`). Creates nothing.
   */
  public static fromAgentPoolId(scope: Construct, id: string, organization: IOrganization, agentPoolId: string): IAgentPool {
    const pool = new ImportedAgentPool(scope, id, organization, agentPoolId);
    checkForm(pool, 'agentPoolId', 'The agent pool ID', agentPoolId);
    setIdentity(pool, `agent-pool:${agentPoolId}`);
    return pool;
  }

  /**
   * Looks up an existing agent pool by name (a `tfe_agent_pool` data source).
   * Creates nothing.
   */
  public static fromAgentPoolName(scope: Construct, id: string, organization: IOrganization, agentPoolName: string): IAgentPool {
    const pool = new ImportedAgentPool(scope, id, organization, '');
    checkForm(pool, 'agentPool', 'The agent pool name', agentPoolName);
    pool.agentPoolId = new DataTfeAgentPool(pool, 'Lookup', { name: agentPoolName, organization: organization.organizationName }).id;
    setIdentity(pool, `agent-pool-name:${identityOf(organization)}/${agentPoolName}`);
    return pool;
  }

  /**
   * The pool's ID. For a pool with allowed workspaces or projects it is read
   * through those resources (which carry the same ID), so whatever uses the
   * pool (e.g. `tfe_workspace_settings.agent_pool_id`) is created after the
   * permissions, as the provider's documentation recommends.
   * @attribute
   */
  public readonly agentPoolId: string;

  /**
   * The pool's name.
   * @attribute
   */
  public get agentPoolName(): string {
    return memoized(this, 'agentPoolName', () => this.resource.name);
  }

  public readonly organization: IOrganization;

  /**
   * Whether every workspace of the organization may use the pool.
   */
  public readonly organizationScoped: boolean;

  private readonly resource: TfeAgentPool;
  private readonly workspaces: IWorkspace[] = [];
  private readonly projects: IProject[] = [];
  private allowedWorkspacesResource?: AgentPoolAllowedWorkspaces;
  private allowedProjectsResource?: AgentPoolAllowedProjects;
  private readonly excluded: IWorkspace[] = [];
  private excludedWorkspacesResource?: AgentPoolExcludedWorkspaces;

  constructor(scope: Construct, id: string, props: AgentPoolProps) {
    super(scope, id);
    this.organization = props.organization;
    this.organizationScoped = props.organizationScoped ?? true;
    requireEntitlement(this, props.organization, Entitlement.AGENTS, 'an agent pool');

    checkForm(this, 'agentPool', 'The agent pool name', props.name);
    const name = literal(props.name);
    if (name !== undefined) {
      const holder = claim(this, `agent-pool-name:${identityOf(props.organization)}`, name);
      if (holder !== undefined) {
        fail(this, 'TFE-POOL-001',
          `agent pool name ${quote(name)} is already used by ${holder} in organization ${props.organization.node.path}: ` +
          'agent pool names are unique per organization; choose another name, or reuse that pool.');
      }
      setIdentity(this, `agent-pool-name:${identityOf(props.organization)}/${name}`);
    }

    this.resource = new TfeAgentPool(this, 'Resource', {
      name: escapeTemplate(props.name),
      organization: props.organization.organizationName,
      organizationScoped: this.organizationScoped,
    });
    this.agentPoolId = Lazy.stringValue({ produce: () => this.permissionedId() });

    this.node.addValidation({ validate: () => this.validateScope() });
  }

  /**
   * Takes over the agent pool, which already exists on the platform: the app
   * writes Terraform `import` blocks for its `tfe_agent_pool` and the allowed
   * and excluded workspace and project lists it writes (import ID: the pool
   * ID). After the apply that imports it, it is managed exactly like one this app created. Agent tokens cannot be imported (their secret cannot
   * be read back): create new ones with `addToken` and revoke the old ones.
   *
   * @param agentPoolId the pool's ID (`apool-...`)
   */
  public adoptExisting(agentPoolId: string): void {
    const given = adoptedId(this, 'agentPoolId', 'The agent pool ID', agentPoolId);
    adopt(this, given, (r) => (r.terraformResourceType.startsWith('tfe_agent_pool') ? given : undefined));
  }

  /**
   * Lets `workspace` use this pool (the pool must not be organization-scoped).
   */
  public allowWorkspace(workspace: IWorkspace): void {
    if (!sameIdentity(workspace.organization, this.organization)) {
      fail(this, 'TFE-POOL-002',
        `workspace ${workspace.node.path} belongs to organization ${quote(identityOf(workspace.organization))}, but this pool belongs to ` +
        `${quote(identityOf(this.organization))}: allow a workspace of the pool's organization.`);
    }
    if (this.workspaces.some((w) => sameIdentity(w, workspace))) return;
    this.workspaces.push(workspace);
    if (!this.allowedWorkspacesResource) {
      this.allowedWorkspacesResource = new AgentPoolAllowedWorkspaces(this, 'AllowedWorkspaces', {
        agentPoolId: this.poolResourceId,
        allowedWorkspaceIds: Lazy.listValue({ produce: () => this.workspaces.map((w) => w.workspaceId) }),
      });
    }
  }

  /**
   * Keeps `workspace` from using this pool although the pool's scope (the
   * whole organization, or an allowed project) includes it
   * (`tfe_agent_pool_excluded_workspaces`). A workspace of this app whose
   * execution mode names this pool, or that `allowWorkspace` allows, cannot
   * be excluded.
   */
  public excludeWorkspace(workspace: IWorkspace): void {
    if (!sameIdentity(workspace.organization, this.organization)) {
      fail(this, 'TFE-POOL-007',
        `excluded workspace ${workspace.node.path} belongs to organization ${quote(identityOf(workspace.organization))}, but this pool belongs to ` +
        `${quote(identityOf(this.organization))}: exclude a workspace of the pool's organization.`);
    }
    if (this.excluded.some((w) => sameIdentity(w, workspace))) return;
    this.excluded.push(workspace);
    if (!this.excludedWorkspacesResource) {
      this.excludedWorkspacesResource = new AgentPoolExcludedWorkspaces(this, 'ExcludedWorkspaces', {
        agentPoolId: this.poolResourceId,
        excludedWorkspaceIds: Lazy.listValue({ produce: () => this.excluded.map((w) => w.workspaceId) }),
      });
      this.node.addValidation({ validate: () => this.validateExclusions() });
    }
  }

  /**
   * The workspaces excluded from the pool.
   */
  public get excludedWorkspaces(): IWorkspace[] {
    return [...this.excluded];
  }

  /**
   * Lets every workspace of `project` use this pool (the pool must not be organization-scoped).
   */
  public allowProject(project: IProject): void {
    if (!sameIdentity(project.organization, this.organization)) {
      fail(this, 'TFE-POOL-003',
        `project ${project.node.path} belongs to organization ${quote(identityOf(project.organization))}, but this pool belongs to ` +
        `${quote(identityOf(this.organization))}: allow a project of the pool's organization.`);
    }
    if (this.projects.some((p) => sameIdentity(p, project))) return;
    this.projects.push(project);
    if (!this.allowedProjectsResource) {
      this.allowedProjectsResource = new AgentPoolAllowedProjects(this, 'AllowedProjects', {
        agentPoolId: this.poolResourceId,
        allowedProjectIds: Lazy.listValue({ produce: () => this.projects.map((p) => p.projectId) }),
      });
    }
  }

  /**
   * The workspaces allowed to use the pool.
   */
  public get allowedWorkspaces(): IWorkspace[] {
    return [...this.workspaces];
  }

  /**
   * The projects allowed to use the pool.
   */
  public get allowedProjects(): IProject[] {
    return [...this.projects];
  }

  /** The `tfe_agent_pool` resource's ID. */
  private get poolResourceId(): string {
    return memoized(this, 'poolResourceId', () => this.resource.id);
  }

  /** The pool ID, read through the permission resources when there are any. */
  private permissionedId(): string {
    const refs = [this.allowedWorkspacesResource?.id, this.allowedProjectsResource?.id].filter((r): r is string => r !== undefined);
    if (refs.length === 0) return this.poolResourceId;
    if (refs.length === 1) return refs[0];
    return Fn.coalesce(refs);
  }

  private validateExclusions(): string[] {
    const problems: string[] = [];
    for (const w of this.excluded) {
      if (this.workspaces.some((a) => sameIdentity(a, w))) {
        problems.push(synthProblem(violation('TFE-POOL-008',
          `workspace ${w.node.path} is both allowed (allowWorkspace) and excluded (excludeWorkspace): the exclusion wins on the platform; remove one of the calls.`)));
      }
      const mode = (w as { executionMode?: { mode?: string; agentPool?: IAgentPool } }).executionMode;
      if (mode?.mode === 'agent' && mode.agentPool !== undefined && sameIdentity(mode.agentPool, this)) {
        problems.push(synthProblem(violation('TFE-POOL-008',
          `workspace ${w.node.path} runs on this pool (ExecutionMode.agent) but is excluded from it: its runs would have no agent; ` +
          'remove the exclusion, or give the workspace another execution mode or pool.')));
      }
    }
    return problems;
  }

  private validateScope(): string[] {
    const allowed = [
      ...this.workspaces.map((w) => `workspace ${w.node.path}`),
      ...this.projects.map((p) => `project ${p.node.path}`),
    ];
    if (this.organizationScoped && allowed.length > 0) {
      return [synthProblem(violation('TFE-POOL-004',
        `the pool is organization-scoped, but ${allowed.join(', ')} ${allowed.length > 1 ? 'are' : 'is'} allowed explicitly: ` +
        'every workspace may already use an organization-scoped pool; set organizationScoped: false to restrict the pool to the allowed workspaces and projects, ' +
        'or remove the allowWorkspace/allowProject calls.'))];
    }
    if (!this.organizationScoped && allowed.length === 0) {
      warn(this, 'TFE-POOL-005',
        'the pool is not organization-scoped and allows no workspace or project here: no workspace can use it unless it is allowed elsewhere; ' +
          'call allowWorkspace(...) or allowProject(...), or make the pool organization-scoped.',
      );
    }
    return [];
  }
}

class ImportedAgentPool extends AgentPoolBase {
  public agentPoolId: string;
  public readonly organization: IOrganization;

  constructor(scope: Construct, id: string, organization: IOrganization, agentPoolId: string) {
    super(scope, id);
    this.organization = organization;
    this.agentPoolId = agentPoolId;
  }
}
