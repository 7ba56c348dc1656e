import * as path from 'path';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { TerraformElement, TerraformResource, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { TokenMap } from 'cdktf/lib/tokens/private/token-map';
import { Construct, IConstruct } from 'constructs';
import * as lib from '../src';
import {
  AgentPool, EnforcementLevel, GitHubAppInstallation, NotificationDestination, OAuthClient, Organization, OrganizationMember, Policy,
  PolicyKind, PolicySet, PolicySource, Project, ProjectAccess, RunWorkflow, Team, VariableSet, VariableValue, VcsProvider, Workspace,
  WorkspaceAccess, WorkspaceGroup, OrganizationRunTask, RunTaskStage, WorkspaceOutputs, RegistryModule, ModulePublishing, SshKey,
} from '../src';

/**
 * Every construct of the library, created and referenced, in one stack.
 */
function everything(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new TfeProvider(stack, 'tfe', {});
  const org = new Organization(stack, 'Acme', { name: 'acme', email: 'a@acme.example' });
  Organization.fromOrganizationName(stack, 'Existing', 'existing');
  const member = org.inviteMember('Ann', { email: 'ann@acme.example' });
  OrganizationMember.fromMembershipId(stack, 'Bob', org, 'ou-abc123');
  OrganizationMember.fromEmail(stack, 'Carol', org, 'carol@acme.example');
  const ops = org.addTeam('Ops', { name: 'ops', members: [member] });
  const byId = Team.fromTeamId(stack, 'ById', org, 'team-abc123');
  Team.fromTeamName(stack, 'ByName', org, 'owners');
  ops.addToken('Ci', { description: 'ci' });
  org.addToken('OrgToken');
  const payments = org.addProject('Payments', { name: 'payments' });
  payments.grantAccess(ops, ProjectAccess.READ);
  Project.fromProjectId(stack, 'PrjById', org, 'prj-abc123');
  Project.fromProjectName(stack, 'PrjByName', org, 'platform');
  const github = new OAuthClient(stack, 'GitHub', {
    organization: org,
    serviceProvider: VcsProvider.GITHUB,
    oauthToken: new TerraformVariable(stack, 'token', { type: 'string', sensitive: true }).stringValue,
  });
  OAuthClient.fromOAuthTokenId(stack, 'OtById', org, 'ot-abc123');
  OAuthClient.fromName(stack, 'OtByName', org, 'github');
  GitHubAppInstallation.fromInstallationId(stack, 'App1', 123);
  GitHubAppInstallation.fromName(stack, 'App2', 'acme');
  GitHubAppInstallation.fromGithubAppInstallationId(stack, 'App3', 'ghain-abc123');
  const pool = new AgentPool(stack, 'Pool', { organization: org, name: 'pool', organizationScoped: false });
  pool.addToken('Agents', { description: 'agents' });
  AgentPool.fromAgentPoolId(stack, 'PoolById', org, 'apool-abc123');
  const api = new Workspace(stack, 'Api', { organization: org, name: 'api', project: payments });
  pool.allowWorkspace(api);
  api.grantAccess(byId, WorkspaceAccess.WRITE);
  api.addVariable('Region', { key: 'region', value: VariableValue.string('eu') });
  api.addNotification('Mail', { name: 'mail', destination: NotificationDestination.email({ users: ['user-abc123'] }) });
  ops.addNotification('ChangeRequests', { name: 'cr', destination: NotificationDestination.email({ users: ['user-abc123'] }) });
  const deployKey = new SshKey(stack, 'DeployKey', {
    organization: org, name: 'deploy', privateKey: new TerraformVariable(stack, 'ssh_key', { type: 'string', sensitive: true }).stringValue,
  });
  new Workspace(stack, 'Legacy', { organization: org, name: 'legacy', sshKeyId: deployKey.sshKeyId });
  SshKey.fromSshKeyId(stack, 'KeyById', 'sshkey-abc123');
  lib.PlatformFile.load(stack, 'PlatformFromFile', path.join(__dirname, '..', 'examples', 'platform-file', 'platform.yaml'));
  new lib.Tenant(stack, 'TenantA', { organization: org, name: 'tenant-a', additionalTeams: [{ team: byId, access: ProjectAccess.READ }] });
  AgentPool.fromAgentPoolName(stack, 'PoolByName', org, 'shared');
  PolicySet.fromPolicySetName(stack, 'SetByPolicyName', org, 'baseline');
  Workspace.fromWorkspaceName(stack, 'WsByName', org, 'other');
  Workspace.fromWorkspaceId(stack, 'WsById', org, 'ws-Fa3zQw8bXy6pLmN2');
  const net = new WorkspaceGroup(stack, 'Net', {
    organization: org,
    prefix: 'net-',
    members: [{ shortName: 'dev' }, { shortName: 'prod' }],
    settings: { runWorkflow: RunWorkflow.vcs({ connection: github, repository: 'acme/net' }) },
    sharedVariablesAsVariableSet: true,
    terraformVariables: { region: 'eu' },
  });
  const set = new VariableSet(stack, 'Set', { organization: org, name: 'defaults', workspaces: [api] });
  set.addVariable('Env', { key: 'env', value: VariableValue.string('prod') });
  VariableSet.fromVariableSetId(stack, 'SetById', org, 'varset-abc123');
  VariableSet.fromVariableSetName(stack, 'SetByName', org, 'shared');
  const policy = new Policy(stack, 'Policy', {
    organization: org, name: 'deny', kind: PolicyKind.SENTINEL, source: PolicySource.inline('main = rule { true }'),
  });
  Policy.fromPolicyAttributes(stack, 'PolicyRef', {
    organization: org, policyId: 'pol-abc123', policyName: 'old', kind: PolicyKind.OPA, enforcementLevel: EnforcementLevel.OPA_MANDATORY,
  });
  new PolicySet(stack, 'Guardrails', { organization: org, name: 'guardrails', policies: [policy] }).attachToGroup(net);
  PolicySet.fromPolicySetId(stack, 'SetRef', org, 'polset-wAs3zYmWAhYK7peR');
  const scanner = new OrganizationRunTask(stack, 'Scanner', {
    organization: org, name: 'scanner', url: 'https://scanner.acme.example', hmacKey: new TerraformVariable(stack, 'hmac', { type: 'string', sensitive: true }).stringValue,
  });
  api.addRunTask(scanner, { stages: [RunTaskStage.POST_PLAN] });
  const consumer = new Workspace(stack, 'Consumer', { organization: org, name: 'consumer' });
  api.shareStateWith(consumer);
  new WorkspaceOutputs(stack, 'ApiOutputs', { workspace: api, reader: consumer }).getString('vpc_id');
  new RegistryModule(stack, 'Vpc', {
    organization: org, connection: github, repository: 'acme/terraform-aws-vpc', publishing: ModulePublishing.tags(),
  }).enableNoCode('NoCode');
  const fleet = new lib.WorkspaceFleet(stack, 'Fleet', {
    organization: org,
    groups: [{ prefix: 'fleet-', members: [{ shortName: 'dev' }], terraformVariables: { region: 'eu' } }],
    workspaces: [{ name: 'fleet-batch', teamAccess: [{ team: ops, access: WorkspaceAccess.READ }] }],
  });
  fleet.workspace('fleet-batch');
  const sharded = new lib.ShardedPlatform(stack.node.root as any, 'Sharded', { organizationName: 'acme', shards: 2 });
  OUTSIDE_THE_TREE.push(sharded);
  sharded.addWorkspace('Api', { name: 'sharded-api' });
  sharded.addWorkspaceGroup('Net', { prefix: 'sharded-net-', members: [{ shortName: 'dev' }] });
  return stack;
}

/** Constructs of `everything()` that are not their scope's children (a ShardedPlatform leaves the app's). */
const OUTSIDE_THE_TREE: IConstruct[] = [];

/** The classes the library exports. */
const EXPORTED = (Object.values(lib) as unknown[]).filter((v): v is Function => typeof v === 'function') as any[];

/** Prototypes whose members belong to cdktf or constructs, not to this library. */
const FOREIGN = new Set<object>([Construct.prototype, TerraformElement.prototype, TerraformResource.prototype, Object.prototype]);

/** Whether `c` is (an instance of a subclass of) a class this library exports. */
function isLibraryConstruct(c: IConstruct): boolean {
  return EXPORTED.some((cls) => c instanceof cls);
}

/** The names of `c`'s own fields and of the getters of its library classes. */
function propertyNames(c: object): string[] {
  const names = new Set(Object.keys(c));
  for (let proto = Object.getPrototypeOf(c); proto && !FOREIGN.has(proto); proto = Object.getPrototypeOf(proto)) {
    for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (d.get) names.add(name);
    }
  }
  return [...names].filter((n) => !n.startsWith('_'));
}

