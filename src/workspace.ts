import { Construct, IConstruct } from 'constructs';
import { Backend, BackendBindingOptions } from './backend';
import type { DynamicCredentials } from './dynamic-credentials';
import { Entitlement } from './entitlements';
import { ExecutionMode } from './execution-mode';
import { Notification, NotificationOptions } from './notification';
import type { IOrganization } from './organization';
import { markAccessRelevant } from './private/access-hook';
import { adopt, adoptedId, organizationNameFor, workspaceNameFor } from './private/adoption';
import { warnWhenPast } from './private/clock';
import { requireEntitlement } from './private/entitlements';
import { checkWorkspaceExecutionMode } from './private/execution-mode-rules';
import { Lazy, TerraformBackend, TerraformStack, Token } from './private/framework';
import { escapeTemplate } from './private/hcl';
import { DataTfeWorkspace, RunTrigger } from './private/l1-classes';
import { recordLegacyId } from './private/legacy-addresses';
import { memoized } from './private/memo';
import { checkForm } from './private/names';
import { claim, connectionId, identityOf, sameIdentity, setIdentity, setLiteralName } from './private/registry';
import { addTriggerEdge, MAX_RUN_TRIGGER_SOURCES } from './private/run-trigger-graph';
import { text, textMap } from './private/text';
import { checkString, fail, literal, quote, violation } from './private/validation';
import { collectVariables, variableId } from './private/variables';
import { checkVcsConnection } from './private/vcs-connection';
import { WorkspaceResource, WorkspaceSettingsResource } from './private/workspace-resources';
import type { IProject } from './project';
import { RemovalPolicy } from './removal-policy';
import { IRunTask, RunTaskAttachment, RunTaskAttachmentOptions } from './run-task';
import { RunWorkflow, RunWorkflowKind } from './run-workflow';
import type { ITeam } from './team';
import { Variable, VariableOptions } from './variable';
import type { IVariableSet } from './variable-set';
import { WorkspaceAccess } from './workspace-access';
import { WorkspaceGrant } from './workspace-grant';

/**
 * A workspace, created here or referenced.
 */
export interface IWorkspace extends IConstruct {
  /**
   * The workspace's ID (`ws-...`).
   * @attribute
   */
  readonly workspaceId: string;

  /**
   * The workspace's name.
   * @attribute
   */
  readonly workspaceName: string;

  /**
   * The organization the workspace belongs to.
   */
  readonly organization: IOrganization;

  /**
   * The workspace's run workflow, when this app knows it (undefined for
   * referenced workspaces).
   */
  readonly runWorkflow?: RunWorkflow;

  /**
   * Adds a Terraform or environment variable to the workspace.
   */
  addVariable(id: string, options: VariableOptions): Variable;

  /**
   * Writes dynamic provider credentials (`DynamicCredentials.aws(...)`,
   * `.azure(...)`, `.gcp(...)`, `.vault(...)`) as environment variables.
   */
  addDynamicCredentials(credentials: DynamicCredentials): void;

  /**
   * Gives a team access to the workspace.
   * @returns the grant (the `tfe_team_access` resource) created
   */
  grantAccess(team: ITeam, access: WorkspaceAccess): WorkspaceGrant;

  /**
   * Queues a run in this workspace whenever a run applies in `upstream`
   * (a run trigger). The platform allows 20 source workspaces per workspace.
   * @returns the `tfe_run_trigger` resource created
   */
  triggeredBy(upstream: IWorkspace): RunTrigger;

  /**
   * Sends notifications about this workspace's runs.
   */
  addNotification(id: string, options: NotificationOptions): Notification;

  /**
   * Applies a variable set to this workspace.
   */
  addVariableSet(variableSet: IVariableSet): void;
}

/**
 * A grant of access to a team, as recorded for the access report.
 * @internal
 */
export interface AccessGrantRecord {
  readonly team: ITeam;
  readonly level: string;
}

/**
 * A workspace's settings: everything but its name and organization. Workspace
 * groups share these between members and let each member override them.
 */
