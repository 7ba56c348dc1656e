import { NotificationConfiguration } from '@cdktf/provider-tfe/lib/notification-configuration';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { TeamNotificationConfiguration } from '@cdktf/provider-tfe/lib/team-notification-configuration';
import { Fn, Lazy, TerraformStack, Testing } from 'cdktf';
import { errorMessageOf, FakeWorkspace, secretVar, setupWithSecrets, validationError, warnings, WRITE_ONLY_TARGETS } from './util';
import * as lib from '../src';
import { Notification, NotificationDestination, NotificationTrigger } from '../src/notification';
import { Organization } from '../src/organization';
import { resolveValue } from '../src/private/validation';

Testing.setupJest();

function setup() {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new TfeProvider(stack, 'tfe', {});
  const org = new Organization(stack, 'Acme', { name: 'acme', email: 'a@acme.example' });
  const workspace = new FakeWorkspace(stack, 'Api', org, 'api');
  return { app, stack, org, workspace };
}

describe('NotificationTrigger', () => {
  test('has the provider\'s trigger values', () => {
    // THEN
    expect(Object.values(NotificationTrigger).sort()).toEqual([
      'assessment:check_failure', 'assessment:drifted', 'assessment:failed',
      'run:applying', 'run:completed', 'run:created', 'run:errored', 'run:needs_attention', 'run:planning',
      'workspace:auto_destroy_reminder', 'workspace:auto_destroy_run_results',
    ]);
  });
});

