import { TeamAccess } from '@cdktf/provider-tfe/lib/team-access';
import { TerraformBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Backend, BackendBindingOptions } from './backend';
import type { IOrganization } from './organization';
import { checkString, fail, literal, quote, safeChildId } from './private/validation';
import type { ITeam } from './team';
import { Variable, VariableCategory, VariableOptions } from './variable';
import { VariableSet } from './variable-set';
import { Workspace, WorkspaceSettingsOptions } from './workspace';
import { WorkspaceAccess } from './workspace-access';

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
}

/**
 * Properties of a workspace group.
 */
export interface WorkspaceGroupProps {
  /**
   * The organization the members belong to.
   */
  readonly organization: IOrganization;

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
    checkString(this, 'The group prefix', props.prefix, (p) =>
      /^[A-Za-z0-9_-]+$/.test(p) ? undefined : `prefix ${quote(p)} is invalid: a workspace name prefix has only letters, numbers, "-" and "_".`,
    );
    if (!props.members || props.members.length === 0) {
      fail(this, 'a workspace group needs at least one member: give members such as [{ shortName: "dev" }, { shortName: "prod" }].');
    }
    const prefix = literal(props.prefix) ?? '';
    this.groupTag = prefix.replace(/[-_:]+$/, '').toLowerCase().replace(/[^a-z0-9_:-]/g, '-') || 'group';

    if (props.sharedVariablesAsVariableSet && (props.variables ?? []).length > 0) {
      this.variableSet = new VariableSet(this, 'SharedVariables', {
        organization: props.organization,
        name: `${prefix}shared`,
        description: `Variables shared by the ${prefix}* workspaces`,
      });
      for (const v of props.variables ?? []) this.variableSet.addVariable(variableId(v), v);
    }

    const sharedTags = props.settings?.tagNames ?? [];
    for (const member of props.members) {
      const shortName = member.shortName;
      checkString(this, 'A member short name', shortName, (s) => {
        if (s === '') return 'a member short name is empty: give each member a name such as "dev".';
        if (s === 'default') {
          return 'member short name "default" is not usable: in prefix mode the remote backend disables the "default" workspace; choose another short name.';
        }
        return /^[A-Za-z0-9_-]+$/.test(s) ? undefined : `member short name ${quote(s)} is invalid: use only letters, numbers, "-" and "_".`;
      });
      if (this.byShortName.has(shortName)) {
        fail(this, `member short name ${quote(shortName)} appears twice: each member needs its own short name.`);
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

      const own = member.variables ?? [];
      const overridden = new Set(own.map(variableKey));
      if (this.variableSet) {
        ws.addVariableSet(this.variableSet);
      } else {
        for (const v of props.variables ?? []) {
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
      fail(this, `the group has no member ${quote(shortName)}: its members are ${this.shortNames.map((s) => quote(s)).join(', ')}.`);
    }
    return ws;
  }

  /**
   * Gives a team the same access to every member.
   * @returns the `tfe_team_access` resources created, in member order
   */
  public grantAccess(team: ITeam, access: WorkspaceAccess): TeamAccess[] {
    return this.members.map((m) => m.grantAccess(team, access));
  }

  /**
   * Adds a variable to every member.
   * @returns the variables created, in member order
   */
  public addVariable(id: string, options: VariableOptions): Variable[] {
    return this.members.map((m) => m.addVariable(id, options));
  }

  /**
   * Binds a consumer stack to the whole family (see `Backend.forWorkspaceGroup`).
   */
  public bindBackend(stack: TerraformStack, options: BackendBindingOptions = {}): TerraformBackend {
    return Backend.forWorkspaceGroup(stack, this, options);
  }
}

function variableKey(v: VariableOptions): string {
  return `${v.category ?? VariableCategory.TERRAFORM}:${v.key}`;
}

function variableId(v: VariableOptions): string {
  return `${v.category ?? VariableCategory.TERRAFORM}-${v.key}`.replace(/\//g, '-');
}
