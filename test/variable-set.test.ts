import { DataTfeVariableSet } from '@cdktf/provider-tfe/lib/data-tfe-variable-set';
import { ProjectVariableSet } from '@cdktf/provider-tfe/lib/project-variable-set';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { Variable as TfeVariable } from '@cdktf/provider-tfe/lib/variable';
import { VariableSet as TfeVariableSet } from '@cdktf/provider-tfe/lib/variable-set';
import { WorkspaceVariableSet } from '@cdktf/provider-tfe/lib/workspace-variable-set';
import { Lazy, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { FakeWorkspace, validationError } from './util';
import { IOrganization, Organization } from '../src/organization';
import { Project } from '../src/project';
import { VariableCategory } from '../src/variable';
import { VariableSet } from '../src/variable-set';
import { VariableValue } from '../src/variable-value';
import type { IWorkspace } from '../src/workspace';

Testing.setupJest();

function fakeWorkspace(scope: Construct, id: string, organization: IOrganization, name: string): IWorkspace {
  return new FakeWorkspace(scope, id, organization, name) as unknown as IWorkspace;
}

function setup() {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new TfeProvider(stack, 'tfe', {});
  const org = new Organization(stack, 'Acme', { name: 'acme', email: 'a@acme.example' });
  const api = fakeWorkspace(stack, 'Api', org, 'api');
  const payments = org.addProject('Payments', { name: 'payments' });
  return { app, stack, org, api, payments };
}

describe('VariableSet', () => {
  test('creates a scoped, non-priority tfe_variable_set by default', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const set = new VariableSet(stack, 'Aws', { organization: org, name: 'aws-credentials' });
    // THEN
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TfeVariableSet, {
      name: 'aws-credentials',
      organization: expect.stringMatching(/^\$\{tfe_organization\.Acme_[0-9A-F]+\.name\}$/),
      global: false,
      priority: false,
    });
    const resource = Object.values<any>(JSON.parse(json).resource.tfe_variable_set)[0];
    expect(resource.workspace_ids).toBeUndefined();
    expect(resource.parent_project_id).toBeUndefined();
    expect(set.allWorkspaces).toBe(false);
    expect(set.priority).toBe(false);
    expect(set.variableSetId).toMatch(/^\$\{TfToken\[/);
    expect(set.variableSetName).toMatch(/^\$\{TfToken\[/);
    expect(set.node.tryFindChild('Resource')).toBeInstanceOf(TfeVariableSet);
  });

  test('passes description, priority, allWorkspaces and parentProject through', () => {
    // GIVEN
    const { stack, org, payments } = setup();
    // WHEN
    const set = new VariableSet(stack, 'Aws', {
      organization: org,
      name: 'aws-credentials',
      description: 'AWS credentials for every workspace',
      priority: true,
      allWorkspaces: true,
      parentProject: payments,
    });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeVariableSet, {
      name: 'aws-credentials',
      description: 'AWS credentials for every workspace',
      priority: true,
      global: true,
      parent_project_id: expect.stringMatching(/^\$\{tfe_project\.Acme_Payments_[0-9A-F]+\.id\}$/),
    });
    expect(set.parentProject).toBe(payments);
  });

  test('applies to workspaces and projects with their own resources, never workspace_ids', () => {
    // GIVEN
    const { stack, org, api, payments } = setup();
    const web = fakeWorkspace(stack, 'Web', org, 'web');
    // WHEN
    const set = new VariableSet(stack, 'Aws', { organization: org, name: 'aws', workspaces: [api], projects: [payments] });
    const attachment = set.applyToWorkspace(web);
    // THEN
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(WorkspaceVariableSet, {
      variable_set_id: expect.stringMatching(/^\$\{tfe_variable_set\.Aws_[0-9A-F]+\.id\}$/),
      workspace_id: expect.stringMatching(/^\$\{tfe_workspace\.Api_[0-9A-F]+\.id\}$/),
    });
    expect(json).toHaveResourceWithProperties(WorkspaceVariableSet, {
      workspace_id: expect.stringMatching(/^\$\{tfe_workspace\.Web_[0-9A-F]+\.id\}$/),
    });
    expect(json).toHaveResourceWithProperties(ProjectVariableSet, {
      variable_set_id: expect.stringMatching(/^\$\{tfe_variable_set\.Aws_[0-9A-F]+\.id\}$/),
      project_id: expect.stringMatching(/^\$\{tfe_project\.Acme_Payments_[0-9A-F]+\.id\}$/),
    });
    expect(JSON.parse(json).resource.tfe_variable_set_workspaces).toBeUndefined();
    expect(Object.values<any>(JSON.parse(json).resource.tfe_variable_set)[0].workspace_ids).toBeUndefined();
    // (the fake workspaces have no platform name: their attachments are named after their paths)
    expect(attachment.node.path).toBe('test/Aws/Workspace-path:test.Web');
    expect(set.node.tryFindChild('Workspace-path:test.Api')).toBeInstanceOf(WorkspaceVariableSet);
    expect(set.node.tryFindChild('Project-payments')).toBeInstanceOf(ProjectVariableSet);
  });

  test('names attachments deterministically, also for targets with the same id', () => {
    // GIVEN two workspaces both with id "Api" in different scopes
    const { stack, org, api } = setup();
    const group = new Construct(stack, 'Group');
    const otherApi = fakeWorkspace(group, 'Api', org, 'api-2');
    const set = new VariableSet(stack, 'Aws', { organization: org, name: 'aws' });
    // WHEN
    set.applyToWorkspace(api);
    set.applyToWorkspace(otherApi);
    // THEN
    expect(set.node.children.map((c) => c.node.id)).toEqual(['Resource', 'Workspace-path:test.Api', 'Workspace-path:test.Group.Api']);
  });

  test('lets a workspace add the set', () => {
    // GIVEN
    const { stack, org } = setup();
    const ws = new FakeWorkspace(stack, 'Web', org, 'web');
    const set = new VariableSet(stack, 'Aws', { organization: org, name: 'aws' });
    // WHEN
    ws.addVariableSet(set);
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(WorkspaceVariableSet, {
      workspace_id: expect.stringMatching(/^\$\{tfe_workspace\.Web_[0-9A-F]+\.id\}$/),
    });
  });

  test('holds variables', () => {
    // GIVEN
    const { stack, org } = setup();
    const set = new VariableSet(stack, 'Aws', { organization: org, name: 'aws' });
    // WHEN
    const v = set.addVariable('Region', { key: 'AWS_REGION', value: VariableValue.string('eu-west-1'), category: VariableCategory.ENV });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeVariable, {
      key: 'AWS_REGION',
      value: 'eu-west-1',
      category: 'env',
      variable_set_id: expect.stringMatching(/^\$\{tfe_variable_set\.Aws_[0-9A-F]+\.id\}$/),
    });
    expect(v.variableSet).toBe(set);
    expect(v.workspace).toBeUndefined();
  });

  describe('global sets', () => {
    test('a global set alone is fine', () => {
      const { stack, org } = setup();
      new VariableSet(stack, 'Everyone', { organization: org, name: 'everyone', allWorkspaces: true });
      expect(() => Testing.synth(stack, true)).not.toThrow();
    });

    test('refuses a global set applied to workspaces, also when applied after construction', () => {
      // GIVEN
      const { stack, org, api } = setup();
      const set = new VariableSet(stack, 'Everyone', { organization: org, name: 'everyone', allWorkspaces: true });
      // WHEN
      set.applyToWorkspace(api);
      // THEN
      expect(() => Testing.synth(stack, true)).toThrow(
        /test\/Everyone.*scoped variable set marked global: allWorkspaces is true, so the set applies to every workspace of the organization, but it is also applied to test\/Everyone\/Workspace-path:test.Api: either drop allWorkspaces .* or remove the applyToWorkspace\/applyToProject calls/s,
      );
    });

    test('refuses a global set applied to projects', () => {
      const { stack, org, payments } = setup();
      new VariableSet(stack, 'Everyone', { organization: org, name: 'everyone', allWorkspaces: true, projects: [payments] });
      expect(() => Testing.synth(stack, true)).toThrow(/scoped variable set marked global: .*also applied to test\/Everyone\/Project-payments/s);
    });
  });

  describe('attachment rules', () => {
    test('refuses the same workspace twice', () => {
      // GIVEN
      const { stack, org, api } = setup();
      const set = new VariableSet(stack, 'Aws', { organization: org, name: 'aws', workspaces: [api] });
      // WHEN
      const e = validationError(() => set.applyToWorkspace(api));
      // THEN
      expect(e.message).toBe(
        'test/Aws: [TFE-VSET-001] workspace test/Api is already applied to this variable set (test/Aws/Workspace-path:test.Api): ' +
          'a set applies to a workspace once; remove the duplicate applyToWorkspace (or the duplicate entry in workspaces).',
      );
    });

    test('refuses the same project twice, also through two references to it', () => {
      // GIVEN
      const { stack, org } = setup();
      const a = Project.fromProjectId(stack, 'A', org, 'prj-abc123');
      const b = Project.fromProjectId(stack, 'B', org, 'prj-abc123');
      const set = new VariableSet(stack, 'Aws', { organization: org, name: 'aws', projects: [a] });
      // WHEN
      const e = validationError(() => set.applyToProject(b));
      // THEN
      expect(e.message).toMatch(/^test\/Aws: \[TFE-VSET-002\] project test\/B is already applied to this variable set \(test\/Aws\/Project-id:prj-abc123\): .*remove the duplicate applyToProject/);
    });

    test('refuses a workspace of another organization', () => {
      // GIVEN
      const { stack, org } = setup();
      const other = Organization.fromOrganizationName(stack, 'Other', 'other-org');
      const foreign = fakeWorkspace(stack, 'Foreign', other, 'foreign');
      const set = new VariableSet(stack, 'Aws', { organization: org, name: 'aws' });
      // WHEN
      const e = validationError(() => set.applyToWorkspace(foreign));
      // THEN
      expect(e.message).toBe(
        'test/Aws: [TFE-VSET-003] workspace test/Foreign belongs to organization "org:other-org", but this variable set belongs to "org:acme": ' +
          'a variable set applies only within its organization; apply it to a workspace of "org:acme", or create a set in the other organization.',
      );
    });

    test('refuses a project of another organization, also in props', () => {
      const { stack, org } = setup();
      const other = Organization.fromOrganizationName(stack, 'Other', 'other-org');
      const foreign = other.addProject('Foreign', { name: 'foreign' });
      const e = validationError(() => new VariableSet(stack, 'Aws', { organization: org, name: 'aws', projects: [foreign] }));
      expect(e.message).toMatch(/^test\/Aws: \[TFE-VSET-003\] project test\/Other\/Foreign belongs to organization "org:other-org", but this variable set belongs to "org:acme"/);
    });

    test('accepts a workspace of the same organization referenced by name', () => {
      const { stack, org } = setup();
      const sameOrg = Organization.fromOrganizationName(stack, 'SameOrg', 'acme');
      const ws = fakeWorkspace(stack, 'Web', sameOrg, 'web');
      const set = new VariableSet(stack, 'Aws', { organization: org, name: 'aws' });
      expect(() => set.applyToWorkspace(ws)).not.toThrow();
    });

    test('refuses a parent project of another organization', () => {
      const { stack, org } = setup();
      const other = Organization.fromOrganizationName(stack, 'Other', 'other-org');
      const foreign = other.addProject('Foreign', { name: 'foreign' });
      const e = validationError(() => new VariableSet(stack, 'Aws', { organization: org, name: 'aws', parentProject: foreign }));
      expect(e.message).toMatch(/^test\/Aws: \[TFE-VSET-004\] parent project test\/Other\/Foreign belongs to organization "org:other-org", but this variable set belongs to "org:acme": .*leave parentProject out\./);
    });
  });

  describe('name', () => {
    test.each([[''], ['   ']])('refuses the empty name %j', (name) => {
      const { stack, org } = setup();
      const e = validationError(() => new VariableSet(stack, 'Aws', { organization: org, name }));
      expect(e.message).toBe(`test/Aws: [TFE-NAME-016] variable set name ${JSON.stringify(name)} is empty: give the set a name, e.g. "aws-credentials".`);
    });

    test('checks a name known at synth time then', () => {
      const { stack, org } = setup();
      new VariableSet(stack, 'Aws', { organization: org, name: Lazy.stringValue({ produce: () => '' }) });
      expect(() => Testing.synth(stack, true)).toThrow(/test\/Aws.*variable set name "" is empty/s);
    });
  });

  describe('referenced sets', () => {
    test('fromVariableSetId references a set by ID and can apply it and add variables', () => {
      // GIVEN
      const { stack, org, api } = setup();
      // WHEN
      const set = VariableSet.fromVariableSetId(stack, 'Shared', org, 'varset-abc123');
      set.applyToWorkspace(api);
      set.addVariable('Region', { key: 'region', value: VariableValue.string('eu-west-1') });
      // THEN
      const json = Testing.synth(stack, true);
      expect(json).toHaveResourceWithProperties(WorkspaceVariableSet, { variable_set_id: 'varset-abc123' });
      expect(json).toHaveResourceWithProperties(TfeVariable, { key: 'region', variable_set_id: 'varset-abc123' });
      expect(JSON.parse(json).resource.tfe_variable_set).toBeUndefined();
      expect(set.variableSetId).toBe('varset-abc123');
      expect(set.organization).toBe(org);
    });

    test('fromVariableSetId refuses something that is not a set ID', () => {
      const { stack, org } = setup();
      const e = validationError(() => VariableSet.fromVariableSetId(stack, 'Shared', org, 'aws-credentials'));
      expect(e.message).toBe(
        'test/Shared: [TFE-ID-007] variable set ID "aws-credentials" is not a variable set ID: it looks like "varset-abc123" (use VariableSet.fromVariableSetName to look a set up by name).',
      );
    });

    test('fromVariableSetName looks a set up with the tfe_variable_set data source', () => {
      // GIVEN
      const { stack, org, payments } = setup();
      // WHEN
      const set = VariableSet.fromVariableSetName(stack, 'Shared', org, 'aws-credentials');
      set.applyToProject(payments);
      // THEN
      const json = Testing.synth(stack, true);
      expect(json).toHaveDataSourceWithProperties(DataTfeVariableSet, {
        name: 'aws-credentials',
        organization: expect.stringMatching(/^\$\{tfe_organization\.Acme_[0-9A-F]+\.name\}$/),
      });
      expect(json).toHaveResourceWithProperties(ProjectVariableSet, {
        variable_set_id: expect.stringMatching(/^\$\{data\.tfe_variable_set\.Shared_Lookup_[0-9A-F]+\.id\}$/),
      });
    });

    test('fromVariableSetName refuses an empty name', () => {
      const { stack, org } = setup();
      const e = validationError(() => VariableSet.fromVariableSetName(stack, 'Shared', org, ''));
      expect(e.message).toMatch(/^test\/Shared: \[TFE-NAME-016\] variable set name "" is empty/);
    });

    test('a set created here and the same set looked up by name share their variable keys', () => {
      // GIVEN
      const { stack, org } = setup();
      const created = new VariableSet(stack, 'Aws', { organization: org, name: 'aws' });
      const lookedUp = VariableSet.fromVariableSetName(stack, 'AwsAgain', org, 'aws');
      created.addVariable('Region', { key: 'AWS_REGION', value: VariableValue.string('a'), category: VariableCategory.ENV });
      // WHEN
      const e = validationError(() => lookedUp.addVariable('Region', { key: 'AWS_REGION', value: VariableValue.string('b'), category: VariableCategory.ENV }));
      // THEN
      expect(e.message).toMatch(/env variable key "AWS_REGION" is already used by test\/Aws\/Region in variable set test\/AwsAgain/);
    });
  });
});
