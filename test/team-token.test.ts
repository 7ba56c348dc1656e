import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { TeamToken as TfeTeamToken } from '@cdktf/provider-tfe/lib/team-token';
import { Lazy, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { Clock, Errors, Organization, Team, TeamToken, TokenKind } from '../src';

Testing.setupJest();

function newTeam(now?: string): { stack: TerraformStack; acme: Organization; ops: Team } {
  const app = Testing.app(now === undefined ? {} : { context: { [Clock.CONTEXT_KEY]: now } });
  const stack = new TerraformStack(app, 'test');
  new TfeProvider(stack, 'tfe', {});
  const acme = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });
  const ops = acme.addTeam('Ops', { name: 'ops' });
  return { stack, acme, ops };
}

function errorOf(fn: () => unknown): any {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

function tokens(stack: TerraformStack): any[] {
  return Object.values(JSON.parse(Testing.synth(stack, true)).resource.tfe_team_token);
}

const TEAM_ID = /^\$\{tfe_team\.Acme_Ops_[0-9A-F]{8}\.id\}$/;

describe('TeamToken', () => {
  test('the legacy token is a tfe_team_token without a description', () => {
    // GIVEN
    const { stack, ops } = newTeam();

    // WHEN
    const token = ops.addToken('Ci');

    // THEN
    expect(tokens(stack)).toEqual([{ team_id: expect.stringMatching(TEAM_ID) }]);
    expect(token.tokenKind).toBe(TokenKind.TEAM);
    expect(token.canRunOperations).toBe(true);
    expect(token.team).toBe(ops);
    expect(token.description).toBeUndefined();
    expect(token.node.path).toBe('test/Acme/Ops/Ci');
  });

  test('exposes the token value and ID as references', () => {
    // GIVEN
    const { stack, ops } = newTeam();
    const token = ops.addToken('Ci');

    // WHEN
    new TerraformOutput(stack, 'id', { value: token.tokenId });

    // THEN
    const outputs = JSON.parse(Testing.synth(stack, true)).output;
    expect(outputs.id.value).toMatch(/^\$\{tfe_team_token\.Acme_Ops_Ci_[0-9A-F]{8}\.id\}$/);
  });

  test('can be created directly with the team in the props', () => {
    // GIVEN
    const { stack, ops } = newTeam();

    // WHEN
    new TeamToken(stack, 'Direct', { team: ops, description: 'direct' });

    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeTeamToken, {
      description: 'direct',
      team_id: expect.stringMatching(TEAM_ID),
    });
  });

  test('a team can have several described tokens and one legacy token', () => {
    // GIVEN
    const { stack, ops } = newTeam();

    // WHEN
    ops.addToken('Legacy');
    ops.addToken('Ci', { description: 'ci' });
    ops.addToken('Deploy', { description: 'deploy' });

    // THEN
    const all = tokens(stack);
    expect(all).toHaveLength(3);
    expect(all.map((t) => t.description ?? '(legacy)').sort()).toEqual(['(legacy)', 'ci', 'deploy']);
  });

  test('refuses a second legacy token on a team', () => {
    // GIVEN
    const { ops } = newTeam();
    ops.addToken('Ci');

    // WHEN
    const e = errorOf(() => ops.addToken('Ci2'));

    // THEN
    expect(Errors.isValidationError(e)).toBe(true);
    expect(Errors.constructPathOf(e)).toBe('test/Acme/Ops/Ci2');
    expect(e.message).toBe(
      'test/Acme/Ops/Ci2: [TFE-TOK-001] team test/Acme/Ops already has a legacy token (test/Acme/Ops/Ci): ' +
        'a team has one legacy token; give this token a unique description to create another.',
    );
  });

  test('refuses a second legacy token through two imports of the same team ID', () => {
    // GIVEN
    const { stack, acme } = newTeam();
    Team.fromTeamId(stack, 'First', acme, 'team-abc123').addToken('Ci');
    const second = Team.fromTeamId(stack, 'Second', acme, 'team-abc123');

    // WHEN / THEN
    expect(() => second.addToken('Ci')).toThrow(
      /^test\/Second\/Ci: \[TFE-TOK-001\] team test\/Second already has a legacy token \(test\/First\/Ci\)/,
    );
  });

  test('refuses a legacy token on a created team and on a lookup of it by name', () => {
    // GIVEN
    const { stack, acme, ops } = newTeam();
    ops.addToken('Ci');
    const lookedUp = Team.fromTeamName(stack, 'Lookup', acme, 'ops');

    // WHEN / THEN
    expect(() => lookedUp.addToken('Ci')).toThrow(/already has a legacy token \(test\/Acme\/Ops\/Ci\)/);
  });

  test('each team has its own legacy token', () => {
    // GIVEN
    const { stack, acme, ops } = newTeam();
    const dev = acme.addTeam('Dev', { name: 'dev' });

    // WHEN
    ops.addToken('Ci');
    dev.addToken('Ci');

    // THEN
    expect(tokens(stack)).toHaveLength(2);
  });

  test('refuses a duplicate description on a team', () => {
    // GIVEN
    const { ops } = newTeam();
    ops.addToken('Ci', { description: 'ci' });

    // WHEN
    const e = errorOf(() => ops.addToken('Ci2', { description: 'ci' }));

    // THEN
    expect(Errors.constructPathOf(e)).toBe('test/Acme/Ops/Ci2');
    expect(e.message).toBe(
      'test/Acme/Ops/Ci2: [TFE-TOK-002] team test/Acme/Ops already has a token described "ci" (test/Acme/Ops/Ci): ' +
        'token descriptions are unique per team; choose another description.',
    );
  });

  test('allows the same description on two teams', () => {
    // GIVEN
    const { stack, acme, ops } = newTeam();
    const dev = acme.addTeam('Dev', { name: 'dev' });

    // WHEN
    ops.addToken('Ci', { description: 'ci' });
    dev.addToken('Ci', { description: 'ci' });

    // THEN
    expect(tokens(stack).map((t) => t.description)).toEqual(['ci', 'ci']);
  });

  test('forceRegenerate on the legacy token is passed on', () => {
    // GIVEN
    const { stack, ops } = newTeam();

    // WHEN
    ops.addToken('Ci', { forceRegenerate: true });

    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeTeamToken, { force_regenerate: true });
  });

  test('refuses forceRegenerate with a description', () => {
    // GIVEN
    const { ops } = newTeam();

    // WHEN
    const e = errorOf(() => ops.addToken('Ci', { description: 'ci', forceRegenerate: true }));

    // THEN
    expect(Errors.constructPathOf(e)).toBe('test/Acme/Ops/Ci');
    expect(e.message).toBe(
      'test/Acme/Ops/Ci: [TFE-TOK-003] forceRegenerate is only for the legacy token, but this token has the description "ci": ' +
        'remove forceRegenerate (described tokens never collide), or remove the description to manage the legacy token.',
    );
  });

  test('accepts forceRegenerate false with a description', () => {
    // GIVEN
    const { stack, ops } = newTeam();

    // WHEN
    ops.addToken('Ci', { description: 'ci', forceRegenerate: false });

    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeTeamToken, { description: 'ci', force_regenerate: false });
  });

  test.each(['', ' ', '\t\n'])('refuses the empty description %j', (description) => {
    // GIVEN
    const { ops } = newTeam();

    // WHEN
    const e = errorOf(() => ops.addToken('Ci', { description }));

    // THEN
    expect(Errors.constructPathOf(e)).toBe('test/Acme/Ops/Ci');
    expect(e.message).toBe(
      'test/Acme/Ops/Ci: [TFE-TOK-006] the token description is empty: give a description that tells the token apart, or omit it for the legacy token.',
    );
  });

  test('a lazy description that resolves to an empty one fails the synth', () => {
    // GIVEN
    const { stack, ops } = newTeam();
    ops.addToken('Ci', { description: Lazy.stringValue({ produce: () => ' ' }) });

    // WHEN / THEN
    expect(() => Testing.synth(stack, true)).toThrow(/\[test\/Acme\/Ops\/Ci\] \[TFE-TOK-006\] the token description is empty/);
  });

  test('descriptions from variables are not compared at construction', () => {
    // GIVEN
    const { stack, ops } = newTeam();
    const description = new TerraformVariable(stack, 'description', { type: 'string' });

    // WHEN
    const first = ops.addToken('Ci', { description: description.stringValue });
    ops.addToken('Ci2', { description: description.stringValue });

    // THEN
    expect(tokens(stack).map((t) => t.description)).toEqual(['${var.description}', '${var.description}']);
    expect(first.node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => m.data)).toEqual([
      expect.stringMatching(/^\[TFE-REF-001\] The token description is only known at plan time/),
    ]);
  });

  describe('expiry', () => {
    test.each([
      ['2099-01-31', '2099-01-31T00:00:00Z'],
      ['2099-01-31T12:30', '2099-01-31T12:30:00Z'],
      ['2099-01-31T12:30:15', '2099-01-31T12:30:15Z'],
      ['2099-01-31T12:30:15Z', '2099-01-31T12:30:15Z'],
      ['2099-01-31T12:30:15.250Z', '2099-01-31T12:30:15Z'],
      ['2099-01-31T12:30:15+02:00', '2099-01-31T10:30:15Z'],
      ['2099-01-31T01:00:00-0130', '2099-01-31T02:30:00Z'],
      ['2099-01-31T00:00:00+01:00', '2099-01-30T23:00:00Z'],
    ])('normalizes %j to %j', (expiresAt, expected) => {
      // GIVEN
      const { stack, ops } = newTeam();

      // WHEN
      ops.addToken('Ci', { expiresAt });

      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeTeamToken, { expired_at: expected });
    });

    test('a date-time without an offset is UTC whatever the local time zone', () => {
      // GIVEN
      const previous = process.env.TZ;
      process.env.TZ = 'America/New_York';
      try {
        const { stack, ops } = newTeam();

        // WHEN
        ops.addToken('Ci', { expiresAt: '2099-01-31T12:00:00' });

        // THEN
        expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeTeamToken, { expired_at: '2099-01-31T12:00:00Z' });
      } finally {
        if (previous === undefined) delete process.env.TZ;
        else process.env.TZ = previous;
      }
    });

    test.each(['next tuesday', '2030/01/31', '31-01-2030', '2099-1-31', '2099-02-30', '2099-13-01', '2099-01-31T25:00:00Z', '2099-01-31 12:00', ''])(
      'refuses %j as not ISO-8601',
      (expiresAt) => {
        // GIVEN
        const { ops } = newTeam();

        // WHEN
        const e = errorOf(() => ops.addToken('Ci', { expiresAt }));

        // THEN
        expect(Errors.isValidationError(e)).toBe(true);
        expect(Errors.constructPathOf(e)).toBe('test/Acme/Ops/Ci');
        expect(e.message).toBe(
          `test/Acme/Ops/Ci: [TFE-TOK-004] expiresAt ${JSON.stringify(expiresAt)} is not an ISO-8601 date-time: write it like "2027-01-31T00:00:00Z".`,
        );
      },
    );

    test.each([
      ['2020-01-01', '2020-01-01T00:00:00Z'],
      ['2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z'],
      ['2000-01-01T00:59:59+01:00', '2000-01-01T00:00:00Z'],
    ])('warns that %j is in the past at %s, and still synthesizes it', (expiresAt, now) => {
      // GIVEN
      const { stack, ops } = newTeam(now);

      // WHEN
      ops.addToken('Ci', { expiresAt });
      const json = Testing.synth(stack, true);

      // THEN
      expect(json).toHaveResource(TfeTeamToken);
      expect(ops.node.findChild('Ci').node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data)).toEqual([
        expect.stringMatching(new RegExp(`^\\[TFE-TOK-005\\] expiresAt "${expiresAt.replace(/[+.]/g, '\\$&')}" is in the past \\(now is ${now.replace('Z', '.000Z').replace(/[+.]/g, '\\$&')}\\): the token has expired`)),
      ]);
    });

    test('a fixed clock that is not an RFC 3339 date-time fails the synth', () => {
      // GIVEN
      const { stack, ops } = newTeam('next tuesday');
      ops.addToken('Ci', { expiresAt: '2030-01-01' });

      // WHEN / THEN
      expect(() => Testing.synth(stack, true)).toThrow(
        /\[test\/Acme\/Ops\/Ci\] \[TFE-CLOCK-001\] the context key cdktf-tfe-constructs:now is "next tuesday", not an RFC 3339 date-time with a time zone/,
      );
    });

    test('a lazy expiry is checked at synth and passed through as it is', () => {
      // GIVEN
      const { stack, ops } = newTeam();

      // WHEN
      ops.addToken('Ci', { expiresAt: Lazy.stringValue({ produce: () => '2099-01-31' }) });

      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeTeamToken, { expired_at: '2099-01-31' });
    });

    test('a lazy expiry in the past is a warning at synth', () => {
      // GIVEN
      const { stack, ops } = newTeam('2021-01-01T00:00:00Z');
      ops.addToken('Ci', { expiresAt: Lazy.stringValue({ produce: () => '2020-01-01' }) });

      // WHEN
      const json = Testing.synth(stack, true);

      // THEN
      expect(json).toHaveResourceWithProperties(TfeTeamToken, { expired_at: '2020-01-01' });
      expect(ops.node.findChild('Ci').node.metadata.map((m) => m.data)).toContainEqual(
        expect.stringMatching(/^\[TFE-TOK-005\] expiresAt "2020-01-01" is in the past/));
    });

    test('a lazy expiry that is not a date fails the synth', () => {
      // GIVEN
      const { stack, ops } = newTeam();
      ops.addToken('Ci', { expiresAt: Lazy.stringValue({ produce: () => 'soon' }) });

      // WHEN / THEN
      expect(() => Testing.synth(stack, true)).toThrow(/\[test\/Acme\/Ops\/Ci\] \[TFE-TOK-004\] expiresAt "soon" is not an ISO-8601 date-time/);
    });

    test('an expiry from a variable synthesizes with an info annotation', () => {
      // GIVEN
      const { stack, ops } = newTeam();
      const expiry = new TerraformVariable(stack, 'expiry', { type: 'string' });

      // WHEN
      const token = ops.addToken('Ci', { expiresAt: expiry.stringValue });

      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeTeamToken, { expired_at: '${var.expiry}' });
      expect(token.node.metadata.map((m) => m.data)).toEqual([
        expect.stringMatching(/^\[TFE-REF-001\] The token expiry is only known at plan time \("\$\{var\.expiry\}"\)/),
      ]);
    });
  });

  describe('createOutput', () => {
    test('writes the value to a sensitive output', () => {
      // GIVEN
      const { stack, ops } = newTeam();
      const token = ops.addToken('Ci', { description: 'ci' });

      // WHEN
      token.createOutput('ci-token');

      // THEN
      const outputs = JSON.parse(Testing.synth(stack, true)).output;
      const entries = Object.entries(outputs) as [string, any][];
      expect(entries).toHaveLength(1);
      const [key, output] = entries[0];
      expect(key).toBe('ci-token');
      expect(output).toEqual({
        sensitive: true,
        value: expect.stringMatching(/^\$\{tfe_team_token\.Acme_Ops_Ci_[0-9A-F]{8}\.token\}$/),
        description: 'team token test/Acme/Ops/Ci',
      });
    });

    test('takes a description', () => {
      // GIVEN
      const { stack, ops } = newTeam();
      const token = ops.addToken('Ci');

      // WHEN
      const output = token.createOutput('ci-token', { description: 'CI token' });

      // THEN
      expect(output.node.path).toBe('test/Acme/Ops/Ci/Output-ci-token');
      const [json] = Object.values(JSON.parse(Testing.synth(stack, true)).output) as any[];
      expect(json.description).toBe('CI token');
      expect(json.sensitive).toBe(true);
    });

    test('output names are Terraform identifiers, and may be any of them (even "valueOf")', () => {
      const { stack, ops } = newTeam();
      ops.addToken('Ci').createOutput('valueOf');
      expect(Object.keys(JSON.parse(Testing.synth(stack, true)).output)).toEqual(['valueOf']);
      expect(() => ops.addToken('Other', { description: 'o' }).createOutput('not an identifier')).toThrow(
        /output name "not an identifier" is not a Terraform identifier/,
      );
    });

    test('output names are unique per stack', () => {
      // GIVEN
      const { ops } = newTeam();
      ops.addToken('Ci').createOutput('token');
      const other = ops.addToken('Other', { description: 'other' });

      // WHEN / THEN
      expect(() => other.createOutput('token')).toThrow(
        /^test\/Acme\/Ops\/Other: \[TFE-TOK-010\] output name "token" is already used in stack test: give each token output its own name\.$/,
      );
    });
  });
});
