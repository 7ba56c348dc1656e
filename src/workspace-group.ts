import { Construct } from 'constructs';
import { Backend, BackendBindingOptions } from './backend';
import type { DynamicCredentials } from './dynamic-credentials';
import type { IOrganization } from './organization';
import { TerraformBackend, TerraformStack } from './private/framework';
import { checkForm, groupTagOf } from './private/names';
import { fail, literal, quote, safeChildId } from './private/validation';
import { collectVariables, variableId, variableKey } from './private/variables';
import { IRunTask, RunTaskAttachment, RunTaskAttachmentOptions } from './run-task';
import type { ITeam } from './team';
import { Variable, VariableOptions } from './variable';
import { VariableSet } from './variable-set';
import { Workspace, WorkspaceSettingsOptions } from './workspace';
import { WorkspaceAccess } from './workspace-access';
import { WorkspaceGrant } from './workspace-grant';

/**
 * One member of a workspace group.
 */
export interface WorkspaceGroupMember {
  /**
   * The short name, the one users type (`terraform workspace select dev`);
   * the workspace is named prefix + short name.
   */
  readonly shortName: string;

  /**
   * Settings of this member that override the group's shared settings
   * (each given field replaces the shared one).
   * @default - the shared settings
   */
  readonly settings?: WorkspaceSettingsOptions;

  /**
   * Variables of this member only. A variable with the same key and category
   * as a shared one overrides it for this member.
   * @default - none
   */
  readonly variables?: VariableOptions[];

  /**
   * Plain-text Terraform variables of this member only, name to value (a
   * shared variable with the same name is overridden): the same as entries of
   * `variables` with `VariableValue.string(value)`, as plain data. The
   * cheapest way to give many variables (one props object, no value object
   * per variable, which matters most from Python, Java and Go).
   * @default - none
   */
  readonly terraformVariables?: { [key: string]: string };

  /**
   * Plain-text environment variables of this member only, name to value:
   * the same as entries of `variables` with `VariableValue.string(value)` and
   * `category: VariableCategory.ENV`.
   * @default - none
   */
  readonly environmentVariables?: { [key: string]: string };
}

/**
 * Properties of a workspace group, without its organization (see
 * `ShardedPlatform.addWorkspaceGroup`, which gives it).
 */
export interface WorkspaceGroupOptions {
  /**
   * The common prefix of the members' names, e.g. `networking-`.
   */
  readonly prefix: string;

  /**
   * The members, in promotion order (e.g. dev, staging, prod).
   */
  readonly members: WorkspaceGroupMember[];

  /**
   * Settings every member shares.
   * @default - the workspace defaults
   */
  readonly settings?: WorkspaceSettingsOptions;

  /**
   * Variables every member gets.
   * @default - none
   */
  readonly variables?: VariableOptions[];

  /**
   * Plain-text Terraform variables every member gets, name to value: the
   * same as entries of `variables` with `VariableValue.string(value)`, as plain data. The
   * cheapest way to give many variables (one props object, no value object
   * per variable, which matters most from Python, Java and Go).
   * @default - none
   */
  readonly terraformVariables?: { [key: string]: string };

  /**
   * Plain-text environment variables every member gets, name to value: the
   * same as entries of `variables` with `VariableValue.string(value)` and
   * `category: VariableCategory.ENV`.
   * @default - none
   */
  readonly environmentVariables?: { [key: string]: string };

  /**
   * Put the shared variables in one variable set applied to every member,
   * instead of one copy per member. Fewer resources (and API calls) for large
   * groups. Precedence stays the same: a member's own variable with the same
   * key wins over the set's (workspace variables beat non-priority sets).
   * @default false
   */
  readonly sharedVariablesAsVariableSet?: boolean;

  /**
   * Promote by run triggers: an apply in each member queues a run in the next
   * one (dev -> staging -> prod).
   * @default false
   */
  readonly promotion?: boolean;
}

/**
 * Properties of a workspace group.
 */
export interface WorkspaceGroupProps extends WorkspaceGroupOptions {
  /**
   * The organization the members belong to.
   */
  readonly organization: IOrganization;
}

/**
 * A prefix family of workspaces, like `networking-dev`, `networking-staging`
 * and `networking-prod`, with shared settings and variables, per-member
 * overrides, optional promotion by run triggers, and one call to grant a team
 * access to every member. Bind a consumer stack to the whole family with
 * `bindBackend` (the `remote` backend's `prefix`).
 *
 * @example
 * const networking = new WorkspaceGroup(stack, 'Networking', {
 *   organization: acme,
 *   prefix: 'networking-',
 *   members: [{ shortName: 'dev' }, { shortName: 'staging' }, { shortName: 'prod', settings: { autoApply: false } }],
 *   settings: { autoApply: true, project: platform },
 *   promotion: true,
 * });
 * networking.grantAccess(ops, WorkspaceAccess.WRITE);
 */
export class WorkspaceGroup extends Construct {
  /**
   * The prefix.
   */
  public readonly prefix: string;

  /**
   * The organization.
   */
  public readonly organization: IOrganization;

  /**
   * The members, in promotion order.
   */
  public readonly members: Workspace[] = [];

  /**
   * The tag every member carries, which the `cloud` block selects the family by
   * (the prefix without its trailing separator, lowercased).
   */
  public readonly groupTag: string;

