/**
 * Turns a snapshot of an organization (see `reader.ts`) into a program that
 * uses this library's constructs and adopts every object it describes: a
 * language-neutral list of statements (rendered by `render.ts`) plus the
 * facts of the report (`report.ts`).
 *
 * Each construct gets the props that reproduce what the API answered,
 * leaving out values equal to what the construct writes by default, so that
 * the first plan shows imports only. Objects the library cannot express are
 * named in a comment where they would be and in the report.
 */
import { NotificationTrigger } from '../../notification';
import { WorkspaceRunsPermission, WorkspaceSentinelMocksPermission, WorkspaceStateVersionsPermission, WorkspaceVariablesPermission } from '../../project-access';
import { formProblem } from '../names';
import { pascal } from '../text';
import { ApiObject } from './api-client';
import { Snapshot } from './reader';

// --- The statements ------------------------------------------------------------------------

export type Expr =
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'bool'; readonly v: boolean }
  /** A variable of the program, by its TypeScript (camelCase) name. */
  | { readonly k: 'var'; readonly name: string }
  /** A class (or enum) of the library or of cdktf, by name. */
  | { readonly k: 'cls'; readonly name: string }
  | { readonly k: 'new'; readonly cls: string; readonly args: Expr[] }
  | { readonly k: 'call'; readonly target: Expr; readonly method: string; readonly args: Expr[] }
  | { readonly k: 'prop'; readonly target: Expr; readonly name: string }
  /** A jsii struct (an object literal in TypeScript, keyword arguments or the struct class in Python). */
  | { readonly k: 'struct'; readonly type: string; readonly fields: [string, Expr][] }
  /** A map of strings to values (keys kept as they are). */
  | { readonly k: 'map'; readonly entries: [string, Expr][] }
  | { readonly k: 'list'; readonly items: Expr[] };

export type Stmt =
  | { readonly k: 'let'; readonly name: string; readonly expr: Expr }
  | { readonly k: 'do'; readonly expr: Expr }
  | { readonly k: 'comment'; readonly lines: string[] }
  | { readonly k: 'section'; readonly title: string };

const str = (v: string): Expr => ({ k: 'str', v });
const bool = (v: boolean): Expr => ({ k: 'bool', v });
const num = (v: number): Expr => ({ k: 'num', v });
const v = (name: string): Expr => ({ k: 'var', name });
const cls = (name: string): Expr => ({ k: 'cls', name });
const call = (target: Expr, method: string, ...args: Expr[]): Expr => ({ k: 'call', target, method, args });
const make = (c: string, ...args: Expr[]): Expr => ({ k: 'new', cls: c, args });
const prop = (target: Expr, name: string): Expr => ({ k: 'prop', target, name });
const struct = (type: string, fields: [string, Expr | undefined][]): Expr => ({ k: 'struct', type, fields: fields.filter((f): f is [string, Expr] => f[1] !== undefined) });
const list = (items: Expr[]): Expr => ({ k: 'list', items });
const enumOf = (c: string, member: string): Expr => prop(cls(c), member);

// --- What the report needs ------------------------------------------------------------------

export interface SensitiveInput {
  /** The Terraform variable to set (`TF_VAR_<name>`). */
  readonly variable: string;
  /** What it holds. */
  readonly holds: string;
}

export interface ProgramPlan {
  readonly statements: Stmt[];
  /** The library's classes and enums the program uses. */
  readonly imports: Set<string>;
  /** Objects adopted, per type (the resource types of their import blocks). */
  readonly adopted: Map<string, number>;
  readonly sensitiveInputs: SensitiveInput[];
  /** Objects read but not expressed: what and why. */
  readonly notExpressed: { readonly what: string; readonly why: string }[];
  /** Objects referenced, not managed. */
  readonly referenced: { readonly what: string; readonly why: string }[];
  /** Workspace families written as groups: prefix and member count. */
  readonly groups: { readonly prefix: string; readonly members: number }[];
  readonly organization: string;
  readonly hostname: string;
}

export interface PlanOptions {
  /** Write prefix families as `WorkspaceGroup`s (default true). */
  readonly groups?: boolean;
}

// --- Names ----------------------------------------------------------------------------------

function camel(name: string): string {
  const p = pascal(name);
  return p[0].toLowerCase() + p.slice(1);
}

/** Hands out names unique in one scope. */
class Names {
  private readonly used = new Set<string>();
  constructor(reserved: string[] = []) {
    for (const r of reserved) this.used.add(r.toLowerCase());
  }

