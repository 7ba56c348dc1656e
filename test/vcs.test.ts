import { DataTfeGithubAppInstallation } from '@cdktf/provider-tfe/lib/data-tfe-github-app-installation';
import { DataTfeOauthClient } from '@cdktf/provider-tfe/lib/data-tfe-oauth-client';
import { OauthClient as TfeOauthClient } from '@cdktf/provider-tfe/lib/oauth-client';
import { ProjectOauthClient } from '@cdktf/provider-tfe/lib/project-oauth-client';
import { Lazy, Testing } from 'cdktf';
import { errorMessageOf, secretVar, setup, validationError, warnings } from './util';
import * as lib from '../src';
import { AgentPool } from '../src/agent-pool';
import { Organization } from '../src/organization';
import { resolveValue } from '../src/private/validation';
import { GitHubAppInstallation, OAuthClient, VcsProvider, IVcsConnection } from '../src/vcs';

Testing.setupJest();

describe('VcsProvider', () => {
  test('has the provider\'s service_provider values', () => {
    // THEN
    expect(Object.values(VcsProvider).sort()).toEqual([
      'ado_server', 'ado_services', 'bitbucket_data_center', 'bitbucket_hosted', 'bitbucket_server',
      'github', 'github_enterprise', 'gitlab_community_edition', 'gitlab_enterprise_edition', 'gitlab_hosted',
    ]);
  });
});

