import { DataTfePolicySet } from '@cdktf/provider-tfe/lib/data-tfe-policy-set';
import { PolicySet as TfePolicySet } from '@cdktf/provider-tfe/lib/policy-set';
import { PolicySetParameter } from '@cdktf/provider-tfe/lib/policy-set-parameter';
import { ProjectPolicySet } from '@cdktf/provider-tfe/lib/project-policy-set';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { WorkspacePolicySet } from '@cdktf/provider-tfe/lib/workspace-policy-set';
import { WorkspacePolicySetExclusion } from '@cdktf/provider-tfe/lib/workspace-policy-set-exclusion';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { setupWithSecrets, validationError, warnings } from './util';
import { Entitlement, Entitlements, GitHubAppInstallation, OAuthClient, Organization, Project, VcsProvider, Workspace, WorkspaceGroup } from '../src';
import * as lib from '../src';
import { EnforcementLevel, Policy, PolicyKind, PolicySource } from '../src/policy';
import { PolicySet, PolicySetProps } from '../src/policy-set';

Testing.setupJest();

function setup() {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new TfeProvider(stack, 'tfe', {});
  const org = new Organization(stack, 'Acme', { name: 'acme', email: 'a@acme.example' });
  const api = new Workspace(stack, 'Api', { organization: org, name: 'api' });
  const web = new Workspace(stack, 'Web', { organization: org, name: 'web' });
  const payments = new Project(stack, 'Payments', { organization: org, name: 'payments' });
  const sentinel = new Policy(stack, 'AlwaysPass', {
    organization: org,
    name: 'always-pass',
    kind: PolicyKind.SENTINEL,
    source: PolicySource.inline('main = rule { true }'),
    enforcementLevel: EnforcementLevel.SENTINEL_HARD_MANDATORY,
  });
  const opa = new Policy(stack, 'Deny', {
    organization: org,
    name: 'deny',
    kind: PolicyKind.OPA,
    query: 'data.terraform.deny',
    source: PolicySource.inline('package terraform\ndeny[msg] { false; msg := "no" }'),
    enforcementLevel: EnforcementLevel.OPA_MANDATORY,
  });
  const other = new Organization(stack, 'Globex', { name: 'globex', email: 'a@globex.example' });
  return { app, stack, org, api, web, payments, sentinel, opa, other };
}

/** A reference to an attribute of the resource whose logical ID starts with `id`. */
function ref(type: string, id: string, attribute: string): unknown {
  return expect.stringMatching(new RegExp(`^\\$\\{${type}\\.${id}_[0-9A-F]{8}\\.${attribute}\\}$`));
}

