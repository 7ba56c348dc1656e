import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { Team as TfeTeam } from '@cdktf/provider-tfe/lib/team';
import { TerraformStack, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { Organization, OrganizationAccess } from '../src';

Testing.setupJest();

const ALL_FLAGS = [
  'accessSecretTeams',
  'manageAgentPools',
  'manageMembership',
  'manageModules',
  'manageOrganizationAccess',
  'managePolicies',
  'managePolicyOverrides',
  'manageProjects',
  'manageProviders',
  'manageRunTasks',
  'manageTeams',
  'manageVcsSettings',
  'manageWorkspaces',
  'readProjects',
  'readWorkspaces',
];

const NOTHING = {
  read_projects: false,
  manage_projects: false,
  read_workspaces: false,
  manage_workspaces: false,
  manage_policies: false,
  manage_policy_overrides: false,
  manage_run_tasks: false,
  manage_vcs_settings: false,
  manage_providers: false,
  manage_modules: false,
  manage_membership: false,
  manage_teams: false,
  manage_organization_access: false,
  access_secret_teams: false,
  manage_agent_pools: false,
};

/** Synthesizes a team with the given access and returns its tfe_team block. */
function renderTeam(access?: OrganizationAccess): any {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new TfeProvider(stack, 'tfe', {});
  const acme = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });
  acme.addTeam('Ops', { name: 'ops', organizationAccess: access });
  const json = Testing.synth(stack, true);
  const teams = JSON.parse(json).resource.tfe_team;
  expect(Object.keys(teams)).toHaveLength(1);
  return { json, team: Object.values(teams)[0] };
}

