import { AgentPool as TfeAgentPool } from '@cdktf/provider-tfe/lib/agent-pool';
import { AgentPoolAllowedProjects } from '@cdktf/provider-tfe/lib/agent-pool-allowed-projects';
import { AgentPoolAllowedWorkspaces } from '@cdktf/provider-tfe/lib/agent-pool-allowed-workspaces';
import { AgentPoolExcludedWorkspaces } from '@cdktf/provider-tfe/lib/agent-pool-excluded-workspaces';
import { AgentToken as TfeAgentToken } from '@cdktf/provider-tfe/lib/agent-token';
import { DataTfeAgentPool } from '@cdktf/provider-tfe/lib/data-tfe-agent-pool';
import { Lazy, Testing } from 'cdktf';
import { errorMessageOf, errorOf, FakeWorkspace, setup, setupWithSecrets, warnings } from './util';
import * as lib from '../src';
import { AgentPool, AgentToken } from '../src/agent-pool';
import { Organization } from '../src/organization';
import { resolveValue } from '../src/private/validation';

Testing.setupJest();

describe('AgentPool', () => {
  test('creates an organization-scoped pool by default', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const pool = new AgentPool(stack, 'Pool', { organization: org, name: 'private' });
    // THEN
    const synth = Testing.synth(stack, true);
    expect(synth).toHaveResourceWithProperties(TfeAgentPool, {
      name: 'private',
      organization: '${tfe_organization.Acme_42E163B4.name}',
      organization_scoped: true,
    });
    expect(synth).not.toHaveResource(AgentPoolAllowedWorkspaces);
    expect(resolveValue(stack, pool.agentPoolId)).toBe('${tfe_agent_pool.Pool_D3F588B8.id}');
    expect(resolveValue(stack, pool.agentPoolName)).toBe('${tfe_agent_pool.Pool_D3F588B8.name}');
    expect(pool.organization).toBe(org);
    expect(pool.organizationScoped).toBe(true);
    expect(warnings(stack)).toEqual([]);
  });

  test('a restricted pool renders one allowed-workspaces and one allowed-projects resource with every ID', () => {
    // GIVEN
    const { stack, org } = setup();
    const pool = new AgentPool(stack, 'Pool', { organization: org, name: 'private', organizationScoped: false });
    const a = new FakeWorkspace(stack, 'A', org, 'a');
    const b = new FakeWorkspace(stack, 'B', org, 'b');
    const project = org.addProject('Payments', { name: 'payments' });
    // WHEN
    pool.allowWorkspace(a);
    pool.allowWorkspace(b);
    pool.allowWorkspace(a); // again: no duplicate
    pool.allowProject(project);
    pool.allowProject(project);
    // THEN
    const synth = Testing.synth(stack, true);
    expect(synth).toHaveResourceWithProperties(TfeAgentPool, { organization_scoped: false });
    expect(synth).toHaveResourceWithProperties(AgentPoolAllowedWorkspaces, {
      agent_pool_id: '${tfe_agent_pool.Pool_D3F588B8.id}',
      allowed_workspace_ids: ['${tfe_workspace.A_CCC8ACD5.id}', '${tfe_workspace.B_08E7C7AF.id}'],
    });
    expect(synth).toHaveResourceWithProperties(AgentPoolAllowedProjects, {
      agent_pool_id: '${tfe_agent_pool.Pool_D3F588B8.id}',
      allowed_project_ids: ['${tfe_project.Acme_Payments_48762EAB.id}'],
    });
    const parsed = JSON.parse(synth);
    expect(Object.keys(parsed.resource.tfe_agent_pool_allowed_workspaces)).toHaveLength(1);
    expect(Object.keys(parsed.resource.tfe_agent_pool_allowed_projects)).toHaveLength(1);
    expect(pool.allowedWorkspaces).toEqual([a, b]);
    expect(pool.allowedProjects).toEqual([project]);
  });

  test('the pool ID of a restricted pool is read through the permission resources', () => {
    // GIVEN
    const { stack, org } = setup();
    const onlyWs = new AgentPool(stack, 'OnlyWs', { organization: org, name: 'only-ws', organizationScoped: false });
    const both = new AgentPool(stack, 'Both', { organization: org, name: 'both', organizationScoped: false });
    const ws = new FakeWorkspace(stack, 'Ws', org, 'ws');
    // WHEN
    onlyWs.allowWorkspace(ws);
    both.allowWorkspace(ws);
    both.allowProject(org.addProject('Payments', { name: 'payments' }));
    // THEN
    expect(resolveValue(stack, onlyWs.agentPoolId)).toMatch(/^\$\{tfe_agent_pool_allowed_workspaces\.OnlyWs_AllowedWorkspaces_[A-F0-9]+\.id\}$/);
    expect(resolveValue(stack, both.agentPoolId)).toMatch(
      /^\$\{coalesce\(tfe_agent_pool_allowed_workspaces\.Both_AllowedWorkspaces_[A-F0-9]+\.id, tfe_agent_pool_allowed_projects\.Both_AllowedProjects_[A-F0-9]+\.id\)\}$/,
    );
  });

  test('allowing workspaces on an organization-scoped pool fails the synth', () => {
    // GIVEN
    const { stack, org } = setup();
    const pool = new AgentPool(stack, 'Pool', { organization: org, name: 'private' });
    pool.allowWorkspace(new FakeWorkspace(stack, 'Ws', org, 'ws'));
    pool.allowProject(org.addProject('Payments', { name: 'payments' }));
    // WHEN
    const message = errorMessageOf(() => Testing.synth(stack, true));
    // THEN
    expect(message).toContain(
      '[test/Pool] [TFE-POOL-004] the pool is organization-scoped, but workspace test/Ws, project test/Acme/Payments are allowed explicitly: ' +
      'every workspace may already use an organization-scoped pool; set organizationScoped: false',
    );
  });

  test('a restricted pool that allows nothing gets a warning', () => {
    // GIVEN
    const { stack, org } = setup();
    const pool = new AgentPool(stack, 'Pool', { organization: org, name: 'private', organizationScoped: false });
    // WHEN
    Testing.synth(stack, true);
    // THEN
    expect(warnings(pool).join('\n')).toMatch(/not organization-scoped and allows no workspace or project here.*allowWorkspace/);
  });

  test('a workspace or project of another organization is refused', () => {
    // GIVEN
    const { stack, org } = setup();
    const other = Organization.fromOrganizationName(stack, 'Other', 'other');
    const pool = new AgentPool(stack, 'Pool', { organization: org, name: 'private', organizationScoped: false });
    // WHEN
    const wsMessage = errorMessageOf(() => pool.allowWorkspace(new FakeWorkspace(stack, 'Ws', other, 'ws')));
    const projectMessage = errorMessageOf(() => pool.allowProject(other.addProject('P', { name: 'payments' })));
    // THEN
    expect(wsMessage).toBe(
      'test/Pool: [TFE-POOL-002] workspace test/Ws belongs to organization "org:other", but this pool belongs to "org:acme": allow a workspace of the pool\'s organization.',
    );
    expect(projectMessage).toBe(
      'test/Pool: [TFE-POOL-003] project test/Other/P belongs to organization "org:other", but this pool belongs to "org:acme": allow a project of the pool\'s organization.',
    );
  });

  test('duplicate pool names in one organization are refused', () => {
    // GIVEN
    const { stack, org } = setup();
    new AgentPool(stack, 'Pool', { organization: org, name: 'private' });
    // WHEN
    const message = errorMessageOf(() => new AgentPool(stack, 'Pool2', { organization: org, name: 'private' }));
    // THEN
    expect(message).toBe(
      'test/Pool2: [TFE-POOL-001] agent pool name "private" is already used by test/Pool in organization test/Acme: ' +
      'agent pool names are unique per organization; choose another name, or reuse that pool.',
    );
  });

  test('the same name in another organization is fine', () => {
    // GIVEN
    const { stack, org } = setup();
    const other = Organization.fromOrganizationName(stack, 'Other', 'other');
    new AgentPool(stack, 'Pool', { organization: org, name: 'private' });
    // WHEN
    new AgentPool(stack, 'Pool2', { organization: other, name: 'private' });
    // THEN
    expect(JSON.parse(Testing.synth(stack, true)).resource.tfe_agent_pool).toBeDefined();
  });

  test('an empty name is refused, also when it arrives as a token', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const message = errorMessageOf(() => new AgentPool(stack, 'Pool', { organization: org, name: '  ' }));
    new AgentPool(stack, 'Lazy', { organization: org, name: Lazy.stringValue({ produce: () => '' }) });
    const synthMessage = errorMessageOf(() => Testing.synth(stack, true));
    // THEN
    expect(message).toBe('test/Pool: [TFE-NAME-017] the agent pool name is empty (got "  "): give the pool a name, unique in the organization.');
    expect(synthMessage).toContain('[test/Lazy] [TFE-NAME-017] the agent pool name is empty (got "")');
  });

  describe('fromAgentPoolId', () => {
    test('references a pool by ID', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const pool = AgentPool.fromAgentPoolId(stack, 'Pool', org, 'apool-abc123');
      // THEN
      expect(pool.agentPoolId).toBe('apool-abc123');
      expect(pool.organization).toBe(org);
    });

    test('refuses a value that is not a pool ID', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const message = errorMessageOf(() => AgentPool.fromAgentPoolId(stack, 'Pool', org, 'private'));
      // THEN
      expect(message).toBe(
        'test/Pool: [TFE-ID-006] agent pool ID "private" is not an agent pool ID: it looks like "apool-abc123" (see the pool\'s page in the organization settings).',
      );
    });

    test('an imported pool can hold tokens', () => {
      // GIVEN
      const { stack, org } = setup();
      const pool = AgentPool.fromAgentPoolId(stack, 'Pool', org, 'apool-abc123') as AgentPool;
      // WHEN
      pool.addToken('Token', { description: 'k8s' });
      // THEN
      expect(Testing.synth(stack)).toHaveResourceWithProperties(TfeAgentToken, { agent_pool_id: 'apool-abc123', description: 'k8s' });
    });
  });
});

