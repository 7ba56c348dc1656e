import { Construct, IConstruct } from 'constructs';
import { Entitlement } from './entitlements';
import type { IOrganization } from './organization';
import { markAccessRelevant } from './private/access-hook';
import { adopt, importPart, organizationNameFor, workspaceNameFor } from './private/adoption';
import { requireEntitlement } from './private/entitlements';
import { TerraformStack, TerraformVariable, Token } from './private/framework';
import {
  DataTfeOrganizationRunTask, OrganizationRunTaskGlobalSettings, TfeOrganizationRunTask, WorkspaceRunTask,
} from './private/l1-classes';
import { memoized } from './private/memo';
import { claim, connectionId, identityOf, literalNameOf, sameIdentity, setIdentity, setLiteralName } from './private/registry';
import { checkSecret } from './private/secrets';
import { escapeTemplate, text } from './private/text';
import { httpUrl } from './private/urls';
import {
  checkString, fail, literal, quote, resolveValue, synthProblem, Violation, violation, warn,
} from './private/validation';
import { useWriteOnly } from './private/write-only';
import type { IWorkspace } from './workspace';

/**
 * The points of a run at which a run task is called (the provider's `stages` values).
 */
export enum RunTaskStage {
  /** Before the plan: the task sees the configuration version. */
  PRE_PLAN = 'pre_plan',
  /** After the plan: the task sees the plan (the default). */
  POST_PLAN = 'post_plan',
  /** Before the apply, after confirmation. */
  PRE_APPLY = 'pre_apply',
  /** After the apply. */
  POST_APPLY = 'post_apply',
}

/**
 * What a failed run task does to the run (the provider's `enforcement_level` values).
 */
export enum RunTaskEnforcement {
  /** A failure is shown as a warning; the run goes on. */
  ADVISORY = 'advisory',
  /** A failure stops the run. */
  MANDATORY = 'mandatory',
}

/**
 * A run task of an organization, created here or referenced.
 */
export interface IRunTask extends IConstruct {
  /**
   * The run task's ID (`task-...`).
   * @attribute
   */
  readonly runTaskId: string;

  /**
   * The organization the run task belongs to.
   */
  readonly organization: IOrganization;

  /**
   * Whether the run task is enabled, when this app knows it (undefined for
   * referenced tasks).
   */
  readonly enabled?: boolean;
}

/**
 * Where in a run a task is called and what its failure does.
 */
export interface RunTaskAttachmentOptions {
  /**
   * The stages the task runs in: at least one, each once.
   * @default [RunTaskStage.POST_PLAN]
   */
  readonly stages?: RunTaskStage[];

  /**
   * What a failure of the task does to the run.
   * @default RunTaskEnforcement.ADVISORY
   */
  readonly enforcement?: RunTaskEnforcement;
}

/**
 * Options of a run task that runs in every workspace of the organization
 * (`tfe_organization_run_task_global_settings`).
 */
export interface RunTaskGlobalOptions extends RunTaskAttachmentOptions {
  /**
   * Whether the task runs in every workspace. Set false to keep the settings
   * but stop applying the task globally.
   * @default true
   */
  readonly enabled?: boolean;
}

/**
 * Options for a run task, without the organization.
 */
export interface OrganizationRunTaskOptions {
  /**
   * The run task's name: letters, numbers, `-` and `_`; unique in the organization.
   */
  readonly name: string;

  /**
   * The URL the platform POSTs the run task payload to: http or https
   * (prefer https: the payload carries a token for the run's data).
   */
  readonly url: string;

  /**
   * The key with which the platform signs each payload (HMAC-SHA512, in the
   * `X-TFC-Task-Signature` header), so the service can check it. A secret:
   * pass a sensitive reference, such as a sensitive `TerraformVariable`'s
   * value; a literal, or a variable that is not sensitive, is refused.
   * @default - payloads are not signed
   */
  readonly hmacKey?: string;

  /**
   * Write `hmacKey` to the write-only argument `hmac_key_wo`, so the
   * Terraform state never holds it. Needs Terraform 1.11 or later (the stack
   * declares `required_version ">= 1.11.0"`). Provider 0.71.0 replaces the
   * run task when the key changes (its attachments follow it), and a key read
   * from an ephemeral resource is refused (it would replace the task on every
   * apply).
   * @default false
   */
  readonly hmacKeyWriteOnly?: boolean;

