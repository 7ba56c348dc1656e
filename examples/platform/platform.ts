/**
 * The example platform: an organization with its teams, tokens, projects and
 * workspaces, and an application stack bound to one of those workspaces.
 * `main.ts` synthesizes it; the tests lock its resource addresses.
 */
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  Entitlement,
  Entitlements,
  ExecutionMode,
  NotificationDestination,
  NotificationTrigger,
  EnforcementLevel,
  OAuthClient,
  Organization,
  OrganizationAccess,
  Policy,
  PolicyKind,
  PolicySet,
  PolicySource,
  ProjectAccess,
  RunCredentials,
  RunWorkflow,
  VariableCategory,
  VariableSet,
  VariableValue,
  VcsProvider,
  Workspace,
  WorkspaceAccess,
  WorkspaceGroup,
  WorkspaceStateVersionsPermission, DynamicCredentials,
} from '../../src';

const HOSTNAME = process.env.TFE_HOSTNAME ?? 'app.terraform.io';
const ORGANIZATION = process.env.TFE_ORGANIZATION ?? 'acme-platform';

/**
 * Options of the example platform.
 */
export interface PlatformOptions {
  /**
   * The order in which teams are granted access and policy sets attached:
   * as written, or reversed. The addresses do not depend on it (each grant
   * and attachment is named after what it connects); the tests check that.
   * @default 'as-written'
   */
  readonly connectionOrder?: 'as-written' | 'reversed';
}

/**
 * The platform team's stack: everything the organization is made of.
 */
export class PlatformStack extends TerraformStack {
  public readonly paymentsApi: Workspace;
  public readonly networking: WorkspaceGroup;

