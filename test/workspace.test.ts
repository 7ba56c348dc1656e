import { DataTfeWorkspace } from '@cdktf/provider-tfe/lib/data-tfe-workspace';
import { RunTrigger } from '@cdktf/provider-tfe/lib/run-trigger';
import { TeamAccess } from '@cdktf/provider-tfe/lib/team-access';
import { Workspace as TfeWorkspace } from '@cdktf/provider-tfe/lib/workspace';
import { WorkspaceSettings } from '@cdktf/provider-tfe/lib/workspace-settings';
import { Lazy, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { newOrg, newStack, setup, setupWithSecrets, synthesizedBody, warnings } from './util';
import {
  AgentPool,
  ExecutionMode,
  GitHubAppInstallation,
  IVcsConnection,
  OAuthClient,
  Organization,
  RunWorkflow,
  RunWorkflowKind,
  Team,
  RemovalPolicy,
  VariableCategory,
  VariableValue,
  Workspace,
  WorkspaceAccess,
  WorkspaceRunsPermission,
  WorkspaceStateVersionsPermission,
} from '../src';
import * as lib from '../src';

Testing.setupJest();

function vcsConnection(stack: TerraformStack, org: Organization): IVcsConnection {
  return OAuthClient.fromOAuthTokenId(stack, 'Conn', org, 'ot-abc123');
}

function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

describe('Workspace resources', () => {
  test('synthesize to JSON and HCL exactly like the provider\'s tfe_workspace, tfe_workspace_settings and tfe_team_access classes', () => {
    // GIVEN a workspace that sets every argument the library writes
    const { stack, org } = setup();
    const connection = vcsConnection(stack, org);
    const pool = AgentPool.fromAgentPoolId(stack, 'Pool', org, 'apool-abc123');
    const project = org.addProject('Payments', { name: 'payments' });
    const devs = new Team(stack, 'Devs', { organization: org, name: 'devs' });
    const auditors = new Team(stack, 'Auditors', { organization: org, name: 'auditors' });
    const ws = new Workspace(stack, 'Api', {
      organization: org,
      name: 'api',
      project,
      description: 'the ${api}',
      tags: { team: 'payments' },
      tagNames: ['api', 'prod'],
      terraformVersion: '~> 1.9.0',
      workingDirectory: 'infra',
      autoApply: true,
      autoApplyRunTrigger: true,
      queueAllRuns: true,
      speculativeEnabled: false,
      assessmentsEnabled: true,
      allowDestroyPlan: false,
      sshKeyId: 'sshkey-abc123',
      autoDestroyActivityDuration: '14d',
      structuredRunOutputEnabled: true,
      removalPolicy: RemovalPolicy.FORCE_DELETE,
      executionMode: ExecutionMode.agent(pool),
      runWorkflow: RunWorkflow.vcs({
        connection, repository: 'acme/api', branch: 'main', triggerPrefixes: ['modules/'], ingressSubmodules: true,
      }),
    });
    const consumer = new Workspace(stack, 'Consumer', { organization: org, name: 'consumer' });
    ws.shareStateWith(consumer);
    const write = ws.grantAccess(devs, WorkspaceAccess.WRITE);
    const custom = ws.grantAccess(auditors, WorkspaceAccess.custom({ stateVersions: WorkspaceStateVersionsPermission.READ_OUTPUTS }));
    // WHEN the same written with the L1 classes
    const l1 = new Construct(stack, 'L1');
    const tfeWorkspace = new TfeWorkspace(l1, 'Resource', {
      name: 'api',
      organization: org.organizationName,
      projectId: project.projectId,
      description: 'the $${api}',
      tags: { team: 'payments' },
      tagNames: ['api', 'prod'],
      terraformVersion: '~> 1.9.0',
      workingDirectory: 'infra',
      autoApply: true,
      autoApplyRunTrigger: true,
      queueAllRuns: true,
      speculativeEnabled: false,
      assessmentsEnabled: true,
      allowDestroyPlan: false,
      sshKeyId: 'sshkey-abc123',
      autoDestroyActivityDuration: '14d',
      structuredRunOutputEnabled: true,
      forceDelete: true,
      fileTriggersEnabled: true,
      triggerPrefixes: ['modules/'],
      vcsRepo: { identifier: 'acme/api', branch: 'main', ingressSubmodules: true, oauthTokenId: connection.oauthTokenId },
    });
    const settings = new WorkspaceSettings(l1, 'Settings', {
      workspaceId: ws.workspaceId,
      executionMode: 'agent',
      agentPoolId: pool.agentPoolId,
      globalRemoteState: false,
      remoteStateConsumerIds: [consumer.workspaceId],
    });
    const writeL1 = new TeamAccess(l1, 'Write', { workspaceId: ws.workspaceId, teamId: devs.teamId, access: 'write' });
    const customL1 = new TeamAccess(l1, 'Custom', {
      workspaceId: ws.workspaceId,
      teamId: auditors.teamId,
      permissions: [{ runs: 'read', variables: 'none', stateVersions: 'read-outputs', sentinelMocks: 'none', workspaceLocking: false, runTasks: false }],
    });
    // THEN
    const child = (id: string) => ws.node.findChild(id) as TerraformResource;
    expect(synthesizedBody(child('Resource'))).toEqual(synthesizedBody(tfeWorkspace));
    expect(synthesizedBody(child('Settings'))).toEqual(synthesizedBody(settings));
    expect(synthesizedBody(write)).toEqual(synthesizedBody(writeL1));
    expect(synthesizedBody(custom)).toEqual(synthesizedBody(customL1));
  });

  test('a protected workspace with the defaults synthesizes like the L1 class with prevent_destroy', () => {
    // GIVEN
    const { stack, org } = setup();
    const app = GitHubAppInstallation.fromGithubAppInstallationId(stack, 'GhApp', 'ghain-abc123');
    const ws = new Workspace(stack, 'Api', {
      organization: org, name: 'api', runWorkflow: RunWorkflow.vcs({ connection: app, repository: 'acme/api', triggerPatterns: ['**/*.tf'] }),
    });
    // WHEN
    const l1 = new Construct(stack, 'L1');
    const tfeWorkspace = new TfeWorkspace(l1, 'Resource', {
      name: 'api',
      organization: org.organizationName,
      queueAllRuns: false,
      forceDelete: false,
      lifecycle: { preventDestroy: true },
      fileTriggersEnabled: true,
      triggerPatterns: ['**/*.tf'],
      vcsRepo: { identifier: 'acme/api', githubAppInstallationId: 'ghain-abc123' },
    });
    const settings = new WorkspaceSettings(l1, 'Settings', { workspaceId: ws.workspaceId, globalRemoteState: false });
    // THEN
    expect(synthesizedBody(ws.node.findChild('Resource') as TerraformResource)).toEqual(synthesizedBody(tfeWorkspace));
    expect(synthesizedBody(ws.node.findChild('Settings') as TerraformResource)).toEqual(synthesizedBody(settings));
  });
});

describe('Workspace variables in props', () => {
  test('variables, terraformVariables and environmentVariables create the same variables as addVariable', () => {
    // GIVEN
    const a = setup();
    const viaCalls = new Workspace(a.stack, 'Api', { organization: a.org, name: 'api' });
    viaCalls.addVariable('terraform-size', { key: 'size', value: VariableValue.number(3) });
    viaCalls.addVariable('terraform-region', { key: 'region', value: VariableValue.string('eu') });
    viaCalls.addVariable('env-TF_LOG', { key: 'TF_LOG', value: VariableValue.string('info'), category: VariableCategory.ENV });
    const b = setup();
    // WHEN
    new Workspace(b.stack, 'Api', {
      organization: b.org,
      name: 'api',
      variables: [{ key: 'size', value: VariableValue.number(3) }],
      terraformVariables: { region: 'eu' },
      environmentVariables: { TF_LOG: 'info' },
    });
    // THEN
    expect(Testing.synth(b.stack, true)).toEqual(Testing.synth(a.stack, true));
  });

  test('a key given twice in the props, and the usual variable rules', () => {
    const { stack, org } = setup();
    expect(() => new Workspace(stack, 'A', {
      organization: org,
      name: 'a',
      variables: [{ key: 'region', value: VariableValue.string('eu') }],
      terraformVariables: { region: 'us' },
    })).toThrow(/test\/A: \[TFE-VAR-009\] the workspace props: Terraform variable "region" is given twice \(in variables and in terraformVariables\)/);
    expect(() => new Workspace(stack, 'B', { organization: org, name: 'b', environmentVariables: { 'AWS-REGION': 'eu' } })).toThrow(
      /test\/B\/env-AWS-REGION: \[TFE-VAR-007\] environment variable name "AWS-REGION" is invalid/,
    );
  });
});

describe('Workspace', () => {
  test('creates tfe_workspace with the library defaults and tfe_workspace_settings', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const ws = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    // THEN
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TfeWorkspace, {
      name: 'api',
      organization: expect.stringMatching(/^\$\{tfe_organization\.Acme_[0-9A-F]+\.name\}$/),
      queue_all_runs: false,
      force_delete: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(json).toHaveResourceWithProperties(WorkspaceSettings, {
      workspace_id: expect.stringMatching(/^\$\{tfe_workspace\.Api_[0-9A-F]+\.id\}$/),
      global_remote_state: false,
    });
    const parsed = JSON.parse(json);
    const resource = Object.values<any>(parsed.resource.tfe_workspace)[0];
    // deprecated arguments are never written on tfe_workspace
    for (const deprecated of ['execution_mode', 'agent_pool_id', 'global_remote_state', 'remote_state_consumer_ids', 'operations']) {
      expect(resource[deprecated]).toBeUndefined();
    }
    expect(resource.vcs_repo).toBeUndefined();
    expect(ws.runWorkflow?.kind).toBe(RunWorkflowKind.CLI);
  });

  test('passes every setting through', () => {
    // GIVEN
    const { stack, org } = setup();
    const project = org.addProject('P', { name: 'platform' });
    // WHEN
    new Workspace(stack, 'Api', {
      organization: org,
      name: 'api',
      project,
      description: 'd',
      tags: { env: 'prod' },
      tagNames: ['tier:1', 'payments'],
      terraformVersion: '~> 1.9.0',
      workingDirectory: 'infra',
      autoApply: true,
      autoApplyRunTrigger: true,
      queueAllRuns: true,
      speculativeEnabled: false,
      assessmentsEnabled: true,
      allowDestroyPlan: false,
      sshKeyId: 'sshkey-1',
      autoDestroyActivityDuration: '14d',
      removalPolicy: RemovalPolicy.FORCE_DELETE,
      structuredRunOutputEnabled: false,
      executionMode: ExecutionMode.remote(),
      globalRemoteState: true,
    });
    // THEN
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TfeWorkspace, {
      project_id: expect.stringMatching(/^\$\{tfe_project\.Acme_P_[0-9A-F]+\.id\}$/),
      description: 'd',
      tags: { env: 'prod' },
      tag_names: ['tier:1', 'payments'],
      terraform_version: '~> 1.9.0',
      working_directory: 'infra',
      auto_apply: true,
      auto_apply_run_trigger: true,
      queue_all_runs: true,
      speculative_enabled: false,
      assessments_enabled: true,
      allow_destroy_plan: false,
      ssh_key_id: 'sshkey-1',
      auto_destroy_activity_duration: '14d',
      force_delete: true,
      structured_run_output_enabled: false,
    });
    expect(json).toHaveResourceWithProperties(WorkspaceSettings, { execution_mode: 'remote', global_remote_state: true });
  });

  test('removal policies: protect by default, safe delete, force delete', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const protectedWs = new Workspace(stack, 'Protected', { organization: org, name: 'protected' });
    new Workspace(stack, 'Safe', { organization: org, name: 'safe', removalPolicy: RemovalPolicy.SAFE_DELETE });
    new Workspace(stack, 'Force', { organization: org, name: 'force', removalPolicy: RemovalPolicy.FORCE_DELETE });
    // THEN
    const ws = JSON.parse(Testing.synth(stack, true)).resource.tfe_workspace;
    const byName = (n: string) => Object.values<any>(ws).find((w) => w.name === n);
    expect(byName('protected').lifecycle).toEqual({ prevent_destroy: true });
    expect(byName('protected').force_delete).toBe(false);
    expect(byName('safe').lifecycle).toBeUndefined();
    expect(byName('safe').force_delete).toBe(false);
    expect(byName('force').lifecycle).toBeUndefined();
    expect(byName('force').force_delete).toBe(true);
    expect(protectedWs.removalPolicy).toBe(RemovalPolicy.PROTECT);
  });

  test('free text is not read as a Terraform template', () => {
    // GIVEN text with template sequences
    const { stack, org } = setup();
    // WHEN
    new Workspace(stack, 'W', {
      organization: org,
      name: 'w',
      description: 'uses ${var.x} and %{ if }',
      tags: { 'k${x}': 'v${y}' },
      workingDirectory: 'dir/${x}',
      runWorkflow: RunWorkflow.vcs({
        connection: vcsConnection(stack, org),
        repository: 'a/b',
        branch: 'feature/${x}',
        triggerPatterns: ['${x}/**'],
      }),
    });
    // THEN every sequence is escaped, so Terraform passes the text through as written
    const ws = Object.values<any>(JSON.parse(Testing.synth(stack, true)).resource.tfe_workspace)[0];
    expect(ws.description).toBe('uses $${var.x} and %%{ if }');
    expect(ws.tags).toEqual({ 'k$${x}': 'v$${y}' });
    expect(ws.working_directory).toBe('dir/$${x}');
    expect(ws.trigger_patterns).toEqual(['$${x}/**']);
    expect(ws.vcs_repo.branch).toBe('feature/$${x}');
  });

  test('VCS-driven workflow renders vcs_repo with the OAuth token and file triggers', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const ws = new Workspace(stack, 'Net', {
      organization: org,
      name: 'networking',
      runWorkflow: RunWorkflow.vcs({
        connection: vcsConnection(stack, org),
        repository: 'acme/networking',
        branch: 'main',
        triggerPrefixes: ['modules/'],
        ingressSubmodules: true,
      }),
    });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeWorkspace, {
      file_triggers_enabled: true,
      trigger_prefixes: ['modules/'],
      vcs_repo: { identifier: 'acme/networking', branch: 'main', oauth_token_id: 'ot-abc123', ingress_submodules: true },
    });
    expect(ws.runWorkflow?.isVcsDriven).toBe(true);
  });

  test('tags regex turns file triggers off and GitHub App installations are used', () => {
    // GIVEN
    const { stack, org } = setup();
    const app = GitHubAppInstallation.fromGithubAppInstallationId(stack, 'GhApp', 'ghain-abc123');
    // WHEN
    new Workspace(stack, 'Net', {
      organization: org,
      name: 'networking',
      runWorkflow: RunWorkflow.vcs({ connection: app, repository: 'acme/networking', tagsRegex: '^v\\d+\\.\\d+\\.\\d+$' }),
    });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeWorkspace, {
      file_triggers_enabled: false,
      vcs_repo: { identifier: 'acme/networking', tags_regex: '^v\\d+\\.\\d+\\.\\d+$', github_app_installation_id: 'ghain-abc123' },
    });
  });

  test('Azure DevOps repository identifiers are accepted; trigger patterns render', () => {
    const { stack, org } = setup();
    new Workspace(stack, 'Net', {
      organization: org,
      name: 'networking',
      runWorkflow: RunWorkflow.vcs({ connection: vcsConnection(stack, org), repository: 'acme/infra/_git/networking', triggerPatterns: ['**/*.tf'] }),
    });
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeWorkspace, { trigger_patterns: ['**/*.tf'] });
  });

  test('agent execution mode sets the pool on the settings resource', () => {
    const { stack, org } = setup();
    const pool = AgentPool.fromAgentPoolId(stack, 'Pool', org, 'apool-abc123');
    new Workspace(stack, 'W', { organization: org, name: 'w', executionMode: ExecutionMode.agent(pool) });
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(WorkspaceSettings, { execution_mode: 'agent', agent_pool_id: 'apool-abc123' });
  });

  describe('rules', () => {
    test.each([
      ['bad name!', /workspace name "bad name!" is invalid: use only letters, numbers/],
      ['', /workspace name "" is invalid/],
      ['a'.repeat(91), /has 91 characters: a workspace name has at most 90/],
    ])('invalid name %j', (name, message) => {
      const { stack, org } = setup();
      expect(() => new Workspace(stack, 'W', { organization: org, name })).toThrow(message);
      expect(() => new Workspace(stack, 'W2', { organization: org, name })).toThrow(/test\/W2: /);
    });

    test('two workspaces with one name in one organization', () => {
      const { stack, org } = setup();
      new Workspace(stack, 'A', { organization: org, name: 'api' });
      expect(() => new Workspace(stack, 'B', { organization: org, name: 'api' })).toThrow(
        /test\/B: \[TFE-WS-001\] workspace name "api" is already used by test\/A in organization test\/Acme: workspace names are unique per organization/,
      );
    });

    test('the same name in two organizations is fine', () => {
      const { stack, org } = setup();
      const other = Organization.fromOrganizationName(stack, 'Other', 'other');
      new Workspace(stack, 'A', { organization: org, name: 'api' });
      expect(() => new Workspace(stack, 'B', { organization: other, name: 'api' })).not.toThrow();
    });

    test('a name that only resolves at synth is checked at synth', () => {
      const { stack, org } = setup();
      new Workspace(stack, 'A', { organization: org, name: Lazy.stringValue({ produce: () => 'no spaces allowed' }) });
      expect(() => Testing.synth(stack, true)).toThrow(/workspace name "no spaces allowed" is invalid/);
    });

    test('trigger prefixes, trigger patterns and tags regex exclude each other', () => {
      const { stack, org } = setup();
      const connection = vcsConnection(stack, org);
      expect(() => new Workspace(stack, 'A', {
        organization: org,
        name: 'a',
        runWorkflow: RunWorkflow.vcs({ connection, repository: 'a/b', triggerPrefixes: ['x/'], triggerPatterns: ['*.tf'] }),
      })).toThrow(/test\/A: \[TFE-WS-007\] the VCS workflow sets triggerPrefixes and triggerPatterns, which exclude each other/);
      expect(() => new Workspace(stack, 'B', {
        organization: org,
        name: 'b',
        runWorkflow: RunWorkflow.vcs({ connection, repository: 'a/b', triggerPatterns: ['*.tf'], tagsRegex: 'v.*' }),
      })).toThrow(/sets triggerPatterns and tagsRegex, which exclude each other/);
      expect(() => new Workspace(stack, 'C', {
        organization: org,
        name: 'c',
        runWorkflow: RunWorkflow.vcs({ connection, repository: 'a/b', tagsRegex: 'v.*', fileTriggersEnabled: true }),
      })).toThrow(/tagsRegex "v\.\*" with fileTriggersEnabled: tag-triggered runs ignore file triggers/);
      expect(() => new Workspace(stack, 'D', {
        organization: org,
        name: 'd',
        runWorkflow: RunWorkflow.vcs({ connection, repository: 'a/b', tagsRegex: '(' }),
      })).toThrow(/tagsRegex "\(" is not a valid regular expression/);
    });

    test('repository identifier format', () => {
      const { stack, org } = setup();
      expect(() => new Workspace(stack, 'A', {
        organization: org,
        name: 'a',
        runWorkflow: RunWorkflow.vcs({ connection: vcsConnection(stack, org), repository: 'https://github.com/acme/api' }),
      })).toThrow(/repository "https:\/\/github.com\/acme\/api" is not a repository identifier: write "<vcs organization>\/<repository>"/);
    });

    test('local execution mode with a VCS link', () => {
      const { stack, org } = setup();
      expect(() => new Workspace(stack, 'A', {
        organization: org,
        name: 'a',
        executionMode: ExecutionMode.local(),
        runWorkflow: RunWorkflow.vcs({ connection: vcsConnection(stack, org), repository: 'a/b' }),
      })).toThrow(/test\/A: \[TFE-WS-010\] execution mode "local" with a VCS-driven workflow: .* use ExecutionMode.remote\(\)/);
    });

    test('agent mode without an agent pool', () => {
      const { stack, org } = setup();
      expect(() => new Workspace(stack, 'A', {
        organization: org,
        name: 'a',
        executionMode: ExecutionMode.agent(undefined as any),
      })).toThrow(/execution mode "agent" needs an agent pool, got none: use ExecutionMode.agent\(pool\)/);
    });

    test('an agent pool without agent mode', () => {
      const { stack, org } = setup();
      const pool = AgentPool.fromAgentPoolId(stack, 'Pool', org, 'apool-abc123');
      const mode = ExecutionMode.remote();
      (mode as any).agentPool = pool;
      expect(() => new Workspace(stack, 'A', { organization: org, name: 'a', executionMode: mode })).toThrow(
        /execution mode "remote" with an agent pool: a pool is only used in agent mode/,
      );
    });

    test('an agent pool of another organization', () => {
      const { stack, org } = setup();
      const other = Organization.fromOrganizationName(stack, 'Other', 'other');
      const pool = AgentPool.fromAgentPoolId(stack, 'Pool', other, 'apool-abc123');
      expect(() => new Workspace(stack, 'A', { organization: org, name: 'a', executionMode: ExecutionMode.agent(pool) })).toThrow(
        /agent pool test\/Pool belongs to another organization/,
      );
    });

    test('a project of another organization', () => {
      const { stack, org } = setup();
      const other = new Organization(stack, 'Other', { name: 'other', email: 'o@x.example' });
      const project = other.addProject('P', { name: 'platform' });
      expect(() => new Workspace(stack, 'A', { organization: org, name: 'a', project })).toThrow(/project test\/Other\/P belongs to another organization/);
    });

    test('invalid tag names', () => {
      const { stack, org } = setup();
      expect(() => new Workspace(stack, 'A', { organization: org, name: 'a', tagNames: ['Prod'] })).toThrow(
        /tag name "Prod" is invalid: use lowercase letters/,
      );
    });

    test('auto-destroy settings', () => {
      const { stack, org } = setup();
      expect(() => new Workspace(stack, 'A', { organization: org, name: 'a', autoDestroyAt: '2100-01-01T00:00:00Z', autoDestroyActivityDuration: '1d' })).toThrow(
        /autoDestroyAt \("2100-01-01T00:00:00Z"\) and autoDestroyActivityDuration \("1d"\) exclude each other/,
      );
      expect(() => new Workspace(stack, 'B', { organization: org, name: 'b', autoDestroyAt: '2100-01-01' })).toThrow(/is not an RFC 3339 date-time/);
      expect(() => new Workspace(stack, 'D', { organization: org, name: 'd', autoDestroyActivityDuration: '2 weeks' })).toThrow(/write 1-4 digits followed by "d" or "h"/);
      new Workspace(stack, 'E', { organization: org, name: 'e', autoDestroyAt: '2100-01-01T00:00:00Z' });
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeWorkspace, { auto_destroy_at: '2100-01-01T00:00:00Z' });
    });

    test('an autoDestroyAt in the past is a warning, against the fixed clock', () => {
      // GIVEN
      const stack = newStack('2030-01-01T00:00:00Z');
      const org = newOrg(stack);
      new Workspace(stack, 'Past', { organization: org, name: 'past', autoDestroyAt: '2029-12-31T23:59:59Z' });
      new Workspace(stack, 'Future', { organization: org, name: 'future', autoDestroyAt: '2030-01-01T00:00:01Z' });

      // WHEN
      const json = Testing.synth(stack, true);

      // THEN
      expect(json).toHaveResourceWithProperties(TfeWorkspace, { name: 'past', auto_destroy_at: '2029-12-31T23:59:59Z' });
      expect(warnings(stack)).toEqual([
        '[TFE-WS-005] autoDestroyAt "2029-12-31T23:59:59Z" is in the past (now is 2030-01-01T00:00:00.000Z): the platform refuses an auto-destroy time in the past when it is set; give a future date-time, or remove autoDestroyAt.',
      ]);
    });
  });

  describe('team access', () => {
    test('fixed and custom access', () => {
      const { stack, org } = setup();
      const ws = new Workspace(stack, 'W', { organization: org, name: 'w' });
      const devs = org.addTeam('Devs', { name: 'devs' });
      const auditors = org.addTeam('Auditors', { name: 'auditors' });
      const grant = ws.grantAccess(devs, WorkspaceAccess.WRITE);
      ws.grantAccess(auditors, WorkspaceAccess.custom({
        stateVersions: WorkspaceStateVersionsPermission.READ_OUTPUTS,
        runs: WorkspaceRunsPermission.PLAN,
      }));
      const json = Testing.synth(stack, true);
      expect(json).toHaveResourceWithProperties(TeamAccess, { access: 'write', team_id: expect.stringMatching(/^\$\{tfe_team\.Acme_Devs_[0-9A-F]+\.id\}$/) });
      expect(json).toHaveResourceWithProperties(TeamAccess, {
        permissions: [{ runs: 'plan', state_versions: 'read-outputs', variables: 'none', sentinel_mocks: 'none', workspace_locking: false, run_tasks: false }],
      });
      const custom = Object.values<any>(JSON.parse(json).resource.tfe_team_access).find((r) => r.permissions);
      expect(custom.access).toBeUndefined();
      expect(grant.node.id).toBe('Access-devs');
      expect(WorkspaceAccess.WRITE.canApply).toBe(true);
      expect(WorkspaceAccess.PLAN.canApply).toBe(false);
      expect(WorkspaceAccess.custom({ runs: WorkspaceRunsPermission.APPLY }).canApply).toBe(true);
    });

    test('the same team twice', () => {
      const { stack, org } = setup();
      const ws = new Workspace(stack, 'W', { organization: org, name: 'w' });
      const devs = org.addTeam('Devs', { name: 'devs' });
      ws.grantAccess(devs, WorkspaceAccess.READ);
      expect(() => ws.grantAccess(devs, WorkspaceAccess.WRITE)).toThrow(/test\/W: \[TFE-ACCESS-002\] team test\/Acme\/Devs already has access to this workspace/);
    });

    test('a team of another organization', () => {
      const { stack, org } = setup();
      const ws = new Workspace(stack, 'W', { organization: org, name: 'w' });
      const other = Organization.fromOrganizationName(stack, 'Other', 'other');
      const team = Team.fromTeamId(stack, 'T', other, 'team-abc');
      expect(() => ws.grantAccess(team, WorkspaceAccess.READ)).toThrow(/belongs to organization "org:other", but this workspace belongs to "org:acme"/);
    });
  });

  describe('run triggers', () => {
    test('triggeredBy creates a run trigger', () => {
      const { stack, org } = setup();
      const up = new Workspace(stack, 'Up', { organization: org, name: 'up' });
      const down = new Workspace(stack, 'Down', { organization: org, name: 'down' });
      down.triggeredBy(up);
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(RunTrigger, {
        workspace_id: expect.stringMatching(/^\$\{tfe_workspace\.Down_[0-9A-F]+\.id\}$/),
        sourceable_id: expect.stringMatching(/^\$\{tfe_workspace\.Up_[0-9A-F]+\.id\}$/),
      });
    });

    test('self-trigger, duplicates and cycles are refused', () => {
      const { stack, org } = setup();
      const a = new Workspace(stack, 'A', { organization: org, name: 'a' });
      const b = new Workspace(stack, 'B', { organization: org, name: 'b' });
      const c = new Workspace(stack, 'C', { organization: org, name: 'c' });
      expect(() => a.triggeredBy(a)).toThrow(/test\/A: \[TFE-RT-001\] a workspace cannot trigger its own runs/);
      b.triggeredBy(a);
      expect(() => b.triggeredBy(a)).toThrow(/test\/A already triggers this workspace/);
      c.triggeredBy(b);
      expect(() => a.triggeredBy(c)).toThrow(/test\/A: \[TFE-RT-005\] run trigger from test\/C would close a cycle \(test\/C -> test\/A -> test\/B -> test\/C\)/);
    });

    test('at most 20 sources per workspace', () => {
      const { stack, org } = setup();
      const target = new Workspace(stack, 'Target', { organization: org, name: 'target' });
      for (let i = 0; i < 20; i++) target.triggeredBy(new Workspace(stack, `S${i}`, { organization: org, name: `s${i}` }));
      const extra = new Workspace(stack, 'Extra', { organization: org, name: 'extra' });
      expect(() => target.triggeredBy(extra)).toThrow(/already has 20 run trigger sources, and test\/Extra would be one more: the platform allows at most 20/);
    });

    test('sources of another organization', () => {
      const { stack, org } = setup();
      const other = Organization.fromOrganizationName(stack, 'Other', 'other');
      const a = new Workspace(stack, 'A', { organization: org, name: 'a' });
      const b = new Workspace(stack, 'B', { organization: other, name: 'b' });
      expect(() => a.triggeredBy(b)).toThrow(/run trigger source test\/B belongs to another organization/);
    });
  });

  describe('remote state sharing', () => {
    test('consumers are written to the settings resource', () => {
      const { stack, org } = setup();
      const producer = new Workspace(stack, 'Producer', { organization: org, name: 'producer' });
      const consumer = new Workspace(stack, 'Consumer', { organization: org, name: 'consumer' });
      producer.shareStateWith(consumer);
      producer.shareStateWith(consumer); // idempotent
      const json = synthJson(stack);
      const settings = Object.entries<any>(json.resource.tfe_workspace_settings).find(([k]) => k.startsWith('Producer'))![1];
      expect(settings.remote_state_consumer_ids).toHaveLength(1);
      expect(settings.remote_state_consumer_ids[0]).toMatch(/^\$\{tfe_workspace\.Consumer_[0-9A-F]+\.id\}$/);
      expect(producer.remoteStateConsumers).toEqual([consumer]);
      const consumerSettings = Object.entries<any>(json.resource.tfe_workspace_settings).find(([k]) => k.startsWith('Consumer'))![1];
      expect(consumerSettings.remote_state_consumer_ids).toBeUndefined();
    });

    test('consumers with global remote state on, and self-consumption', () => {
      const { stack, org } = setup();
      const open = new Workspace(stack, 'Open', { organization: org, name: 'open', globalRemoteState: true });
      const consumer = new Workspace(stack, 'Consumer', { organization: org, name: 'consumer' });
      expect(() => open.shareStateWith(consumer)).toThrow(/test\/Open: \[TFE-WS-014\] shareStateWith\(test\/Consumer\) has no effect: this workspace has globalRemoteState on/);
      expect(() => consumer.shareStateWith(consumer)).toThrow(/cannot be a remote state consumer of itself/);
    });
  });

  describe('references', () => {
    test('fromWorkspaceName looks the workspace up; fromWorkspaceId creates nothing', () => {
      const { stack, org } = setup();
      const byName = Workspace.fromWorkspaceName(stack, 'ByName', org, 'legacy');
      const byId = Workspace.fromWorkspaceId(stack, 'ById', org, 'ws-Fa3zQw8bXy6pLmN2');
      const json = Testing.synth(stack, true);
      expect(json).toHaveDataSourceWithProperties(DataTfeWorkspace, { name: 'legacy' });
      expect(byId.workspaceId).toBe('ws-Fa3zQw8bXy6pLmN2');
      expect(byName.runWorkflow).toBeUndefined();
      expect(() => Workspace.fromWorkspaceId(stack, 'Bad', org, 'legacy')).toThrow(/test\/Bad: \[TFE-ID-003\] workspace ID "legacy" is not a workspace ID/);
      // the provider refuses workspace IDs that are not ws- and 16 characters
      expect(() => Workspace.fromWorkspaceId(stack, 'Short', org, 'ws-abc123')).toThrow(/workspace ID "ws-abc123" is not a workspace ID: it is "ws-" and 16 letters or digits/);
    });
  });
});


describe('ignoreAdditionalTags', () => {
  test('is written to tfe_workspace when set, and left out otherwise', () => {
    const { stack, org } = setupWithSecrets();
    new lib.Workspace(stack, 'Api', { organization: org, name: 'api', tags: { team: 'payments' }, ignoreAdditionalTags: true });
    new lib.Workspace(stack, 'Web', { organization: org, name: 'web' });
    const json = JSON.parse(Testing.synth(stack, true));
    const [api, web] = Object.values<any>(json.resource.tfe_workspace);
    expect(api.ignore_additional_tags).toBe(true);
    expect(web.ignore_additional_tags).toBeUndefined();
  });
});
