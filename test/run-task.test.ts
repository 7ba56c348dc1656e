import { OrganizationRunTask as TfeOrganizationRunTask } from '@cdktf/provider-tfe/lib/organization-run-task';
import { OrganizationRunTaskGlobalSettings } from '@cdktf/provider-tfe/lib/organization-run-task-global-settings';
import { WorkspaceRunTask } from '@cdktf/provider-tfe/lib/workspace-run-task';
import { TerraformVariable, Testing } from 'cdktf';
import { errorMessageOf, secretVar, setup, validationError, warnings } from './util';
import {
  AccessReport, Entitlement, Entitlements, Errors, Organization, OrganizationRunTask, RunTaskAttachment, RunTaskEnforcement,
  RunTaskStage, Workspace, WorkspaceGroup,
} from '../src';
import { resolveValue } from '../src/private/validation';

Testing.setupJest();

function scanner(stack: any, org: any, props: Partial<ConstructorParameters<typeof OrganizationRunTask>[2]> = {}) {
  return new OrganizationRunTask(stack, 'Scanner', {
    organization: org,
    name: 'security-scanner',
    url: 'https://scanner.example.com/tfc',
    hmacKey: secretVar(stack, 'scanner_hmac'),
    ...props,
  });
}

describe('OrganizationRunTask', () => {
  test('a task with a URL, a sensitive HMAC key, enabled by default', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const task = scanner(stack, org, { description: 'scans ${plans}' });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeOrganizationRunTask, {
      name: 'security-scanner',
      organization: expect.stringMatching(/^\$\{tfe_organization\.Acme_[A-F0-9]+\.name\}$/),
      url: 'https://scanner.example.com/tfc',
      hmac_key: '${var.scanner_hmac}',
      enabled: true,
      category: 'task',
      description: 'scans $${plans}',
    });
    expect(resolveValue(stack, task.runTaskId)).toMatch(/^\$\{tfe_organization_run_task\.Scanner_[A-F0-9]+\.id\}$/);
    expect(task.enabled).toBe(true);
    expect(warnings(stack)).toEqual([]);
  });

  test('the HMAC key may be left out, and the task disabled', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    new OrganizationRunTask(stack, 'T', { organization: org, name: 'cost', url: 'https://cost.example.com', enabled: false });
    // THEN
    const json = JSON.parse(Testing.synth(stack, true));
    const task = Object.values<any>(json.resource.tfe_organization_run_task)[0];
    expect(task.hmac_key).toBeUndefined();
    expect(task.enabled).toBe(false);
  });

  test.each([
    ['payments scanner', 'TFE-TASK-001'],
    ['', 'TFE-TASK-001'],
  ])('name %j is refused', (name, ruleId) => {
    const { stack, org } = setup();
    const e = validationError(() => scanner(stack, org, { name }));
    expect(Errors.ruleIdOf(e)).toBe(ruleId);
    expect(e.message).toContain(JSON.stringify(name));
  });

  test('names are unique per organization', () => {
    const { stack, org } = setup();
    scanner(stack, org);
    const e = validationError(() => new OrganizationRunTask(stack, 'Again', { organization: org, name: 'security-scanner', url: 'https://x.example' }));
    expect(Errors.ruleIdOf(e)).toBe('TFE-TASK-002');
    expect(e.message).toMatch(/already used by test\/Scanner/);
    // another organization may use the name
    const other = new Organization(stack, 'Other', { name: 'other', email: 'o@other.example' });
    expect(() => new OrganizationRunTask(stack, 'Elsewhere', { organization: other, name: 'security-scanner', url: 'https://x.example' })).not.toThrow();
  });

  test.each(['ftp://scanner.example.com', 'scanner.example.com', 'not a url'])('URL %j is refused', (url) => {
    const { stack, org } = setup();
    const e = validationError(() => scanner(stack, org, { url }));
    expect(Errors.ruleIdOf(e)).toBe('TFE-TASK-003');
    expect(e.message).toContain(JSON.stringify(url));
  });

  test('a URL from a variable is checked once it resolves', () => {
    const { stack, org } = setup();
    scanner(stack, org, { url: new TerraformVariable(stack, 'url', { type: 'string', default: 'x' }).stringValue });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('a plain http URL is a warning', () => {
    const { stack, org } = setup();
    scanner(stack, org, { url: 'http://scanner.internal' });
    expect(warnings(stack)).toEqual([expect.stringMatching(/^\[TFE-TASK-004\] the run task URL "http:\/\/scanner.internal" is plain http/)]);
  });

  test('a literal HMAC key is refused, and the message does not show it', () => {
    const { stack, org } = setup();
    const e = validationError(() => scanner(stack, org, { hmacKey: 'super-secret-key-value' }));
    expect(Errors.ruleIdOf(e)).toBe('TFE-SECRET-001');
    expect(e.message).not.toContain('super-secret-key-value');
  });

  test('an HMAC key from a variable that is not sensitive fails the synth', () => {
    const { stack, org } = setup();
    scanner(stack, org, { hmacKey: new TerraformVariable(stack, 'plain_key', { type: 'string' }).stringValue });
    expect(errorMessageOf(() => Testing.synth(stack, true))).toMatch(/\[TFE-TASK-005\] hmacKey comes from Terraform variable "plain_key", which is not sensitive/);
  });

  test('needs the run-tasks entitlement when the organization declares its entitlements', () => {
    const { stack } = setup();
    const free = new Organization(stack, 'Free', { name: 'free', email: 'f@free.example', entitlements: Entitlements.team() });
    const e = validationError(() => scanner(stack, free));
    expect(Errors.ruleIdOf(e)).toBe('TFE-ENT-001');
    expect(e.message).toMatch(/"run-tasks" entitlement/);
    const governed = new Organization(stack, 'Gov', { name: 'gov', email: 'g@gov.example', entitlements: Entitlements.teamAndGovernance() });
    expect(() => new OrganizationRunTask(stack, 'Ok', { organization: governed, name: 'ok', url: 'https://ok.example' })).not.toThrow();
  });

  test('references by name and by ID', () => {
    const { stack, org } = setup();
    const byName = OrganizationRunTask.fromRunTaskName(stack, 'ByName', org, 'legacy-scanner');
    const byId = OrganizationRunTask.fromRunTaskId(stack, 'ById', org, 'task-abc123');
    const ws = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    expect(ws.addRunTask(byName).node.id).toBe('RunTask-legacy-scanner');
    expect(ws.addRunTask(byId).node.id).toBe('RunTask-id:task-abc123');
    const json = Testing.synth(stack, true);
    expect(json).toHaveDataSourceWithProperties({ tfResourceType: 'tfe_organization_run_task' } as any, { name: 'legacy-scanner' });
    expect(json).toHaveResourceWithProperties(WorkspaceRunTask, { task_id: 'task-abc123' });
    expect(byName.enabled).toBeUndefined();
    expect(Errors.ruleIdOf(validationError(() => OrganizationRunTask.fromRunTaskId(stack, 'Bad', org, 'scanner')))).toBe('TFE-TASK-013');
    expect(Errors.ruleIdOf(validationError(() => OrganizationRunTask.fromRunTaskName(stack, 'BadName', org, 'a b')))).toBe('TFE-TASK-001');
  });
});