describe('OAuthClient', () => {
  test('GitHub with a token variable: public endpoints by default, token as a reference', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const client = new OAuthClient(stack, 'GitHub', {
      organization: org,
      serviceProvider: VcsProvider.GITHUB,
      oauthToken: secretVar(stack, 'gh'),
    });
    // THEN
    const synth = Testing.synth(stack, true);
    expect(synth).toHaveResourceWithProperties(TfeOauthClient, {
      organization: '${tfe_organization.Acme_42E163B4.name}',
      service_provider: 'github',
      api_url: 'https://api.github.com',
      http_url: 'https://github.com',
      oauth_token: '${var.gh}',
    });
    expect(client.organization).toBe(org);
    expect(resolveValue(stack, client.oauthTokenId)).toMatch(/^\$\{tfe_oauth_client\.GitHub_[A-F0-9]+\.oauth_token_id\}$/);
    expect(resolveValue(stack, client.oauthClientId)).toMatch(/^\$\{tfe_oauth_client\.GitHub_[A-F0-9]+\.id\}$/);
    expect((client as IVcsConnection).githubAppInstallationId).toBeUndefined();
    expect(warnings(stack)).toEqual([]);
  });

  test('no secret literal ends up in the synthesized JSON when references are used', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    new OAuthClient(stack, 'Bbdc', {
      organization: org,
      serviceProvider: VcsProvider.BITBUCKET_DATA_CENTER,
      apiUrl: 'https://bitbucket.acme.example',
      httpUrl: 'https://bitbucket.acme.example',
      key: 'consumer-key',
      secret: secretVar(stack, 'bbdc_private_key'),
      rsaPublicKey: '-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----',
      name: 'bbdc',
    });
    new OAuthClient(stack, 'Ado', {
      organization: org,
      serviceProvider: VcsProvider.ADO_SERVER,
      apiUrl: 'https://ado.acme.example',
      httpUrl: 'https://ado.acme.example',
      oauthToken: secretVar(stack, 'ado_token'),
      privateKey: secretVar(stack, 'ado_key'),
    });
    // THEN
    const synth = Testing.synth(stack, true);
    expect(synth).toHaveResourceWithProperties(TfeOauthClient, {
      service_provider: 'bitbucket_data_center',
      key: 'consumer-key',
      secret: '${var.bbdc_private_key}',
      name: 'bbdc',
    });
    expect(synth).toHaveResourceWithProperties(TfeOauthClient, {
      service_provider: 'ado_server',
      oauth_token: '${var.ado_token}',
      private_key: '${var.ado_key}',
    });
    expect(synth).not.toMatch(/PRIVATE KEY/);
  });

  test('self-hosted providers take the given URLs, organization scope and an agent pool', () => {
    // GIVEN
    const { stack, org } = setup();
    const pool = new AgentPool(stack, 'Pool', { organization: org, name: 'private' });
    // WHEN
    new OAuthClient(stack, 'Ghe', {
      organization: org,
      serviceProvider: VcsProvider.GITHUB_ENTERPRISE,
      apiUrl: 'https://ghe.acme.example/api/v3',
      httpUrl: 'https://ghe.acme.example',
      oauthToken: secretVar(stack, 'ghe'),
      organizationScoped: false,
      agentPool: pool,
    });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeOauthClient, {
      service_provider: 'github_enterprise',
      api_url: 'https://ghe.acme.example/api/v3',
      http_url: 'https://ghe.acme.example',
      organization_scoped: false,
      agent_pool_id: '${tfe_agent_pool.Pool_D3F588B8.id}',
    });
  });

  test.each([
    [VcsProvider.GITLAB_HOSTED, 'https://gitlab.com/api/v4', 'https://gitlab.com'],
    [VcsProvider.GITHUB, 'https://api.github.com', 'https://github.com'],
  ])('%s defaults to its public endpoints', (provider, apiUrl, httpUrl) => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    new OAuthClient(stack, 'Client', { organization: org, serviceProvider: provider, oauthToken: secretVar(stack, 't') });
    // THEN
    expect(Testing.synth(stack)).toHaveResourceWithProperties(TfeOauthClient, { api_url: apiUrl, http_url: httpUrl });
  });

  test('Bitbucket Cloud takes key and secret, defaults to bitbucket.org, and warns that the UI must authorize it', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const client = new OAuthClient(stack, 'Bitbucket', {
      organization: org,
      serviceProvider: VcsProvider.BITBUCKET_CLOUD,
      key: 'consumer-key',
      secret: secretVar(stack, 'bb_secret'),
    });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeOauthClient, {
      service_provider: 'bitbucket_hosted',
      api_url: 'https://api.bitbucket.org',
      http_url: 'https://bitbucket.org',
      key: 'consumer-key',
      secret: '${var.bb_secret}',
    });
    expect(warnings(client).join('\n')).toMatch(/no oauthToken for "bitbucket_hosted".*Authorize the connection, then apply again/);
  });

  test('bitbucket_server is accepted with a deprecation warning', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const client = new OAuthClient(stack, 'Bbs', {
      organization: org,
      serviceProvider: VcsProvider.BITBUCKET_SERVER,
      apiUrl: 'https://bitbucket.acme.example',
      httpUrl: 'https://bitbucket.acme.example',
      key: 'k',
      secret: secretVar(stack, 's'),
      rsaPublicKey: 'pub',
    });
    // THEN
    expect(warnings(client).join('\n')).toMatch(/"bitbucket_server" is deprecated.*BITBUCKET_DATA_CENTER/);
  });

  test('a literal oauthToken is refused; the message names the path and the fix, and shows nothing of the secret', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const message = errorMessageOf(() => new OAuthClient(stack, 'GitHub', {
      organization: org,
      serviceProvider: VcsProvider.GITHUB,
      oauthToken: 'ghp_supersecretvalue1234567890',
    }));
    // THEN
    expect(message).toContain('test/GitHub');
    expect(message).toContain('oauthToken is a literal string (not shown)');
    expect(message).not.toMatch(/ghp_|characters/);
    expect(message).toContain('sensitive TerraformVariable');
    expect(message).toContain('allowPlaintextSecret');
    expect(message).not.toContain('supersecret');
  });

  test('allowPlaintextSecret accepts a literal with a warning', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const client = new OAuthClient(stack, 'GitHub', {
      organization: org,
      serviceProvider: VcsProvider.GITHUB,
      oauthToken: 'ghp_plaintext',
      allowPlaintextSecret: true,
    });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeOauthClient, { oauth_token: 'ghp_plaintext' });
    expect(warnings(client).join('\n')).toMatch(/oauthToken is a literal secret .*accepted by allowPlaintextSecret/);
  });

  test('a token that resolves to a literal secret is refused at synth', () => {
    // GIVEN
    const { stack, org } = setup();
    new OAuthClient(stack, 'GitHub', {
      organization: org,
      serviceProvider: VcsProvider.GITHUB,
      oauthToken: Lazy.stringValue({ produce: () => 'ghp_hiddenliteral' }),
    });
    // WHEN
    const message = errorMessageOf(() => Testing.synth(stack, true));
    // THEN
    expect(message).toContain('[test/GitHub]');
    expect(message).toContain('oauthToken is an expression without any reference (not shown)');
    expect(message).not.toContain('ghp_');
    expect(message).toContain('sensitive TerraformVariable');
  });

  test('a lazy literal is accepted with allowPlaintextSecret', () => {
    // GIVEN
    const { stack, org } = setup();
    new OAuthClient(stack, 'GitHub', {
      organization: org,
      serviceProvider: VcsProvider.GITHUB,
      oauthToken: Lazy.stringValue({ produce: () => 'ghp_x' }),
      allowPlaintextSecret: true,
    });
    // THEN
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('literal secret and privateKey are refused too', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const secretMessage = errorMessageOf(() => new OAuthClient(stack, 'Bitbucket', {
      organization: org,
      serviceProvider: VcsProvider.BITBUCKET_CLOUD,
      key: 'k',
      secret: 'consumer-secret-value',
    }));
    const keyMessage = errorMessageOf(() => new OAuthClient(stack, 'Ado', {
      organization: org,
      serviceProvider: VcsProvider.ADO_SERVER,
      apiUrl: 'https://ado.acme.example',
      httpUrl: 'https://ado.acme.example',
      oauthToken: secretVar(stack, 'ado'),
      privateKey: '-----BEGIN RSA PRIVATE KEY-----',
    }));
    // THEN
    expect(secretMessage).toMatch(/^test\/Bitbucket: \[TFE-SECRET-001\] secret is a literal string \(not shown\).*sensitive TerraformVariable/);
    expect(keyMessage).toMatch(/^test\/Ado: \[TFE-SECRET-001\] privateKey is a literal string .*sensitive TerraformVariable/);
    expect(keyMessage).not.toContain('BEGIN RSA');
  });

  test('a token provider without oauthToken is refused', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const message = errorMessageOf(() => new OAuthClient(stack, 'GitLab', { organization: org, serviceProvider: VcsProvider.GITLAB_HOSTED }));
    // THEN
    expect(message).toMatch(/^test\/GitLab: \[TFE-VCS-008\] service provider "gitlab_hosted" connects with an access token, but oauthToken is not set: .*TerraformVariable/);
  });

  test('self-hosted providers need apiUrl and httpUrl', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const both = errorMessageOf(() => new OAuthClient(stack, 'Ghe', {
      organization: org,
      serviceProvider: VcsProvider.GITHUB_ENTERPRISE,
      oauthToken: secretVar(stack, 'ghe'),
    }));
    const one = errorMessageOf(() => new OAuthClient(stack, 'Gitlab', {
      organization: org,
      serviceProvider: VcsProvider.GITLAB_ENTERPRISE_EDITION,
      apiUrl: 'https://gitlab.acme.example/api/v4',
      oauthToken: secretVar(stack, 'gl'),
    }));
    // THEN
    expect(both).toBe(
      'test/Ghe: [TFE-VCS-004] service provider "github_enterprise" is self-hosted, so apiUrl and httpUrl must be given (got none): ' +
      'set apiUrl (e.g. "https://ghe.example.com/api/v3") and httpUrl (e.g. "https://ghe.example.com").',
    );
    expect(one).toMatch(/^test\/Gitlab: \[TFE-VCS-004\] service provider "gitlab_enterprise_edition" is self-hosted, so httpUrl must be given .*set apiUrl/);
  });

  test('URLs must be http(s) URLs', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const message = errorMessageOf(() => new OAuthClient(stack, 'Ghe', {
      organization: org,
      serviceProvider: VcsProvider.GITHUB_ENTERPRISE,
      apiUrl: 'ghe.acme.example/api/v3',
      httpUrl: 'https://ghe.acme.example',
      oauthToken: secretVar(stack, 'ghe'),
    }));
    const ftp = errorMessageOf(() => new OAuthClient(stack, 'Ghe2', {
      organization: org,
      serviceProvider: VcsProvider.GITHUB_ENTERPRISE,
      apiUrl: 'https://ghe.acme.example/api/v3',
      httpUrl: 'ftp://ghe.acme.example',
      oauthToken: secretVar(stack, 'ghe2'),
    }));
    // THEN
    expect(message).toBe('test/Ghe: [TFE-VCS-005] apiUrl "ghe.acme.example/api/v3" is not an http(s) URL: write the full URL, e.g. "https://vcs.example.com".');
    expect(ftp).toMatch(/^test\/Ghe2: \[TFE-VCS-005\] httpUrl "ftp:\/\/ghe.acme.example" is not an http\(s\) URL/);
  });

  test('ado_services cannot be created', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const message = errorMessageOf(() => new OAuthClient(stack, 'Ado', { organization: org, serviceProvider: VcsProvider.ADO_SERVICES }));
    // THEN
    expect(message).toMatch(/^test\/Ado: \[TFE-VCS-001\] service provider "ado_services" .*cannot create these OAuth clients.*OAuthClient\.fromName/);
  });

  test('an unknown service provider is refused', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const message = errorMessageOf(() => new OAuthClient(stack, 'X', { organization: org, serviceProvider: 'svn' as VcsProvider }));
    // THEN
    expect(message).toMatch(/^test\/X: \[TFE-VCS-002\] service provider "svn" is not one of "github", .*: use a VcsProvider value\./);
  });

  test('an empty name is refused', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const message = errorMessageOf(() => new OAuthClient(stack, 'GitHub', {
      organization: org, serviceProvider: VcsProvider.GITHUB, oauthToken: secretVar(stack, 'gh'), name: ' ',
    }));
    // THEN
    expect(message).toBe('test/GitHub: [TFE-NAME-019] the OAuth client name is empty (got " "): give the name of the client (for a new client, leave name out to name it after the service provider).');
  });

  test('Bitbucket Data Center needs key, secret and rsaPublicKey', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const message = errorMessageOf(() => new OAuthClient(stack, 'Bbdc', {
      organization: org,
      serviceProvider: VcsProvider.BITBUCKET_DATA_CENTER,
      apiUrl: 'https://bitbucket.acme.example',
      httpUrl: 'https://bitbucket.acme.example',
      key: 'k',
    }));
    // THEN
    expect(message).toBe(
      'test/Bbdc: [TFE-VCS-009] service provider "bitbucket_data_center" needs key, secret, rsaPublicKey (the application link\'s consumer key, ' +
      'private key (secret) and public key (rsaPublicKey)), but secret, rsaPublicKey are not set: set secret and rsaPublicKey.',
    );
  });

  test('Bitbucket Cloud needs key and secret', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const message = errorMessageOf(() => new OAuthClient(stack, 'Bb', {
      organization: org, serviceProvider: VcsProvider.BITBUCKET_CLOUD, secret: secretVar(stack, 's'),
    }));
    // THEN
    expect(message).toMatch(/^test\/Bb: \[TFE-VCS-009\] service provider "bitbucket_hosted" needs key, secret .*but key is not set: set key\.$/);
  });

  test('ado_server needs privateKey', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const message = errorMessageOf(() => new OAuthClient(stack, 'Ado', {
      organization: org,
      serviceProvider: VcsProvider.ADO_SERVER,
      apiUrl: 'https://ado.acme.example',
      httpUrl: 'https://ado.acme.example',
      oauthToken: secretVar(stack, 'ado'),
    }));
    // THEN
    expect(message).toMatch(/^test\/Ado: \[TFE-VCS-011\] service provider "ado_server" needs privateKey .*got none: pass it as a reference/);
  });

  test.each([
    ['privateKey', /^test\/GitHub: \[TFE-VCS-010\] privateKey is only used for service provider "ado_server", got it with "github" .*remove privateKey\.$/],
    ['rsaPublicKey', /^test\/GitHub: \[TFE-VCS-012\] rsaPublicKey is only used for Bitbucket Data Center, got it with "github" .*remove rsaPublicKey\.$/],
    ['secret', /^test\/GitHub: \[TFE-VCS-013\] secret is only used for Bitbucket .*got it with "github" .*remove secret/],
  ])('%s is refused where the provider ignores it', (prop, expected) => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const message = errorMessageOf(() => new OAuthClient(stack, 'GitHub', {
      organization: org,
      serviceProvider: VcsProvider.GITHUB,
      oauthToken: secretVar(stack, 'gh'),
      [prop]: secretVar(stack, 'x'),
    }));
    // THEN
    expect(message).toMatch(expected);
  });

  test('an agent pool is refused for hosted providers', () => {
    // GIVEN
    const { stack, org } = setup();
    const pool = new AgentPool(stack, 'Pool', { organization: org, name: 'private' });
    // WHEN
    const message = errorMessageOf(() => new OAuthClient(stack, 'GitHub', {
      organization: org, serviceProvider: VcsProvider.GITHUB, oauthToken: secretVar(stack, 'gh'), agentPool: pool,
    }));
    // THEN
    expect(message).toMatch(/^test\/GitHub: \[TFE-VCS-006\] agent pool test\/Pool with service provider "github": private VCS access .*remove agentPool\.$/);
  });

  test('an agent pool of another organization is refused', () => {
    // GIVEN
    const { stack, org } = setup();
    const other = Organization.fromOrganizationName(stack, 'Other', 'other');
    const pool = new AgentPool(stack, 'Pool', { organization: other, name: 'private' });
    // WHEN
    const message = errorMessageOf(() => new OAuthClient(stack, 'Ghe', {
      organization: org,
      serviceProvider: VcsProvider.GITHUB_ENTERPRISE,
      apiUrl: 'https://ghe.acme.example/api/v3',
      httpUrl: 'https://ghe.acme.example',
      oauthToken: secretVar(stack, 'ghe'),
      agentPool: pool,
    }));
    // THEN
    expect(message).toBe(
      'test/Ghe: [TFE-VCS-007] agent pool test/Pool belongs to organization "org:other", but this OAuth client belongs to "org:acme": ' +
      'use an agent pool of the client\'s organization.',
    );
  });

  describe('fromOAuthTokenId', () => {
    test('references a token ID', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const conn = OAuthClient.fromOAuthTokenId(stack, 'Gh', org, 'ot-abc123');
      // THEN
      expect(conn.oauthTokenId).toBe('ot-abc123');
      expect(conn.githubAppInstallationId).toBeUndefined();
      expect(conn.organization).toBe(org);
    });

    test('refuses a value that is not an OAuth token ID', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const message = errorMessageOf(() => OAuthClient.fromOAuthTokenId(stack, 'Gh', org, 'oc-abc123'));
      // THEN
      expect(message).toMatch(/^test\/Gh: \[TFE-ID-005\] OAuth token ID "oc-abc123" is not an OAuth token ID: it looks like "ot-abc123" .*OAuthClient\.fromName/);
    });

    test('checks a token at synth time', () => {
      // GIVEN
      const { stack, org } = setup();
      OAuthClient.fromOAuthTokenId(stack, 'Gh', org, Lazy.stringValue({ produce: () => 'nope' }));
      // WHEN
      const message = errorMessageOf(() => Testing.synth(stack, true));
      // THEN
      expect(message).toMatch(/\[test\/Gh\] \[TFE-ID-005\] OAuth token ID "nope" is not an OAuth token ID/);
    });
  });

  describe('fromName', () => {
    test('looks the client up by name', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const conn = OAuthClient.fromName(stack, 'Gh', org, 'github-acme');
      // THEN
      expect(Testing.synth(stack)).toHaveDataSourceWithProperties(DataTfeOauthClient, {
        name: 'github-acme',
        organization: '${tfe_organization.Acme_42E163B4.name}',
      });
      expect(resolveValue(stack, conn.oauthTokenId)).toMatch(/^\$\{data\.tfe_oauth_client\.Gh_Lookup_[A-F0-9]+\.oauth_token_id\}$/);
      expect(conn.organization).toBe(org);
    });

    test('refuses an empty name', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const message = errorMessageOf(() => OAuthClient.fromName(stack, 'Gh', org, ''));
      // THEN
      expect(message).toBe('test/Gh: [TFE-NAME-019] the OAuth client name is empty (got ""): give the name of the client (for a new client, leave name out to name it after the service provider).');
    });
  });
});

