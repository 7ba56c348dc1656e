import { DataTfeProject } from '@cdktf/provider-tfe/lib/data-tfe-project';
import { Project as TfeProject } from '@cdktf/provider-tfe/lib/project';
import { ProjectSettings } from '@cdktf/provider-tfe/lib/project-settings';
import { Lazy, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { errorOf, newStack, setupWithSecrets } from './util';
import { Errors, Organization, Project } from '../src';
import * as lib from '../src';

Testing.setupJest();

function newOrg(stack: TerraformStack, name = 'acme', id = 'Acme'): Organization {
  return new Organization(stack, id, { name, email: `platform@${name}.example` });
}

describe('Project', () => {
  test('creates a tfe_project with its settings', () => {
    // GIVEN
    const stack = newStack();
    const acme = newOrg(stack);

    // WHEN
    new Project(stack, 'Payments', {
      organization: acme,
      name: 'Payments Platform',
      description: 'Everything payments',
      tags: { team: 'payments', env: 'prod' },
      autoDestroyActivityDuration: '14d',
    });

    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeProject, {
      name: 'Payments Platform',
      organization: expect.stringMatching(/^\$\{tfe_organization\.Acme_[0-9A-F]{8}\.name\}$/),
      description: 'Everything payments',
      tags: { team: 'payments', env: 'prod' },
      auto_destroy_activity_duration: '14d',
    });
  });

  test('leaves optional settings out', () => {
    // GIVEN
    const stack = newStack();
    const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');

    // WHEN
    acme.addProject('Payments', { name: 'payments' });

    // THEN
    const projects = JSON.parse(Testing.synth(stack, true)).resource.tfe_project;
    expect(Object.values(projects)).toEqual([{ name: 'payments', organization: 'acme' }]);
  });

  test('exposes the project ID and name as references', () => {
    // GIVEN
    const stack = newStack();
    const acme = newOrg(stack);

    // WHEN
    const payments = acme.addProject('Payments', { name: 'payments' });
    new TerraformOutput(stack, 'id', { value: payments.projectId });
    new TerraformOutput(stack, 'name', { value: payments.projectName });

    // THEN
    const outputs = JSON.parse(Testing.synth(stack, true)).output;
    expect(outputs.id.value).toMatch(/^\$\{tfe_project\.Acme_Payments_[0-9A-F]{8}\.id\}$/);
    expect(outputs.name.value).toMatch(/^\$\{tfe_project\.Acme_Payments_[0-9A-F]{8}\.name\}$/);
    expect(payments.organization).toBe(acme);
  });

  describe('name', () => {
    test.each(['abc', 'a-b', 'Payments Platform', 'x'.repeat(40), 'pay_ments-2', '_ _'])('accepts %j', (name) => {
      // GIVEN
      const stack = newStack();

      // WHEN
      newOrg(stack).addProject('Project', { name });

      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeProject, { name });
    });

    test.each(['', 'ab', 'x'.repeat(41)])('refuses %j for its length', (name) => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);

      // WHEN
      const e = errorOf(() => acme.addProject('Project', { name }));

      // THEN
      expect(Errors.isValidationError(e)).toBe(true);
      expect(Errors.constructPathOf(e)).toBe('test/Acme/Project');
      expect(e.message).toBe(
        `test/Acme/Project: [TFE-NAME-004] project name ${JSON.stringify(name)} has ${name.length} characters: a project name has 3 to 40.`,
      );
    });

    test.each([' payments', 'payments ', '   ', 'pay$ments', 'pay.ments', 'pay/ments', 'paymënts'])('refuses %j', (name) => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);

      // WHEN
      const e = errorOf(() => acme.addProject('Project', { name }));

      // THEN
      expect(Errors.constructPathOf(e)).toBe('test/Acme/Project');
      expect(e.message).toBe(
        `test/Acme/Project: [TFE-NAME-005] project name ${JSON.stringify(name)} is invalid: use only letters, numbers, spaces, "-" and "_", ` +
          'and do not start or end with a space.',
      );
    });

    test('a lazy name that resolves to an invalid name fails the synth', () => {
      // GIVEN
      const stack = newStack();
      newOrg(stack).addProject('Project', { name: Lazy.stringValue({ produce: () => 'bad name!' }) });

      // WHEN / THEN
      expect(() => Testing.synth(stack, true)).toThrow(/\[test\/Acme\/Project\] \[TFE-NAME-005\] project name "bad name!" is invalid/);
    });

    test('a name from a variable synthesizes with an info annotation', () => {
      // GIVEN
      const stack = newStack();
      const name = new TerraformVariable(stack, 'project_name', { type: 'string' });
      const project = newOrg(stack).addProject('Project', { name: name.stringValue });

      // WHEN
      const json = Testing.synth(stack, true);

      // THEN
      expect(json).toHaveResourceWithProperties(TfeProject, { name: '${var.project_name}' });
      expect(project.node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => m.data)).toEqual([
        expect.stringMatching(/^\[TFE-REF-001\] The project name is only known at plan time/),
      ]);
    });
  });

  describe('unique names', () => {
    test('refuses two projects with the same name in one organization', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);
      acme.addProject('Payments', { name: 'payments' });

      // WHEN
      const e = errorOf(() => acme.addProject('Payments2', { name: 'payments' }));

      // THEN
      expect(Errors.constructPathOf(e)).toBe('test/Acme/Payments2');
      expect(e.message).toBe(
        'test/Acme/Payments2: [TFE-PRJ-001] project name "payments" is already used by test/Acme/Payments in organization test/Acme: ' +
          'project names are unique per organization; choose another name.',
      );
    });

    test('refuses the same name across two imports of the same organization name', () => {
      // GIVEN
      const stack = newStack();
      Organization.fromOrganizationName(stack, 'First', 'acme').addProject('Payments', { name: 'payments' });
      const second = Organization.fromOrganizationName(stack, 'Second', 'acme');

      // WHEN / THEN
      expect(() => second.addProject('Payments', { name: 'payments' })).toThrow(
        /^test\/Second\/Payments: \[TFE-PRJ-001\] project name "payments" is already used by test\/First\/Payments/,
      );
    });

    test('allows the same name in two organizations', () => {
      // GIVEN
      const stack = newStack();

      // WHEN
      newOrg(stack).addProject('Payments', { name: 'payments' });
      newOrg(stack, 'globex', 'Globex').addProject('Payments', { name: 'payments' });

      // THEN
      expect(Object.keys(JSON.parse(Testing.synth(stack, true)).resource.tfe_project)).toHaveLength(2);
    });

    test('lazy names are not compared at construction', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);

      // WHEN
      acme.addProject('First', { name: Lazy.stringValue({ produce: () => 'payments' }) });
      acme.addProject('Second', { name: Lazy.stringValue({ produce: () => 'payments' }) });

      // THEN
      expect(Object.keys(JSON.parse(Testing.synth(stack, true)).resource.tfe_project)).toHaveLength(2);
    });
  });

  describe('autoDestroyActivityDuration', () => {
    test.each(['1d', '14d', '12h', '9999h'])('accepts %j', (duration) => {
      // GIVEN
      const stack = newStack();

      // WHEN
      newOrg(stack).addProject('Payments', { name: 'payments', autoDestroyActivityDuration: duration });

      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeProject, { auto_destroy_activity_duration: duration });
    });

    test.each(['14', '2w', '12345d', 'd', '14 d', '1.5d', ''])('refuses %j', (duration) => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);

      // WHEN
      const e = errorOf(() => acme.addProject('Payments', { name: 'payments', autoDestroyActivityDuration: duration }));

      // THEN
      expect(Errors.constructPathOf(e)).toBe('test/Acme/Payments');
      expect(e.message).toBe(
        `test/Acme/Payments: [TFE-WS-006] autoDestroyActivityDuration ${JSON.stringify(duration)} is invalid: write 1-4 digits followed by "d" or "h", e.g. "14d".`,
      );
    });

    test('a lazy invalid duration fails the synth', () => {
      // GIVEN
      const stack = newStack();
      newOrg(stack).addProject('Payments', {
        name: 'payments',
        autoDestroyActivityDuration: Lazy.stringValue({ produce: () => '2w' }),
      });

      // WHEN / THEN
      expect(() => Testing.synth(stack, true)).toThrow(/\[test\/Acme\/Payments\] \[TFE-WS-006\] autoDestroyActivityDuration "2w" is invalid/);
    });
  });

  describe('fromProjectId', () => {
    test('creates nothing and uses the ID as it is', () => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');

      // WHEN
      const payments = Project.fromProjectId(stack, 'Payments', acme, 'prj-abc123');

      // THEN
      expect(payments.projectId).toBe('prj-abc123');
      expect(payments.organization).toBe(acme);
      const json = JSON.parse(Testing.synth(stack, true));
      expect(json.resource).toBeUndefined();
      expect(json.data).toBeUndefined();
    });

    test.each(['payments', 'abc123', 'prj-', 'prj-abc 123', 'team-abc123'])('refuses the ID %j', (id) => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');

      // WHEN
      const e = errorOf(() => Project.fromProjectId(stack, 'Payments', acme, id));

      // THEN
      expect(Errors.isValidationError(e)).toBe(true);
      expect(Errors.constructPathOf(e)).toBe('test/Payments');
      expect(e.message).toBe(
        `test/Payments: [TFE-ID-002] project ID ${JSON.stringify(id)} is not a project ID: it looks like "prj-abc123" ` +
          '(use Project.fromProjectName to look a project up by name).',
      );
    });

    test('a lazy invalid ID fails the synth', () => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');
      Project.fromProjectId(stack, 'Payments', acme, Lazy.stringValue({ produce: () => 'payments' }));

      // WHEN / THEN
      expect(() => Testing.synth(stack, true)).toThrow(/\[test\/Payments\] \[TFE-ID-002\] project ID "payments" is not a project ID/);
    });
  });

  describe('fromProjectName', () => {
    test('creates exactly one data source', () => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');

      // WHEN
      const payments = Project.fromProjectName(stack, 'Payments', acme, 'payments');
      new TerraformOutput(stack, 'id', { value: payments.projectId });

      // THEN
      const json = Testing.synth(stack, true);
      expect(json).toHaveDataSourceWithProperties(DataTfeProject, { name: 'payments', organization: 'acme' });
      const parsed = JSON.parse(json);
      expect(parsed.resource).toBeUndefined();
      expect(Object.keys(parsed.data)).toEqual(['tfe_project']);
      expect(Object.keys(parsed.data.tfe_project)).toHaveLength(1);
      expect(parsed.output.id.value).toMatch(/^\$\{data\.tfe_project\.Payments_Lookup_[0-9A-F]{8}\.id\}$/);
      expect(payments.organization).toBe(acme);
    });
  });
});


