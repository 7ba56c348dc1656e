import { OrganizationToken as TfeOrganizationToken } from '@cdktf/provider-tfe/lib/organization-token';
import { Lazy, TerraformStack, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { Errors, Organization, OrganizationToken, TokenKind } from '../src';
import { errorOf, newStack, warnings } from './util';

Testing.setupJest();

function newOrg(stack: TerraformStack, name = 'acme', id = 'Acme'): Organization {
  return new Organization(stack, id, { name, email: `platform@${name}.example` });
}

describe('OrganizationToken', () => {
  test('creates a tfe_organization_token for the organization', () => {
    // GIVEN
    const stack = newStack();
    const acme = newOrg(stack);

    // WHEN
    const token = acme.addToken('Token');

    // THEN
    const json = Testing.synth(stack, true);
    const all = Object.values(JSON.parse(json).resource.tfe_organization_token);
    expect(all).toEqual([{ organization: expect.stringMatching(/^\$\{tfe_organization\.Acme_[0-9A-F]{8}\.name\}$/) }]);
    expect(token.tokenKind).toBe(TokenKind.ORGANIZATION);
    expect(token.canRunOperations).toBe(false);
    expect(token.organization).toBe(acme);
  });

  test('can be created directly, for an imported organization, with every option', () => {
    // GIVEN
    const stack = newStack();
    const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');

    // WHEN
    new OrganizationToken(stack, 'Token', { organization: acme, expiresAt: '2099-06-30T08:00:00+02:00', forceRegenerate: true });

    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeOrganizationToken, {
      organization: 'acme',
      expired_at: '2099-06-30T06:00:00Z',
      force_regenerate: true,
    });
  });

  test('refuses a second token for an organization', () => {
    // GIVEN
    const stack = newStack();
    const acme = newOrg(stack);
    acme.addToken('Token');

    // WHEN
    const e = errorOf(() => acme.addToken('Token2'));

    // THEN
    expect(Errors.isValidationError(e)).toBe(true);
    expect(Errors.constructPathOf(e)).toBe('test/Acme/Token2');
    expect(e.message).toBe(
      'test/Acme/Token2: [TFE-TOK-007] organization test/Acme already has a token (test/Acme/Token): an organization has exactly one token; ' +
        'reuse it, or use team tokens for separate credentials.',
    );
  });

  test('refuses a second token across two imports of the same organization name', () => {
    // GIVEN
    const stack = newStack();
    Organization.fromOrganizationName(stack, 'First', 'acme').addToken('Token');
    const second = Organization.fromOrganizationName(stack, 'Second', 'acme');

    // WHEN / THEN
    expect(() => second.addToken('Token')).toThrow(
      /^test\/Second\/Token: \[TFE-TOK-007\] organization test\/Second already has a token \(test\/First\/Token\)/,
    );
  });

  test('each organization has its own token', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    newOrg(stack).addToken('Token');
    newOrg(stack, 'globex', 'Globex').addToken('Token');

    // THEN
    expect(Object.keys(JSON.parse(Testing.synth(stack, true)).resource.tfe_organization_token)).toHaveLength(2);
  });

  test('normalizes the expiry', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    newOrg(stack).addToken('Token', { expiresAt: '2098-03-01' });

    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeOrganizationToken, { expired_at: '2098-03-01T00:00:00Z' });
  });

  test('refuses an expiry that is not ISO-8601', () => {
    // GIVEN
    const stack = newStack();
    const acme = newOrg(stack);

    // WHEN
    const e = errorOf(() => acme.addToken('Token', { expiresAt: 'tomorrow' }));

    // THEN
    expect(Errors.constructPathOf(e)).toBe('test/Acme/Token');
    expect(e.message).toBe('test/Acme/Token: [TFE-TOK-004] expiresAt "tomorrow" is not an ISO-8601 date-time: write it like "2027-01-31T00:00:00Z".');
  });

  test('an expiry in the past is a warning, and the program still synthesizes', () => {
    // GIVEN: the clock fixed after the expiry
    const stack = newStack('2030-06-01T00:00:00Z');
    const acme = newOrg(stack);

    // WHEN
    acme.addToken('Token', { expiresAt: '2030-01-01T00:00:00Z' });
    const json = Testing.synth(stack, true);

    // THEN
    expect(json).toHaveResourceWithProperties(TfeOrganizationToken, { expired_at: '2030-01-01T00:00:00Z' });
    expect(warnings(stack)).toEqual([
      '[TFE-TOK-005] expiresAt "2030-01-01T00:00:00Z" is in the past (now is 2030-06-01T00:00:00.000Z): the token has expired, and the platform refuses to create a token that expires in the past; give a future date-time to create or rotate it.',
    ]);
  });

  test('the same expiry before the fixed clock passes without a warning', () => {
    // GIVEN
    const stack = newStack('2029-12-31T23:59:59Z');
    newOrg(stack).addToken('Token', { expiresAt: '2030-01-01T00:00:00Z' });

    // WHEN
    Testing.synth(stack, true);

    // THEN
    expect(warnings(stack)).toEqual([]);
  });

  test('a lazy expiry in the past is a warning at synth', () => {
    // GIVEN
    const stack = newStack('2030-06-01T00:00:00Z');
    newOrg(stack).addToken('Token', { expiresAt: Lazy.stringValue({ produce: () => '2001-01-01' }) });

    // WHEN
    Testing.synth(stack, true);

    // THEN
    expect(warnings(stack)).toEqual([expect.stringMatching(/^\[TFE-TOK-005\] expiresAt "2001-01-01" is in the past \(now is 2030-06-01T00:00:00.000Z\)/)]);
  });

  describe('createOutput', () => {
    test('writes the value to a sensitive output', () => {
      // GIVEN
      const stack = newStack();
      const token = newOrg(stack).addToken('Token');

      // WHEN
      token.createOutput('org-token');

      // THEN
      const outputs = JSON.parse(Testing.synth(stack, true)).output;
      expect(Object.values(outputs)).toEqual([
        {
          sensitive: true,
          value: expect.stringMatching(/^\$\{tfe_organization_token\.Acme_Token_[0-9A-F]{8}\.token\}$/),
          description: 'organization token test/Acme/Token',
        },
      ]);
    });

    test('takes a description', () => {
      // GIVEN
      const stack = newStack();
      const token = newOrg(stack).addToken('Token');

      // WHEN
      token.createOutput('org-token', { description: 'Organization token' });

      // THEN
      const [output] = Object.values(JSON.parse(Testing.synth(stack, true)).output) as any[];
      expect(output.description).toBe('Organization token');
      expect(output.sensitive).toBe(true);
    });
  });
});
