import { Construct, IConstruct } from 'constructs';
import type { IAgentPool } from './agent-pool';
import { Entitlement } from './entitlements';
import type { IOrganization } from './organization';
import { requireEntitlement } from './private/entitlements';
import { Token } from './private/framework';
import { DataTfeGithubAppInstallation, DataTfeOauthClient, ProjectOauthClient, TfeOauthClient } from './private/l1-classes';
import { memoized } from './private/memo';
import { checkForm } from './private/names';
import { connectionId, identityOf, sameIdentity, setIdentity } from './private/registry';
import { checkSecret } from './private/secrets';
import { text } from './private/text';
import { httpUrl as parseHttpUrl } from './private/urls';
import { checkString, fail, literal, quote, Violation, violation, warn } from './private/validation';
import type { IProject } from './project';

/**
 * A connection between the organization and a VCS provider, through which
 * workspaces and policy sets read repositories: an OAuth client's token or a
 * GitHub App installation.
 */
export interface IVcsConnection extends IConstruct {
  /**
   * The OAuth token ID (`ot-...`) to put in `vcs_repo.oauth_token_id`, for OAuth clients.
   * @attribute
   */
  readonly oauthTokenId?: string;

  /**
   * The GitHub App installation ID (`ghain-...`) to put in
   * `vcs_repo.github_app_installation_id`, for GitHub App installations.
   * @attribute
   */
  readonly githubAppInstallationId?: string;

  /**
   * The organization the connection belongs to; undefined for GitHub App
   * installations, which are not tied to one organization.
   */
  readonly organization?: IOrganization;
}

/**
 * The VCS providers an OAuth client connects to (the provider's `service_provider` values).
 */
export enum VcsProvider {
  /** GitHub.com (`github`). */
  GITHUB = 'github',
  /** GitHub Enterprise Server, self-hosted (`github_enterprise`). */
  GITHUB_ENTERPRISE = 'github_enterprise',
  /** GitLab.com (`gitlab_hosted`). */
  GITLAB_HOSTED = 'gitlab_hosted',
  /** GitLab Community Edition, self-managed (`gitlab_community_edition`). */
  GITLAB_COMMUNITY_EDITION = 'gitlab_community_edition',
  /** GitLab Enterprise Edition, self-managed (`gitlab_enterprise_edition`). */
  GITLAB_ENTERPRISE_EDITION = 'gitlab_enterprise_edition',
  /** Bitbucket Cloud (`bitbucket_hosted` in the API). */
  BITBUCKET_CLOUD = 'bitbucket_hosted',
  /** Bitbucket Data Center, self-hosted (`bitbucket_data_center`). */
  BITBUCKET_DATA_CENTER = 'bitbucket_data_center',
  /**
   * Bitbucket Server (`bitbucket_server`): deprecated by the provider, use
   * `BITBUCKET_DATA_CENTER`.
   */
  BITBUCKET_SERVER = 'bitbucket_server',
  /**
   * Azure DevOps Services (`ado_services`). The provider cannot create these
   * clients: create it in the UI and reference it with `OAuthClient.fromName`.
   */
  ADO_SERVICES = 'ado_services',
  /** Azure DevOps Server, self-hosted (`ado_server`). */
  ADO_SERVER = 'ado_server',
}

/** The public endpoints of the hosted providers: [apiUrl, httpUrl]. */
const HOSTED_ENDPOINTS: { [provider: string]: [string, string] } = {
  [VcsProvider.GITHUB]: ['https://api.github.com', 'https://github.com'],
  [VcsProvider.GITLAB_HOSTED]: ['https://gitlab.com/api/v4', 'https://gitlab.com'],
  [VcsProvider.BITBUCKET_CLOUD]: ['https://api.bitbucket.org', 'https://bitbucket.org'],
  [VcsProvider.ADO_SERVICES]: ['https://dev.azure.com', 'https://dev.azure.com'],
};