describe('project defaults and tags', () => {
  test('defaultExecutionMode writes tfe_project_settings; configureDefaultExecutionMode works on a referenced project', () => {
    const { stack, org } = setupWithSecrets();
    const pool = new lib.AgentPool(stack, 'Pool', { organization: org, name: 'pool' });
    org.addProject('Payments', { name: 'payments', defaultExecutionMode: lib.ExecutionMode.agent(pool) });
    lib.Project.fromProjectId(stack, 'Legacy', org, 'prj-abc123').configureDefaultExecutionMode(lib.ExecutionMode.local());
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(ProjectSettings, {
      project_id: expect.stringMatching(/tfe_project\.Acme_Payments_/), default_execution_mode: 'agent', default_agent_pool_id: expect.stringMatching(/tfe_agent_pool/),
    });
    expect(json).toHaveResourceWithProperties(ProjectSettings, { project_id: 'prj-abc123', default_execution_mode: 'local' });
  });

  test('a project default pool of another organization is refused', () => {
    const { stack, org } = setupWithSecrets();
    const foreign = lib.AgentPool.fromAgentPoolId(stack, 'Foreign', lib.Organization.fromOrganizationName(stack, 'Other', 'other'), 'apool-abc123');
    expect(lib.Errors.ruleIdOf(errorOf(() => org.addProject('P', { name: 'payments', defaultExecutionMode: lib.ExecutionMode.agent(foreign) })))).toBe('TFE-DEF-002');
  });

  test('ignoreAdditionalTags is written when set', () => {
    const { stack, org } = setupWithSecrets();
    org.addProject('Payments', { name: 'payments', tags: { team: 'payments' }, ignoreAdditionalTags: true });
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeProject, { ignore_additional_tags: true, tags: { team: 'payments' } });
  });
});
