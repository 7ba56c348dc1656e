import { RegistryModule as TfeRegistryModule } from '@cdktf/provider-tfe/lib/registry-module';
import { TestVariable } from '@cdktf/provider-tfe/lib/test-variable';
import { Testing } from 'cdktf';
import { secretVar, setup, validationError, warnings } from './util';
import {
  AgentPool, Entitlements, Errors, GitHubAppInstallation, ModulePublishing, OAuthClient, Organization, RegistryModule,
  VariableCategory, VariableValue,
} from '../src';
import { resolveValue } from '../src/private/validation';

Testing.setupJest();

function env() {
  const e = setup();
  const github = OAuthClient.fromOAuthTokenId(e.stack, 'GitHub', e.org, 'ot-abc123');
  return { ...e, github };
}

describe('RegistryModule', () => {
  test('tag-based publishing from a repository named terraform-<provider>-<name>', () => {
    // GIVEN
    const { stack, org, github } = env();
    // WHEN
    const vpc = new RegistryModule(stack, 'Vpc', { organization: org, connection: github, repository: 'acme/terraform-aws-vpc' });
    // THEN
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TfeRegistryModule, {
      organization: expect.stringMatching(/^\$\{tfe_organization\.Acme_[A-F0-9]+\.name\}$/),
      vcs_repo: { identifier: 'acme/terraform-aws-vpc', display_identifier: 'acme/terraform-aws-vpc', oauth_token_id: 'ot-abc123', tags: true },
    });
    const module = Object.values<any>(JSON.parse(json).resource.tfe_registry_module)[0];
    expect(module.no_code).toBeUndefined();
    expect(module.test_config).toBeUndefined();
    expect(module.module_provider).toBeUndefined();
    expect(resolveValue(stack, vpc.registryModuleId)).toMatch(/^\$\{tfe_registry_module\.Vpc_[A-F0-9]+\.id\}$/);
    expect(vpc.publishing.mechanism).toBe('tags');
    expect(vpc.testsEnabled).toBe(false);
  });

  test('branch-based publishing with tests on an agent pool, through a GitHub App', () => {
    const { stack, org } = env();
    const pool = new AgentPool(stack, 'Pool', { organization: org, name: 'agents' });
    new RegistryModule(stack, 'Vpc', {
      organization: org,
      connection: GitHubAppInstallation.fromGithubAppInstallationId(stack, 'App', 'ghain-abc123'),
      repository: 'acme/terraform-aws-vpc',
      displayIdentifier: 'Acme/terraform-aws-vpc',
      publishing: ModulePublishing.branch('main', { initialVersion: '1.0.0' }),
      tests: { agentPool: pool },
    });
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeRegistryModule, {
      vcs_repo: { identifier: 'acme/terraform-aws-vpc', display_identifier: 'Acme/terraform-aws-vpc', github_app_installation_id: 'ghain-abc123', branch: 'main', tags: false },
      initial_version: '1.0.0',
      test_config: [{ tests_enabled: true, agent_execution_mode: 'agent', agent_pool_id: expect.stringMatching(/tfe_agent_pool/) }],
    });
  });

  test('a module in a subdirectory, with a tag prefix', () => {
    const { stack, org, github } = env();
    new RegistryModule(stack, 'Vpc', {
      organization: org, connection: github, repository: 'acme/modules', sourceDirectory: 'modules/vpc', publishing: ModulePublishing.tags({ tagPrefix: 'vpc-v' }),
    });
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeRegistryModule, {
      vcs_repo: expect.objectContaining({ source_directory: 'modules/vpc', tag_prefix: 'vpc-v', tags: true }),
    });
  });

  test.each([
    [{ repository: 'acme/vpc-module' }, 'TFE-REG-001'],
    [{ repository: 'acme/terraform-AWS-vpc' }, 'TFE-REG-002'],
    [{ publishing: ModulePublishing.branch('') }, 'TFE-REG-003'],
    [{ tests: {} }, 'TFE-REG-004'],
    [{ publishing: ModulePublishing.branch('main', { initialVersion: 'v1' }) }, 'TFE-REG-005'],
    [{ repository: 'acme/modules', sourceDirectory: '../vpc' }, 'TFE-REG-007'],
    [{ repository: 'acme/modules', sourceDirectory: '/vpc' }, 'TFE-REG-007'],
    [{ publishing: ModulePublishing.tags({ tagPrefix: '' }) }, 'TFE-REG-008'],
    [{ repository: 'acme' }, 'TFE-NAME-009'],
  ])('%j is refused (%s)', (props, ruleId) => {
    const { stack, org, github } = env();
    const e = validationError(() => new RegistryModule(stack, 'Vpc', { organization: org, connection: github, repository: 'acme/terraform-aws-vpc', ...props }));
    expect(Errors.ruleIdOf(e)).toBe(ruleId);
  });

  test('a repository, or a name and provider, once per organization', () => {
    const { stack, org, github } = env();
    new RegistryModule(stack, 'Vpc', { organization: org, connection: github, repository: 'acme/terraform-aws-vpc' });
    expect(Errors.ruleIdOf(validationError(() => new RegistryModule(stack, 'Again', { organization: org, connection: github, repository: 'acme/terraform-aws-vpc' }))))
      .toBe('TFE-REG-010');
    expect(Errors.ruleIdOf(validationError(() => new RegistryModule(stack, 'Fork', { organization: org, connection: github, repository: 'fork/terraform-aws-vpc' }))))
      .toBe('TFE-REG-010');
    new RegistryModule(stack, 'A', { organization: org, connection: github, repository: 'acme/modules', sourceDirectory: 'a' });
    expect(Errors.ruleIdOf(validationError(() => new RegistryModule(stack, 'B', { organization: org, connection: github, repository: 'acme/modules', sourceDirectory: 'a' }))))
      .toBe('TFE-REG-009');
    expect(() => new RegistryModule(stack, 'C', { organization: org, connection: github, repository: 'acme/modules', sourceDirectory: 'b' })).not.toThrow();
  });

  test('a test agent pool or a connection of another organization is refused', () => {
    const { stack, org, github } = env();
    const other = new Organization(stack, 'Other', { name: 'other', email: 'o@other.example' });
    const pool = new AgentPool(stack, 'Pool', { organization: other, name: 'agents' });
    expect(Errors.ruleIdOf(validationError(() => new RegistryModule(stack, 'Vpc', {
      organization: org, connection: github, repository: 'acme/terraform-aws-vpc', publishing: ModulePublishing.branch('main'), tests: { agentPool: pool },
    })))).toBe('TFE-REG-006');
    expect(Errors.ruleIdOf(validationError(() => new RegistryModule(stack, 'Vpc2', { organization: other, connection: github, repository: 'acme/terraform-aws-vpc' }))))
      .toBe('TFE-VCS-016');
  });

  test('needs the private-module-registry and vcs-integrations entitlements', () => {
    const { stack } = env();
    const org = new Organization(stack, 'Small', { name: 'small', email: 's@small.example', entitlements: Entitlements.stateStorageOnly() });
    const conn = OAuthClient.fromOAuthTokenId(stack, 'Conn', org, 'ot-xyz');
    const e = validationError(() => new RegistryModule(stack, 'Vpc', { organization: org, connection: conn, repository: 'acme/terraform-aws-vpc' }));
    expect(Errors.ruleIdOf(e)).toBe('TFE-ENT-001');
    expect(e.message).toMatch(/"private-module-registry"/);
  });

  test('fromRegistryModuleId', () => {
    const { stack, org } = env();
    const ref = RegistryModule.fromRegistryModuleId(stack, 'Ref', org, 'mod-abc123');
    expect(ref.registryModuleId).toBe('mod-abc123');
    expect(Errors.ruleIdOf(validationError(() => RegistryModule.fromRegistryModuleId(stack, 'Bad', org, 'vpc')))).toBe('TFE-REG-011');
  });
});

