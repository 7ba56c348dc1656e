import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { Lazy, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Backend, BackendType, OAuthClient, Organization, RunWorkflow, Workspace, WorkspaceGroup } from '../src';

Testing.setupJest();

function setup(hostname?: string) {
  const app = Testing.app();
  const platform = new TerraformStack(app, 'platform');
  new TfeProvider(platform, 'tfe', { hostname });
  const org = new Organization(platform, 'Acme', { name: 'acme', email: 'a@acme.example' });
  const consumer = new TerraformStack(app, 'consumer');
  return { app, platform, org, consumer };
}

function terraformBlock(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack)).terraform;
}

describe('Backend', () => {
  test('remote backend by name, on the provider hostname, with no token', () => {
    // GIVEN
    const { platform, org, consumer } = setup('tfe.acme.example');
    const ws = new Workspace(platform, 'Api', { organization: org, name: 'payments-api' });
    // WHEN
    ws.bindBackend(consumer);
    // THEN
    const tf = terraformBlock(consumer);
    expect(tf.backend.remote).toEqual({ hostname: 'tfe.acme.example', organization: 'acme', workspaces: { name: 'payments-api' } });
    expect(JSON.stringify(tf)).not.toMatch(/token/);
    expect(consumer.dependencies).toContain(platform);
  });

  test('cloud block by name with a project, default hostname', () => {
    const { platform, org, consumer } = setup();
    const ws = new Workspace(platform, 'Api', { organization: org, name: 'payments-api' });
    Backend.forWorkspace(consumer, ws, { backendType: BackendType.CLOUD, projectName: 'payments' });
    expect(terraformBlock(consumer).cloud).toEqual({
      hostname: 'app.terraform.io',
      organization: 'acme',
      workspaces: { name: 'payments-api', project: 'payments' },
    });
  });

  test('the project of a cloud block binding is a literal, valid project name', () => {
    const { platform, org, consumer } = setup();
    const ws = new Workspace(platform, 'Api', { organization: org, name: 'payments-api' });
    const name = new TerraformVariable(platform, 'project', { type: 'string' }).stringValue;
    expect(() => Backend.forWorkspace(consumer, ws, { backendType: BackendType.CLOUD, projectName: name })).toThrow(
      /^platform\/Api: \[TFE-BACKEND-010\] projectName is a reference, but backend blocks take no references: give the literal value\.$/,
    );
    expect(() => Backend.forWorkspace(consumer, ws, { backendType: BackendType.CLOUD, projectName: 'ab' })).toThrow(
      /^platform\/Api: \[TFE-NAME-004\] projectName: project name "ab" has 2 characters: a project name has 3 to 40\.$/,
    );
  });

  test('an explicit hostname wins; a bad hostname is refused', () => {
    const { platform, org, consumer } = setup('tfe.acme.example');
    const ws = new Workspace(platform, 'Api', { organization: org, name: 'api' });
    ws.bindBackend(consumer, { hostname: 'other.example' });
    expect(terraformBlock(consumer).backend.remote.hostname).toBe('other.example');
    const c2 = new TerraformStack(consumer.node.root as any, 'c2');
    expect(() => ws.bindBackend(c2, { hostname: 'https://x.example/' })).toThrow(/hostname "https:\/\/x.example\/" is not a literal host name/);
  });

  test('a group binds by prefix (remote) or by its tag (cloud)', () => {
    const { app, platform, org, consumer } = setup();
    const group = new WorkspaceGroup(platform, 'Net', { organization: org, prefix: 'networking-', members: [{ shortName: 'dev' }, { shortName: 'prod' }] });
    group.bindBackend(consumer);
    expect(terraformBlock(consumer).backend.remote).toEqual({ hostname: 'app.terraform.io', organization: 'acme', workspaces: { prefix: 'networking-' } });
    const cloud = new TerraformStack(app, 'cloudconsumer');
    group.bindBackend(cloud, { backendType: BackendType.CLOUD });
    expect(terraformBlock(cloud).cloud.workspaces).toEqual({ tags: ['networking'] });
  });

  describe('external workspaces', () => {
    test('remote backend by name or prefix, cloud block by name or tags', () => {
      const { app } = setup();
      const byName = new TerraformStack(app, 'a');
      Backend.forExternalWorkspaces(byName, { organizationName: 'acme', workspaceName: 'legacy' });
      expect(terraformBlock(byName).backend.remote).toEqual({ hostname: 'app.terraform.io', organization: 'acme', workspaces: { name: 'legacy' } });
      const byPrefix = new TerraformStack(app, 'b');
      Backend.forExternalWorkspaces(byPrefix, { organizationName: 'acme', workspacePrefix: 'legacy-', hostname: 'tfe.example.com' });
      expect(terraformBlock(byPrefix).backend.remote).toEqual({ hostname: 'tfe.example.com', organization: 'acme', workspaces: { prefix: 'legacy-' } });
      const byTags = new TerraformStack(app, 'c');
      Backend.forExternalWorkspaces(byTags, { organizationName: 'acme', workspaceTags: ['app'], backendType: BackendType.CLOUD, projectName: 'apps' });
      expect(terraformBlock(byTags).cloud).toEqual({ hostname: 'app.terraform.io', organization: 'acme', workspaces: { tags: ['app'], project: 'apps' } });
      const cloudName = new TerraformStack(app, 'd');
      Backend.forExternalWorkspaces(cloudName, { organizationName: 'acme', workspaceName: 'legacy', backendType: BackendType.CLOUD });
      expect(terraformBlock(cloudName).cloud.workspaces).toEqual({ name: 'legacy' });
    });

    test('remote backend: exactly one of name or prefix; cloud block: name or tags', () => {
      const { app } = setup();
      const s = new TerraformStack(app, 'x');
      expect(() => Backend.forExternalWorkspaces(s, { organizationName: 'acme' })).toThrow(
        /^x: \[TFE-BACKEND-006\] the remote backend needs exactly one of workspaceName or workspacePrefix, got neither: give a name for one workspace, or a prefix for a family\.$/,
      );
      expect(() => Backend.forExternalWorkspaces(s, { organizationName: 'acme', workspaceName: 'a', workspacePrefix: 'b-' })).toThrow(
        /^x: \[TFE-BACKEND-006\] the remote backend needs exactly one of workspaceName or workspacePrefix, got workspaceName "a" and workspacePrefix "b-"/,
      );
      expect(() => Backend.forExternalWorkspaces(s, { organizationName: 'acme', workspaceTags: ['t'] })).toThrow(
        /the remote backend selects workspaces by name or prefix, not by tags .*use backendType: BackendType.CLOUD/,
      );
      expect(() => Backend.forExternalWorkspaces(s, { organizationName: 'acme', backendType: BackendType.CLOUD })).toThrow(
        /^x: \[TFE-BACKEND-008\] the cloud block needs exactly one of workspaceName or workspaceTags, got neither/,
      );
      expect(() => Backend.forExternalWorkspaces(s, { organizationName: 'acme', backendType: BackendType.CLOUD, workspaceName: 'a', workspaceTags: ['t'] })).toThrow(
        /the cloud block needs exactly one of workspaceName or workspaceTags, got workspaceName "a" and workspaceTags \["t"\]/,
      );
      expect(() => Backend.forExternalWorkspaces(s, { organizationName: 'acme', backendType: BackendType.CLOUD, workspacePrefix: 'p-' })).toThrow(
        /the cloud block selects workspaces by name or tags, not by prefix/,
      );
      expect(() => Backend.forExternalWorkspaces(s, { organizationName: 'acme', backendType: BackendType.CLOUD, workspaceTags: [] })).toThrow(/workspaceTags is empty/);
      // names that could not name a workspace (and would be read as templates)
      expect(() => Backend.forExternalWorkspaces(s, { organizationName: 'acme', workspaceName: '${var.x}' })).toThrow(
        /^x: \[TFE-NAME-006\] workspaceName: workspace name "\$\{var.x\}" is invalid: use only letters, numbers, "-" and "_" \(and at least one character\)\.$/,
      );
      expect(() => Backend.forExternalWorkspaces(s, { organizationName: 'ac me', workspacePrefix: 'p-' })).toThrow(/\[TFE-NAME-001\] organizationName: organization name "ac me" is invalid/);
      expect(() => Backend.forExternalWorkspaces(s, { organizationName: 'acme', backendType: BackendType.CLOUD, workspaceTags: ['Bad Tag'] })).toThrow(
        /\[TFE-NAME-008\] a workspace tag: tag name "Bad Tag" is invalid: use lowercase letters/,
      );
      expect(() => Backend.forExternalWorkspaces(s, { organizationName: 'acme', backendType: BackendType.CLOUD, workspaceName: 'a', projectName: '%{x}' })).toThrow(
        /\[TFE-NAME-005\] projectName: project name "%\{x\}" is invalid/,
      );
      expect(() => Backend.forExternalWorkspaces(s, { organizationName: Lazy.stringValue({ produce: () => 'acme' }), workspaceName: 'a' })).toThrow(
        /organizationName is a reference, but backend blocks take no references/,
      );
    });
  });

  describe('rules', () => {
    test('a VCS-driven workspace cannot be bound for applies, but can for speculative plans', () => {
      const { app, platform, org, consumer } = setup();
      const conn = OAuthClient.fromOAuthTokenId(platform, 'Conn', org, 'ot-abc123');
      const ws = new Workspace(platform, 'Net', {
        organization: org,
        name: 'networking',
        runWorkflow: RunWorkflow.vcs({ connection: conn, repository: 'acme/networking' }),
      });
      expect(() => ws.bindBackend(consumer)).toThrow(
        /platform\/Net: \[TFE-BACKEND-001\] stack consumer is bound to this VCS-driven workspace for applies, but the platform refuses CLI-driven applies .*speculativePlansOnly: true/,
      );
      const plans = new TerraformStack(app, 'plans');
      ws.bindBackend(plans, { speculativePlansOnly: true });
      expect(terraformBlock(plans).backend.remote.workspaces).toEqual({ name: 'networking' });
    });

    test('a group with a VCS-driven member cannot be bound for applies', () => {
      const { platform, org, consumer } = setup();
      const conn = OAuthClient.fromOAuthTokenId(platform, 'Conn', org, 'ot-abc123');
      const group = new WorkspaceGroup(platform, 'Net', {
        organization: org,
        prefix: 'net-',
        members: [{ shortName: 'dev' }, { shortName: 'prod', settings: { runWorkflow: RunWorkflow.vcs({ connection: conn, repository: 'a/b' }) } }],
      });
      expect(() => group.bindBackend(consumer)).toThrow(/platform\/Net: \[TFE-BACKEND-003\] stack consumer is bound to this group for applies, but member platform\/Net\/prod is VCS-driven/);
      expect(() => group.bindBackend(consumer, { speculativePlansOnly: true })).not.toThrow();
    });

    test('a workspace whose name is not known cannot be bound', () => {
      const { platform, org, consumer } = setup();
      const ws = Workspace.fromWorkspaceId(platform, 'ById', org, 'ws-Fa3zQw8bXy6pLmN2');
      expect(() => Backend.forWorkspace(consumer, ws)).toThrow(/platform\/ById: \[TFE-BACKEND-002\] stack consumer cannot be bound to this workspace: its name is not known/);
      const byName = Workspace.fromWorkspaceName(platform, 'ByName', org, 'legacy');
      Backend.forWorkspace(consumer, byName);
      expect(terraformBlock(consumer).backend.remote.workspaces).toEqual({ name: 'legacy' });
    });

    test('an organization whose name is not known cannot be bound', () => {
      const { platform, consumer } = setup();
      const org = new Organization(platform, 'Lazy', { name: Lazy.stringValue({ produce: () => 'lazy-org' }), email: 'a@b.example' });
      const ws = new Workspace(platform, 'W', { organization: org, name: 'w' });
      expect(() => ws.bindBackend(consumer)).toThrow(
        /platform\/W: \[TFE-BACKEND-011\] stack consumer cannot be bound: the organization's name is not known while the program runs \(backend blocks take no references\)/,
      );
    });
  });
});