export interface WorkspaceSettingsOptions {
  /**
   * The project the workspace belongs to.
   * @default - the organization's default project
   */
  readonly project?: IProject;

  /**
   * A description.
   * @default - none
   */
  readonly description?: string;

  /**
   * How runs start: VCS-driven, CLI-driven or API-driven.
   * @default RunWorkflow.cliDriven()
   */
  readonly runWorkflow?: RunWorkflow;

  /**
   * Where runs execute (`tfe_workspace_settings`).
   * @default - the organization's default execution mode
   */
  readonly executionMode?: ExecutionMode;

  /**
   * Key/value tags.
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
   * Tag names (lowercase letters, numbers, `_`, `:` and `-`).
   * @default - none
   */
  readonly tagNames?: string[];

  /**
   * The Terraform version or version constraint runs use.
   * @default - the latest version available when the workspace is created
   */
  readonly terraformVersion?: string;

  /**
   * The directory, relative to the repository or upload root, Terraform runs in.
   * @default - the root
   */
  readonly workingDirectory?: string;

  /**
   * Whether successful plans apply without confirmation.
   * @default false
   */
  readonly autoApply?: boolean;

  /**
   * Whether runs queued by run triggers apply without confirmation.
   * @default false
   */
  readonly autoApplyRunTrigger?: boolean;

  /**
   * Whether the workspace starts a run right after it is created.
   *
   * The provider's default is true, the API's is false. This library defaults
   * to false: a run started at creation would race the workspace's variables,
   * which are created after it. The catch: a VCS-driven workspace queues
   * webhook-triggered runs only after one run has been queued by hand.
   * @default false
   */
  readonly queueAllRuns?: boolean;

  /**
   * Whether speculative plans run for pull requests.
   * @default true
   */
  readonly speculativeEnabled?: boolean;

  /**
   * Whether health assessments (drift detection, continuous validation) run.
   * @default false
   */
  readonly assessmentsEnabled?: boolean;

  /**
   * Whether destroy plans may be queued.
   * @default true
   */
  readonly allowDestroyPlan?: boolean;

  /**
   * The ID of an SSH key (`tfe_ssh_key`) used to fetch private modules.
   * @default - none
   */
  readonly sshKeyId?: string;

  /**
   * Destroy the workspace's infrastructure at this RFC 3339 date-time.
   * Excludes `autoDestroyActivityDuration`.
   * @default - no scheduled destroy
   */
  readonly autoDestroyAt?: string;

  /**
   * Destroy the workspace's infrastructure after this much inactivity:
   * 1-4 digits followed by `d` or `h`. Excludes `autoDestroyAt`.
   * @default - no auto-destroy
   */
  readonly autoDestroyActivityDuration?: string;

  /**
   * Whether every workspace of the organization may read this workspace's
   * state. Prefer `shareStateWith` for named consumers.
   * @default false
   */
  readonly globalRemoteState?: boolean;

  /**
   * What a destroy does to the workspace. Deleting a workspace deletes its
   * state: by default Terraform refuses to destroy it (`prevent_destroy`), and
   * deletion uses the safe-delete endpoint. The protection lives in the
   * resource block: removing the workspace from the program, or moving it
   * without `Moves.renamedFrom`, deletes it on the next apply.
   * @default RemovalPolicy.PROTECT
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Whether runs show the structured (enhanced) output.
   * @default true
   */
  readonly structuredRunOutputEnabled?: boolean;
}

/**
 * Options for a workspace, without the organization.
 */
export interface WorkspaceOptions extends WorkspaceSettingsOptions {
  /**
   * The workspace's name: letters, numbers, `-` and `_`, at most 90
   * characters; unique in the organization.
   */
  readonly name: string;

  /**
   * Variables of the workspace, created with it (the same as `addVariable`
   * for each; construct ids `terraform-<key>` / `env-<key>`).
   * @default - none
   */
  readonly variables?: VariableOptions[];

