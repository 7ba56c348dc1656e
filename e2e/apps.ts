/**
 * The apps the end-to-end suite deploys against a TFE-API server (OTF), written
 * with the library's public API only. Each builder adds stacks to an app; the
 * tiers synthesize them in-process (tiers 4 and 5) or through `cdktf deploy`
 * (tier 3, entry point `deploy-main.ts`).
 */
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { App, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  AgentPool, CollaboratorAuthPolicy, DynamicCredentials, ExecutionMode, Moves, NotificationDestination, NotificationTrigger, OAuthClient,
  Organization, OrganizationAccess, RemovalPolicy, RunWorkflow, ShardedPlatform, SshKey, Team, TeamVisibility, VariableCategory, VariableSet,
  VariableValue, VcsProvider, Workspace, WorkspaceFleet, WorkspaceGroup,
} from '../src';

/** Where the apps deploy to. */
export interface Target {
  /** The server's host and port, e.g. `localhost:8443`. */
  readonly hostname: string;
  /** The organization the app's resources belong to (one per tier). */
  readonly organization: string;
}

/** The sensitive input variables of the deploy app's platform stack, with the values the suite passes. */
export const DEPLOY_SECRETS: Record<string, string> = {
  github_token: 'ghp_e2e0000000000000000000000000000000000',
  gitlab_token: 'glpat-e2e00000000000000000',
  database_password: 'e2e-database-password',
  datadog_api_key: 'e2e-datadog-key',
  slack_webhook_url: 'https://hooks.slack.invalid/services/E2E/E2E/e2e',
  webhook_hmac_key: 'e2e-hmac-key',
};

/** The stacks of the deploy app, in deployment order. */
export const DEPLOY_STACKS = ['deploy-organization', 'deploy-platform'];

/**
 * Tier 3: everything OTF serves. The organization, its token and a few shared
 * objects (a workspace, an OAuth client, a variable set) live in a stack of
 * their own, which the platform stack reads back with lookups (data sources); once the platform stack is destroyed, the suite
 * checks through the API that only the organization stack's objects are left,
 * before they go too.
 */
