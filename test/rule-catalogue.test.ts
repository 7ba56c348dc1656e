import * as fs from 'fs';
import * as path from 'path';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { TeamMember } from '@cdktf/provider-tfe/lib/team-member';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  AgentPool, Backend, BackendType, EnforcementLevel, Entitlements, Errors, ExecutionMode, NotificationDestination, OAuthClient,
  Organization, Policy, PolicyKind, PolicySet, PolicySource, ProjectAccess, RunCredentials, RunWorkflow, Team, VariableCategory,
  VariableSet, VariableValue, VcsProvider, Workspace, WorkspaceAccess, WorkspaceGroup,
} from '../src';

/**
 * The README's "Error messages" table is generated from these cases: each
 * feeds one rule its bad input, and the table shows the message it produces.
 * The test fails when the README and the code disagree; regenerate the table
 * with `UPDATE_RULE_TABLE=1 npx jest test/rule-catalogue`.
 */
interface Case {
  readonly area: string;
  readonly rule: string;
  readonly trigger: (env: Env) => void;
}

interface Env {
  readonly stack: TerraformStack;
  readonly org: Organization;
  readonly secret: () => string;
}

function env(): Env {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'app');
  new TfeProvider(stack, 'tfe', {});
  const org = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });
  let n = 0;
  return { stack, org, secret: () => new TerraformVariable(stack, `secret${n++}`, { type: 'string', sensitive: true }).stringValue };
}

const vcs = (e: Env) => RunWorkflow.vcs({ connection: OAuthClient.fromOAuthTokenId(e.stack, 'Conn', e.org, 'ot-abc123'), repository: 'acme/app' });
const ws = (e: Env, id = 'Api', name = 'api') => new Workspace(e.stack, id, { organization: e.org, name });
const sentinel = (e: Env, id = 'Policy') => new Policy(e.stack, id, {
  organization: e.org, name: 'no-public-buckets', kind: PolicyKind.SENTINEL, source: PolicySource.inline('main = rule { true }'),
});