  /**
   * Plain-text Terraform variables, name to value: the same as entries of
   * `variables` with `VariableValue.string(value)`, as plain data. The
   * cheapest way to give many variables (one props object, no value object
   * per variable, which matters most from Python, Java and Go).
   * @default - none
   */
  readonly terraformVariables?: { [key: string]: string };

  /**
   * Plain-text environment variables, name to value: the same as entries
   * of `variables` with `VariableValue.string(value)` and
   * `category: VariableCategory.ENV`.
   * @default - none
   */
  readonly environmentVariables?: { [key: string]: string };
}

/**
 * Properties of a workspace.
 */
export interface WorkspaceProps extends WorkspaceOptions {
  /**
   * The organization the workspace belongs to.
   */
  readonly organization: IOrganization;
}

/**
 * Behaviour shared by created and referenced workspaces.
 */
export abstract class WorkspaceBase extends Construct implements IWorkspace {
  public abstract readonly workspaceId: string;
  public abstract readonly workspaceName: string;
  public abstract readonly organization: IOrganization;
  public abstract readonly runWorkflow?: RunWorkflow;
  private readonly triggerSources = new Map<string, RunTrigger>();
  private readonly upstreams: IWorkspace[] = [];

  public addVariable(id: string, options: VariableOptions): Variable {
    return new Variable(this, id, { ...options, workspace: this });
  }

  public addDynamicCredentials(credentials: DynamicCredentials): void {
    credentials._addTo(this, (id, options) => this.addVariable(id, options));
  }

  /**
   * Gives a team access to the workspace.
   *
   * A team holds one access level per workspace: granting the same team
   * twice is an error. On a member of a `WorkspaceGroup`, this grant
   * overrides the group's grant for the same team (whichever is made first):
   * the member gets one `tfe_team_access`, with this level.
   *
   * @returns the grant (the `tfe_team_access` resource), at construct id
   *          `Access-<team name>` (or `Access-id:<team ID>` for a team
   *          referenced by ID)
   */
  public grantAccess(team: ITeam, access: WorkspaceAccess): WorkspaceGrant {
    const existing = WorkspaceGrant._grantOf(this, team);
    if (existing && !existing._grantedByWorkspace) {
      existing._grantByWorkspace(access);
      return existing;
    }
    if (existing) {
      fail(this, 'TFE-ACCESS-002',
        `team ${team.node.path} already has access to this workspace (${existing.node.path}): a team holds one access level per workspace; ` +
        'remove one of the grants, or use WorkspaceAccess.custom(...) to combine permissions.');
    }
    return this.newGrant(team, access);
  }

  /**
   * The grant of `group`, which gives `team` access to all its members, on
   * this member: a new grant, or the member's own grant, which wins.
   * @internal
   */
  public _grantFromGroup(group: IConstruct, team: ITeam, access: WorkspaceAccess): WorkspaceGrant {
    const existing = WorkspaceGrant._grantOf(this, team);
    if (existing) {
      existing._addGroupGrant(group, access);
      return existing;
    }
    const grant = this.newGrant(team, access);
    grant._markGrantedByGroup(group);
    return grant;
  }

  private newGrant(team: ITeam, access: WorkspaceAccess): WorkspaceGrant {
    const grant = new WorkspaceGrant(this, connectionId('Access', team), { workspace: this, team, access });
    recordLegacyId(grant, this, `Access-${team.node.id}`);
    return grant;
  }