describe('attributes', () => {
  test('every attribute of every construct is the same value on every read', () => {
    // GIVEN every construct of the library
    const stack = everything();
    // (the whole app: a ShardedPlatform's stacks are the stack's siblings)
    const constructs = [...stack.node.root.node.findAll(), ...OUTSIDE_THE_TREE].filter(isLibraryConstruct);
    // (every exported construct class is among them, so a new one cannot slip through)
    const constructClasses = EXPORTED.filter((cls) => cls.prototype instanceof Construct);
    const missing = constructClasses.filter((cls) => !constructs.some((c) => c instanceof cls)).map((cls) => cls.name);
    expect(missing).toEqual([]);

    // WHEN each string or number property is read twice
    const unstable: string[] = [];
    let checked = 0;
    for (const c of constructs) {
      for (const name of propertyNames(c)) {
        const first = (c as any)[name];
        if (typeof first !== 'string' && typeof first !== 'number') continue;
        checked++;
        if ((c as any)[name] !== first) unstable.push(`${c.node.path}.${name}`);
      }
    }

    // THEN each read returns the first read's value (the same token)
    expect(checked).toBeGreaterThan(60);
    expect(unstable).toEqual([]);
  });

  test.each([
    ['Workspace.workspaceName', (s: ReturnType<typeof fixture>) => s.ws, 'workspaceName'],
    ['WorkspaceGrant.grantId', (s: ReturnType<typeof fixture>) => s.grant, 'grantId'],
    ['Variable.variableId', (s: ReturnType<typeof fixture>) => s.variable, 'variableId'],
    ['Team.teamName', (s: ReturnType<typeof fixture>) => s.team, 'teamName'],
    ['TeamToken.tokenValue', (s: ReturnType<typeof fixture>) => s.token, 'tokenValue'],
    ['Organization.organizationId', (s: ReturnType<typeof fixture>) => s.org, 'organizationId'],
  ])('%s costs no token until it is read, and one token however often it is read', (_name, pick, attribute) => {
    // GIVEN a construct whose attribute was never read
    const s = fixture();
    const target = pick(s) as any;
    const tokens = () => (TokenMap.instance() as any).tokenCounter as number;
    // WHEN it is read three times
    const before = tokens();
    const first = target[attribute];
    const afterFirst = tokens();
    expect(target[attribute]).toBe(first);
    expect(target[attribute]).toBe(first);
    // THEN the first read made the token and the others made none
    expect(afterFirst).toBeGreaterThan(before);
    expect(tokens()).toBe(afterFirst);
  });

  test('a memoized attribute still resolves to the resource attribute', () => {
    const s = fixture();
    expect(resolve(s.stack, s.ws.workspaceName)).toMatch(/^\$\{tfe_workspace\.Api_[0-9A-F]{8}\.name\}$/);
    expect(resolve(s.stack, s.grant.grantId)).toMatch(/^\$\{tfe_team_access\.Api_Access-[\w-]+_[0-9A-F]{8}\.id\}$/);
    expect(resolve(s.stack, s.variable.variableId)).toMatch(/^\$\{tfe_variable\.Api_Region_[0-9A-F]{8}\.id\}$/);
  });
});

function fixture() {
  const stack = new TerraformStack(Testing.app(), 'test');
  new TfeProvider(stack, 'tfe', {});
  const org = new Organization(stack, 'Acme', { name: 'acme', email: 'a@acme.example' });
  const team = org.addTeam('Ops', { name: 'ops' });
  const token = team.addToken('Ci', { description: 'ci' });
  const ws = new Workspace(stack, 'Api', { organization: org, name: 'api' });
  const grant = ws.grantAccess(team, WorkspaceAccess.READ);
  const variable = ws.addVariable('Region', { key: 'region', value: VariableValue.string('eu') });
  return { stack, org, team, token, ws, grant, variable };
}

function resolve(stack: TerraformStack, value: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../src/private/validation').resolveValue(stack, value);
}
