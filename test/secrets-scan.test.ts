import { Fn, Lazy, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { buildPlatform } from '../examples/platform/platform';
import {
  NotificationDestination, OAuthClient, Organization, PolicySet, VariableCategory, VariableValue, VcsProvider, Workspace,
} from '../src';
import { errorOf, setup } from './util';

/**
 * No value the user marked sensitive may reach the synthesized JSON in plain
 * text, unless the user opted in with allowPlaintextSecret; outputs of token
 * values are always sensitive.
 */
const SECRET = 'SECRET-7f3a9c1e-DO-NOT-LEAK';

function allJson(stacks: TerraformStack[]): string {
  return stacks.map((s) => Testing.synth(s, true)).join('\n');
}

function tokenOutputsAreSensitive(json: any): void {
  for (const [name, output] of Object.entries<any>(json.output ?? {})) {
    if (/\.(token)\}/.test(JSON.stringify(output.value))) {
      expect({ name, sensitive: output.sensitive }).toEqual({ name, sensitive: true });
    }
  }
}

describe('secrets scan', () => {
  test('the example platform: token outputs are sensitive and secrets are references', () => {
    const app = Testing.app();
    const { platform, paymentsApp } = buildPlatform(app);
    for (const stack of [platform, paymentsApp]) {
      const json = JSON.parse(Testing.synth(stack, true));
      tokenOutputsAreSensitive(json);
      for (const v of Object.values<any>(json.resource?.tfe_variable ?? {})) {
        if (v.sensitive) expect(v.value).toMatch(/^\$\{(var|tfe_[a-z_]+)\.[^}]+\}$/);
      }
      for (const c of Object.values<any>(json.resource?.tfe_oauth_client ?? {})) expect(c.oauth_token).toMatch(/^\$\{var\./);
      for (const n of Object.values<any>(json.resource?.tfe_notification_configuration ?? {})) expect(n.url).toMatch(/^\$\{var\./);
    }
    expect(Object.keys(JSON.parse(Testing.synth(platform)).output)).toEqual(['ci_token', 'organization_token']);
  });

  test('a sentinel secret given as a reference never appears; given as a literal it is refused', () => {
    // GIVEN a secret that arrives through sensitive variables
    const { stack, org } = setup();
    const secret = new TerraformVariable(stack, 'secret', { type: 'string', sensitive: true, default: SECRET });
    const ws = new Workspace(stack, 'W', { organization: org, name: 'w' });
    ws.addVariable('Ref', { key: 'db_password', value: VariableValue.fromReference(secret.stringValue), sensitive: true });
    ws.addVariable('Env', { key: 'API_KEY', value: VariableValue.fromReference(secret.stringValue), sensitive: true, category: VariableCategory.ENV });
    new OAuthClient(stack, 'Gh', { organization: org, serviceProvider: VcsProvider.GITHUB, oauthToken: secret.stringValue });
    ws.addNotification('Hook', { name: 'hook', destination: NotificationDestination.generic('https://hooks.example.com/x', { token: secret.stringValue }) });
    new PolicySet(stack, 'Set', { organization: org, name: 'set' }).addParameter('api_key', secret.stringValue, { sensitive: true });
    ws.addNotification('Slack', { name: 'slack', destination: NotificationDestination.slack(secret.stringValue) });
    org.addTeam('Ops', { name: 'ops' }).addToken('Ci').createOutput('ci');
    // THEN the only place the secret appears is the variable's default, which the user wrote
    const json = JSON.parse(allJson([stack]));
    const withoutDefaults = JSON.stringify({ ...json, variable: undefined });
    expect(withoutDefaults).not.toContain(SECRET);
    tokenOutputsAreSensitive(json);

    // AND literal secrets are refused everywhere the library knows a value is secret
    expect(errorOf(() => ws.addVariable('Lit', { key: 'pw', value: VariableValue.string(SECRET), sensitive: true })).message).not.toContain(SECRET);
    expect(errorOf(() => new OAuthClient(stack, 'Gh2', { organization: org, serviceProvider: VcsProvider.GITHUB, oauthToken: SECRET })).message)
      .not.toContain(SECRET);
    expect(errorOf(() => new PolicySet(stack, 'Set2', { organization: org, name: 'set2' }).addParameter('k', SECRET, { sensitive: true })).message)
      .not.toContain(SECRET);
    expect(() => NotificationDestination.generic('https://hooks.example.com/y', { token: SECRET }) && ws.addNotification('Hook2', {
      name: 'hook2', destination: NotificationDestination.generic('https://hooks.example.com/y', { token: SECRET }),
    })).toThrow(/literal/);
  });

  test('no error or warning shows any part of a secret, given as a literal or as an expression without references', () => {
    // A secret no message text could contain by chance: any 4 characters of it are a leak.
    const HIDDEN = 'q7Zx9Kp2Lm4Wv8Rt';
    const windows = Array.from({ length: HIDDEN.length - 3 }, (_, i) => HIDDEN.slice(i, i + 4));
    const url = `https://hooks.example.com/services/${HIDDEN}`;
    const inputs: Array<[string, (stack: TerraformStack, org: Organization, ws: Workspace, value: string, allow: boolean) => unknown]> = [
      ['a sensitive variable', (_s, _o, ws, v, allow) => ws.addVariable('V', { key: 'pw', value: VariableValue.string(v), sensitive: true, allowPlaintextSecret: allow })],
      ['an OAuth token', (s, org, _w, v, allow) => new OAuthClient(s, 'Gh', { organization: org, serviceProvider: VcsProvider.GITHUB, oauthToken: v, allowPlaintextSecret: allow })],
      ['a Bitbucket secret', (s, org, _w, v, allow) => new OAuthClient(s, 'Bb', {
        organization: org, serviceProvider: VcsProvider.BITBUCKET_CLOUD, key: 'k', secret: v, allowPlaintextSecret: allow,
      })],
      ['a policy set parameter', (s, org, _w, v, allow) => new PolicySet(s, 'Set', { organization: org, name: 'set' }).addParameter('k', v, { sensitive: true, allowPlaintextSecret: allow })],
      ['a webhook signing token', (_s, _o, ws, v, allow) => ws.addNotification('Hook', {
        name: 'hook', destination: NotificationDestination.generic('https://hooks.example.com/x', { token: v, allowPlaintextSecret: allow }),
      })],
      ['a Slack webhook URL', (_s, _o, ws, v, allow) => ws.addNotification('Slack', { name: 'slack', destination: NotificationDestination.slack(v, { allowPlaintextSecret: allow }) })],
      ['a Teams webhook URL', (_s, _o, ws, v, allow) => ws.addNotification('Teams', { name: 'teams', destination: NotificationDestination.microsoftTeams(v, { allowPlaintextSecret: allow }) })],
    ];
    const forms: Array<[string, (secret: string) => string]> = [
      ['literal', (v) => v],
      ['function of a literal', (v) => Fn.lower(v)],
      ['lazy literal', (v) => Lazy.stringValue({ produce: () => v })],
      ['not a URL', (v) => `mailto:${v}`],
      ['plain http', (v) => `http://hooks.example.com/${v}`],
    ];
    let messages = 0;
    for (const [what, add] of inputs) {
      for (const [form, make] of forms) {
        for (const allow of [false, true]) {
          const { stack, org } = setup();
          const ws = new Workspace(stack, 'W', { organization: org, name: 'w' });
          const value = make(what.endsWith('URL') && form === 'literal' ? url : HIDDEN);
          const texts: string[] = [];
          try {
            add(stack, org, ws, value, allow);
            Testing.synth(stack, true);
          } catch (e) {
            texts.push((e as Error).message);
          }
          texts.push(...stack.node.findAll().flatMap((c) => c.node.metadata.map((m) => String(m.data))));
          messages += texts.length;
          const leaks = texts.filter((t) => windows.some((w) => t.includes(w)));
          expect({ what, form, allow, leaks }).toEqual({ what, form, allow, leaks: [] });
        }
      }
    }
    expect(messages).toBeGreaterThan(50);
  });

  test('with allowPlaintextSecret the user opts in, and a warning says so', () => {
    const { stack, org } = setup();
    const ws = new Workspace(stack, 'W', { organization: org, name: 'w' });
    ws.addVariable('Lit', { key: 'pw', value: VariableValue.string(SECRET), sensitive: true, allowPlaintextSecret: true });
    expect(Testing.synth(stack)).toContain(SECRET);
    expect(ws.node.findAll().some((c) => c.node.metadata.some((m) => m.type === '@cdktf/warn'))).toBe(true);
  });
});
