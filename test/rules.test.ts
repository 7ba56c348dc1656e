import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AgentPool, Errors, NotificationDestination, Organization, Rules, RuleSeverity, Workspace } from '../src';
import { errorOf, infos, setup, warnings } from './util';

/** A generic webhook over plain http: warning TFE-NOTIF-009. */
function plainHttpHook(scope: Construct, org: Organization, id: string) {
  const ws = new Workspace(scope, id, { organization: org, name: id.toLowerCase() });
  ws.addNotification('Hook', { name: 'hook', destination: NotificationDestination.generic('http://hooks.acme.internal/tfe') });
  return ws;
}

const notif009 = (scope: Construct) => warnings(scope).filter((w) => w.startsWith('[TFE-NOTIF-009] '));

describe('Rules.acknowledge', () => {
  test('warnings carry their rule id', () => {
    const { stack, org } = setup();
    plainHttpHook(stack, org, 'Api');
    expect(notif009(stack)).toEqual([
      '[TFE-NOTIF-009] the webhook URL "http://hooks.acme.internal/tfe" is plain http: payloads (and their signatures) travel unencrypted; use https.',
    ]);
  });

  test('silences a warning reported before the acknowledgement, on the scope and below it only', () => {
    // GIVEN two workspaces under different scopes, each warned about
    const { stack, org } = setup();
    const internal = new Construct(stack, 'Internal');
    plainHttpHook(internal, org, 'Api');
    const other = plainHttpHook(stack, org, 'Web');
    expect(notif009(stack)).toHaveLength(2);
    // WHEN the warning is acknowledged on one scope
    Rules.acknowledge(internal, 'TFE-NOTIF-009', 'the receiver only listens on the internal network');
    // THEN its warning is gone, the other stays
    expect(notif009(internal)).toEqual([]);
    expect(notif009(other)).toHaveLength(1);
    expect(Rules.isAcknowledged(internal.node.findChild('Api'), 'TFE-NOTIF-009')).toBe(true);
    expect(Rules.isAcknowledged(other, 'TFE-NOTIF-009')).toBe(false);
  });

  test('silences a warning reported after the acknowledgement, and the output is the same either way', () => {
    const build = (order: 'ack-first' | 'ack-last') => {
      const { stack, org } = setup();
      if (order === 'ack-first') Rules.acknowledge(stack, 'TFE-NOTIF-009', 'internal receiver');
      plainHttpHook(stack, org, 'Api');
      if (order === 'ack-last') Rules.acknowledge(stack, 'TFE-NOTIF-009', 'internal receiver');
      return stack;
    };
    for (const order of ['ack-first', 'ack-last'] as const) {
      const stack = build(order);
      expect(notif009(stack)).toEqual([]);
      expect(stack.node.metadata.filter((m) => m.type === 'cdktf-tfe-constructs:acknowledged').map((m) => m.data))
        .toEqual([{ ruleId: 'TFE-NOTIF-009', reason: 'internal receiver' }]);
    }
  });

  test('silences only the acknowledged rule', () => {
    const { stack, org } = setup();
    const ws = plainHttpHook(stack, org, 'Api');
    ws.addNotification('Mail', { name: 'mail', destination: NotificationDestination.email({ emailAddresses: ['ops@acme.example'] }) });
    Rules.acknowledge(stack, 'TFE-NOTIF-009', 'internal receiver');
    expect(warnings(stack).map((w) => w.slice(0, 16))).toEqual(['[TFE-NOTIF-012] ']);
  });

  test('silences warnings and infos reported at synth', () => {
    // GIVEN a restricted pool that allows nothing (a synth-time warning) and a name known at plan time (an info)
    const { stack, org } = setup();
    new AgentPool(stack, 'Pool', { organization: org, name: 'pool', organizationScoped: false });
    new Organization(stack, 'Dynamic', { name: new TerraformVariable(stack, 'org_name', { type: 'string' }).stringValue, email: 'a@b.example' });
    Rules.acknowledge(stack, 'TFE-POOL-005', 'the pool is allowed in another stack');
    Rules.acknowledge(stack, 'TFE-REF-001', 'names come from variables on purpose');
    // WHEN
    Testing.synth(stack, true);
    // THEN
    expect(warnings(stack).filter((w) => w.startsWith('[TFE-POOL-005]'))).toEqual([]);
    expect(infos(stack).filter((w) => w.startsWith('[TFE-REF-001]'))).toEqual([]);
  });

  test.each([
    ['a list', ['TFE-NOTIF-012', 'TFE-NOTIF-009']],
    ['a comma-separated string', 'TFE-NOTIF-012, TFE-NOTIF-009'],
  ])('the context key acknowledges rules app-wide, given as %s', (_what, ids) => {
    const app = Testing.app({ context: { [Rules.ACKNOWLEDGED_RULES_CONTEXT_KEY]: ids } });
    const stack = new TerraformStack(app, 'test');
    new TfeProvider(stack, 'tfe', {});
    const org = new Organization(stack, 'Acme', { name: 'acme', email: 'a@acme.example' });
    plainHttpHook(stack, org, 'Api');
    expect(notif009(stack)).toEqual([]);
    expect(Rules.isAcknowledged(stack, 'TFE-NOTIF-009')).toBe(true);
    expect(Rules.isAcknowledged(stack, 'TFE-NOTIF-008')).toBe(false);
  });

  test('errors cannot be acknowledged; unknown ids and missing reasons are errors', () => {
    const { stack } = setup();
    const error = errorOf(() => Rules.acknowledge(stack, 'TFE-WS-001', 'two workspaces share a name'));
    expect(Errors.ruleIdOf(error)).toBe('TFE-RULE-002');
    expect(error.message).toBe(
      'test: [TFE-RULE-002] rule TFE-WS-001 (workspace names per organization) is an error, and errors cannot be acknowledged: ' +
      'fix the configuration it names; only warnings and infos can be silenced.');
    expect(Errors.ruleIdOf(errorOf(() => Rules.acknowledge(stack, 'TFE-NOTIF-99', 'x')))).toBe('TFE-RULE-001');
    expect(Errors.ruleIdOf(errorOf(() => Rules.acknowledge(stack, 'TFE-NOTIF-009', '')))).toBe('TFE-RULE-003');
    expect(Errors.ruleIdOf(errorOf(() => Rules.acknowledge(stack, 'TFE-NOTIF-009', undefined as any)))).toBe('TFE-RULE-003');
  });
});

describe('Rules catalogue', () => {
  test('describes a rule by id', () => {
    expect(Rules.describe('TFE-NOTIF-009')).toEqual({
      ruleId: 'TFE-NOTIF-009', area: 'notifications', title: 'a plain http webhook', severity: RuleSeverity.WARNING,
    });
  });

  test('every rule has an area, a title and a severity', () => {
    const all = Rules.all();
    expect(all.length).toBeGreaterThan(150);
    for (const r of all) {
      expect(r.area).not.toBe('');
      expect(r.title).not.toBe('');
      expect(Object.values(RuleSeverity)).toContain(r.severity);
    }
  });
});
