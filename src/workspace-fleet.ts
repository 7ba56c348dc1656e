import * as os from 'os';
import { Construct, IConstruct } from 'constructs';
import { Entitlement } from './entitlements';
import { ExecutionMode } from './execution-mode';
import { IOrganization, Organization } from './organization';
import { markAccessRelevant } from './private/access-hook';
import { requireEntitlement } from './private/entitlements';
import { checkWorkspaceExecutionMode } from './private/execution-mode-rules';
import { ForEachResource, MovedBlock, MovedBlocks, writeBesideStack } from './private/for-each';
import { App, Lazy, makeUniqueId, ref, TerraformLocal, TerraformResource, TerraformStack, Token } from './private/framework';
import { checkForm, groupTagOf } from './private/names';
import { claim, handleOf, identityOf, literalNameOf, sameIdentity, setIdentity, setLiteralName } from './private/registry';
import { fail, literal, quote, safeChildId } from './private/validation';
import { plainVariableKeys, variableId } from './private/variables';
import type { IProject } from './project';
import { RemovalPolicy } from './removal-policy';
import { RunWorkflow } from './run-workflow';
import { ITeam, Team } from './team';
import { Variable, VariableCategory, VariableOptions } from './variable';
import { VariableValue } from './variable-value';
import { Workspace, WorkspaceBase } from './workspace';
import { WorkspaceAccess } from './workspace-access';
import { WorkspaceGrant } from './workspace-grant';

/**
 * A team's access to a workspace of a fleet.
 */
export interface FleetTeamAccess {
  /**
   * The team.
   */
  readonly team: ITeam;

  /**
   * The access level: `WorkspaceAccess.READ`, `PLAN`, `WRITE` or `ADMIN`
   * (custom permissions need a `Workspace`).
   */
  readonly access: WorkspaceAccess;
}

/**
 * Settings of workspaces in a fleet: plain data, the same meaning as the
 * `Workspace` props of the same names.
 */
export interface FleetWorkspaceSettings {
  /**
   * The project.
   * @default - the organization's default project
   */
  readonly project?: IProject;

  /**
   * A description.
   * @default - none
   */
  readonly description?: string;

  /**
   * Tags.
   * @default - none
   */
  readonly tagNames?: string[];

  /**
   * Whether successful plans are applied without confirmation.
   * @default - the platform's default (false)
   */
  readonly autoApply?: boolean;

  /**
   * The Terraform version runs use (an exact version, e.g. `1.9.8`).
   * @default - the platform's default
   */
  readonly terraformVersion?: string;

  /**
   * The directory runs start in, relative to the configuration's root.
   * @default - the root
   */
  readonly workingDirectory?: string;

  /**
   * Where runs execute.
   * @default - the organization's or project's default
   */
  readonly executionMode?: ExecutionMode;

  /**
   * Plain-text Terraform variables, name to value.
   * @default - none
   */
  readonly terraformVariables?: { [key: string]: string };

  /**
   * Plain-text environment variables, name to value.
   * @default - none
   */
  readonly environmentVariables?: { [key: string]: string };

  /**
   * Teams' access, in addition to the fleet's `grantAccess` (a team given
   * here overrides the fleet-wide level for these workspaces).
   * @default - the fleet-wide grants only
   */
  readonly teamAccess?: FleetTeamAccess[];
}

/**
 * One workspace of a fleet.
 */
export interface FleetWorkspace extends FleetWorkspaceSettings {
  /**
   * The workspace name.
   */
  readonly name: string;

  /**
   * The construct path, relative to the stack, of the `Workspace` this
   * workspace was managed by before it joined the fleet (e.g. `Payments/Api`):
   * the fleet then writes `moved` blocks from that construct's addresses, so
   * the switch plans moves only. Keep it until every environment has applied.
   * @default - a new workspace
   */
  readonly movedFrom?: string;
}

/**
 * One member of a prefix family in a fleet: its short name, and settings of
 * its own that override the group's (each given field replaces the group's;
 * tags are added to the group's; a variable or team given here replaces the
 * group's variable with the same key and category, or the group's level for
 * that team).
 */