/** Example endpoints of the self-hosted providers, for error messages: [apiUrl, httpUrl]. */
const SELF_HOSTED_EXAMPLES: { [provider: string]: [string, string] } = {
  [VcsProvider.GITHUB_ENTERPRISE]: ['https://ghe.example.com/api/v3', 'https://ghe.example.com'],
  [VcsProvider.GITLAB_COMMUNITY_EDITION]: ['https://gitlab.example.com/api/v4', 'https://gitlab.example.com'],
  [VcsProvider.GITLAB_ENTERPRISE_EDITION]: ['https://gitlab.example.com/api/v4', 'https://gitlab.example.com'],
  [VcsProvider.BITBUCKET_DATA_CENTER]: ['https://bitbucket.example.com', 'https://bitbucket.example.com'],
  [VcsProvider.BITBUCKET_SERVER]: ['https://bitbucket.example.com', 'https://bitbucket.example.com'],
  [VcsProvider.ADO_SERVER]: ['https://ado.example.com', 'https://ado.example.com'],
};

/** Providers whose connection is made with a personal/project access token (`oauth_token`). */
const TOKEN_PROVIDERS = new Set<string>([
  VcsProvider.GITHUB,
  VcsProvider.GITHUB_ENTERPRISE,
  VcsProvider.GITLAB_HOSTED,
  VcsProvider.GITLAB_COMMUNITY_EDITION,
  VcsProvider.GITLAB_ENTERPRISE_EDITION,
  VcsProvider.ADO_SERVER,
]);

/** Bitbucket Data Center / Server: an application link (consumer key, private key as secret, public key). */
const BITBUCKET_SELF_HOSTED = new Set<string>([VcsProvider.BITBUCKET_DATA_CENTER, VcsProvider.BITBUCKET_SERVER]);

/** Providers the provider sends `secret` for. */
const SECRET_PROVIDERS = new Set<string>([...BITBUCKET_SELF_HOSTED, VcsProvider.BITBUCKET_CLOUD]);

/**
 * Properties of an OAuth client.
 */
export interface OAuthClientProps {
  /**
   * The organization the client belongs to.
   */
  readonly organization: IOrganization;

  /**
   * The VCS provider to connect to.
   */
  readonly serviceProvider: VcsProvider;

  /**
   * A display name for the client.
   * @default - the platform names it after the service provider
   */
  readonly name?: string;

  /**
   * The base URL of the VCS provider's API, e.g. `https://ghe.example.com/api/v3`.
   * Required for self-hosted providers.
   * @default - the public endpoint of a hosted provider (e.g. `https://api.github.com`)
   */
  readonly apiUrl?: string;

  /**
   * The homepage of the VCS provider, e.g. `https://ghe.example.com`.
   * Required for self-hosted providers.
   * @default - the public homepage of a hosted provider (e.g. `https://github.com`)
   */
  readonly httpUrl?: string;

  /**
   * The access token the VCS provider gave you (e.g. a GitHub personal access
   * token `ghp_...`). Required for GitHub, GitHub Enterprise, GitLab and Azure
   * DevOps Server. A secret: pass a reference such as a sensitive
   * `TerraformVariable`'s `stringValue`, never a literal.
   * @default - none (Bitbucket connections are authorized in the UI instead)
   */
  readonly oauthToken?: string;

  /**
   * The OAuth client key (a consumer key or application key). Required for
   * Bitbucket Cloud and Bitbucket Data Center.
   * @default - none
   */
  readonly key?: string;

  /**
   * The OAuth client secret: the consumer secret for Bitbucket Cloud, the
   * text of the application link's private key for Bitbucket Data Center.
   * Only for Bitbucket. A secret: pass a reference, never a literal.
   * @default - none
   */
  readonly secret?: string;

  /**
   * The text of the application link's public key. Required for, and only
   * for, Bitbucket Data Center (with `key` and `secret`).
   * @default - none
   */
  readonly rsaPublicKey?: string;

