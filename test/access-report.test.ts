import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import {
  AgentPool, EnforcementLevel, Organization, OrganizationAccess, Policy, PolicyKind, PolicySet, PolicySource, ProjectAccess,
  Team, Workspace, WorkspaceAccess, WorkspaceGroup, DynamicCredentials, VariableSet,
} from '../src';
import { AccessReport } from '../src/access-report';

function platform(stack: TerraformStack) {
  new TfeProvider(stack, 'tfe', {});
  const org = new Organization(stack, 'Acme', { name: 'acme', email: 'a@acme.example' });
  const admins = org.addTeam('Admins', { name: 'admins', organizationAccess: OrganizationAccess.workspaceManager() });
  const readers = org.addTeam('Readers', { name: 'readers', organizationAccess: OrganizationAccess.readOnly() });
  const devs = org.addTeam('Devs', { name: 'devs' });
  const owners = Team.fromTeamName(stack, 'Owners', org, 'owners');
  const payments = org.addProject('Payments', { name: 'payments' });
  payments.grantAccess(devs, ProjectAccess.MAINTAIN);
  const api = new Workspace(stack, 'Api', { organization: org, name: 'payments-api', project: payments });
  api.grantAccess(readers, WorkspaceAccess.WRITE);
  api.grantAccess(owners, WorkspaceAccess.custom({}));
  const net = new WorkspaceGroup(stack, 'Net', { organization: org, prefix: 'net-', members: [{ shortName: 'dev' }, { shortName: 'prod' }], promotion: true });
  net.grantAccess(devs, WorkspaceAccess.PLAN);
  api.triggeredBy(net.member('prod'));
  devs.addToken('Ci', { description: 'ci | pipeline', expiresAt: '2030-01-01' });
  admins.addToken('Legacy');
  org.addToken('OrgToken');
  new AgentPool(stack, 'Pool', { organization: org, name: 'pool' }).addToken('Agents', { description: 'agents' });
  const deny = new Policy(stack, 'Deny', {
    organization: org,
    name: 'no-public-buckets',
    kind: PolicyKind.SENTINEL,
    source: PolicySource.inline('main = rule { true }'),
    enforcementLevel: EnforcementLevel.SENTINEL_HARD_MANDATORY,
  });
  const prodSet = new PolicySet(stack, 'ProdSet', { organization: org, name: 'prod-guardrails', policies: [deny] });
  prodSet.attachTo(net.member('prod'));
  const advisory = new Policy(stack, 'Tags', {
    organization: org,
    name: 'require-tags',
    kind: PolicyKind.SENTINEL,
    source: PolicySource.inline('main = rule { true }'),
  });
  const everywhere = new PolicySet(stack, 'Everywhere', { organization: org, name: 'everywhere', policies: [advisory], appliesToAllWorkspaces: true });
  everywhere.exclude(net.member('dev'));
  const projectSet = new PolicySet(stack, 'ProjectSet', { organization: org, name: 'payments-set', policies: [deny] });
  projectSet.attachToProject(payments);
  return { org };
}