describe('PolicySet', () => {
  test('creates a Sentinel tfe_policy_set scoped to its attachments by default', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard' });
    // THEN
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TfePolicySet, {
      name: 'guard',
      organization: ref('tfe_organization', 'Acme', 'name'),
      kind: 'sentinel',
      global: false,
    });
    const body = Object.values(JSON.parse(json).resource.tfe_policy_set)[0] as { [k: string]: unknown };
    expect(Object.keys(body)).not.toEqual(expect.arrayContaining(['policy_ids']));
    expect(body.vcs_repo).toBeUndefined();
    expect(body.overridable).toBeUndefined();
    expect(set.kind).toBe(PolicyKind.SENTINEL);
    expect(set.appliesToAllWorkspaces).toBe(false);
    expect(set.node.tryFindChild('Resource')).toBeInstanceOf(TfePolicySet);
    expect([set.policies, set.attachedWorkspaces, set.attachedProjects, set.excludedWorkspaces, set.enforcementLevels]).toEqual([[], [], [], [], []]);
  });

  test('lists its policies in policy_ids and reports their enforcement levels', () => {
    // GIVEN
    const { stack, org, sentinel } = setup();
    const soft = new Policy(stack, 'Soft', {
      organization: org,
      name: 'soft',
      kind: PolicyKind.SENTINEL,
      source: PolicySource.inline('main = rule { true }'),
      enforcementLevel: EnforcementLevel.SENTINEL_SOFT_MANDATORY,
    });
    const hard2 = new Policy(stack, 'Hard2', {
      organization: org,
      name: 'hard2',
      kind: PolicyKind.SENTINEL,
      source: PolicySource.inline('main = rule { true }'),
      enforcementLevel: EnforcementLevel.SENTINEL_HARD_MANDATORY,
    });
    const existing = Policy.fromPolicyAttributes(stack, 'Existing', { policyId: 'pol-abc', policyName: 'existing', organization: org, kind: PolicyKind.SENTINEL });
    // WHEN
    const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard', policies: [sentinel] });
    set.addPolicy(soft);
    set.addPolicy(hard2);
    set.addPolicy(existing);
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfePolicySet, {
      policy_ids: [ref('tfe_policy', 'AlwaysPass', 'id'), ref('tfe_policy', 'Soft', 'id'), ref('tfe_policy', 'Hard2', 'id'), 'pol-abc'],
    });
    expect(set.policies).toEqual([sentinel, soft, hard2, existing]);
    expect(set.enforcementLevels).toEqual([EnforcementLevel.SENTINEL_HARD_MANDATORY, EnforcementLevel.SENTINEL_SOFT_MANDATORY]);
  });

  test('attaches to workspaces and projects and excludes workspaces with their own resources', () => {
    // GIVEN
    const { stack, org, api, web, payments } = setup();
    const ops = new Project(stack, 'Ops', { organization: org, name: 'ops' });
    const sandbox = new Workspace(stack, 'Sandbox', { organization: org, name: 'sandbox', project: payments });
    // WHEN
    const set = new PolicySet(stack, 'Guard', {
      organization: org, name: 'guard', workspaces: [api], projects: [payments], excludedWorkspaces: [sandbox],
    });
    const attachment = set.attachTo(web);
    set.attachToProject(ops);
    // THEN
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(WorkspacePolicySet, {
      policy_set_id: ref('tfe_policy_set', 'Guard', 'id'),
      workspace_id: ref('tfe_workspace', 'Api', 'id'),
    });
    expect(json).toHaveResourceWithProperties(WorkspacePolicySet, { workspace_id: ref('tfe_workspace', 'Web', 'id') });
    expect(json).toHaveResourceWithProperties(ProjectPolicySet, {
      policy_set_id: ref('tfe_policy_set', 'Guard', 'id'),
      project_id: ref('tfe_project', 'Payments', 'id'),
    });
    expect(json).toHaveResourceWithProperties(ProjectPolicySet, { project_id: ref('tfe_project', 'Ops', 'id') });
    expect(json).toHaveResourceWithProperties(WorkspacePolicySetExclusion, {
      policy_set_id: ref('tfe_policy_set', 'Guard', 'id'),
      workspace_id: ref('tfe_workspace', 'Sandbox', 'id'),
    });
    expect(attachment.node.path).toBe('test/Guard/Workspace-web');
    expect(set.attachedWorkspaces).toEqual([api, web]);
    expect(set.attachedProjects).toEqual([payments, ops]);
    expect(set.excludedWorkspaces).toEqual([sandbox]);
    expect(warnings(stack)).toEqual([]);
    const body = Object.values(JSON.parse(json).resource.tfe_policy_set)[0] as { [k: string]: unknown };
    expect(body.workspace_ids).toBeUndefined();
  });

  test('attachToGroup attaches every member of a workspace group', () => {
    // GIVEN
    const { stack, org } = setup();
    const group = new WorkspaceGroup(stack, 'Net', { organization: org, prefix: 'net-', members: [{ shortName: 'dev' }, { shortName: 'prod' }] });
    const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard' });
    // WHEN
    const attachments = set.attachToGroup(group);
    // THEN
    expect(attachments).toHaveLength(2);
    expect(set.attachedWorkspaces).toEqual(group.members);
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(WorkspacePolicySet, { workspace_id: ref('tfe_workspace', 'Net_dev', 'id') });
    expect(json).toHaveResourceWithProperties(WorkspacePolicySet, { workspace_id: ref('tfe_workspace', 'Net_prod', 'id') });
  });

  test('an organization-wide set may exclude workspaces', () => {
    // GIVEN
    const { stack, org, api } = setup();
    // WHEN
    const set = new PolicySet(stack, 'Everywhere', { organization: org, name: 'everywhere', appliesToAllWorkspaces: true, excludedWorkspaces: [api] });
    // THEN
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TfePolicySet, { global: true });
    expect(json).toHaveResourceWithProperties(WorkspacePolicySetExclusion, { workspace_id: ref('tfe_workspace', 'Api', 'id') });
    expect(set.appliesToAllWorkspaces).toBe(true);
    expect(warnings(stack)).toEqual([]);
  });

  test('a VCS-backed set writes vcs_repo and policies_path', () => {
    // GIVEN
    const { stack, org } = setup();
    const github = new OAuthClient(stack, 'GitHub', {
      organization: org, serviceProvider: VcsProvider.GITHUB, oauthToken: new TerraformVariable(stack, 'gh', { type: 'string', sensitive: true }).stringValue,
    });
    // WHEN
    const set = new PolicySet(stack, 'Repo', {
      organization: org,
      name: 'from-repo',
      description: 'Policies from git',
      vcs: { connection: github, repository: 'acme/policies', branch: 'main', policiesPath: 'sentinel/aws', ingressSubmodules: true },
    });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfePolicySet, {
      description: 'Policies from git',
      policies_path: 'sentinel/aws',
      vcs_repo: {
        identifier: 'acme/policies',
        branch: 'main',
        ingress_submodules: true,
        oauth_token_id: ref('tfe_oauth_client', 'GitHub', 'oauth_token_id'),
      },
    });
    expect(set.vcs?.repository).toBe('acme/policies');
    expect(set.enforcementLevels).toEqual([]);
  });

  test('a VCS-backed set can read through a GitHub App installation', () => {
    // GIVEN
    const { stack, org } = setup();
    const app = GitHubAppInstallation.fromGithubAppInstallationId(stack, 'App', 'ghain-abc123');
    // WHEN
    new PolicySet(stack, 'Repo', { organization: org, name: 'from-repo', kind: PolicyKind.OPA, vcs: { connection: app, repository: 'acme/opa' } });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfePolicySet, {
      kind: 'opa',
      vcs_repo: { identifier: 'acme/opa', github_app_installation_id: 'ghain-abc123' },
    });
  });

  test('an OPA set takes overridable, agentEnabled and a tool version', () => {
    // GIVEN
    const { stack, org, opa } = setup();
    // WHEN
    const set = new PolicySet(stack, 'Opa', {
      organization: org, name: 'opa', kind: PolicyKind.OPA, policies: [opa], overridable: true, agentEnabled: true, policyToolVersion: '0.61.0',
    });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfePolicySet, {
      kind: 'opa', overridable: true, agent_enabled: true, policy_tool_version: '0.61.0', policy_ids: [ref('tfe_policy', 'Deny', 'id')],
    });
    expect(set.enforcementLevels).toEqual([EnforcementLevel.OPA_MANDATORY]);
  });

  test('a Sentinel set pins a tool version in the agent', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    new PolicySet(stack, 'Pinned', { organization: org, name: 'pinned', agentEnabled: true, policyToolVersion: '0.24.1' });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfePolicySet, { agent_enabled: true, policy_tool_version: '0.24.1' });
  });

  test('addParameter creates tfe_policy_set_parameter, sensitive from a reference', () => {
    // GIVEN
    const { stack, org } = setup();
    const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard' });
    const token = new TerraformVariable(stack, 'api_token', { type: 'string', sensitive: true });
    // WHEN
    const regions = set.addParameter('allowed_regions', '["eu-west-1"]');
    set.addParameter('api_token', token.stringValue, { sensitive: true });
    set.addParameter('template', 'x-${y}');
    // THEN
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(PolicySetParameter, {
      policy_set_id: ref('tfe_policy_set', 'Guard', 'id'), key: 'allowed_regions', value: '["eu-west-1"]', sensitive: false,
    });
    expect(json).toHaveResourceWithProperties(PolicySetParameter, { key: 'api_token', value: '${var.api_token}', sensitive: true });
    expect(json).toHaveResourceWithProperties(PolicySetParameter, { key: 'template', value: 'x-$${y}' });
    expect(regions.node.path).toBe('test/Guard/Parameter-allowed_regions');
  });

  test('a literal sensitive parameter is accepted with allowPlaintextSecret, with a warning', () => {
    // GIVEN
    const { stack, org } = setup();
    const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard' });
    // WHEN
    set.addParameter('secret', 'hunter2hunter2', { sensitive: true, allowPlaintextSecret: true });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(PolicySetParameter, { key: 'secret', value: 'hunter2hunter2', sensitive: true });
    expect(warnings(set)).toEqual([expect.stringMatching(/^\[TFE-SECRET-002\] secret is a literal secret .* written in plain text/)]);
  });

  describe('fromPolicySetId', () => {
    test('references a set that can be attached, excluded and given parameters', () => {
      // GIVEN
      const { stack, org, api, web, payments } = setup();
      // WHEN
      const set = PolicySet.fromPolicySetId(stack, 'Existing', org, 'polset-wAs3zYmWAhYK7peR');
      set.attachTo(api);
      set.attachToProject(payments);
      set.exclude(web);
      set.addParameter('env', 'prod');
      // THEN
      const json = Testing.synth(stack, true);
      expect(json).not.toHaveResource(TfePolicySet);
      expect(json).toHaveResourceWithProperties(WorkspacePolicySet, { policy_set_id: 'polset-wAs3zYmWAhYK7peR', workspace_id: ref('tfe_workspace', 'Api', 'id') });
      expect(json).toHaveResourceWithProperties(ProjectPolicySet, { policy_set_id: 'polset-wAs3zYmWAhYK7peR' });
      expect(json).toHaveResourceWithProperties(WorkspacePolicySetExclusion, { policy_set_id: 'polset-wAs3zYmWAhYK7peR' });
      expect(json).toHaveResourceWithProperties(PolicySetParameter, { policy_set_id: 'polset-wAs3zYmWAhYK7peR', key: 'env', value: 'prod' });
      expect(set.kind).toBeUndefined();
      expect(set.policySetId).toBe('polset-wAs3zYmWAhYK7peR');
    });

    test('a malformed ID is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => PolicySet.fromPolicySetId(stack, 'Bad', org, 'polset-short'));
      // THEN
      expect(e.message).toBe(
        'test/Bad: [TFE-ID-009] policy set ID "polset-short" is not a policy set ID: it is "polset-" and 16 letters or digits, like "polset-wAs3zYmWAhYK7peR".');
    });
  });

  describe('rules', () => {
    test('policies of another kind than the set fail the synth', () => {
      // GIVEN
      const { stack, org, sentinel, opa } = setup();
      const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard', policies: [sentinel] });
      // WHEN
      set.addPolicy(opa);
      // THEN
      expect(() => Testing.synth(stack, true)).toThrow(
        '[test/Guard] [TFE-PSET-024] policy set of kind "sentinel" holds policies of another kind: test/Deny ("opa"); ' +
        'a set\'s policies all share its kind: move them to a set of their kind, or change the set\'s kind.');
    });

    test('an organization-wide set attached to workspaces or projects fails the synth', () => {
      // GIVEN
      const { stack, org, api, payments } = setup();
      const set = new PolicySet(stack, 'Everywhere', { organization: org, name: 'everywhere', appliesToAllWorkspaces: true });
      // WHEN
      set.attachTo(api);
      set.attachToProject(payments);
      // THEN
      expect(() => Testing.synth(stack, true)).toThrow(
        /\[test\/Everywhere\] \[TFE-PSET-022\] policy set applies to all workspaces \(appliesToAllWorkspaces: true, the provider's global\) but is also attached to test\/Api, test\/Payments: .*either drop appliesToAllWorkspaces .* or remove the attachTo\/attachToProject calls/s);
    });

    test('exclusions from a set without a project or organization-wide scope are warned about', () => {
      // GIVEN
      const { stack, org, api, web } = setup();
      // WHEN
      const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard', workspaces: [api], excludedWorkspaces: [web] });
      // THEN
      Testing.synth(stack, true);
      expect(warnings(set)).toEqual([
        '[TFE-PSET-023] exclusions of test/Web have no effect: the set is neither organization-wide nor attached to a project, so it covers only the workspaces attached to it directly.',
      ]);
    });

    test('a VCS-backed set takes no listed policies', () => {
      // GIVEN
      const { stack, org, sentinel } = setup();
      const app = GitHubAppInstallation.fromGithubAppInstallationId(stack, 'App', 'ghain-abc123');
      // WHEN
      const e = validationError(() => new PolicySet(stack, 'Repo', {
        organization: org, name: 'repo', vcs: { connection: app, repository: 'acme/policies' }, policies: [sentinel],
      }));
      // THEN
      expect(e.message).toBe(
        'test/Repo: [TFE-PSET-011] policy test/AlwaysPass cannot be added: this policy set reads its policies from the VCS repository "acme/policies", ' +
        'and a VCS-backed set takes no listed policies (the provider refuses policy_ids with vcs_repo); ' +
        'put the policy in the repository, or use a set without vcs for listed policies.');
    });

    test('a set without a VCS repository cannot get a policies path', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => new PolicySet(stack, 'Path', { organization: org, name: 'path', policiesPath: 'sentinel' } as PolicySetProps));
      // THEN
      expect(e.message).toBe(
        'test/Path: [TFE-PSET-015] policiesPath "sentinel" was given outside vcs: a policies path is a directory of the set\'s VCS repository, and the provider ' +
        'accepts policies_path only with vcs_repo; move it into vcs: { connection, repository, policiesPath }, or drop it.');
    });

    test('a policies path set on the L1 resource without a VCS repository fails the synth', () => {
      // GIVEN
      const { stack, org } = setup();
      const set = new PolicySet(stack, 'Path', { organization: org, name: 'path' });
      // WHEN
      (set.node.findChild('Resource') as TfePolicySet).addOverride('policies_path', 'sentinel');
      // THEN
      expect(() => Testing.synth(stack, true)).toThrow(
        /\[test\/Path\] \[TFE-PSET-025\] policies_path "sentinel" is set without vcs_repo \(through an override of test\/Path\/Resource\): .* pass vcs: \{ connection, repository, policiesPath \} instead/);
    });

    test('overridable on a Sentinel set is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => new PolicySet(stack, 'Over', { organization: org, name: 'over', overridable: true }));
      // THEN
      expect(e.message).toMatch(/^test\/Over: \[TFE-PSET-016\] overridable \(true\) is set on a "sentinel" policy set: the provider accepts overridable for OPA policy sets only .* remove overridable, or make the set kind: PolicyKind.OPA\.$/);
    });

    test('agentEnabled false on an OPA set is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => new PolicySet(stack, 'Opa', { organization: org, name: 'opa', kind: PolicyKind.OPA, agentEnabled: false }));
      // THEN
      expect(e.message).toBe(
        'test/Opa: [TFE-PSET-017] agentEnabled is false on an OPA policy set: OPA policies only run as policy evaluations in the HCP Terraform agent; remove agentEnabled (or set it to true).');
    });

    test('tool version "latest" on an OPA set is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => new PolicySet(stack, 'Opa', { organization: org, name: 'opa', kind: PolicyKind.OPA, policyToolVersion: 'latest' }));
      // THEN
      expect(e.message).toMatch(/^test\/Opa: \[TFE-PSET-019\] policyToolVersion "latest" is not accepted for OPA policy sets: give a version such as/);
    });

    test('an empty tool version is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => new PolicySet(stack, 'V', { organization: org, name: 'v', policyToolVersion: '' }));
      // THEN
      expect(e.message).toMatch(/^test\/V: \[TFE-PSET-018\] policyToolVersion "" is empty/);
    });

    test('a Sentinel tool version outside the agent is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => new PolicySet(stack, 'V', { organization: org, name: 'v', agentEnabled: false, policyToolVersion: '0.24.1' }));
      // THEN
      expect(e.message).toMatch(/^test\/V: \[TFE-PSET-020\] policyToolVersion "0.24.1" with agentEnabled false: .* set agentEnabled: true, or remove policyToolVersion\.$/);
    });

    test('a policy of another organization is refused', () => {
      // GIVEN
      const { stack, org, other } = setup();
      const foreign = new Policy(stack, 'Foreign', { organization: other, name: 'foreign', kind: PolicyKind.SENTINEL, source: PolicySource.inline('main = rule { true }') });
      const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard' });
      // WHEN
      const e = validationError(() => set.addPolicy(foreign));
      // THEN
      expect(e.message).toBe(
        'test/Guard: [TFE-PSET-012] policy test/Foreign belongs to organization "org:globex", but this policy set belongs to "org:acme": ' +
        'a set holds policies of its own organization; create the policy in "org:acme", or add it to a set of its organization.');
    });

    test('one policy in sets of two organizations is refused', () => {
      // GIVEN
      const { stack, org, other } = setup();
      const inAcme = Policy.fromPolicyAttributes(stack, 'SharedA', { policyId: 'pol-shared', policyName: 'shared', organization: org, kind: PolicyKind.SENTINEL });
      const inGlobex = Policy.fromPolicyAttributes(stack, 'SharedG', { policyId: 'pol-shared', policyName: 'shared', organization: other, kind: PolicyKind.SENTINEL });
      new PolicySet(stack, 'AcmeSet', { organization: org, name: 'acme-set', policies: [inAcme] });
      const globexSet = new PolicySet(stack, 'GlobexSet', { organization: other, name: 'globex-set' });
      // WHEN
      const e = validationError(() => globexSet.addPolicy(inGlobex));
      // THEN
      expect(e.message).toBe(
        'test/GlobexSet: [TFE-PSET-014] policy test/SharedG is already in policy set test/AcmeSet of organization "org:acme", and this set belongs to "org:globex": ' +
        'a policy belongs to one organization, so it cannot be in sets of two; create a separate policy in each organization.');
    });

    test('the same policy twice in a set is refused', () => {
      // GIVEN
      const { stack, org, sentinel } = setup();
      const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard', policies: [sentinel] });
      // WHEN
      const e = validationError(() => set.addPolicy(sentinel));
      // THEN
      expect(e.message).toBe('test/Guard: [TFE-PSET-013] policy test/AlwaysPass is already in this policy set: remove the duplicate addPolicy (or the duplicate entry in policies).');
    });

    test.each(['1st', 'with-dash', 'has space', ''])('parameter key %j is refused', (key) => {
      // GIVEN
      const { stack, org } = setup();
      const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard' });
      // WHEN
      const e = validationError(() => set.addParameter(key, 'v'));
      // THEN
      expect(e.message).toBe(
        `test/Guard: [TFE-PSET-008] parameter key ${JSON.stringify(key)} is not an identifier: Sentinel reads parameters as variables, so a key is letters, digits and "_", ` +
        'not starting with a digit, e.g. "allowed_regions".');
    });

    test('a parameter key given twice is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard' });
      set.addParameter('env', 'prod');
      // WHEN
      const e = validationError(() => set.addParameter('env', 'dev'));
      // THEN
      expect(e.message).toBe(
        'test/Guard: [TFE-PSET-009] parameter key "env" is already set on this policy set (test/Guard/Parameter-env): a key appears once per set; remove the duplicate addParameter, or change its key.');
    });

    test('a parameter key known only at plan time is left to the platform', () => {
      // GIVEN
      const { stack, org } = setup();
      const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard' });
      const key = new TerraformVariable(stack, 'key', { type: 'string', default: 'bad-key' });
      // WHEN
      const parameter = set.addParameter(key.stringValue, 'v');
      // THEN
      expect(parameter.node.path).toBe('test/Guard/Parameter-ref:var.key');
      expect(() => Testing.synth(stack, true)).not.toThrow();
    });

    test('a parameter key that is the same reference twice is refused', () => {
      const { stack, org } = setup();
      const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard' });
      const key = new TerraformVariable(stack, 'key', { type: 'string' });
      set.addParameter(key.stringValue, 'a');
      expect(() => set.addParameter(key.stringValue, 'b')).toThrow(
        /^test\/Guard: \[TFE-PSET-009\] parameter key "ref:var.key" is already set on this policy set \(test\/Guard\/Parameter-ref:var.key\)/,
      );
    });

    test('a sensitive literal parameter is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard' });
      // WHEN
      const e = validationError(() => set.addParameter('api_token', 'supersecretvalue', { sensitive: true }));
      // THEN
      expect(e.message).toMatch(/^test\/Guard: \[TFE-SECRET-001\] api_token is a literal string \(not shown\): .* or set allowPlaintextSecret: true to accept the risk\.$/);
      expect(e.message).not.toContain('supersecretvalue');
    });

    test('attaching the same workspace twice is refused', () => {
      // GIVEN
      const { stack, org, api } = setup();
      const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard', workspaces: [api] });
      // WHEN
      const e = validationError(() => set.attachTo(Workspace.fromWorkspaceName(stack, 'ApiAgain', Organization.fromOrganizationName(stack, 'A2', 'acme'), 'api')));
      // THEN
      expect(e.message).toBe(
        'test/Guard: [TFE-PSET-003] workspace test/ApiAgain is already attached to this policy set (test/Guard/Workspace-api): ' +
        'a set is attached to a workspace once; remove the duplicate attachTo (or the duplicate entry in workspaces).');
    });

    test('attaching the same project twice is refused', () => {
      // GIVEN
      const { stack, org, payments } = setup();
      const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard', projects: [payments] });
      // WHEN
      const e = validationError(() => set.attachToProject(payments));
      // THEN
      expect(e.message).toMatch(/^test\/Guard: \[TFE-PSET-005\] project test\/Payments is already attached to this policy set \(test\/Guard\/Project-payments\): .*remove the duplicate attachToProject/);
    });

    test('excluding the same workspace twice is refused', () => {
      // GIVEN
      const { stack, org, api } = setup();
      const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard', appliesToAllWorkspaces: true, excludedWorkspaces: [api] });
      // WHEN
      const e = validationError(() => set.exclude(api));
      // THEN
      expect(e.message).toBe(
        'test/Guard: [TFE-PSET-006] workspace test/Api is already excluded from this policy set (test/Guard/Exclusion-api): remove the duplicate exclude (or the duplicate entry in excludedWorkspaces).');
    });

    test.each([
      ['workspace', (s: PolicySet, t: ReturnType<typeof foreignTargets>) => s.attachTo(t.ws)],
      ['project', (s: PolicySet, t: ReturnType<typeof foreignTargets>) => s.attachToProject(t.project)],
      ['workspace', (s: PolicySet, t: ReturnType<typeof foreignTargets>) => s.exclude(t.ws)],
    ])('a %s of another organization is refused', (kind, act) => {
      // GIVEN
      const { stack, org, other } = setup();
      const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard' });
      const targets = foreignTargets(stack, other);
      // WHEN
      const e = validationError(() => act(set, targets));
      // THEN
      expect(e.message).toMatch(new RegExp(
        `^test/Guard: \\[TFE-PSET-010\\] ${kind} test/Globex${kind === 'project' ? 'Project' : 'Ws'} belongs to organization "org:globex", but this policy set belongs to "org:acme": ` +
        `a policy set applies only within its organization; use a ${kind} of "org:acme", or create a policy set in the other organization\\.$`));
    });

    test('excluding an attached workspace is refused', () => {
      // GIVEN
      const { stack, org, api } = setup();
      const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard', workspaces: [api] });
      // WHEN
      const e = validationError(() => set.exclude(api));
      // THEN
      expect(e.message).toMatch(/^test\/Guard: \[TFE-PSET-007\] workspace test\/Api is attached to this policy set \(test\/Guard\/Workspace-api\) and cannot also be excluded: .*remove the attachTo \(to exclude it\) or the exclude/);
    });

    test('attaching an excluded workspace is refused', () => {
      // GIVEN
      const { stack, org, api, payments } = setup();
      const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard', projects: [payments], excludedWorkspaces: [api] });
      // WHEN
      const e = validationError(() => set.attachTo(api));
      // THEN
      expect(e.message).toMatch(/^test\/Guard: \[TFE-PSET-004\] workspace test\/Api is excluded from this policy set \(test\/Guard\/Exclusion-api\) and cannot also be attached: .*remove the exclude or the attachTo\.$/);
    });

    test.each(['', 'has space', 'dot.ted'])('policy set name %j is refused', (name) => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => new PolicySet(stack, 'Bad', { organization: org, name }));
      // THEN
      expect(e.message).toBe(
        `test/Bad: [TFE-NAME-015] policy set name ${JSON.stringify(name)} is invalid: a policy set name has at least one character and only letters, numbers, "-" and "_" (no spaces), e.g. "aws-guardrails".`);
    });

    test('policy set names are unique per organization', () => {
      // GIVEN
      const { stack, org } = setup();
      new PolicySet(stack, 'One', { organization: org, name: 'guard' });
      // WHEN
      const e = validationError(() => new PolicySet(stack, 'Two', { organization: org, name: 'guard' }));
      // THEN
      expect(e.message).toBe(
        'test/Two: [TFE-PSET-001] policy set name "guard" is already used by test/One in organization test/Acme: policy set names are unique per organization; choose another name.');
    });

    test('an unknown kind is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => new PolicySet(stack, 'K', { organization: org, name: 'k', kind: 'rego' as PolicyKind }));
      // THEN
      expect(e.message).toBe('test/K: [TFE-PSET-002] policy set kind "rego" is not a policy kind: use PolicyKind.SENTINEL or PolicyKind.OPA.');
    });

    test('a malformed repository is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      const app = GitHubAppInstallation.fromGithubAppInstallationId(stack, 'App', 'ghain-abc123');
      // WHEN
      const e = validationError(() => new PolicySet(stack, 'Repo', { organization: org, name: 'repo', vcs: { connection: app, repository: 'policies' } }));
      // THEN
      expect(e.message).toMatch(/^test\/Repo: \[TFE-NAME-009\] repository "policies" is not a repository identifier: write "<vcs organization>\/<repository>"/);
    });

    test('a connection without exactly one credential is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      const broken = { node: stack.node, oauthTokenId: undefined, githubAppInstallationId: undefined } as unknown as OAuthClient;
      // WHEN
      const e = validationError(() => new PolicySet(stack, 'Repo', { organization: org, name: 'repo', vcs: { connection: broken, repository: 'acme/p' } }));
      // THEN
      expect(e.message).toMatch(/^test\/Repo: \[TFE-VCS-015\] the policy set's VCS repository needs a connection with exactly one of an OAuth token ID or a GitHub App installation ID/);
    });

    test('a connection of another organization is refused', () => {
      // GIVEN
      const { stack, org, other } = setup();
      const foreign = OAuthClient.fromOAuthTokenId(stack, 'GlobexGitHub', other, 'ot-abc123');
      // WHEN
      const e = validationError(() => new PolicySet(stack, 'Repo', { organization: org, name: 'repo', vcs: { connection: foreign, repository: 'acme/p' } }));
      // THEN
      expect(e.message).toBe(
        'test/Repo: [TFE-VCS-016] VCS connection test/GlobexGitHub belongs to organization "org:globex", but this policy set belongs to "org:acme": use a connection of the policy set\'s organization.');
    });

    test('an empty policies path is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      const app = GitHubAppInstallation.fromGithubAppInstallationId(stack, 'App', 'ghain-abc123');
      // WHEN
      const e = validationError(() => new PolicySet(stack, 'Repo', { organization: org, name: 'repo', vcs: { connection: app, repository: 'acme/p', policiesPath: '' } }));
      // THEN
      expect(e.message).toMatch(/^test\/Repo: \[TFE-PSET-021\] policiesPath "" is empty: give the repository directory of the policy set/);
    });

    test('organizations without the entitlements are refused', () => {
      // GIVEN
      const { stack } = setup();
      const team = Organization.fromOrganizationName(stack, 'Team', 'team-org', Entitlements.team());
      const noVcs = Organization.fromOrganizationName(stack, 'NoVcs', 'novcs-org', Entitlements.of([Entitlement.POLICY_ENFORCEMENT]));
      const app = GitHubAppInstallation.fromGithubAppInstallationId(stack, 'App', 'ghain-abc123');
      // WHEN
      const noPolicies = validationError(() => new PolicySet(stack, 'S1', { organization: team, name: 's1' }));
      const noVcsError = validationError(() => new PolicySet(stack, 'S2', { organization: noVcs, name: 's2', vcs: { connection: app, repository: 'acme/p' } }));
      // THEN
      expect(noPolicies.message).toMatch(/^test\/S1: \[TFE-ENT-001\] policy set "s1" needs the "policy-enforcement" entitlement/);
      expect(noVcsError.message).toMatch(/^test\/S2: \[TFE-ENT-001\] the VCS-backed policy set test\/S2 needs the "vcs-integrations" entitlement/);
    });
  });
});

