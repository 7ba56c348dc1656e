import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { TeamProjectAccess } from '@cdktf/provider-tfe/lib/team-project-access';
import { TerraformStack, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { Construct } from 'constructs';
import {
  Errors,
  Organization,
  Project,
  ProjectAccess,
  ProjectSettingsPermission,
  ProjectTeamsPermission,
  ProjectVariableSetsPermission,
  Team,
  WorkspaceRunsPermission,
  WorkspaceSentinelMocksPermission,
  WorkspaceStateVersionsPermission,
  WorkspaceVariablesPermission,
} from '../src';

Testing.setupJest();

function setup(): { stack: TerraformStack; acme: Organization; ops: Team; payments: Project } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new TfeProvider(stack, 'tfe', {});
  const acme = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });
  const ops = acme.addTeam('Ops', { name: 'ops' });
  const payments = acme.addProject('Payments', { name: 'payments' });
  return { stack, acme, ops, payments };
}

function grants(stack: TerraformStack): { [id: string]: any } {
  return JSON.parse(Testing.synth(stack, true)).resource.tfe_team_project_access;
}

function errorOf(fn: () => unknown): any {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('ProjectAccess', () => {
  test.each([
    ['READ', ProjectAccess.READ, 'read'],
    ['WRITE', ProjectAccess.WRITE, 'write'],
    ['MAINTAIN', ProjectAccess.MAINTAIN, 'maintain'],
    ['ADMIN', ProjectAccess.ADMIN, 'admin'],
  ])('%s grants the %s level without custom blocks', (_name, access, level) => {
    // GIVEN
    const { stack, ops, payments } = setup();

    // WHEN
    payments.grantAccess(ops, access);

    // THEN
    expect(access.level).toBe(level);
    expect(access.customPermissions).toBeUndefined();
    expect(Object.values(grants(stack))).toEqual([
      {
        access: level,
        project_id: expect.stringMatching(/^\$\{tfe_project\.Acme_Payments_[0-9A-F]{8}\.id\}$/),
        team_id: expect.stringMatching(/^\$\{tfe_team\.Acme_Ops_[0-9A-F]{8}\.id\}$/),
      },
    ]);
  });

  test('custom renders project_access and workspace_access blocks', () => {
    // GIVEN
    const { stack, ops, payments } = setup();
    const access = ProjectAccess.custom({
      project: {
        settings: ProjectSettingsPermission.UPDATE,
        teams: ProjectTeamsPermission.MANAGE,
        variableSets: ProjectVariableSetsPermission.WRITE,
      },
      workspaces: {
        runs: WorkspaceRunsPermission.APPLY,
        sentinelMocks: WorkspaceSentinelMocksPermission.READ,
        stateVersions: WorkspaceStateVersionsPermission.READ_OUTPUTS,
        variables: WorkspaceVariablesPermission.WRITE,
        create: true,
        delete: false,
        locking: true,
        move: false,
        runTasks: true,
      },
    });

    // WHEN
    payments.grantAccess(ops, access);

    // THEN
    expect(access.level).toBe('custom');
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TeamProjectAccess, {
      access: 'custom',
      project_access: [{ settings: 'update', teams: 'manage', variable_sets: 'write' }],
      workspace_access: [
        {
          runs: 'apply',
          sentinel_mocks: 'read',
          state_versions: 'read-outputs',
          variables: 'write',
          create: true,
          delete: false,
          locking: true,
          move: false,
          run_tasks: true,
        },
      ],
    });
  });

  test('custom renders only the permissions given', () => {
    // GIVEN
    const { stack, ops, payments } = setup();

    // WHEN
    payments.grantAccess(ops, ProjectAccess.custom({ workspaces: { stateVersions: WorkspaceStateVersionsPermission.READ } }));

    // THEN
    const [grant] = Object.values(grants(stack));
    expect(grant.access).toBe('custom');
    expect(grant).not.toHaveProperty('project_access');
    expect(grant.workspace_access).toEqual([{ state_versions: 'read' }]);
  });

  test('custom with only project permissions renders no workspace_access', () => {
    // GIVEN
    const { stack, ops, payments } = setup();

    // WHEN
    payments.grantAccess(ops, ProjectAccess.custom({ project: { teams: ProjectTeamsPermission.READ } }));

    // THEN
    const [grant] = Object.values(grants(stack));
    expect(grant.project_access).toEqual([{ teams: 'read' }]);
    expect(grant).not.toHaveProperty('workspace_access');
  });

  test('custom without options is the platform custom default', () => {
    // GIVEN
    const { stack, ops, payments } = setup();
    const access = ProjectAccess.custom();

    // WHEN
    payments.grantAccess(ops, access);

    // THEN
    expect(access.customPermissions).toEqual({});
    const [grant] = Object.values(grants(stack));
    expect(grant.access).toBe('custom');
    expect(grant).not.toHaveProperty('project_access');
    expect(grant).not.toHaveProperty('workspace_access');
  });
});