  constructor(scope: Construct, id: string, options: PlatformOptions = {}) {
    super(scope, id);
    new TfeProvider(this, 'tfe', { hostname: HOSTNAME });

    // Secrets arrive as sensitive variables, never as literals in the program.
    const githubToken = new TerraformVariable(this, 'github_token', {
      type: 'string',
      sensitive: true,
      description: 'OAuth token of the GitHub machine user that reads the repositories',
    });
    const slackWebhook = new TerraformVariable(this, 'slack_webhook_url', {
      type: 'string',
      sensitive: true,
      description: 'Slack incoming-webhook URL for the payments channel (a credential)',
    });
    const datadogApiKey = new TerraformVariable(this, 'datadog_api_key', {
      type: 'string',
      sensitive: true,
      description: 'Datadog API key for the payments workspaces',
    });

    // --- Organization, members, teams, tokens -------------------------------
    const acme = new Organization(this, 'Acme', {
      name: ORGANIZATION,
      email: 'platform@acme.example',
      assessmentsEnforced: true,
      // What the subscription includes: features beyond it fail at synth, not with a 404 at apply.
      entitlements: Entitlements.teamAndGovernance().with([Entitlement.SSO]),
    });

    const alice = acme.inviteMember('Alice', { email: 'alice@acme.example' });
    const bob = acme.inviteMember('Bob', { email: 'bob@acme.example' });
    const carol = acme.inviteMember('Carol', { email: 'carol@acme.example' });

    const admins = acme.addTeam('PlatformAdmins', {
      name: 'platform-admins',
      organizationAccess: OrganizationAccess.administrator(),
      members: [alice],
    });
    const developers = acme.addTeam('Developers', {
      name: 'developers',
      organizationAccess: OrganizationAccess.readOnly(),
      members: [bob, carol],
    });
    const auditors = acme.addTeam('Auditors', {
      name: 'auditors',
      organizationAccess: OrganizationAccess.custom({ readWorkspaces: true, readProjects: true }),
      ssoTeamId: 'okta-group-auditors',
    });
    const deployers = acme.addTeam('Deployers', {
      name: 'ci-deployers',
      organizationAccess: OrganizationAccess.none(),
    });

    // The CI pipeline's credentials: a described team token that expires.
    const ciToken = deployers.addToken('CiToken', { description: 'github-actions', expiresAt: '2027-06-30T00:00:00Z' });
    ciToken.createOutput('ci_token');
    deployers.addToken('LegacyToken');
    // The organization token manages the organization; it cannot run applies.
    acme.addToken('OrgToken').createOutput('organization_token');
    void admins;

    // --- Projects ------------------------------------------------------------
    const platform = acme.addProject('PlatformProject', { name: 'platform', description: 'Shared infrastructure' });
    const payments = acme.addProject('PaymentsProject', { name: 'payments', tags: { cost_center: 'cc-1234' } });

    // --- VCS connection --------------------------------------------------------
    const github = new OAuthClient(this, 'GitHub', {
      organization: acme,
      serviceProvider: VcsProvider.GITHUB,
      oauthToken: githubToken.stringValue,
    });

    // --- A prefix family, VCS-driven, promoted dev -> staging -> prod ---------
    this.networking = new WorkspaceGroup(this, 'Networking', {
      organization: acme,
      prefix: 'networking-',
      members: [
        { shortName: 'dev', settings: { autoApply: true } },
        { shortName: 'staging' },
        { shortName: 'prod', variables: [{ key: 'instance_count', value: VariableValue.number(6) }] },
      ],
      settings: {
        project: platform,
        terraformVersion: '~> 1.9.0',
        executionMode: ExecutionMode.remote(),
        runWorkflow: RunWorkflow.vcs({
          connection: github,
          repository: 'acme/networking',
          branch: 'main',
          triggerPrefixes: ['modules/'],
        }),
      },
      variables: [
        { key: 'instance_count', value: VariableValue.number(2) },
        { key: 'cidr_blocks', value: VariableValue.list(['10.0.0.0/16', '10.1.0.0/16']) },
      ],
      promotion: true,
    });

    // --- A CLI-driven workspace, bound as the application stack's backend -----
    this.paymentsApi = new Workspace(this, 'PaymentsApi', {
      organization: acme,
      name: 'payments-api',
      project: payments,
      description: 'The payments API, deployed from CI with cdktf deploy',
      runWorkflow: RunWorkflow.cliDriven(),
      executionMode: ExecutionMode.local(),
      tagNames: ['payments', 'tier:1'],
    });
    this.paymentsApi.addVariable('Region', { key: 'region', value: VariableValue.string('eu-west-1') });
    this.paymentsApi.addVariable('Replicas', { key: 'replicas', value: VariableValue.number(3) });
    this.paymentsApi.addVariable('Canary', { key: 'canary_enabled', value: VariableValue.boolean(false) });
    this.paymentsApi.addVariable('Labels', {
      key: 'labels',
      value: VariableValue.map({ 'team': 'payments', 'owner:email': 'payments@acme.example', 'motd': 'say "hi"\n${not_interpolated}' }),
    });
    this.paymentsApi.addVariable('Subnets', { key: 'subnet_ids', value: VariableValue.hcl('["subnet-1", "subnet-2"]') });
    this.paymentsApi.addVariable('LogLevel', { key: 'TF_LOG', value: VariableValue.string('INFO'), category: VariableCategory.ENV });
    this.paymentsApi.addVariable('DatadogKey', {
      key: 'DD_API_KEY',
      value: VariableValue.fromReference(datadogApiKey.stringValue),
      category: VariableCategory.ENV,
      sensitive: true,
      description: 'Datadog API key',
    });
    // The CI token, as run credentials for the workspace's own runs of other workspaces.
    this.paymentsApi.addVariable('TfeToken', {
      key: 'TFE_TOKEN',
      value: VariableValue.fromReference(RunCredentials.fromToken(ciToken).tokenValue),
      category: VariableCategory.ENV,
      sensitive: true,
    });
    this.networking.member('prod').shareStateWith(this.paymentsApi);
    this.paymentsApi.addNotification('Slack', {
      name: 'payments-slack',
      destination: NotificationDestination.slack(slackWebhook.stringValue),
      triggers: [NotificationTrigger.RUN_ERRORED, NotificationTrigger.RUN_NEEDS_ATTENTION],
    });
    // Short-lived AWS credentials for every run, a read-only role for plans.
    this.paymentsApi.addDynamicCredentials(DynamicCredentials.aws({
      runRoleArn: 'arn:aws:iam::123456789012:role/payments-api',
      planRoleArn: 'arn:aws:iam::123456789012:role/payments-api-readonly',
    }));

    // --- A variable set for every payments workspace --------------------------
    const paymentsDefaults = new VariableSet(this, 'PaymentsDefaults', {
      organization: acme,
      name: 'payments-defaults',
      description: 'Defaults for every workspace of the payments project',
      projects: [payments],
    });
    paymentsDefaults.addVariable('Environment', { key: 'environment', value: VariableValue.string('production') });

    // --- Policies ----------------------------------------------------------------
    // Sentinel, hard-mandatory, on the production member of the networking family:
    // a failing check blocks the apply and cannot be overridden.
    const noOpenIngress = new Policy(this, 'NoOpenIngress', {
      organization: acme,
      name: 'no-open-ingress',
      description: 'Security groups must not allow 0.0.0.0/0 ingress',
      kind: PolicyKind.SENTINEL,
      source: PolicySource.inline([
        'import "tfplan/v2" as tfplan',
        'rules = filter tfplan.resource_changes as _, rc { rc.type is "aws_security_group_rule" }',
        'main = rule { all rules as _, rc { "0.0.0.0/0" not in (rc.change.after.cidr_blocks else []) } }',
      ].join('\n')),
      enforcementLevel: EnforcementLevel.SENTINEL_HARD_MANDATORY,
    });
    const productionGuardrails = new PolicySet(this, 'ProductionGuardrails', {
      organization: acme,
      name: 'production-guardrails',
      kind: PolicyKind.SENTINEL,
      policies: [noOpenIngress],
    });

    // OPA, mandatory, on every workspace of the payments project.
    const requireTags = new Policy(this, 'RequireCostCenter', {
      organization: acme,
      name: 'require-cost-center',
      kind: PolicyKind.OPA,
      query: 'data.terraform.policies.deny',
      source: PolicySource.inline([
        'package terraform.policies',
        'deny[msg] { r := input.resource_changes[_]; not r.change.after.tags.cost_center; msg := sprintf("%s has no cost_center tag", [r.address]) }',
      ].join('\n')),
      enforcementLevel: EnforcementLevel.OPA_MANDATORY,
    });
    const paymentsPolicies = new PolicySet(this, 'PaymentsPolicies', {
      organization: acme,
      name: 'payments-policies',
      kind: PolicyKind.OPA,
      policies: [requireTags],
      overridable: false,
    });

    // --- Who may do what, and what runs after what ------------------------------
    // Each grant, attachment and run trigger is named after what it connects (the
    // team's, workspace's or project's name), never after the order of these
    // calls: the address tests make them in reverse and expect the same plan.
    const connections: Array<() => unknown> = [
      () => platform.grantAccess(admins, ProjectAccess.ADMIN),
      () => payments.grantAccess(developers, ProjectAccess.WRITE),
      () => payments.grantAccess(auditors, ProjectAccess.custom({
        workspaces: { stateVersions: WorkspaceStateVersionsPermission.READ_OUTPUTS },
      })),
      () => this.networking.grantAccess(admins, WorkspaceAccess.ADMIN),
      () => this.networking.grantAccess(developers, WorkspaceAccess.PLAN),
      () => this.paymentsApi.grantAccess(developers, WorkspaceAccess.WRITE),
      () => this.paymentsApi.grantAccess(deployers, WorkspaceAccess.WRITE),
      () => this.paymentsApi.grantAccess(auditors, WorkspaceAccess.custom({ stateVersions: WorkspaceStateVersionsPermission.READ_OUTPUTS })),
      () => this.paymentsApi.triggeredBy(this.networking.member('prod')),
      () => productionGuardrails.attachTo(this.networking.member('prod')),
      () => paymentsPolicies.attachToProject(payments),
    ];
    if (options.connectionOrder === 'reversed') connections.reverse();
    for (const connect of connections) connect();
  }
}

/**
 * The payments team's application stack, whose state lives in the
 * `payments-api` workspace (remote backend, by name).
 */
export class PaymentsAppStack extends TerraformStack {
  constructor(scope: Construct, id: string, platform: PlatformStack) {
    super(scope, id);
    platform.paymentsApi.bindBackend(this);
    new TerraformOutput(this, 'deployed_by', { value: 'cdktf deploy payments-app' });
  }
}

/**
 * Adds the example's stacks to an app.
 */
export function buildPlatform(app: Construct, options: PlatformOptions = {}): { platform: PlatformStack; paymentsApp: PaymentsAppStack } {
  const platform = new PlatformStack(app, 'platform', options);
  const paymentsApp = new PaymentsAppStack(app, 'payments-app', platform);
  return { platform, paymentsApp };
}