export function buildDeployApp(app: App, target: Target): void {
  const orgStack = new TerraformStack(app, DEPLOY_STACKS[0]);
  new TfeProvider(orgStack, 'tfe', { hostname: target.hostname });
  const created = new Organization(orgStack, 'Org', {
    name: target.organization,
    email: 'platform@e2e.example',
    collaboratorAuthPolicy: CollaboratorAuthPolicy.PASSWORD,
    sessionTimeoutMinutes: 240,
    sessionRememberMinutes: 1440,
    costEstimationEnabled: false,
    allowForceDeleteWorkspaces: true,
  });
  created.addToken('Token', { expiresAt: '2099-12-31T00:00:00Z' }).createOutput('organization_token');
  new Workspace(orgStack, 'Upstream', { organization: created, name: 'upstream', executionMode: ExecutionMode.local(), removalPolicy: RemovalPolicy.FORCE_DELETE });
  new OAuthClient(orgStack, 'GitLab', {
    organization: created,
    serviceProvider: VcsProvider.GITLAB_HOSTED,
    name: 'gitlab',
    oauthToken: new TerraformVariable(orgStack, 'gitlab_token', { type: 'string', sensitive: true }).stringValue,
  });
  new VariableSet(orgStack, 'OrgDefaults', { organization: created, name: 'org-defaults' })
    .addVariable('CostCenter', { key: 'cost_center', value: VariableValue.string('cc-1234') });

  const stack = new TerraformStack(app, DEPLOY_STACKS[1]);
  stack.addDependency(orgStack);
  new TfeProvider(stack, 'tfe', { hostname: target.hostname });
  const secret = (name: string) => new TerraformVariable(stack, name, { type: 'string', sensitive: true }).stringValue;
  const org = Organization.fromOrganizationName(stack, 'Org', target.organization);

  // Teams and the legacy team token.
  const admins = org.addTeam('Admins', {
    name: 'admins',
    visibility: TeamVisibility.ORGANIZATION,
    organizationAccess: OrganizationAccess.custom({
      manageWorkspaces: true,
      manageVcsSettings: true,
      manageModules: true,
      manageProviders: true,
      managePolicies: true,
      managePolicyOverrides: true,
    }),
  });
  org.addTeam('Developers', { name: 'developers', visibility: TeamVisibility.SECRET, ssoTeamId: 'sso-developers' });
  org.addTeam('Auditors', { name: 'auditors', allowMemberTokenManagement: false });
  admins.addToken('Legacy', { expiresAt: '2099-06-30T12:00:00Z' }).createOutput('admins_token');

  // A VCS connection (created and deleted; no workspace links to it, which would need the VCS provider's API).
  new OAuthClient(stack, 'GitHub', {
    organization: org,
    serviceProvider: VcsProvider.GITHUB,
    name: 'github',
    oauthToken: secret('github_token'),
  });

  // Objects of the organization stack, looked up by name.
  const upstream = Workspace.fromWorkspaceName(stack, 'Upstream', org, 'upstream');
  const orgDefaults = VariableSet.fromVariableSetName(stack, 'OrgDefaults', org, 'org-defaults');
  const owners = Team.fromTeamName(stack, 'Owners', org, 'owners');
  const gitlab = OAuthClient.fromName(stack, 'GitLab', org, 'gitlab');
  // What the lookups found, for the suite to compare with the organization stack's state.
  new TerraformOutput(stack, 'lookups', {
    value: { upstream: upstream.workspaceId, org_defaults: orgDefaults.variableSetId, owners: owners.teamId, gitlab: gitlab.oauthTokenId },
  });

  // Workspaces with their settings.
  const appWs = new Workspace(stack, 'App', {
    organization: org,
    name: 'app-prod',
    description: 'The application, deployed from CI',
    runWorkflow: RunWorkflow.cliDriven(),
    executionMode: ExecutionMode.local(),
    tagNames: ['app', 'tier:1'],
    tags: { team: 'app' },
    terraformVersion: '1.5.7',
    workingDirectory: 'infra',
    autoApply: true,
    autoApplyRunTrigger: true,
    speculativeEnabled: false,
    allowDestroyPlan: true,
    removalPolicy: RemovalPolicy.FORCE_DELETE,
  });
  const api = new Workspace(stack, 'Api', {
    organization: org,
    name: 'api-driven',
    runWorkflow: RunWorkflow.apiDriven(),
    executionMode: ExecutionMode.remote(),
    globalRemoteState: true,
    queueAllRuns: true,
    structuredRunOutputEnabled: false,
    removalPolicy: RemovalPolicy.FORCE_DELETE,
  });

  // Variables of every kind.
  appWs.addVariable('Region', { key: 'region', value: VariableValue.string('eu-west-1'), description: 'where it runs' });
  appWs.addVariable('Replicas', { key: 'replicas', value: VariableValue.number(3) });
  appWs.addVariable('Canary', { key: 'canary', value: VariableValue.boolean(false) });
  appWs.addVariable('Zones', { key: 'zones', value: VariableValue.list(['a', 'b', 1, true]) });
  appWs.addVariable('Labels', { key: 'labels', value: VariableValue.map({ 'team': 'app', 'owner:email': 'app@e2e.example', 'motd': 'say "hi"\n${not_interpolated}' }) });
  appWs.addVariable('Note', { key: 'note', value: VariableValue.string('literal ${var.x} and %{ if y } stay text') });
  appWs.addVariable('Subnets', { key: 'subnets', value: VariableValue.hcl('["subnet-1", "subnet-2"]') });
  appWs.addVariable('DbPassword', { key: 'db_password', value: VariableValue.fromReference(secret('database_password')), sensitive: true });
  appWs.addVariable('LogLevel', { key: 'TF_LOG', value: VariableValue.string('INFO'), category: VariableCategory.ENV });
  appWs.addVariable('Retries', { key: 'RETRIES', value: VariableValue.number(5), category: VariableCategory.ENV });
  appWs.addVariable('Datadog', { key: 'DD_API_KEY', value: VariableValue.fromReference(secret('datadog_api_key')), category: VariableCategory.ENV, sensitive: true });

  // A prefix family promoted dev -> prod (run triggers), whose shared variables are a variable set.
  const net = new WorkspaceGroup(stack, 'Net', {
    organization: org,
    prefix: 'net-',
    members: [
      { shortName: 'dev', settings: { autoApply: true } },
      { shortName: 'prod', variables: [{ key: 'size', value: VariableValue.string('large') }] },
    ],
    settings: { executionMode: ExecutionMode.local(), removalPolicy: RemovalPolicy.FORCE_DELETE, tagNames: ['networking'] },
    variables: [{ key: 'cidr', value: VariableValue.string('10.0.0.0/16') }],
    terraformVariables: { owner: 'networking' },
    sharedVariablesAsVariableSet: true,
    promotion: true,
  });
  appWs.triggeredBy(net.member('prod'));
  net.member('dev').triggeredBy(upstream);

  // Variable sets: global, and one applied to chosen workspaces.
  const everywhere = new VariableSet(stack, 'Everywhere', { organization: org, name: 'everywhere', description: 'all workspaces', allWorkspaces: true });
  everywhere.addVariable('Company', { key: 'company', value: VariableValue.string('e2e') });
  everywhere.addVariable('Stage', { key: 'STAGE', value: VariableValue.string('test'), category: VariableCategory.ENV });
  const chosen = new VariableSet(stack, 'Chosen', { organization: org, name: 'chosen', priority: true, workspaces: [appWs] });
  chosen.addVariable('Flag', { key: 'feature_flag', value: VariableValue.boolean(true), description: 'wins over workspace variables' });
  // Dynamic provider credentials: environment variables on a workspace, a group's members and a variable set.
  appWs.addDynamicCredentials(DynamicCredentials.aws({
    runRoleArn: 'arn:aws:iam::123456789012:role/e2e-app', planRoleArn: 'arn:aws:iam::123456789012:role/e2e-app-readonly',
  }));
  net.addDynamicCredentials(DynamicCredentials.gcp({
    workloadProviderName: 'projects/123456789/locations/global/workloadIdentityPools/e2e/providers/e2e', runServiceAccountEmail: 'net@e2e.iam.gserviceaccount.com',
  }));
  chosen.addDynamicCredentials(DynamicCredentials.vault({ address: 'https://vault.e2e.example:8200', runRole: 'e2e', namespace: 'admin' }));
  chosen.applyToWorkspace(api);
  orgDefaults.applyToWorkspace(appWs);

  // Agent pools: one for chosen workspaces, one for all. (A workspace in agent execution mode
  // cannot be deployed on OTF: it serves the workspace's pool as the agent-pool-id attribute,
  // not as the agent-pool relationship the provider reads, internal/workspace/tfe_types.go.)
  const agents = new AgentPool(stack, 'Agents', { organization: org, name: 'e2e-agents', organizationScoped: false });
  agents.addToken('Token', { description: 'e2e agents' }).createOutput('agent_token');
  agents.allowWorkspace(api);
  agents.allowWorkspace(net.member('prod'));
  new AgentPool(stack, 'SharedAgents', { organization: org, name: 'e2e-shared-agents' });

  // Notifications.
  appWs.addNotification('Slack', {
    name: 'app-slack',
    destination: NotificationDestination.slack(secret('slack_webhook_url')),
    triggers: [NotificationTrigger.RUN_ERRORED, NotificationTrigger.RUN_NEEDS_ATTENTION],
  });
  appWs.addNotification('Hook', {
    name: 'app-hook',
    destination: NotificationDestination.generic('https://hooks.e2e.invalid/tfe', { token: secret('webhook_hmac_key') }),
    enabled: false,
  });
  new TerraformOutput(stack, 'app_workspace_id', { value: appWs.workspaceId });
}