describe('AccessReport', () => {
  test('renders effective access, tokens, policy sets and the run-trigger graph', () => {
    // GIVEN
    const app = Testing.app();
    const stack = new TerraformStack(app, 'platform');
    platform(stack);
    // WHEN
    const report = AccessReport.render(stack);
    // THEN
    expect(report).toMatch(/^# Access report: stack `platform`/);
    const row = (ws: string) => report.split('\n').find((l) => l.startsWith(`| ${ws} |`))!;
    // columns: admins, devs, readers, test/Owners... sorted by label
    const header = report.split('\n').find((l) => l.startsWith('| workspace |'))!;
    expect(header).toBe('| workspace | admins | devs | platform/Owners | readers |');
    expect(row('payments-api')).toBe(
      '| payments-api | **admin** (org: manage workspaces) | **admin** (project maintain) | **custom** (workspace custom) | **write** (workspace write; org: read workspaces) |',
    );
    expect(row('net-dev')).toBe('| net-dev | **admin** (org: manage workspaces) | **plan** (workspace plan) | - | **read** (org: read workspaces) |');
    expect(report).toContain('| admins | workspace-manager | manageProjects, manageWorkspaces, readProjects, readWorkspaces |');
    expect(report).toContain('| platform/Acme/Devs/Ci | team "ci \\| pipeline" | team devs | yes | 2030-01-01T00:00:00Z |');
    expect(report).toContain('| platform/Acme/Admins/Legacy | team (legacy) | team admins | yes | never |');
    expect(report).toContain('| platform/Acme/OrgToken | organization | manages teams, membership and workspaces | no | never |');
    expect(report).toMatch(/\| platform\/Pool\/Agents \| agent \| registers agents in pool platform\/Pool/);
    expect(report).toContain('| net-prod | platform/Everywhere (sentinel: require-tags advisory)<br>platform/ProdSet (sentinel: no-public-buckets hard-mandatory) |');
    expect(report).toContain('| net-dev | - |');
    expect(report).toContain(
      '| payments-api | platform/Everywhere (sentinel: require-tags advisory)<br>platform/ProjectSet (sentinel: no-public-buckets hard-mandatory) |',
    );
    expect(report).toContain('```mermaid\ngraph LR\n');
    expect(report).toContain('n_platform_Net_dev["net-dev"] --> n_platform_Net_prod["net-prod"]');
    expect(report).toContain('n_platform_Net_prod["net-prod"] --> n_platform_Api["payments-api"]');
  });

  test('is deterministic', () => {
    const render = () => {
      const stack = new TerraformStack(Testing.app(), 'platform');
      platform(stack);
      return AccessReport.render(stack);
    };
    expect(render()).toBe(render());
  });

  test('is written next to the stack output at synth, and can be turned off', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'));
    const app = new App({ outdir });
    platform(new TerraformStack(app, 'platform'));
    app.synth();
    const file = path.join(outdir, 'stacks', 'platform', 'access-report.md');
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^# Access report: stack `platform`/);

    const off = fs.mkdtempSync(path.join(os.tmpdir(), 'report-off-'));
    const quiet = new App({ outdir: off, context: { [AccessReport.CONTEXT_KEY]: false } });
    platform(new TerraformStack(quiet, 'platform'));
    quiet.synth();
    expect(fs.existsSync(path.join(off, 'stacks', 'platform', 'access-report.md'))).toBe(false);
    expect(fs.existsSync(path.join(off, 'stacks', 'platform', 'cdk.tf.json'))).toBe(true);
  });

  test.each([
    ['a workspace', (stack: TerraformStack, org: Organization) => { new Workspace(stack, 'W', { organization: org, name: 'w' }); }],
    ['a team', (_stack: TerraformStack, org: Organization) => { org.addTeam('Ops', { name: 'ops' }); }],
    ['a team token', (stack: TerraformStack, org: Organization) => {
      Team.fromTeamId(stack, 'T', org, 'team-abc123').addToken('Ci', { description: 'ci' });
    }],
    ['the organization token', (_stack: TerraformStack, org: Organization) => { org.addToken('OrgToken'); }],
    ['an explicit AccessReport.enable', (stack: TerraformStack) => AccessReport.enable(stack)],
  ])('a stack with %s gets the report; one without gets none', (_what, add) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'));
    const app = new App({ outdir });
    for (const id of ['with', 'without']) {
      const stack = new TerraformStack(app, id);
      new TfeProvider(stack, 'tfe', {});
      const org = new Organization(stack, 'Acme', { name: `acme-${id}`, email: 'a@acme.example' });
      if (id === 'with') add(stack, org);
    }
    app.synth();
    expect(fs.existsSync(path.join(outdir, 'stacks', 'with', 'access-report.md'))).toBe(true);
    expect(fs.existsSync(path.join(outdir, 'stacks', 'without', 'access-report.md'))).toBe(false);
  });

  test('stacks marked before the report module loads get the report too', () => {
    jest.isolateModules(() => {
      // GIVEN a construct marks its stack while the report module is not loaded yet
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const hook = require('../src/private/access-hook');
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-early-'));
      const app = new App({ outdir });
      const stack = new TerraformStack(app, 'early');
      hook.markAccessRelevant(stack);
      // WHEN the report module loads
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../src/access-report');
      app.synth();
      // THEN the stack still gets its report
      expect(fs.existsSync(path.join(outdir, 'stacks', 'early', 'access-report.md'))).toBe(true);
    });
  });

  test('a stack without teams, tokens or policy sets says so', () => {
    const stack = new TerraformStack(Testing.app(), 'bare');
    new TfeProvider(stack, 'tfe', {});
    const org = new Organization(stack, 'Acme', { name: 'acme', email: 'a@acme.example' });
    new Workspace(stack, 'W', { organization: org, name: 'w' });
    const report = AccessReport.render(stack);
    expect(report).toContain('_No teams or no workspaces in this stack._');
    expect(report).toContain('_No tokens in this stack._');
    expect(report).toContain('_No policy sets in this stack._');
    expect(report).toContain('_No run triggers in this stack._');
  });
});

describe('cloud identities of runs', () => {
  test('lists the dynamic credentials of workspaces and variable sets, and only in stacks that have some', () => {
    const stack = new TerraformStack(Testing.app(), 'platform');
    new TfeProvider(stack, 'tfe', {});
    const org = new Organization(stack, 'Acme', { name: 'acme', email: 'a@acme.example' });
    const api = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    new Workspace(stack, 'Web', { organization: org, name: 'web' });
    api.addDynamicCredentials(DynamicCredentials.aws({ runRoleArn: 'arn:aws:iam::123456789012:role/api', planRoleArn: 'arn:aws:iam::123456789012:role/api-ro' }));
    api.addDynamicCredentials(DynamicCredentials.vault({ address: 'https://vault.acme.example', runRole: 'api' }));
    const set = new VariableSet(stack, 'Azure', { organization: org, name: 'azure' });
    set.addDynamicCredentials(DynamicCredentials.azure({ runClientId: org.organizationName }));
    const report = AccessReport.render(stack);
    const section = report.slice(report.indexOf('## Cloud identities of runs'), report.indexOf('## Run triggers'));
    expect(section).toBe([
      '## Cloud identities of runs (dynamic credentials)',
      '',
      '| workspace or variable set | identities runs assume |',
      '| --- | --- |',
      '| api | AWS role arn:aws:iam::123456789012:role/api; plans: arn:aws:iam::123456789012:role/api-ro<br>Vault https://vault.acme.example role api |',
      '| variable set platform/Azure | Azure client (a reference) |',
      '',
      '',
    ].join('\n'));

    const plain = new TerraformStack(Testing.app(), 'plain');
    new TfeProvider(plain, 'tfe', {});
    new Workspace(plain, 'Api', { organization: new Organization(plain, 'Acme', { name: 'acme', email: 'a@acme.example' }), name: 'api' });
    expect(AccessReport.render(plain)).not.toContain('Cloud identities');
  });
});