  public triggeredBy(upstream: IWorkspace): RunTrigger {
    if (sameIdentity(upstream, this)) {
      fail(this, 'TFE-RT-001', 'a workspace cannot trigger its own runs (a run trigger from itself would loop): remove triggeredBy(self).');
    }
    if (!sameIdentity(upstream.organization, this.organization)) {
      fail(this, 'TFE-RT-002', `run trigger source ${upstream.node.path} belongs to another organization: run triggers connect workspaces of one organization.`);
    }
    const key = identityOf(upstream);
    if (this.triggerSources.has(key)) {
      fail(this, 'TFE-RT-003', `${upstream.node.path} already triggers this workspace (${this.triggerSources.get(key)!.node.path}): remove the duplicate triggeredBy.`);
    }
    if (this.triggerSources.size >= MAX_RUN_TRIGGER_SOURCES) {
      fail(this, 'TFE-RT-004',
        `this workspace already has ${this.triggerSources.size} run trigger sources, and ${upstream.node.path} would be one more: ` +
        `the platform allows at most ${MAX_RUN_TRIGGER_SOURCES} source workspaces per workspace; chain workspaces instead.`);
    }
    const cycle = addTriggerEdge(this, upstream, this);
    if (cycle) {
      fail(this, 'TFE-RT-005', `run trigger from ${upstream.node.path} would close a cycle (${cycle.join(' -> ')}): every apply would trigger itself again; remove one trigger.`);
    }
    const trigger = new RunTrigger(this, connectionId('TriggeredBy', upstream), {
      workspaceId: this.workspaceId,
      sourceableId: upstream.workspaceId,
    });
    recordLegacyId(trigger, this, `TriggeredBy-${upstream.node.id}`);
    this.triggerSources.set(key, trigger);
    this.upstreams.push(upstream);
    return trigger;
  }

  /**
   * The team grants made on this workspace, in order.
   * @internal
   */
  public _accessGrants(): AccessGrantRecord[] {
    return WorkspaceGrant.grantsOn(this).map((g) => ({ team: g.team, level: g.access.level }));
  }

  /**
   * The workspaces whose applies trigger runs here, in order.
   * @internal
   */
  public _triggerSources(): IWorkspace[] {
    return [...this.upstreams];
  }

  public addNotification(id: string, options: NotificationOptions): Notification {
    return new Notification(this, id, { ...options, workspace: this });
  }

  public addVariableSet(variableSet: IVariableSet): void {
    variableSet.applyToWorkspace(this);
  }

  /**
   * Calls a run task in this workspace's runs (`tfe_workspace_run_task`),
   * at the given stages and enforcement level. A workspace calls each task
   * once.
   *
   * @returns the attachment, at construct id `RunTask-<task name>` (or
   *          `RunTask-id:<task ID>` for a task referenced by ID)
   */
  public addRunTask(task: IRunTask, options: RunTaskAttachmentOptions = {}): RunTaskAttachment {
    return RunTaskAttachment._attach(this, task, options);
  }
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A workspace (`tfe_workspace` with its `tfe_workspace_settings`).
 *
 * @example
 * const api = new Workspace(stack, 'Api', {
 *   organization: acme,
 *   name: 'api-prod',
 *   project: payments,
 *   runWorkflow: RunWorkflow.vcs({ connection: github, repository: 'acme/api', branch: 'main' }),
 * });
 * api.grantAccess(developers, WorkspaceAccess.WRITE);
 */
export class Workspace extends WorkspaceBase {
  /**
   * Looks up an existing workspace by name (a `tfe_workspace` data source). Creates nothing.
   */
  public static fromWorkspaceName(scope: Construct, id: string, organization: IOrganization, workspaceName: string): IWorkspace {
    const ws = new ImportedWorkspace(scope, id, organization, workspaceName, `workspace:${identityOf(organization)}/${workspaceName}`, literal(workspaceName));
    checkForm(ws, 'workspace', 'The workspace name', workspaceName);
    const lookup = new DataTfeWorkspace(ws, 'Lookup', { name: workspaceName, organization: organization.organizationName });
    ws.workspaceId = lookup.id;
    const name = literal(workspaceName);
    if (name !== undefined) setLiteralName(ws, name);
    return ws;
  }

  /**
   * References an existing workspace by ID. Creates nothing; its name is not
   * known, so it cannot be bound as a backend.
   */
  public static fromWorkspaceId(scope: Construct, id: string, organization: IOrganization, workspaceId: string): IWorkspace {
    const ws = new ImportedWorkspace(scope, id, organization, '', `workspace-id:${workspaceId}`, literal(workspaceId) === undefined ? undefined : `id:${workspaceId}`);
    checkForm(ws, 'workspaceId', 'The workspace ID', workspaceId);
    ws.workspaceId = workspaceId;
    return ws;
  }