describe('Notification', () => {
  test('Slack with a webhook variable, given triggers, enabled by default', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    const n = new Notification(stack, 'Slack', {
      workspace,
      name: 'ops-slack',
      destination: NotificationDestination.slack(secretVar(stack, 'slack_webhook')),
      triggers: [NotificationTrigger.RUN_ERRORED, NotificationTrigger.RUN_NEEDS_ATTENTION],
    });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(NotificationConfiguration, {
      workspace_id: expect.stringMatching(/^\$\{tfe_workspace\.Api_[A-F0-9]+\.id\}$/),
      name: 'ops-slack',
      destination_type: 'slack',
      url: '${var.slack_webhook}',
      triggers: ['run:errored', 'run:needs_attention'],
      enabled: true,
    });
    expect(resolveValue(stack, n.notificationId)).toMatch(/^\$\{tfe_notification_configuration\.Slack_[A-F0-9]+\.id\}$/);
    expect(n.workspace).toBe(workspace);
    expect(warnings(stack)).toEqual([]);
  });

  test('triggers default to every run event', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    const n = new Notification(stack, 'Teams', {
      workspace,
      name: 'ops-teams',
      destination: NotificationDestination.microsoftTeams(secretVar(stack, 'teams_webhook')),
      enabled: false,
    });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(NotificationConfiguration, {
      destination_type: 'microsoft-teams',
      url: '${var.teams_webhook}',
      triggers: ['run:created', 'run:planning', 'run:needs_attention', 'run:applying', 'run:completed', 'run:errored'],
      enabled: false,
    });
    expect(n.triggers).toHaveLength(6);
  });

  test.each([
    ['Slack', (url: string, allow?: boolean) => NotificationDestination.slack(url, { allowPlaintextSecret: allow })],
    ['Microsoft Teams', (url: string, allow?: boolean) => NotificationDestination.microsoftTeams(url, { allowPlaintextSecret: allow })],
  ])('a literal %s webhook URL is a credential: refused, without showing it, unless allowPlaintextSecret is set', (kind, destination) => {
    // GIVEN
    const { stack, workspace } = setup();
    const url = 'https://hooks.example.com/services/T000/B000/Zq81kWm3';
    // WHEN
    const message = errorMessageOf(() => new Notification(stack, 'Refused', { workspace, name: 'refused', destination: destination(url) }));
    const n = new Notification(stack, 'Chat', { workspace, name: 'chat', destination: destination(url, true) });
    // THEN
    expect(message).toMatch(new RegExp(`^test/Refused: \\[TFE-NOTIF-008\\] the ${kind} webhook URL is a literal string \\(not shown\\): .*sensitive TerraformVariable.*allowPlaintextSecret: true`));
    expect(message).not.toContain('Zq81');
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(NotificationConfiguration, { url });
    expect(warnings(n)).toEqual([expect.stringMatching(new RegExp(`^\\[TFE-SECRET-002\\] the ${kind} webhook URL is a literal secret \\(not shown\\), accepted by allowPlaintextSecret`))]);
    expect(warnings(n).join('\n')).not.toContain('Zq81');
  });

  test('a Slack webhook URL built by an expression without any reference is refused at synth', () => {
    // GIVEN
    const { stack, workspace } = setup();
    new Notification(stack, 'Slack', { workspace, name: 'slack', destination: NotificationDestination.slack(Fn.lower('https://hooks.slack.com/services/T0/B0/Zq81kWm3')) });
    // WHEN
    const message = errorMessageOf(() => Testing.synth(stack, true));
    // THEN
    expect(message).toContain('[test/Slack] [TFE-NOTIF-008] the Slack webhook URL is an expression without any reference (not shown)');
    expect(message).not.toContain('Zq81');
  });

  test('a literal webhook URL is escaped: a ${ or %{ in it stays text', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    new Notification(stack, 'Hook', { workspace, name: 'hook', destination: NotificationDestination.generic('https://hooks.example.com/${var.x}/%{ if true }y%{ endif }') });
    new Notification(stack, 'Slack', {
      workspace, name: 'slack', destination: NotificationDestination.slack('https://hooks.slack.com/${var.x}', { allowPlaintextSecret: true }),
    });
    // THEN
    const synthed = Testing.synth(stack, true);
    expect(synthed).toHaveResourceWithProperties(NotificationConfiguration, { name: 'hook', url: 'https://hooks.example.com/$${var.x}/%%{ if true }y%%{ endif }' });
    expect(synthed).toHaveResourceWithProperties(NotificationConfiguration, { name: 'slack', url: 'https://hooks.slack.com/$${var.x}' });
  });

  test('email to users and addresses, with a Terraform Enterprise warning for addresses', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    const n = new Notification(stack, 'Email', {
      workspace,
      name: 'ops-email',
      destination: NotificationDestination.email({ users: ['user-abc123'], emailAddresses: ['ops@acme.example'] }),
      triggers: [NotificationTrigger.ASSESSMENT_DRIFTED],
    });
    // THEN
    const synth = Testing.synth(stack, true);
    expect(synth).toHaveResourceWithProperties(NotificationConfiguration, {
      destination_type: 'email',
      email_user_ids: ['user-abc123'],
      email_addresses: ['ops@acme.example'],
      triggers: ['assessment:drifted'],
    });
    expect(JSON.parse(synth).resource.tfe_notification_configuration[Object.keys(JSON.parse(synth).resource.tfe_notification_configuration)[0]].url)
      .toBeUndefined();
    expect(warnings(n).join('\n')).toMatch(/emailAddresses only works on Terraform Enterprise.*use users/);
  });

  test('email to users only gets no warning', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    const n = new Notification(stack, 'Email', {
      workspace, name: 'ops-email', destination: NotificationDestination.email({ users: ['user-abc123'] }),
    });
    // THEN
    expect(warnings(n)).toEqual([]);
  });

  test('generic webhook with an HMAC token reference; no secret literal in the JSON', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    new Notification(stack, 'Hook', {
      workspace,
      name: 'hook',
      destination: NotificationDestination.generic('https://hooks.acme.example/tfe', { token: secretVar(stack, 'hmac') }),
    });
    // THEN
    const synth = Testing.synth(stack, true);
    expect(synth).toHaveResourceWithProperties(NotificationConfiguration, {
      destination_type: 'generic',
      url: 'https://hooks.acme.example/tfe',
      token: '${var.hmac}',
    });
  });

  test('a literal HMAC token is refused; the message names the path and the fix, and shows nothing of the secret', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    const message = errorMessageOf(() => new Notification(stack, 'Hook', {
      workspace,
      name: 'hook',
      destination: NotificationDestination.generic('https://hooks.acme.example/tfe', { token: 'hmac-topsecret-123' }),
    }));
    // THEN
    expect(message).toMatch(/^test\/Hook: \[TFE-SECRET-001\] token is a literal string \(not shown\): .*sensitive TerraformVariable.*allowPlaintextSecret: true/);
    expect(message).not.toMatch(/hmac-|topsecret|18 characters/);
  });

  test('a literal HMAC token is accepted with allowPlaintextSecret, with a warning', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    const n = new Notification(stack, 'Hook', {
      workspace,
      name: 'hook',
      destination: NotificationDestination.generic('https://hooks.acme.example/tfe', { token: 'hmac', allowPlaintextSecret: true }),
    });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(NotificationConfiguration, { token: 'hmac' });
    expect(warnings(n).join('\n')).toMatch(/token is a literal secret .*accepted by allowPlaintextSecret/);
  });

  test('a token resolving to a literal is refused at synth', () => {
    // GIVEN
    const { stack, workspace } = setup();
    new Notification(stack, 'Hook', {
      workspace,
      name: 'hook',
      destination: NotificationDestination.generic('https://hooks.acme.example/tfe', { token: Lazy.stringValue({ produce: () => 'lazy-secret' }) }),
    });
    // WHEN
    const message = errorMessageOf(() => Testing.synth(stack, true));
    // THEN
    expect(message).toContain('[test/Hook] [TFE-SECRET-001] token is an expression without any reference (not shown)');
    expect(message).toContain('sensitive TerraformVariable');
    expect(message).not.toContain('lazy-secret');
  });

  test('a generic http URL is allowed with a warning', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    const n = new Notification(stack, 'Hook', {
      workspace, name: 'hook', destination: NotificationDestination.generic('http://hooks.internal/tfe'),
    });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(NotificationConfiguration, { url: 'http://hooks.internal/tfe' });
    expect(warnings(n).join('\n')).toMatch(/"http:\/\/hooks.internal\/tfe" is plain http.*use https/);
  });

  test('Slack and Teams URLs must be https', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    const message = errorMessageOf(() => new Notification(stack, 'Teams', {
      workspace, name: 'teams', destination: NotificationDestination.microsoftTeams('http://acme.webhook.office.com/x'),
    }));
    // THEN
    expect(message).toBe(
      'test/Teams: [TFE-NOTIF-007] the Microsoft Teams webhook URL is not https: ' +
      'webhooks of this kind are https only; copy the https URL the service gave you.',
    );
  });

  test('a URL must parse, also when it arrives as a token', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    const message = errorMessageOf(() => new Notification(stack, 'Hook', {
      workspace, name: 'hook', destination: NotificationDestination.generic('hooks.acme.example'),
    }));
    new Notification(stack, 'Lazy', {
      workspace, name: 'lazy', destination: NotificationDestination.slack(Lazy.stringValue({ produce: () => 'mailto:ops@acme.example' })),
    });
    const synthMessage = errorMessageOf(() => Testing.synth(stack, true));
    // THEN
    expect(message).toBe(
      'test/Hook: [TFE-NOTIF-006] the webhook URL "hooks.acme.example" is not an http(s) URL: write the full URL, e.g. "https://hooks.example.com/notify".',
    );
    expect(synthMessage).toContain('[test/Lazy] [TFE-NOTIF-006] the Slack webhook URL is not an http(s) URL');
    expect(synthMessage).not.toContain('mailto');
  });

  test('an email destination without recipients is refused', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    const message = errorMessageOf(() => new Notification(stack, 'Email', {
      workspace, name: 'email', destination: NotificationDestination.email({ users: [] }),
    }));
    // THEN
    expect(message).toBe(
      'test/Email: [TFE-NOTIF-010] the email destination has no recipients (emailAddresses undefined, users []): ' +
      'give users (organization members\' user IDs, e.g. member.userId) or, on Terraform Enterprise, emailAddresses.',
    );
  });

  test('malformed user IDs and email addresses are refused', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    const user = errorMessageOf(() => new Notification(stack, 'Email', {
      workspace, name: 'email', destination: NotificationDestination.email({ users: ['ops@acme.example'] }),
    }));
    const address = errorMessageOf(() => new Notification(stack, 'Email2', {
      workspace, name: 'email2', destination: NotificationDestination.email({ emailAddresses: ['ops'] }),
    }));
    // THEN
    expect(user).toMatch(/^test\/Email: \[TFE-ID-012\] user ID "ops@acme.example" is not a user ID: it looks like "user-abc123" \(use an organization member's userId/);
    expect(address).toBe('test/Email2: [TFE-NOTIF-011] email address "ops" is not an email address: write it like "ops@example.com".');
  });

  test('duplicate triggers are refused', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    const message = errorMessageOf(() => new Notification(stack, 'Slack', {
      workspace,
      name: 'slack',
      destination: NotificationDestination.slack(secretVar(stack, 'w')),
      triggers: [NotificationTrigger.RUN_ERRORED, NotificationTrigger.RUN_COMPLETED, NotificationTrigger.RUN_ERRORED],
    }));
    // THEN
    expect(message).toBe(
      'test/Slack: [TFE-NOTIF-004] trigger "run:errored" is listed more than once in triggers ["run:errored","run:completed","run:errored"]: list each trigger once.',
    );
  });

  test('an unknown trigger is refused', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    const message = errorMessageOf(() => new Notification(stack, 'Slack', {
      workspace,
      name: 'slack',
      destination: NotificationDestination.slack(secretVar(stack, 'w')),
      triggers: ['run:exploded' as NotificationTrigger],
    }));
    // THEN
    expect(message).toMatch(/^test\/Slack: \[TFE-NOTIF-003\] trigger "run:exploded" is not a notification trigger: use NotificationTrigger values \("run:created", /);
  });

  test('an empty trigger list is allowed with a warning', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    const n = new Notification(stack, 'Slack', {
      workspace, name: 'slack', destination: NotificationDestination.slack(secretVar(stack, 'w')), triggers: [],
    });
    // THEN
    expect(warnings(n).join('\n')).toMatch(/triggers is an empty list: the notification is never sent/);
  });

  test('duplicate names on one workspace are refused; another workspace may reuse the name', () => {
    // GIVEN
    const { stack, org, workspace } = setup();
    const other = new FakeWorkspace(stack, 'Other', org, 'other');
    new Notification(stack, 'Slack', { workspace, name: 'ops', destination: NotificationDestination.slack(secretVar(stack, 'w')) });
    new Notification(stack, 'OtherSlack', { workspace: other, name: 'ops', destination: NotificationDestination.slack(secretVar(stack, 'w2')) });
    // WHEN
    const message = errorMessageOf(() => new Notification(stack, 'Slack2', {
      workspace, name: 'ops', destination: NotificationDestination.email({ users: ['user-abc'] }),
    }));
    // THEN
    expect(message).toBe(
      'test/Slack2: [TFE-NOTIF-001] notification name "ops" is already used by test/Slack on workspace test/Api: notification names are unique per workspace; choose another name.',
    );
  });

  test('an empty name is refused', () => {
    // GIVEN
    const { stack, workspace } = setup();
    // WHEN
    const message = errorMessageOf(() => new Notification(stack, 'Slack', {
      workspace, name: '', destination: NotificationDestination.slack(secretVar(stack, 'w')),
    }));
    // THEN
    expect(message).toBe('test/Slack: [TFE-NAME-018] the notification name is empty (got ""): give it a name, unique in the workspace, e.g. "ops-slack".');
  });

  test('a workspace holds at most 20 notifications', () => {
    // GIVEN
    const { stack, workspace } = setup();
    const dest = NotificationDestination.email({ users: ['user-abc'] });
    for (let i = 1; i <= 20; i++) {
      new Notification(stack, `N${i}`, { workspace, name: `n${i}`, destination: dest });
    }
    // WHEN
    const message = errorMessageOf(() => new Notification(stack, 'N21', { workspace, name: 'n21', destination: dest }));
    // THEN
    expect(message).toBe(
      'test/N21: [TFE-NOTIF-002] workspace test/Api would get 21 notifications: the platform allows 20 per workspace; ' +
      'combine triggers into fewer notifications, or send to one webhook that fans out.',
    );
  });

  test('destinations expose what they send to', () => {
    // THEN
    const slack = NotificationDestination.slack('https://hooks.slack.com/x');
    expect(slack.destinationType).toBe('slack');
    expect(slack.url).toBe('https://hooks.slack.com/x');
    const email = NotificationDestination.email({ users: ['user-a'], emailAddresses: ['a@b.c'] });
    expect(email.destinationType).toBe('email');
    expect(email.users).toEqual(['user-a']);
    expect(email.emailAddresses).toEqual(['a@b.c']);
    expect(email.url).toBeUndefined();
  });
});