const CASES: Case[] = [
  { area: 'names', rule: 'organization name characters', trigger: (e) => new Organization(e.stack, 'Bad', { name: 'acme corp', email: 'a@b.example' }) },
  { area: 'names', rule: 'team name characters', trigger: (e) => e.org.addTeam('Ops', { name: 'ops team' }) },
  { area: 'names', rule: 'the built-in owners team', trigger: (e) => e.org.addTeam('Owners', { name: 'owners' }) },
  { area: 'names', rule: 'project name length', trigger: (e) => e.org.addProject('P', { name: 'ab' }) },
  { area: 'names', rule: 'workspace name characters', trigger: (e) => ws(e, 'Api', 'payments api') },
  { area: 'names', rule: 'workspace name length', trigger: (e) => ws(e, 'Api', 'w'.repeat(91)) },
  { area: 'uniqueness', rule: 'team names per organization', trigger: (e) => { e.org.addTeam('A', { name: 'ops' }); e.org.addTeam('B', { name: 'ops' }); } },
  { area: 'uniqueness', rule: 'workspace names per organization', trigger: (e) => { ws(e, 'A', 'api'); ws(e, 'B', 'api'); } },
  {
    area: 'uniqueness',
    rule: 'a group member colliding with a standalone workspace',
    trigger: (e) => { ws(e, 'Standalone', 'net-prod'); new WorkspaceGroup(e.stack, 'Net', { organization: e.org, prefix: 'net-', members: [{ shortName: 'prod' }] }); },
  },
  { area: 'IDs', rule: 'workspace ID form', trigger: (e) => Workspace.fromWorkspaceId(e.stack, 'Ref', e.org, 'ws-123') },
  {
    area: 'members',
    rule: 'mixing membership resources on one team',
    trigger: (e) => {
      const team = e.org.addTeam('Ops', { name: 'ops', members: [e.org.inviteMember('Ann', { email: 'ann@acme.example' })] });
      new TeamMember(e.stack, 'Raw', { teamId: team.teamId, username: 'bob' });
      Testing.synth(e.stack, true);
    },
  },
  { area: 'tokens', rule: 'one legacy token per team', trigger: (e) => { const t = e.org.addTeam('Ops', { name: 'ops' }); t.addToken('A'); t.addToken('B'); } },
  { area: 'tokens', rule: 'unique token descriptions', trigger: (e) => { const t = e.org.addTeam('Ops', { name: 'ops' }); t.addToken('A', { description: 'ci' }); t.addToken('B', { description: 'ci' }); } },
  { area: 'tokens', rule: 'forceRegenerate with a description', trigger: (e) => e.org.addTeam('Ops', { name: 'ops' }).addToken('Ci', { description: 'ci', forceRegenerate: true }) },
  { area: 'tokens', rule: 'expiry not ISO-8601', trigger: (e) => e.org.addTeam('Ops', { name: 'ops' }).addToken('Ci', { expiresAt: 'next year' }) },
  { area: 'tokens', rule: 'expiry in the past', trigger: (e) => e.org.addTeam('Ops', { name: 'ops' }).addToken('Ci', { expiresAt: '2001-01-01T00:00:00Z' }) },
  { area: 'tokens', rule: 'one organization token', trigger: (e) => { e.org.addToken('A'); e.org.addToken('B'); } },
  { area: 'tokens', rule: 'the organization token as run credentials', trigger: (e) => RunCredentials.fromToken(e.org.addToken('OrgToken')) },
  {
    area: 'access',
    rule: 'one grant per team and workspace',
    trigger: (e) => {
      const w = ws(e); const t = e.org.addTeam('Ops', { name: 'ops' });
      w.grantAccess(t, WorkspaceAccess.READ); w.grantAccess(t, WorkspaceAccess.WRITE);
    },
  },
  {
    area: 'access',
    rule: 'a team of another organization',
    trigger: (e) => {
      const other = Organization.fromOrganizationName(e.stack, 'Other', 'other');
      e.org.addProject('P', { name: 'payments' }).grantAccess(Team.fromTeamId(e.stack, 'T', other, 'team-abc123'), ProjectAccess.READ);
    },
  },
  {
    area: 'run workflow',
    rule: 'trigger prefixes vs patterns vs tags regex',
    trigger: (e) => new Workspace(e.stack, 'Api', {
      organization: e.org,
      name: 'api',
      runWorkflow: RunWorkflow.vcs({ connection: OAuthClient.fromOAuthTokenId(e.stack, 'Conn', e.org, 'ot-abc123'), repository: 'acme/app', triggerPrefixes: ['x/'], tagsRegex: 'v.*' }),
    }),
  },
  { area: 'execution mode', rule: 'local execution with a VCS link', trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', runWorkflow: vcs(e), executionMode: ExecutionMode.local() }) },
  { area: 'execution mode', rule: 'agent mode without a pool', trigger: (e) => new Workspace(e.stack, 'Api', { organization: e.org, name: 'api', executionMode: ExecutionMode.agent(undefined as any) }) },
  { area: 'run triggers', rule: 'self-trigger', trigger: (e) => { const w = ws(e); w.triggeredBy(w); } },
  { area: 'run triggers', rule: 'cycles', trigger: (e) => { const a = ws(e, 'A', 'a'); const b = ws(e, 'B', 'b'); b.triggeredBy(a); a.triggeredBy(b); } },
  {
    area: 'run triggers',
    rule: 'more than 20 sources',
    trigger: (e) => {
      const target = ws(e, 'Target', 'target');
      for (let i = 0; i <= 20; i++) target.triggeredBy(ws(e, `S${i}`, `s${i}`));
    },
  },
  {
    area: 'state sharing',
    rule: 'consumers with global remote state on',
    trigger: (e) => {
      new Workspace(e.stack, 'Open', { organization: e.org, name: 'open', globalRemoteState: true }).shareStateWith(ws(e));
    },
  },
  { area: 'variables', rule: 'HCL on an environment variable', trigger: (e) => ws(e).addVariable('Zones', { key: 'ZONES', value: VariableValue.list(['a']), category: VariableCategory.ENV }) },
  {
    area: 'variables',
    rule: 'a key twice per workspace and category',
    trigger: (e) => {
      const w = ws(e); w.addVariable('A', { key: 'region', value: VariableValue.string('eu') }); w.addVariable('B', { key: 'region', value: VariableValue.string('us') });
    },
  },
  { area: 'variables', rule: 'invalid Terraform variable name', trigger: (e) => ws(e).addVariable('V', { key: '1region', value: VariableValue.string('eu') }) },
  { area: 'variables', rule: 'invalid environment variable name', trigger: (e) => ws(e).addVariable('V', { key: 'AWS-REGION', value: VariableValue.string('eu'), category: VariableCategory.ENV }) },
  { area: 'variables', rule: 'a sensitive literal value', trigger: (e) => ws(e).addVariable('Pw', { key: 'db_password', value: VariableValue.string('hunter2'), sensitive: true }) },
  {
    area: 'variable sets',
    rule: 'a scoped variable set marked global',
    trigger: (e) => {
      new VariableSet(e.stack, 'Set', { organization: e.org, name: 'defaults', allWorkspaces: true, workspaces: [ws(e)] });
      Testing.synth(e.stack, true);
    },
  },
  { area: 'VCS', rule: 'a literal OAuth token', trigger: (e) => new OAuthClient(e.stack, 'Gh', { organization: e.org, serviceProvider: VcsProvider.GITHUB, oauthToken: 'ghp_0123456789abcdef' }) },
  { area: 'notifications', rule: 'Slack webhooks are https', trigger: (e) => ws(e).addNotification('Slack', { name: 'slack', destination: NotificationDestination.slack('http://hooks.slack.example/x') }) },
  {
    area: 'policies',
    rule: 'enforcement level of the other kind',
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
    area: 'policies',
    rule: 'OPA policy without a query',
    trigger: (e) => new Policy(e.stack, 'P', {
      organization: e.org, name: 'deny', kind: PolicyKind.OPA, source: PolicySource.inline('package terraform'),
    }),
  },
  {
    area: 'policies',
    rule: 'mixed-kind policies in one set',
    trigger: (e) => {
      const opa = new Policy(e.stack, 'Opa', { organization: e.org, name: 'deny', kind: PolicyKind.OPA, query: 'data.terraform.deny', source: PolicySource.inline('package terraform') });
      new PolicySet(e.stack, 'Set', { organization: e.org, name: 'guardrails', policies: [sentinel(e), opa] });
      Testing.synth(e.stack, true);
    },
  },
  { area: 'policies', rule: 'overridable on a Sentinel set', trigger: (e) => new PolicySet(e.stack, 'Set', { organization: e.org, name: 'guardrails', overridable: true }) },
  {
    area: 'entitlements',
    rule: 'a feature the subscription lacks',
    trigger: (e) => {
      Organization.fromOrganizationName(e.stack, 'Free', 'free-org', Entitlements.free()).addTeam('Ops', { name: 'ops' });
    },
  },
  {
    area: 'agent pools',
    rule: 'allowed workspaces on an organization-scoped pool',
    trigger: (e) => {
      new AgentPool(e.stack, 'Pool', { organization: e.org, name: 'pool' }).allowWorkspace(ws(e));
      Testing.synth(e.stack, true);
    },
  },
  {
    area: 'backend binding',
    rule: 'a VCS-driven workspace bound for applies',
    trigger: (e) => {
      new Workspace(e.stack, 'Net', { organization: e.org, name: 'networking', runWorkflow: vcs(e) }).bindBackend(new TerraformStack(e.stack.node.root as any, 'consumer'));
    },
  },
  {
    area: 'backend binding',
    rule: 'remote backend: exactly one of name or prefix',
    trigger: (e) => {
      Backend.forExternalWorkspaces(new TerraformStack(e.stack.node.root as any, 'consumer'), { organizationName: 'acme', workspaceName: 'a', workspacePrefix: 'b-' });
    },
  },
  {
    area: 'backend binding',
    rule: 'cloud block: name or tags',
    trigger: (e) => {
      Backend.forExternalWorkspaces(new TerraformStack(e.stack.node.root as any, 'consumer'), { organizationName: 'acme', backendType: BackendType.CLOUD });
    },
  },
  { area: 'groups', rule: 'the "default" short name', trigger: (e) => new WorkspaceGroup(e.stack, 'Net', { organization: e.org, prefix: 'net-', members: [{ shortName: 'default' }] }) },
];

function messageOf(c: Case): string {
  try {
    c.trigger(env());
  } catch (e) {
    // Synth-time rules arrive wrapped by cdktf's validation error; the rest are ValidationErrors.
    const raw = (e as Error).message;
    const validation = /Validation failed with the following errors:\s*\n\s*\[([^\]]+)\] (.*)/s.exec(raw);
    if (validation) return `${validation[1]}: ${validation[2].split('\n')[0]}`;
    if (!Errors.isValidationError(e)) throw new Error(`case "${c.rule}" threw something other than a ValidationError: ${raw}`);
    return raw;
  }
  throw new Error(`case "${c.rule}" did not fail`);
}