  public readonly workspaceId: string;
  private readonly resource: WorkspaceResource;
  private readonly settings: WorkspaceSettingsResource;
  public readonly organization: IOrganization;

  /**
   * The workspace's run workflow (always set on a workspace created here).
   */
  public readonly runWorkflow?: RunWorkflow;

  /**
   * The workspace's execution mode, when set.
   */
  public readonly executionMode?: ExecutionMode;

  /**
   * The project, when set.
   */
  public readonly project?: IProject;

  /**
   * What a destroy does to the workspace (see `RemovalPolicy`).
   */
  public readonly removalPolicy: RemovalPolicy;

  /**
   * Whether every workspace of the organization may read this one's state.
   */
  public readonly globalRemoteState: boolean;

  private readonly stateConsumers: IWorkspace[] = [];

  constructor(scope: Construct, id: string, props: WorkspaceProps) {
    super(scope, id);
    this.organization = props.organization;
    const workflow = props.runWorkflow ?? RunWorkflow.cliDriven();
    this.runWorkflow = workflow;
    this.executionMode = props.executionMode;
    this.project = props.project;
    this.globalRemoteState = props.globalRemoteState ?? false;

    checkForm(this, 'workspace', 'The workspace name', props.name);
    const name = literal(props.name);
    if (name !== undefined) {
      const holder = claim(this, `workspace-name:${identityOf(props.organization)}`, name);
      if (holder !== undefined) {
        fail(this, 'TFE-WS-001',
          `workspace name ${quote(name)} is already used by ${holder} in organization ${props.organization.node.path}: ` +
          'workspace names are unique per organization (a group member is named prefix + short name); choose another name.');
      }
      setIdentity(this, `workspace:${identityOf(props.organization)}/${name}`, name);
      setLiteralName(this, name);
    }
    if (props.project && !sameIdentity(props.project.organization, props.organization)) {
      fail(this, 'TFE-WS-002', `project ${props.project.node.path} belongs to another organization than the workspace: put the workspace in a project of its organization.`);
    }
    for (const tag of props.tagNames ?? []) {
      checkForm(this, 'tag', 'A tag name', tag);
    }
    if (props.autoDestroyAt !== undefined && props.autoDestroyActivityDuration !== undefined) {
      fail(this, 'TFE-WS-003', `autoDestroyAt (${quote(props.autoDestroyAt)}) and autoDestroyActivityDuration (${quote(props.autoDestroyActivityDuration)}) exclude each other: set one of them.`);
    }
    checkString(this, 'autoDestroyAt', props.autoDestroyAt, (v) => {
      if (!RFC3339.test(v) || Number.isNaN(Date.parse(v))) {
        return violation('TFE-WS-004', `autoDestroyAt ${quote(v)} is not an RFC 3339 date-time: write it like "2030-01-01T00:00:00Z".`);
      }
      return undefined;
    });
    warnWhenPast(this, 'TFE-WS-005', 'autoDestroyAt', props.autoDestroyAt, (v) => (RFC3339.test(v) ? Date.parse(v) : NaN),
      'the platform refuses an auto-destroy time in the past when it is set; give a future date-time, or remove autoDestroyAt.');
    checkForm(this, 'activityDuration', 'autoDestroyActivityDuration', props.autoDestroyActivityDuration);
    this.validateWorkflow(workflow, props);
    this.validateExecutionMode(workflow, props);
    if (workflow.isVcsDriven) {
      requireEntitlement(this, props.organization, Entitlement.VCS_INTEGRATIONS, 'a VCS-driven workspace');
    }
    requireEntitlement(this, props.organization, Entitlement.STATE_STORAGE, 'a workspace');

    const vcs = workflow.vcsOptions;
    markAccessRelevant(this);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.PROTECT;
    this.removalPolicy = removalPolicy;
    const resource = new WorkspaceResource(this, 'Resource', {
      allow_destroy_plan: props.allowDestroyPlan,
      assessments_enabled: props.assessmentsEnabled,
      auto_apply: props.autoApply,
      auto_apply_run_trigger: props.autoApplyRunTrigger,
      auto_destroy_activity_duration: props.autoDestroyActivityDuration,
      auto_destroy_at: props.autoDestroyAt,
      description: text(props.description),
      file_triggers_enabled: vcs ? vcs.fileTriggersEnabled ?? (vcs.tagsRegex === undefined) : undefined,
      force_delete: removalPolicy === RemovalPolicy.FORCE_DELETE,
      ignore_additional_tags: props.ignoreAdditionalTags,
      name: props.name,
      organization: props.organization.organizationName,
      project_id: props.project?.projectId,
      queue_all_runs: props.queueAllRuns ?? false,
      speculative_enabled: props.speculativeEnabled,
      ssh_key_id: props.sshKeyId,
      structured_run_output_enabled: props.structuredRunOutputEnabled,
      tag_names: props.tagNames,
      tags: textMap(props.tags),
      terraform_version: props.terraformVersion,
      trigger_patterns: vcs?.triggerPatterns?.map(escapeTemplate),
      trigger_prefixes: vcs?.triggerPrefixes?.map(escapeTemplate),
      working_directory: text(props.workingDirectory),
      vcs_repo: vcs
        ? {
          identifier: vcs.repository,
          branch: text(vcs.branch),
          tagsRegex: text(vcs.tagsRegex),
          ingressSubmodules: vcs.ingressSubmodules,
          oauthTokenId: vcs.connection.oauthTokenId,
          githubAppInstallationId: vcs.connection.githubAppInstallationId,
        }
        : undefined,
    }, removalPolicy === RemovalPolicy.PROTECT ? { preventDestroy: true } : undefined);
    this.workspaceId = resource.getStringAttribute('id');
    this.resource = resource;

    this.settings = new WorkspaceSettingsResource(this, 'Settings', {
      agent_pool_id: this.executionMode?.agentPool?.agentPoolId,
      execution_mode: this.executionMode?.mode,
      global_remote_state: this.globalRemoteState,
      workspace_id: this.workspaceId,
    });

    for (const v of collectVariables(this, 'the workspace props', props)) this.addVariable(variableId(v), v);
  }