  /**
   * The text of the private key of the Azure DevOps Server account. Required
   * for, and only for, Azure DevOps Server. A secret: pass a reference, never a literal.
   * @default - none
   */
  readonly privateKey?: string;

  /**
   * Whether every project and workspace of the organization may use the client.
   * @default true
   */
  readonly organizationScoped?: boolean;

  /**
   * An agent pool (with private VCS support) through which the platform
   * reaches a self-hosted VCS inside a private network.
   * @default - the platform reaches the VCS directly
   */
  readonly agentPool?: IAgentPool;

  /**
   * Accept literal secrets (`oauthToken`, `secret`, `privateKey`). A literal
   * ends up in plain text in the synthesized JSON; this only downgrades the
   * error to a warning.
   * @default false
   */
  readonly allowPlaintextSecret?: boolean;
}

/**
 * A VCS connection through an OAuth client (`tfe_oauth_client`).
 *
 * @example
 * const github = new OAuthClient(stack, 'GitHub', {
 *   organization: acme,
 *   serviceProvider: VcsProvider.GITHUB,
 *   oauthToken: new TerraformVariable(stack, 'github_token', { type: 'string', sensitive: true }).stringValue,
 * });
 */
export class OAuthClient extends Construct implements IVcsConnection {
  /**
   * References an existing OAuth client by its OAuth token ID (`ot-...`). Creates nothing.
   */
  public static fromOAuthTokenId(scope: Construct, id: string, organization: IOrganization, oauthTokenId: string): IVcsConnection {
    const connection = new ImportedVcsConnection(scope, id, organization);
    checkForm(connection, 'oauthTokenId', 'The OAuth token ID', oauthTokenId);
    connection.oauthTokenId = oauthTokenId;
    setIdentity(connection, `oauth-token:${oauthTokenId}`);
    return connection;
  }

  /**
   * Looks up an existing OAuth client by name (a `tfe_oauth_client` data source). Creates nothing.
   */
  public static fromName(scope: Construct, id: string, organization: IOrganization, name: string): IVcsConnection {
    const connection = new ImportedVcsConnection(scope, id, organization);
    checkForm(connection, 'oauthClient', 'The OAuth client name', name);
    const lookup = new DataTfeOauthClient(connection, 'Lookup', {
      organization: organization.organizationName,
      name,
    });
    connection.oauthTokenId = lookup.oauthTokenId;
    setIdentity(connection, `oauth-client:${identityOf(organization)}/${name}`);
    return connection;
  }

  /**
   * The OAuth token ID (`ot-...`) workspaces use in `vcs_repo.oauth_token_id`.
   * Always set for a created client (optional only because `IVcsConnection` declares it so).
   * @attribute
   */
  public readonly oauthTokenId?: string;

  /**
   * The OAuth client's ID (`oc-...`).
   * @attribute
   */
  public get oauthClientId(): string {
    return memoized(this, 'oauthClientId', () => this.resource.id);
  }

  /**
   * The organization the client belongs to. Always set for a created client
   * (optional only because `IVcsConnection` declares it so).
   */
  public readonly organization?: IOrganization;

  /**
   * The VCS provider.
   */
  public readonly serviceProvider: VcsProvider;

  /**
   * Whether every project and workspace of the organization may use the client.
   */
  public readonly organizationScoped: boolean;

  private readonly resource: TfeOauthClient;
  private readonly projects: IProject[] = [];