/** The stacks of the CLI-driven app. */
export const CLI_STACKS = { platform: 'cli-platform', byName: 'cli-by-name', byPrefix: 'cli-by-prefix' };

/**
 * Tier 4: an organization with workspaces for CLI-driven runs (local
 * execution: the server keeps the state) and two consumer stacks bound to
 * them, by name and by prefix. Each consumer writes an output naming where it
 * ran, which the suite then finds in the workspace's current state.
 */
export function buildCliApp(app: App, target: Target): void {
  const stack = new TerraformStack(app, CLI_STACKS.platform);
  new TfeProvider(stack, 'tfe', { hostname: target.hostname });
  const org = new Organization(stack, 'Org', { name: target.organization, email: 'cli@e2e.example' });
  const service = new Workspace(stack, 'Service', {
    organization: org,
    name: 'service',
    runWorkflow: RunWorkflow.cliDriven(),
    executionMode: ExecutionMode.local(),
    removalPolicy: RemovalPolicy.FORCE_DELETE,
  });
  const networking = new WorkspaceGroup(stack, 'Networking', {
    organization: org,
    prefix: 'networking-',
    members: [{ shortName: 'dev' }, { shortName: 'prod' }],
    settings: { runWorkflow: RunWorkflow.cliDriven(), executionMode: ExecutionMode.local(), removalPolicy: RemovalPolicy.FORCE_DELETE },
  });

  const byName = new TerraformStack(app, CLI_STACKS.byName);
  service.bindBackend(byName);
  new TerraformOutput(byName, 'ran_in', { value: 'service' });

  const byPrefix = new TerraformStack(app, CLI_STACKS.byPrefix);
  networking.bindBackend(byPrefix);
  new TerraformOutput(byPrefix, 'ran_in', { value: '${terraform.workspace}' });
}

