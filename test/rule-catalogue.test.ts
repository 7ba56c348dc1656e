import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PolicySet as TfePolicySet } from '@cdktf/provider-tfe/lib/policy-set';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { TeamMember } from '@cdktf/provider-tfe/lib/team-member';
import { App, Lazy, ref, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import {
  AgentPool, Backend, BackendType, Clock, EnforcementLevel, Entitlements, Errors, ExecutionMode, GitHubAppInstallation, IVcsConnection,
  Moves, NotificationDestination, NotificationTrigger, OAuthClient, Organization, OrganizationMember, Policy, PolicyKind, PolicySet,
  PolicySource, Project, ProjectAccess, Rules, RunCredentials, RunWorkflow, Team, Variable, VariableCategory, VariableSet,
  OrganizationRunTask, RunTaskEnforcement, RunTaskStage, WorkspaceOutputs, ModulePublishing, NoCodeModule, NoCodeVariableType, RegistryModule,
  VariableValue, VcsProvider, Workspace, WorkspaceAccess, WorkspaceGroup, SshKey, TeamNotificationTrigger, DynamicCredentials, Tenant, PlatformFile,
  ShardedPlatform, WorkspaceFleet, WorkspaceRunsPermission,
} from '../src';
import { RULES } from '../src/private/rules';

/**
 * One bad input per rule of the catalogue (src/private/rules.ts): each case
 * must break exactly the rule it names, as an error, a warning or an info
 * according to the rule's severity. The rule table in docs/rules.md and the
 * README's table of selected messages are generated from these cases; the
 * test fails when they and the code disagree. Regenerate them with
 * `UPDATE_RULE_TABLE=1 npx jest test/rule-catalogue`.
 */
interface Case {
  readonly ruleId: string;
  readonly trigger: (env: Env) => void;
  /** Shown in the README's table of selected messages. */
  readonly featured?: boolean;
}

interface Env {
  readonly app: App;
  readonly stack: TerraformStack;
  readonly org: Organization;
  /** An organization named "other". */
  readonly other: () => Organization;
  /** A new sensitive variable's value. */
  readonly secret: () => string;
}

function env(): Env {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'app');
  new TfeProvider(stack, 'tfe', {});
  const org = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });
  let n = 0;
  let other: Organization | undefined;
  return {
    app,
    stack,
    org,
    other: () => other ??= new Organization(stack, 'Other', { name: 'other', email: 'platform@other.example' }),
    secret: () => new TerraformVariable(stack, `secret${n++}`, { type: 'string', sensitive: true }).stringValue,
  };
}

/** A platform file with `text`, at a fixed path (its messages name it). */
const platformFile = (text: string) => {
  const dir = path.join(os.tmpdir(), 'cdktf-tfe-rule-catalogue');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'platform.yaml');
  fs.writeFileSync(file, text);
  return file;
};
const conn = (e: Env) => OAuthClient.fromOAuthTokenId(e.stack, 'Conn', e.org, 'ot-abc123');
const vcs = (e: Env, options: { repository?: string; tagsRegex?: string; fileTriggersEnabled?: boolean; triggerPrefixes?: string[] } = {}) =>
  RunWorkflow.vcs({ connection: conn(e), repository: 'acme/app', ...options });
const ws = (e: Env, id = 'Api', name = 'api') => new Workspace(e.stack, id, { organization: e.org, name });
const team = (e: Env) => e.org.addTeam('Ops', { name: 'ops' });
const synth = (e: Env) => Testing.synth(e.stack, true);
const consumer = (e: Env) => new TerraformStack(e.app, 'consumer');
const sentinel = (e: Env, id = 'Policy', name = 'no-public-buckets') => new Policy(e.stack, id, {
  organization: e.org, name, kind: PolicyKind.SENTINEL, source: PolicySource.inline('main = rule { true }'),
});
const opa = (e: Env, id = 'Opa') => new Policy(e.stack, id, {
  organization: e.org, name: 'deny', kind: PolicyKind.OPA, query: 'data.terraform.deny', source: PolicySource.inline('package terraform'),
});
const set = (e: Env, props: Partial<ConstructorParameters<typeof PolicySet>[2]> = {}) =>
  new PolicySet(e.stack, 'Set', { organization: e.org, name: 'guardrails', ...props });
const slack = (e: Env, url: string) => ws(e).addNotification('Slack', { name: 'slack', destination: NotificationDestination.slack(url) });
const broken = (e: Env) => ({ node: e.stack.node, oauthTokenId: undefined, githubAppInstallationId: undefined }) as unknown as IVcsConnection;
const task = (e: Env, props: { name?: string; url?: string; hmacKey?: string; enabled?: boolean } = {}) =>
  new OrganizationRunTask(e.stack, 'Task', { organization: e.org, name: 'scanner', url: 'https://scanner.example.com', ...props });
const outputs = (e: Env, producer: Workspace, reader?: Workspace) => {
  const stack = consumer(e);
  new TfeProvider(stack, 'tfe', {});
  return new WorkspaceOutputs(stack, 'Outputs', { workspace: producer, reader });
};
const registryModule = (e: Env, props: Partial<ConstructorParameters<typeof RegistryModule>[2]> = {}) =>
  new RegistryModule(e.stack, 'Module', { organization: e.org, connection: conn(e), repository: 'acme/terraform-aws-vpc', ...props });
const tested = (e: Env) => registryModule(e, { publishing: ModulePublishing.branch('main'), tests: {} });
const noCode = (e: Env, props: Partial<ConstructorParameters<typeof NoCodeModule>[2]> = {}) =>
  registryModule(e).enableNoCode('NoCode', { versionPin: '1.0.0', ...props });
const EMPTY_POLICY_FILE = path.join(os.tmpdir(), 'cdktf-tfe-constructs-rule-catalogue-empty.sentinel');