  constructor(scope: Construct, id: string, props: OAuthClientProps) {
    super(scope, id);
    this.organization = props.organization;
    this.organizationScoped = props.organizationScoped ?? true;
    this.serviceProvider = props.serviceProvider;
    const provider = props.serviceProvider;
    requireEntitlement(this, props.organization, Entitlement.VCS_INTEGRATIONS, `OAuth client for ${quote(provider)}`);

    if (provider === VcsProvider.ADO_SERVICES) {
      fail(this, 'TFE-VCS-001',
        'service provider "ado_services" (Azure DevOps Services): the tfe provider cannot create these OAuth clients; ' +
        'connect Azure DevOps Services in the organization settings, then reference it with OAuthClient.fromName(...) or OAuthClient.fromOAuthTokenId(...).');
    }
    if (!Object.values(VcsProvider).includes(provider)) {
      fail(this, 'TFE-VCS-002', `service provider ${quote(provider)} is not one of ${Object.values(VcsProvider).map((v) => quote(v)).join(', ')}: use a VcsProvider value.`);
    }
    if (provider === VcsProvider.BITBUCKET_SERVER) {
      warn(this, 'TFE-VCS-003',
        'service provider "bitbucket_server" is deprecated by the tfe provider: use VcsProvider.BITBUCKET_DATA_CENTER.',
      );
    }
    checkForm(this, 'oauthClient', 'The OAuth client name', props.name);

    const [apiUrl, httpUrl] = this.endpoints(props);
    this.checkCredentials(props);

    if (props.agentPool) {
      if (!SELF_HOSTED_EXAMPLES[provider]) {
        fail(this, 'TFE-VCS-006',
          `agent pool ${props.agentPool.node.path} with service provider ${quote(provider)}: private VCS access through agents is for ` +
          'self-hosted VCS providers (GitHub Enterprise, GitLab CE/EE, Bitbucket Data Center, Azure DevOps Server); remove agentPool.');
      }
      if (!sameIdentity(props.agentPool.organization, props.organization)) {
        fail(this, 'TFE-VCS-007',
          `agent pool ${props.agentPool.node.path} belongs to organization ${quote(identityOf(props.agentPool.organization))}, but this ` +
          `OAuth client belongs to ${quote(identityOf(props.organization))}: use an agent pool of the client's organization.`);
      }
    }

    this.resource = new TfeOauthClient(this, 'Resource', {
      organization: props.organization.organizationName,
      serviceProvider: provider,
      name: text(props.name),
      apiUrl,
      httpUrl,
      oauthToken: props.oauthToken,
      key: props.key,
      secret: props.secret,
      rsaPublicKey: props.rsaPublicKey,
      privateKey: props.privateKey,
      organizationScoped: props.organizationScoped,
      agentPoolId: props.agentPool?.agentPoolId,
    });
    this.oauthTokenId = this.resource.oauthTokenId;
    const name = literal(props.name);
    if (name !== undefined) setIdentity(this, `oauth-client:${identityOf(props.organization)}/${name}`);
  }

  /**
   * Lets the workspaces of `project` use this client
   * (`tfe_project_oauth_client`). Only for a client with
   * `organizationScoped: false`: an organization-scoped client is usable by
   * every project already.
   */
  public allowProject(project: IProject): void {
    if (this.organizationScoped) {
      fail(this, 'TFE-VCS-017',
        `project ${project.node.path} is allowed on an organization-scoped OAuth client, which every project may use already: ` +
        'set organizationScoped: false to restrict the client to the projects you allow, or remove the allowProject call.');
    }
    if (!sameIdentity(project.organization, this.organization!)) {
      fail(this, 'TFE-VCS-018',
        `project ${project.node.path} belongs to organization ${quote(identityOf(project.organization))}, but this OAuth client belongs to ` +
        `${quote(identityOf(this.organization!))}: allow a project of the client's organization.`);
    }
    if (this.projects.some((p) => sameIdentity(p, project))) return;
    this.projects.push(project);
    new ProjectOauthClient(this, connectionId('Project', project), { oauthClientId: this.oauthClientId, projectId: project.projectId });
  }

  /**
   * The projects allowed to use the client (`allowProject`).
   */
  public get allowedProjects(): IProject[] {
    return [...this.projects];
  }

