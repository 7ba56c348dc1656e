import { TeamAccess } from '@cdktf/provider-tfe/lib/team-access';
import { TerraformVariable, Testing } from 'cdktf';
import { Organization, Team, Workspace, WorkspaceAccess, WorkspaceGrant, WorkspaceVariablesPermission } from '../src';
import { setup } from './util';
import { resolveValue } from '../src/private/validation';

Testing.setupJest();

describe('WorkspaceGrant', () => {
  test('grantAccess returns the tfe_team_access resource itself, with its ID as a reference', () => {
    // GIVEN
    const { stack, org } = setup();
    const ws = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    const devs = org.addTeam('Devs', { name: 'devs' });
    // WHEN
    const grant = ws.grantAccess(devs, WorkspaceAccess.WRITE);
    // THEN
    expect(grant).toBeInstanceOf(WorkspaceGrant);
    expect(grant.terraformResourceType).toBe('tfe_team_access');
    expect(grant.workspace).toBe(ws);
    expect(grant.team).toBe(devs);
    expect(grant.access).toBe(WorkspaceAccess.WRITE);
    expect(resolveValue(stack, grant.grantId)).toBe(`\${tfe_team_access.${grant.friendlyUniqueId}.id}`);
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TeamAccess, { access: 'write' });
  });

  test('custom permissions are written as a permissions block without an access level', () => {
    const { stack, org } = setup();
    const ws = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    ws.grantAccess(org.addTeam('Ops', { name: 'ops' }), WorkspaceAccess.custom({ variables: WorkspaceVariablesPermission.WRITE, workspaceLocking: true }));
    const grant = Object.values<any>(JSON.parse(Testing.synth(stack, true)).resource.tfe_team_access)[0];
    expect(grant.access).toBeUndefined();
    expect(grant.permissions).toEqual([{
      runs: 'read', variables: 'write', state_versions: 'none', sentinel_mocks: 'none', workspace_locking: true, run_tasks: false,
    }]);
  });

  test('grantsOn lists the grants of a workspace in order, whether made with grantAccess or the constructor', () => {
    // GIVEN
    const { stack, org } = setup();
    const ws = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    const other = new Workspace(stack, 'Other', { organization: org, name: 'other' });
    const devs = org.addTeam('Devs', { name: 'devs' });
    const ops = org.addTeam('Ops', { name: 'ops' });
    // WHEN
    const first = ws.grantAccess(devs, WorkspaceAccess.READ);
    const second = new WorkspaceGrant(stack, 'OpsOnApi', { workspace: ws, team: ops, access: WorkspaceAccess.ADMIN });
    // THEN
    expect(WorkspaceGrant.grantsOn(ws)).toEqual([first, second]);
    expect(WorkspaceGrant.grantsOn(other)).toEqual([]);
  });

  test('the constructor applies the rules grantAccess does', () => {
    // GIVEN
    const { stack, org } = setup();
    const ws = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    const devs = org.addTeam('Devs', { name: 'devs' });
    ws.grantAccess(devs, WorkspaceAccess.READ);
    const globex = new Organization(stack, 'Globex', { name: 'globex', email: 'a@globex.example' });
    const spies = new Team(stack, 'Spies', { organization: globex, name: 'spies' });
    // THEN
    expect(() => new WorkspaceGrant(stack, 'Again', { workspace: ws, team: devs, access: WorkspaceAccess.WRITE }))
      .toThrow(/^test\/Api: \[TFE-ACCESS-002\] team test\/Acme\/Devs already has access to this workspace \(test\/Api\/Access-devs\)/);
    expect(() => new WorkspaceGrant(stack, 'Foreign', { workspace: ws, team: spies, access: WorkspaceAccess.READ }))
      .toThrow(/^test\/Api: \[TFE-ACCESS-001\] team test\/Spies belongs to organization "org:globex", but this workspace belongs to "org:acme"/);
  });

  test('a grant is named after the team: its platform name, its ID, or else its construct path', () => {
    // GIVEN teams created, looked up by name, referenced by ID, and named by a reference
    const { stack, org } = setup();
    const ws = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    const created = org.addTeam('Ops', { name: 'operations' });
    const byName = Team.fromTeamName(stack, 'Owners', org, 'owners');
    const byId = Team.fromTeamId(stack, 'Auditors', org, 'team-abc123');
    const name = new TerraformVariable(stack, 'team_name', { type: 'string' });
    const byReference = org.addTeam('Dynamic', { name: name.stringValue });
    // WHEN each is granted access
    const ids = [created, byName, byId, byReference].map((t) => ws.grantAccess(t, WorkspaceAccess.READ).node.id);
    // THEN
    expect(ids).toEqual(['Access-operations', 'Access-owners', 'Access-id:team-abc123', 'Access-path:test.Acme.Dynamic']);
  });
});