describe('attaching run tasks', () => {
  test('to a workspace: stages (never the deprecated stage) and enforcement', () => {
    // GIVEN
    const { stack, org } = setup();
    const task = scanner(stack, org);
    const ws = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    // WHEN
    const a = ws.addRunTask(task, { stages: [RunTaskStage.PRE_APPLY, RunTaskStage.PRE_PLAN], enforcement: RunTaskEnforcement.MANDATORY });
    // THEN
    expect(a.node.id).toBe('RunTask-security-scanner');
    expect(a.node.scope).toBe(ws);
    expect(a.stages).toEqual(['pre_plan', 'pre_apply']);
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(WorkspaceRunTask, {
      workspace_id: expect.stringMatching(/^\$\{tfe_workspace\.Api_[A-F0-9]+\.id\}$/),
      task_id: expect.stringMatching(/^\$\{tfe_organization_run_task\.Scanner_[A-F0-9]+\.id\}$/),
      stages: ['pre_plan', 'pre_apply'],
      enforcement_level: 'mandatory',
    });
    const attachment = Object.values<any>(JSON.parse(json).resource.tfe_workspace_run_task)[0];
    expect(attachment.stage).toBeUndefined();
    expect(resolveValue(stack, a.attachmentId)).toMatch(/tfe_workspace_run_task/);
    expect(RunTaskAttachment.attachmentsOn(ws)).toEqual([a]);
  });

  test('defaults: post-plan, advisory; attachTo is the same as addRunTask', () => {
    const { stack, org } = setup();
    const task = scanner(stack, org);
    const ws = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    const a = task.attachTo(ws);
    expect(a.stages).toEqual(['post_plan']);
    expect(a.enforcement).toBe('advisory');
    expect(a.node.scope).toBe(ws);
  });

  test('to every member of a group, addressed by the task, not by call order', () => {
    const { stack, org } = setup();
    const task = scanner(stack, org);
    const other = new OrganizationRunTask(stack, 'Cost', { organization: org, name: 'cost', url: 'https://cost.example.com' });
    const group = new WorkspaceGroup(stack, 'Net', { organization: org, prefix: 'net-', members: [{ shortName: 'dev' }, { shortName: 'prod' }] });
    group.addRunTask(other);
    const attachments = group.addRunTask(task, { enforcement: RunTaskEnforcement.MANDATORY });
    expect(attachments.map((a) => a.node.path)).toEqual(['test/Net/dev/RunTask-security-scanner', 'test/Net/prod/RunTask-security-scanner']);
    expect(RunTaskAttachment.attachmentsOn(group.member('prod')).map((a) => a.node.id)).toEqual(['RunTask-cost', 'RunTask-security-scanner']);
  });

  test('the same task twice on a workspace is refused, also through a group', () => {
    const { stack, org } = setup();
    const task = scanner(stack, org);
    const group = new WorkspaceGroup(stack, 'Net', { organization: org, prefix: 'net-', members: [{ shortName: 'dev' }, { shortName: 'prod' }] });
    group.member('prod').addRunTask(task);
    const e = validationError(() => group.addRunTask(task));
    expect(Errors.ruleIdOf(e)).toBe('TFE-TASK-010');
    expect(Errors.constructPathOf(e)).toBe('test/Net/prod');
    const ws = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    ws.addRunTask(OrganizationRunTask.fromRunTaskName(stack, 'Same', org, 'security-scanner'));
    expect(Errors.ruleIdOf(validationError(() => ws.addRunTask(task)))).toBe('TFE-TASK-010');
  });

  test('a task of another organization is refused', () => {
    const { stack, org } = setup();
    const other = new Organization(stack, 'Other', { name: 'other', email: 'o@other.example' });
    const task = scanner(stack, other);
    const ws = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    expect(Errors.ruleIdOf(validationError(() => ws.addRunTask(task)))).toBe('TFE-TASK-011');
  });

  test.each([
    [[], 'TFE-TASK-006'],
    [['post-plan'], 'TFE-TASK-007'],
    [['post_plan', 'post_plan'], 'TFE-TASK-008'],
  ])('stages %j are refused', (stages, ruleId) => {
    const { stack, org } = setup();
    const task = scanner(stack, org);
    const ws = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    expect(Errors.ruleIdOf(validationError(() => ws.addRunTask(task, { stages: stages as RunTaskStage[] })))).toBe(ruleId);
  });

  test('an unknown enforcement level is refused', () => {
    const { stack, org } = setup();
    const task = scanner(stack, org);
    const ws = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    const e = validationError(() => ws.addRunTask(task, { enforcement: 'hard-mandatory' as RunTaskEnforcement }));
    expect(Errors.ruleIdOf(e)).toBe('TFE-TASK-009');
    expect(e.message).toContain('"hard-mandatory"');
  });

  test('attaching a disabled task is a warning', () => {
    const { stack, org } = setup();
    const task = scanner(stack, org, { enabled: false });
    new Workspace(stack, 'Api', { organization: org, name: 'api' }).addRunTask(task);
    expect(warnings(stack)).toEqual([expect.stringMatching(/^\[TFE-TASK-014\] run task test\/Scanner is disabled/)]);
  });
});