describe('Project.grantAccess', () => {
  test('names the grant after the team, and returns it', () => {
    // GIVEN
    const { ops, payments } = setup();

    // WHEN
    const grant = payments.grantAccess(ops, ProjectAccess.READ);

    // THEN
    expect(grant).toBeInstanceOf(TeamProjectAccess);
    expect(grant.node.path).toBe('test/Acme/Payments/Access-ops');
  });

  test('grant ids are stable and distinct for teams with the same construct id', () => {
    // GIVEN
    const { stack, acme, ops, payments } = setup();
    const group = new Construct(stack, 'Imported');
    const otherOps = Team.fromTeamId(group, 'Ops', acme, 'team-abc123');
    const dev = acme.addTeam('Dev', { name: 'dev' });

    // WHEN
    const first = payments.grantAccess(ops, ProjectAccess.READ);
    const second = payments.grantAccess(otherOps, ProjectAccess.WRITE);
    const third = payments.grantAccess(dev, ProjectAccess.ADMIN);

    // THEN
    expect(first.node.id).toBe('Access-ops');
    expect(second.node.id).toBe('Access-id:team-abc123');
    expect(third.node.id).toBe('Access-dev');
    const all = grants(stack);
    expect(Object.keys(all)).toHaveLength(3);
    expect(Object.keys(all).sort()).toEqual([
      expect.stringMatching(/^Acme_Payments_Access-dev_[0-9A-F]{8}$/),
      expect.stringMatching(/^Acme_Payments_Access-idteam-abc123_[0-9A-F]{8}$/),
      expect.stringMatching(/^Acme_Payments_Access-ops_[0-9A-F]{8}$/),
    ]);
    expect(Object.keys(grants(stack))).toEqual(Object.keys(all));
    expect(Object.values(all).find((g: any) => g.team_id === 'team-abc123').access).toBe('write');
  });

  test('refuses to grant the same team twice', () => {
    // GIVEN
    const { ops, payments } = setup();
    payments.grantAccess(ops, ProjectAccess.READ);

    // WHEN
    const e = errorOf(() => payments.grantAccess(ops, ProjectAccess.WRITE));

    // THEN
    expect(Errors.isValidationError(e)).toBe(true);
    expect(Errors.constructPathOf(e)).toBe('test/Acme/Payments');
    expect(e.message).toBe(
      'test/Acme/Payments: [TFE-ACCESS-003] team test/Acme/Ops already has access to this project (test/Acme/Payments/Access-ops): ' +
        'a team holds one access level per project; remove one of the grants, or use ProjectAccess.custom(...) to combine permissions.',
    );
  });

  test('refuses a created team and a lookup of it by name', () => {
    // GIVEN
    const { stack, acme, ops, payments } = setup();
    payments.grantAccess(ops, ProjectAccess.READ);
    const lookedUp = Team.fromTeamName(stack, 'OpsLookup', acme, 'ops');

    // WHEN / THEN
    expect(() => payments.grantAccess(lookedUp, ProjectAccess.ADMIN)).toThrow(
      /^test\/Acme\/Payments: \[TFE-ACCESS-003\] team test\/OpsLookup already has access to this project \(test\/Acme\/Payments\/Access-ops\)/,
    );
  });

  test('refuses two imports of the same team ID', () => {
    // GIVEN
    const { stack, acme, payments } = setup();
    payments.grantAccess(Team.fromTeamId(stack, 'First', acme, 'team-abc123'), ProjectAccess.READ);

    // WHEN / THEN
    expect(() => payments.grantAccess(Team.fromTeamId(stack, 'Second', acme, 'team-abc123'), ProjectAccess.READ)).toThrow(
      /team test\/Second already has access to this project \(test\/Acme\/Payments\/Access-id:team-abc123\)/,
    );
  });

  test('the same team may be granted on two projects', () => {
    // GIVEN
    const { stack, acme, ops, payments } = setup();
    const billing = acme.addProject('Billing', { name: 'billing' });

    // WHEN
    payments.grantAccess(ops, ProjectAccess.READ);
    billing.grantAccess(ops, ProjectAccess.ADMIN);

    // THEN
    expect(Object.keys(grants(stack))).toHaveLength(2);
  });

  test('refuses a team of another organization', () => {
    // GIVEN
    const { stack, payments } = setup();
    const globex = Organization.fromOrganizationName(stack, 'Globex', 'globex');
    const spies = globex.addTeam('Spies', { name: 'spies' });

    // WHEN
    const e = errorOf(() => payments.grantAccess(spies, ProjectAccess.READ));

    // THEN
    expect(Errors.constructPathOf(e)).toBe('test/Acme/Payments');
    expect(e.message).toBe(
      'test/Acme/Payments: [TFE-ACCESS-001] team test/Globex/Spies belongs to organization "org:globex", but this project belongs to "org:acme": ' +
        "grant access to a team of the project's organization.",
    );
  });

  test('accepts a team of an import of the same organization', () => {
    // GIVEN
    const { stack, payments } = setup();
    const imported = Organization.fromOrganizationName(stack, 'Imported', 'acme');
    const owners = Team.fromTeamName(stack, 'Owners', imported, 'owners');

    // WHEN
    payments.grantAccess(owners, ProjectAccess.ADMIN);

    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TeamProjectAccess, {
      access: 'admin',
      team_id: expect.stringMatching(/^\$\{data\.tfe_team\.Owners_Lookup_[0-9A-F]{8}\.id\}$/),
    });
  });

  test('works on imported projects', () => {
    // GIVEN
    const { stack, acme, ops } = setup();
    const byId = Project.fromProjectId(stack, 'ById', acme, 'prj-abc123');
    const byName = Project.fromProjectName(stack, 'ByName', acme, 'billing');

    // WHEN
    byId.grantAccess(ops, ProjectAccess.WRITE);
    byName.grantAccess(ops, ProjectAccess.MAINTAIN);

    // THEN
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TeamProjectAccess, { access: 'write', project_id: 'prj-abc123' });
    expect(json).toHaveResourceWithProperties(TeamProjectAccess, {
      access: 'maintain',
      project_id: expect.stringMatching(/^\$\{data\.tfe_project\.ByName_Lookup_[0-9A-F]{8}\.id\}$/),
    });
  });

  test('refuses a team of another organization on an imported project', () => {
    // GIVEN
    const { stack, ops } = setup();
    const globex = Organization.fromOrganizationName(stack, 'Globex', 'globex');
    const project = Project.fromProjectId(stack, 'Theirs', globex, 'prj-abc123');

    // WHEN / THEN
    expect(() => project.grantAccess(ops, ProjectAccess.READ)).toThrow(
      /^test\/Theirs: \[TFE-ACCESS-001\] team test\/Acme\/Ops belongs to organization "org:acme", but this project belongs to "org:globex"/,
    );
  });
});