  /**
   * Takes over the workspace, which already exists on the platform: the app
   * writes Terraform `import` blocks for its `tfe_workspace` and
   * `tfe_workspace_settings` (import ID: the workspace ID when given, else
   * `<organization>/<workspace name>`, which then must be literal strings).
   * After the apply that imports it, the workspace is managed exactly like one
   * this app created. Its variables, grants, run triggers and notifications
   * are adopted one by one (`variable.adoptExisting`, ...).
   *
   * @param workspaceId the workspace's ID (`ws-...`)
   * @default - imported by organization and workspace name
   */
  public adoptExisting(workspaceId?: string): void {
    const given = workspaceId === undefined ? undefined : adoptedId(this, 'workspaceId', 'The workspace ID', workspaceId);
    adopt(this, given, (r) => {
      if (r !== this.resource && r !== this.settings) return undefined;
      return given ?? `${organizationNameFor(this, this.organization)}/${workspaceNameFor(this, this)}`;
    });
  }

  /**
   * The workspace's name.
   * @attribute
   */
  public get workspaceName(): string {
    // Made on the first read (each attribute token costs a stack trace, which
    // adds up at tens of thousands of workspaces), the same token afterwards.
    return memoized(this, 'workspaceName', () => this.resource.getStringAttribute('name'));
  }