  /** The API and HTTP URLs: given, or the public ones of a hosted provider. */
  private endpoints(props: OAuthClientProps): [string, string] {
    const hosted = HOSTED_ENDPOINTS[props.serviceProvider];
    if (!hosted) {
      const example = SELF_HOSTED_EXAMPLES[props.serviceProvider];
      const missing = [props.apiUrl === undefined ? 'apiUrl' : undefined, props.httpUrl === undefined ? 'httpUrl' : undefined]
        .filter((x) => x !== undefined);
      if (missing.length > 0) {
        fail(this, 'TFE-VCS-004',
          `service provider ${quote(props.serviceProvider)} is self-hosted, so ${missing.join(' and ')} must be given (got none): ` +
          `set apiUrl (e.g. ${quote(example[0])}) and httpUrl (e.g. ${quote(example[1])}).`);
      }
    }
    const apiUrl = props.apiUrl ?? hosted[0];
    const httpUrl = props.httpUrl ?? hosted[1];
    checkString(this, 'apiUrl', apiUrl, (v) => urlProblem('apiUrl', v));
    checkString(this, 'httpUrl', httpUrl, (v) => urlProblem('httpUrl', v));
    return [apiUrl, httpUrl];
  }

  /** Which credentials each provider needs and accepts. */
  private checkCredentials(props: OAuthClientProps): void {
    const provider = props.serviceProvider;
    const allow = props.allowPlaintextSecret ?? false;
    if (TOKEN_PROVIDERS.has(provider) && props.oauthToken === undefined) {
      fail(this, 'TFE-VCS-008',
        `service provider ${quote(provider)} connects with an access token, but oauthToken is not set: ` +
        'pass the VCS provider\'s token as a reference, e.g. oauthToken: new TerraformVariable(this, \'vcs_token\', { type: \'string\', sensitive: true }).stringValue.');
    }
    if (provider === VcsProvider.BITBUCKET_CLOUD) {
      requireAll(this, provider, props, ['key', 'secret'], 'the OAuth consumer\'s key and secret');
    }
    if (BITBUCKET_SELF_HOSTED.has(provider)) {
      requireAll(this, provider, props, ['key', 'secret', 'rsaPublicKey'], 'the application link\'s consumer key, private key (secret) and public key (rsaPublicKey)');
    }
    if (props.privateKey !== undefined && provider !== VcsProvider.ADO_SERVER) {
      fail(this, 'TFE-VCS-010', `privateKey is only used for service provider "ado_server", got it with ${quote(provider)} (the provider would ignore it): remove privateKey.`);
    }
    if (provider === VcsProvider.ADO_SERVER && props.privateKey === undefined) {
      fail(this, 'TFE-VCS-011',
        'service provider "ado_server" needs privateKey (the text of the SSH private key of the Azure DevOps Server account), got none: ' +
        'pass it as a reference, e.g. a sensitive TerraformVariable\'s stringValue.');
    }
    if (props.rsaPublicKey !== undefined && !BITBUCKET_SELF_HOSTED.has(provider)) {
      fail(this, 'TFE-VCS-012', `rsaPublicKey is only used for Bitbucket Data Center, got it with ${quote(provider)} (the provider would ignore it): remove rsaPublicKey.`);
    }
    if (props.secret !== undefined && !SECRET_PROVIDERS.has(provider)) {
      fail(this, 'TFE-VCS-013', `secret is only used for Bitbucket (Cloud and Data Center), got it with ${quote(provider)} (the provider would ignore it): remove secret, or pass the credential as oauthToken.`);
    }
    checkSecret(this, { what: 'oauthToken' }, props.oauthToken, allow);
    checkSecret(this, { what: 'secret' }, props.secret, allow);
    checkSecret(this, { what: 'privateKey' }, props.privateKey, allow);
    if (props.oauthToken === undefined && !TOKEN_PROVIDERS.has(provider)) {
      warn(this, 'TFE-VCS-014',
        `no oauthToken for ${quote(provider)}: the client has no OAuth token until someone completes the authorization in the ` +
        'organization\'s VCS provider settings; until then oauthTokenId is empty and workspaces using this connection fail to apply. ' +
        'Authorize the connection, then apply again.',
      );
    }
  }
}

