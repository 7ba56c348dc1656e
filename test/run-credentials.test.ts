import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { Construct } from 'constructs';
import { Errors, IApiToken, Organization, RunCredentials, TokenKind } from '../src';

Testing.setupJest();

function setup(): { stack: TerraformStack; acme: Organization } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new TfeProvider(stack, 'tfe', {});
  const acme = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });
  return { stack, acme };
}

function errorOf(fn: () => unknown): any {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

class UserToken extends Construct implements IApiToken {
  public readonly tokenValue = 'user-token-value';
  public readonly tokenKind = TokenKind.USER;
  public readonly canRunOperations = true;
}

describe('RunCredentials.fromToken', () => {
  test('accepts a team token and keeps its sensitive reference', () => {
    // GIVEN
    const { stack, acme } = setup();
    const token = acme.addTeam('Ops', { name: 'ops' }).addToken('Ci', { description: 'ci' });

    // WHEN
    const credentials = RunCredentials.fromToken(token);
    new TerraformOutput(stack, 'credentials', { value: credentials.tokenValue, sensitive: true });

    // THEN
    expect(credentials.tokenValue).toBe(token.tokenValue);
    const outputs = JSON.parse(Testing.synth(stack, true)).output;
    expect(outputs.credentials.value).toMatch(/^\$\{tfe_team_token\.Acme_Ops_Ci_[0-9A-F]{8}\.token\}$/);
  });

  test('accepts any token that can run operations', () => {
    // GIVEN
    const { stack } = setup();
    const token = new UserToken(stack, 'User');

    // WHEN
    const credentials = RunCredentials.fromToken(token);

    // THEN
    expect(credentials.tokenValue).toBe('user-token-value');
  });

  test('refuses the organization token', () => {
    // GIVEN
    const { acme } = setup();
    const token = acme.addToken('Token');

    // WHEN
    const e = errorOf(() => RunCredentials.fromToken(token));

    // THEN
    expect(Errors.isValidationError(e)).toBe(true);
    expect(Errors.constructPathOf(e)).toBe('test/Acme/Token');
    expect(e.message).toBe(
      'test/Acme/Token: [TFE-TOK-008] an organization token cannot run plans or applies, but it was given as run credentials: ' +
        'use a team token (team.addToken(...)) or a user token for runs; keep the organization token for managing the organization.',
    );
  });

  test('refuses the organization token of an imported organization', () => {
    // GIVEN
    const { stack } = setup();
    const token = Organization.fromOrganizationName(stack, 'Globex', 'globex').addToken('Token');

    // WHEN / THEN
    expect(() => RunCredentials.fromToken(token)).toThrow(/^test\/Globex\/Token: \[TFE-TOK-008\] an organization token cannot run plans or applies/);
  });
});