export interface FleetGroupMember extends FleetWorkspaceSettings {
  /**
   * The short name; the workspace is named prefix + short name.
   */
  readonly shortName: string;
}

/**
 * A prefix family in a fleet, like `WorkspaceGroup`: members named prefix +
 * short name, each tagged with the group tag.
 */
export interface FleetGroup extends FleetWorkspaceSettings {
  /**
   * The common prefix, e.g. `networking-`.
   */
  readonly prefix: string;

  /**
   * The members, e.g. `[{ shortName: "dev" }, { shortName: "prod", autoApply: false }]`.
   */
  readonly members: FleetGroupMember[];

  /**
   * The construct path, relative to the stack, of the `WorkspaceGroup` that
   * managed these members before (e.g. `Networking`): the fleet writes
   * `moved` blocks from its members' addresses.
   * @default - new workspaces
   */
  readonly movedFrom?: string;
}

/**
 * Properties of a workspace fleet.
 */
export interface WorkspaceFleetProps {
  /**
   * The organization the workspaces belong to.
   */
  readonly organization: IOrganization;

  /**
   * Workspaces.
   * @default - none (add them with `addWorkspace`)
   */
  readonly workspaces?: FleetWorkspace[];

  /**
   * Prefix families.
   * @default - none (add them with `addGroup`)
   */
  readonly groups?: FleetGroup[];

  /**
   * What a destroy does to the workspaces (see `RemovalPolicy`).
   * @default RemovalPolicy.PROTECT
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** A workspace's row in the data file. */
interface WorkspaceRow {
  name: string;
  description: string | null;
  project: string | null;
  tag_names: string[] | null;
  auto_apply: boolean | null;
  terraform_version: string | null;
  working_directory: string | null;
  execution_mode: string | null;
  agent_pool: string | null;
  terraform_variables?: { [key: string]: string };
  environment_variables?: { [key: string]: string };
  team_access?: { [team: string]: string };
}

/** What every token cdktf encodes in a string contains. */
const TOKEN_MARKER = 'TfToken[';

/** What the fleet keeps of a workspace. */
interface Entry {
  readonly row: WorkspaceRow;
  /** Own team access (teamAccess), one per team; undefined when none. */
  readonly access?: FleetTeamAccess[];
  /** The plain-text variables, by category. */
  readonly terraformVariables?: { [key: string]: string };
  readonly environmentVariables?: { [key: string]: string };
  /** The previous construct path, split. */
  readonly movedFrom?: string[];
}

/** A team access row. */
interface AccessRow {
  readonly workspace: string;
  readonly team: string;
  readonly access: string;
}

/** A reference (project, team, agent pool) the rows name by key. */
interface Reference {
  readonly key: string;
  readonly id: string;
}

/**
 * Many workspaces as plain data, written compactly: one `tfe_workspace`, one
 * `tfe_workspace_settings`, one `tfe_variable` and one `tfe_team_access`
 * block with `for_each` over the fleet's rows (keyed by workspace name, and
 * `<workspace>/<category>/<key>`, `<workspace>/<team>`), instead of one
 * block per object. The rows go to a JSON file beside `cdk.tf.json` that the
 * configuration reads (`jsondecode(file(...))`); references to projects,
 * teams and agent pools go through a small map in the configuration.
 *
 * The same rules as `Workspace` and `WorkspaceGroup` are checked, and the
 * platform receives the same objects: for organizations of thousands of
 * workspaces, synthesis costs about what writing the data costs.
 * `fleet.workspace(name)` is one member as an `IWorkspace` (for
 * `bindBackend`, run triggers, its own variables and grants, references).
 * `movedFrom` on a workspace or group switches objects managed by a
 * `Workspace` or `WorkspaceGroup` into the fleet with `moved` blocks.
 *
 * Variables are plain text only (a sensitive value must not sit in a data
 * file): give secrets through variable sets, or `fleet.workspace(name).addVariable(...)`.
 *
 * @example
 * const fleet = new WorkspaceFleet(stack, 'Services', { organization: acme });
 * fleet.addGroup({
 *   prefix: 'payments-', members: [{ shortName: 'dev' }, { shortName: 'prod' }], project: payments, terraformVariables: { region: 'eu-west-1' },
 * });
 * fleet.addWorkspace({ name: 'billing', teamAccess: [{ team: developers, access: WorkspaceAccess.WRITE }] });
 * fleet.grantAccess(ops, WorkspaceAccess.READ);
 */
export class WorkspaceFleet extends Construct {
  /**
   * The organization.
   */
  public readonly organization: IOrganization;

