import { Organization as TfeOrganization } from '@cdktf/provider-tfe/lib/organization';
import { OrganizationDefaultSettings } from '@cdktf/provider-tfe/lib/organization-default-settings';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { Team as TfeTeam } from '@cdktf/provider-tfe/lib/team';
import { Lazy, TerraformOutput, TerraformVariable, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { errorOf, newStack, setupWithSecrets } from './util';
import { CollaboratorAuthPolicy, Errors, Organization, OrganizationMember, OrganizationToken, Project, Team } from '../src';
import * as lib from '../src';

Testing.setupJest();

function infoMessages(construct: { node: { metadata: { type: string; data: any }[] } }): string[] {
  return construct.node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => String(m.data));
}

describe('Organization', () => {
  test('creates a tfe_organization with every setting', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new Organization(stack, 'Acme', {
      name: 'acme',
      email: 'platform@acme.example',
      collaboratorAuthPolicy: CollaboratorAuthPolicy.TWO_FACTOR_MANDATORY,
      sessionTimeoutMinutes: 60,
      sessionRememberMinutes: 1440,
      costEstimationEnabled: false,
      assessmentsEnforced: true,
      allowForceDeleteWorkspaces: true,
      aggregatedCommitStatusEnabled: true,
      speculativePlanManagementEnabled: false,
      sendPassingStatusesForUntriggeredSpeculativePlans: true,
      ownersTeamSamlRoleId: 'owners-role',
    });

    // THEN
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TfeOrganization, {
      name: 'acme',
      email: 'platform@acme.example',
      collaborator_auth_policy: 'two_factor_mandatory',
      session_timeout_minutes: 60,
      session_remember_minutes: 1440,
      cost_estimation_enabled: false,
      assessments_enforced: true,
      allow_force_delete_workspaces: true,
      aggregated_commit_status_enabled: true,
      speculative_plan_management_enabled: false,
      send_passing_statuses_for_untriggered_speculative_plans: true,
      owners_team_saml_role_id: 'owners-role',
    });
  });

  test('leaves optional settings to the platform defaults', () => {
    // GIVEN / WHEN
    const json = Testing.synthScope((scope) => {
      new TfeProvider(scope, 'tfe', {});
      new Organization(scope, 'Acme', { name: 'acme', email: 'platform@acme.example' });
    });

    // THEN
    const orgs = JSON.parse(json).resource.tfe_organization;
    const [org] = Object.values(orgs) as any[];
    expect(Object.keys(orgs)).toHaveLength(1);
    expect(org).toEqual({ name: 'acme', email: 'platform@acme.example' });
  });

  test('organizationName and organizationId reference the resource', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    const acme = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });
    acme.addTeam('Ops', { name: 'ops' });
    new TerraformOutput(stack, 'name', { value: acme.organizationName });
    new TerraformOutput(stack, 'id', { value: acme.organizationId });

    // THEN
    const json = Testing.synth(stack, true);
    const outputs = JSON.parse(json).output;
    expect(outputs.name.value).toMatch(/^\$\{tfe_organization\.Acme_[0-9A-F]{8}\.name\}$/);
    expect(outputs.id.value).toMatch(/^\$\{tfe_organization\.Acme_[0-9A-F]{8}\.id\}$/);
    expect(json).toHaveResourceWithProperties(TfeTeam, {
      name: 'ops',
      organization: expect.stringMatching(/^\$\{tfe_organization\.Acme_[0-9A-F]{8}\.name\}$/),
    });
  });

  test('the helpers create teams, projects, members and the token under the organization', () => {
    // GIVEN
    const stack = newStack();
    const acme = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });

    // WHEN
    const team = acme.addTeam('Ops', { name: 'ops' });
    const project = acme.addProject('Payments', { name: 'payments' });
    const member = acme.inviteMember('Alice', { email: 'alice@acme.example' });
    const token = acme.addToken('Token');

    // THEN
    expect(team).toBeInstanceOf(Team);
    expect(project).toBeInstanceOf(Project);
    expect(member).toBeInstanceOf(OrganizationMember);
    expect(token).toBeInstanceOf(OrganizationToken);
    expect(team.node.path).toBe('test/Acme/Ops');
    expect(project.node.path).toBe('test/Acme/Payments');
    expect(member.node.path).toBe('test/Acme/Alice');
    expect(token.node.path).toBe('test/Acme/Token');
    expect(team.organization).toBe(acme);
    expect(project.organization).toBe(acme);
    expect(member.organization).toBe(acme);
    expect(token.organization).toBe(acme);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  describe('name', () => {
    test.each(['acme', 'Acme-Corp_2', 'a', '_-_'])('accepts %j', (name) => {
      // GIVEN
      const stack = newStack();

      // WHEN
      new Organization(stack, 'Acme', { name, email: 'platform@acme.example' });

      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeOrganization, { name });
    });

    test.each(['acme corp', 'acme.corp', 'acme/corp', 'ácme', ''])('refuses %j', (name) => {
      // GIVEN
      const stack = newStack();

      // WHEN / THEN
      expect(() => new Organization(stack, 'Acme', { name, email: 'platform@acme.example' })).toThrow(
        new RegExp(`^test/Acme: \\[TFE-NAME-001\\] organization name ${escape(JSON.stringify(name))} is invalid: use only letters, numbers, "-" and "_"`),
      );
    });

    test('the error is a ValidationError about the organization', () => {
      // GIVEN
      const stack = newStack();

      // WHEN
      const e = errorOf(() => new Organization(stack, 'Acme', { name: 'acme corp', email: 'platform@acme.example' }));

      // THEN
      expect(Errors.isValidationError(e)).toBe(true);
      expect(Errors.constructPathOf(e)).toBe('test/Acme');
      expect(e.detail).toMatch(/^organization name "acme corp" is invalid/);
    });

    test('a lazy name that resolves to an invalid name fails the synth', () => {
      // GIVEN
      const stack = newStack();
      new Organization(stack, 'Acme', {
        name: Lazy.stringValue({ produce: () => 'bad name!' }),
        email: 'platform@acme.example',
      });

      // WHEN / THEN
      expect(() => Testing.synth(stack, true)).toThrow(/\[test\/Acme\] \[TFE-NAME-001\] organization name "bad name!" is invalid/);
    });

    test('a lazy name that resolves to a valid name synthesizes', () => {
      // GIVEN
      const stack = newStack();
      new Organization(stack, 'Acme', {
        name: Lazy.stringValue({ produce: () => 'acme' }),
        email: 'platform@acme.example',
      });

      // WHEN
      const json = Testing.synth(stack, true);

      // THEN
      expect(json).toHaveResourceWithProperties(TfeOrganization, { name: 'acme' });
    });

    test('a name from a variable synthesizes and leaves an info annotation', () => {
      // GIVEN
      const stack = newStack();
      const name = new TerraformVariable(stack, 'org_name', { type: 'string' });
      const acme = new Organization(stack, 'Acme', { name: name.stringValue, email: 'platform@acme.example' });

      // WHEN
      const json = Testing.synth(stack, true);

      // THEN
      expect(json).toHaveResourceWithProperties(TfeOrganization, { name: '${var.org_name}' });
      expect(infoMessages(acme)).toEqual([
        expect.stringMatching(/^\[TFE-REF-001\] The organization name is only known at plan time \("\$\{var\.org_name\}"\)/),
      ]);
    });
  });

  describe('email', () => {
    test.each(['not-an-email', 'a b@acme.example', '@acme.example', 'platform@', ''])('refuses %j', (email) => {
      // GIVEN
      const stack = newStack();

      // WHEN / THEN
      expect(() => new Organization(stack, 'Acme', { name: 'acme', email })).toThrow(
        new RegExp(`^test/Acme: \\[TFE-ORG-001\\] email ${escape(JSON.stringify(email))} is not an email address: give the admin address`),
      );
    });

    test('a lazy invalid email fails the synth', () => {
      // GIVEN
      const stack = newStack();
      new Organization(stack, 'Acme', { name: 'acme', email: Lazy.stringValue({ produce: () => 'nobody' }) });

      // WHEN / THEN
      expect(() => Testing.synth(stack, true)).toThrow(/\[test\/Acme\] \[TFE-ORG-001\] email "nobody" is not an email address/);
    });
  });

  describe('session minutes', () => {
    test.each([
      ['sessionTimeoutMinutes', 0],
      ['sessionTimeoutMinutes', -5],
      ['sessionTimeoutMinutes', 1.5],
      ['sessionRememberMinutes', 0],
      ['sessionRememberMinutes', 2.25],
      ['sessionRememberMinutes', Number.NaN],
    ])('refuses %s = %p', (prop, value) => {
      // GIVEN
      const stack = newStack();

      // WHEN
      const e = errorOf(() => new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example', [prop]: value }));

      // THEN
      expect(Errors.isValidationError(e)).toBe(true);
      expect(Errors.constructPathOf(e)).toBe('test/Acme');
      expect(e.message).toMatch(new RegExp(`^test/Acme: \\[TFE-ORG-002\\] ${prop} must be a whole number of minutes of at least 1, got `));
    });

    test('accepts one minute', () => {
      // GIVEN
      const stack = newStack();

      // WHEN
      new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example', sessionTimeoutMinutes: 1, sessionRememberMinutes: 1 });

      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeOrganization, {
        session_timeout_minutes: 1,
        session_remember_minutes: 1,
      });
    });

    test('minutes from a variable are left to the platform, with an info annotation', () => {
      // GIVEN
      const stack = newStack();
      const minutes = new TerraformVariable(stack, 'minutes', { type: 'number' });

      // WHEN
      const acme = new Organization(stack, 'Acme', {
        name: 'acme',
        email: 'platform@acme.example',
        sessionTimeoutMinutes: minutes.numberValue,
      });

      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeOrganization, {
        session_timeout_minutes: '${var.minutes}',
      });
      expect(infoMessages(acme)).toEqual([expect.stringMatching(/^\[TFE-REF-001\] sessionTimeoutMinutes is only known at plan time/)]);
    });
  });

  describe('fromOrganizationName', () => {
    test('creates nothing and uses the name as it is', () => {
      // GIVEN
      const stack = newStack();

      // WHEN
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');

      // THEN
      expect(acme.organizationName).toBe('acme');
      const json = JSON.parse(Testing.synth(stack, true));
      expect(json.resource).toBeUndefined();
      expect(json.data).toBeUndefined();
    });

    test('things created in an imported organization use its name', () => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');

      // WHEN
      acme.addTeam('Ops', { name: 'ops' });

      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeTeam, { name: 'ops', organization: 'acme' });
    });

    test('refuses an invalid name', () => {
      // GIVEN
      const stack = newStack();

      // WHEN
      const e = errorOf(() => Organization.fromOrganizationName(stack, 'Imported', 'acme corp'));

      // THEN
      expect(e.message).toMatch(/^test\/Imported: \[TFE-NAME-001\] organization name "acme corp" is invalid: use only letters, numbers, "-" and "_"/);
      expect(Errors.constructPathOf(e)).toBe('test/Imported');
    });

    test('a lazy invalid name fails the synth', () => {
      // GIVEN
      const stack = newStack();
      Organization.fromOrganizationName(stack, 'Imported', Lazy.stringValue({ produce: () => 'bad name!' }));

      // WHEN / THEN
      expect(() => Testing.synth(stack, true)).toThrow(/\[test\/Imported\] \[TFE-NAME-001\] organization name "bad name!" is invalid/);
    });
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}


