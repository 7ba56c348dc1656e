import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  AgentPool, Entitlement, Entitlements, Errors, ExecutionMode, OAuthClient, Organization, ProjectAccess, RunWorkflow, Team,
  VcsProvider, Workspace, WorkspaceAccess,
} from '../src';

function setup(entitlements?: Entitlements) {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new TfeProvider(stack, 'tfe', {});
  const org = new Organization(stack, 'Acme', { name: 'acme', email: 'a@acme.example', entitlements });
  return { stack, org };
}

describe('Entitlements', () => {
  test('presets build on each other', () => {
    expect(Entitlements.free().entitlements).toEqual(['operations', 'private-module-registry', 'state-storage', 'vcs-integrations']);
    expect(Entitlements.team().has(Entitlement.TEAMS)).toBe(true);
    expect(Entitlements.team().has(Entitlement.POLICY_ENFORCEMENT)).toBe(false);
    expect(Entitlements.teamAndGovernance().has(Entitlement.POLICY_ENFORCEMENT)).toBe(true);
    expect(Entitlements.teamAndGovernance().has(Entitlement.SSO)).toBe(false);
    expect(Entitlements.business().entitlements).toHaveLength(Object.values(Entitlement).length);
    expect(Entitlements.stateStorageOnly().entitlements).toEqual(['state-storage']);
    expect(Entitlements.of([Entitlement.TEAMS, Entitlement.TEAMS]).entitlements).toEqual(['teams']);
    const more = Entitlements.free().with([Entitlement.AGENTS]);
    expect(more.has(Entitlement.AGENTS)).toBe(true);
    expect(more.presetName).toBe('custom');
    expect(Entitlements.free().presetName).toBe('free');
  });

  test('undeclared entitlements mean no checks', () => {
    // GIVEN an organization without declared entitlements
    const { stack, org } = setup();
    // WHEN every feature is used
    const team = org.addTeam('T', { name: 't', ssoTeamId: 'sso' });
    const pool = new AgentPool(stack, 'Pool', { organization: org, name: 'pool' });
    const ws = new Workspace(stack, 'W', { organization: org, name: 'w', executionMode: ExecutionMode.agent(pool) });
    ws.grantAccess(team, WorkspaceAccess.READ);
    // THEN it synthesizes
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('everything is allowed with business', () => {
    const { stack, org } = setup(Entitlements.business());
    const team = org.addTeam('T', { name: 't', ssoTeamId: 'sso' });
    const pool = new AgentPool(stack, 'Pool', { organization: org, name: 'pool' });
    const conn = new OAuthClient(stack, 'Gh', { organization: org, serviceProvider: VcsProvider.GITHUB, oauthToken: new TerraformVariable(stack, `gh${stack.node.children.length}`, { type: 'string', sensitive: true }).stringValue });
    const ws = new Workspace(stack, 'W', {
      organization: org,
      name: 'w',
      executionMode: ExecutionMode.agent(pool),
      runWorkflow: RunWorkflow.vcs({ connection: conn, repository: 'a/b' }),
    });
    ws.grantAccess(team, WorkspaceAccess.READ);
    org.addProject('P', { name: 'ppp' }).grantAccess(team, ProjectAccess.READ);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  describe('a missing entitlement is an error naming it', () => {
    test('teams', () => {
      const { org } = setup(Entitlements.free());
      let error: unknown;
      try {
        org.addTeam('Ops', { name: 'ops' });
      } catch (e) {
        error = e;
      }
      expect(Errors.isValidationError(error)).toBe(true);
      expect(Errors.constructPathOf(error)).toBe('test/Acme/Ops');
      expect((error as Error).message).toMatch(
        /^test\/Acme\/Ops: \[TFE-ENT-001\] team "ops" needs the "teams" entitlement, which organization test\/Acme does not declare \(it declares "operations", "private-module-registry", "state-storage", "vcs-integrations"; preset free\): the platform would answer 404 at apply\. Remove the feature, or add the entitlement/,
      );
    });

    test('team access on workspaces and projects (owners team referenced)', () => {
      const { stack, org } = setup(Entitlements.free());
      const owners = Team.fromTeamName(stack, 'Owners', org, 'owners');
      const ws = new Workspace(stack, 'W', { organization: org, name: 'w' });
      expect(() => ws.grantAccess(owners, WorkspaceAccess.READ)).toThrow(/test\/W: \[TFE-ENT-001\] team access for test\/Owners needs the "teams" entitlement/);
      const project = org.addProject('P', { name: 'ppp' });
      expect(() => project.grantAccess(owners, ProjectAccess.READ)).toThrow(/test\/Acme\/P: \[TFE-ENT-001\] team access for test\/Owners needs the "teams" entitlement/);
    });

    test('sso', () => {
      const { org } = setup(Entitlements.team());
      expect(() => org.addTeam('Ops', { name: 'ops', ssoTeamId: 'okta-ops' })).toThrow(/ssoTeamId "okta-ops" needs the "sso" entitlement/);
    });

    test('vcs-integrations: OAuth clients and VCS-driven workspaces', () => {
      const { stack, org } = setup(Entitlements.stateStorageOnly());
      expect(() => new OAuthClient(stack, 'Gh', { organization: org, serviceProvider: VcsProvider.GITHUB, oauthToken: new TerraformVariable(stack, `gh${stack.node.children.length}`, { type: 'string', sensitive: true }).stringValue })).toThrow(
        /test\/Gh: \[TFE-ENT-001\] OAuth client for "github" needs the "vcs-integrations" entitlement/,
      );
      const conn = OAuthClient.fromOAuthTokenId(stack, 'Conn', org, 'ot-abc123');
      expect(() => new Workspace(stack, 'W', { organization: org, name: 'w', runWorkflow: RunWorkflow.vcs({ connection: conn, repository: 'a/b' }) })).toThrow(
        /test\/W: \[TFE-ENT-001\] a VCS-driven workspace needs the "vcs-integrations" entitlement/,
      );
    });

    test('agents: pools and agent execution', () => {
      const { stack, org } = setup(Entitlements.teamAndGovernance());
      expect(() => new AgentPool(stack, 'Pool', { organization: org, name: 'pool' })).toThrow(/test\/Pool: \[TFE-ENT-001\] an agent pool needs the "agents" entitlement/);
      const pool = AgentPool.fromAgentPoolId(stack, 'Ref', org, 'apool-abc123');
      expect(() => new Workspace(stack, 'W', { organization: org, name: 'w', executionMode: ExecutionMode.agent(pool) })).toThrow(
        /execution mode "agent" needs the "agents" entitlement/,
      );
    });

    test('operations for remote execution; state-storage for any workspace', () => {
      const { stack, org } = setup(Entitlements.stateStorageOnly());
      expect(() => new Workspace(stack, 'R', { organization: org, name: 'r', executionMode: ExecutionMode.remote() })).toThrow(
        /execution mode "remote" needs the "operations" entitlement/,
      );
      expect(() => new Workspace(stack, 'L', { organization: org, name: 'l', executionMode: ExecutionMode.local() })).not.toThrow();
      const bare = setup(Entitlements.of([Entitlement.TEAMS]));
      expect(() => new Workspace(bare.stack, 'W', { organization: bare.org, name: 'w' })).toThrow(/a workspace needs the "state-storage" entitlement/);
    });

    test('cost estimation', () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'test');
      expect(() => new Organization(stack, 'Acme', { name: 'acme', email: 'a@acme.example', costEstimationEnabled: true, entitlements: Entitlements.free() })).toThrow(
        /test\/Acme: \[TFE-ENT-001\] costEstimationEnabled needs the "cost-estimation" entitlement/,
      );
    });

    test('a referenced organization can declare entitlements too', () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'test');
      const org = Organization.fromOrganizationName(stack, 'Acme', 'acme', Entitlements.free());
      expect(org.entitlements?.presetName).toBe('free');
      expect(() => org.addTeam('Ops', { name: 'ops' })).toThrow(/needs the "teams" entitlement, which organization test\/Acme does not declare/);
    });
  });
});