  /**
   * What a destroy does to the workspaces.
   */
  public readonly removalPolicy: RemovalPolicy;

  private readonly entries = new Map<string, Entry>();
  private readonly grants = new Map<string, FleetTeamAccess>();
  private readonly projects = new Map<string, Reference>();
  private readonly teams = new Map<string, Reference>();
  private readonly agentPools = new Map<string, Reference>();
  private readonly members = new Map<string, FleetMember>();
  private readonly workspaceResource: ForEachResource;
  private readonly fileName: string;
  private readonly orgIdentity: string;
  private accessRows?: Map<string, AccessRow>;
  private readonly terraformKeys = new Set<string>();
  private readonly envKeys = new Set<string>();
  private readonly checkedTeams = new Map<ITeam, WorkspaceAccess>();
  private entitled = false;

  constructor(scope: Construct, id: string, props: WorkspaceFleetProps) {
    super(scope, id);
    this.organization = props.organization;
    this.orgIdentity = identityOf(props.organization);
    this.removalPolicy = props.removalPolicy ?? RemovalPolicy.PROTECT;
    markAccessRelevant(this);

    const stack = TerraformStack.of(this);
    const components = this.node.scopes.slice(this.node.scopes.indexOf(stack) + 1).map((c) => c.node.id);
    this.fileName = `${makeUniqueId(components)}.fleet.json`;
    const data = new TerraformLocal(this, 'Data', `\${jsondecode(file("\${path.module}/${this.fileName}"))}`);
    const refs = new TerraformLocal(this, 'References', Lazy.anyValue({ produce: () => this.referenceMap() }));
    // The variables and grants are nested in the workspace rows (the user's
    // maps, serialized as they are); Terraform flattens them into the maps the
    // resources iterate, keyed `<workspace>/<category>/<key>` and `<workspace>/<team>`.
    const d = `local.${data.friendlyUniqueId}.workspaces`;
    const variableRows = (field: string, category: string) =>
      `{for k, v in row.${field} : "\${ws}/${category}/\${k}" => {workspace = ws, key = k, value = v, category = "${category}"}}`;
    const variables = new TerraformLocal(this, 'VariableRows',
      `\${merge(concat([{}], [for ws, row in ${d} : merge(${variableRows('terraform_variables', 'terraform')}, ${variableRows('environment_variables', 'env')})])...)}`);
    const access = new TerraformLocal(this, 'AccessRows',
      `\${merge(concat([{}], [for ws, row in ${d} : {for t, a in row.team_access : "\${ws}/\${t}" => {workspace = ws, team = t, access = a}}])...)}`);
    const rows = (table: string) => table === 'workspaces' ? `\${${d}}` : `\${local.${(table === 'variables' ? variables : access).friendlyUniqueId}}`;
    const refOf = (table: string, field: string) =>
      `\${each.value.${field} == null ? null : local.${refs.friendlyUniqueId}.${table}[each.value.${field}]}`;

    // Synthesis fixes the rows (teamAccessRows), after which nothing may be added.
    this.workspaceResource = new ForEachResource(this, 'Workspaces', 'tfe_workspace', rows('workspaces'), () => this.teamAccessRows() && ({
      auto_apply: '${each.value.auto_apply}',
      description: '${each.value.description}',
      force_delete: this.removalPolicy === RemovalPolicy.FORCE_DELETE,
      name: '${each.value.name}',
      organization: this.organization.organizationName,
      project_id: this.projects.size ? refOf('projects', 'project') : undefined,
      queue_all_runs: false,
      tag_names: '${each.value.tag_names}',
      terraform_version: '${each.value.terraform_version}',
      working_directory: '${each.value.working_directory}',
    }), this.removalPolicy === RemovalPolicy.PROTECT ? { preventDestroy: true } : undefined);
    // The members' IDs by name, evaluated once: an instance referring to
    // `tfe_workspace.<fleet>[key]` directly would make Terraform build the
    // whole map of workspaces for each of the thousands of instances.
    const ids = new TerraformLocal(this, 'WorkspaceIds',
      `\${{for name, ws in ${this.workspaceResource.terraformResourceType}.${this.workspaceResource.friendlyUniqueId} : name => ws.id}}`);
    const workspaceId = (keyExpression: string) => `\${local.${ids.friendlyUniqueId}[${keyExpression}]}`;
    new ForEachResource(this, 'Settings', 'tfe_workspace_settings', rows('workspaces'), () => ({
      agent_pool_id: this.agentPools.size ? refOf('agent_pools', 'agent_pool') : undefined,
      execution_mode: '${each.value.execution_mode}',
      global_remote_state: false,
      workspace_id: workspaceId('each.key'),
    }));
    new ForEachResource(this, 'Variables', 'tfe_variable', rows('variables'), () => ({
      category: '${each.value.category}',
      key: '${each.value.key}',
      value: '${each.value.value}',
      workspace_id: workspaceId('each.value.workspace'),
    }));
    new ForEachResource(this, 'Access', 'tfe_team_access', rows('team_access'), () => ({
      access: '${each.value.access}',
      team_id: `\${local.${refs.friendlyUniqueId}.teams[each.value.team]}`,
      workspace_id: workspaceId('each.value.workspace'),
    }));
    new MovedBlocks(this, 'Moved', () => this.movedBlocks());
    writeBesideStack(this, this.fileName, () => `${JSON.stringify({ workspaces: this.rows() })}\n`);

    for (const g of props.groups ?? []) this.addGroup(g);
    for (const w of props.workspaces ?? []) this.addWorkspace(w);
  }