function foreignTargets(stack: TerraformStack, other: Organization) {
  return {
    ws: new Workspace(stack, 'GlobexWs', { organization: other, name: 'globex-ws' }),
    project: new Project(stack, 'GlobexProject', { organization: other, name: 'globex-project' }),
  };
}


describe('PolicySet.fromPolicySetName', () => {
  test('looks the set up with a tfe_policy_set data source and attaches it by the looked-up ID', () => {
    const { stack, org } = setupWithSecrets();
    const baseline = lib.PolicySet.fromPolicySetName(stack, 'Baseline', org, 'baseline');
    expect(baseline.kind).toBeUndefined();
    baseline.attachTo(new lib.Workspace(stack, 'Api', { organization: org, name: 'api' }));
    const json = Testing.synth(stack, true);
    expect(json).toHaveDataSourceWithProperties(DataTfePolicySet, { name: 'baseline' });
    expect(json).toHaveResourceWithProperties(WorkspacePolicySet, { policy_set_id: expect.stringMatching(/^\$\{data\.tfe_policy_set\.Baseline_Lookup_[0-9A-F]+\.id\}$/) });
  });

  test('a name with spaces is refused', () => {
    const { stack, org } = setupWithSecrets();
    expect(lib.Errors.ruleIdOf(validationError(() => lib.PolicySet.fromPolicySetName(stack, 'Bad', org, 'my set')))).toBe('TFE-NAME-015');
  });
});