  /**
   * Whether the run task is enabled. A disabled task is not called, in the
   * workspaces it is attached to nor globally.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * A description.
   * @default - none
   */
  readonly description?: string;

  /**
   * Run the task in every workspace of the organization (global run task;
   * needs the `global-run-tasks` entitlement). The same as calling
   * `applyToAllWorkspaces(...)`.
   * @default - the task runs only in the workspaces it is attached to
   */
  readonly allWorkspaces?: RunTaskGlobalOptions;
}

/**
 * Properties of a run task.
 */
export interface OrganizationRunTaskProps extends OrganizationRunTaskOptions {
  /**
   * The organization the run task belongs to.
   */
  readonly organization: IOrganization;
}

/**
 * Properties of a run task's attachment to a workspace.
 */
export interface RunTaskAttachmentProps extends RunTaskAttachmentOptions {
  /**
   * The run task.
   */
  readonly task: IRunTask;

  /**
   * The workspace whose runs call the task.
   */
  readonly workspace: IWorkspace;
}

const NAME = /^[A-Za-z0-9_-]+$/;
const TASK_ID = /^task-[A-Za-z0-9]+$/;

/**
 * A run task of an organization (`tfe_organization_run_task`): an external
 * service the platform calls at given stages of a run (e.g. a security
 * scanner after the plan). Attach it to workspaces with
 * `workspace.addRunTask(task, options)`, to every member of a group with
 * `group.addRunTask(task, options)`, or to every workspace of the
 * organization with `applyToAllWorkspaces(options)`.
 *
 * Needs the `run-tasks` entitlement (global run tasks: `global-run-tasks`).
 *
 * @example
 * const scanner = new OrganizationRunTask(stack, 'Scanner', {
 *   organization: acme,
 *   name: 'security-scanner',
 *   url: 'https://scanner.example.com/tfc',
 *   hmacKey: new TerraformVariable(stack, 'scanner_hmac', { type: 'string', sensitive: true }).stringValue,
 * });
 * api.addRunTask(scanner, { stages: [RunTaskStage.POST_PLAN], enforcement: RunTaskEnforcement.MANDATORY });
 * networking.addRunTask(scanner, { enforcement: RunTaskEnforcement.ADVISORY });
 */
export class OrganizationRunTask extends Construct implements IRunTask {
  /**
   * Looks up an existing run task by name (a `tfe_organization_run_task`
   * data source). Creates nothing.
   */
  public static fromRunTaskName(scope: Construct, id: string, organization: IOrganization, runTaskName: string): IRunTask {
    const task = new ImportedRunTask(scope, id, organization);
    checkString(task, 'The run task name', runTaskName, (v) => nameProblem(v));
    const name = literal(runTaskName);
    setIdentity(task, name !== undefined ? `run-task:${identityOf(organization)}/${name}` : `path:${task.node.path}`, name);
    if (name !== undefined) setLiteralName(task, name);
    const lookup = new DataTfeOrganizationRunTask(task, 'Lookup', { name: runTaskName, organization: organization.organizationName });
    task.runTaskId = lookup.id;
    return task;
  }

  /**
   * References an existing run task by ID (`task-...`). Creates nothing.
   */
  public static fromRunTaskId(scope: Construct, id: string, organization: IOrganization, runTaskId: string): IRunTask {
    const task = new ImportedRunTask(scope, id, organization);
    checkString(task, 'The run task ID', runTaskId, (v) => TASK_ID.test(v) ? undefined
      : violation('TFE-TASK-013', `run task ID ${quote(v)} is not a run task ID: it looks like "task-abc123" (use OrganizationRunTask.fromRunTaskName to look a task up by name).`));
    const literalId = literal(runTaskId);
    setIdentity(task, literalId !== undefined ? `run-task-id:${literalId}` : `path:${task.node.path}`, literalId !== undefined ? `id:${literalId}` : undefined);
    task.runTaskId = runTaskId;
    return task;
  }

  public readonly organization: IOrganization;
  public readonly enabled?: boolean;

  /**
   * The URL the platform calls.
   */
  public readonly url: string;

  private readonly resource: TfeOrganizationRunTask;
  private global?: RunTaskGlobalSettingsRecord;