describe('GitHubAppInstallation', () => {
  test('fromInstallationId looks the installation up by GitHub installation ID', () => {
    // GIVEN
    const { stack } = setup();
    // WHEN
    const conn = GitHubAppInstallation.fromInstallationId(stack, 'Gha', 12345678);
    // THEN
    expect(Testing.synth(stack)).toHaveDataSourceWithProperties(DataTfeGithubAppInstallation, { installation_id: 12345678 });
    expect(resolveValue(stack, conn.githubAppInstallationId)).toMatch(/^\$\{data\.tfe_github_app_installation\.Gha_Lookup_[A-F0-9]+\.id\}$/);
    expect(conn.oauthTokenId).toBeUndefined();
    expect(conn.organization).toBeUndefined();
  });

  test('fromName looks the installation up by account name', () => {
    // GIVEN
    const { stack } = setup();
    // WHEN
    const conn = GitHubAppInstallation.fromName(stack, 'Gha', 'acme-corp');
    // THEN
    expect(Testing.synth(stack)).toHaveDataSourceWithProperties(DataTfeGithubAppInstallation, { name: 'acme-corp' });
    expect(resolveValue(stack, conn.githubAppInstallationId)).toMatch(/\.id\}$/);
  });

  test('fromGithubAppInstallationId references a known ID', () => {
    // GIVEN
    const { stack } = setup();
    // WHEN
    const conn = GitHubAppInstallation.fromGithubAppInstallationId(stack, 'Gha', 'ghain-abc123');
    // THEN
    expect(conn.githubAppInstallationId).toBe('ghain-abc123');
  });

  test.each([0, -3, 1.5])('fromInstallationId refuses %p', (bad) => {
    // GIVEN
    const { stack } = setup();
    // WHEN
    const message = errorMessageOf(() => GitHubAppInstallation.fromInstallationId(stack, 'Gha', bad));
    // THEN
    expect(message).toBe(
      `test/Gha: [TFE-ID-011] installation ID ${bad} is not a GitHub installation ID: it is the positive whole number at the end of ` +
      'https://github.com/settings/installations/<id>.',
    );
  });

  test('fromName refuses an invalid account name', () => {
    // GIVEN
    const { stack } = setup();
    // WHEN
    const message = errorMessageOf(() => GitHubAppInstallation.fromName(stack, 'Gha', 'https://github.com/acme'));
    // THEN
    expect(message).toMatch(/^test\/Gha: \[TFE-NAME-020\] GitHub account name "https:\/\/github.com\/acme" is invalid: give the login .*/);
  });

  test('fromGithubAppInstallationId refuses a GitHub installation number', () => {
    // GIVEN
    const { stack } = setup();
    // WHEN
    const message = errorMessageOf(() => GitHubAppInstallation.fromGithubAppInstallationId(stack, 'Gha', '12345678'));
    // THEN
    expect(message).toMatch(/^test\/Gha: \[TFE-ID-010\] GitHub App installation ID "12345678" is not the platform's installation ID: it looks like "ghain-abc123" .*fromInstallationId/);
  });
});