describe('AgentToken', () => {
  test('addToken creates a token whose value is a sensitive reference', () => {
    // GIVEN
    const { stack, org } = setup();
    const pool = new AgentPool(stack, 'Pool', { organization: org, name: 'private' });
    // WHEN
    const token = pool.addToken('K8s', { description: 'k8s-agents' });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeAgentToken, {
      agent_pool_id: '${tfe_agent_pool.Pool_D3F588B8.id}',
      description: 'k8s-agents',
    });
    expect(token).toBeInstanceOf(AgentToken);
    expect(token.agentPool).toBe(pool);
    expect(resolveValue(stack, token.tokenValue)).toMatch(/^\$\{tfe_agent_token\.Pool_K8s_[A-F0-9]+\.token\}$/);
    expect(resolveValue(stack, token.tokenId)).toMatch(/^\$\{tfe_agent_token\.Pool_K8s_[A-F0-9]+\.id\}$/);
  });

  test('createOutput writes a sensitive output', () => {
    // GIVEN
    const { stack, org } = setup();
    const token = new AgentPool(stack, 'Pool', { organization: org, name: 'private' }).addToken('K8s', { description: 'k8s-agents' });
    // WHEN
    token.createOutput('agent_token');
    token.createOutput('agent_token_2', { description: 'for the agents' });
    // THEN
    const outputs = JSON.parse(Testing.synth(stack, true)).output;
    const values = Object.values(outputs) as any[];
    const first = values.find((o) => o.description !== 'for the agents');
    const second = values.find((o) => o.description === 'for the agents');
    expect(values).toHaveLength(2);
    expect(first).toEqual({
      value: expect.stringMatching(/^\$\{tfe_agent_token\.Pool_K8s_[A-F0-9]+\.token\}$/),
      sensitive: true,
      description: 'agent token test/Pool/K8s',
    });
    expect(second).toMatchObject({ sensitive: true, description: 'for the agents' });
  });

  test('an empty description is refused', () => {
    // GIVEN
    const { stack, org } = setup();
    const pool = new AgentPool(stack, 'Pool', { organization: org, name: 'private' });
    // WHEN
    const message = errorMessageOf(() => pool.addToken('K8s', { description: '' }));
    // THEN
    expect(message).toBe('test/Pool/K8s: [TFE-POOL-006] the agent token description is empty (got ""): describe what the token is for, e.g. "k8s-agents".');
  });
});