/**
 * Tier 4: a consumer stack bound for applies to a VCS-driven workspace, which
 * the library must refuse while the app is built (the platform would refuse
 * only the CLI-driven apply, at run time).
 */
export function buildVcsBindingApp(app: App, target: Target): void {
  const stack = new TerraformStack(app, 'vcs-platform');
  new TfeProvider(stack, 'tfe', { hostname: target.hostname });
  const org = Organization.fromOrganizationName(stack, 'Org', target.organization);
  const github = OAuthClient.fromOAuthTokenId(stack, 'GitHub', org, 'ot-e2e0000000000000');
  const ws = new Workspace(stack, 'Vcs', {
    organization: org,
    name: 'vcs-driven',
    runWorkflow: RunWorkflow.vcs({ connection: github, repository: 'e2e/app', branch: 'main' }),
    executionMode: ExecutionMode.remote(),
  });
  ws.bindBackend(new TerraformStack(app, 'vcs-consumer'));
}

/** The stack of the refactoring app. */
export const REFACTOR_STACK = 'refactor';

/** The steps of the refactoring tier, each a version of the same program. */
export enum RefactorStep {
  /** A protected workspace with a variable, directly in the stack. */
  ORIGINAL = 'original',
  /** The same workspace under a new parent construct, with Moves.renamedFrom. */
  RENAMED = 'renamed',
  /** The same workspace under a new parent construct, without Moves.renamedFrom. */
  RENAMED_WITHOUT_MOVE = 'renamed-without-move',
  /** The workspace removed from the program. */
  REMOVED = 'removed',
  /** The renamed workspace with its protection lifted (RemovalPolicy.FORCE_DELETE), to clean up. */
  UNPROTECTED = 'unprotected',
}

/**
 * Tier 5: a protected workspace that is moved under another construct; each
 * step is a version of the same program.
 */
export function buildRefactorApp(app: App, target: Target, step: RefactorStep): void {
  const stack = new TerraformStack(app, REFACTOR_STACK);
  new TfeProvider(stack, 'tfe', { hostname: target.hostname });
  const org = new Organization(stack, 'Org', { name: target.organization, email: 'refactor@e2e.example' });
  if (step === RefactorStep.REMOVED) return;
  const scope = step === RefactorStep.ORIGINAL ? stack : new Construct(stack, 'Finance');
  const ws = new Workspace(scope, 'Billing', {
    organization: org,
    name: 'billing',
    executionMode: ExecutionMode.local(),
    removalPolicy: step === RefactorStep.UNPROTECTED ? RemovalPolicy.FORCE_DELETE : RemovalPolicy.PROTECT,
  });
  ws.addVariable('Region', { key: 'region', value: VariableValue.string('eu-west-1') });
  if (step === RefactorStep.RENAMED || step === RefactorStep.UNPROTECTED) Moves.renamedFrom(ws, 'Billing');
}

/** The stack of the write-only app, and the secrets its variables take. */
export const WRITE_ONLY_STACK = 'write-only-platform';
export const WRITE_ONLY_SECRETS: Record<string, string> = {
  wo_db_password: 'e2e-write-only-db-3f9c1a',
  wo_api_token: 'e2e-write-only-token-7b2e4d',
  wo_webhook_token: 'e2e-write-only-hook-51c0aa',
  wo_ssh_key: '-----BEGIN OPENSSH PRIVATE KEY-----\ne2e-write-only-key-90d2e1\n-----END OPENSSH PRIVATE KEY-----\n',
};

/**
 * Tier 6: secrets written to write-only arguments (`value_wo`, `token_wo`),
 * applied with Terraform 1.11 or later: the platform gets them, the state
 * never holds them.
 */
