/**
 * A fixture that exercises every construct and option of the library, for the
 * end-to-end suite (validated, and planned against the suite's server). Not an
 * example to copy: it combines more than a real platform would.
 *
 * Run directly, it synthesizes into e2e/cdktf.out (or the directory given as
 * the first argument) for the host in TFE_HOSTNAME (default tfe.example.com).
 */
import * as path from 'path';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { App, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import {
  AgentPool, EnforcementLevel, Policy, PolicyKind, PolicySet, PolicySource,
  Backend, BackendType, CollaboratorAuthPolicy, ExecutionMode, GitHubAppInstallation, NotificationDestination,
  NotificationTrigger, OAuthClient, Organization, OrganizationAccess, OrganizationMember, Project, ProjectAccess,
  ProjectSettingsPermission, RemovalPolicy, ProjectTeamsPermission, ProjectVariableSetsPermission, RunWorkflow, Team, TeamVisibility,
  VariableCategory, VariableSet, VariableValue, VcsProvider, Workspace, WorkspaceAccess, WorkspaceGroup,
  WorkspaceRunsPermission, WorkspaceSentinelMocksPermission, WorkspaceStateVersionsPermission, WorkspaceVariablesPermission,
  ModulePublishing, NoCodeModule, NoCodeVariableType, OrganizationRunTask, RegistryModule, RunTaskEnforcement, RunTaskStage, WorkspaceOutputs,
  SshKey, DynamicCredentials,
} from '../src';

/**
 * Adds the fixture's stacks to `app`: the `fixture` stack with the tfe
 * provider for `hostname`, and one consumer stack per kind of backend binding.
 */
export function buildFixture(app: App, hostname: string): void {
  const stack = new TerraformStack(app, 'fixture');
  new TfeProvider(stack, 'tfe', { hostname });
  const secret = (name: string) => new TerraformVariable(stack, name, { type: 'string', sensitive: true }).stringValue;

  // Organizations
  const org = new Organization(stack, 'Org', {
    name: 'fixture-org',
    email: 'admin@fixture.example',
    collaboratorAuthPolicy: CollaboratorAuthPolicy.TWO_FACTOR_MANDATORY,
    sessionTimeoutMinutes: 60,
    sessionRememberMinutes: 120,
    costEstimationEnabled: false,
    assessmentsEnforced: true,
    allowForceDeleteWorkspaces: false,
    aggregatedCommitStatusEnabled: true,
    speculativePlanManagementEnabled: true,
    sendPassingStatusesForUntriggeredSpeculativePlans: false,
    ownersTeamSamlRoleId: 'owners-role',
  });
  const existing = Organization.fromOrganizationName(stack, 'Existing', 'existing-org');

  // Members and teams
  const ann = org.inviteMember('Ann', { email: 'ann@fixture.example' });
  const ben = OrganizationMember.fromEmail(stack, 'Ben', org, 'ben@fixture.example');
  const cid = OrganizationMember.fromMembershipId(stack, 'Cid', org, 'ou-abc123');
  const admins = org.addTeam('Admins', {
    name: 'admins',
    visibility: TeamVisibility.ORGANIZATION,
    organizationAccess: OrganizationAccess.administrator(),
    members: [ann, ben],
    allowMemberTokenManagement: false,
  });
  admins.addMember(cid);
  const policy = new Team(stack, 'Policy', { organization: org, name: 'policy', organizationAccess: OrganizationAccess.policyManager() });
  const readers = org.addTeam('Readers', { name: 'readers', organizationAccess: OrganizationAccess.readOnly(), ssoTeamId: 'sso-readers' });
  const managers = org.addTeam('Managers', { name: 'managers', organizationAccess: OrganizationAccess.workspaceManager().with({ manageVcsSettings: true }) });
  const owners = Team.fromTeamName(stack, 'Owners', org, 'owners');
  const byId = Team.fromTeamId(stack, 'ById', org, 'team-abc123');
  existing.addTeam('ExistingTeam', { name: 'existing-team' });

  // Tokens
  admins.addToken('Legacy', { forceRegenerate: true }).createOutput('admins_legacy_token');
  admins.addToken('Ci', { description: 'ci', expiresAt: '2030-01-01T00:00:00Z' }).createOutput('admins_ci_token');
  byId.addToken('Deploy', { description: 'deploy' });
  org.addToken('OrgToken', { expiresAt: '2031-01-01' }).createOutput('organization_token', { description: 'org token' });

  // Projects
  const platform = org.addProject('Platform', {
    name: 'platform', description: 'shared', tags: { tier: 'core' }, autoDestroyActivityDuration: '30d', ignoreAdditionalTags: true,
  });
  const apps = new Project(stack, 'Apps', { organization: org, name: 'Customer Apps' });
  const legacyProject = Project.fromProjectName(stack, 'Legacy', org, 'legacy');
  const prjById = Project.fromProjectId(stack, 'PrjById', org, 'prj-abc123');
  platform.grantAccess(admins, ProjectAccess.ADMIN);
  platform.grantAccess(readers, ProjectAccess.READ);
  apps.grantAccess(managers, ProjectAccess.MAINTAIN);
  apps.grantAccess(policy, ProjectAccess.WRITE);
  apps.grantAccess(owners, ProjectAccess.custom({
    project: { settings: ProjectSettingsPermission.UPDATE, teams: ProjectTeamsPermission.MANAGE, variableSets: ProjectVariableSetsPermission.WRITE },
    workspaces: {
      runs: WorkspaceRunsPermission.APPLY,
      sentinelMocks: WorkspaceSentinelMocksPermission.READ,
      stateVersions: WorkspaceStateVersionsPermission.WRITE,
      variables: WorkspaceVariablesPermission.WRITE,
      create: true,
      delete: true,
      locking: true,
      move: true,
      runTasks: true,
    },
  }));
  legacyProject.grantAccess(readers, ProjectAccess.READ);
  prjById.grantAccess(readers, ProjectAccess.READ);

  // Agent pools
  const pool = new AgentPool(stack, 'Pool', { organization: org, name: 'private-agents', organizationScoped: false });
  pool.addToken('AgentToken', { description: 'agents' }).createOutput('agent_token');
  pool.allowProject(apps);
  const openPool = new AgentPool(stack, 'OpenPool', { organization: org, name: 'shared-agents' });
  const namedPool = AgentPool.fromAgentPoolName(stack, 'NamedPool', org, 'legacy-agents');

  // Defaults: the organization's and a project's execution mode
  org.configureDefaultExecutionMode(ExecutionMode.agent(openPool));
  apps.configureDefaultExecutionMode(ExecutionMode.agent(pool));
  legacyProject.configureDefaultExecutionMode(ExecutionMode.agent(namedPool));
  platform.configureDefaultExecutionMode(ExecutionMode.remote());

  // Team notifications
  admins.addNotification('ChangeRequests', {
    name: 'admins-change-requests',
    destination: NotificationDestination.generic('https://hooks.fixture.example/change-requests', { token: secret('team_hook_token') }),
  });
  managers.addNotification('Mail', { name: 'managers-mail', destination: NotificationDestination.email({ users: ['user-abc123'] }), enabled: false });

  // SSH keys
  const modulesKey = new SshKey(stack, 'ModulesKey', { organization: org, name: 'modules-deploy-key', privateKey: secret('modules_ssh_key') });

  // VCS connections
  const github = new OAuthClient(stack, 'GitHub', { organization: org, serviceProvider: VcsProvider.GITHUB, oauthToken: secret('github_token'), name: 'github' });
  const gitlab = new OAuthClient(stack, 'GitLab', {
    organization: org,
    serviceProvider: VcsProvider.GITLAB_ENTERPRISE_EDITION,
    apiUrl: 'https://gitlab.internal.example/api/v4',
    httpUrl: 'https://gitlab.internal.example',
    oauthToken: secret('gitlab_token'),
    agentPool: openPool,
    organizationScoped: false,
  });
  const ghApp = GitHubAppInstallation.fromInstallationId(stack, 'GhApp', 12345);
  const existingConn = OAuthClient.fromName(stack, 'ExistingConn', org, 'legacy-github');
  gitlab.allowProject(apps);
  gitlab.allowProject(prjById);

  // Workspaces
  const vcsWs = new Workspace(stack, 'Vcs', {
    organization: org,
    name: 'vcs-everything',
    project: apps,
    description: 'every option',
    runWorkflow: RunWorkflow.vcs({ connection: github, repository: 'fixture/app', branch: 'main', triggerPatterns: ['**/*.tf'], ingressSubmodules: true }),
    executionMode: ExecutionMode.agent(pool),
    tags: { team: 'apps' },
    tagNames: ['apps', 'tier:2'],
    terraformVersion: '~> 1.9.0',
    workingDirectory: 'infra',
    autoApply: true,
    autoApplyRunTrigger: true,
    queueAllRuns: false,
    speculativeEnabled: true,
    assessmentsEnabled: true,
    allowDestroyPlan: false,
    autoDestroyActivityDuration: '12h',
    structuredRunOutputEnabled: true,
  });
  pool.allowWorkspace(vcsWs);
  const tagWs = new Workspace(stack, 'Tags', {
    organization: org,
    name: 'tag-releases',
    runWorkflow: RunWorkflow.vcs({ connection: ghApp, repository: 'fixture/releases', tagsRegex: '^v\\d+$' }),
    autoDestroyAt: '2099-01-01T00:00:00Z',
  });
  const prefixWs = new Workspace(stack, 'Prefixes', {
    organization: org,
    name: 'gitlab-prefixes',
    runWorkflow: RunWorkflow.vcs({ connection: gitlab, repository: 'group/project', triggerPrefixes: ['modules/'], fileTriggersEnabled: true }),
    executionMode: ExecutionMode.remote(),
  });
  new Workspace(stack, 'ExistingConnWs', { organization: org, name: 'existing-conn', runWorkflow: RunWorkflow.vcs({ connection: existingConn, repository: 'a/b' }) });
  const cliWs = new Workspace(stack, 'Cli', {
    organization: org,
    name: 'cli-local',
    description: 'literal ${not.a.reference} %{ if x }',
    tags: { 'k${x}': 'v${y}' },
    executionMode: ExecutionMode.local(),
    removalPolicy: RemovalPolicy.SAFE_DELETE,
    sshKeyId: modulesKey.sshKeyId,
  });
  const apiWs = new Workspace(stack, 'Api', {
    organization: org, name: 'api-driven', runWorkflow: RunWorkflow.apiDriven(), globalRemoteState: true, tags: { team: 'api' }, ignoreAdditionalTags: true,
  });
  const lookedUp = Workspace.fromWorkspaceName(stack, 'LookedUp', org, 'legacy-ws');
  const wsById = Workspace.fromWorkspaceId(stack, 'WsById', org, 'ws-Fa3zQw8bXy6pLmN2');

  // Variables of every kind
  cliWs.addVariable('S', { key: 'plain', value: VariableValue.string('say "hi" ${not.interpolated} %{nor_this}\n'), description: 'string' });
  cliWs.addVariable('N', { key: 'count', value: VariableValue.number(3.5) });
  cliWs.addVariable('B', { key: 'enabled', value: VariableValue.boolean(true) });
  cliWs.addVariable('L', { key: 'zones', value: VariableValue.list(['a', 1, true, null, ['nested']]) });
  cliWs.addVariable('M', { key: 'labels', value: VariableValue.map({ 'k:1': 'v', 'nested': { deep: ['x'] }, 'emoji': '🚀' }) });
  cliWs.addVariable('H', { key: 'raw', value: VariableValue.hcl('{ a = 1 }') });
  cliWs.addVariable('R', { key: 'secret_input', value: VariableValue.fromReference(secret('db_password')), sensitive: true });
  cliWs.addVariable('E', { key: 'AWS_REGION', value: VariableValue.string('eu-west-1'), category: VariableCategory.ENV });
  cliWs.addVariable('EN', { key: 'RETRIES', value: VariableValue.number(3), category: VariableCategory.ENV });
  cliWs.addVariable('ES', { key: 'API_KEY', value: VariableValue.fromReference(secret('api_key')), category: VariableCategory.ENV, sensitive: true });
  lookedUp.addVariable('LV', { key: 'x', value: VariableValue.string('y') });
  cliWs.addVariable('Seed', { key: 'replicas', value: VariableValue.number(2), initialValueOnly: true });
  // Dynamic provider credentials
  apiWs.addDynamicCredentials(DynamicCredentials.aws({
    runRoleArn: 'arn:aws:iam::123456789012:role/tfc-api', planRoleArn: 'arn:aws:iam::123456789012:role/tfc-api-readonly', audience: 'aws.workload.identity',
  }));
  apiWs.addDynamicCredentials(DynamicCredentials.vault({ address: 'https://vault.fixture.example:8200', runRole: 'tfc', namespace: 'admin' }));
  const cloudSet = new VariableSet(stack, 'CloudCredentials', { organization: org, name: 'cloud-credentials' });
  cloudSet.addDynamicCredentials(DynamicCredentials.azure({ runClientId: '00000000-0000-0000-0000-000000000001' }));
  cloudSet.addDynamicCredentials(DynamicCredentials.gcp({
    workloadProviderName: 'projects/123456789/locations/global/workloadIdentityPools/tfc/providers/tfc',
    runServiceAccountEmail: 'tfc@fixture.iam.gserviceaccount.com',
  }));
  pool.excludeWorkspace(lookedUp);
  PolicySet.fromPolicySetName(stack, 'NamedSet', org, 'legacy-policies').attachTo(apiWs);
  new Workspace(stack, 'WithKey', { organization: org, name: 'with-key', sshKeyId: SshKey.fromSshKeyId(stack, 'KeyById', 'sshkey-GxrePWre1Ezug7aM').sshKeyId });

  // Variable sets
  const globalSet = new VariableSet(stack, 'Global', { organization: org, name: 'global-defaults', allWorkspaces: true, description: 'everywhere' });
  globalSet.addVariable('Owner', { key: 'owner', value: VariableValue.string('platform') });
  const prioritySet = new VariableSet(stack, 'Priority', { organization: org, name: 'priority', priority: true, workspaces: [vcsWs], projects: [platform] });
  prioritySet.addVariable('Pin', { key: 'pinned', value: VariableValue.boolean(true) });
  prioritySet.applyToWorkspace(tagWs);
  const projectOwned = new VariableSet(stack, 'Owned', { organization: org, name: 'project-owned', parentProject: apps });
  projectOwned.applyToProject(apps);
  const existingSet = VariableSet.fromVariableSetName(stack, 'ExistingSet', org, 'legacy-set');
  existingSet.applyToWorkspace(apiWs);
  VariableSet.fromVariableSetId(stack, 'SetById', org, 'varset-abc123').applyToWorkspace(prefixWs);

  // Access, triggers, state sharing, notifications
  vcsWs.grantAccess(readers, WorkspaceAccess.READ);
  vcsWs.grantAccess(managers, WorkspaceAccess.ADMIN);
  cliWs.grantAccess(readers, WorkspaceAccess.PLAN);
  cliWs.grantAccess(managers, WorkspaceAccess.WRITE);
  cliWs.grantAccess(policy, WorkspaceAccess.custom({
    runs: WorkspaceRunsPermission.APPLY,
    variables: WorkspaceVariablesPermission.READ,
    stateVersions: WorkspaceStateVersionsPermission.READ,
    sentinelMocks: WorkspaceSentinelMocksPermission.READ,
    workspaceLocking: true,
    runTasks: true,
  }));
  wsById.grantAccess(readers, WorkspaceAccess.READ);
  vcsWs.triggeredBy(prefixWs);
  vcsWs.triggeredBy(lookedUp);
  cliWs.triggeredBy(wsById);
  prefixWs.shareStateWith(vcsWs);
  prefixWs.shareStateWith(lookedUp);
  cliWs.addNotification('Slack', { name: 'slack', destination: NotificationDestination.slack(secret('slack_url')) });
  cliWs.addNotification('Teams', { name: 'teams', destination: NotificationDestination.microsoftTeams(secret('teams_url')), enabled: false });
  cliWs.addNotification('Email', {
    name: 'email',
    destination: NotificationDestination.email({ users: ['user-abc123'] }),
    triggers: [NotificationTrigger.RUN_ERRORED, NotificationTrigger.ASSESSMENT_DRIFTED],
  });
  cliWs.addNotification('Hook', { name: 'hook', destination: NotificationDestination.generic('https://hooks.fixture.example/tfe', { token: secret('hmac') }) });

  // A group: shared variables through a set, overrides, promotion
  const group = new WorkspaceGroup(stack, 'Net', {
    organization: org,
    prefix: 'net-',
    members: [
      { shortName: 'dev', settings: { autoApply: true } },
      { shortName: 'staging' },
      { shortName: 'prod', settings: { executionMode: ExecutionMode.agent(pool) }, variables: [{ key: 'size', value: VariableValue.string('large') }] },
    ],
    settings: { project: platform, terraformVersion: '1.9.8', executionMode: ExecutionMode.remote() },
    variables: [{ key: 'size', value: VariableValue.string('small') }, { key: 'TF_LOG', value: VariableValue.string('WARN'), category: VariableCategory.ENV }],
    sharedVariablesAsVariableSet: true,
    promotion: true,
  });
  pool.allowWorkspace(group.member('prod'));
  group.grantAccess(managers, WorkspaceAccess.WRITE);
  group.addVariable('Region', { key: 'region', value: VariableValue.string('eu') });
  group.addDynamicCredentials(DynamicCredentials.aws({ planRoleArn: 'arn:aws:iam::123456789012:role/net-plan', applyRoleArn: 'arn:aws:iam::123456789012:role/net-apply' }));

  // Policies and policy sets
  const hard = new Policy(stack, 'Hard', {
    organization: org,
    name: 'hard',
    description: 'hard',
    kind: PolicyKind.SENTINEL,
    source: PolicySource.inline('main = rule { true }'),
    enforcementLevel: EnforcementLevel.SENTINEL_HARD_MANDATORY,
  });
  const soft = new Policy(stack, 'Soft', {
    organization: org,
    name: 'soft',
    kind: PolicyKind.SENTINEL,
    source: PolicySource.inline('main = rule { true }'),
    enforcementLevel: EnforcementLevel.SENTINEL_SOFT_MANDATORY,
  });
  const opa = new Policy(stack, 'Opa', {
    organization: org,
    name: 'opa-deny',
    kind: PolicyKind.OPA,
    query: 'data.terraform.deny',
    source: PolicySource.inline('package terraform\ndeny[msg] { false; msg := "never" }'),
    enforcementLevel: EnforcementLevel.OPA_MANDATORY,
  });
  const sentinelSet = new PolicySet(stack, 'SentinelSet', {
    organization: org,
    name: 'sentinel-set',
    description: 'inline',
    policies: [hard, soft],
    workspaces: [cliWs],
    projects: [apps],
    excludedWorkspaces: [vcsWs],
    policyToolVersion: '0.26.0',
    agentEnabled: true,
  });
  sentinelSet.attachToGroup(group);
  sentinelSet.addParameter('environment', 'production');
  sentinelSet.addParameter('api_key', secret('policy_api_key'), { sensitive: true });
  const opaSet = new PolicySet(stack, 'OpaSet', { organization: org, name: 'opa-set', kind: PolicyKind.OPA, policies: [opa], overridable: true, appliesToAllWorkspaces: true });
  opaSet.exclude(apiWs);
  new PolicySet(stack, 'VcsSet', {
    organization: org, name: 'vcs-set', vcs: { connection: github, repository: 'fixture/policies', branch: 'main', policiesPath: 'sentinel/', ingressSubmodules: false },
  }).attachToProject(platform);
  PolicySet.fromPolicySetId(stack, 'ExistingPolicySet', org, 'polset-abcdefghijklmnop').attachTo(tagWs);

  // Run tasks: attached to a workspace and a group, global, referenced
  const scanner = new OrganizationRunTask(stack, 'Scanner', {
    organization: org, name: 'scanner', url: 'https://scanner.fixture.example/tfc', hmacKey: secret('scanner_hmac'), description: 'scans plans',
  });
  new OrganizationRunTask(stack, 'CostTask', {
    organization: org, name: 'cost', url: 'https://cost.fixture.example', allWorkspaces: { stages: [RunTaskStage.PRE_PLAN], enforcement: RunTaskEnforcement.ADVISORY },
  });
  cliWs.addRunTask(scanner, { stages: [RunTaskStage.POST_PLAN, RunTaskStage.PRE_APPLY], enforcement: RunTaskEnforcement.MANDATORY });
  group.addRunTask(scanner);
  apiWs.addRunTask(OrganizationRunTask.fromRunTaskName(stack, 'LegacyTask', org, 'legacy-task'), { stages: [RunTaskStage.POST_APPLY] });

  // Another workspace's outputs (prefixWs shares its state with vcsWs)
  const upstream = new WorkspaceOutputs(stack, 'PrefixOutputs', { workspace: prefixWs, reader: vcsWs });
  vcsWs.addVariable('Upstream', { key: 'upstream_vpc', value: VariableValue.fromReference(upstream.getString('vpc_id')) });
  new TerraformOutput(stack, 'upstream_db_password', { value: upstream.getSecretString('db_password'), sensitive: true });

  // Private registry and no-code modules
  const vpcModule = new RegistryModule(stack, 'VpcModule', {
    organization: org,
    connection: github,
    repository: 'fixture/terraform-aws-vpc',
    publishing: ModulePublishing.branch('main', { initialVersion: '1.0.0' }),
    tests: { agentPool: pool },
  });
  vpcModule.addTestVariable('Region', { key: 'AWS_REGION', value: VariableValue.string('eu-west-1') });
  vpcModule.addTestVariable('ApiKey', { key: 'TF_VAR_api_key', value: VariableValue.fromReference(secret('module_test_key')), sensitive: true, description: 'for tests' });
  vpcModule.addTestVariable('Zones', { key: 'TF_VAR_zones', value: VariableValue.string('["a","b"]') });
  vpcModule.enableNoCode('NoCode', {
    versionPin: '1.0.0',
    variableOptions: [
      { name: 'region', options: ['eu-west-1', 'us-east-1'] },
      { name: 'az_count', type: NoCodeVariableType.NUMBER, options: ['2', '3'] },
    ],
  });
  new RegistryModule(stack, 'DnsModule', {
    organization: org, connection: ghApp, repository: 'fixture/modules', sourceDirectory: 'modules/dns', publishing: ModulePublishing.tags({ tagPrefix: 'dns-v' }),
  });
  new NoCodeModule(stack, 'ExistingNoCode', { registryModule: RegistryModule.fromRegistryModuleId(stack, 'ExistingModule', org, 'mod-abc123'), enabled: false });

  // Write-only secrets: a stack of their own, since they need Terraform 1.11 (required_version)
  buildWriteOnlyFixture(new TerraformStack(app, 'fixture-write-only'), hostname);

  // Consumer stacks: every binding
  Backend.forWorkspace(new TerraformStack(app, 'bind-remote-name'), cliWs);
  Backend.forWorkspace(new TerraformStack(app, 'bind-cloud-name'), apiWs, { backendType: BackendType.CLOUD, projectName: 'platform' });
  Backend.forWorkspace(new TerraformStack(app, 'bind-vcs-plans'), vcsWs, { speculativePlansOnly: true, hostname });
  group.bindBackend(new TerraformStack(app, 'bind-remote-prefix'));
  group.bindBackend(new TerraformStack(app, 'bind-cloud-tags'), { backendType: BackendType.CLOUD });
  Backend.forExternalWorkspaces(new TerraformStack(app, 'bind-external-prefix'), { organizationName: 'other-org', workspacePrefix: 'legacy-' });
  Backend.forExternalWorkspaces(new TerraformStack(app, 'bind-external-tags'), { organizationName: 'other-org', workspaceTags: ['legacy'], backendType: BackendType.CLOUD });
}

/**
 * Every write-only argument the library writes (`value_wo`, `token_wo`,
 * `hmac_key_wo`), in a stack that requires Terraform 1.11.
 */
function buildWriteOnlyFixture(stack: TerraformStack, hostname: string): void {
  new TfeProvider(stack, 'tfe', { hostname });
  const secret = (name: string) => new TerraformVariable(stack, name, { type: 'string', sensitive: true }).stringValue;
  const org = new Organization(stack, 'Org', { name: 'fixture-wo-org', email: 'admin@fixture.example' });
  const ws = new Workspace(stack, 'Secrets', { organization: org, name: 'write-only-secrets', removalPolicy: RemovalPolicy.FORCE_DELETE });
  ws.addVariable('DbPassword', { key: 'db_password', value: VariableValue.fromReference(secret('db_password')), sensitive: true, writeOnly: true });
  ws.addVariable('Token', {
    key: 'API_TOKEN', value: VariableValue.fromReference(secret('api_token')), category: VariableCategory.ENV, sensitive: true, writeOnly: true,
  });
  ws.addVariable('Cfg', { key: 'cfg', value: VariableValue.hcl('{ a = 1 }'), description: 'not write-only, next to write-only ones' });
  ws.addNotification('Hook', {
    name: 'signed-hook',
    destination: NotificationDestination.generic('https://hooks.fixture.example/tfe', { token: secret('webhook_token'), writeOnly: true }),
  });
  new OrganizationRunTask(stack, 'Scanner', {
    organization: org, name: 'wo-scanner', url: 'https://scanner.fixture.example/hook', hmacKey: secret('run_task_hmac_key'), hmacKeyWriteOnly: true,
  });
  const guard = new PolicySet(stack, 'Guard', { organization: org, name: 'wo-guard', kind: PolicyKind.SENTINEL });
  guard.addParameter('api_key', secret('policy_api_key'), { sensitive: true, writeOnly: true });
  const module = new RegistryModule(stack, 'Module', {
    organization: org,
    connection: OAuthClient.fromOAuthTokenId(stack, 'Conn', org, 'ot-abc123'),
    repository: 'fixture/terraform-aws-secrets',
    publishing: ModulePublishing.branch('main'),
    tests: {},
  });
  module.addTestVariable('Key', { key: 'AWS_SECRET_ACCESS_KEY', value: VariableValue.fromReference(secret('module_key')), sensitive: true, writeOnly: true });
}

if (require.main === module) {
  const app = new App({ outdir: process.argv[2] ?? path.join(__dirname, 'cdktf.out') });
  buildFixture(app, process.env.TFE_HOSTNAME ?? 'tfe.example.com');
  app.synth();
}