describe('global run tasks', () => {
  test('applyToAllWorkspaces writes the global settings', () => {
    const { stack, org } = setup();
    const task = scanner(stack, org);
    task.applyToAllWorkspaces({ stages: [RunTaskStage.POST_PLAN, RunTaskStage.PRE_PLAN], enforcement: RunTaskEnforcement.MANDATORY });
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(OrganizationRunTaskGlobalSettings, {
      task_id: expect.stringMatching(/^\$\{tfe_organization_run_task\.Scanner_[A-F0-9]+\.id\}$/),
      enabled: true,
      stages: ['pre_plan', 'post_plan'],
      enforcement_level: 'mandatory',
    });
    expect(task.globalSettings).toEqual({ stages: ['pre_plan', 'post_plan'], enforcement: 'mandatory', enabled: true });
  });

  test('through the props; twice is refused', () => {
    const { stack, org } = setup();
    const task = scanner(stack, org, { allWorkspaces: {} });
    expect(task.globalSettings).toEqual({ stages: ['post_plan'], enforcement: 'advisory', enabled: true });
    expect(Errors.ruleIdOf(validationError(() => task.applyToAllWorkspaces()))).toBe('TFE-TASK-012');
  });

  test('needs the global-run-tasks entitlement', () => {
    const { stack } = setup();
    const org = new Organization(stack, 'Gov', { name: 'gov', email: 'g@gov.example', entitlements: Entitlements.teamAndGovernance() });
    const task = scanner(stack, org);
    const e = validationError(() => task.applyToAllWorkspaces());
    expect(Errors.ruleIdOf(e)).toBe('TFE-ENT-001');
    expect(e.message).toMatch(/"global-run-tasks" entitlement/);
    expect(Entitlements.business().has(Entitlement.GLOBAL_RUN_TASKS)).toBe(true);
  });

  test('a disabled task made global is a warning', () => {
    const { stack, org } = setup();
    scanner(stack, org, { enabled: false, allWorkspaces: {} });
    expect(warnings(stack)).toEqual([expect.stringMatching(/^\[TFE-TASK-014\] the task is disabled/)]);
  });
});