export function buildWriteOnlyApp(app: App, target: Target): void {
  const stack = new TerraformStack(app, WRITE_ONLY_STACK);
  new TfeProvider(stack, 'tfe', { hostname: target.hostname });
  const secret = (name: string) => new TerraformVariable(stack, name, { type: 'string', sensitive: true }).stringValue;
  const org = new Organization(stack, 'Org', { name: target.organization, email: 'wo@e2e.example' });
  const ws = new Workspace(stack, 'Secrets', { organization: org, name: 'secrets', removalPolicy: RemovalPolicy.FORCE_DELETE });
  ws.addVariable('Db', { key: 'db_password', value: VariableValue.fromReference(secret('wo_db_password')), sensitive: true, writeOnly: true });
  ws.addVariable('Token', {
    key: 'API_TOKEN', value: VariableValue.fromReference(secret('wo_api_token')), category: VariableCategory.ENV, sensitive: true, writeOnly: true,
  });
  ws.addNotification('Hook', {
    name: 'signed-hook',
    destination: NotificationDestination.generic('https://hooks.e2e.invalid/tfe', { token: secret('wo_webhook_token'), writeOnly: true }),
    enabled: false,
  });
  new SshKey(stack, 'ModulesKey', { organization: org, name: 'modules-key', privateKey: secret('wo_ssh_key'), writeOnly: true });
}

/** The sharded app (tier 8): its platform's id, workspaces, and the one the second step moves. */
export const SHARDED_PLATFORM = 'scale';
export const SHARDED_STACKS = ['bootstrap', 'core', 'shard-0', 'shard-1'].map((s) => `${SHARDED_PLATFORM}-${s}`);
export const SHARDED_WORKSPACES = ['svc-api', 'svc-web', 'svc-jobs', 'svc-db', 'svc-mail', 'svc-auth'];
export const MOVED_WORKSPACE = 'svc-api';

/** The steps of the sharded app. */
export enum ShardStep {
  /** Every workspace where the hash puts it. */
  INITIAL = 'initial',
  /** MOVED_WORKSPACE pinned to the other shard, with the previous layout given: it moves. */
  MOVED = 'moved',
}

/**
 * Tier 8: a platform sharded into a core and two shards. The core holds a
 * variable set and a shared workspace; each shard's workspaces use the set
 * and are triggered by the shared workspace (references the shards read from
 * the core's state). The management workspaces run locally (OTF has no
 * Terraform to run them) and share the core's state globally (OTF serves no
 * remote-state-consumers API).
 */
export function buildShardedApp(app: App, target: Target, step: ShardStep): ShardedPlatform {
  const home = new ShardedPlatform(new App(), SHARDED_PLATFORM, { organizationName: target.organization, shards: 2 }).shardOf(MOVED_WORKSPACE);
  const platform = new ShardedPlatform(app, SHARDED_PLATFORM, {
    organizationName: target.organization,
    hostname: target.hostname,
    shards: 2,
    assignments: step === ShardStep.MOVED ? { [MOVED_WORKSPACE]: 1 - home } : undefined,
    previousLayout: step === ShardStep.MOVED ? { shards: 2 } : undefined,
    managementWorkspaceSettings: { executionMode: ExecutionMode.local(), removalPolicy: RemovalPolicy.FORCE_DELETE },
    globalRemoteState: true,
  });
  const org = platform.organizationIn(platform.core);
  const defaults = new VariableSet(platform.core, 'Defaults', { organization: org, name: 'defaults' });
  defaults.addVariable('Owner', { key: 'owner', value: VariableValue.string('platform') });
  const network = new Workspace(platform.core, 'Network', {
    organization: org, name: 'shared-network', executionMode: ExecutionMode.local(), removalPolicy: RemovalPolicy.FORCE_DELETE,
  });
  for (const name of SHARDED_WORKSPACES) {
    const ws = platform.addWorkspace(name, {
      name, removalPolicy: RemovalPolicy.FORCE_DELETE, terraformVariables: { region: 'eu-west-1' }, environmentVariables: { TZ: 'UTC' },
    });
    ws.addVariableSet(defaults);
    // A run trigger's import ID is its own ID, which a move cannot look up: the moved workspace has none.
    if (name !== MOVED_WORKSPACE) ws.triggeredBy(network);
  }
  return platform;
}

/** The stack of the fleet tiers. */
export const FLEET_STACK = 'fleet';