function requireAll(scope: IConstruct, provider: string, props: OAuthClientProps, names: Array<'key' | 'secret' | 'rsaPublicKey'>, what: string): void {
  const missing = names.filter((n) => props[n] === undefined);
  if (missing.length > 0) {
    fail(scope, 'TFE-VCS-009', `service provider ${quote(provider)} needs ${names.join(', ')} (${what}), but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set: set ${missing.join(' and ')}.`);
  }
}

function urlProblem(what: string, value: string): Violation | undefined {
  const url = parseHttpUrl(value);
  if (!url) {
    return violation('TFE-VCS-005', `${what} ${quote(value)} is not an http(s) URL: write the full URL, e.g. "https://vcs.example.com".`);
  }
  return undefined;
}


/**
 * A GitHub App installation (the platform's own GitHub App, installed on a
 * GitHub account), referenced to connect workspaces to GitHub without an
 * OAuth client. Installations are made in the UI; this class only references them.
 */
export class GitHubAppInstallation extends Construct implements IVcsConnection {
  /**
   * Looks up an installation by its GitHub installation ID (the number in
   * `https://github.com/settings/installations/<id>`), with a
   * `tfe_github_app_installation` data source.
   */
  public static fromInstallationId(scope: Construct, id: string, installationId: number): IVcsConnection {
    const installation = new GitHubAppInstallation(scope, id);
    if (!Token.isUnresolved(installationId) && (!Number.isInteger(installationId) || installationId < 1)) {
      fail(installation, 'TFE-ID-011',
        `installation ID ${quote(installationId)} is not a GitHub installation ID: it is the positive whole number at the end of ` +
        'https://github.com/settings/installations/<id>.');
    }
    const lookup = new DataTfeGithubAppInstallation(installation, 'Lookup', { installationId });
    installation.installationIdValue = lookup.id;
    setIdentity(installation, `github-installation:${installationId}`);
    return installation;
  }

  /**
   * Looks up an installation by the name of the GitHub user or organization
   * that installed the app, with a `tfe_github_app_installation` data source.
   */
  public static fromName(scope: Construct, id: string, name: string): IVcsConnection {
    const installation = new GitHubAppInstallation(scope, id);
    checkForm(installation, 'githubAccount', 'The GitHub account name', name);
    const lookup = new DataTfeGithubAppInstallation(installation, 'Lookup', { name });
    installation.installationIdValue = lookup.id;
    setIdentity(installation, `github-installation-name:${name}`);
    return installation;
  }

  /**
   * References an installation by the platform's ID for it (`ghain-...`). Creates nothing.
   */
  public static fromGithubAppInstallationId(scope: Construct, id: string, githubAppInstallationId: string): IVcsConnection {
    const installation = new GitHubAppInstallation(scope, id);
    checkForm(installation, 'githubAppInstallationId', 'The GitHub App installation ID', githubAppInstallationId);
    installation.installationIdValue = githubAppInstallationId;
    setIdentity(installation, `github-installation-id:${githubAppInstallationId}`);
    return installation;
  }

  /** GitHub App installations are not tied to one organization. */
  public readonly organization?: IOrganization = undefined;

  private installationIdValue: string = '';

  private constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /**
   * The platform's ID of the installation (`ghain-...`). Always set
   * (optional only because `IVcsConnection` declares it so).
   * @attribute
   */
  public get githubAppInstallationId(): string | undefined {
    return this.installationIdValue;
  }
}

class ImportedVcsConnection extends Construct implements IVcsConnection {
  public oauthTokenId: string = '';
  public readonly organization: IOrganization;

  constructor(scope: Construct, id: string, organization: IOrganization) {
    super(scope, id);
    this.organization = organization;
  }
}