  /**
   * The number of workspaces.
   */
  public get size(): number {
    return this.entries.size;
  }

  /**
   * The workspace names, in the order they were added.
   */
  public get workspaceNames(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * Adds a workspace.
   */
  public addWorkspace(workspace: FleetWorkspace): void {
    this.add(workspace.name, workspace, workspace.tagNames, workspace.movedFrom === undefined ? undefined : this.previousPath(workspace.movedFrom));
  }

  /**
   * Adds a prefix family: one workspace per member, named prefix + short
   * name, tagged with the group tag, as `WorkspaceGroup` makes them.
   * @returns the members' workspace names, in member order
   */
  public addGroup(group: FleetGroup): string[] {
    checkForm(this, 'workspacePrefix', 'The group prefix', group.prefix);
    if (!group.members || group.members.length === 0) {
      fail(this, 'TFE-GRP-001', `group ${quote(group.prefix)} needs at least one member: give members such as [{ shortName: "dev" }, { shortName: "prod" }].`);
    }
    const prefix = this.plain('the group prefix', group.prefix);
    const tag = groupTagOf(prefix);
    const previous = group.movedFrom === undefined ? undefined : this.previousPath(group.movedFrom);
    const seen = new Set<string>();
    const names: string[] = [];
    for (const member of group.members) {
      const shortName = member.shortName;
      checkForm(this, 'memberShortName', 'A member short name', shortName);
      if (seen.has(shortName)) {
        fail(this, 'TFE-GRP-002', `member short name ${quote(shortName)} appears twice in group ${quote(prefix)}: each member needs its own short name.`);
      }
      seen.add(shortName);
      const name = `${prefix}${shortName}`;
      const tags = [...new Set([...(group.tagNames ?? []), ...(member.tagNames ?? []), tag])];
      const settings: FleetWorkspaceSettings = {
        project: member.project ?? group.project,
        description: member.description ?? group.description,
        autoApply: member.autoApply ?? group.autoApply,
        terraformVersion: member.terraformVersion ?? group.terraformVersion,
        workingDirectory: member.workingDirectory ?? group.workingDirectory,
        executionMode: member.executionMode ?? group.executionMode,
        terraformVariables: member.terraformVariables ? { ...group.terraformVariables, ...member.terraformVariables } : group.terraformVariables,
        environmentVariables: member.environmentVariables
          ? { ...group.environmentVariables, ...member.environmentVariables } : group.environmentVariables,
        teamAccess: !member.teamAccess ? group.teamAccess
          : [...(group.teamAccess ?? []).filter((a) => !member.teamAccess!.some((m) => sameIdentity(m.team, a.team))), ...member.teamAccess],
      };
      this.add(name, settings, tags, previous && [...previous, safeChildId(shortName)]);
      names.push(name);
    }
    return names;
  }

  /**
   * Gives a team the same access to every workspace of the fleet, also those
   * added later. A workspace's own `teamAccess` for the team overrides it.
   */
  public grantAccess(team: ITeam, access: WorkspaceAccess): void {
    this.checkTeam(team, access);
    const key = identityOf(team);
    const earlier = this.grants.get(key);
    if (earlier) {
      fail(this, 'TFE-ACCESS-004',
        `team ${team.node.path} already has access to every workspace of this fleet (${earlier.access.level}): a team holds one access level per workspace; ` +
        'remove one of the fleet grants; to give some workspaces another level, give it in their teamAccess.');
    }
    this.grants.set(key, { team, access });
  }

  /**
   * One workspace of the fleet, to reference it (`workspaceId`, backend
   * bindings, run triggers) or give it what the fleet's rows do not hold
   * (sensitive variables, notifications, custom access).
   */
  public workspace(name: string): WorkspaceBase {
    let member = this.members.get(name);
    if (member) return member;
    if (!this.entries.has(name)) {
      const known = this.workspaceNames;
      fail(this, 'TFE-FLEET-003',
        `the fleet has no workspace ${quote(name)}: ${known.length ? `its workspaces include ${known.slice(0, 5).map((n) => quote(n)).join(', ')}${known.length > 5 ? ', ...' : ''}` : 'it has none yet'}.`);
    }
    member = new FleetMember(this, safeChildId(name), this, name,
      ref(`${this.workspaceResource.instanceAddress(name)}.id`, TerraformStack.of(this)).toString());
    this.members.set(name, member);
    return member;
  }

  /** @internal */
  public _variableRowOf(workspace: string, category: string, key: string): boolean {
    const e = this.entries.get(workspace);
    const values = category === VariableCategory.ENV ? e?.environmentVariables : e?.terraformVariables;
    return values !== undefined && Object.prototype.hasOwnProperty.call(values, key);
  }

  private add(name: string, settings: FleetWorkspaceSettings, tagNames: string[] | undefined, movedFrom?: string[]): void {
    if (this.accessRows) {
      fail(this, 'TFE-FLEET-005', `workspace ${quote(name)} is added after the fleet was synthesized: add every workspace before app.synth().`);
    }
    checkForm(this, 'workspace', 'The workspace name', name);
    this.plain('the workspace name', name);
    const holder = claim(this, `workspace-name:${this.orgIdentity}`, name);
    if (holder !== undefined) {
      fail(this, 'TFE-WS-001',
        `workspace name ${quote(name)} is already used by ${holder} in organization ${this.organization.node.path}: ` +
        'workspace names are unique per organization (a group member is named prefix + short name); choose another name.');
    }
    if (!this.entitled) {
      requireEntitlement(this, this.organization, Entitlement.STATE_STORAGE, 'a workspace');
      this.entitled = true;
    }
    for (const tag of tagNames ?? []) checkForm(this, 'tag', 'A tag name', tag);
    const mode = settings.executionMode;
    if (mode) checkWorkspaceExecutionMode(this, mode, this.organization);
    const project = settings.project;
    if (project && !sameIdentity(project.organization, this.organization)) {
      fail(this, 'TFE-WS-002', `project ${project.node.path} belongs to another organization than workspace ${quote(name)}: put the workspace in a project of its organization.`);
    }
    const row: WorkspaceRow = {
      name,
      description: this.optional('the description', settings.description),
      project: project ? this.reference(this.projects, project, () => project.projectId) : null,
      tag_names: tagNames && tagNames.length ? tagNames.map((t) => this.plain('a tag name', t)) : null,
      auto_apply: settings.autoApply ?? null,
      terraform_version: this.optional('the Terraform version', settings.terraformVersion),
      working_directory: this.optional('the working directory', settings.workingDirectory),
      execution_mode: mode ? mode.mode : null,
      agent_pool: mode?.agentPool ? this.reference(this.agentPools, mode.agentPool, () => mode.agentPool!.agentPoolId) : null,
    };
    let access: FleetTeamAccess[] | undefined;
    for (const a of settings.teamAccess ?? []) {
      this.checkTeam(a.team, a.access);
      if (access?.some((b) => sameIdentity(a.team, b.team))) {
        fail(this, 'TFE-ACCESS-002',
          `team ${a.team.node.path} is given twice in the teamAccess of workspace ${quote(name)}: a team holds one access level per workspace; give it once.`);
      }
      (access ??= []).push(a);
    }
    const where = () => `workspace ${quote(name)}`;
    for (const [field, category, values] of [
      ['terraformVariables', VariableCategory.TERRAFORM, settings.terraformVariables],
      ['environmentVariables', VariableCategory.ENV, settings.environmentVariables],
    ] as const) {
      const form = category === VariableCategory.ENV ? 'environmentVariable' : 'terraformVariable';
      const accepted = category === VariableCategory.ENV ? this.envKeys : this.terraformKeys;
      for (const key of plainVariableKeys(this, where, field, values)) {
        // Fleets repeat the same keys across workspaces: each is checked once.
        if (!accepted.has(key)) {
          checkForm(this, form, 'The variable key', key);
          accepted.add(key);
        }
        const value = values![key];
        if (value.includes(TOKEN_MARKER)) this.plain(`variable ${quote(key)} of workspace ${quote(name)}`, value);
      }
    }
    this.entries.set(name, {
      row,
      access,
      terraformVariables: settings.terraformVariables,
      environmentVariables: settings.environmentVariables,
      movedFrom,
    });
  }

  /** A value the data file holds: a literal string (the file holds no references). */
  private plain(what: string, value: string): string {
    // Literal strings without a token marker are the common case: skip the token scan.
    if ((typeof value !== 'string' || value.includes(TOKEN_MARKER)) && Token.isUnresolved(value)) {
      fail(this, 'TFE-FLEET-002',
        `${what} is a reference, but a fleet's rows are plain data written to a file, which holds no references: ` +
        'give the literal value, or use a Workspace for this workspace.');
    }
    return value;
  }

  private optional(what: string, value: string | undefined): string | null {
    return value === undefined ? null : this.plain(what, value);
  }

  private checkTeam(team: ITeam, access: WorkspaceAccess): void {
    const checked = this.checkedTeams.get(team);
    if (checked === access) return;
    if (!sameIdentity(team.organization, this.organization)) {
      fail(this, 'TFE-ACCESS-001',
        `team ${team.node.path} belongs to organization ${quote(identityOf(team.organization))}, but this fleet belongs to ` +
        `${quote(this.orgIdentity)}: grant access to a team of the fleet's organization.`);
    }
    if (access.level === 'custom') {
      fail(this, 'TFE-FLEET-001',
        `team ${team.node.path} is given custom permissions, but a fleet's rows hold access levels only: use READ, PLAN, WRITE or ADMIN, ` +
        'or grant the custom access on the member: fleet.workspace(name).grantAccess(team, WorkspaceAccess.custom(...)).');
    }
    requireEntitlement(this, this.organization, Entitlement.TEAMS, `team access for ${team.node.path}`);
    this.reference(this.teams, team, () => team.teamId);
    this.checkedTeams.set(team, access);
  }

  /** The key rows use for a project, team or agent pool: its literal name, else its position. */
  private reference(table: Map<string, Reference>, target: IConstruct, id: () => string): string {
    const identity = identityOf(target);
    const known = table.get(identity);
    if (known) return known.key;
    const name = handleOf(target);
    const taken = new Set([...table.values()].map((r) => r.key));
    const key = name !== undefined && !taken.has(name) ? name : `#${table.size}`;
    table.set(identity, { key, id: id() });
    return key;
  }

  private referenceMap(): Record<string, Record<string, string>> {
    const map = (t: Map<string, Reference>) => Object.fromEntries([...t.values()].map((r) => [r.key, r.id]));
    return { projects: map(this.projects), teams: map(this.teams), agent_pools: map(this.agentPools) };
  }

  /** The data file's rows, by workspace name, with their variables and team access. */
  private rows(): { [name: string]: WorkspaceRow } {
    const access = new Map<string, { [team: string]: string }>();
    for (const r of this.teamAccessRows().values()) {
      let of = access.get(r.workspace);
      if (!of) access.set(r.workspace, of = {});
      of[r.team] = r.access;
    }
    const out: { [name: string]: WorkspaceRow } = {};
    for (const [name, e] of this.entries) {
      e.row.terraform_variables = e.terraformVariables ?? {};
      e.row.environment_variables = e.environmentVariables ?? {};
      e.row.team_access = access.get(name) ?? {};
      out[name] = e.row;
    }
    return out;
  }

  /** The team access rows, computed once at synthesis (fleet grants, overridden per workspace). */
  private teamAccessRows(): Map<string, AccessRow> {
    if (this.accessRows) return this.accessRows;
    const rows = new Map<string, AccessRow>();
    const teamKey = (t: ITeam) => this.teams.get(identityOf(t))!.key;
    const fleetWide = [...this.grants.values()];
    for (const [name, e] of this.entries) {
      const member = this.members.get(name);
      const own = member ? WorkspaceGrant.grantsOn(member) : [];
      const levels = e.access ? [...fleetWide.filter((g) => !e.access!.some((a) => sameIdentity(a.team, g.team))), ...e.access] : fleetWide;
      for (const a of levels) {
        const clash = own.find((g) => sameIdentity(g.team, a.team));
        if (clash) {
          fail(member!, 'TFE-ACCESS-002',
            `team ${a.team.node.path} already has access to this workspace through the fleet's rows (${a.access.level}), and ${clash.node.path} grants it again: ` +
            'a team holds one access level per workspace; remove one of the grants.');
        }
        const key = teamKey(a.team);
        rows.set(`${name}/${key}`, { workspace: name, team: key, access: a.access.level });
      }
    }
    this.accessRows = rows;
    return rows;
  }

  private previousPath(path: string): string[] {
    const parts = path.split('/');
    if (path === '' || parts.some((p) => p === '')) {
      fail(this, 'TFE-MOVE-001', `previous path ${quote(path)} is not a construct path: give the construct ids from the stack down, separated by "/", e.g. "Acme/Api".`);
    }
    return parts;
  }

  /**
   * `moved` blocks from the addresses a `Workspace` at the previous path gave
   * the same objects: computed by building that workspace, with the same
   * variables and grants, in a scratch app.
   */
  private movedBlocks(): MovedBlock[] {
    const moving = [...this.entries].filter(([, e]) => e.movedFrom);
    if (!moving.length) return [];
    const orgName = literalNameOf(this.organization);
    if (orgName === undefined) {
      fail(this, 'TFE-FLEET-004', 'movedFrom needs the organization\'s literal name (the previous addresses of grants name it): give the organization a literal name.');
    }
    const access = this.teamAccessRows();
    const scratchStack = new TerraformStack(new App({ skipValidation: true, outdir: os.tmpdir() }), 'scratch');
    const org = Organization.fromOrganizationName(scratchStack, 'Organization', orgName);
    const teams = new Map<string, ITeam>();
    const teamOf = (key: string): ITeam => {
      let t = teams.get(key);
      if (t) return t;
      const real = [...this.grants.values(), ...[...this.entries.values()].flatMap((e) => e.access ?? [])]
        .find((a) => this.teams.get(identityOf(a.team))!.key === key)!.team;
      const handle = handleOf(real);
      if (handle === undefined) {
        fail(this, 'TFE-FLEET-004',
          `movedFrom needs the literal name or ID of team ${real.node.path} (the previous address of its grant names it): give the team a literal name.`);
      }
      t = handle.startsWith('id:')
        ? Team.fromTeamId(scratchStack, `Team${teams.size}`, org, handle.slice(3))
        : Team.fromTeamName(scratchStack, `Team${teams.size}`, org, handle);
      teams.set(key, t);
      return t;
    };
    const instance = (id: string, key: string) => (this.node.findChild(id) as ForEachResource).instanceAddress(key);
    const blocks: MovedBlock[] = [];
    for (const [name, e] of moving) {
      let scope: Construct = scratchStack;
      const path = e.movedFrom!;
      for (const part of path.slice(0, -1)) scope = (scope.node.tryFindChild(part) as Construct) ?? new Construct(scope, part);
      const ws = new Workspace(scope, path[path.length - 1], { organization: org, name });
      const maps = [[VariableCategory.TERRAFORM, e.terraformVariables], [VariableCategory.ENV, e.environmentVariables]] as const;
      for (const [category, values] of maps) {
        for (const key of Object.keys(values ?? {})) {
          const options = { key, category, value: VariableValue.string('') };
          ws.addVariable(variableId(options), options);
        }
      }
      const grantsOf = [...access.values()].filter((r) => r.workspace === name);
      for (const r of grantsOf) ws.grantAccess(teamOf(r.team), LEVELS[r.access]);
      for (const r of ws.node.findAll()) {
        if (r instanceof Variable) {
          blocks.push({ from: `tfe_variable.${r.friendlyUniqueId}`, to: instance('Variables', `${name}/${r.category}/${r.key}`) });
        } else if (r instanceof TerraformResource && r.terraformResourceType === 'tfe_workspace') {
          blocks.push({ from: `tfe_workspace.${r.friendlyUniqueId}`, to: instance('Workspaces', name) });
        } else if (r instanceof TerraformResource && r.terraformResourceType === 'tfe_workspace_settings') {
          blocks.push({ from: `tfe_workspace_settings.${r.friendlyUniqueId}`, to: instance('Settings', name) });
        }
      }
      for (const g of WorkspaceGrant.grantsOn(ws)) {
        const key = [...teams].find(([, t]) => t === g.team)![0];
        blocks.push({ from: `tfe_team_access.${g.friendlyUniqueId}`, to: instance('Access', `${name}/${key}`) });
      }
    }
    return blocks;
  }
}

/** The access levels a fleet's rows hold, by name. */
const LEVELS: Record<string, WorkspaceAccess> = {
  read: WorkspaceAccess.READ, plan: WorkspaceAccess.PLAN, write: WorkspaceAccess.WRITE, admin: WorkspaceAccess.ADMIN,
};

/**
 * One workspace of a fleet, as an `IWorkspace`.
 */
class FleetMember extends WorkspaceBase {
  public readonly workspaceName: string;
  public readonly organization: IOrganization;
  public readonly runWorkflow?: RunWorkflow = undefined;

  constructor(scope: Construct, id: string, private readonly fleet: WorkspaceFleet, name: string, public readonly workspaceId: string) {
    super(scope, id);
    this.workspaceName = name;
    this.organization = fleet.organization;
    setIdentity(this, `workspace:${identityOf(fleet.organization)}/${name}`, name);
    setLiteralName(this, name);
  }

  public addVariable(id: string, options: VariableOptions): Variable {
    const category = options.category ?? VariableCategory.TERRAFORM;
    const key = literal(options.key);
    if (key !== undefined && this.fleet._variableRowOf(this.workspaceName, category, key)) {
      fail(this, 'TFE-VAR-005',
        `${category} variable key ${quote(key)} is already given to this workspace by the fleet's rows: keys are unique per workspace and category ` +
        '(the API refuses duplicates); remove one of the variables or rename it.');
    }
    return super.addVariable(id, options);
  }
}
