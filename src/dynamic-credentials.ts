import { IConstruct } from 'constructs';
import { Token } from './private/framework';
import { holderOf, identityOf } from './private/registry';
import { httpUrl } from './private/urls';
import { fail, literal, quote, synthProblem, violation, warn } from './private/validation';
import { VariableCategory, VariableOptions } from './variable';
import { VariableValue } from './variable-value';

/**
 * Dynamic credentials for the AWS provider: runs assume an IAM role through
 * HCP Terraform's OpenID Connect tokens.
 */
export interface AwsDynamicCredentialsOptions {
  /**
   * The IAM role runs assume (`TFC_AWS_RUN_ROLE_ARN`), e.g.
   * `arn:aws:iam::123456789012:role/tfc-deploy`.
   * @default - none; then both `planRoleArn` and `applyRoleArn` are required
   */
  readonly runRoleArn?: string;

  /**
   * The role plans assume instead (`TFC_AWS_PLAN_ROLE_ARN`), e.g. a read-only one.
   * @default - `runRoleArn`
   */
  readonly planRoleArn?: string;

  /**
   * The role applies assume instead (`TFC_AWS_APPLY_ROLE_ARN`).
   * @default - `runRoleArn`
   */
  readonly applyRoleArn?: string;

  /**
   * The audience of the token (`TFC_AWS_WORKLOAD_IDENTITY_AUDIENCE`), as the
   * IAM identity provider expects it.
   * @default - the platform's default, `aws.workload.identity`
   */
  readonly audience?: string;
}

/**
 * Dynamic credentials for the AzureRM and AzureAD providers: runs sign in as
 * an application registration (or managed identity) with a federated credential.
 */
export interface AzureDynamicCredentialsOptions {
  /**
   * The client ID (a GUID) runs sign in as (`TFC_AZURE_RUN_CLIENT_ID`).
   * @default - none; then both `planClientId` and `applyClientId` are required
   */
  readonly runClientId?: string;

  /**
   * The client ID plans sign in as instead (`TFC_AZURE_PLAN_CLIENT_ID`).
   * @default - `runClientId`
   */
  readonly planClientId?: string;

  /**
   * The client ID applies sign in as instead (`TFC_AZURE_APPLY_CLIENT_ID`).
   * @default - `runClientId`
   */
  readonly applyClientId?: string;

  /**
   * The audience of the token (`TFC_AZURE_WORKLOAD_IDENTITY_AUDIENCE`).
   * @default - the platform's default, `api://AzureADTokenExchange`
   */
  readonly audience?: string;
}

/**
 * Dynamic credentials for the Google provider: runs impersonate a service
 * account through a workload identity pool. Give the pool's provider either
 * by its full name, or by project number, pool ID and provider ID.
 */
export interface GcpDynamicCredentialsOptions {
  /**
   * The workload identity provider's full name
   * (`TFC_GCP_WORKLOAD_PROVIDER_NAME`), e.g.
   * `projects/123456789/locations/global/workloadIdentityPools/tfc/providers/tfc`.
   * @default - none; then `projectNumber`, `workloadPoolId` and `workloadProviderId` are required
   */
  readonly workloadProviderName?: string;

  /**
   * The number of the project that holds the pool (`TFC_GCP_PROJECT_NUMBER`).
   * @default - none (see `workloadProviderName`)
   */
  readonly projectNumber?: string;

  /**
   * The workload identity pool's ID (`TFC_GCP_WORKLOAD_POOL_ID`).
   * @default - none (see `workloadProviderName`)
   */
  readonly workloadPoolId?: string;

  /**
   * The pool provider's ID (`TFC_GCP_WORKLOAD_PROVIDER_ID`).
   * @default - none (see `workloadProviderName`)
   */
  readonly workloadProviderId?: string;

  /**
   * The service account runs impersonate (`TFC_GCP_RUN_SERVICE_ACCOUNT_EMAIL`).
   * @default - none; then both `planServiceAccountEmail` and `applyServiceAccountEmail` are required
   */
  readonly runServiceAccountEmail?: string;

  /**
   * The service account plans impersonate instead (`TFC_GCP_PLAN_SERVICE_ACCOUNT_EMAIL`).
   * @default - `runServiceAccountEmail`
   */
  readonly planServiceAccountEmail?: string;

  /**
   * The service account applies impersonate instead (`TFC_GCP_APPLY_SERVICE_ACCOUNT_EMAIL`).
   * @default - `runServiceAccountEmail`
   */
  readonly applyServiceAccountEmail?: string;