  constructor(scope: Construct, id: string, props: OrganizationRunTaskProps) {
    super(scope, id);
    this.organization = props.organization;
    this.enabled = props.enabled ?? true;
    this.url = props.url;

    checkString(this, 'The run task name', props.name, (v) => nameProblem(v));
    const name = literal(props.name);
    if (name !== undefined) {
      const holder = claim(this, `run-task-name:${identityOf(props.organization)}`, name);
      if (holder !== undefined) {
        fail(this, 'TFE-TASK-002',
          `run task name ${quote(name)} is already used by ${holder} in organization ${props.organization.node.path}: ` +
          'run task names are unique per organization; choose another name, or attach the existing task.');
      }
      setIdentity(this, `run-task:${identityOf(props.organization)}/${name}`, name);
      setLiteralName(this, name);
    }
    checkString(this, 'The run task URL', props.url, (v) => urlProblem(v));
    if (literal(props.url)?.toLowerCase().startsWith('http:')) {
      warn(this, 'TFE-TASK-004',
        `the run task URL ${quote(props.url)} is plain http: the payload (with its access token for the run's plan) and its HMAC signature travel unencrypted; use https.`);
    }
    checkSecret(this, { what: 'hmacKey', variableName: 'run_task_hmac_key' }, props.hmacKey, false);
    checkSensitiveVariable(this, 'hmacKey', props.hmacKey);
    if (props.hmacKeyWriteOnly) {
      if (props.hmacKey === undefined) {
        fail(this, 'TFE-WO-004', 'hmacKeyWriteOnly is set, but there is no hmacKey to write: give the hmacKey (a sensitive reference), or drop hmacKeyWriteOnly.');
      }
      useWriteOnly(this, 'hmacKey', props.hmacKey);
    }
    requireEntitlement(this, props.organization, Entitlement.RUN_TASKS, 'a run task');
    markAccessRelevant(this);

    this.resource = new TfeOrganizationRunTask(this, 'Resource', {
      name: props.name,
      organization: props.organization.organizationName,
      url: escapeTemplate(props.url),
      hmacKey: props.hmacKeyWriteOnly ? undefined : props.hmacKey,
      hmacKeyWo: props.hmacKeyWriteOnly ? props.hmacKey : undefined,
      enabled: this.enabled,
      description: text(props.description),
      category: 'task',
    });

    if (props.allWorkspaces) this.applyToAllWorkspaces(props.allWorkspaces);
  }

  /**
   * The run task's ID (`task-...`).
   * @attribute
   */
  public get runTaskId(): string {
    return memoized(this, 'runTaskId', () => this.resource.id);
  }

  /**
   * How the task runs in every workspace of the organization, once
   * `applyToAllWorkspaces` (or `allWorkspaces`) was given.
   */
  public get globalSettings(): RunTaskGlobalSettingsRecord | undefined {
    return this.global;
  }

  /**
   * Attaches the task to a workspace (the same as `workspace.addRunTask(this, options)`).
   */
  public attachTo(workspace: IWorkspace, options: RunTaskAttachmentOptions = {}): RunTaskAttachment {
    return RunTaskAttachment._attach(workspace, this, options);
  }

  /**
   * Runs the task in every workspace of the organization
   * (`tfe_organization_run_task_global_settings`, construct id `Global`).
   * Needs the `global-run-tasks` entitlement. A workspace that also has the
   * task attached calls it with its own attachment's settings.
   * @returns the `tfe_organization_run_task_global_settings` resource
   */
  public applyToAllWorkspaces(options: RunTaskGlobalOptions = {}): OrganizationRunTaskGlobalSettings {
    if (this.global) {
      fail(this, 'TFE-TASK-012',
        'the task already runs in every workspace (applyToAllWorkspaces, or allWorkspaces in the props, was given before): ' +
        'a task has one set of global settings; give them once.');
    }
    const stages = checkStages(this, options.stages);
    const enforcement = checkEnforcement(this, options.enforcement);
    const enabled = options.enabled ?? true;
    requireEntitlement(this, this.organization, Entitlement.GLOBAL_RUN_TASKS, 'a run task in every workspace (global run task)');
    if (!this.enabled && enabled) {
      warn(this, 'TFE-TASK-014', 'the task is disabled (enabled: false) but applied to every workspace: a disabled task is never called; enable it, or drop the global settings.');
    }
    const settings = new OrganizationRunTaskGlobalSettings(this, 'Global', {
      taskId: this.runTaskId,
      enabled,
      stages,
      enforcementLevel: enforcement,
    });
    this.global = { stages, enforcement, enabled };
    return settings;
  }