  /**
   * Lets `consumer` read this workspace's state (`terraform_remote_state` /
   * `tfe_outputs`). Excludes `globalRemoteState`.
   */
  public shareStateWith(consumer: IWorkspace): void {
    if (this.globalRemoteState) {
      fail(this, 'TFE-WS-014',
        `shareStateWith(${consumer.node.path}) has no effect: this workspace has globalRemoteState on, which shares its state with every workspace ` +
        '(and the provider refuses remote_state_consumer_ids with it); turn globalRemoteState off to name consumers.');
    }
    if (sameIdentity(consumer, this)) {
      fail(this, 'TFE-WS-015', 'a workspace cannot be a remote state consumer of itself (it always reads its own state): remove shareStateWith(self).');
    }
    if (!sameIdentity(consumer.organization, this.organization)) {
      fail(this, 'TFE-WS-016', `remote state consumer ${consumer.node.path} belongs to another organization: state is shared within one organization.`);
    }
    if (this.stateConsumers.some((c) => sameIdentity(c, consumer))) return;
    if (this.stateConsumers.length === 0) {
      // Created on the first consumer only, so workspaces without consumers cost no token.
      this.settings.args.remote_state_consumer_ids = Lazy.listValue({ produce: () => this.stateConsumers.map((c) => c.workspaceId) });
    }
    this.stateConsumers.push(consumer);
  }

  /**
   * Binds a consumer stack's backend to this workspace (see `Backend.forWorkspace`).
   */
  public bindBackend(stack: TerraformStack, options: BackendBindingOptions = {}): TerraformBackend {
    return Backend.forWorkspace(stack, this, options);
  }

  /**
   * The workspaces this one shares its state with.
   */
  public get remoteStateConsumers(): IWorkspace[] {
    return [...this.stateConsumers];
  }

  private validateWorkflow(workflow: RunWorkflow, props: WorkspaceProps): void {
    const vcs = workflow.vcsOptions;
    if (workflow.kind !== RunWorkflowKind.VCS || !vcs) return;
    const exclusive = [
      vcs.triggerPrefixes?.length ? 'triggerPrefixes' : undefined,
      vcs.triggerPatterns?.length ? 'triggerPatterns' : undefined,
      vcs.tagsRegex !== undefined ? 'tagsRegex' : undefined,
    ].filter((x): x is string => x !== undefined);
    if (exclusive.length > 1) {
      fail(this, 'TFE-WS-007',
        `the VCS workflow sets ${exclusive.join(' and ')}, which exclude each other: use trigger prefixes, or trigger patterns, or a tags regex.`);
    }
    if (vcs.tagsRegex !== undefined && vcs.fileTriggersEnabled === true) {
      fail(this, 'TFE-WS-008', `the VCS workflow sets tagsRegex ${quote(vcs.tagsRegex)} with fileTriggersEnabled: tag-triggered runs ignore file triggers; remove fileTriggersEnabled.`);
    }
    if (vcs.tagsRegex !== undefined && !Token.isUnresolved(vcs.tagsRegex)) {
      try {
        new RegExp(vcs.tagsRegex);
      } catch (e) {
        fail(this, 'TFE-WS-009', `tagsRegex ${quote(vcs.tagsRegex)} is not a valid regular expression (${(e as Error).message}): fix the expression.`);
      }
    }
    checkForm(this, 'repository', 'The repository', vcs.repository);
    checkVcsConnection(this, 'workspace', vcs.connection, props.organization);
  }

  private validateExecutionMode(workflow: RunWorkflow, props: WorkspaceProps): void {
    const mode = props.executionMode;
    if (!mode) return;
    if (mode.mode === 'local' && workflow.isVcsDriven) {
      fail(this, 'TFE-WS-010',
        'execution mode "local" with a VCS-driven workflow: in local mode the platform only stores state, so runs triggered by commits cannot execute; ' +
        'use ExecutionMode.remote() or ExecutionMode.agent(pool), or the CLI-driven workflow.');
    }
    checkWorkspaceExecutionMode(this, mode, props.organization);
  }
}

class ImportedWorkspace extends WorkspaceBase {
  public workspaceId: string = '';
  public readonly workspaceName: string;
  public readonly organization: IOrganization;
  public readonly runWorkflow?: RunWorkflow = undefined;

  constructor(scope: Construct, id: string, organization: IOrganization, workspaceName: string, identity: string, handle: string | undefined) {
    super(scope, id);
    this.organization = organization;
    this.workspaceName = workspaceName;
    setIdentity(this, identity, handle);
  }
}