describe('access report', () => {
  test('shows which tasks gate which workspace', () => {
    const { stack, org } = setup();
    const task = scanner(stack, org);
    const cost = new OrganizationRunTask(stack, 'Cost', { organization: org, name: 'cost', url: 'https://cost.example.com', allWorkspaces: {} });
    const api = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    new Workspace(stack, 'Web', { organization: org, name: 'web' });
    api.addRunTask(task, { stages: [RunTaskStage.POST_PLAN, RunTaskStage.PRE_APPLY], enforcement: RunTaskEnforcement.MANDATORY });
    const report = AccessReport.render(stack);
    expect(report).toContain([
      '## Run tasks gating workspaces',
      '',
      '| workspace | run tasks (stages: enforcement) |',
      '| --- | --- |',
      '| api | test/Cost (post_plan: advisory, every workspace)<br>test/Scanner (post_plan, pre_apply: mandatory) |',
      '| web | test/Cost (post_plan: advisory, every workspace) |',
    ].join('\n'));
    expect(cost.globalSettings?.enabled).toBe(true);
  });

  test('stacks without run tasks have no run task section', () => {
    const { stack, org } = setup();
    new Workspace(stack, 'Api', { organization: org, name: 'api' });
    expect(AccessReport.render(stack)).not.toContain('Run tasks');
  });
});