  /**
   * Takes over the run task, which already exists on the platform: the app
   * writes Terraform `import` blocks for its `tfe_organization_run_task` and,
   * when applied to all workspaces, its global settings (import ID
   * `<organization>/<task name>`; both must be literal strings). After the apply that imports it, it is managed exactly like one this app created.
   * The HMAC key cannot be read back: the next apply writes the program's.
   */
  public adoptExisting(): void {
    adopt(this, undefined, (r) => {
      const type = r.terraformResourceType;
      if (type !== 'tfe_organization_run_task' && type !== 'tfe_organization_run_task_global_settings') return undefined;
      return `${organizationNameFor(this, this.organization)}/${importPart(this, 'the run task name', literalNameOf(this))}`;
    });
  }
}

/**
 * How a run task runs in every workspace of its organization.
 */
export interface RunTaskGlobalSettingsRecord {
  /** The stages. */
  readonly stages: RunTaskStage[];
  /** The enforcement level. */
  readonly enforcement: RunTaskEnforcement;
  /** Whether the global settings are in effect. */
  readonly enabled: boolean;
}

class ImportedRunTask extends Construct implements IRunTask {
  public runTaskId = '';
  public readonly organization: IOrganization;
  public readonly enabled?: boolean = undefined;

  constructor(scope: Construct, id: string, organization: IOrganization) {
    super(scope, id);
    this.organization = organization;
  }
}

/**
 * A run task attached to a workspace (`tfe_workspace_run_task`): the
 * workspace's runs call the task at the given stages, with the given
 * enforcement level. Made by `workspace.addRunTask(task, options)` (construct
 * id `RunTask-<task name>` under the workspace).
 *
 * The provider's deprecated `stage` argument is never written: only `stages`.
 */
export class RunTaskAttachment extends Construct {
  /**
   * The attachments made on a workspace, in construct-id order.
   */
  public static attachmentsOn(workspace: IWorkspace): RunTaskAttachment[] {
    return workspace.node.children.filter((c): c is RunTaskAttachment => c instanceof RunTaskAttachment)
      .sort((a, b) => a.node.id.localeCompare(b.node.id));
  }

  /**
   * Attaches `task` to `workspace`, under the workspace.
   * @internal
   */
  public static _attach(workspace: IWorkspace, task: IRunTask, options: RunTaskAttachmentOptions): RunTaskAttachment {
    const id = connectionId('RunTask', task);
    const existing = workspace.node.tryFindChild(id);
    if (existing instanceof RunTaskAttachment || RunTaskAttachment.attachmentsOn(workspace).some((a) => sameIdentity(a.task, task))) {
      fail(workspace, 'TFE-TASK-010',
        `run task ${task.node.path} is already attached to this workspace: a workspace calls each task once; ` +
        'give all the stages in one attachment (stages: [...]), or, for a group member, attach the task on the group or on the member, not both.');
    }
    return new RunTaskAttachment(workspace, id, { ...options, workspace, task });
  }

  /**
   * The run task.
   */
  public readonly task: IRunTask;

  /**
   * The workspace whose runs call the task.
   */
  public readonly workspace: IWorkspace;

  /**
   * The stages the task runs in.
   */
  public readonly stages: RunTaskStage[];

  /**
   * What a failure of the task does to the run.
   */
  public readonly enforcement: RunTaskEnforcement;

  private readonly resource: WorkspaceRunTask;

  constructor(scope: Construct, id: string, props: RunTaskAttachmentProps) {
    super(scope, id);
    this.task = props.task;
    this.workspace = props.workspace;
    if (!sameIdentity(props.task.organization, props.workspace.organization)) {
      fail(this, 'TFE-TASK-011',
        `run task ${props.task.node.path} belongs to another organization than workspace ${props.workspace.node.path}: ` +
        'a workspace calls the run tasks of its own organization; create the task there.');
    }
    this.stages = checkStages(this, props.stages);
    this.enforcement = checkEnforcement(this, props.enforcement);
    requireEntitlement(this, props.workspace.organization, Entitlement.RUN_TASKS, 'a run task attached to a workspace');
    if (props.task.enabled === false) {
      warn(this, 'TFE-TASK-014',
        `run task ${props.task.node.path} is disabled (enabled: false): the workspace never calls it; enable the task, or remove the attachment.`);
    }
    markAccessRelevant(this);
    this.resource = new WorkspaceRunTask(this, 'Resource', {
      workspaceId: props.workspace.workspaceId,
      taskId: props.task.runTaskId,
      enforcementLevel: this.enforcement,
      stages: this.stages,
    });
  }

