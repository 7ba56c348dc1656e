import { Testing, TerraformStack } from 'cdktf';
import { setup, validationError } from './util';
import {
  AccessReport, Errors, NotificationDestination, PolicyKind, PolicySet, ProjectAccess, Team, Tenant, TeamVisibility, VariableSet, VariableValue,
} from '../src';

Testing.setupJest();

function resources(stack: TerraformStack, type: string): any[] {
  return Object.values(JSON.parse(Testing.synth(stack)).resource[type] ?? {});
}

describe('Tenant', () => {
  test('vends a project, a team with access, environment workspaces and a management workspace with a sensitive TFE_TOKEN', () => {
    const { stack, org } = setup();
    const tenant = new Tenant(stack, 'Payments', { organization: org, name: 'payments', description: 'Payment services' });
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.values<any>(json.resource.tfe_project)).toEqual([expect.objectContaining({ name: 'payments', description: 'Payment services' })]);
    expect(Object.values<any>(json.resource.tfe_team)).toEqual([expect.objectContaining({ name: 'payments' })]);
    expect(Object.values<any>(json.resource.tfe_team_project_access)).toEqual([expect.objectContaining({ access: 'maintain' })]);
    const names = Object.values<any>(json.resource.tfe_workspace).map((w) => w.name).sort();
    expect(names).toEqual(['payments-dev', 'payments-management', 'payments-prod']);
    for (const ws of Object.values<any>(json.resource.tfe_workspace)) expect(ws.project_id).toMatch(/^\$\{tfe_project\.Payments_Project_/);
    const token = Object.values<any>(json.resource.tfe_team_token);
    expect(token).toEqual([expect.objectContaining({ description: 'payments-management' })]);
    const tfeToken = Object.values<any>(json.resource.tfe_variable).find((v) => v.key === 'TFE_TOKEN');
    expect(tfeToken).toMatchObject({ category: 'env', sensitive: true, value: expect.stringMatching(/^\$\{tfe_team_token\.Payments_Team_ManagementToken_[0-9A-F]+\.token\}$/) });
    expect(tfeToken.workspace_id).toMatch(/^\$\{tfe_workspace\.Payments_Management_/);
    expect(tenant.environments!.shortNames).toEqual(['dev', 'prod']);
    expect(tenant.teamGrants.map((g) => g.access.level)).toEqual(['maintain']);
  });

  test('every part is overridable: team, access, other teams, environments, settings, sets, notifications; no management workspace', () => {
    const { stack, org } = setup();
    const ops = new Team(stack, 'Ops', { organization: org, name: 'ops' });
    const common = new VariableSet(stack, 'Common', { organization: org, name: 'common' });
    common.addVariable('Region', { key: 'region', value: VariableValue.string('eu-west-1') });
    const baseline = new PolicySet(stack, 'Baseline', { organization: org, name: 'baseline', kind: PolicyKind.SENTINEL });
    const tenant = new Tenant(stack, 'Data', {
      organization: org,
      name: 'data',
      team: { name: 'data-engineers', access: ProjectAccess.WRITE, ssoTeamId: 'sso-data', visibility: TeamVisibility.ORGANIZATION },
      additionalTeams: [{ team: ops, access: ProjectAccess.ADMIN }],
      environments: ['dev', 'staging', 'prod'],
      environmentSettings: { terraformVersion: '1.9.8', autoApply: true },
      managementWorkspace: false,
      variableSets: [common],
      policySets: [baseline],
      notifications: [{ name: 'mail', destination: NotificationDestination.email({ emailAddresses: ['data@acme.example'] }) }],
    });
    expect(tenant.managementWorkspace).toBeUndefined();
    expect(tenant.managementToken).toBeUndefined();
    expect(resources(stack, 'tfe_team_token')).toEqual([]);
    expect(resources(stack, 'tfe_team')).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'data-engineers', sso_team_id: 'sso-data', visibility: 'organization' })]));
    expect(resources(stack, 'tfe_team_project_access').map((a) => a.access).sort()).toEqual(['admin', 'write']);
    const workspaces = resources(stack, 'tfe_workspace');
    expect(workspaces.map((w) => w.name).sort()).toEqual(['data-dev', 'data-prod', 'data-staging']);
    for (const w of workspaces) expect(w).toMatchObject({ terraform_version: '1.9.8', auto_apply: true });
    expect(resources(stack, 'tfe_project_variable_set')).toHaveLength(1);
    expect(resources(stack, 'tfe_project_policy_set')).toHaveLength(1);
    expect(resources(stack, 'tfe_notification_configuration')).toHaveLength(3);
  });

  test('the parts\' rules apply: a project name too short, a team name taken', () => {
    const { stack, org } = setup();
    expect(Errors.ruleIdOf(validationError(() => new Tenant(stack, 'X', { organization: org, name: 'ab' })))).toBe('TFE-NAME-004');
    new Team(stack, 'Existing', { organization: org, name: 'billing' });
    expect(Errors.ruleIdOf(validationError(() => new Tenant(stack, 'Billing', { organization: org, name: 'billing' })))).toBe('TFE-TEAM-002');
    expect(Errors.ruleIdOf(validationError(() => new Tenant(stack, 'Bad', { organization: org, name: 'bad name' })))).toBe('TFE-NAME-010');
  });

  test('the access report lists the tenant with what its teams can do', () => {
    const { stack, org } = setup();
    const ops = new Team(stack, 'Ops', { organization: org, name: 'ops' });
    new Tenant(stack, 'Payments', { organization: org, name: 'payments', additionalTeams: [{ team: ops, access: ProjectAccess.READ }], tokenExpiresAt: '2030-01-01T00:00:00Z' });
    const report = AccessReport.render(stack);
    expect(report).toContain('## Tenants');
    expect(report).toMatch(/\| payments \(test\/Payments\) \| payments: maintain<br>ops: read \| payments-dev, payments-prod \| payments-management \(TFE_TOKEN: a token of team payments, expires 2030-01-01T00:00:00Z\) \|/);
  });
});