  /**
   * The audience of the token (`TFC_GCP_WORKLOAD_IDENTITY_AUDIENCE`).
   * @default - the platform's default, derived from the provider's name
   */
  readonly audience?: string;
}

/**
 * Dynamic credentials for the Vault provider: runs log in to Vault with
 * HCP Terraform's token through a JWT auth method and role.
 */
export interface VaultDynamicCredentialsOptions {
  /**
   * Vault's address (`TFC_VAULT_ADDR`), e.g. `https://vault.acme.example:8200`.
   */
  readonly address: string;

  /**
   * The JWT auth role runs log in with (`TFC_VAULT_RUN_ROLE`).
   * @default - none; then both `planRole` and `applyRole` are required
   */
  readonly runRole?: string;

  /**
   * The role plans log in with instead (`TFC_VAULT_PLAN_ROLE`).
   * @default - `runRole`
   */
  readonly planRole?: string;

  /**
   * The role applies log in with instead (`TFC_VAULT_APPLY_ROLE`).
   * @default - `runRole`
   */
  readonly applyRole?: string;

  /**
   * The Vault namespace (`TFC_VAULT_NAMESPACE`; Vault Enterprise and HCP Vault).
   * @default - the root namespace
   */
  readonly namespace?: string;

  /**
   * The mount path of the JWT auth method (`TFC_VAULT_AUTH_PATH`).
   * @default - the platform's default, `jwt`
   */
  readonly authPath?: string;

  /**
   * The audience of the token (`TFC_VAULT_WORKLOAD_IDENTITY_AUDIENCE`).
   * @default - the platform's default, `vault.workload.identity`
   */
  readonly audience?: string;

  /**
   * A PEM-encoded CA certificate, base64-encoded, with which runs check Vault's
   * TLS certificate (`TFC_VAULT_ENCODED_CACERT`).
   * @default - the system's trusted certificates
   */
  readonly encodedCaCert?: string;
}

/** Environment variables that hold static credentials of each cloud: never next to its dynamic credentials. */
const STATIC_CREDENTIALS: Record<string, string[]> = {
  aws: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
  azure: ['ARM_CLIENT_SECRET', 'ARM_CLIENT_CERTIFICATE_PATH', 'ARM_CLIENT_CERTIFICATE_PASSWORD'],
  gcp: ['GOOGLE_CREDENTIALS', 'GOOGLE_APPLICATION_CREDENTIALS', 'GOOGLE_OAUTH_ACCESS_TOKEN'],
  vault: ['VAULT_TOKEN'],
};

/** The credentials written on each target. */
const writtenOn = new WeakMap<IConstruct, DynamicCredentials[]>();

const PREFIX: Record<string, string> = { aws: 'TFC_AWS', azure: 'TFC_AZURE', gcp: 'TFC_GCP', vault: 'TFC_VAULT' };

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SERVICE_ACCOUNT = /^[^@\s]+@[a-z0-9][a-z0-9.-]*\.gserviceaccount\.com$/;
const GCP_PROVIDER_NAME = /^projects\/\d+\/locations\/global\/workloadIdentityPools\/[a-z0-9-]+\/providers\/[a-z0-9-]+$/;

/**
 * Dynamic provider credentials: the environment variables with which
 * HCP Terraform and Terraform Enterprise give each run short-lived cloud
 * credentials through OpenID Connect, instead of static keys. Write them on
 * a workspace (`workspace.addDynamicCredentials(...)`), on every member of a
 * group, or on a variable set.
 *
 * See https://developer.hashicorp.com/terraform/cloud-docs/workspaces/dynamic-provider-credentials
 * (the pages for AWS, Azure, Google Cloud and Vault list these variables).
 *
 * @example
 * api.addDynamicCredentials(DynamicCredentials.aws({
 *   runRoleArn: 'arn:aws:iam::123456789012:role/tfc-api',
 *   planRoleArn: 'arn:aws:iam::123456789012:role/tfc-api-readonly',
 * }));
 */