  /**
   * Takes over the attachment, which already exists on the platform: the app
   * writes a Terraform `import` block for its `tfe_workspace_run_task`
   * (import ID `<organization>/<workspace name>/<task name>`; the names must
   * be literal strings). After the apply that imports it, it is managed exactly like one this app created.
   */
  public adoptExisting(): void {
    adopt(this, undefined, (r) => (r === this.resource
      ? `${organizationNameFor(this, this.workspace.organization)}/${workspaceNameFor(this, this.workspace)}/${importPart(this, `the name of run task ${this.task.node.path}`, literalNameOf(this.task))}`
      : undefined));
  }

  /**
   * The attachment's ID (`wstask-...`).
   * @attribute
   */
  public get attachmentId(): string {
    return memoized(this, 'attachmentId', () => this.resource.id);
  }
}

function nameProblem(value: string): Violation | undefined {
  return NAME.test(value) ? undefined
    : violation('TFE-TASK-001', `run task name ${quote(value)} is invalid: use only letters, numbers, "-" and "_" (and at least one character), e.g. "security-scanner".`);
}

function urlProblem(value: string): Violation | undefined {
  const url = httpUrl(value);
  if (!url) {
    return violation('TFE-TASK-003', `the run task URL ${quote(value)} is not an http(s) URL: write the full URL of the service's endpoint, e.g. "https://scanner.example.com/tfc".`);
  }
  return undefined;
}

const STAGES = Object.values(RunTaskStage) as string[];
const LEVELS = Object.values(RunTaskEnforcement) as string[];

function checkStages(scope: IConstruct, stages: RunTaskStage[] | undefined): RunTaskStage[] {
  if (stages === undefined) return [RunTaskStage.POST_PLAN];
  if (!Array.isArray(stages) || stages.length === 0) {
    fail(scope, 'TFE-TASK-006', `stages is ${quote(stages)}: a run task runs in at least one stage; give e.g. [RunTaskStage.POST_PLAN], or omit stages for post-plan.`);
  }
  const seen = new Set<string>();
  for (const s of stages) {
    if (!STAGES.includes(s)) {
      fail(scope, 'TFE-TASK-007', `stage ${quote(s)} is not a run task stage: use RunTaskStage values (${STAGES.map((x) => quote(x)).join(', ')}).`);
    }
    if (seen.has(s)) fail(scope, 'TFE-TASK-008', `stage ${quote(s)} is listed more than once in stages ${quote(stages)}: list each stage once.`);
    seen.add(s);
  }
  // The platform keeps the stages in run order; so does the synthesized list, whatever order they were given in.
  return STAGES.filter((s) => seen.has(s)) as RunTaskStage[];
}

function checkEnforcement(scope: IConstruct, level: RunTaskEnforcement | undefined): RunTaskEnforcement {
  if (level === undefined) return RunTaskEnforcement.ADVISORY;
  if (!LEVELS.includes(level)) {
    fail(scope, 'TFE-TASK-009', `enforcement ${quote(level)} is not a run task enforcement level: use RunTaskEnforcement.ADVISORY or RunTaskEnforcement.MANDATORY.`);
  }
  return level;
}

/**
 * Fails the synth when `value` is a Terraform variable of `scope`'s stack
 * that is not marked sensitive: its value would show in plans and logs.
 */
function checkSensitiveVariable(scope: IConstruct, prop: string, value: string | undefined): void {
  if (value === undefined || !Token.isUnresolved(value)) return;
  scope.node.addValidation({
    validate: () => {
      const resolved = resolveValue(scope, value);
      const m = typeof resolved === 'string' ? /^\$\{var\.([A-Za-z0-9_-]+)\}$/.exec(resolved) : null;
      if (!m) return [];
      const variable = TerraformStack.of(scope).node.findAll()
        .find((c): c is TerraformVariable => c instanceof TerraformVariable && c.friendlyUniqueId === m[1]);
      if (!variable || variable.sensitive) return [];
      return [synthProblem(violation('TFE-TASK-005',
        `${prop} comes from Terraform variable ${quote(m[1])}, which is not sensitive: its value would show in plans and logs; ` +
        `declare it with sensitive: true (new TerraformVariable(stack, '${m[1]}', { type: 'string', sensitive: true })).`))];
    },
  });
}