const CASES: Case[] = [
  // names
  { ruleId: 'TFE-NAME-001', featured: true, trigger: (e) => new Organization(e.stack, 'Bad', { name: 'acme corp', email: 'a@b.example' }) },
  { ruleId: 'TFE-NAME-002', featured: true, trigger: (e) => e.org.addTeam('Ops', { name: 'ops team' }) },
  { ruleId: 'TFE-NAME-003', featured: true, trigger: (e) => e.org.addTeam('Owners', { name: 'owners' }) },
  { ruleId: 'TFE-NAME-004', featured: true, trigger: (e) => e.org.addProject('P', { name: 'ab' }) },
  { ruleId: 'TFE-NAME-005', trigger: (e) => e.org.addProject('P', { name: ' payments' }) },
  { ruleId: 'TFE-NAME-006', featured: true, trigger: (e) => ws(e, 'Api', 'payments api') },
  { ruleId: 'TFE-NAME-007', featured: true, trigger: (e) => ws(e, 'Api', 'w'.repeat(91)) },
  { ruleId: 'TFE-NAME-008', trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', tagNames: ['Prod'] }) },
  { ruleId: 'TFE-NAME-009', trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', runWorkflow: vcs(e, { repository: 'acme' }) }) },
  { ruleId: 'TFE-NAME-010', trigger: (e) => new WorkspaceGroup(e.stack, 'Net', { organization: e.org, prefix: 'net work-', members: [{ shortName: 'dev' }] }) },
  { ruleId: 'TFE-NAME-011', trigger: (e) => new WorkspaceGroup(e.stack, 'Net', { organization: e.org, prefix: 'net-', members: [{ shortName: '' }] }) },
  { ruleId: 'TFE-NAME-012', featured: true, trigger: (e) => new WorkspaceGroup(e.stack, 'Net', { organization: e.org, prefix: 'net-', members: [{ shortName: 'default' }] }) },
  { ruleId: 'TFE-NAME-013', trigger: (e) => new WorkspaceGroup(e.stack, 'Net', { organization: e.org, prefix: 'net-', members: [{ shortName: 'q a' }] }) },
  { ruleId: 'TFE-NAME-014', trigger: (e) => sentinel(e, 'Policy', 'no public buckets') },
  { ruleId: 'TFE-NAME-015', trigger: (e) => set(e, { name: 'guard rails' }) },
  { ruleId: 'TFE-NAME-016', trigger: (e) => new VariableSet(e.stack, 'Set', { organization: e.org, name: ' ' }) },
  { ruleId: 'TFE-NAME-017', trigger: (e) => new AgentPool(e.stack, 'Pool', { organization: e.org, name: ' ' }) },
  { ruleId: 'TFE-NAME-018', trigger: (e) => ws(e).addNotification('N', { name: ' ', destination: NotificationDestination.email({ users: ['user-abc123'] }) }) },
  { ruleId: 'TFE-NAME-019', trigger: (e) => OAuthClient.fromName(e.stack, 'Gh', e.org, '') },
  { ruleId: 'TFE-NAME-020', trigger: (e) => GitHubAppInstallation.fromName(e.stack, 'Gh', '-acme') },
  { ruleId: 'TFE-NAME-021', trigger: (e) => new SshKey(e.stack, 'Key', { organization: e.org, name: ' ', privateKey: e.secret() }) },

  // IDs
  { ruleId: 'TFE-ID-001', trigger: (e) => Team.fromTeamId(e.stack, 'Ref', e.org, 'ops') },
  { ruleId: 'TFE-ID-002', trigger: (e) => Project.fromProjectId(e.stack, 'Ref', e.org, 'payments') },
  { ruleId: 'TFE-ID-003', featured: true, trigger: (e) => Workspace.fromWorkspaceId(e.stack, 'Ref', e.org, 'ws-123') },
  { ruleId: 'TFE-ID-004', trigger: (e) => OrganizationMember.fromMembershipId(e.stack, 'Ref', e.org, 'alice') },
  { ruleId: 'TFE-ID-005', trigger: (e) => OAuthClient.fromOAuthTokenId(e.stack, 'Ref', e.org, 'github') },
  { ruleId: 'TFE-ID-006', trigger: (e) => AgentPool.fromAgentPoolId(e.stack, 'Ref', e.org, 'private-pool') },
  { ruleId: 'TFE-ID-007', trigger: (e) => VariableSet.fromVariableSetId(e.stack, 'Ref', e.org, 'defaults') },
  {
    ruleId: 'TFE-ID-008',
    trigger: (e) => Policy.fromPolicyAttributes(e.stack, 'Ref', { organization: e.org, policyId: 'deny', policyName: 'deny', kind: PolicyKind.OPA }),
  },
  { ruleId: 'TFE-ID-009', trigger: (e) => PolicySet.fromPolicySetId(e.stack, 'Ref', e.org, 'polset-123') },
  { ruleId: 'TFE-ID-010', trigger: (e) => GitHubAppInstallation.fromGithubAppInstallationId(e.stack, 'Ref', '123') },
  { ruleId: 'TFE-ID-011', trigger: (e) => GitHubAppInstallation.fromInstallationId(e.stack, 'Ref', 0) },
  { ruleId: 'TFE-ID-012', trigger: (e) => ws(e).addNotification('N', { name: 'mail', destination: NotificationDestination.email({ users: ['alice@acme.example'] }) }) },
  { ruleId: 'TFE-ID-013', trigger: (e) => SshKey.fromSshKeyId(e.stack, 'Key', 'deploy-key') },
  { ruleId: 'TFE-ID-014', trigger: (e) => ws(e).addVariable('V', { key: 'v', value: VariableValue.string('x') }).adoptExisting('variable-1') },
  { ruleId: 'TFE-ID-015', trigger: (e) => ws(e).grantAccess(e.org.addTeam('Ops', { name: 'ops' }), WorkspaceAccess.READ).adoptExisting('ws-Ab12Cd34Ef56Gh78') },
  { ruleId: 'TFE-ID-016', trigger: (e) => ws(e).addNotification('N', { name: 'n', destination: NotificationDestination.email({ emailAddresses: ['ops@acme.example'] }) }).adoptExisting('notification-1') },
  { ruleId: 'TFE-ID-017', trigger: (e) => e.org.addTeam('Ops', { name: 'ops' }).addToken('T', { description: 'ci' }).adoptExisting('team-Ab12') },
  { ruleId: 'TFE-ID-018', trigger: (e) => new RegistryModule(e.stack, 'Vpc', { organization: e.org, repository: 'acme/terraform-aws-vpc', connection: conn(e) }).enableNoCode('NoCode').adoptExisting('mod-Ab12') },

  // references
  {
    ruleId: 'TFE-REF-001',
    trigger: (e) => {
      const name = new TerraformVariable(e.stack, 'org_name', { type: 'string' });
      new Organization(e.stack, 'Dynamic', { name: name.stringValue, email: 'platform@acme.example' });
    },
  },

  // organizations and members
  { ruleId: 'TFE-ORG-001', trigger: (e) => new Organization(e.stack, 'Bad', { name: 'bad', email: 'platform' }) },
  { ruleId: 'TFE-ORG-002', trigger: (e) => new Organization(e.stack, 'Bad', { name: 'bad', email: 'a@b.example', sessionTimeoutMinutes: 0 }) },
  { ruleId: 'TFE-MEMBER-001', trigger: (e) => e.org.inviteMember('Alice', { email: 'alice' }) },

  // teams
  { ruleId: 'TFE-TEAM-001', trigger: (e) => team(e).addMember(e.other().inviteMember('Ann', { email: 'ann@other.example' })) },
  { ruleId: 'TFE-TEAM-002', featured: true, trigger: (e) => { e.org.addTeam('A', { name: 'ops' }); e.org.addTeam('B', { name: 'ops' }); } },
  {
    ruleId: 'TFE-TEAM-003',
    featured: true,
    trigger: (e) => {
      const t = e.org.addTeam('Ops', { name: 'ops', members: [e.org.inviteMember('Ann', { email: 'ann@acme.example' })] });
      new TeamMember(e.stack, 'Raw', { teamId: t.teamId, username: 'bob' });
    },
  },

  // tokens
  { ruleId: 'TFE-TOK-001', featured: true, trigger: (e) => { const t = team(e); t.addToken('A'); t.addToken('B'); } },
  { ruleId: 'TFE-TOK-002', featured: true, trigger: (e) => { const t = team(e); t.addToken('A', { description: 'ci' }); t.addToken('B', { description: 'ci' }); } },
  { ruleId: 'TFE-TOK-003', featured: true, trigger: (e) => team(e).addToken('Ci', { description: 'ci', forceRegenerate: true }) },
  { ruleId: 'TFE-TOK-004', featured: true, trigger: (e) => team(e).addToken('Ci', { expiresAt: 'next year' }) },
  {
    ruleId: 'TFE-CLOCK-001',
    trigger: (e) => {
      const clocked = new Construct(e.stack, 'Clocked');
      clocked.node.setContext(Clock.CONTEXT_KEY, '2030-01-01 00:00');
      new Organization(clocked, 'Late', { name: 'late', email: 'platform@late.example' }).addToken('Token', { expiresAt: '2031-01-01' });
    },
  },
  { ruleId: 'TFE-TOK-005', featured: true, trigger: (e) => team(e).addToken('Ci', { expiresAt: '2001-01-01T00:00:00Z' }) },
  { ruleId: 'TFE-TOK-006', trigger: (e) => team(e).addToken('Ci', { description: ' ' }) },
  { ruleId: 'TFE-TOK-007', featured: true, trigger: (e) => { e.org.addToken('A'); e.org.addToken('B'); } },
  { ruleId: 'TFE-TOK-008', featured: true, trigger: (e) => RunCredentials.fromToken(e.org.addToken('OrgToken')) },
  { ruleId: 'TFE-TOK-009', trigger: (e) => team(e).addToken('Ci', { description: 'ci' }).createOutput('1-token') },
  {
    ruleId: 'TFE-TOK-010',
    trigger: (e) => {
      const t = team(e);
      t.addToken('A', { description: 'a' }).createOutput('ci_token');
      t.addToken('B', { description: 'b' }).createOutput('ci_token');
    },
  },

  // access
  {
    ruleId: 'TFE-ACCESS-001',
    featured: true,
    trigger: (e) => e.org.addProject('P', { name: 'payments' }).grantAccess(Team.fromTeamId(e.stack, 'T', e.other(), 'team-abc123'), ProjectAccess.READ),
  },
  { ruleId: 'TFE-ACCESS-002', featured: true, trigger: (e) => { const w = ws(e); const t = team(e); w.grantAccess(t, WorkspaceAccess.READ); w.grantAccess(t, WorkspaceAccess.WRITE); } },
  {
    ruleId: 'TFE-ACCESS-003',
    trigger: (e) => { const p = e.org.addProject('P', { name: 'payments' }); const t = team(e); p.grantAccess(t, ProjectAccess.READ); p.grantAccess(t, ProjectAccess.WRITE); },
  },
  {
    ruleId: 'TFE-ACCESS-004',
    featured: true,
    trigger: (e) => {
      const g = new WorkspaceGroup(e.stack, 'Net', { organization: e.org, prefix: 'net-', members: [{ shortName: 'dev' }, { shortName: 'prod' }] });
      const t = team(e);
      g.grantAccess(t, WorkspaceAccess.READ);
      g.grantAccess(t, WorkspaceAccess.WRITE);
    },
  },

  // projects
  { ruleId: 'TFE-PRJ-001', trigger: (e) => { e.org.addProject('A', { name: 'payments' }); e.org.addProject('B', { name: 'payments' }); } },

  // workspaces
  { ruleId: 'TFE-WS-001', featured: true, trigger: (e) => { ws(e, 'A', 'api'); ws(e, 'B', 'api'); } },
  {
    ruleId: 'TFE-WS-002',
    trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', project: Project.fromProjectId(e.stack, 'P', e.other(), 'prj-abc123') }),
  },
  {
    ruleId: 'TFE-WS-003',
    trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', autoDestroyAt: '2100-01-01T00:00:00Z', autoDestroyActivityDuration: '14d' }),
  },
  { ruleId: 'TFE-WS-004', trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', autoDestroyAt: 'tomorrow' }) },
  { ruleId: 'TFE-WS-005', trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', autoDestroyAt: '2001-01-01T00:00:00Z' }) },
  { ruleId: 'TFE-WS-006', trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', autoDestroyActivityDuration: '2w' }) },
  {
    ruleId: 'TFE-WS-007',
    featured: true,
    trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', runWorkflow: vcs(e, { triggerPrefixes: ['x/'], tagsRegex: 'v.*' }) }),
  },
  {
    ruleId: 'TFE-WS-008',
    trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', runWorkflow: vcs(e, { tagsRegex: 'v.*', fileTriggersEnabled: true }) }),
  },
  { ruleId: 'TFE-WS-009', trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', runWorkflow: vcs(e, { tagsRegex: 'v(' }) }) },
  {
    ruleId: 'TFE-WS-010',
    featured: true,
    trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', runWorkflow: vcs(e), executionMode: ExecutionMode.local() }),
  },
  {
    ruleId: 'TFE-WS-011',
    featured: true,
    trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', executionMode: ExecutionMode.agent(undefined as any) }),
  },
  {
    // Not reachable through the factories, which tie pools to agent mode; a plain object can still carry one.
    ruleId: 'TFE-WS-012',
    trigger: (e) => new Workspace(e.stack, 'Api', {
      organization: e.org, name: 'api', executionMode: { mode: 'remote', agentPool: AgentPool.fromAgentPoolId(e.stack, 'P', e.org, 'apool-abc123') } as any,
    }),
  },
  {
    ruleId: 'TFE-WS-013',
    trigger: (e) => new Workspace(e.stack, 'Api', {
      organization: e.org, name: 'api', executionMode: ExecutionMode.agent(AgentPool.fromAgentPoolId(e.stack, 'P', e.other(), 'apool-abc123')),
    }),
  },
  {
    ruleId: 'TFE-WS-014',
    featured: true,
    trigger: (e) => new Workspace(e.stack, 'Open', { organization: e.org, name: 'open', globalRemoteState: true }).shareStateWith(ws(e)),
  },
  { ruleId: 'TFE-WS-015', trigger: (e) => { const w = ws(e); w.shareStateWith(w); } },
  { ruleId: 'TFE-WS-016', trigger: (e) => ws(e).shareStateWith(Workspace.fromWorkspaceName(e.stack, 'Ext', e.other(), 'ext')) },

  // run triggers
  { ruleId: 'TFE-RT-001', featured: true, trigger: (e) => { const w = ws(e); w.triggeredBy(w); } },
  { ruleId: 'TFE-RT-002', trigger: (e) => ws(e).triggeredBy(Workspace.fromWorkspaceName(e.stack, 'Ext', e.other(), 'ext')) },
  { ruleId: 'TFE-RT-003', trigger: (e) => { const a = ws(e, 'A', 'a'); const b = ws(e, 'B', 'b'); b.triggeredBy(a); b.triggeredBy(a); } },
  {
    ruleId: 'TFE-RT-004',
    featured: true,
    trigger: (e) => { const target = ws(e, 'Target', 'target'); for (let i = 0; i <= 20; i++) target.triggeredBy(ws(e, `S${i}`, `s${i}`)); },
  },
  { ruleId: 'TFE-RT-005', featured: true, trigger: (e) => { const a = ws(e, 'A', 'a'); const b = ws(e, 'B', 'b'); b.triggeredBy(a); a.triggeredBy(b); } },

  // groups
  { ruleId: 'TFE-GRP-001', trigger: (e) => new WorkspaceGroup(e.stack, 'Net', { organization: e.org, prefix: 'net-', members: [] }) },
  {
    ruleId: 'TFE-GRP-002',
    trigger: (e) => new WorkspaceGroup(e.stack, 'Net', { organization: e.org, prefix: 'net-', members: [{ shortName: 'dev' }, { shortName: 'dev' }] }),
  },
  { ruleId: 'TFE-GRP-003', trigger: (e) => new WorkspaceGroup(e.stack, 'Net', { organization: e.org, prefix: 'net-', members: [{ shortName: 'dev' }] }).member('qa') },

  // variables
  {
    ruleId: 'TFE-VAR-001',
    trigger: (e) => new Variable(e.stack, 'V', {
      workspace: ws(e), variableSet: new VariableSet(e.stack, 'Set', { organization: e.org, name: 'defaults' }), key: 'region', value: VariableValue.string('eu'),
    }),
  },
  { ruleId: 'TFE-VAR-002', trigger: (e) => new Variable(e.stack, 'V', { key: 'region', value: VariableValue.string('eu') }) },
  { ruleId: 'TFE-VAR-003', trigger: (e) => ws(e).addVariable('V', { key: 'region', value: 'eu' as any }) },
  {
    ruleId: 'TFE-VAR-004',
    featured: true,
    trigger: (e) => ws(e).addVariable('Zones', { key: 'ZONES', value: VariableValue.list(['a']), category: VariableCategory.ENV }),
  },
  {
    ruleId: 'TFE-VAR-005',
    featured: true,
    trigger: (e) => {
      const w = ws(e);
      w.addVariable('A', { key: 'region', value: VariableValue.string('eu') });
      w.addVariable('B', { key: 'region', value: VariableValue.string('us') });
    },
  },
  { ruleId: 'TFE-VAR-006', featured: true, trigger: (e) => ws(e).addVariable('V', { key: '1region', value: VariableValue.string('eu') }) },
  {
    ruleId: 'TFE-VAR-007',
    featured: true,
    trigger: (e) => ws(e).addVariable('V', { key: 'AWS-REGION', value: VariableValue.string('eu'), category: VariableCategory.ENV }),
  },
  { ruleId: 'TFE-VAR-008', trigger: (e) => ws(e).addVariable('V', { key: '', value: VariableValue.string('eu') }) },
  {
    ruleId: 'TFE-VAR-009',
    trigger: (e) => new Workspace(e.stack, 'Api', {
      organization: e.org, name: 'api', terraformVariables: { region: 'eu' }, variables: [{ key: 'region', value: VariableValue.string('us') }],
    }),
  },
  { ruleId: 'TFE-VAR-010', trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', terraformVariables: 'region=eu' as any }) },
  { ruleId: 'TFE-VAR-011', trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', terraformVariables: { replicas: 3 as any } }) },
  { ruleId: 'TFE-VAR-012', trigger: () => VariableValue.string(3 as any) },
  { ruleId: 'TFE-VAR-013', trigger: () => VariableValue.number('3' as any) },
  { ruleId: 'TFE-VAR-014', trigger: () => VariableValue.number(NaN) },
  { ruleId: 'TFE-VAR-015', trigger: () => VariableValue.boolean('yes' as any) },
  { ruleId: 'TFE-VAR-016', trigger: () => VariableValue.list('a,b' as any) },
  { ruleId: 'TFE-VAR-017', trigger: () => VariableValue.map(['a'] as any) },
  { ruleId: 'TFE-VAR-018', trigger: () => VariableValue.hcl(' ') },
  { ruleId: 'TFE-VAR-019', trigger: () => VariableValue.fromReference(3 as any) },
  { ruleId: 'TFE-VAR-020', trigger: () => VariableValue.fromReference('${var.db_password}') },
  {
    ruleId: 'TFE-VAR-021',
    trigger: (e) => ws(e).addVariable('Pw', { key: 'db_password', value: VariableValue.fromReference(e.secret()), sensitive: true, writeOnly: true, initialValueOnly: true }),
  },

  // HCL values
  { ruleId: 'TFE-HCL-001', trigger: () => VariableValue.list([1, Infinity]) },
  { ruleId: 'TFE-HCL-002', trigger: () => VariableValue.map({ region: undefined }) },
  { ruleId: 'TFE-HCL-003', trigger: () => VariableValue.list([() => 1]) },
  { ruleId: 'TFE-HCL-004', trigger: () => VariableValue.list([Symbol('s')]) },
  { ruleId: 'TFE-HCL-005', trigger: () => { const a: any[] = ['x']; a.push(a); VariableValue.list(a); } },
  { ruleId: 'TFE-HCL-006', trigger: () => VariableValue.map({ since: new Date(0) }) },
  { ruleId: 'TFE-HCL-007', trigger: () => VariableValue.map({ [Symbol('k')]: 1 }) },
  { ruleId: 'TFE-HCL-008', trigger: () => VariableValue.list(['bad \uD800 text']) },

  // secrets
  {
    ruleId: 'TFE-SECRET-001',
    featured: true,
    trigger: (e) => new OAuthClient(e.stack, 'Gh', { organization: e.org, serviceProvider: VcsProvider.GITHUB, oauthToken: 'ghp_0123456789abcdef' }),
  },
  {
    ruleId: 'TFE-SECRET-002',
    trigger: (e) => new OAuthClient(e.stack, 'Gh', {
      organization: e.org, serviceProvider: VcsProvider.GITHUB, oauthToken: 'ghp_0123456789abcdef', allowPlaintextSecret: true,
    }),
  },
  {
    ruleId: 'TFE-SECRET-003',
    featured: true,
    trigger: (e) => ws(e).addVariable('Pw', { key: 'db_password', value: VariableValue.string('hunter2'), sensitive: true }),
  },
  {
    ruleId: 'TFE-SECRET-004',
    trigger: (e) => ws(e).addVariable('Pw', { key: 'db_password', value: VariableValue.string('hunter2'), sensitive: true, allowPlaintextSecret: true }),
  },

  // variable sets
  {
    ruleId: 'TFE-WO-001',
    trigger: (e) => ws(e).addVariable('Pw', { key: 'db_password', value: VariableValue.fromReference(e.secret()), writeOnly: true }),
  },
  {
    ruleId: 'TFE-WO-002',
    trigger: (e) => {
      ws(e).addVariable('Pw', { key: 'db_password', value: VariableValue.fromReference(Token.asString(ref('ephemeral.random_password.db.result', e.stack))), sensitive: true, writeOnly: true });
      synth(e);
    },
  },

  {
    ruleId: 'TFE-WO-003',
    trigger: (e) => new VariableSet(e.stack, 'Set', { organization: e.org, name: 'shared' })
      .addVariable('Pw', { key: 'db_password', value: VariableValue.fromReference(e.secret()), sensitive: true, writeOnly: true }),
  },

  {
    ruleId: 'TFE-WO-004',
    trigger: (e) => ws(e).addNotification('Hook', { name: 'hook', destination: NotificationDestination.generic('https://hooks.acme.example/tfe', { writeOnly: true }) }),
  },

  { ruleId: 'TFE-IMP-001', featured: true, trigger: (e) => ws(e).triggeredBy(Workspace.fromWorkspaceName(e.stack, 'Up', e.org, 'up')).importFrom('acme/up') },
  {
    ruleId: 'TFE-IMP-002',
    trigger: (e) => new Workspace(e.stack, 'Ws', { organization: e.org, name: new TerraformVariable(e.stack, 'n', { type: 'string' }).stringValue }).adoptExisting(),
  },
  {
    ruleId: 'TFE-IMP-003',
    trigger: (e) => (new SshKey(e.stack, 'Key', { organization: e.org, name: 'deploy', privateKey: e.secret() }).node.findChild('Resource') as any).importFrom('sshkey-Ab12'),
  },
  { ruleId: 'TFE-IMP-004', trigger: (e) => { const w = ws(e); w.adoptExisting(); w.adoptExisting(); } },
  { ruleId: 'TFE-IMP-005', trigger: (e) => e.org.addToken('Token').adoptExisting() },
  {
    ruleId: 'TFE-IMP-006',
    trigger: (e) => new VariableSet(e.stack, 'Set', { organization: e.org, name: 'defaults' }).addVariable('V', { key: 'v', value: VariableValue.string('x') }).adoptExisting('var-Ab12'),
  },

  { ruleId: 'TFE-TENANT-001', trigger: (e) => { new Tenant(e.stack, 'A', { organization: e.org, name: 'payments' }); new Tenant(e.stack, 'B', { organization: e.org, name: 'payments', team: { name: 'payments-b' } }); } },
  { ruleId: 'TFE-TENANT-002', trigger: (e) => new Tenant(e.stack, 'A', { organization: e.org, name: 'payments', environments: ['dev', 'management'] }) },
  {
    ruleId: 'TFE-TENANT-003',
    trigger: (e) => new Tenant(e.stack, 'A', {
      organization: e.org,
      name: 'payments',
      environments: [],
      notifications: [{ name: 'n', destination: NotificationDestination.email({ emailAddresses: ['ops@acme.example'] }) }],
    }),
  },

  { ruleId: 'TFE-FLEET-001', trigger: (e) => new WorkspaceFleet(e.stack, 'Fleet', { organization: e.org }).grantAccess(new Team(e.stack, 'Ops', { organization: e.org, name: 'ops' }), WorkspaceAccess.custom({ runs: WorkspaceRunsPermission.APPLY })) },
  {
    ruleId: 'TFE-FLEET-002',
    trigger: (e) => new WorkspaceFleet(e.stack, 'Fleet', { organization: e.org }).addWorkspace({ name: 'api', description: new TerraformVariable(e.stack, 'd', { type: 'string' }).stringValue }),
  },
  { ruleId: 'TFE-FLEET-003', trigger: (e) => new WorkspaceFleet(e.stack, 'Fleet', { organization: e.org, workspaces: [{ name: 'api' }] }).workspace('web') },
  {
    ruleId: 'TFE-FLEET-004',
    trigger: (e) => {
      const ops = Team.fromTeamId(e.stack, 'Ops', e.org, new TerraformVariable(e.stack, 't', { type: 'string' }).stringValue);
      new WorkspaceFleet(e.stack, 'Fleet', { organization: e.org, workspaces: [{ name: 'api', movedFrom: 'Api', teamAccess: [{ team: ops, access: WorkspaceAccess.READ }] }] });
      synth(e);
    },
  },
  {
    ruleId: 'TFE-FLEET-005',
    trigger: (e) => {
      const fleet = new WorkspaceFleet(e.stack, 'Fleet', { organization: e.org, workspaces: [{ name: 'api' }] });
      synth(e);
      fleet.addWorkspace({ name: 'web' });
    },
  },

  { ruleId: 'TFE-SHARD-001', trigger: () => new ShardedPlatform(Testing.app(), 'app', { organizationName: Lazy.stringValue({ produce: () => 'acme' }), shards: 2 }) },
  { ruleId: 'TFE-SHARD-002', trigger: (e) => new ShardedPlatform(Testing.app(), 'app', { organizationName: 'acme', shards: 2 }).organizationIn(e.stack) },
  { ruleId: 'TFE-SHARD-003', trigger: () => new ShardedPlatform(Testing.app(), 'app', { organizationName: 'acme', shards: 2, assignments: { api: 2 } }) },
  {
    ruleId: 'TFE-SHARD-004',
    trigger: () => {
      const platform = new ShardedPlatform(Testing.app(), 'app', { organizationName: 'acme', shards: 2 });
      platform.addWorkspace('Api', { name: 'api' });
      platform.addWorkspace('Api2', { name: 'api' });
    },
  },
  {
    ruleId: 'TFE-SHARD-005',
    trigger: () => new ShardedPlatform(Testing.app(), 'app', { organizationName: 'acme', shards: 1, previousLayout: { shards: 2, assignments: { api: 1 } } }).addWorkspace('Api', { name: 'api' }),
  },
  {
    ruleId: 'TFE-SHARD-006',
    trigger: () => {
      const app = Testing.app();
      const platform = new ShardedPlatform(app, 'app', { organizationName: 'acme', shards: 2, assignments: { api: 0, web: 1 } });
      platform.addWorkspace('Web', { name: 'web' }).triggeredBy(platform.addWorkspace('Api', { name: 'api' }));
      app.synth();
    },
  },
  {
    ruleId: 'TFE-SHARD-007',
    trigger: () => {
      const app = Testing.app();
      const platform = new ShardedPlatform(app, 'app', { organizationName: 'acme', shards: 2, assignments: { api: 1 }, previousLayout: { shards: 2, assignments: { api: 0 } } });
      const api = platform.addWorkspace('Api', { name: 'api' });
      api.addNotification('Hook', { name: 'hook', destination: NotificationDestination.email({ emailAddresses: ['ops@acme.example'] }) });
      app.synth();
    },
  },
  {
    ruleId: 'TFE-SHARD-008',
    trigger: () => {
      const app = Testing.app();
      const platform = new ShardedPlatform(app, 'app', { organizationName: 'acme', shards: 2, assignments: { api: 1 }, previousLayout: { shards: 2, assignments: { api: 0 } } });
      const ops = Team.fromTeamId(platform.core, 'Ops', platform.organizationIn(platform.core), Lazy.stringValue({ produce: () => 'team-abc' }));
      platform.addWorkspace('Api', { name: 'api' }).grantAccess(ops, WorkspaceAccess.READ);
      app.synth();
    },
  },

  { ruleId: 'TFE-FILE-001', trigger: (e) => PlatformFile.load(e.stack, 'P', platformFile('tenants:\n  - name: [unclosed\n'), { organization: e.org }) },
  { ruleId: 'TFE-FILE-002', trigger: (e) => PlatformFile.load(e.stack, 'P', platformFile('tenants:\n  - name: payments\n    colour: blue\n'), { organization: e.org }) },
  {
    ruleId: 'TFE-FILE-003',
    trigger: (e) => PlatformFile.load(e.stack, 'P', platformFile('tenants:\n  - name: payments\n    colour: blue\n  - name: search\n    environments: [default]\n'), { organization: e.org }),
  },
  {
    ruleId: 'TFE-FILE-004',
    featured: true,
    trigger: (e) => PlatformFile.load(e.stack, 'P', platformFile('tenants:\n  - name: payments\n    variables:\n      - key: db_password\n        sensitive: true\n        value: hunter2\n'), { organization: e.org }),
  },
  { ruleId: 'TFE-FILE-005', trigger: (e) => PlatformFile.load(e.stack, 'P', platformFile('tenants:\n  - name: payments\n    variableSets: [defaults]\n'), { organization: e.org }) },
  { ruleId: 'TFE-FILE-006', trigger: (e) => PlatformFile.load(e.stack, 'P', platformFile('tenants:\n  - name: payments\n  - name: billing\n    id: Payments\n'), { organization: e.org }) },
  {
    ruleId: 'TFE-FILE-007',
    trigger: (e) => PlatformFile.load(e.stack, 'P', platformFile('tenants:\n  - name: payments\n    workspaces:\n      - name: net\n        movedFrom: Payments\n'), { organization: e.org }),
  },

  {
    ruleId: 'TFE-VSET-001',
    trigger: (e) => { const s = new VariableSet(e.stack, 'Set', { organization: e.org, name: 'defaults' }); const w = ws(e); s.applyToWorkspace(w); s.applyToWorkspace(w); },
  },
  {
    ruleId: 'TFE-VSET-002',
    trigger: (e) => {
      const s = new VariableSet(e.stack, 'Set', { organization: e.org, name: 'defaults' });
      const p = e.org.addProject('P', { name: 'payments' });
      s.applyToProject(p);
      s.applyToProject(p);
    },
  },
  {
    ruleId: 'TFE-VSET-003',
    trigger: (e) => new VariableSet(e.stack, 'Set', { organization: e.org, name: 'defaults' })
      .applyToWorkspace(Workspace.fromWorkspaceName(e.stack, 'Ext', e.other(), 'ext')),
  },
  {
    ruleId: 'TFE-VSET-004',
    trigger: (e) => new VariableSet(e.stack, 'Set', { organization: e.org, name: 'defaults', parentProject: Project.fromProjectId(e.stack, 'P', e.other(), 'prj-abc123') }),
  },
  {
    ruleId: 'TFE-VSET-005',
    featured: true,
    trigger: (e) => new VariableSet(e.stack, 'Set', { organization: e.org, name: 'defaults', allWorkspaces: true, workspaces: [ws(e)] }),
  },

  // VCS
  { ruleId: 'TFE-VCS-001', trigger: (e) => new OAuthClient(e.stack, 'Ado', { organization: e.org, serviceProvider: VcsProvider.ADO_SERVICES }) },
  { ruleId: 'TFE-VCS-002', trigger: (e) => new OAuthClient(e.stack, 'Svn', { organization: e.org, serviceProvider: 'svn' as any }) },
  {
    ruleId: 'TFE-VCS-003',
    trigger: (e) => new OAuthClient(e.stack, 'Bb', {
      organization: e.org,
      serviceProvider: VcsProvider.BITBUCKET_SERVER,
      apiUrl: 'https://bitbucket.acme.example',
      httpUrl: 'https://bitbucket.acme.example',
      key: 'consumer-key',
      secret: e.secret(),
      rsaPublicKey: '-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----',
    }),
  },
  { ruleId: 'TFE-VCS-004', trigger: (e) => new OAuthClient(e.stack, 'Ghe', { organization: e.org, serviceProvider: VcsProvider.GITHUB_ENTERPRISE, oauthToken: e.secret() }) },
  {
    ruleId: 'TFE-VCS-005',
    trigger: (e) => new OAuthClient(e.stack, 'Gh', { organization: e.org, serviceProvider: VcsProvider.GITHUB, oauthToken: e.secret(), apiUrl: 'ftp://github.example' }),
  },
  {
    ruleId: 'TFE-VCS-006',
    trigger: (e) => new OAuthClient(e.stack, 'Gh', {
      organization: e.org, serviceProvider: VcsProvider.GITHUB, oauthToken: e.secret(), agentPool: AgentPool.fromAgentPoolId(e.stack, 'P', e.org, 'apool-abc123'),
    }),
  },
  {
    ruleId: 'TFE-VCS-007',
    trigger: (e) => new OAuthClient(e.stack, 'Ghe', {
      organization: e.org,
      serviceProvider: VcsProvider.GITHUB_ENTERPRISE,
      apiUrl: 'https://ghe.acme.example/api/v3',
      httpUrl: 'https://ghe.acme.example',
      oauthToken: e.secret(),
      agentPool: AgentPool.fromAgentPoolId(e.stack, 'P', e.other(), 'apool-abc123'),
    }),
  },
  { ruleId: 'TFE-VCS-008', trigger: (e) => new OAuthClient(e.stack, 'Gh', { organization: e.org, serviceProvider: VcsProvider.GITHUB }) },
  { ruleId: 'TFE-VCS-009', trigger: (e) => new OAuthClient(e.stack, 'Bb', { organization: e.org, serviceProvider: VcsProvider.BITBUCKET_CLOUD, key: 'consumer-key' }) },
  {
    ruleId: 'TFE-VCS-010',
    trigger: (e) => new OAuthClient(e.stack, 'Gh', { organization: e.org, serviceProvider: VcsProvider.GITHUB, oauthToken: e.secret(), privateKey: e.secret() }),
  },
  {
    ruleId: 'TFE-VCS-011',
    trigger: (e) => new OAuthClient(e.stack, 'Ado', {
      organization: e.org, serviceProvider: VcsProvider.ADO_SERVER, apiUrl: 'https://ado.acme.example', httpUrl: 'https://ado.acme.example', oauthToken: e.secret(),
    }),
  },
  {
    ruleId: 'TFE-VCS-012',
    trigger: (e) => new OAuthClient(e.stack, 'Gh', { organization: e.org, serviceProvider: VcsProvider.GITHUB, oauthToken: e.secret(), rsaPublicKey: 'ssh-rsa AAAA' }),
  },
  {
    ruleId: 'TFE-VCS-013',
    trigger: (e) => new OAuthClient(e.stack, 'Gh', { organization: e.org, serviceProvider: VcsProvider.GITHUB, oauthToken: e.secret(), secret: e.secret() }),
  },
  {
    ruleId: 'TFE-VCS-014',
    trigger: (e) => new OAuthClient(e.stack, 'Bb', { organization: e.org, serviceProvider: VcsProvider.BITBUCKET_CLOUD, key: 'consumer-key', secret: e.secret() }),
  },
  {
    ruleId: 'TFE-VCS-015',
    trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', runWorkflow: RunWorkflow.vcs({ connection: broken(e), repository: 'acme/app' }) }),
  },
  {
    ruleId: 'TFE-VCS-016',
    trigger: (e) => new Workspace(e.stack, 'Api', {
      organization: e.org, name: 'api', runWorkflow: RunWorkflow.vcs({ connection: OAuthClient.fromOAuthTokenId(e.stack, 'C', e.other(), 'ot-abc123'), repository: 'acme/app' }),
    }),
  }, {
    ruleId: 'TFE-VCS-017',
    trigger: (e) => new OAuthClient(e.stack, 'Gh', { organization: e.org, serviceProvider: VcsProvider.GITHUB, oauthToken: e.secret() })
      .allowProject(e.org.addProject('P', { name: 'payments' })),
  },
  {
    ruleId: 'TFE-VCS-018',
    trigger: (e) => new OAuthClient(e.stack, 'Gh', { organization: e.org, serviceProvider: VcsProvider.GITHUB, oauthToken: e.secret(), organizationScoped: false })
      .allowProject(Project.fromProjectId(e.stack, 'P', e.other(), 'prj-abc123')),
  },


  // agent pools
  {
    ruleId: 'TFE-POOL-001',
    trigger: (e) => { new AgentPool(e.stack, 'A', { organization: e.org, name: 'private' }); new AgentPool(e.stack, 'B', { organization: e.org, name: 'private' }); },
  },
  {
    ruleId: 'TFE-POOL-002',
    trigger: (e) => new AgentPool(e.stack, 'Pool', { organization: e.org, name: 'pool', organizationScoped: false })
      .allowWorkspace(Workspace.fromWorkspaceName(e.stack, 'Ext', e.other(), 'ext')),
  },
  {
    ruleId: 'TFE-POOL-003',
    trigger: (e) => new AgentPool(e.stack, 'Pool', { organization: e.org, name: 'pool', organizationScoped: false })
      .allowProject(Project.fromProjectId(e.stack, 'P', e.other(), 'prj-abc123')),
  },
  { ruleId: 'TFE-POOL-004', featured: true, trigger: (e) => new AgentPool(e.stack, 'Pool', { organization: e.org, name: 'pool' }).allowWorkspace(ws(e)) },
  { ruleId: 'TFE-POOL-005', trigger: (e) => new AgentPool(e.stack, 'Pool', { organization: e.org, name: 'pool', organizationScoped: false }) },
  { ruleId: 'TFE-POOL-006', trigger: (e) => new AgentPool(e.stack, 'Pool', { organization: e.org, name: 'pool' }).addToken('K8s', { description: ' ' }) },
  {
    ruleId: 'TFE-POOL-007',
    trigger: (e) => new AgentPool(e.stack, 'Pool', { organization: e.org, name: 'pool' }).excludeWorkspace(Workspace.fromWorkspaceName(e.stack, 'Ext', e.other(), 'ext')),
  },
  {
    ruleId: 'TFE-POOL-008',
    trigger: (e) => {
      const pool = new AgentPool(e.stack, 'Pool', { organization: e.org, name: 'pool' });
      pool.excludeWorkspace(new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', executionMode: ExecutionMode.agent(pool) }));
      synth(e);
    },
  },

  // notifications
  {
    ruleId: 'TFE-NOTIF-001',
    trigger: (e) => {
      const w = ws(e);
      const destination = NotificationDestination.email({ users: ['user-abc123'] });
      w.addNotification('A', { name: 'ops', destination });
      w.addNotification('B', { name: 'ops', destination });
    },
  },
  {
    ruleId: 'TFE-NOTIF-002',
    trigger: (e) => {
      const w = ws(e);
      for (let i = 0; i <= 20; i++) w.addNotification(`N${i}`, { name: `n${i}`, destination: NotificationDestination.email({ users: ['user-abc123'] }) });
    },
  },
  {
    ruleId: 'TFE-NOTIF-003',
    trigger: (e) => ws(e).addNotification('N', {
      name: 'mail', destination: NotificationDestination.email({ users: ['user-abc123'] }), triggers: ['run:exploded' as NotificationTrigger],
    }),
  },
  {
    ruleId: 'TFE-NOTIF-004',
    trigger: (e) => ws(e).addNotification('N', {
      name: 'mail', destination: NotificationDestination.email({ users: ['user-abc123'] }), triggers: [NotificationTrigger.RUN_ERRORED, NotificationTrigger.RUN_ERRORED],
    }),
  },
  {
    ruleId: 'TFE-NOTIF-005',
    trigger: (e) => ws(e).addNotification('N', { name: 'mail', destination: NotificationDestination.email({ users: ['user-abc123'] }), triggers: [] }),
  },
  { ruleId: 'TFE-NOTIF-006', trigger: (e) => ws(e).addNotification('Hook', { name: 'hook', destination: NotificationDestination.generic('hooks.acme.example') }) },
  { ruleId: 'TFE-NOTIF-007', featured: true, trigger: (e) => slack(e, 'http://hooks.slack.example/x') },
  { ruleId: 'TFE-NOTIF-008', trigger: (e) => slack(e, 'https://hooks.slack.example/T000/B000/xyz') },
  { ruleId: 'TFE-NOTIF-009', trigger: (e) => ws(e).addNotification('Hook', { name: 'hook', destination: NotificationDestination.generic('http://hooks.acme.example/tfe') }) },
  { ruleId: 'TFE-NOTIF-010', trigger: (e) => ws(e).addNotification('N', { name: 'mail', destination: NotificationDestination.email({}) }) },
  { ruleId: 'TFE-NOTIF-011', trigger: (e) => ws(e).addNotification('N', { name: 'mail', destination: NotificationDestination.email({ emailAddresses: ['ops'] }) }) },
  {
    ruleId: 'TFE-NOTIF-012',
    trigger: (e) => ws(e).addNotification('N', { name: 'mail', destination: NotificationDestination.email({ emailAddresses: ['ops@acme.example'] }) }),
  }, {
    ruleId: 'TFE-NOTIF-013',
    trigger: (e) => {
      const t = team(e);
      t.addNotification('A', { name: 'cr', destination: NotificationDestination.email({ users: ['user-abc123'] }) });
      t.addNotification('B', { name: 'cr', destination: NotificationDestination.email({ users: ['user-abc123'] }) });
    },
  },
  {
    ruleId: 'TFE-NOTIF-014',
    trigger: (e) => team(e).addNotification('N', {
      name: 'cr', destination: NotificationDestination.email({ users: ['user-abc123'] }), triggers: [NotificationTrigger.RUN_ERRORED as unknown as TeamNotificationTrigger],
    }),
  },


  // policies
  { ruleId: 'TFE-POL-001', trigger: (e) => { sentinel(e, 'A'); sentinel(e, 'B'); } },
  {
    ruleId: 'TFE-POL-002',
    trigger: (e) => new Policy(e.stack, 'P', { organization: e.org, name: 'deny', kind: 'rego' as any, source: PolicySource.inline('package terraform') }),
  },
  {
    ruleId: 'TFE-POL-003',
    featured: true,
    trigger: (e) => new Policy(e.stack, 'P', {
      organization: e.org,
      name: 'deny',
      kind: PolicyKind.OPA,
      query: 'data.terraform.deny',
      source: PolicySource.inline('package terraform'),
      enforcementLevel: EnforcementLevel.SENTINEL_HARD_MANDATORY,
    }),
  },
  {
    ruleId: 'TFE-POL-004',
    featured: true,
    trigger: (e) => new Policy(e.stack, 'P', { organization: e.org, name: 'deny', kind: PolicyKind.OPA, source: PolicySource.inline('package terraform') }),
  },
  {
    ruleId: 'TFE-POL-005',
    trigger: (e) => new Policy(e.stack, 'P', { organization: e.org, name: 'deny', kind: PolicyKind.OPA, query: ' ', source: PolicySource.inline('package terraform') }),
  },
  {
    ruleId: 'TFE-POL-006',
    trigger: (e) => new Policy(e.stack, 'P', {
      organization: e.org, name: 'deny', kind: PolicyKind.SENTINEL, query: 'data.terraform.deny', source: PolicySource.inline('main = rule { true }'),
    }),
  },
  {
    ruleId: 'TFE-POL-007',
    trigger: (e) => new Policy(e.stack, 'P', {
      organization: e.org,
      name: 'deny',
      kind: PolicyKind.SENTINEL,
      source: PolicySource.fromFile(new TerraformVariable(e.stack, 'policy_file', { type: 'string' }).stringValue),
    }),
  },
  {
    ruleId: 'TFE-POL-008',
    trigger: (e) => new Policy(e.stack, 'P', { organization: e.org, name: 'deny', kind: PolicyKind.SENTINEL, source: PolicySource.fromFile('policies/missing.sentinel') }),
  },
  {
    ruleId: 'TFE-POL-009',
    trigger: (e) => {
      fs.writeFileSync(EMPTY_POLICY_FILE, '\n');
      new Policy(e.stack, 'P', { organization: e.org, name: 'deny', kind: PolicyKind.SENTINEL, source: PolicySource.fromFile(EMPTY_POLICY_FILE) });
    },
  },
  { ruleId: 'TFE-POL-010', trigger: (e) => new Policy(e.stack, 'P', { organization: e.org, name: 'deny', kind: PolicyKind.SENTINEL, source: PolicySource.inline(' ') }) },

  // policy sets
  { ruleId: 'TFE-PSET-001', trigger: (e) => { new PolicySet(e.stack, 'A', { organization: e.org, name: 'guardrails' }); set(e); } },
  { ruleId: 'TFE-PSET-002', trigger: (e) => set(e, { kind: 'rego' as any }) },
  { ruleId: 'TFE-PSET-003', trigger: (e) => { const s = set(e); const w = ws(e); s.attachTo(w); s.attachTo(w); } },
  { ruleId: 'TFE-PSET-004', trigger: (e) => { const s = set(e); const w = ws(e); s.exclude(w); s.attachTo(w); } },
  { ruleId: 'TFE-PSET-005', trigger: (e) => { const s = set(e); const p = e.org.addProject('P', { name: 'payments' }); s.attachToProject(p); s.attachToProject(p); } },
  { ruleId: 'TFE-PSET-006', trigger: (e) => { const s = set(e); const w = ws(e); s.exclude(w); s.exclude(w); } },
  { ruleId: 'TFE-PSET-007', trigger: (e) => { const s = set(e); const w = ws(e); s.attachTo(w); s.exclude(w); } },
  { ruleId: 'TFE-PSET-008', trigger: (e) => set(e).addParameter('allowed-regions', '["eu-west-1"]') },
  { ruleId: 'TFE-PSET-009', trigger: (e) => { const s = set(e); s.addParameter('env', 'prod'); s.addParameter('env', 'dev'); } },
  { ruleId: 'TFE-PSET-010', trigger: (e) => set(e).attachTo(Workspace.fromWorkspaceName(e.stack, 'Ext', e.other(), 'ext')) },
  { ruleId: 'TFE-PSET-011', trigger: (e) => set(e, { vcs: { connection: conn(e), repository: 'acme/policies' } }).addPolicy(sentinel(e)) },
  {
    ruleId: 'TFE-PSET-012',
    trigger: (e) => set(e).addPolicy(Policy.fromPolicyAttributes(e.stack, 'P', { organization: e.other(), policyId: 'pol-abc123', policyName: 'deny', kind: PolicyKind.SENTINEL })),
  },
  { ruleId: 'TFE-PSET-013', trigger: (e) => { const p = sentinel(e); set(e, { policies: [p] }).addPolicy(p); } },
  {
    ruleId: 'TFE-PSET-014',
    trigger: (e) => {
      const policyRef = (id: string, org: Organization) => Policy.fromPolicyAttributes(e.stack, id, { organization: org, policyId: 'pol-abc123', policyName: 'deny', kind: PolicyKind.SENTINEL });
      set(e, { policies: [policyRef('A', e.org)] });
      new PolicySet(e.stack, 'OtherSet', { organization: e.other(), name: 'guardrails', policies: [policyRef('B', e.other())] });
    },
  },
  { ruleId: 'TFE-PSET-015', trigger: (e) => set(e, { policiesPath: 'sentinel' } as any) },
  { ruleId: 'TFE-PSET-016', featured: true, trigger: (e) => set(e, { overridable: true }) },
  { ruleId: 'TFE-PSET-017', trigger: (e) => set(e, { kind: PolicyKind.OPA, agentEnabled: false }) },
  { ruleId: 'TFE-PSET-018', trigger: (e) => set(e, { policyToolVersion: ' ' }) },
  { ruleId: 'TFE-PSET-019', trigger: (e) => set(e, { kind: PolicyKind.OPA, policyToolVersion: 'latest' }) },
  { ruleId: 'TFE-PSET-020', trigger: (e) => set(e, { policyToolVersion: '0.24.1', agentEnabled: false }) },
  { ruleId: 'TFE-PSET-021', trigger: (e) => set(e, { vcs: { connection: conn(e), repository: 'acme/policies', policiesPath: ' ' } }) },
  { ruleId: 'TFE-PSET-022', trigger: (e) => set(e, { appliesToAllWorkspaces: true }).attachTo(ws(e)) },
  { ruleId: 'TFE-PSET-023', trigger: (e) => set(e).exclude(ws(e)) },
  { ruleId: 'TFE-PSET-024', featured: true, trigger: (e) => set(e, { policies: [sentinel(e), opa(e)] }) },
  { ruleId: 'TFE-PSET-025', trigger: (e) => (set(e).node.findChild('Resource') as TfePolicySet).addOverride('policies_path', 'sentinel') },

  // backend bindings
  {
    ruleId: 'TFE-BACKEND-001',
    featured: true,
    trigger: (e) => new Workspace(e.stack, 'Net', { organization: e.org, name: 'networking', runWorkflow: vcs(e) }).bindBackend(consumer(e)),
  },
  { ruleId: 'TFE-BACKEND-002', trigger: (e) => Backend.forWorkspace(consumer(e), Workspace.fromWorkspaceId(e.stack, 'Ref', e.org, 'ws-Fa3zQw8bXy6pLmN2')) },
  {
    ruleId: 'TFE-BACKEND-003',
    trigger: (e) => new WorkspaceGroup(e.stack, 'Net', {
      organization: e.org, prefix: 'net-', members: [{ shortName: 'dev' }], settings: { runWorkflow: vcs(e) },
    }).bindBackend(consumer(e)),
  },
  {
    ruleId: 'TFE-BACKEND-004',
    trigger: (e) => new WorkspaceGroup(e.stack, 'Net', {
      organization: e.org, prefix: Lazy.stringValue({ produce: () => 'net-' }), members: [{ shortName: 'dev' }],
    }).bindBackend(consumer(e)),
  },
  { ruleId: 'TFE-BACKEND-005', trigger: (e) => Backend.forExternalWorkspaces(consumer(e), { organizationName: 'acme', workspaceTags: ['app'] }) },
  {
    ruleId: 'TFE-BACKEND-006',
    featured: true,
    trigger: (e) => Backend.forExternalWorkspaces(consumer(e), { organizationName: 'acme', workspaceName: 'a', workspacePrefix: 'b-' }),
  },
  {
    ruleId: 'TFE-BACKEND-007',
    trigger: (e) => Backend.forExternalWorkspaces(consumer(e), { organizationName: 'acme', backendType: BackendType.CLOUD, workspacePrefix: 'app-' }),
  },
  { ruleId: 'TFE-BACKEND-008', featured: true, trigger: (e) => Backend.forExternalWorkspaces(consumer(e), { organizationName: 'acme', backendType: BackendType.CLOUD }) },
  {
    ruleId: 'TFE-BACKEND-009',
    trigger: (e) => Backend.forExternalWorkspaces(consumer(e), { organizationName: 'acme', backendType: BackendType.CLOUD, workspaceTags: [] }),
  },
  {
    ruleId: 'TFE-BACKEND-010',
    trigger: (e) => Backend.forExternalWorkspaces(consumer(e), { organizationName: Lazy.stringValue({ produce: () => 'acme' }), workspaceName: 'app' }),
  },
  {
    ruleId: 'TFE-BACKEND-011',
    trigger: (e) => {
      const name = new TerraformVariable(e.stack, 'org_name', { type: 'string' }).stringValue;
      new Workspace(e.stack, 'Dyn', { organization: Organization.fromOrganizationName(e.stack, 'DynOrg', name), name: 'app' }).bindBackend(consumer(e));
    },
  },
  { ruleId: 'TFE-BACKEND-012', trigger: (e) => ws(e).bindBackend(consumer(e), { hostname: 'https://app.terraform.io' }) },

  // entitlements
  // dynamic credentials
  { ruleId: 'TFE-DPC-001', trigger: () => DynamicCredentials.aws({ planRoleArn: 'arn:aws:iam::123456789012:role/plan' }) },
  { ruleId: 'TFE-DPC-002', featured: true, trigger: () => DynamicCredentials.aws({ runRoleArn: 'tfc-deploy' }) },
  { ruleId: 'TFE-DPC-003', trigger: () => DynamicCredentials.azure({ runClientId: 'my-app' }) },
  {
    ruleId: 'TFE-DPC-004',
    trigger: () => DynamicCredentials.gcp({ workloadProviderName: 'projects/1/locations/global/workloadIdentityPools/p/providers/q', runServiceAccountEmail: 'tfc@gmail.com' }),
  },
  { ruleId: 'TFE-DPC-005', trigger: () => DynamicCredentials.gcp({ runServiceAccountEmail: 'tfc@p.iam.gserviceaccount.com' }) },
  { ruleId: 'TFE-DPC-006', trigger: () => DynamicCredentials.vault({ address: 'vault.acme.example', runRole: 'tfc' }) },
  { ruleId: 'TFE-DPC-007', trigger: (e) => ws(e).addDynamicCredentials(DynamicCredentials.vault({ address: 'http://vault.internal:8200', runRole: 'tfc' })) },
  {
    ruleId: 'TFE-DPC-008',
    trigger: (e) => ws(e).addDynamicCredentials(DynamicCredentials.aws({
      runRoleArn: 'arn:aws:iam::123456789012:role/tfc', applyRoleArn: 'arn:aws:iam::123456789012:role/tfc',
    })),
  },
  {
    ruleId: 'TFE-DPC-009',
    trigger: (e) => {
      const w = ws(e);
      w.addDynamicCredentials(DynamicCredentials.aws({ runRoleArn: 'arn:aws:iam::123456789012:role/tfc' }));
      w.addDynamicCredentials(DynamicCredentials.aws({ runRoleArn: 'arn:aws:iam::123456789012:role/other' }));
    },
  },
  {
    ruleId: 'TFE-DPC-010',
    featured: true,
    trigger: (e) => {
      const w = ws(e);
      w.addDynamicCredentials(DynamicCredentials.aws({ runRoleArn: 'arn:aws:iam::123456789012:role/tfc' }));
      w.addVariable('Key', { key: 'AWS_ACCESS_KEY_ID', value: VariableValue.string('AKIA0000'), category: VariableCategory.ENV });
      synth(e);
    },
  },

  // default execution modes
  { ruleId: 'TFE-DEF-001', trigger: (e) => e.org.configureDefaultExecutionMode(ExecutionMode.agent(undefined as unknown as AgentPool)) },
  {
    ruleId: 'TFE-DEF-002',
    trigger: (e) => e.org.addProject('P', { name: 'payments' }).configureDefaultExecutionMode(ExecutionMode.agent(new AgentPool(e.stack, 'Pool', { organization: e.other(), name: 'pool' }))),
  },
  { ruleId: 'TFE-DEF-003', trigger: (e) => { e.org.configureDefaultExecutionMode(ExecutionMode.remote()); e.org.configureDefaultExecutionMode(ExecutionMode.local()); } },

  // SSH keys
  {
    ruleId: 'TFE-SSH-001',
    trigger: (e) => {
      new SshKey(e.stack, 'A', { organization: e.org, name: 'deploy', privateKey: e.secret() });
      new SshKey(e.stack, 'B', { organization: e.org, name: 'deploy', privateKey: e.secret() });
    },
  },
  { ruleId: 'TFE-SSH-002', trigger: (e) => new SshKey(e.stack, 'Key', { organization: e.org, name: 'deploy', privateKey: '' }) },

  {
    ruleId: 'TFE-ENT-001',
    featured: true,
    trigger: (e) => Organization.fromOrganizationName(e.stack, 'Free', 'free-org', Entitlements.free()).addTeam('Ops', { name: 'ops' }),
  },

  // run tasks
  { ruleId: 'TFE-TASK-001', trigger: (e) => task(e, { name: 'security scanner' }) },
  { ruleId: 'TFE-TASK-002', trigger: (e) => { task(e); new OrganizationRunTask(e.stack, 'Again', { organization: e.org, name: 'scanner', url: 'https://x.example' }); } },
  { ruleId: 'TFE-TASK-003', featured: true, trigger: (e) => task(e, { url: 'scanner.example.com/hook' }) },
  { ruleId: 'TFE-TASK-004', trigger: (e) => task(e, { url: 'http://scanner.internal/hook' }) },
  { ruleId: 'TFE-TASK-005', trigger: (e) => task(e, { hmacKey: new TerraformVariable(e.stack, 'hmac', { type: 'string' }).stringValue }) },
  { ruleId: 'TFE-TASK-006', trigger: (e) => ws(e).addRunTask(task(e), { stages: [] }) },
  { ruleId: 'TFE-TASK-007', trigger: (e) => ws(e).addRunTask(task(e), { stages: ['post-plan' as RunTaskStage] }) },
  { ruleId: 'TFE-TASK-008', trigger: (e) => ws(e).addRunTask(task(e), { stages: [RunTaskStage.PRE_PLAN, RunTaskStage.PRE_PLAN] }) },
  { ruleId: 'TFE-TASK-009', trigger: (e) => ws(e).addRunTask(task(e), { enforcement: 'hard-mandatory' as RunTaskEnforcement }) },
  { ruleId: 'TFE-TASK-010', featured: true, trigger: (e) => { const t = task(e); const w = ws(e); w.addRunTask(t); w.addRunTask(t); } },
  { ruleId: 'TFE-TASK-011', trigger: (e) => ws(e).addRunTask(new OrganizationRunTask(e.stack, 'T', { organization: e.other(), name: 's', url: 'https://s.example' })) },
  { ruleId: 'TFE-TASK-012', trigger: (e) => { const t = task(e); t.applyToAllWorkspaces(); t.applyToAllWorkspaces(); } },
  { ruleId: 'TFE-TASK-013', trigger: (e) => OrganizationRunTask.fromRunTaskId(e.stack, 'Ref', e.org, 'scanner') },
  { ruleId: 'TFE-TASK-014', trigger: (e) => ws(e).addRunTask(task(e, { enabled: false })) },

  // workspace outputs
  { ruleId: 'TFE-OUT-001', featured: true, trigger: (e) => outputs(e, ws(e, 'Network', 'network'), ws(e)) },
  { ruleId: 'TFE-OUT-002', trigger: (e) => outputs(e, ws(e, 'Network', 'network'), new Workspace(e.stack, 'OtherApp', { organization: e.other(), name: 'app' })) },
  { ruleId: 'TFE-OUT-003', trigger: (e) => outputs(e, ws(e, 'Network', 'network'), ws(e)).getString('vpc id') },
  { ruleId: 'TFE-OUT-004', trigger: (e) => outputs(e, Workspace.fromWorkspaceId(e.stack, 'Ref', e.org, 'ws-Fa3zQw8bXy6pLmN2') as Workspace) },
  { ruleId: 'TFE-OUT-005', trigger: (e) => outputs(e, Workspace.fromWorkspaceName(e.stack, 'Ref', e.org, 'network') as Workspace, ws(e)) },
  { ruleId: 'TFE-OUT-006', trigger: (e) => outputs(e, ws(e, 'Network', 'network')) },

  // registry modules
  { ruleId: 'TFE-REG-001', featured: true, trigger: (e) => registryModule(e, { repository: 'acme/vpc' }) },
  { ruleId: 'TFE-REG-002', trigger: (e) => registryModule(e, { repository: 'acme/terraform-AWS-vpc' }) },
  { ruleId: 'TFE-REG-003', trigger: (e) => registryModule(e, { publishing: ModulePublishing.branch(' ') }) },
  { ruleId: 'TFE-REG-004', featured: true, trigger: (e) => registryModule(e, { tests: {} }) },
  { ruleId: 'TFE-REG-005', trigger: (e) => registryModule(e, { publishing: ModulePublishing.branch('main', { initialVersion: 'v1.0' }) }) },
  {
    ruleId: 'TFE-REG-006',
    trigger: (e) => registryModule(e, { publishing: ModulePublishing.branch('main'), tests: { agentPool: new AgentPool(e.stack, 'Pool', { organization: e.other(), name: 'p' }) } }),
  },
  { ruleId: 'TFE-REG-007', trigger: (e) => registryModule(e, { repository: 'acme/modules', sourceDirectory: '../vpc' }) },
  { ruleId: 'TFE-REG-008', trigger: (e) => registryModule(e, { publishing: ModulePublishing.tags({ tagPrefix: '' }) }) },
  {
    ruleId: 'TFE-REG-009',
    trigger: (e) => {
      registryModule(e, { repository: 'acme/modules', sourceDirectory: 'vpc' });
      new RegistryModule(e.stack, 'Again', { organization: e.org, connection: e.stack.node.findChild('Conn') as IVcsConnection, repository: 'acme/modules', sourceDirectory: 'vpc' });
    },
  },
  {
    ruleId: 'TFE-REG-010',
    trigger: (e) => { registryModule(e); new RegistryModule(e.stack, 'Fork', { organization: e.org, connection: e.stack.node.findChild('Conn') as IVcsConnection, repository: 'fork/terraform-aws-vpc' }); },
  },
  { ruleId: 'TFE-REG-011', trigger: (e) => RegistryModule.fromRegistryModuleId(e.stack, 'Ref', e.org, 'vpc') },
  {
    ruleId: 'TFE-REG-012',
    trigger: (e) => { const m = tested(e); m.addTestVariable('A', { key: 'region', value: VariableValue.string('eu') }); m.addTestVariable('B', { key: 'region', value: VariableValue.string('us') }); },
  },
  {
    ruleId: 'TFE-REG-014',
    trigger: (e) => tested(e).addTestVariable('A', { key: 'zones', value: VariableValue.list(['a']), category: VariableCategory.TERRAFORM }),
  },
  { ruleId: 'TFE-REG-013', trigger: (e) => registryModule(e).addTestVariable('A', { key: 'region', value: VariableValue.string('eu') }) },

  // no-code modules
  { ruleId: 'TFE-NOCODE-001', trigger: (e) => registryModule(e).enableNoCode('NoCode', { variableOptions: [{ name: 'region', options: ['eu'] }] }) },
  { ruleId: 'TFE-NOCODE-002', featured: true, trigger: (e) => noCode(e, { versionPin: '~> 1.2' }) },
  { ruleId: 'TFE-NOCODE-003', trigger: (e) => noCode(e, { variableOptions: [{ name: 'region', options: [] }] }) },
  { ruleId: 'TFE-NOCODE-004', trigger: (e) => noCode(e, { variableOptions: [{ name: 'the region', options: ['eu'] }] }) },
  { ruleId: 'TFE-NOCODE-005', trigger: (e) => noCode(e, { variableOptions: [{ name: 'region', options: ['eu'] }, { name: 'region', options: ['us'] }] }) },
  { ruleId: 'TFE-NOCODE-006', trigger: (e) => noCode(e, { variableOptions: [{ name: 'region', options: ['eu', 'eu'] }] }) },
  { ruleId: 'TFE-NOCODE-007', trigger: (e) => noCode(e, { variableOptions: [{ name: 'az_count', type: NoCodeVariableType.NUMBER, options: ['two'] }] }) },
  { ruleId: 'TFE-NOCODE-008', trigger: (e) => { const m = registryModule(e); m.enableNoCode('A'); m.enableNoCode('B'); } },

  // moves
  { ruleId: 'TFE-MOVE-001', trigger: (e) => Moves.renamedFrom(ws(e), 'Acme//Api') },
  { ruleId: 'TFE-MOVE-002', trigger: (e) => Moves.renamedFrom(ws(e), 'Api') },

  // acknowledgements
  { ruleId: 'TFE-RULE-001', trigger: (e) => Rules.acknowledge(e.stack, 'TFE-NOTIF-999', 'the receiver is internal') },
  { ruleId: 'TFE-RULE-002', trigger: (e) => Rules.acknowledge(e.stack, 'TFE-WS-001', 'two workspaces, one name') },
  { ruleId: 'TFE-RULE-003', trigger: (e) => Rules.acknowledge(e.stack, 'TFE-NOTIF-009', ' ') },
];

interface Outcome {
  readonly ruleId: string;
  readonly severity: 'error' | 'warning' | 'info';
  /** `<path>: [<rule id>] <detail>`. */
  readonly message: string;
}

const ANNOTATION_SEVERITY: Record<string, 'warning' | 'info'> = { '@cdktf/warn': 'warning', '@cdktf/info': 'info' };

/** What breaking the rule of `c` reports: the error thrown, or else the annotation with its id after a synth. */
function outcomeOf(c: Case): Outcome {
  const e = env();
  try {
    c.trigger(e);
    for (const stack of e.app.node.children) if (stack instanceof TerraformStack) Testing.synth(stack, true);
  } catch (err) {
    if (Errors.isValidationError(err)) return { ruleId: Errors.ruleIdOf(err)!, severity: 'error', message: (err as Error).message };
    // Synth-time rules arrive in cdktf's validation error, one line per problem: "[<path>] [<rule id>] <detail>".
    const raw = (err as Error).message;
    const line = raw.split('\n').map((l) => /^\s*\[([^\]]+)\] \[(TFE-[A-Z]+-\d{3})\] (.*)$/.exec(l)).find((m) => m && m[2] === c.ruleId)
      ?? raw.split('\n').map((l) => /^\s*\[([^\]]+)\] \[(TFE-[A-Z]+-\d{3})\] (.*)$/.exec(l)).find((m) => m);
    if (line) return { ruleId: line[2], severity: 'error', message: `${line[1]}: [${line[2]}] ${line[3]}` };
    throw new Error(`case ${c.ruleId} threw something other than a rule's error: ${raw}`);
  }
  const annotations = e.app.node.findAll().flatMap((node: IConstruct) => node.node.metadata
    .filter((m) => ANNOTATION_SEVERITY[m.type] !== undefined && typeof m.data === 'string' && m.data.startsWith(`[${c.ruleId}] `))
    .map((m) => ({ ruleId: c.ruleId, severity: ANNOTATION_SEVERITY[m.type], message: `${node.node.path}: ${m.data}` })));
  if (annotations.length === 0) throw new Error(`case ${c.ruleId} broke no rule`);
  return annotations[0];
}

/** Parts of messages that change between machines and runs. */
function stable(message: string): string {
  return message
    .replace(/now is \d{4}-\d{2}-\d{2}T[\d:.]+Z/g, 'now is <synth time>')
    .split(process.cwd()).join('<cwd>')
    .split(os.tmpdir()).join('<tmp>');
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const RULE_DEFINITIONS = RULES as Record<string, { area: string; title: string; severity: string }>;

function outcomes(): Map<string, Outcome> {
  return new Map(CASES.map((c) => [c.ruleId, outcomeOf(c)]));
}

function fullTable(results: Map<string, Outcome>): string {
  const rows = Object.entries(RULE_DEFINITIONS).map(([id, r]) =>
    `| ${id} | ${r.severity} | ${r.area} | ${cell(r.title)} | ${cell(stable(results.get(id)?.message ?? '(no example)'))} |`);
  return ['| id | severity | area | rule | example message |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function featuredTable(results: Map<string, Outcome>): string {
  const rows = CASES.filter((c) => c.featured).map((c) => {
    const r = RULE_DEFINITIONS[c.ruleId];
    return `| ${c.ruleId} | ${r.area} | ${cell(r.title)} | ${cell(stable(results.get(c.ruleId)!.message))} |`;
  });
  return ['| id | area | rule | message |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const README = path.join(__dirname, '..', 'README.md');
const RULES_DOC = path.join(__dirname, '..', 'docs', 'rules.md');
const START = '<!-- rule-messages:start -->';
const END = '<!-- rule-messages:end -->';

/** The generated part of `file`, after writing `expected` into it when asked to. */
function generatedPart(file: string, expected: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  if (process.env.UPDATE_RULE_TABLE) {
    fs.writeFileSync(file, `${text.slice(0, start + START.length)}\n${expected}\n${text.slice(end)}`);
  }
  const current = fs.readFileSync(file, 'utf8');
  return current.slice(current.indexOf(START) + START.length, current.indexOf(END)).trim();
}

/** Every `TFE-XX-NNN` written in the files of `dir` (recursively). */
function idsIn(dir: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const [id, files] of idsIn(full)) found.set(id, [...(found.get(id) ?? []), ...files]);
    } else if (entry.name.endsWith('.ts')) {
      for (const m of fs.readFileSync(full, 'utf8').matchAll(/TFE-[A-Z]+-\d+/g)) {
        found.set(m[0], [...(found.get(m[0]) ?? []), path.relative(dir, full)]);
      }
    }
  }
  return found;
}

describe('rule catalogue', () => {
  const results = outcomes();

  test('ids are TFE-<AREA>-<three digits>, numbered from 001 within each area', () => {
    const byArea = new Map<string, number[]>();
    for (const id of Object.keys(RULE_DEFINITIONS)) {
      const m = /^TFE-([A-Z]+)-(\d{3})$/.exec(id);
      expect(m).not.toBeNull();
      byArea.set(m![1], [...(byArea.get(m![1]) ?? []), Number(m![2])]);
    }
    for (const numbers of byArea.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  test('every rule of the catalogue has a case, and every case names a rule of the catalogue', () => {
    const cased = CASES.map((c) => c.ruleId);
    expect(new Set(cased).size).toBe(cased.length);
    expect([...cased].sort()).toEqual(Object.keys(RULE_DEFINITIONS).sort());
  });

  test('each case breaks the rule it names, reported with the rule\'s severity', () => {
    const wrong = CASES
      .map((c) => ({ c, o: results.get(c.ruleId)! }))
      .filter(({ c, o }) => o.ruleId !== c.ruleId || o.severity !== RULE_DEFINITIONS[c.ruleId].severity)
      .map(({ c, o }) => `${c.ruleId} (${RULE_DEFINITIONS[c.ruleId].severity}) reported ${o.ruleId} (${o.severity}): ${o.message}`);
    expect(wrong).toEqual([]);
    for (const o of results.values()) {
      // The construct path (or a value object's factory), then the rule id in brackets, then the detail.
      expect(o.message).toMatch(/^(app|consumer)(\/[^:\s]+)*: \[TFE-[A-Z]+-\d{3}\] \S|^[A-Z]\w*\.\w+: \[TFE-[A-Z]+-\d{3}\] \S/);
    }
  });

  test('every rule id written in src/ is in the catalogue', () => {
    const unknown = [...idsIn(path.join(__dirname, '..', 'src'))].filter(([id]) => RULE_DEFINITIONS[id] === undefined).map(([id, files]) => `${id} (${files.join(', ')})`);
    expect(unknown).toEqual([]);
  });

  test('docs/rules.md lists every rule with the message the code produces', () => {
    const expected = fullTable(results);
    expect(generatedPart(RULES_DOC, expected)).toBe(expected);
  });

  test('the README table of selected messages matches the code, and the catalogue table names every area', () => {
    const expected = featuredTable(results);
    expect(generatedPart(README, expected)).toBe(expected);
    const readme = fs.readFileSync(README, 'utf8');
    const areas = new Set(Object.keys(RULE_DEFINITIONS).map((id) => id.replace(/-\d{3}$/, '')));
    const missing = [...areas].filter((prefix) => !readme.includes(`\`${prefix}-`));
    expect(missing).toEqual([]);
  });

  test('Rules.all() and Rules.describe() serve the catalogue', () => {
    expect(Rules.all().map((r) => r.ruleId)).toEqual(Object.keys(RULE_DEFINITIONS));
    expect(Rules.describe('TFE-WS-001')).toEqual({ ruleId: 'TFE-WS-001', area: 'workspaces', title: 'workspace names per organization', severity: 'error' });
    expect(() => Rules.describe('TFE-WS-999')).toThrow(/^Rules\.describe: \[TFE-RULE-001\] rule "TFE-WS-999" is not in the catalogue/);
  });
});