/** The steps of the fleet app. */
export enum FleetStep {
  /** A WorkspaceGroup and a Workspace, one resource block per object. */
  PER_OBJECT = 'per-object',
  /** The same objects in a WorkspaceFleet, moved from the addresses above. */
  COMPACT = 'compact',
}

/**
 * Tier 8: a family and a workspace, first per object, then switched into a
 * WorkspaceFleet with `movedFrom`.
 */
export function buildFleetApp(app: App, target: Target, step: FleetStep): void {
  const stack = new TerraformStack(app, FLEET_STACK);
  new TfeProvider(stack, 'tfe', { hostname: target.hostname });
  const org = new Organization(stack, 'Org', { name: target.organization, email: 'fleet@e2e.example' });
  const shared = { region: 'eu-west-1', owner: 'platform' };
  if (step === FleetStep.PER_OBJECT) {
    new WorkspaceGroup(stack, 'Fam', {
      organization: org,
      prefix: 'fam-',
      members: [{ shortName: 'dev', terraformVariables: { size: 'small' } }, { shortName: 'prod' }],
      settings: { removalPolicy: RemovalPolicy.FORCE_DELETE, autoApply: true },
      terraformVariables: shared,
      environmentVariables: { TZ: 'UTC' },
    });
    new Workspace(stack, 'Solo', { organization: org, name: 'solo', removalPolicy: RemovalPolicy.FORCE_DELETE, description: 'Runs ${nothing}', terraformVariables: shared });
    return;
  }
  const fleet = new WorkspaceFleet(stack, 'Fleet', { organization: org, removalPolicy: RemovalPolicy.FORCE_DELETE });
  fleet.addGroup({
    prefix: 'fam-',
    members: [{ shortName: 'dev', terraformVariables: { size: 'small' } }, { shortName: 'prod' }],
    autoApply: true,
    terraformVariables: shared,
    environmentVariables: { TZ: 'UTC' },
    movedFrom: 'Fam',
  });
  fleet.addWorkspace({ name: 'solo', description: 'Runs ${nothing}', terraformVariables: shared, movedFrom: 'Solo' });
}

/**
 * Tier 8: the same N workspaces (families of three and single workspaces,
 * three Terraform and one environment variable each) per object or as a
 * WorkspaceFleet, to compare their plans.
 */
export function buildCompareApp(app: App, target: Target, compact: boolean, n: number): void {
  const stack = new TerraformStack(app, FLEET_STACK);
  new TfeProvider(stack, 'tfe', { hostname: target.hostname });
  const org = new Organization(stack, 'Org', { name: target.organization, email: 'compare@e2e.example' });
  const fleet = compact ? new WorkspaceFleet(stack, 'Fleet', { organization: org, removalPolicy: RemovalPolicy.FORCE_DELETE }) : undefined;
  const variables = (name: string) => ({ region: 'eu-west-1', owner: `team-of-${name}`, size: String(name.length) });
  const groups = Math.floor(n * 0.6 / 3);
  const members = ['dev', 'staging', 'prod'];
  for (let g = 0; g < groups; g++) {
    const prefix = `svc${g}-`;
    const memberProps = members.map((shortName) => ({ shortName, terraformVariables: variables(`${prefix}${shortName}`) }));
    if (fleet) {fleet.addGroup({ prefix, members: memberProps, environmentVariables: { TZ: 'UTC' }, autoApply: g % 2 === 0 });} else {
      new WorkspaceGroup(stack, `Group${g}`, {
        organization: org,
        prefix,
        members: memberProps.map((m) => ({ shortName: m.shortName, terraformVariables: m.terraformVariables })),
        environmentVariables: { TZ: 'UTC' },
        settings: { autoApply: g % 2 === 0, removalPolicy: RemovalPolicy.FORCE_DELETE },
      });
    }
  }
  for (let i = 0; i < n - groups * 3; i++) {
    const name = `app${i}`;
    if (fleet) {fleet.addWorkspace({ name, terraformVariables: variables(name), environmentVariables: { TZ: 'UTC' }, description: `App ${i}` });} else {
      new Workspace(stack, name, {
        organization: org, name, terraformVariables: variables(name), environmentVariables: { TZ: 'UTC' }, description: `App ${i}`, removalPolicy: RemovalPolicy.FORCE_DELETE,
      });
    }
  }
}
