import { RunTrigger as TfeRunTrigger } from '@cdktf/provider-tfe/lib/run-trigger';
import { Testing, TerraformVariable } from 'cdktf';
import { errorOf, setup, validationError, warnings } from './util';
import {
  AgentPool, Errors, Notification, NotificationDestination, OrganizationRunTask, Policy, PolicyKind, PolicySet, PolicySource, Project,
  ProjectAccess, SshKey, Team, VariableCategory, VariableSet, VariableValue, Workspace, WorkspaceAccess, WorkspaceGroup,
} from '../src';

Testing.setupJest();

/** The import blocks of a synthesized stack: target address to ID. */
function imports(stack: any): Record<string, string> {
  const json = JSON.parse(Testing.synth(stack));
  return Object.fromEntries((json.import ?? []).map((i: any) => [i.to, i.id]));
}

function byType(blocks: Record<string, string>, type: string): string[] {
  return Object.entries(blocks).filter(([to]) => to.startsWith(`${type}.`)).map(([, id]) => id).sort();
}

describe('adoptExisting', () => {
  test('writes one import block per resource, with the ID form each type documents', () => {
    const { stack, org } = setup();
    org.adoptExisting();
    const ops = new Team(stack, 'Ops', { organization: org, name: 'ops' });
    ops.adoptExisting('team-Ab12Cd34Ef56Gh78');
    const payments = new Project(stack, 'Payments', { organization: org, name: 'payments' });
    payments.adoptExisting('prj-Ab12Cd34Ef56Gh78');
    payments.grantAccess(ops, ProjectAccess.MAINTAIN).importFrom('tprj-Ab12Cd34Ef56Gh78');
    const api = new Workspace(stack, 'Api', { organization: org, name: 'api', project: payments });
    api.adoptExisting();
    const web = new Workspace(stack, 'Web', { organization: org, name: 'web' });
    web.adoptExisting('ws-Ab12Cd34Ef56Gh78');
    api.addVariable('Region', { key: 'region', value: VariableValue.string('eu-west-1') }).adoptExisting('var-Ab12Cd34Ef56Gh78');
    api.grantAccess(ops, WorkspaceAccess.WRITE).adoptExisting('tws-Ab12Cd34Ef56Gh78');
    api.triggeredBy(web).importFrom('rt-Ab12Cd34Ef56Gh78');
    const common = new VariableSet(stack, 'Common', { organization: org, name: 'Common settings' });
    common.adoptExisting('varset-Ab12Cd34Ef56Gh78');
    common.addVariable('Env', { key: 'ENV', value: VariableValue.string('prod'), category: VariableCategory.ENV }).adoptExisting('var-Zz12Cd34Ef56Gh78');
    common.applyToWorkspace(api).importFrom('acme/api/Common settings');
    const n = new Notification(stack, 'Slack', { workspace: api, name: 'slack', destination: NotificationDestination.email({ emailAddresses: ['ops@example.com'] }) });
    n.adoptExisting('nc-Ab12Cd34Ef56Gh78');
    // A new variable on an adopted workspace is created, not imported.
    api.addVariable('New', { key: 'fresh', value: VariableValue.string('x') });

    const blocks = imports(stack);
    expect(byType(blocks, 'tfe_organization')).toEqual(['acme']);
    expect(byType(blocks, 'tfe_team')).toEqual(['acme/team-Ab12Cd34Ef56Gh78']);
    expect(byType(blocks, 'tfe_project')).toEqual(['prj-Ab12Cd34Ef56Gh78']);
    expect(byType(blocks, 'tfe_team_project_access')).toEqual(['tprj-Ab12Cd34Ef56Gh78']);
    expect(byType(blocks, 'tfe_workspace')).toEqual(['acme/api', 'ws-Ab12Cd34Ef56Gh78']);
    expect(byType(blocks, 'tfe_workspace_settings')).toEqual(['acme/api', 'ws-Ab12Cd34Ef56Gh78']);
    expect(byType(blocks, 'tfe_variable')).toEqual(['acme/api/var-Ab12Cd34Ef56Gh78', 'acme/varset-Ab12Cd34Ef56Gh78/var-Zz12Cd34Ef56Gh78']);
    expect(byType(blocks, 'tfe_team_access')).toEqual(['acme/api/tws-Ab12Cd34Ef56Gh78']);
    expect(byType(blocks, 'tfe_run_trigger')).toEqual(['rt-Ab12Cd34Ef56Gh78']);
    expect(byType(blocks, 'tfe_variable_set')).toEqual(['varset-Ab12Cd34Ef56Gh78']);
    expect(byType(blocks, 'tfe_workspace_variable_set')).toEqual(['acme/api/Common settings']);
    expect(byType(blocks, 'tfe_notification_configuration')).toEqual(['nc-Ab12Cd34Ef56Gh78']);
    // Every import block targets a resource the stack declares.
    const json = JSON.parse(Testing.synth(stack));
    for (const to of Object.keys(blocks)) {
      const [type, name] = to.split('.');
      expect(json.resource[type][name]).toBeDefined();
    }
    expect(Object.keys(blocks)).toHaveLength(15);
  });

  test('resources written after the call are imported too: a team\'s members, a pool\'s allowed workspaces', () => {
    const { stack, org } = setup();
    const pool = new AgentPool(stack, 'Pool', { organization: org, name: 'builders', organizationScoped: false });
    pool.adoptExisting('apool-Ab12Cd34Ef56Gh78');
    const ws = new Workspace(stack, 'Ws', { organization: org, name: 'ws' });
    pool.allowWorkspace(ws);
    const team = new Team(stack, 'Ops', { organization: org, name: 'ops' });
    team.adoptExisting('team-Ab12Cd34Ef56Gh78');
    team.addMember(org.inviteMember('Jane', { email: 'jane@example.com' }));
    const blocks = imports(stack);
    expect(byType(blocks, 'tfe_agent_pool')).toEqual(['apool-Ab12Cd34Ef56Gh78']);
    expect(byType(blocks, 'tfe_agent_pool_allowed_workspaces')).toEqual(['apool-Ab12Cd34Ef56Gh78']);
    expect(byType(blocks, 'tfe_team_organization_members')).toEqual(['team-Ab12Cd34Ef56Gh78']);
    expect(byType(blocks, 'tfe_organization_membership')).toEqual([]);
  });

  test('group members, policies, run tasks and memberships', () => {
    const { stack, org } = setup();
    const group = new WorkspaceGroup(stack, 'Net', { organization: org, prefix: 'networking-', members: [{ shortName: 'dev' }, { shortName: 'prod' }] });
    for (const m of group.shortNames) group.member(m).adoptExisting();
    const policy = new Policy(stack, 'NoPublic', { organization: org, name: 'no-public', kind: PolicyKind.SENTINEL, source: PolicySource.inline('main = true') });
    policy.adoptExisting('pol-Ab12Cd34Ef56Gh78');
    const set = new PolicySet(stack, 'Baseline', { organization: org, name: 'baseline', policies: [policy] });
    set.adoptExisting('polset-Ab12Cd34Ef56Gh78');
    set.attachTo(group.member('dev')).importFrom('acme/networking-dev/baseline');
    const task = new OrganizationRunTask(stack, 'Scan', { organization: org, name: 'scan', url: 'https://scan.example.com' });
    task.adoptExisting();
    task.attachTo(group.member('prod')).adoptExisting();
    org.inviteMember('Jane', { email: 'jane@example.com' }).adoptExisting();
    const blocks = imports(stack);
    expect(byType(blocks, 'tfe_workspace')).toEqual(['acme/networking-dev', 'acme/networking-prod']);
    expect(byType(blocks, 'tfe_policy')).toEqual(['acme/pol-Ab12Cd34Ef56Gh78']);
    expect(byType(blocks, 'tfe_policy_set')).toEqual(['polset-Ab12Cd34Ef56Gh78']);
    expect(byType(blocks, 'tfe_workspace_policy_set')).toEqual(['acme/networking-dev/baseline']);
    expect(byType(blocks, 'tfe_organization_run_task')).toEqual(['acme/scan']);
    expect(byType(blocks, 'tfe_workspace_run_task')).toEqual(['acme/networking-prod/scan']);
    expect(byType(blocks, 'tfe_organization_membership')).toEqual(['acme/jane@example.com']);
    expect(PolicyKind.SENTINEL).toBeDefined();
  });

  test('a wrong ID names the construct and the documented form (TFE-IMP-001, TFE-ID-*)', () => {
    const { stack, org } = setup();
    const ws = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    const e = validationError(() => ws.adoptExisting('team-Ab12Cd34Ef56Gh78'));
    expect(Errors.ruleIdOf(e)).toBe('TFE-ID-003');
    expect(Errors.constructPathOf(e)).toBe('test/Api');
    const v = ws.addVariable('Region', { key: 'region', value: VariableValue.string('x') });
    expect(Errors.ruleIdOf(validationError(() => v.adoptExisting('ws-Ab12Cd34Ef56Gh78')))).toBe('TFE-ID-014');
    // Raw importFrom on the library's resources is checked too.
    const trigger = ws.triggeredBy(Workspace.fromWorkspaceName(stack, 'Up', org, 'up'));
    const raw = validationError(() => trigger.importFrom('acme/up'));
    expect(Errors.ruleIdOf(raw)).toBe('TFE-IMP-001');
    expect(raw.message).toContain('`<RUN TRIGGER ID>`');
    expect(raw.message).toContain('website/docs/r/run_trigger.html.markdown');
    expect(Errors.ruleIdOf(validationError(() => v.importFrom('acme/api')))).toBe('TFE-IMP-001');
    expect(trigger).toBeInstanceOf(TfeRunTrigger);
  });

  test('an ID known only at plan time, or a name that is, is refused (TFE-IMP-002)', () => {
    const { stack, org } = setup();
    const name = new TerraformVariable(stack, 'ws_name', { type: 'string' });
    const ws = new Workspace(stack, 'Api', { organization: org, name: name.stringValue });
    ws.adoptExisting();
    const e = errorOf(() => Testing.synth(stack));
    expect(String(e.message)).toContain('TFE-IMP-002');
    const { stack: s2, org: o2 } = setup();
    const ws2 = new Workspace(s2, 'Api', { organization: o2, name: 'api' });
    const id = new TerraformVariable(s2, 'ws_id', { type: 'string' });
    expect(Errors.ruleIdOf(validationError(() => ws2.adoptExisting(id.stringValue)))).toBe('TFE-IMP-002');
  });

  test('types provider 0.71.0 cannot import are refused (TFE-IMP-003); a second adoption too (TFE-IMP-004)', () => {
    const { stack, org } = setup();
    const key = new SshKey(stack, 'Key', { organization: org, name: 'k', privateKey: new TerraformVariable(stack, 'pk', { type: 'string', sensitive: true }).stringValue });
    const l1 = key.node.findChild('Resource') as any;
    const e = validationError(() => l1.importFrom('sshkey-Ab12Cd34Ef56Gh78'));
    expect(Errors.ruleIdOf(e)).toBe('TFE-IMP-003');
    const ws = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    ws.adoptExisting();
    expect(Errors.ruleIdOf(validationError(() => ws.adoptExisting('ws-Ab12Cd34Ef56Gh78')))).toBe('TFE-IMP-004');
  });

  test('a variable of a set whose ID is unknown is refused (TFE-IMP-006); a set referenced by ID works', () => {
    const { stack, org } = setup();
    const set = new VariableSet(stack, 'Common', { organization: org, name: 'common' });
    set.addVariable('A', { key: 'a', value: VariableValue.string('1') }).adoptExisting('var-Ab12Cd34Ef56Gh78');
    expect(String(errorOf(() => Testing.synth(stack)).message)).toContain('TFE-IMP-006');
    const { stack: s2, org: o2 } = setup();
    const ref = VariableSet.fromVariableSetId(s2, 'Ref', o2, 'varset-Ab12Cd34Ef56Gh78');
    ref.addVariable('A', { key: 'a', value: VariableValue.string('1') }).adoptExisting('var-Ab12Cd34Ef56Gh78');
    expect(byType(imports(s2), 'tfe_variable')).toEqual(['acme/varset-Ab12Cd34Ef56Gh78/var-Ab12Cd34Ef56Gh78']);
  });

  test('an adopted token warns that its secret is not known (TFE-IMP-005)', () => {
    const { stack, org } = setup();
    const team = new Team(stack, 'Ops', { organization: org, name: 'ops' });
    const token = team.addToken('Ci', { description: 'ci' });
    token.adoptExisting('at-Ab12Cd34Ef56Gh78');
    expect(warnings(token)).toEqual([expect.stringMatching(/^\[TFE-IMP-005\]/)]);
    expect(byType(imports(stack), 'tfe_team_token')).toEqual(['at-Ab12Cd34Ef56Gh78']);
  });
});

describe('import blocks and the Terraform version check', () => {
  test('one `terraform version` check per stack, however many resources are imported', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ValidateTerraformVersion } = require('cdktf/lib/validations/validate-terraform-version');
    const spy = jest.spyOn(ValidateTerraformVersion.prototype, 'validate').mockReturnValue([]);
    try {
      const { stack, org } = setup();
      org.adoptExisting();
      for (let i = 0; i < 5; i++) new Workspace(stack, `W${i}`, { organization: org, name: `w${i}` }).adoptExisting();
      Testing.synth(stack);
      for (const c of stack.node.findAll()) c.node.validate();
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});