  /**
   * The variable set holding the shared variables, with `sharedVariablesAsVariableSet`.
   */
  public readonly variableSet?: VariableSet;

  private readonly byShortName = new Map<string, Workspace>();

  constructor(scope: Construct, id: string, props: WorkspaceGroupProps) {
    super(scope, id);
    this.prefix = props.prefix;
    this.organization = props.organization;
    checkForm(this, 'workspacePrefix', 'The group prefix', props.prefix);
    if (!props.members || props.members.length === 0) {
      fail(this, 'TFE-GRP-001', 'a workspace group needs at least one member: give members such as [{ shortName: "dev" }, { shortName: "prod" }].');
    }
    const prefix = literal(props.prefix) ?? '';
    this.groupTag = groupTagOf(prefix);

    const shared = collectVariables(this, 'the shared variables', props);
    if (props.sharedVariablesAsVariableSet && shared.length > 0) {
      this.variableSet = new VariableSet(this, 'SharedVariables', {
        organization: props.organization,
        name: `${prefix}shared`,
        description: `Variables shared by the ${prefix}* workspaces`,
      });
      for (const v of shared) this.variableSet.addVariable(variableId(v), v);
    }

    const sharedTags = props.settings?.tagNames ?? [];
    for (const member of props.members) {
      const shortName = member.shortName;
      checkForm(this, 'memberShortName', 'A member short name', shortName);
      if (this.byShortName.has(shortName)) {
        fail(this, 'TFE-GRP-002', `member short name ${quote(shortName)} appears twice: each member needs its own short name.`);
      }
      const settings: WorkspaceSettingsOptions = { ...props.settings, ...member.settings };
      const tagNames = [...new Set([...sharedTags, ...(member.settings?.tagNames ?? []), this.groupTag])];
      const ws = new Workspace(this, safeChildId(shortName), {
        ...settings,
        tagNames,
        organization: props.organization,
        name: `${props.prefix}${shortName}`,
      });
      this.members.push(ws);
      this.byShortName.set(shortName, ws);

      const own = collectVariables(this, `member ${quote(shortName)}`, member);
      const overridden = new Set(own.map(variableKey));
      if (this.variableSet) {
        ws.addVariableSet(this.variableSet);
      } else {
        for (const v of shared) {
          if (!overridden.has(variableKey(v))) ws.addVariable(variableId(v), v);
        }
      }
      for (const v of own) ws.addVariable(variableId(v), v);
    }

    if (props.promotion) {
      for (let i = 1; i < this.members.length; i++) this.members[i].triggeredBy(this.members[i - 1]);
    }
  }

  /**
   * The short names, in promotion order.
   */
  public get shortNames(): string[] {
    return [...this.byShortName.keys()];
  }

  /**
   * The member with the given short name.
   */
  public member(shortName: string): Workspace {
    const ws = this.byShortName.get(shortName);
    if (!ws) {
      fail(this, 'TFE-GRP-003', `the group has no member ${quote(shortName)}: its members are ${this.shortNames.map((s) => quote(s)).join(', ')}.`);
    }
    return ws;
  }

  /**
   * Gives a team the same access to every member.
   *
   * A member's own grant for the same team (`group.member('prod').grantAccess(team, ...)`)
   * overrides this one for that member, whether it is made before or after:
   * each member has one `tfe_team_access` per team, with the member's level
   * where it has its own grant and this level elsewhere.
   *
   * @returns the grant on each member, in member order (for a member with
   *          its own grant for the team, that grant)
   */
  public grantAccess(team: ITeam, access: WorkspaceAccess): WorkspaceGrant[] {
    for (const m of this.members) {
      const earlier = WorkspaceGrant._grantOf(m, team);
      if (earlier?._groupScope === this) {
        fail(this, 'TFE-ACCESS-004',
          `team ${team.node.path} already has access to every member of this group (${earlier.node.path}, ...): a team holds one access level per workspace; ` +
          'remove one of the group grants; to give one member another level, grant it on that member: group.member(shortName).grantAccess(team, access).');
      }
    }
    return this.members.map((m) => m._grantFromGroup(this, team, access));
  }

  /**
   * Adds a variable to every member.
   * @returns the variables created, in member order
   */
  public addVariable(id: string, options: VariableOptions): Variable[] {
    return this.members.map((m) => m.addVariable(id, options));
  }

  /**
   * Writes dynamic provider credentials on every member (the same as
   * `member.addDynamicCredentials(credentials)` on each).
   */
  public addDynamicCredentials(credentials: DynamicCredentials): void {
    for (const m of this.members) m.addDynamicCredentials(credentials);
  }

  /**
   * Calls a run task in every member's runs, with the same stages and
   * enforcement level (the same as `member.addRunTask(task, options)` on
   * each member). A member calls each task once: attaching the task on the
   * group and on a member is an error.
   * @returns the attachment on each member, in member order
   */
  public addRunTask(task: IRunTask, options: RunTaskAttachmentOptions = {}): RunTaskAttachment[] {
    return this.members.map((m) => m.addRunTask(task, options));
  }

  /**
   * Binds a consumer stack to the whole family (see `Backend.forWorkspaceGroup`).
   */
  public bindBackend(stack: TerraformStack, options: BackendBindingOptions = {}): TerraformBackend {
    return Backend.forWorkspaceGroup(stack, this, options);
  }
}