export class DynamicCredentials {
  /**
   * AWS: `TFC_AWS_PROVIDER_AUTH` and the roles of runs, plans and applies.
   */
  public static aws(options: AwsDynamicCredentialsOptions): DynamicCredentials {
    const where = 'DynamicCredentials.aws';
    checkRoles(where, 'runRoleArn', options.runRoleArn, options.planRoleArn, options.applyRoleArn, 'planRoleArn', 'applyRoleArn');
    for (const [name, value] of [['runRoleArn', options.runRoleArn], ['planRoleArn', options.planRoleArn], ['applyRoleArn', options.applyRoleArn]] as const) {
      checkLiteral(where, 'TFE-DPC-002', name, value, ROLE_ARN,
        'an IAM role ARN looks like "arn:aws:iam::123456789012:role/tfc-deploy" (partition, 12-digit account, role name)');
    }
    return new DynamicCredentials('aws', [
      ['TFC_AWS_PROVIDER_AUTH', 'true'],
      ['TFC_AWS_RUN_ROLE_ARN', options.runRoleArn],
      ['TFC_AWS_PLAN_ROLE_ARN', options.planRoleArn],
      ['TFC_AWS_APPLY_ROLE_ARN', options.applyRoleArn],
      ['TFC_AWS_WORKLOAD_IDENTITY_AUDIENCE', options.audience],
    ], [['planRoleArn', options.planRoleArn], ['applyRoleArn', options.applyRoleArn]], options.runRoleArn);
  }

  /**
   * Azure: `TFC_AZURE_PROVIDER_AUTH` and the client IDs of runs, plans and applies.
   */
  public static azure(options: AzureDynamicCredentialsOptions): DynamicCredentials {
    const where = 'DynamicCredentials.azure';
    checkRoles(where, 'runClientId', options.runClientId, options.planClientId, options.applyClientId, 'planClientId', 'applyClientId');
    for (const [name, value] of [['runClientId', options.runClientId], ['planClientId', options.planClientId], ['applyClientId', options.applyClientId]] as const) {
      checkLiteral(where, 'TFE-DPC-003', name, value, GUID, 'a client ID is a GUID like "00000000-0000-0000-0000-000000000000" (the application\'s or identity\'s client ID)');
    }
    return new DynamicCredentials('azure', [
      ['TFC_AZURE_PROVIDER_AUTH', 'true'],
      ['TFC_AZURE_RUN_CLIENT_ID', options.runClientId],
      ['TFC_AZURE_PLAN_CLIENT_ID', options.planClientId],
      ['TFC_AZURE_APPLY_CLIENT_ID', options.applyClientId],
      ['TFC_AZURE_WORKLOAD_IDENTITY_AUDIENCE', options.audience],
    ], [['planClientId', options.planClientId], ['applyClientId', options.applyClientId]], options.runClientId);
  }

  /**
   * Google Cloud: `TFC_GCP_PROVIDER_AUTH`, the workload identity provider, and
   * the service accounts of runs, plans and applies.
   */
  public static gcp(options: GcpDynamicCredentialsOptions): DynamicCredentials {
    const where = 'DynamicCredentials.gcp';
    checkRoles(where, 'runServiceAccountEmail', options.runServiceAccountEmail, options.planServiceAccountEmail, options.applyServiceAccountEmail,
      'planServiceAccountEmail', 'applyServiceAccountEmail');
    for (const [name, value] of [
      ['runServiceAccountEmail', options.runServiceAccountEmail],
      ['planServiceAccountEmail', options.planServiceAccountEmail],
      ['applyServiceAccountEmail', options.applyServiceAccountEmail],
    ] as const) {
      checkLiteral(where, 'TFE-DPC-004', name, value, SERVICE_ACCOUNT, 'a service account email looks like "tfc-deploy@my-project.iam.gserviceaccount.com"');
    }
    const parts = [options.projectNumber, options.workloadPoolId, options.workloadProviderId];
    const byParts = parts.some((p) => p !== undefined);
    if ((options.workloadProviderName === undefined) === !byParts || (byParts && parts.some((p) => p === undefined))) {
      fail(where, 'TFE-DPC-005',
        'the workload identity provider is given as neither or both of workloadProviderName and projectNumber/workloadPoolId/workloadProviderId ' +
        `(got workloadProviderName ${quote(options.workloadProviderName)}, projectNumber ${quote(options.projectNumber)}, workloadPoolId ` +
        `${quote(options.workloadPoolId)}, workloadProviderId ${quote(options.workloadProviderId)}): give the full provider name, or all three parts.`);
    }
    checkLiteral(where, 'TFE-DPC-005', 'workloadProviderName', options.workloadProviderName, GCP_PROVIDER_NAME,
      'a workload identity provider name looks like "projects/123456789/locations/global/workloadIdentityPools/tfc-pool/providers/tfc-provider"');
    checkLiteral(where, 'TFE-DPC-005', 'projectNumber', options.projectNumber, /^\d+$/, 'a project number is digits, e.g. "123456789" (not the project ID)');
    return new DynamicCredentials('gcp', [
      ['TFC_GCP_PROVIDER_AUTH', 'true'],
      ['TFC_GCP_WORKLOAD_PROVIDER_NAME', options.workloadProviderName],
      ['TFC_GCP_PROJECT_NUMBER', options.projectNumber],
      ['TFC_GCP_WORKLOAD_POOL_ID', options.workloadPoolId],
      ['TFC_GCP_WORKLOAD_PROVIDER_ID', options.workloadProviderId],
      ['TFC_GCP_RUN_SERVICE_ACCOUNT_EMAIL', options.runServiceAccountEmail],
      ['TFC_GCP_PLAN_SERVICE_ACCOUNT_EMAIL', options.planServiceAccountEmail],
      ['TFC_GCP_APPLY_SERVICE_ACCOUNT_EMAIL', options.applyServiceAccountEmail],
      ['TFC_GCP_WORKLOAD_IDENTITY_AUDIENCE', options.audience],
    ], [['planServiceAccountEmail', options.planServiceAccountEmail], ['applyServiceAccountEmail', options.applyServiceAccountEmail]], options.runServiceAccountEmail);
  }