describe('team notifications', () => {
  test('team.addNotification writes tfe_team_notification_configuration for change requests', () => {
    const { stack, org, secret } = setupWithSecrets();
    const ops = org.addTeam('Ops', { name: 'ops' });
    const n = ops.addNotification('Hook', {
      name: 'ops-${changes}', destination: NotificationDestination.generic('https://hooks.acme.example/cr', { token: secret('hook_token') }),
    });
    expect(n.triggers).toEqual([lib.TeamNotificationTrigger.CHANGE_REQUEST_CREATED]);
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TeamNotificationConfiguration, {
      name: 'ops-$${changes}',
      team_id: expect.stringMatching(/tfe_team\.Acme_Ops_/),
      destination_type: 'generic',
      url: 'https://hooks.acme.example/cr',
      token: '${var.hook_token}',
      triggers: ['change_request:created'],
      enabled: true,
    });
  });

  test('destinations follow the workspace notifications\' rules, and names are unique per team', () => {
    const { stack, org } = setupWithSecrets();
    const ops = org.addTeam('Ops', { name: 'ops' });
    expect(lib.Errors.ruleIdOf(validationError(() => ops.addNotification('Slack', {
      name: 'slack', destination: NotificationDestination.slack('https://hooks.slack.com/services/T0/B0/xyz'),
    })))).toBe('TFE-NOTIF-008');
    ops.addNotification('Mail', { name: 'mail', destination: NotificationDestination.email({ users: ['user-abc123'] }) });
    expect(lib.Errors.ruleIdOf(validationError(() => ops.addNotification('Again', {
      name: 'mail', destination: NotificationDestination.email({ users: ['user-abc123'] }),
    })))).toBe('TFE-NOTIF-013');
    expect(stack).toBeDefined();
  });

  test('a run trigger is refused on a team (TFE-NOTIF-014); a write-only token goes to token_wo', () => {
    const { stack, org, secret } = setupWithSecrets(WRITE_ONLY_TARGETS);
    const ops = org.addTeam('Ops', { name: 'ops' });
    const e = validationError(() => ops.addNotification('Runs', {
      name: 'runs',
      destination: NotificationDestination.email({ users: ['user-abc123'] }),
      triggers: [NotificationTrigger.RUN_ERRORED as unknown as lib.TeamNotificationTrigger],
    }));
    expect(lib.Errors.ruleIdOf(e)).toBe('TFE-NOTIF-014');
    expect(e.message).toContain('workspace.addNotification');
    ops.addNotification('Hook', { name: 'hook', destination: NotificationDestination.generic('https://hooks.acme.example/cr', { token: secret('t'), writeOnly: true }) });
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TeamNotificationConfiguration, { token_wo: '${var.t}' });
  });
});