describe('default execution mode', () => {
  test('defaultExecutionMode writes tfe_organization_default_settings with the pool', () => {
    const { stack } = setupWithSecrets();
    const org = new lib.Organization(stack, 'Corp', { name: 'corp', email: 'a@corp.example' });
    const pool = new lib.AgentPool(stack, 'Pool', { organization: org, name: 'pool' });
    org.configureDefaultExecutionMode(lib.ExecutionMode.agent(pool));
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(OrganizationDefaultSettings, {
      organization: expect.stringMatching(/^\$\{tfe_organization\.Corp_[0-9A-F]+\.name\}$/),
      default_execution_mode: 'agent',
      default_agent_pool_id: expect.stringMatching(/tfe_agent_pool\.Pool_/),
    });
  });

  test('as a prop, and on a referenced organization', () => {
    const { stack } = setupWithSecrets();
    new lib.Organization(stack, 'Corp', { name: 'corp', email: 'a@corp.example', defaultExecutionMode: lib.ExecutionMode.local() });
    lib.Organization.fromOrganizationName(stack, 'Legacy', 'legacy').configureDefaultExecutionMode(lib.ExecutionMode.remote());
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(OrganizationDefaultSettings, { default_execution_mode: 'local' });
    expect(json).toHaveResourceWithProperties(OrganizationDefaultSettings, { organization: 'legacy', default_execution_mode: 'remote' });
  });

  test('a pool of another organization, a second default and a missing entitlement are refused', () => {
    const { stack, org } = setupWithSecrets();
    const other = lib.Organization.fromOrganizationName(stack, 'Other', 'other');
    const foreign = lib.AgentPool.fromAgentPoolId(stack, 'Foreign', other, 'apool-abc123');
    expect(lib.Errors.ruleIdOf(errorOf(() => org.configureDefaultExecutionMode(lib.ExecutionMode.agent(foreign))))).toBe('TFE-DEF-002');
    org.configureDefaultExecutionMode(lib.ExecutionMode.remote());
    expect(lib.Errors.ruleIdOf(errorOf(() => org.configureDefaultExecutionMode(lib.ExecutionMode.local())))).toBe('TFE-DEF-003');
    const free = lib.Organization.fromOrganizationName(stack, 'Free', 'free', lib.Entitlements.free());
    expect(lib.Errors.ruleIdOf(errorOf(() => free.configureDefaultExecutionMode(lib.ExecutionMode.agent(lib.AgentPool.fromAgentPoolId(stack, 'P', free, 'apool-abc123')))))).toBe('TFE-ENT-001');
  });
});