  /**
   * Vault: `TFC_VAULT_PROVIDER_AUTH`, the address, and the roles of runs,
   * plans and applies.
   */
  public static vault(options: VaultDynamicCredentialsOptions): DynamicCredentials {
    const where = 'DynamicCredentials.vault';
    checkRoles(where, 'runRole', options.runRole, options.planRole, options.applyRole, 'planRole', 'applyRole');
    const address = literal(options.address);
    if (options.address === undefined || (address !== undefined && !httpUrl(address))) {
      fail(where, 'TFE-DPC-006', `address ${quote(options.address)} is not a URL: give Vault's address, e.g. "https://vault.acme.example:8200".`);
    }
    const credentials = new DynamicCredentials('vault', [
      ['TFC_VAULT_PROVIDER_AUTH', 'true'],
      ['TFC_VAULT_ADDR', options.address],
      ['TFC_VAULT_NAMESPACE', options.namespace],
      ['TFC_VAULT_AUTH_PATH', options.authPath],
      ['TFC_VAULT_RUN_ROLE', options.runRole],
      ['TFC_VAULT_PLAN_ROLE', options.planRole],
      ['TFC_VAULT_APPLY_ROLE', options.applyRole],
      ['TFC_VAULT_WORKLOAD_IDENTITY_AUDIENCE', options.audience],
      ['TFC_VAULT_ENCODED_CACERT', options.encodedCaCert],
    ], [['planRole', options.planRole], ['applyRole', options.applyRole]], options.runRole);
    credentials.plainHttp = address?.startsWith('http:') ?? false;
    return credentials;
  }

  /**
   * The dynamic credentials written on `target` (a workspace or a variable
   * set), in the order they were added.
   * @internal
   */
  public static _on(target: IConstruct): DynamicCredentials[] {
    return [...writtenOn.get(target) ?? []];
  }

  /**
   * The cloud: `aws`, `azure`, `gcp` or `vault`.
   */
  public readonly cloud: string;

  /**
   * The environment variables written, by name (unset options are left out).
   */
  public readonly variables: { [key: string]: string };

  private plainHttp = false;

  private constructor(
    cloud: string,
    variables: Array<[string, string | undefined]>,
    private readonly phaseOverrides: Array<[string, string | undefined]>,
    private readonly runIdentity: string | undefined,
  ) {
    this.cloud = cloud;
    const set: { [key: string]: string } = {};
    for (const [key, value] of variables) if (value !== undefined) set[key] = value;
    this.variables = set;
  }