function table(): string {
  // The clock in the expiry message is the only part that changes between runs.
  const stable = (m: string) => m.replace(/now is \d{4}-\d{2}-\d{2}T[\d:.]+Z/g, 'now is <synth time>');
  const rows = CASES.map((c) => `| ${c.area} | ${c.rule} | ${stable(messageOf(c)).replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
  return ['| area | rule | message |', '| --- | --- | --- |', ...rows].join('\n');
}

const README = path.join(__dirname, '..', 'README.md');
const START = '<!-- rule-messages:start -->';
const END = '<!-- rule-messages:end -->';

describe('rule catalogue', () => {
  test('every case fails with a ValidationError that names a construct path', () => {
    for (const c of CASES) expect(messageOf(c)).toMatch(/^(app|consumer)(\/[^:\s]+)*: \S/);
  });

  test('the README table matches the messages the code produces', () => {
    const readme = fs.readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const expected = table();
    if (process.env.UPDATE_RULE_TABLE) {
      fs.writeFileSync(README, `${readme.slice(0, start + START.length)}\n${expected}\n${readme.slice(end)}`);
    }
    const current = fs.readFileSync(README, 'utf8');
    expect(current.slice(current.indexOf(START) + START.length, current.indexOf(END)).trim()).toBe(expected);
  });
});
