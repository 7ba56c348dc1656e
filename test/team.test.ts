import { DataTfeTeam } from '@cdktf/provider-tfe/lib/data-tfe-team';
import { Team as TfeTeam } from '@cdktf/provider-tfe/lib/team';
import { TeamMember } from '@cdktf/provider-tfe/lib/team-member';
import { TeamMembers } from '@cdktf/provider-tfe/lib/team-members';
import { TeamOrganizationMember } from '@cdktf/provider-tfe/lib/team-organization-member';
import { TeamOrganizationMembers } from '@cdktf/provider-tfe/lib/team-organization-members';
import { Lazy, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { Errors, Organization, OrganizationAccess, OrganizationMember, Team, TeamVisibility } from '../src';
import { errorOf, newStack } from './util';

Testing.setupJest();

function newOrg(stack: TerraformStack, name = 'acme', id = 'Acme'): Organization {
  return new Organization(stack, id, { name, email: `platform@${name}.example` });
}

describe('Team', () => {
  test('creates a tfe_team with its settings', () => {
    // GIVEN
    const stack = newStack();
    const acme = newOrg(stack);

    // WHEN
    new Team(stack, 'Ops', {
      organization: acme,
      name: 'ops',
      visibility: TeamVisibility.ORGANIZATION,
      ssoTeamId: 'sso-ops',
      allowMemberTokenManagement: false,
      organizationAccess: OrganizationAccess.readOnly(),
    });

    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeTeam, {
      name: 'ops',
      organization: expect.stringMatching(/^\$\{tfe_organization\.Acme_[0-9A-F]{8}\.name\}$/),
      visibility: 'organization',
      sso_team_id: 'sso-ops',
      allow_member_token_management: false,
      organization_access: expect.objectContaining({ read_projects: true, read_workspaces: true, manage_workspaces: false }),
    });
  });

  test('leaves optional settings out, including organization_access', () => {
    // GIVEN
    const stack = newStack();
    const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');

    // WHEN
    acme.addTeam('Ops', { name: 'ops' });

    // THEN
    const teams = JSON.parse(Testing.synth(stack, true)).resource.tfe_team;
    expect(Object.values(teams)).toEqual([{ name: 'ops', organization: 'acme' }]);
  });

  test('exposes the team ID and name as references', () => {
    // GIVEN
    const stack = newStack();
    const acme = newOrg(stack);

    // WHEN
    const ops = acme.addTeam('Ops', { name: 'ops' });
    new TerraformOutput(stack, 'id', { value: ops.teamId });
    new TerraformOutput(stack, 'name', { value: ops.teamName });

    // THEN
    const outputs = JSON.parse(Testing.synth(stack, true)).output;
    expect(outputs.id.value).toMatch(/^\$\{tfe_team\.Acme_Ops_[0-9A-F]{8}\.id\}$/);
    expect(outputs.name.value).toMatch(/^\$\{tfe_team\.Acme_Ops_[0-9A-F]{8}\.name\}$/);
    expect(ops.organization).toBe(acme);
  });

  describe('name', () => {
    test.each(['ops team', 'ops.team', 'ops/team', 'ops!', ''])('refuses %j', (name) => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);

      // WHEN
      const e = errorOf(() => acme.addTeam('Ops', { name }));

      // THEN
      expect(Errors.isValidationError(e)).toBe(true);
      expect(Errors.constructPathOf(e)).toBe('test/Acme/Ops');
      expect(e.message).toBe(
        `test/Acme/Ops: [TFE-NAME-002] team name ${JSON.stringify(name)} is invalid: use only letters, numbers, "-" and "_" (and at least one character).`,
      );
    });

    test.each(['owners', 'Owners', 'OWNERS'])('refuses the reserved name %j', (name) => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);

      // WHEN / THEN
      expect(() => acme.addTeam('Owners', { name })).toThrow(
        /^test\/Acme\/Owners: \[TFE-NAME-003\] team name "owners" is the built-in owners team, which every organization already has: reference it with Team\.fromTeamName\(scope, id, organization, "owners"\)/,
      );
    });

    test.each(['ops', 'Ops-2', 'a', 'owners-backup', 'team_owners'])('accepts %j', (name) => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);

      // WHEN
      acme.addTeam('Team', { name });

      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeTeam, { name });
    });

    test('a lazy name that resolves to an invalid name fails the synth', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);
      acme.addTeam('Ops', { name: Lazy.stringValue({ produce: () => 'bad name!' }) });

      // WHEN / THEN
      expect(() => Testing.synth(stack, true)).toThrow(/\[test\/Acme\/Ops\] \[TFE-NAME-002\] team name "bad name!" is invalid/);
    });

    test('a lazy name that resolves to "owners" fails the synth', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);
      acme.addTeam('Ops', { name: Lazy.stringValue({ produce: () => 'owners' }) });

      // WHEN / THEN
      expect(() => Testing.synth(stack, true)).toThrow(/\[test\/Acme\/Ops\] \[TFE-NAME-003\] team name "owners" is the built-in owners team/);
    });

    test('a name from a variable synthesizes with an info annotation', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);
      const name = new TerraformVariable(stack, 'team_name', { type: 'string' });
      const ops = acme.addTeam('Ops', { name: name.stringValue });

      // WHEN
      const json = Testing.synth(stack, true);

      // THEN
      expect(json).toHaveResourceWithProperties(TfeTeam, { name: '${var.team_name}' });
      const infos = ops.node.metadata.filter((m) => m.type === '@cdktf/info');
      expect(infos).toHaveLength(1);
      expect(infos[0].data).toMatch(/^\[TFE-REF-001\] The team name is only known at plan time \("\$\{var\.team_name\}"\)/);
    });
  });

  describe('unique names', () => {
    test('refuses two teams with the same name in one organization', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);
      acme.addTeam('Ops', { name: 'ops' });

      // WHEN
      const e = errorOf(() => acme.addTeam('Ops2', { name: 'ops' }));

      // THEN
      expect(Errors.constructPathOf(e)).toBe('test/Acme/Ops2');
      expect(e.message).toBe(
        'test/Acme/Ops2: [TFE-TEAM-002] team name "ops" is already used by test/Acme/Ops in organization test/Acme: ' +
          'team names are unique per organization; choose another name.',
      );
    });

    test('refuses the same name across two imports of the same organization name', () => {
      // GIVEN
      const stack = newStack();
      const first = Organization.fromOrganizationName(stack, 'First', 'acme');
      const second = Organization.fromOrganizationName(stack, 'Second', 'acme');
      first.addTeam('Ops', { name: 'ops' });

      // WHEN / THEN
      expect(() => second.addTeam('Ops', { name: 'ops' })).toThrow(
        /^test\/Second\/Ops: \[TFE-TEAM-002\] team name "ops" is already used by test\/First\/Ops in organization test\/Second: team names are unique per organization/,
      );
    });

    test('refuses the same name in a created organization and an import of it', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);
      const imported = Organization.fromOrganizationName(stack, 'Imported', 'acme');
      acme.addTeam('Ops', { name: 'ops' });

      // WHEN / THEN
      expect(() => new Team(stack, 'Ops', { organization: imported, name: 'ops' })).toThrow(/already used by test\/Acme\/Ops/);
    });

    test('allows the same name in two organizations', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);
      const globex = newOrg(stack, 'globex', 'Globex');

      // WHEN
      acme.addTeam('Ops', { name: 'ops' });
      globex.addTeam('Ops', { name: 'ops' });

      // THEN
      const teams = JSON.parse(Testing.synth(stack, true)).resource.tfe_team;
      expect(Object.keys(teams)).toHaveLength(2);
    });

    test('allows the same name in two apps', () => {
      // GIVEN
      const first = newStack();
      const second = newStack();

      // WHEN
      newOrg(first).addTeam('Ops', { name: 'ops' });
      newOrg(second).addTeam('Ops', { name: 'ops' });

      // THEN
      expect(Testing.synth(second, true)).toHaveResourceWithProperties(TfeTeam, { name: 'ops' });
    });
  });

  describe('members', () => {
    test('manages every member in one tfe_team_organization_members', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);
      const alice = acme.inviteMember('Alice', { email: 'alice@acme.example' });
      const bob = acme.inviteMember('Bob', { email: 'bob@acme.example' });

      // WHEN
      const ops = acme.addTeam('Ops', { name: 'ops', members: [alice] });
      ops.addMember(bob);
      ops.addMember(alice);

      // THEN
      const json = Testing.synth(stack, true);
      expect(json).toHaveResourceWithProperties(TeamOrganizationMembers, {
        team_id: expect.stringMatching(/^\$\{tfe_team\.Acme_Ops_[0-9A-F]{8}\.id\}$/),
        organization_membership_ids: [
          expect.stringMatching(/^\$\{tfe_organization_membership\.Acme_Alice_[0-9A-F]{8}\.id\}$/),
          expect.stringMatching(/^\$\{tfe_organization_membership\.Acme_Bob_[0-9A-F]{8}\.id\}$/),
        ],
      });
      expect(Object.keys(JSON.parse(json).resource.tfe_team_organization_members)).toHaveLength(1);
    });

    test('creates no membership resource without members', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);

      // WHEN
      acme.addTeam('Ops', { name: 'ops', members: [] });

      // THEN
      expect(JSON.parse(Testing.synth(stack, true)).resource.tfe_team_organization_members).toBeUndefined();
    });

    test('accepts a member of an import of the same organization', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);
      const imported = Organization.fromOrganizationName(stack, 'Imported', 'acme');
      const alice = OrganizationMember.fromMembershipId(stack, 'Alice', imported, 'ou-alice1');

      // WHEN
      acme.addTeam('Ops', { name: 'ops', members: [alice] });

      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TeamOrganizationMembers, {
        organization_membership_ids: ['ou-alice1'],
      });
    });

    test('refuses a member of another organization', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);
      const globex = Organization.fromOrganizationName(stack, 'Globex', 'globex');
      const mallory = globex.inviteMember('Mallory', { email: 'mallory@globex.example' });
      const ops = acme.addTeam('Ops', { name: 'ops' });

      // WHEN
      const e = errorOf(() => ops.addMember(mallory));

      // THEN
      expect(Errors.isValidationError(e)).toBe(true);
      expect(Errors.constructPathOf(e)).toBe('test/Acme/Ops');
      expect(e.message).toBe(
        'test/Acme/Ops: [TFE-TEAM-001] member test/Globex/Mallory belongs to organization "org:globex", but this team belongs to "org:acme": ' +
          "invite the user to the team's organization first.",
      );
    });

    test('refuses a member of another organization given in the props', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);
      const globex = newOrg(stack, 'globex', 'Globex');
      const mallory = globex.inviteMember('Mallory', { email: 'mallory@globex.example' });

      // WHEN / THEN
      expect(() => acme.addTeam('Ops', { name: 'ops', members: [mallory] })).toThrow(
        /^test\/Acme\/Ops: \[TFE-TEAM-001\] member test\/Globex\/Mallory belongs to organization "org:globex"/,
      );
    });

    test('an imported team can manage its members', () => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');
      const alice = OrganizationMember.fromMembershipId(stack, 'Alice', acme, 'ou-alice1');
      const ops = Team.fromTeamId(stack, 'Ops', acme, 'team-abc123');

      // WHEN
      ops.addMember(alice);

      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TeamOrganizationMembers, {
        team_id: 'team-abc123',
        organization_membership_ids: ['ou-alice1'],
      });
    });
  });

  describe('mixing membership resources', () => {
    test('a raw tfe_team_member on a team with addMember fails the synth', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);
      const ops = acme.addTeam('Ops', { name: 'ops' });
      ops.addMember(acme.inviteMember('Alice', { email: 'alice@acme.example' }));

      // WHEN
      new TeamMember(stack, 'Raw', { teamId: ops.teamId, username: 'bob' });

      // THEN
      expect(() => Testing.synth(stack, true)).toThrow(
        /\[test\/Acme\/Ops\] \[TFE-TEAM-003\] team members are managed by test\/Acme\/Ops\/Members \(tfe_team_organization_members\), but test\/Raw \(tfe_team_member\) also manage\(s\) this team's membership: do not mix membership resources on one team; add every member with team\.addMember\(\.\.\.\) instead\./,
      );
    });

    test.each([
      ['tfe_team_members', (stack: TerraformStack, teamId: string) => new TeamMembers(stack, 'Raw', { teamId, usernames: ['bob'] })],
      [
        'tfe_team_organization_member',
        (stack: TerraformStack, teamId: string) => new TeamOrganizationMember(stack, 'Raw', { teamId, organizationMembershipId: 'ou-bob1' }),
      ],
      [
        'tfe_team_organization_members',
        (stack: TerraformStack, teamId: string) => new TeamOrganizationMembers(stack, 'Raw', { teamId, organizationMembershipIds: ['ou-bob1'] }),
      ],
    ])('a raw %s on the same team fails the synth', (type, addRaw) => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);
      const ops = acme.addTeam('Ops', { name: 'ops' });
      ops.addMember(acme.inviteMember('Alice', { email: 'alice@acme.example' }));

      // WHEN
      addRaw(stack, ops.teamId);

      // THEN
      expect(() => Testing.synth(stack, true)).toThrow(new RegExp(`test/Raw \\(${type}\\) also manage\\(s\\) this team's membership`));
    });

    test('a raw tfe_team_member without addMember is fine', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);
      const ops = acme.addTeam('Ops', { name: 'ops' });

      // WHEN
      new TeamMember(stack, 'Raw', { teamId: ops.teamId, username: 'bob' });

      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TeamMember, { username: 'bob' });
    });

    test('a raw tfe_team_member on another team is fine', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);
      const ops = acme.addTeam('Ops', { name: 'ops' });
      const dev = acme.addTeam('Dev', { name: 'dev' });
      ops.addMember(acme.inviteMember('Alice', { email: 'alice@acme.example' }));

      // WHEN
      new TeamMember(stack, 'Raw', { teamId: dev.teamId, username: 'bob' });

      // THEN
      expect(() => Testing.synth(stack, true)).not.toThrow();
    });

    test('two imports of the same team ID that both manage members fail the synth', () => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');
      const alice = OrganizationMember.fromMembershipId(stack, 'Alice', acme, 'ou-alice1');

      // WHEN
      Team.fromTeamId(stack, 'First', acme, 'team-abc123').addMember(alice);
      Team.fromTeamId(stack, 'Second', acme, 'team-abc123').addMember(alice);

      // THEN
      expect(() => Testing.synth(stack, true)).toThrow(
        /\[test\/First\] \[TFE-TEAM-003\] team members are managed by test\/First\/Members \(tfe_team_organization_members\), but test\/Second\/Members/,
      );
    });
  });

  describe('fromTeamId', () => {
    test('creates nothing and uses the ID as it is', () => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');

      // WHEN
      const ops = Team.fromTeamId(stack, 'Ops', acme, 'team-abc123');

      // THEN
      expect(ops.teamId).toBe('team-abc123');
      expect(ops.organization).toBe(acme);
      const json = JSON.parse(Testing.synth(stack, true));
      expect(json.resource).toBeUndefined();
      expect(json.data).toBeUndefined();
    });

    test.each(['ops', 'abc123', 'team-', 'team-abc/123', 'prj-abc123'])('refuses the ID %j', (id) => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');

      // WHEN
      const e = errorOf(() => Team.fromTeamId(stack, 'Ext', acme, id));

      // THEN
      expect(Errors.isValidationError(e)).toBe(true);
      expect(Errors.constructPathOf(e)).toBe('test/Ext');
      expect(e.message).toBe(
        `test/Ext: [TFE-ID-001] team ID ${JSON.stringify(id)} is not a team ID: it looks like "team-abc123" (use Team.fromTeamName to look a team up by name).`,
      );
    });

    test('a lazy invalid ID fails the synth', () => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');
      Team.fromTeamId(stack, 'Ext', acme, Lazy.stringValue({ produce: () => 'ops' }));

      // WHEN / THEN
      expect(() => Testing.synth(stack, true)).toThrow(/\[test\/Ext\] \[TFE-ID-001\] team ID "ops" is not a team ID/);
    });
  });

  describe('fromTeamName', () => {
    test('creates exactly one data source', () => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');

      // WHEN
      const owners = Team.fromTeamName(stack, 'Owners', acme, 'owners');
      new TerraformOutput(stack, 'id', { value: owners.teamId });

      // THEN
      const json = Testing.synth(stack, true);
      expect(json).toHaveDataSourceWithProperties(DataTfeTeam, { name: 'owners', organization: 'acme' });
      const parsed = JSON.parse(json);
      expect(parsed.resource).toBeUndefined();
      expect(Object.keys(parsed.data)).toEqual(['tfe_team']);
      expect(Object.keys(parsed.data.tfe_team)).toHaveLength(1);
      expect(parsed.output.id.value).toMatch(/^\$\{data\.tfe_team\.Owners_Lookup_[0-9A-F]{8}\.id\}$/);
      expect(owners.organization).toBe(acme);
    });

    test('the looked-up team can get members and tokens', () => {
      // GIVEN
      const stack = newStack();
      const acme = newOrg(stack);
      const owners = Team.fromTeamName(stack, 'Owners', acme, 'owners');

      // WHEN
      owners.addMember(acme.inviteMember('Alice', { email: 'alice@acme.example' }));
      owners.addToken('Token', { description: 'ci' });

      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TeamOrganizationMembers, {
        team_id: expect.stringMatching(/^\$\{data\.tfe_team\.Owners_Lookup_[0-9A-F]{8}\.id\}$/),
      });
    });
  });
});
