import { Variable as TfeVariable } from '@cdktf/provider-tfe/lib/variable';
import { Testing } from 'cdktf';
import { errorMessageOf, setup, validationError, warnings } from './util';
import { DynamicCredentials, Errors, VariableCategory, VariableSet, VariableValue, Workspace, WorkspaceGroup } from '../src';

Testing.setupJest();

/** The environment variables written on the stack, by key. */
function envVariables(stack: any): Record<string, any> {
  const variables = Object.values<any>(JSON.parse(Testing.synth(stack, true)).resource?.tfe_variable ?? {});
  return Object.fromEntries(variables.map((v) => [v.key, v]));
}

const ROLE = 'arn:aws:iam::123456789012:role/tfc-api';

describe('DynamicCredentials', () => {
  test('AWS on a workspace: provider auth, run and plan roles, as plain environment variables', () => {
    const { stack, org } = setup();
    const api = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    api.addDynamicCredentials(DynamicCredentials.aws({ runRoleArn: ROLE, planRoleArn: 'arn:aws:iam::123456789012:role/tfc-api-readonly' }));
    const vars = envVariables(stack);
    expect(Object.keys(vars).sort()).toEqual(['TFC_AWS_PLAN_ROLE_ARN', 'TFC_AWS_PROVIDER_AUTH', 'TFC_AWS_RUN_ROLE_ARN']);
    expect(vars.TFC_AWS_PROVIDER_AUTH).toMatchObject({ value: 'true', category: 'env', workspace_id: expect.stringMatching(/tfe_workspace\.Api_/) });
    expect(vars.TFC_AWS_RUN_ROLE_ARN).toMatchObject({ value: ROLE, category: 'env' });
    expect(vars.TFC_AWS_RUN_ROLE_ARN.hcl).toBeUndefined();
    expect(vars.TFC_AWS_RUN_ROLE_ARN.sensitive).toBeUndefined();
  });

  test('Azure on a variable set, GCP by pool parts on every member of a group, Vault with every option', () => {
    const { stack, org } = setup();
    const set = new VariableSet(stack, 'Azure', { organization: org, name: 'azure' });
    set.addDynamicCredentials(DynamicCredentials.azure({ runClientId: '00000000-0000-0000-0000-000000000000', audience: 'api://AzureADTokenExchange' }));
    const group = new WorkspaceGroup(stack, 'Net', { organization: org, prefix: 'net-', members: [{ shortName: 'dev' }, { shortName: 'prod' }] });
    group.addDynamicCredentials(DynamicCredentials.gcp({
      projectNumber: '123456789', workloadPoolId: 'tfc', workloadProviderId: 'tfc', runServiceAccountEmail: 'tfc@acme-net.iam.gserviceaccount.com',
    }));
    const vault = new Workspace(stack, 'Secrets', { organization: org, name: 'secrets' });
    vault.addDynamicCredentials(DynamicCredentials.vault({
      address: 'https://vault.acme.example:8200', runRole: 'tfc', namespace: 'admin', authPath: 'jwt-tfc', audience: 'vault.workload.identity', encodedCaCert: 'LS0tLS1CRUdJTg==',
    }));
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TfeVariable, { key: 'TFC_AZURE_RUN_CLIENT_ID', variable_set_id: expect.stringMatching(/tfe_variable_set\.Azure_/) });
    const all = Object.values<any>(JSON.parse(json).resource.tfe_variable);
    expect(all.filter((v) => v.key === 'TFC_GCP_WORKLOAD_POOL_ID')).toHaveLength(2);
    expect(all.filter((v) => v.key.startsWith('TFC_VAULT_')).map((v) => v.key).sort()).toEqual([
      'TFC_VAULT_ADDR', 'TFC_VAULT_AUTH_PATH', 'TFC_VAULT_ENCODED_CACERT', 'TFC_VAULT_NAMESPACE', 'TFC_VAULT_PROVIDER_AUTH', 'TFC_VAULT_RUN_ROLE',
      'TFC_VAULT_WORKLOAD_IDENTITY_AUDIENCE',
    ]);
  });

  test('the factories check their values and name the rule', () => {
    const rule = (fn: () => unknown) => Errors.ruleIdOf(validationError(fn));
    expect(rule(() => DynamicCredentials.aws({ planRoleArn: ROLE }))).toBe('TFE-DPC-001');
    expect(rule(() => DynamicCredentials.aws({ runRoleArn: 'tfc-api' }))).toBe('TFE-DPC-002');
    expect(rule(() => DynamicCredentials.aws({ runRoleArn: 'arn:aws:iam::12345:role/x' }))).toBe('TFE-DPC-002');
    expect(rule(() => DynamicCredentials.azure({ runClientId: 'my-app' }))).toBe('TFE-DPC-003');
    expect(rule(() => DynamicCredentials.gcp({ workloadProviderName: 'projects/1/locations/global/workloadIdentityPools/p/providers/q', runServiceAccountEmail: 'tfc@gmail.com' }))).toBe('TFE-DPC-004');
    expect(rule(() => DynamicCredentials.gcp({ runServiceAccountEmail: 'tfc@p.iam.gserviceaccount.com' }))).toBe('TFE-DPC-005');
    expect(rule(() => DynamicCredentials.gcp({ projectNumber: '1', runServiceAccountEmail: 'tfc@p.iam.gserviceaccount.com' }))).toBe('TFE-DPC-005');
    expect(rule(() => DynamicCredentials.gcp({ workloadProviderName: 'tfc-provider', runServiceAccountEmail: 'tfc@p.iam.gserviceaccount.com' }))).toBe('TFE-DPC-005');
    expect(rule(() => DynamicCredentials.vault({ address: 'vault.acme.example', runRole: 'tfc' }))).toBe('TFE-DPC-006');
    expect(validationError(() => DynamicCredentials.aws({ runRoleArn: 'tfc-api' })).message)
      .toMatch(/^DynamicCredentials\.aws: \[TFE-DPC-002\] runRoleArn "tfc-api" is malformed: an IAM role ARN looks like/);
  });

  test('references are left to the platform', () => {
    const { stack, org } = setup();
    const api = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    api.addDynamicCredentials(DynamicCredentials.aws({ runRoleArn: org.organizationName }));
    expect(envVariables(stack).TFC_AWS_RUN_ROLE_ARN.value).toMatch(/^\$\{tfe_organization\./);
  });

  test('warnings: plain-http Vault, a phase identity equal to the run identity', () => {
    const { stack, org } = setup();
    const api = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    api.addDynamicCredentials(DynamicCredentials.vault({ address: 'http://vault.internal:8200', runRole: 'tfc', applyRole: 'tfc' }));
    expect(warnings(api)).toEqual([
      expect.stringMatching(/^\[TFE-DPC-008\] vault dynamic credentials: applyRole is the same as the run identity/),
      expect.stringMatching(/^\[TFE-DPC-007\] Vault address "http:\/\/vault.internal:8200" is plain http/),
    ]);
  });

  test('one preset per cloud and target; static credentials of the same cloud on the target are refused at synth, added before or after', () => {
    const { stack, org } = setup();
    const api = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    api.addDynamicCredentials(DynamicCredentials.aws({ runRoleArn: ROLE }));
    expect(Errors.ruleIdOf(validationError(() => api.addDynamicCredentials(DynamicCredentials.aws({ runRoleArn: ROLE }))))).toBe('TFE-DPC-009');
    api.addDynamicCredentials(DynamicCredentials.vault({ address: 'https://vault.acme.example', runRole: 'tfc' }));
    api.addVariable('Key', { key: 'AWS_SECRET_ACCESS_KEY', value: VariableValue.string('x'), category: VariableCategory.ENV });
    const message = errorMessageOf(() => Testing.synth(stack, true));
    expect(message).toContain('[TFE-DPC-010] test/Api has aws dynamic credentials and the static credential AWS_SECRET_ACCESS_KEY (test/Api/Key)');

    const { stack: stack2, org: org2 } = setup();
    const web = new Workspace(stack2, 'Web', { organization: org2, name: 'web' });
    web.addVariable('Token', { key: 'VAULT_TOKEN', value: VariableValue.string('x'), category: VariableCategory.ENV });
    web.addDynamicCredentials(DynamicCredentials.vault({ address: 'https://vault.acme.example', runRole: 'tfc' }));
    expect(errorMessageOf(() => Testing.synth(stack2, true))).toContain('[TFE-DPC-010] test/Web has vault dynamic credentials and the static credential VAULT_TOKEN');
  });

  test('a Terraform variable with a static credential\'s name is no static credential', () => {
    const { stack, org } = setup();
    const api = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    api.addDynamicCredentials(DynamicCredentials.aws({ runRoleArn: ROLE }));
    api.addVariable('Key', { key: 'AWS_ACCESS_KEY_ID', value: VariableValue.string('x') });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});