  public take(base: string): string {
    let name = base;
    for (let i = 2; this.used.has(name.toLowerCase()); i++) name = `${base}${i}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

// --- Helpers over the API's objects ---------------------------------------------------------

const attr = (o: ApiObject, name: string): any => o.attributes?.[name];
const relId = (o: ApiObject, name: string): string | undefined => {
  const data = o.relationships?.[name]?.data;
  return data && !Array.isArray(data) ? data.id : undefined;
};
const relIds = (o: ApiObject, name: string): string[] => {
  const data = o.relationships?.[name]?.data;
  return Array.isArray(data) ? data.map((d: any) => d.id) : [];
};
const nonEmpty = (s: unknown): s is string => typeof s === 'string' && s !== '';

function enumMember(e: Record<string, string>, value: string): string | undefined {
  return Object.keys(e).find((k) => e[k] === value);
}

/** The tag a `WorkspaceGroup` gives its members, for a prefix (see workspace-group.ts). */
export function groupTagOf(prefix: string): string {
  return prefix.replace(/[-_:]+$/, '').toLowerCase().replace(/[^a-z0-9_:-]/g, '-') || 'group';
}

/** A workspace's settings as props: name to expression, plus a canonical text per prop to compare members. */
interface WorkspaceSettings {
  readonly props: Map<string, { readonly expr: Expr; readonly key: string }>;
  readonly tags: string[];
}

// --- The planner ----------------------------------------------------------------------------

export function planProgram(snapshot: Snapshot, options: PlanOptions = {}): ProgramPlan {
  const org = snapshot.organization;
  const orgName: string = org.id ?? attr(org, 'name');
  const statements: Stmt[] = [];
  const imports = new Set<string>();
  const adopted = new Map<string, number>();
  const sensitiveInputs: SensitiveInput[] = [];
  const notExpressed: { what: string; why: string }[] = [];
  const referenced: { what: string; why: string }[] = [];
  const groups: { prefix: string; members: number }[] = [];
  const vars = new Names(['app', 'stack', 'org', 'provider']);
  const ids = new Names(['tfe', 'Organization']);
  const tfVars = new Names();
  const use = (...names: string[]) => names.forEach((n) => imports.add(n));
  const count = (type: string, n = 1) => adopted.set(type, (adopted.get(type) ?? 0) + n);
  const emit = (s: Stmt) => statements.push(s);
  const comment = (...lines: string[]) => emit({ k: 'comment', lines });
  const let_ = (base: string, expr: Expr): Expr => {
    const name = vars.take(base);
    emit({ k: 'let', name, expr });
    return v(name);
  };
  const doIt = (expr: Expr) => emit({ k: 'do', expr });
  const secretInput = (base: string, holds: string): Expr => {
    const name = tfVars.take(base.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^([0-9])/, '_$1'));
    sensitiveInputs.push({ variable: name, holds });
    use('TerraformVariable');
    const input = let_(camel(`${name}-input`), make('TerraformVariable', v('stack'), str(name), struct('TerraformVariableConfig', [
      ['type', str('string')], ['sensitive', bool(true)], ['description', str(holds)],
    ])));
    return prop(input, 'stringValue');
  };

  // The organization.
  emit({ k: 'section', title: `Organization ${orgName}` });
  use('Organization');
  const orgSettings: [string, Expr | undefined][] = [['name', str(orgName)], ['email', str(attr(org, 'email') ?? '')]];
  const authPolicy = attr(org, 'collaborator-auth-policy');
  if (authPolicy && authPolicy !== 'password') {
    use('CollaboratorAuthPolicy');
    orgSettings.push(['collaboratorAuthPolicy', enumOf('CollaboratorAuthPolicy', 'TWO_FACTOR_MANDATORY')]);
  }
  for (const [api, key] of [['session-timeout', 'sessionTimeoutMinutes'], ['session-remember', 'sessionRememberMinutes']]) {
    const val = attr(org, api);
    if (typeof val === 'number' && val !== 20160) orgSettings.push([key, num(val)]);
  }
  for (const [api, key] of [['assessments-enforced', 'assessmentsEnforced'], ['allow-force-delete-workspaces', 'allowForceDeleteWorkspaces'],
    ['send-passing-statuses-for-untriggered-speculative-plans', 'sendPassingStatusesForUntriggeredSpeculativePlans']]) {
    if (attr(org, api) === true) orgSettings.push([key, bool(true)]);
  }
  const samlRole = attr(org, 'owners-team-saml-role-id');
  if (nonEmpty(samlRole) && samlRole !== '-') orgSettings.push(['ownersTeamSamlRoleId', str(samlRole)]);
  emit({ k: 'let', name: 'org', expr: make('Organization', v('stack'), str('Organization'), struct('OrganizationProps', orgSettings)) });
  doIt(call(v('org'), 'adoptExisting'));
  count('tfe_organization');
  const orgVar = v('org');

  // Organization memberships (adopted when a team lists them).
  const membershipById = new Map(snapshot.memberships.map((m) => [m.id, m]));
  const memberVars = new Map<string, Expr>();
  const memberFor = (membershipId: string): Expr | undefined => {
    if (memberVars.has(membershipId)) return memberVars.get(membershipId);
    const m = membershipById.get(membershipId);
    const email = m ? attr(m, 'email') : undefined;
    if (!m || !nonEmpty(email)) return undefined;
    const member = let_(`${camel(email.split('@')[0])}Member`, call(orgVar, 'inviteMember', str(ids.take(`Member${pascal(email.split('@')[0])}`)),
      struct('OrganizationMemberOptions', [['email', str(email)]])));
    doIt(call(member, 'adoptExisting', str(membershipId)));
    count('tfe_organization_membership');
    memberVars.set(membershipId, member);
    return member;
  };

  // Teams.
  const teamVars = new Map<string, Expr>();
  if (snapshot.teams.length) emit({ k: 'section', title: 'Teams' });
  for (const team of [...snapshot.teams].sort(byName)) {
    const name: string = attr(team, 'name');
    if (name === 'owners') {
      use('Team');
      teamVars.set(team.id, let_('ownersTeam', call(cls('Team'), 'fromTeamId', v('stack'), str(ids.take('Owners')), orgVar, str(team.id))));
      referenced.push({ what: 'team owners', why: 'the built-in owners team cannot be managed; it is referenced by ID' });
      continue;
    }
    if (formProblem('team', name)) {
      notExpressed.push({ what: `team ${name}`, why: formProblem('team', name)!.detail });
      comment(`team ${JSON.stringify(name)} (${team.id}) is not expressed: ${formProblem('team', name)!.detail}`);
      continue;
    }
    use('Team');
    const props: [string, Expr | undefined][] = [['organization', orgVar], ['name', str(name)]];
    if (attr(team, 'visibility') === 'organization') {
      use('TeamVisibility');
      props.push(['visibility', enumOf('TeamVisibility', 'ORGANIZATION')]);
    }
    if (nonEmpty(attr(team, 'sso-team-id'))) props.push(['ssoTeamId', str(attr(team, 'sso-team-id'))]);
    const access = attr(team, 'organization-access') ?? {};
    const flags: [string, Expr][] = Object.keys(access).filter((k) => access[k] === true).sort()
      .map((k) => [k.replace(/-([a-z])/g, (_, c) => c.toUpperCase()), bool(true)]);
    if (flags.length) {
      use('OrganizationAccess');
      props.push(['organizationAccess', call(cls('OrganizationAccess'), 'custom', struct('OrganizationAccessFlags', flags))]);
    }
    if (attr(team, 'allow-member-token-management') === false) props.push(['allowMemberTokenManagement', bool(false)]);
    const teamVar = let_(`${camel(name)}Team`, make('Team', v('stack'), str(ids.take(`${pascal(name)}Team`)), struct('TeamProps', props)));
    doIt(call(teamVar, 'adoptExisting', str(team.id)));
    count('tfe_team');
    teamVars.set(team.id, teamVar);
    const members = relIds(team, 'organization-memberships');
    const memberExprs = members.map(memberFor).filter((m): m is Expr => m !== undefined);
    for (const m of memberExprs) doIt(call(teamVar, 'addMember', m));
    if (memberExprs.length) count('tfe_team_organization_members');
    const tokens = snapshot.teamTokens.get(team.id) ?? 0;
    if (tokens > 0) {
      referenced.push({ what: `team ${name}: ${tokens} token${tokens === 1 ? '' : 's'}`, why: 'a token\'s secret cannot be read back; keep the tokens as they are, or add new ones with team.addToken and revoke the old' });
      comment(`team ${name} has ${tokens} API token${tokens === 1 ? '' : 's'}: not adopted (their secrets cannot be read back).`);
    }
  }

  // Projects.
  const projectVars = new Map<string, Expr>();
  const projects = [...snapshot.projects].sort(byName);
  if (projects.length) emit({ k: 'section', title: 'Projects' });
  for (const project of projects) {
    const name: string = attr(project, 'name');
    if (name === 'Default Project' || attr(project, 'default') === true || attr(project, 'is-default') === true) {
      referenced.push({ what: `project ${name}`, why: 'the default project cannot be deleted; its workspaces are written without a project' });
      continue;
    }
    use('Project');
    const props: [string, Expr | undefined][] = [['organization', orgVar], ['name', str(name)]];
    if (nonEmpty(attr(project, 'description'))) props.push(['description', str(attr(project, 'description'))]);
    if (nonEmpty(attr(project, 'auto-destroy-activity-duration'))) props.push(['autoDestroyActivityDuration', str(attr(project, 'auto-destroy-activity-duration'))]);
    const projectVar = let_(`${camel(name)}Project`, make('Project', v('stack'), str(ids.take(`${pascal(name)}Project`)), struct('ProjectProps', props)));
    doIt(call(projectVar, 'adoptExisting', str(project.id)));
    count('tfe_project');
    projectVars.set(project.id, projectVar);
  }
  for (const grant of [...snapshot.teamProjects].sort((a, b) => a.id.localeCompare(b.id))) {
    const projectVar = projectVars.get(relId(grant, 'project') ?? '');
    const teamVar = teamVars.get(relId(grant, 'team') ?? '');
    const level: string = attr(grant, 'access');
    if (!projectVar || !teamVar) continue;
    if (!['read', 'write', 'maintain', 'admin'].includes(level)) {
      notExpressed.push({ what: `team project access ${grant.id} (${level})`, why: 'custom project access is not written by the generator; grant it with ProjectAccess.custom(...) by hand' });
      comment(`team project access ${grant.id} (${level}) is not expressed: write it with ProjectAccess.custom(...) and importFrom('${grant.id}').`);
      continue;
    }
    use('ProjectAccess');
    doIt(call(call(projectVar, 'grantAccess', teamVar, enumOf('ProjectAccess', level.toUpperCase())), 'importFrom', str(grant.id)));
    count('tfe_team_project_access');
  }

  // Agent pools.
  const poolVars = new Map<string, Expr>();
  if (snapshot.agentPools.length) emit({ k: 'section', title: 'Agent pools' });
  for (const pool of [...snapshot.agentPools].sort(byName)) {
    use('AgentPool');
    const scoped = attr(pool, 'organization-scoped') !== false;
    const poolVar = let_(`${camel(attr(pool, 'name'))}Pool`, make('AgentPool', v('stack'), str(ids.take(`${pascal(attr(pool, 'name'))}Pool`)), struct('AgentPoolProps', [
      ['organization', orgVar], ['name', str(attr(pool, 'name'))], ['organizationScoped', scoped ? undefined : bool(false)],
    ])));
    doIt(call(poolVar, 'adoptExisting', str(pool.id)));
    count('tfe_agent_pool');
    poolVars.set(pool.id, poolVar);
  }

  // VCS connections, by reference.
  const tokenVars = new Map<string, Expr>();
  const connectionFor = (vcs: any): Expr | undefined => {
    const tokenId: string | undefined = vcs['oauth-token-id'];
    const appId: string | undefined = vcs['github-app-installation-id'];
    const key = tokenId ?? appId;
    if (!key) return undefined;
    if (!tokenVars.has(key)) {
      if (tokenId) {
        use('OAuthClient');
        const client = snapshot.oauthClients.find((c) => relIds(c, 'oauth-tokens').includes(tokenId));
        const label = client ? attr(client, 'name') ?? attr(client, 'service-provider') ?? tokenId : tokenId;
        tokenVars.set(key, let_(`${camel(String(label))}Connection`, call(cls('OAuthClient'), 'fromOAuthTokenId', v('stack'), str(ids.take(`${pascal(String(label))}Connection`)), orgVar, str(tokenId))));
        referenced.push({ what: `OAuth client ${label} (${tokenId})`, why: 'OAuth clients are referenced by their token ID: provider 0.71.0 cannot import tfe_oauth_client' });
      } else {
        use('GitHubAppInstallation');
        tokenVars.set(key, let_('githubApp', call(cls('GitHubAppInstallation'), 'fromGithubAppInstallationId', v('stack'), str(ids.take('GitHubApp')), str(appId!))));
        referenced.push({ what: `GitHub App installation ${appId}`, why: 'installations are made in the UI; referenced by ID' });
      }
    }
    return tokenVars.get(key);
  };

  // Workspaces: settings first, then families.
  const workspaces = [...snapshot.workspaces].sort(byName);
  const settingsOf = new Map<string, WorkspaceSettings>();
  for (const ws of workspaces) settingsOf.set(ws.id, workspaceSettings(ws, { projectVars, poolVars, connectionFor, use, notExpressed }));
  const families = options.groups === false ? [] : findFamilies(workspaces, settingsOf);
  const wsVars = new Map<string, Expr>();
  if (workspaces.length) emit({ k: 'section', title: 'Workspaces' });
  const inFamily = new Set(families.flatMap((f) => f.members.map((m) => m.ws.id)));
  for (const family of families) {
    use('WorkspaceGroup');
    groups.push({ prefix: family.prefix, members: family.members.length });
    const memberSettings = family.members.map((m) => settingsOf.get(m.ws.id)!);
    const first = memberSettings[0].props;
    const sharedKeys = [...first.keys()].filter((k) => memberSettings.every((s) => s.props.get(k)?.key === first.get(k)!.key));
    const groupTag = groupTagOf(family.prefix);
    const sharedTags = memberSettings[0].tags.filter((t) => t !== groupTag && memberSettings.every((s) => s.tags.includes(t)));
    const settingsStruct = (s: WorkspaceSettings, keys: string[], tags: string[]): Expr | undefined => {
      const fields: [string, Expr][] = keys.map((k) => [k, s.props.get(k)!.expr]);
      if (tags.length) fields.push(['tagNames', list(tags.map(str))]);
      return fields.length ? struct('WorkspaceSettingsOptions', fields.sort(([a], [b]) => a.localeCompare(b))) : undefined;
    };
    const members = family.members.map((m, i) => {
      const own = memberSettings[i];
      const keys = [...own.props.keys()].filter((k) => !sharedKeys.includes(k));
      const tags = own.tags.filter((t) => t !== groupTag && !sharedTags.includes(t));
      return struct('WorkspaceGroupMember', [['shortName', str(m.shortName)], ['settings', settingsStruct(own, keys, tags)]]);
    });
    const groupVar = let_(`${camel(family.prefix)}Group`, make('WorkspaceGroup', v('stack'), str(ids.take(`${pascal(family.prefix)}Group`)), struct('WorkspaceGroupProps', [
      ['organization', orgVar], ['prefix', str(family.prefix)], ['members', list(members)],
      ['settings', settingsStruct(memberSettings[0], sharedKeys, sharedTags)],
    ])));
    for (const m of family.members) {
      const memberVar = let_(camel(attr(m.ws, 'name')), call(groupVar, 'member', str(m.shortName)));
      doIt(call(memberVar, 'adoptExisting', str(m.ws.id)));
      count('tfe_workspace');
      count('tfe_workspace_settings');
      wsVars.set(m.ws.id, memberVar);
    }
  }
  for (const ws of workspaces) {
    if (inFamily.has(ws.id)) continue;
    const name: string = attr(ws, 'name');
    if (formProblem('workspace', name)) {
      notExpressed.push({ what: `workspace ${name}`, why: formProblem('workspace', name)!.detail });
      continue;
    }
    use('Workspace');
    const s = settingsOf.get(ws.id)!;
    const fields: [string, Expr][] = [['organization', orgVar], ['name', str(name)], ...[...s.props].map(([k, p]): [string, Expr] => [k, p.expr])];
    if (s.tags.length) fields.push(['tagNames', list(s.tags.map(str))]);
    const wsVar = let_(camel(name), make('Workspace', v('stack'), str(ids.take(pascal(name))), struct('WorkspaceProps', fields)));
    doIt(call(wsVar, 'adoptExisting', str(ws.id)));
    count('tfe_workspace');
    count('tfe_workspace_settings');
    wsVars.set(ws.id, wsVar);
  }
  for (const pool of [...snapshot.agentPools].sort(byName)) {
    const poolVar = poolVars.get(pool.id)!;
    if (attr(pool, 'organization-scoped') === false) {
      for (const wsId of relIds(pool, 'allowed-workspaces')) {
        if (wsVars.has(wsId)) doIt(call(poolVar, 'allowWorkspace', wsVars.get(wsId)!));
      }
      if (relIds(pool, 'allowed-workspaces').length) count('tfe_agent_pool_allowed_workspaces');
    }
  }

  // Variables of workspaces.
  const wsName = new Map(workspaces.map((w) => [w.id, attr(w, 'name') as string]));
  for (const ws of workspaces) {
    const wsVar = wsVars.get(ws.id);
    const list_ = snapshot.workspaceVars.get(ws.id) ?? [];
    if (!wsVar || !list_.length) continue;
    const localIds = new Names();
    for (const variable of [...list_].sort((a, b) => `${attr(a, 'category')}/${attr(a, 'key')}`.localeCompare(`${attr(b, 'category')}/${attr(b, 'key')}`))) {
      const opts = variableOptions(variable, `${wsName.get(ws.id)}_${attr(variable, 'key')}`, `variable ${attr(variable, 'key')} of workspace ${wsName.get(ws.id)}`);
      if (!opts) continue;
      doIt(call(call(wsVar, 'addVariable', str(localIds.take(variableConstructId(variable))), opts), 'adoptExisting', str(variable.id)));
      count('tfe_variable');
    }
  }

  // Team access.
  for (const grant of [...snapshot.teamAccess].sort((a, b) => a.id.localeCompare(b.id))) {
    const wsVar = wsVars.get(relId(grant, 'workspace') ?? '');
    const teamVar = teamVars.get(relId(grant, 'team') ?? '');
    if (!wsVar || !teamVar) continue;
    const level: string = attr(grant, 'access');
    use('WorkspaceAccess');
    let access: Expr;
    if (level === 'custom') {
      use('WorkspaceRunsPermission', 'WorkspaceVariablesPermission', 'WorkspaceStateVersionsPermission', 'WorkspaceSentinelMocksPermission');
      const perms: [string, Expr | undefined][] = [
        ['runs', permission('WorkspaceRunsPermission', WorkspaceRunsPermission, attr(grant, 'runs'))],
        ['variables', permission('WorkspaceVariablesPermission', WorkspaceVariablesPermission, attr(grant, 'variables'))],
        ['stateVersions', permission('WorkspaceStateVersionsPermission', WorkspaceStateVersionsPermission, attr(grant, 'state-versions'))],
        ['sentinelMocks', permission('WorkspaceSentinelMocksPermission', WorkspaceSentinelMocksPermission, attr(grant, 'sentinel-mocks'))],
        ['workspaceLocking', typeof attr(grant, 'workspace-locking') === 'boolean' ? bool(attr(grant, 'workspace-locking')) : undefined],
        ['runTasks', typeof attr(grant, 'run-tasks') === 'boolean' ? bool(attr(grant, 'run-tasks')) : undefined],
      ];
      access = call(cls('WorkspaceAccess'), 'custom', struct('WorkspacePermissions', perms));
    } else {
      access = enumOf('WorkspaceAccess', level.toUpperCase());
    }
    doIt(call(call(wsVar, 'grantAccess', teamVar, access), 'adoptExisting', str(grant.id)));
    count('tfe_team_access');
  }

  // Run triggers.
  for (const trigger of [...snapshot.runTriggers].sort((a, b) => a.id.localeCompare(b.id))) {
    const target = wsVars.get(relId(trigger, 'workspace') ?? '');
    const source = wsVars.get(relId(trigger, 'sourceable') ?? '');
    if (!target || !source) continue;
    doIt(call(call(target, 'triggeredBy', source), 'importFrom', str(trigger.id)));
    count('tfe_run_trigger');
  }

  // Notifications.
  for (const ws of workspaces) {
    const wsVar = wsVars.get(ws.id);
    const configs = snapshot.notifications.get(ws.id) ?? [];
    if (!wsVar) continue;
    const localIds = new Names();
    for (const n of [...configs].sort(byName)) {
      const name: string = attr(n, 'name');
      const type: string = attr(n, 'destination-type');
      let destination: Expr | undefined;
      use('NotificationDestination');
      if (type === 'email') {
        const users = relIds(n, 'users');
        destination = call(cls('NotificationDestination'), 'email', struct('EmailDestinationOptions', [
          ['emailAddresses', (attr(n, 'email-addresses') ?? []).length ? list(attr(n, 'email-addresses').map(str)) : undefined],
          ['users', users.length ? list(users.map(str)) : undefined],
        ]));
      } else if (type === 'slack' || type === 'microsoft-teams') {
        const url = secretInput(`${wsName.get(ws.id)}_${name}_url`, `the ${type === 'slack' ? 'Slack' : 'Microsoft Teams'} webhook URL of notification ${name} on workspace ${wsName.get(ws.id)}`);
        destination = call(cls('NotificationDestination'), type === 'slack' ? 'slack' : 'microsoftTeams', url);
      } else if (type === 'generic') {
        destination = call(cls('NotificationDestination'), 'generic', str(attr(n, 'url')));
      }
      if (!destination) {
        notExpressed.push({ what: `notification ${name} of workspace ${wsName.get(ws.id)}`, why: `destination type ${type} is not known to the library` });
        continue;
      }
      const triggers = (attr(n, 'triggers') ?? []).map((t: string) => enumMember(NotificationTrigger as any, t)).filter(Boolean);
      use('NotificationTrigger');
      const notification = call(wsVar, 'addNotification', str(localIds.take(pascal(name))), struct('NotificationOptions', [
        ['name', str(name)], ['destination', destination],
        ['triggers', list(triggers.map((t: string) => enumOf('NotificationTrigger', t)))],
        ['enabled', attr(n, 'enabled') === false ? bool(false) : undefined],
      ]));
      doIt(call(notification, 'adoptExisting', str(n.id)));
      count('tfe_notification_configuration');
    }
  }

  // Variable sets.
  const sets = [...snapshot.variableSets].sort(byName);
  if (sets.length) emit({ k: 'section', title: 'Variable sets' });
  for (const set of sets) {
    const name: string = attr(set, 'name');
    use('VariableSet');
    const setVar = let_(`${camel(name)}VariableSet`, make('VariableSet', v('stack'), str(ids.take(`${pascal(name)}VariableSet`)), struct('VariableSetProps', [
      ['organization', orgVar], ['name', str(name)],
      ['description', nonEmpty(attr(set, 'description')) ? str(attr(set, 'description')) : undefined],
      ['allWorkspaces', attr(set, 'global') === true ? bool(true) : undefined],
      ['priority', attr(set, 'priority') === true ? bool(true) : undefined],
    ])));
    doIt(call(setVar, 'adoptExisting', str(set.id)));
    count('tfe_variable_set');
    const localIds = new Names();
    for (const variable of [...(snapshot.variableSetVars.get(set.id) ?? [])].sort((a, b) => a.id.localeCompare(b.id))) {
      const opts = variableOptions(variable, `${name}_${attr(variable, 'key')}`, `variable ${attr(variable, 'key')} of variable set ${name}`);
      if (!opts) continue;
      doIt(call(call(setVar, 'addVariable', str(localIds.take(variableConstructId(variable))), opts), 'adoptExisting', str(variable.id)));
      count('tfe_variable');
    }
    if (attr(set, 'global') !== true) {
      for (const wsId of relIds(set, 'workspaces')) {
        const wsVar = wsVars.get(wsId);
        if (!wsVar) continue;
        doIt(call(call(setVar, 'applyToWorkspace', wsVar), 'importFrom', str(`${orgName}/${wsName.get(wsId)}/${name}`)));
        count('tfe_workspace_variable_set');
      }
      for (const prjId of relIds(set, 'projects')) {
        const prjVar = projectVars.get(prjId);
        if (!prjVar) continue;
        doIt(call(call(setVar, 'applyToProject', prjVar), 'importFrom', str(`${orgName}/${prjId}/${name}`)));
        count('tfe_project_variable_set');
      }
    }
  }

  // Policies and policy sets.
  const policyVars = new Map<string, Expr>();
  const policies = [...snapshot.policies].sort(byName);
  if (policies.length || snapshot.policySets.length) emit({ k: 'section', title: 'Policies' });
  for (const policy of policies) {
    const name: string = attr(policy, 'name');
    const code = snapshot.policyCode.get(policy.id);
    const kind: string = attr(policy, 'kind') ?? 'sentinel';
    if (code === undefined) {
      notExpressed.push({ what: `policy ${name}`, why: 'its code could not be downloaded' });
      comment(`policy ${name} (${policy.id}) is not expressed: its code could not be downloaded.`);
      continue;
    }
    use('Policy', 'PolicyKind', 'PolicySource', 'EnforcementLevel');
    const level: string = attr(policy, 'enforcement-level') ?? attr(policy, 'enforce')?.[0]?.mode ?? 'advisory';
    const levelMember = `${kind === 'opa' ? 'OPA' : 'SENTINEL'}_${level.toUpperCase().replace(/-/g, '_')}`;
    const policyVar = let_(`${camel(name)}Policy`, make('Policy', v('stack'), str(ids.take(`${pascal(name)}Policy`)), struct('PolicyProps', [
      ['organization', orgVar], ['name', str(name)],
      ['description', nonEmpty(attr(policy, 'description')) ? str(attr(policy, 'description')) : undefined],
      ['kind', enumOf('PolicyKind', kind === 'opa' ? 'OPA' : 'SENTINEL')],
      ['source', call(cls('PolicySource'), 'inline', str(code))],
      ['query', nonEmpty(attr(policy, 'query')) ? str(attr(policy, 'query')) : undefined],
      ['enforcementLevel', enumOf('EnforcementLevel', levelMember)],
    ])));
    doIt(call(policyVar, 'adoptExisting', str(policy.id)));
    count('tfe_policy');
    policyVars.set(policy.id, policyVar);
  }
  for (const set of [...snapshot.policySets].sort(byName)) {
    const name: string = attr(set, 'name');
    if (attr(set, 'vcs-repo')) {
      notExpressed.push({ what: `policy set ${name}`, why: 'VCS-backed policy sets are not written by the generator; write it with PolicySet({ vcs: ... }) and adoptExisting(\'' + set.id + '\')' });
      comment(`policy set ${name} (${set.id}) reads its policies from VCS: not expressed.`);
      continue;
    }
    use('PolicySet', 'PolicyKind');
    const members = relIds(set, 'policies').map((id) => policyVars.get(id)).filter((p): p is Expr => p !== undefined);
    const setVar = let_(`${camel(name)}PolicySet`, make('PolicySet', v('stack'), str(ids.take(`${pascal(name)}PolicySet`)), struct('PolicySetProps', [
      ['organization', orgVar], ['name', str(name)],
      ['description', nonEmpty(attr(set, 'description')) ? str(attr(set, 'description')) : undefined],
      ['kind', enumOf('PolicyKind', attr(set, 'kind') === 'opa' ? 'OPA' : 'SENTINEL')],
      ['appliesToAllWorkspaces', attr(set, 'global') === true ? bool(true) : undefined],
      ['overridable', attr(set, 'overridable') === true ? bool(true) : undefined],
      ['policies', members.length ? list(members) : undefined],
    ])));
    doIt(call(setVar, 'adoptExisting', str(set.id)));
    count('tfe_policy_set');
    for (const wsId of relIds(set, 'workspaces')) {
      if (!wsVars.has(wsId)) continue;
      doIt(call(call(setVar, 'attachTo', wsVars.get(wsId)!), 'importFrom', str(`${orgName}/${wsName.get(wsId)}/${name}`)));
      count('tfe_workspace_policy_set');
    }
    for (const prjId of relIds(set, 'projects')) {
      if (!projectVars.has(prjId)) continue;
      doIt(call(call(setVar, 'attachToProject', projectVars.get(prjId)!), 'importFrom', str(`${orgName}/${prjId}/${name}`)));
      count('tfe_project_policy_set');
    }
    for (const wsId of relIds(set, 'workspace-exclusions')) {
      if (!wsVars.has(wsId)) continue;
      doIt(call(call(setVar, 'exclude', wsVars.get(wsId)!), 'importFrom', str(`${orgName}/${wsName.get(wsId)}/${name}`)));
      count('tfe_workspace_policy_set_exclusion');
    }
  }

  for (const s of snapshot.skipped) notExpressed.push({ what: `all ${s.type}`, why: `not read: ${s.reason}` });
  return { statements, imports, adopted, sensitiveInputs, notExpressed, referenced, groups, organization: orgName, hostname: snapshot.hostname };

  function variableOptions(variable: ApiObject, inputBase: string, what: string): Expr | undefined {
    use('VariableValue');
    const key: string = attr(variable, 'key');
    const env = attr(variable, 'category') === 'env';
    const hcl = attr(variable, 'hcl') === true;
    const sensitive = attr(variable, 'sensitive') === true;
    let value: Expr;
    if (sensitive) {
      if (hcl) {
        notExpressed.push({ what, why: 'a sensitive HCL variable: its value cannot be read back, and the library writes references as strings' });
        comment(`${what} (${variable.id}) is not expressed: sensitive HCL.`);
        return undefined;
      }
      value = call(cls('VariableValue'), 'fromReference', secretInput(inputBase, `the value of ${what}`));
    } else {
      const text: string = attr(variable, 'value') ?? '';
      value = call(cls('VariableValue'), hcl ? 'hcl' : 'string', str(text));
    }
    if (env) use('VariableCategory');
    return struct('VariableOptions', [
      ['key', str(key)],
      ['value', value],
      ['category', env ? enumOf('VariableCategory', 'ENV') : undefined],
      ['description', nonEmpty(attr(variable, 'description')) ? str(attr(variable, 'description')) : undefined],
      ['sensitive', sensitive ? bool(true) : undefined],
      // The value of a sensitive variable cannot be read back: the import keeps the platform's.
      ['initialValueOnly', sensitive ? bool(true) : undefined],
    ]);
  }
}

function permission(enumName: string, e: Record<string, string>, value: unknown): Expr | undefined {
  if (typeof value !== 'string') return undefined;
  const member = enumMember(e, value);
  return member ? enumOf(enumName, member) : undefined;
}

function variableConstructId(variable: ApiObject): string {
  return `${pascal(attr(variable, 'key'))}${attr(variable, 'category') === 'env' ? 'Env' : ''}`;
}

function byName(a: ApiObject, b: ApiObject): number {
  return String(attr(a, 'name')).localeCompare(String(attr(b, 'name')));
}

interface Helpers {
  readonly projectVars: Map<string, Expr>;
  readonly poolVars: Map<string, Expr>;
  readonly connectionFor: (vcs: any) => Expr | undefined;
  readonly use: (...names: string[]) => void;
  readonly notExpressed: { what: string; why: string }[];
}

/** A workspace's props, leaving out what the construct writes by default. */
function workspaceSettings(ws: ApiObject, h: Helpers): WorkspaceSettings {
  const props = new Map<string, { expr: Expr; key: string }>();
  const set = (key: string, expr: Expr, canonical: unknown) => props.set(key, { expr, key: JSON.stringify(canonical) });
  const flag = (api: string, key: string, libraryDefault: boolean) => {
    const val = attr(ws, api);
    if (typeof val === 'boolean' && val !== libraryDefault) set(key, bool(val), val);
  };
  const text = (api: string, key: string) => {
    const val = attr(ws, api);
    if (nonEmpty(val)) set(key, str(val), val);
  };
  text('description', 'description');
  flag('auto-apply', 'autoApply', false);
  flag('auto-apply-run-trigger', 'autoApplyRunTrigger', false);
  flag('allow-destroy-plan', 'allowDestroyPlan', true);
  flag('assessments-enabled', 'assessmentsEnabled', false);
  flag('queue-all-runs', 'queueAllRuns', false);
  flag('speculative-enabled', 'speculativeEnabled', true);
  flag('structured-run-output-enabled', 'structuredRunOutputEnabled', true);
  flag('global-remote-state', 'globalRemoteState', false);
  text('terraform-version', 'terraformVersion');
  text('working-directory', 'workingDirectory');
  text('auto-destroy-at', 'autoDestroyAt');
  text('auto-destroy-activity-duration', 'autoDestroyActivityDuration');

  const projectId = relId(ws, 'project');
  if (projectId && h.projectVars.has(projectId)) set('project', h.projectVars.get(projectId)!, projectId);

  const mode: string | undefined = attr(ws, 'execution-mode');
  const overwrites = attr(ws, 'setting-overwrites');
  const poolId = relId(ws, 'agent-pool');
  if (mode === 'agent' && poolId && h.poolVars.has(poolId)) {
    h.use('ExecutionMode');
    set('executionMode', call(cls('ExecutionMode'), 'agent', h.poolVars.get(poolId)!), `agent:${poolId}`);
  } else if (mode === 'local' || (mode === 'remote' && overwrites?.['execution-mode'] === true)) {
    h.use('ExecutionMode');
    set('executionMode', call(cls('ExecutionMode'), mode), mode);
  }

  const vcs = attr(ws, 'vcs-repo');
  if (vcs && vcs.identifier) {
    const connection = h.connectionFor(vcs);
    if (connection) {
      h.use('RunWorkflow');
      const tagsRegex: string | undefined = nonEmpty(vcs['tags-regex']) ? vcs['tags-regex'] : undefined;
      const prefixes: string[] = attr(ws, 'trigger-prefixes') ?? [];
      const patterns: string[] = attr(ws, 'trigger-patterns') ?? [];
      const fileTriggers = attr(ws, 'file-triggers-enabled');
      const fields: [string, Expr | undefined][] = [
        ['connection', connection],
        ['repository', str(vcs.identifier)],
        ['branch', nonEmpty(vcs.branch) ? str(vcs.branch) : undefined],
        ['tagsRegex', tagsRegex ? str(tagsRegex) : undefined],
        ['triggerPrefixes', prefixes.length ? list(prefixes.map(str)) : undefined],
        ['triggerPatterns', patterns.length ? list(patterns.map(str)) : undefined],
        // The library's default: file triggers on, unless publishing by tags.
        ['fileTriggersEnabled', typeof fileTriggers === 'boolean' && fileTriggers !== (tagsRegex === undefined) ? bool(fileTriggers) : undefined],
        ['ingressSubmodules', vcs['ingress-submodules'] === true ? bool(true) : undefined],
      ];
      set('runWorkflow', call(cls('RunWorkflow'), 'vcs', struct('VcsWorkflowOptions', fields)), vcs);
    }
  }
  if (relId(ws, 'ssh-key')) h.notExpressed.push({ what: `the SSH key of workspace ${attr(ws, 'name')}`, why: 'SSH keys cannot be imported; set sshKeyId with SshKey.fromSshKeyId by hand' });
  const tags: string[] = [...(attr(ws, 'tag-names') ?? [])].sort();
  return { props, tags };
}

interface Family {
  readonly prefix: string;
  readonly members: { readonly ws: ApiObject; readonly shortName: string }[];
}

/**
 * Workspaces that become a `WorkspaceGroup`: at least two whose names share
 * a prefix ending in `-` or `_` (the name up to its last separator), that are
 * in the same project, and that all carry the group's tag (the prefix
 * without its separator, which a group gives its members: without it, the
 * adoption would change their tags). Each short name must be one the group
 * accepts.
 */
function findFamilies(workspaces: ApiObject[], settingsOf: Map<string, WorkspaceSettings>): Family[] {
  const byPrefix = new Map<string, ApiObject[]>();
  for (const ws of workspaces) {
    const name: string = attr(ws, 'name');
    const cut = Math.max(name.lastIndexOf('-'), name.lastIndexOf('_'));
    if (cut <= 0 || cut === name.length - 1) continue;
    const prefix = name.slice(0, cut + 1);
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), ws]);
  }
  const families: Family[] = [];
  for (const [prefix, members] of byPrefix) {
    if (members.length < 2) continue;
    const tag = groupTagOf(prefix);
    const project = (ws: ApiObject) => settingsOf.get(ws.id)!.props.get('project')?.key;
    if (!members.every((m) => settingsOf.get(m.id)!.tags.includes(tag) && project(m) === project(members[0]))) continue;
    const named = members.map((ws) => ({ ws, shortName: String(attr(ws, 'name')).slice(prefix.length) }));
    if (named.some((m) => formProblem('memberShortName', m.shortName))) continue;
    families.push({ prefix, members: named });
  }
  return families.sort((a, b) => a.prefix.localeCompare(b.prefix));
}