  /**
   * The identities, for the access report: e.g. `AWS role arn:...; plans: arn:...`.
   * @internal
   */
  public _describe(): string {
    const v = this.variables;
    const p = PREFIX[this.cloud];
    const [what, run, plan, apply] = {
      aws: ['AWS role', `${p}_RUN_ROLE_ARN`, `${p}_PLAN_ROLE_ARN`, `${p}_APPLY_ROLE_ARN`],
      azure: ['Azure client', `${p}_RUN_CLIENT_ID`, `${p}_PLAN_CLIENT_ID`, `${p}_APPLY_CLIENT_ID`],
      gcp: ['GCP service account', `${p}_RUN_SERVICE_ACCOUNT_EMAIL`, `${p}_PLAN_SERVICE_ACCOUNT_EMAIL`, `${p}_APPLY_SERVICE_ACCOUNT_EMAIL`],
      vault: [`Vault ${Token.isUnresolved(v.TFC_VAULT_ADDR ?? '') ? '' : v.TFC_VAULT_ADDR} role`, `${p}_RUN_ROLE`, `${p}_PLAN_ROLE`, `${p}_APPLY_ROLE`],
    }[this.cloud]!;
    const show = (x: string) => (Token.isUnresolved(x) ? '(a reference)' : x);
    const parts = [v[run] !== undefined ? `${what} ${show(v[run])}` : what];
    if (v[plan] !== undefined) parts.push(`plans: ${show(v[plan])}`);
    if (v[apply] !== undefined) parts.push(`applies: ${show(v[apply])}`);
    return parts.join('; ');
  }

  /**
   * Writes the variables on `target` through `addVariable`, after the checks
   * that need the target: one preset per cloud, no static credentials of the
   * same cloud on it (checked at synth, so variables added later count too).
   * @internal
   */
  public _addTo(target: IConstruct, addVariable: (id: string, options: VariableOptions) => unknown): void {
    const namespace = `variable-key:${identityOf(target)}:${VariableCategory.ENV}`;
    const authKey = `${PREFIX[this.cloud]}_PROVIDER_AUTH`;
    const earlier = holderOf(target, namespace, authKey);
    if (earlier !== undefined) {
      fail(target, 'TFE-DPC-009',
        `${this.cloud} dynamic credentials are already set on ${target.node.path} (${earlier} holds ${authKey}): a workspace or variable set takes one ` +
        `set of ${this.cloud} credentials; use planRole/applyRole options for phase-specific identities, or remove one.`);
    }
    for (const [name, value] of this.phaseOverrides) {
      if (value !== undefined && this.runIdentity !== undefined && literal(value) !== undefined && value === this.runIdentity) {
        warn(target, 'TFE-DPC-008',
          `${this.cloud} dynamic credentials: ${name} is the same as the run identity (${quote(value)}): a phase override equal to the run identity changes nothing; remove it.`);
      }
    }
    if (this.plainHttp) {
      warn(target, 'TFE-DPC-007',
        `Vault address ${quote(this.variables.TFC_VAULT_ADDR)} is plain http: the run's identity token and Vault's token travel unencrypted; use https.`);
    }
    for (const [key, value] of Object.entries(this.variables)) {
      addVariable(`DynamicCredentials-${key}`, { key, value: VariableValue.string(value), category: VariableCategory.ENV });
    }
    writtenOn.set(target, [...writtenOn.get(target) ?? [], this]);
    const statics = STATIC_CREDENTIALS[this.cloud];
    target.node.addValidation({
      validate: () => statics.flatMap((key) => {
        const holder = holderOf(target, namespace, key);
        return holder === undefined ? [] : [synthProblem(violation('TFE-DPC-010',
          `${target.node.path} has ${this.cloud} dynamic credentials and the static credential ${key} (${holder}): next to short-lived credentials ` +
          'a static one is at best unused and at worst preferred (the AWS provider, for one, takes AWS_ACCESS_KEY_ID from the environment first); ' +
          'remove the static credential.'))];
      }),
    });
  }
}

/** A run identity, or both phase identities, are given. */
function checkRoles(where: string, runName: string, run: string | undefined, plan: string | undefined, apply: string | undefined,
  planName: string, applyName: string): void {
  if (run === undefined && (plan === undefined || apply === undefined)) {
    fail(where, 'TFE-DPC-001',
      `neither ${runName} nor both ${planName} and ${applyName} are given (got ${planName} ${quote(plan)}, ${applyName} ${quote(apply)}): ` +
      `give ${runName} for every run, or both phase identities.`);
  }
}

/** A literal option has the form `form`; references (tokens) are the platform's to check. */
function checkLiteral(where: string, ruleId: 'TFE-DPC-002' | 'TFE-DPC-003' | 'TFE-DPC-004' | 'TFE-DPC-005', name: string,
  value: string | undefined, form: RegExp, hint: string): void {
  if (value === undefined) return;
  const text = literal(value);
  if (text !== undefined && !form.test(text)) fail(where, ruleId, `${name} ${quote(text)} is malformed: ${hint}.`);
}
