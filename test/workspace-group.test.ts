import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { RunTrigger } from '@cdktf/provider-tfe/lib/run-trigger';
import { TeamAccess } from '@cdktf/provider-tfe/lib/team-access';
import { Variable as TfeVariable } from '@cdktf/provider-tfe/lib/variable';
import { Workspace as TfeWorkspace } from '@cdktf/provider-tfe/lib/workspace';
import { WorkspaceVariableSet } from '@cdktf/provider-tfe/lib/workspace-variable-set';
import { TerraformStack, Testing } from 'cdktf';
import { Errors, Organization, VariableCategory, VariableValue, Workspace, WorkspaceAccess, WorkspaceGrant, WorkspaceGroup } from '../src';

Testing.setupJest();

function setup() {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new TfeProvider(stack, 'tfe', {});
  const org = new Organization(stack, 'Acme', { name: 'acme', email: 'a@acme.example' });
  return { stack, org };
}

function resources(stack: TerraformStack, type: string): any[] {
  return Object.values(JSON.parse(Testing.synth(stack, true)).resource[type] ?? {});
}

describe('WorkspaceGroup', () => {
  test('members are named prefix + short name, share settings and carry the group tag', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const group = new WorkspaceGroup(stack, 'Net', {
      organization: org,
      prefix: 'networking-',
      members: [{ shortName: 'dev', settings: { autoApply: true } }, { shortName: 'staging' }, { shortName: 'prod' }],
      settings: { terraformVersion: '~> 1.9.0', autoApply: false, tagNames: ['infra'] },
    });
    // THEN
    const ws = resources(stack, 'tfe_workspace');
    const byName = new Map(ws.map((w) => [w.name, w]));
    expect([...byName.keys()].sort()).toEqual(['networking-dev', 'networking-prod', 'networking-staging']);
    expect(ws.every((w) => w.terraform_version === '~> 1.9.0')).toBe(true);
    expect(['networking-dev', 'networking-staging', 'networking-prod'].map((n) => byName.get(n).auto_apply)).toEqual([true, false, false]);
    expect(ws.every((w) => JSON.stringify(w.tag_names) === JSON.stringify(['infra', 'networking']))).toBe(true);
    expect(group.shortNames).toEqual(['dev', 'staging', 'prod']);
    expect(group.member('prod')).toBeInstanceOf(Workspace);
    expect(group.groupTag).toBe('networking');
  });

  test('shared variables with per-member overrides', () => {
    const { stack, org } = setup();
    new WorkspaceGroup(stack, 'Net', {
      organization: org,
      prefix: 'net-',
      members: [{ shortName: 'dev' }, { shortName: 'prod', variables: [{ key: 'count', value: VariableValue.number(6) }] }],
      variables: [{ key: 'count', value: VariableValue.number(2) }, { key: 'region', value: VariableValue.string('eu') }],
    });
    const vars = resources(stack, 'tfe_variable');
    expect(vars).toHaveLength(4);
    const counts = vars.filter((v) => v.key === 'count').map((v) => v.value).sort();
    expect(counts).toEqual(['2', '6']);
  });

  test('plain-text variable maps are the same as VariableValue.string entries, with the same override rules', () => {
    // GIVEN the same group written with typed entries and with the plain maps
    const typed = setup();
    new WorkspaceGroup(typed.stack, 'Net', {
      organization: typed.org,
      prefix: 'net-',
      members: [
        { shortName: 'dev' },
        {
          shortName: 'prod',
          variables: [
            { key: 'region', value: VariableValue.string('us') },
            { key: 'TF_LOG', value: VariableValue.string('warn'), category: VariableCategory.ENV },
          ],
        },
      ],
      variables: [
        { key: 'region', value: VariableValue.string('eu') },
        { key: 'size', value: VariableValue.string('small') },
        { key: 'TF_LOG', value: VariableValue.string('info'), category: VariableCategory.ENV },
      ],
    });
    const plain = setup();
    // WHEN
    new WorkspaceGroup(plain.stack, 'Net', {
      organization: plain.org,
      prefix: 'net-',
      members: [
        { shortName: 'dev' },
        { shortName: 'prod', terraformVariables: { region: 'us' }, environmentVariables: { TF_LOG: 'warn' } },
      ],
      terraformVariables: { region: 'eu', size: 'small' },
      environmentVariables: { TF_LOG: 'info' },
    });
    // THEN: the same resources at the same addresses
    expect(Testing.synth(plain.stack, true)).toEqual(Testing.synth(typed.stack, true));
    const prod = resources(plain.stack, 'tfe_variable').filter((v) => v.workspace_id.includes('prod'));
    expect(prod.map((v) => [v.key, v.category, v.value, v.hcl]).sort()).toEqual([
      ['TF_LOG', 'env', 'warn', undefined],
      ['region', 'terraform', 'us', undefined],
      ['size', 'terraform', 'small', undefined],
    ]);
  });

  test('plain-text shared variables go into the shared variable set too', () => {
    const { stack, org } = setup();
    new WorkspaceGroup(stack, 'Net', {
      organization: org,
      prefix: 'net-',
      members: [{ shortName: 'dev' }, { shortName: 'prod' }],
      terraformVariables: { region: 'eu' },
      sharedVariablesAsVariableSet: true,
    });
    const vars = resources(stack, 'tfe_variable');
    expect(vars).toHaveLength(1);
    expect(vars[0].variable_set_id).toContain('tfe_variable_set.');
  });

  test('shared variables as one variable set applied to every member', () => {
    const { stack, org } = setup();
    const group = new WorkspaceGroup(stack, 'Net', {
      organization: org,
      prefix: 'net-',
      members: [{ shortName: 'dev' }, { shortName: 'prod', variables: [{ key: 'count', value: VariableValue.number(6) }] }],
      variables: [{ key: 'count', value: VariableValue.number(2) }],
      sharedVariablesAsVariableSet: true,
    });
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(WorkspaceVariableSet, { variable_set_id: expect.stringContaining('tfe_variable_set.') });
    expect(resources(stack, 'tfe_workspace_variable_set')).toHaveLength(2);
    expect(resources(stack, 'tfe_variable')).toHaveLength(2); // one in the set, prod's override
    expect(group.variableSet).toBeDefined();
  });

  test('promotion chains members with run triggers', () => {
    const { stack, org } = setup();
    new WorkspaceGroup(stack, 'Net', {
      organization: org,
      prefix: 'net-',
      members: [{ shortName: 'dev' }, { shortName: 'staging' }, { shortName: 'prod' }],
      promotion: true,
    });
    const triggers = resources(stack, 'tfe_run_trigger');
    expect(triggers).toHaveLength(2);
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(RunTrigger, {
      workspace_id: expect.stringMatching(/tfe_workspace\.Net_prod_/),
      sourceable_id: expect.stringMatching(/tfe_workspace\.Net_staging_/),
    });
  });

  test('one call grants a team access to every member; addVariable reaches every member', () => {
    const { stack, org } = setup();
    const ops = org.addTeam('Ops', { name: 'ops' });
    const group = new WorkspaceGroup(stack, 'Net', { organization: org, prefix: 'net-', members: [{ shortName: 'dev' }, { shortName: 'prod' }] });
    const grants = group.grantAccess(ops, WorkspaceAccess.WRITE);
    const vars = group.addVariable('Owner', { key: 'owner', value: VariableValue.string('ops') });
    expect(grants).toHaveLength(2);
    expect(vars).toHaveLength(2);
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TeamAccess, { access: 'write' });
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeVariable, { key: 'owner', value: 'ops' });
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeWorkspace, { name: 'net-prod' });
  });

  describe('a member\'s own grant overrides the group\'s grant', () => {
    /** The tfe_team_access arguments per member short name, for one team. */
    function accessByMember(stack: TerraformStack, teamPath: string): Record<string, string> {
      const out: Record<string, string> = {};
      for (const [address, g] of Object.entries<any>(JSON.parse(Testing.synth(stack, true)).resource.tfe_team_access ?? {})) {
        if (!g.team_id.includes(teamPath)) continue;
        const member = /^Net_(\w+)_Access/.exec(address)![1];
        expect(out[member]).toBeUndefined(); // one grant per team and member
        out[member] = g.access ?? 'custom';
      }
      return out;
    }

    function build(order: 'group-first' | 'member-first') {
      const { stack, org } = setup();
      const devs = org.addTeam('Devs', { name: 'devs' });
      const group = new WorkspaceGroup(stack, 'Net', {
        organization: org, prefix: 'net-', members: [{ shortName: 'dev' }, { shortName: 'staging' }, { shortName: 'prod' }],
      });
      const grants: WorkspaceGrant[][] = [];
      const steps = [
        () => grants.push(group.grantAccess(devs, WorkspaceAccess.WRITE)),
        () => grants.push([group.member('prod').grantAccess(devs, WorkspaceAccess.READ)]),
      ];
      for (const step of order === 'group-first' ? steps : steps.reverse()) step();
      return { stack, group, devs, grants };
    }

    test.each(['group-first', 'member-first'] as const)('%s: one grant per member, the member\'s level on the member', (order) => {
      // GIVEN a group-wide write grant and a read grant on prod, in either order
      const { stack, group } = build(order);
      // THEN dev and staging get write, prod gets read, each through one tfe_team_access
      expect(accessByMember(stack, 'Acme_Devs')).toEqual({ dev: 'write', staging: 'write', prod: 'read' });
      expect(WorkspaceGrant.grantsOn(group.member('prod')).map((g) => g.access)).toEqual([WorkspaceAccess.READ]);
      expect(group.member('prod').node.tryFindChild('Access-devs')).toBeInstanceOf(WorkspaceGrant);
    });

    test('both orders synthesize the same configuration', () => {
      const a = JSON.parse(Testing.synth(build('group-first').stack, true));
      const b = JSON.parse(Testing.synth(build('member-first').stack, true));
      expect(b.resource).toEqual(a.resource);
    });

    test('the group\'s result holds the grant that applies on each member', () => {
      const { group, grants } = build('group-first');
      const [groupGrants, [memberGrant]] = grants;
      expect(groupGrants).toHaveLength(3);
      expect(groupGrants[2]).toBe(memberGrant);
      expect(groupGrants.map((g) => g.access.level)).toEqual(['write', 'write', 'read']);
      expect(groupGrants.map((g) => g.workspace)).toEqual(group.members);
    });

    test('the access report shows the member\'s level', () => {
      const { group } = build('member-first');
      expect(group.member('prod')._accessGrants().map((g) => g.level)).toEqual(['read']);
      expect(group.member('dev')._accessGrants().map((g) => g.level)).toEqual(['write']);
    });

    test('a second grant of the same team is still refused: on the member, or on the group', () => {
      const { group, devs } = build('group-first');
      expect(() => group.member('prod').grantAccess(devs, WorkspaceAccess.ADMIN)).toThrow(
        /^test\/Net\/prod: \[TFE-ACCESS-002\] team test\/Acme\/Devs already has access to this workspace \(test\/Net\/prod\/Access-devs\)/,
      );
      expect(() => group.grantAccess(devs, WorkspaceAccess.PLAN)).toThrow(
        /^test\/Net: \[TFE-ACCESS-004\] team test\/Acme\/Devs already has access to every member of this group \(test\/Net\/dev\/Access-devs, \.\.\.\): .*group\.member\(shortName\)\.grantAccess\(team, access\)/,
      );
      const other = build('member-first');
      expect(() => other.group.grantAccess(other.devs, WorkspaceAccess.PLAN)).toThrow(/already has access to every member of this group/);
    });
  });

  describe('rules', () => {
    test('a member name that collides with a standalone workspace', () => {
      const { stack, org } = setup();
      new Workspace(stack, 'Standalone', { organization: org, name: 'net-prod' });
      expect(() => new WorkspaceGroup(stack, 'Net', { organization: org, prefix: 'net-', members: [{ shortName: 'prod' }] })).toThrow(
        /test\/Net\/prod: \[TFE-WS-001\] workspace name "net-prod" is already used by test\/Standalone/,
      );
    });

    test('invalid prefix, short names, duplicates, "default" and no members', () => {
      const { stack, org } = setup();
      expect(() => new WorkspaceGroup(stack, 'A', { organization: org, prefix: 'net work-', members: [{ shortName: 'dev' }] })).toThrow(
        /test\/A: \[TFE-NAME-010\] prefix "net work-" is invalid/,
      );
      expect(() => new WorkspaceGroup(stack, 'B', { organization: org, prefix: 'b-', members: [{ shortName: 'dev' }, { shortName: 'dev' }] })).toThrow(
        /member short name "dev" appears twice/,
      );
      expect(() => new WorkspaceGroup(stack, 'C', { organization: org, prefix: 'c-', members: [{ shortName: 'default' }] })).toThrow(
        /member short name "default" is not usable: in prefix mode the remote backend disables the "default" workspace/,
      );
      expect(() => new WorkspaceGroup(stack, 'D', { organization: org, prefix: 'd-', members: [] })).toThrow(/needs at least one member/);
      expect(() => new WorkspaceGroup(stack, 'E', { organization: org, prefix: 'e-', members: [{ shortName: 'a b' }] })).toThrow(/member short name "a b" is invalid/);
      expect(() => new WorkspaceGroup(stack, 'F', { organization: org, prefix: 'f-', members: [{ shortName: '' }] })).toThrow(/a member short name is empty/);
    });

    test('short names that are Object.prototype members still work ("toString", "constructor")', () => {
      const { stack, org } = setup();
      const group = new WorkspaceGroup(stack, 'G', { organization: org, prefix: 'g-', members: [{ shortName: 'toString' }, { shortName: 'constructor' }] });
      expect(group.member('toString').node.id).toBe('toString~');
      expect(resources(stack, 'tfe_workspace').map((w) => w.name).sort()).toEqual(['g-constructor', 'g-toString']);
    });

    test('a variable given twice in one props object, or a plain-text value that is not a string', () => {
      const { stack, org } = setup();
      const twice = () => new WorkspaceGroup(stack, 'A', {
        organization: org,
        prefix: 'a-',
        members: [{ shortName: 'dev', variables: [{ key: 'region', value: VariableValue.string('eu') }], terraformVariables: { region: 'us' } }],
      });
      let error: unknown;
      try { twice(); } catch (e) { error = e; }
      expect(Errors.isValidationError(error)).toBe(true);
      expect(String(error)).toMatch(/test\/A: \[TFE-VAR-009\] member "dev": Terraform variable "region" is given twice \(in variables and in terraformVariables\)/);
      expect(() => new WorkspaceGroup(stack, 'B', {
        organization: org,
        prefix: 'b-',
        members: [{ shortName: 'dev' }],
        variables: [{ key: 'TOKEN', value: VariableValue.string('x'), category: VariableCategory.ENV }],
        environmentVariables: { TOKEN: 'y' },
      })).toThrow(/test\/B: \[TFE-VAR-009\] the shared variables: environment variable "TOKEN" is given twice \(in variables and in environmentVariables\)/);
      // A Terraform and an environment variable may share a name.
      new WorkspaceGroup(stack, 'C', { organization: org, prefix: 'c-', members: [{ shortName: 'dev' }], terraformVariables: { x: '1' }, environmentVariables: { x: '2' } });
      expect(() => new WorkspaceGroup(stack, 'D', {
        organization: org,
        prefix: 'd-',
        members: [{ shortName: 'dev', terraformVariables: { count: 3 as any } }],
      })).toThrow(/test\/D: \[TFE-VAR-011\] member "dev": terraformVariables\["count"\] must be a string, got 3: give the text, or put the variable in variables with a typed value/);
      expect(() => new WorkspaceGroup(stack, 'E', {
        organization: org,
        prefix: 'e-',
        members: [{ shortName: 'dev' }],
        environmentVariables: ['A=1'] as any,
      })).toThrow(/test\/E: \[TFE-VAR-010\] the shared variables: environmentVariables must be a map of variable names to string values, got \["A=1"\]/);
    });

    test('member() with an unknown short name', () => {
      const { stack, org } = setup();
      const group = new WorkspaceGroup(stack, 'Net', { organization: org, prefix: 'net-', members: [{ shortName: 'dev' }] });
      expect(() => group.member('prod')).toThrow(/test\/Net: \[TFE-GRP-003\] the group has no member "prod": its members are "dev"/);
    });
  });
});