describe('excluded workspaces and lookups by name', () => {
  test('excludeWorkspace writes one tfe_agent_pool_excluded_workspaces with every excluded workspace', () => {
    const { stack, org } = setupWithSecrets();
    const pool = new lib.AgentPool(stack, 'Pool', { organization: org, name: 'pool', organizationScoped: false });
    const platform = org.addProject('Platform', { name: 'platform' });
    pool.allowProject(platform);
    const a = new lib.Workspace(stack, 'A', { organization: org, name: 'a', project: platform });
    const b = new lib.Workspace(stack, 'B', { organization: org, name: 'b', project: platform });
    pool.excludeWorkspace(b);
    pool.excludeWorkspace(a);
    pool.excludeWorkspace(b);
    expect(pool.excludedWorkspaces).toEqual([b, a]);
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(AgentPoolExcludedWorkspaces, {
      agent_pool_id: expect.stringMatching(/^\$\{tfe_agent_pool\.Pool_[0-9A-F]+\.id\}$/),
      excluded_workspace_ids: [expect.stringMatching(/tfe_workspace\.B_/), expect.stringMatching(/tfe_workspace\.A_/)],
    });
  });

  test('a workspace that runs on the pool, or that the pool allows, cannot be excluded (TFE-POOL-008)', () => {
    const { stack, org } = setupWithSecrets();
    const pool = new lib.AgentPool(stack, 'Pool', { organization: org, name: 'pool', organizationScoped: false });
    const ws = new lib.Workspace(stack, 'Api', { organization: org, name: 'api', executionMode: lib.ExecutionMode.agent(pool) });
    pool.allowWorkspace(ws);
    pool.excludeWorkspace(ws);
    const message = errorMessageOf(() => Testing.synth(stack, true));
    expect(message).toContain('[TFE-POOL-008] workspace test/Api is both allowed (allowWorkspace) and excluded');
    expect(message).toContain('[TFE-POOL-008] workspace test/Api runs on this pool (ExecutionMode.agent) but is excluded from it');
  });

  test('an excluded workspace of another organization is refused (TFE-POOL-007)', () => {
    const { stack, org } = setupWithSecrets();
    const pool = new lib.AgentPool(stack, 'Pool', { organization: org, name: 'pool' });
    const other = lib.Workspace.fromWorkspaceName(stack, 'Ext', lib.Organization.fromOrganizationName(stack, 'Other', 'other'), 'ext');
    expect(lib.Errors.ruleIdOf(errorOf(() => pool.excludeWorkspace(other)))).toBe('TFE-POOL-007');
  });

  test('fromAgentPoolName looks the pool up with a tfe_agent_pool data source', () => {
    const { stack, org } = setupWithSecrets();
    const pool = lib.AgentPool.fromAgentPoolName(stack, 'Shared', org, 'shared-pool');
    new lib.Workspace(stack, 'Api', { organization: org, name: 'api', executionMode: lib.ExecutionMode.agent(pool) });
    const json = Testing.synth(stack, true);
    expect(json).toHaveDataSourceWithProperties(DataTfeAgentPool, { name: 'shared-pool', organization: expect.stringMatching(/tfe_organization/) });
    expect(JSON.parse(json).resource.tfe_workspace_settings).toEqual(expect.anything());
    expect(Object.values<any>(JSON.parse(json).resource.tfe_workspace_settings)[0].agent_pool_id).toMatch(/^\$\{data\.tfe_agent_pool\.Shared_Lookup_[0-9A-F]+\.id\}$/);
    expect(lib.Errors.ruleIdOf(errorOf(() => lib.AgentPool.fromAgentPoolName(stack, 'Empty', org, '')))).toBe('TFE-NAME-017');
  });
});