describe('OrganizationAccess', () => {
  describe('none', () => {
    test('sets no flag', () => {
      // WHEN
      const access = OrganizationAccess.none();

      // THEN
      expect(access.presetName).toBe('none');
      expect(access.isEmpty).toBe(true);
      expect(access.enabledFlags).toEqual([]);
    });

    test('omits organization_access from the team', () => {
      // WHEN
      const { team } = renderTeam(OrganizationAccess.none());

      // THEN
      expect(team).not.toHaveProperty('organization_access');
    });

    test('is the default of a team', () => {
      // GIVEN
      const app = Testing.app();
      const stack = new TerraformStack(app, 'test');
      const acme = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });

      // WHEN
      const ops = acme.addTeam('Ops', { name: 'ops' });
      const { team } = renderTeam();

      // THEN
      expect(ops.organizationAccess.presetName).toBe('none');
      expect(team).not.toHaveProperty('organization_access');
    });
  });

  test('readOnly reads projects and workspaces', () => {
    // WHEN
    const access = OrganizationAccess.readOnly();
    const { json } = renderTeam(access);

    // THEN
    expect(access.presetName).toBe('read-only');
    expect(access.isEmpty).toBe(false);
    expect(access.enabledFlags).toEqual(['readProjects', 'readWorkspaces']);
    expect(json).toHaveResourceWithProperties(TfeTeam, {
      organization_access: { ...NOTHING, read_projects: true, read_workspaces: true },
    });
  });

  test('workspaceManager manages projects and workspaces', () => {
    // WHEN
    const access = OrganizationAccess.workspaceManager();
    const { json } = renderTeam(access);

    // THEN
    expect(access.presetName).toBe('workspace-manager');
    expect(access.enabledFlags).toEqual(['manageProjects', 'manageWorkspaces', 'readProjects', 'readWorkspaces']);
    expect(json).toHaveResourceWithProperties(TfeTeam, {
      organization_access: {
        ...NOTHING,
        read_projects: true,
        manage_projects: true,
        read_workspaces: true,
        manage_workspaces: true,
      },
    });
  });

  test('policyManager manages policies and run tasks and reads everything', () => {
    // WHEN
    const access = OrganizationAccess.policyManager();
    const { json } = renderTeam(access);

    // THEN
    expect(access.presetName).toBe('policy-manager');
    expect(access.enabledFlags).toEqual([
      'managePolicies',
      'managePolicyOverrides',
      'manageRunTasks',
      'readProjects',
      'readWorkspaces',
    ]);
    expect(json).toHaveResourceWithProperties(TfeTeam, {
      organization_access: {
        ...NOTHING,
        read_projects: true,
        read_workspaces: true,
        manage_policies: true,
        manage_policy_overrides: true,
        manage_run_tasks: true,
      },
    });
  });

  test('administrator sets every flag', () => {
    // WHEN
    const access = OrganizationAccess.administrator();
    const { team } = renderTeam(access);

    // THEN
    expect(access.presetName).toBe('administrator');
    expect(access.enabledFlags).toEqual(ALL_FLAGS);
    expect(Object.keys(team.organization_access)).toHaveLength(15);
    expect(Object.values(team.organization_access).every((v) => v === true)).toBe(true);
  });

  describe('custom', () => {
    test('sets exactly the flags given', () => {
      // WHEN
      const access = OrganizationAccess.custom({ manageVcsSettings: true, manageModules: true });
      const { team } = renderTeam(access);

      // THEN
      expect(access.presetName).toBe('custom');
      expect(access.enabledFlags).toEqual(['manageModules', 'manageVcsSettings']);
      expect(team.organization_access).toEqual({ ...NOTHING, manage_vcs_settings: true, manage_modules: true });
    });

    test('manageProjects implies managing and reading workspaces and reading projects', () => {
      // WHEN
      const access = OrganizationAccess.custom({ manageProjects: true });

      // THEN
      expect(access.flags).toEqual(expect.objectContaining({
        manageProjects: true,
        manageWorkspaces: true,
        readWorkspaces: true,
        readProjects: true,
      }));
      expect(access.enabledFlags).toEqual(['manageProjects', 'manageWorkspaces', 'readProjects', 'readWorkspaces']);
    });

    test('manageWorkspaces implies reading workspaces only', () => {
      // WHEN
      const access = OrganizationAccess.custom({ manageWorkspaces: true });

      // THEN
      expect(access.enabledFlags).toEqual(['manageWorkspaces', 'readWorkspaces']);
      expect(access.flags.readProjects).toBeUndefined();
      expect(access.flags.manageProjects).toBeUndefined();
    });

    test('an implied flag cannot be switched off', () => {
      // WHEN
      const access = OrganizationAccess.custom({ manageWorkspaces: true, readWorkspaces: false });

      // THEN
      expect(access.flags.readWorkspaces).toBe(true);
    });

    test.each([{}, { manageTeams: false }, { readProjects: false, manageAgentPools: false }])(
      'is empty, and omitted from the team, for %j',
      (flags) => {
        // WHEN
        const access = OrganizationAccess.custom(flags);
        const { team } = renderTeam(access);

        // THEN
        expect(access.isEmpty).toBe(true);
        expect(access.enabledFlags).toEqual([]);
        expect(team).not.toHaveProperty('organization_access');
      },
    );
  });

  describe('with', () => {
    test('adds flags to a preset, as a custom access', () => {
      // GIVEN
      const base = OrganizationAccess.workspaceManager();

      // WHEN
      const access = base.with({ manageVcsSettings: true });
      const { json } = renderTeam(access);

      // THEN
      expect(access.presetName).toBe('custom');
      expect(access.enabledFlags).toEqual([
        'manageProjects',
        'manageVcsSettings',
        'manageWorkspaces',
        'readProjects',
        'readWorkspaces',
      ]);
      expect(json).toHaveResourceWithProperties(TfeTeam, {
        organization_access: expect.objectContaining({ manage_vcs_settings: true, manage_projects: true }),
      });
    });

    test('leaves the original access unchanged', () => {
      // GIVEN
      const base = OrganizationAccess.readOnly();

      // WHEN
      base.with({ manageTeams: true });

      // THEN
      expect(base.presetName).toBe('read-only');
      expect(base.enabledFlags).toEqual(['readProjects', 'readWorkspaces']);
    });

    test('switches flags off with false and ignores undefined', () => {
      // GIVEN
      const base = OrganizationAccess.administrator();

      // WHEN
      const access = base.with({ manageTeams: false, accessSecretTeams: undefined });

      // THEN
      expect(access.flags.manageTeams).toBe(false);
      expect(access.flags.accessSecretTeams).toBe(true);
      expect(access.enabledFlags).toEqual(ALL_FLAGS.filter((f) => f !== 'manageTeams'));
    });

    test('re-applies implied flags', () => {
      // WHEN
      const access = OrganizationAccess.none().with({ manageProjects: true });

      // THEN
      expect(access.enabledFlags).toEqual(['manageProjects', 'manageWorkspaces', 'readProjects', 'readWorkspaces']);
    });

    test('switching a preset off entirely makes it empty', () => {
      // WHEN
      const access = OrganizationAccess.readOnly().with({ readProjects: false, readWorkspaces: false });
      const { team } = renderTeam(access);

      // THEN
      expect(access.isEmpty).toBe(true);
      expect(team).not.toHaveProperty('organization_access');
    });
  });
});