describe('test variables', () => {
  function tested() {
    const e = env();
    const vpc = new RegistryModule(e.stack, 'Vpc', {
      organization: e.org, connection: e.github, repository: 'acme/terraform-aws-vpc', publishing: ModulePublishing.branch('main'), tests: {},
    });
    return { ...e, vpc };
  }

  test('environment variables, sensitive ones by reference, for the module\'s test runs', () => {
    const { stack, vpc } = tested();
    vpc.addTestVariable('Region', { key: 'AWS_REGION', value: VariableValue.string('eu-west-1') });
    vpc.addTestVariable('Key', { key: 'AWS_SECRET_ACCESS_KEY', value: VariableValue.fromReference(secretVar(stack, 'aws_key')), category: VariableCategory.ENV, sensitive: true });
    vpc.addTestVariable('Zones', { key: 'TF_VAR_zones', value: VariableValue.string('["a","b"]') });
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TestVariable, {
      key: 'AWS_REGION',
      value: 'eu-west-1',
      category: 'env',
      module_name: expect.stringMatching(/^\$\{tfe_registry_module\.Vpc_[A-F0-9]+\.name\}$/),
      module_provider: expect.stringMatching(/^\$\{tfe_registry_module\.Vpc_[A-F0-9]+\.module_provider\}$/),
      organization: expect.stringMatching(/tfe_organization/),
    });
    expect(json).toHaveResourceWithProperties(TestVariable, { key: 'AWS_SECRET_ACCESS_KEY', value: '${var.aws_key}', category: 'env', sensitive: true });
    expect(json).toHaveResourceWithProperties(TestVariable, { key: 'TF_VAR_zones', value: '["a","b"]', category: 'env' });
    expect(JSON.parse(json).resource.tfe_test_variable).not.toEqual(expect.objectContaining({ hcl: true }));
    expect(warnings(stack)).toEqual([]);
  });

  test('a Terraform-category test variable is refused: provider 0.71.0 accepts env alone', () => {
    const { vpc } = tested();
    const e = validationError(() => vpc.addTestVariable('Zones', { key: 'zones', value: VariableValue.list(['a', 'b']), category: VariableCategory.TERRAFORM }));
    expect(Errors.ruleIdOf(e)).toBe('TFE-REG-014');
    expect(e.message).toContain('"TF_VAR_zones"');
    expect(e.message).toContain('Vpc/Zones');
  });

  test('rules of variables apply, and keys are unique per module', () => {
    const { stack, vpc } = tested();
    expect(Errors.ruleIdOf(validationError(() => vpc.addTestVariable('A', { key: 'a b', value: VariableValue.string('x') })))).toBe('TFE-VAR-007');
    expect(Errors.ruleIdOf(validationError(() => vpc.addTestVariable('B', { key: 'K', value: VariableValue.hcl('{}') })))).toBe('TFE-VAR-004');
    const e = validationError(() => vpc.addTestVariable('C', { key: 'TOKEN', value: VariableValue.string('s3cr3t-value'), sensitive: true }));
    expect(Errors.ruleIdOf(e)).toBe('TFE-SECRET-003');
    expect(e.message).not.toContain('s3cr3t-value');
    vpc.addTestVariable('D', { key: 'REGION', value: VariableValue.string('x') });
    expect(Errors.ruleIdOf(validationError(() => vpc.addTestVariable('F', { key: 'REGION', value: VariableValue.string('y'), category: VariableCategory.ENV })))).toBe('TFE-REG-012');
    expect(stack).toBeDefined();
  });

  test('initialValueOnly seeds a test variable and keeps later edits; not with writeOnly', () => {
    const { stack, vpc } = tested();
    vpc.addTestVariable('Region', { key: 'AWS_REGION', value: VariableValue.string('eu-west-1'), initialValueOnly: true });
    const variable = Object.values<any>(JSON.parse(Testing.synth(stack, true)).resource.tfe_test_variable)[0];
    expect(variable.lifecycle).toEqual({ ignore_changes: ['value'] });
    expect(Errors.ruleIdOf(validationError(() => vpc.addTestVariable('Key', {
      key: 'AWS_SECRET_ACCESS_KEY', value: VariableValue.fromReference(secretVar(stack, 'k')), sensitive: true, writeOnly: true, initialValueOnly: true,
    })))).toBe('TFE-VAR-021');
  });

  test('a test variable on a module without tests is a warning', () => {
    const { stack, org, github } = env();
    const vpc = new RegistryModule(stack, 'Vpc', { organization: org, connection: github, repository: 'acme/terraform-aws-vpc' });
    vpc.addTestVariable('Region', { key: 'region', value: VariableValue.string('eu') });
    expect(warnings(stack)).toEqual([expect.stringMatching(/^\[TFE-REG-013\] the module's tests are not enabled/)]);
  });
});