describe('OAuthClient.allowProject', () => {
  test('a client restricted to projects gets one tfe_project_oauth_client per project', () => {
    const { stack, org } = setup();
    const gh = new OAuthClient(stack, 'Gh', { organization: org, serviceProvider: VcsProvider.GITHUB, oauthToken: secretVar(stack, 'tok'), organizationScoped: false });
    const payments = org.addProject('Payments', { name: 'payments' });
    gh.allowProject(payments);
    gh.allowProject(payments);
    gh.allowProject(lib.Project.fromProjectId(stack, 'Legacy', org, 'prj-abc123'));
    expect(gh.allowedProjects).toHaveLength(2);
    const json = Testing.synth(stack, true);
    expect(Object.keys(JSON.parse(json).resource.tfe_project_oauth_client)).toHaveLength(2);
    expect(json).toHaveResourceWithProperties(ProjectOauthClient, { oauth_client_id: expect.stringMatching(/tfe_oauth_client\.Gh_/), project_id: 'prj-abc123' });
  });

  test('an organization-scoped client, or a project of another organization, is refused', () => {
    const { stack, org } = setup();
    const scoped = new OAuthClient(stack, 'Gh', { organization: org, serviceProvider: VcsProvider.GITHUB, oauthToken: secretVar(stack, 'tok') });
    expect(lib.Errors.ruleIdOf(validationError(() => scoped.allowProject(org.addProject('P', { name: 'payments' }))))).toBe('TFE-VCS-017');
    const restricted = new OAuthClient(stack, 'Gl', { organization: org, serviceProvider: VcsProvider.GITLAB_HOSTED, oauthToken: secretVar(stack, 'tok2'), organizationScoped: false });
    const foreign = lib.Project.fromProjectId(stack, 'F', lib.Organization.fromOrganizationName(stack, 'Other', 'other'), 'prj-abc123');
    expect(lib.Errors.ruleIdOf(validationError(() => restricted.allowProject(foreign)))).toBe('TFE-VCS-018');
  });
});
