import { Construct, IConstruct } from 'constructs';
import { adopt, adoptedId } from './private/adoption';
import { NotificationConfiguration, TeamNotificationConfiguration } from './private/l1-classes';
import { memoized } from './private/memo';
import { checkForm } from './private/names';
import { claim, identityOf } from './private/registry';
import { checkSecret } from './private/secrets';
import { escapeTemplate } from './private/text';
import { httpUrl } from './private/urls';
import { checkString, fail, literal, quote, Violation, violation, warn } from './private/validation';
import { useWriteOnly } from './private/write-only';
import type { ITeam } from './team';
import type { IWorkspace } from './workspace';

/**
 * The events a notification is sent for (the provider's `triggers` values).
 */
export enum NotificationTrigger {
  /** A run was created. */
  RUN_CREATED = 'run:created',
  /** A run started planning. */
  RUN_PLANNING = 'run:planning',
  /** A plan needs confirmation, or a policy check needs an override. */
  RUN_NEEDS_ATTENTION = 'run:needs_attention',
  /** A run started applying. */
  RUN_APPLYING = 'run:applying',
  /** A run completed. */
  RUN_COMPLETED = 'run:completed',
  /** A run ended with an error. */
  RUN_ERRORED = 'run:errored',
  /** A health assessment found drift. */
  ASSESSMENT_DRIFTED = 'assessment:drifted',
  /** A health assessment failed. */
  ASSESSMENT_FAILED = 'assessment:failed',
  /** A continuous validation check failed. */
  ASSESSMENT_CHECK_FAILURE = 'assessment:check_failure',
  /** A scheduled auto-destroy is coming up. */
  WORKSPACE_AUTO_DESTROY_REMINDER = 'workspace:auto_destroy_reminder',
  /** An auto-destroy run finished. */
  WORKSPACE_AUTO_DESTROY_RUN_RESULTS = 'workspace:auto_destroy_run_results',
}

/** The default triggers: every run event. */
const RUN_TRIGGERS = [
  NotificationTrigger.RUN_CREATED,
  NotificationTrigger.RUN_PLANNING,
  NotificationTrigger.RUN_NEEDS_ATTENTION,
  NotificationTrigger.RUN_APPLYING,
  NotificationTrigger.RUN_COMPLETED,
  NotificationTrigger.RUN_ERRORED,
];

/** The platform's limit of notification configurations per workspace. */
const MAX_NOTIFICATIONS_PER_WORKSPACE = 20;

/**
 * Recipients of an email notification.
 */
export interface EmailDestinationOptions {
  /**
   * Email addresses. Terraform Enterprise only: HCP Terraform sends email
   * notifications to organization members only (use `users`).
   * @default - none
   */
  readonly emailAddresses?: string[];

  /**
   * IDs (`user-...`) of organization members to email, e.g. `OrganizationMember.userId`.
   * @default - none
   */
  readonly users?: string[];
}

/**
 * Options of a Slack or Microsoft Teams destination.
 */
export interface ChatDestinationOptions {
  /**
   * Accept a literal webhook URL. The URL is a credential (anyone holding it
   * can post to the channel), and a literal ends up in plain text in the
   * synthesized JSON; this only downgrades the error to a warning.
   * @default false
   */
  readonly allowPlaintextSecret?: boolean;

  /**
   * Write `token` to the write-only argument `token_wo`, so the Terraform
   * state never holds it. Needs Terraform 1.11 or later (the stack declares
   * `required_version ">= 1.11.0"`). Provider 0.71.0 replaces the
   * notification when the token changes, and a token read from an ephemeral
   * resource is refused (it would replace the notification on every apply).
   * @default false
   */
  readonly writeOnly?: boolean;
}

/**
 * Options of a generic (webhook) destination.
 */
export interface GenericDestinationOptions {
  /**
   * A secret with which the platform signs each payload (HMAC-SHA512, in the
   * `X-TFE-Notification-Signature` header), so the receiver can check it. A
   * secret: pass a reference such as a sensitive `TerraformVariable`'s value.
   * @default - payloads are not signed
   */
  readonly token?: string;

  /**
   * Accept a literal `token`. A literal ends up in plain text in the
   * synthesized JSON; this only downgrades the error to a warning.
   * @default false
   */
  readonly allowPlaintextSecret?: boolean;

  /**
   * Write `token` to the write-only argument `token_wo`, so the Terraform
   * state never holds it. Needs Terraform 1.11 or later (the stack declares
   * `required_version ">= 1.11.0"`). Provider 0.71.0 replaces the
   * notification when the token changes, and a token read from an ephemeral
   * resource is refused (it would replace the notification on every apply).
   * @default false
   */
  readonly writeOnly?: boolean;
}

/**
 * Where a notification is sent. The destination decides which attributes
 * apply (a URL, recipients, a signing token), so each kind has its own factory.
 */
export class NotificationDestination {
  /**
   * A Slack incoming webhook (`https://hooks.slack.com/services/...`).
   *
   * The webhook URL is a credential (the provider marks `url` sensitive):
   * pass a sensitive variable's value; a literal is refused unless
   * `allowPlaintextSecret` is set.
   */
  public static slack(url: string, options: ChatDestinationOptions = {}): NotificationDestination {
    return new NotificationDestination('slack', url, undefined, undefined, undefined, options.allowPlaintextSecret ?? false);
  }

  /**
   * A Microsoft Teams incoming webhook.
   *
   * The webhook URL is a credential (the provider marks `url` sensitive):
   * pass a sensitive variable's value; a literal is refused unless
   * `allowPlaintextSecret` is set.
   */
  public static microsoftTeams(url: string, options: ChatDestinationOptions = {}): NotificationDestination {
    return new NotificationDestination('microsoft-teams', url, undefined, undefined, undefined, options.allowPlaintextSecret ?? false);
  }

  /**
   * Email to organization members (and, on Terraform Enterprise, to addresses).
   */
  public static email(options: EmailDestinationOptions): NotificationDestination {
    return new NotificationDestination('email', undefined, options.emailAddresses, options.users);
  }

  /**
   * A generic webhook: the platform POSTs a JSON payload to `url`.
   */
  public static generic(url: string, options: GenericDestinationOptions = {}): NotificationDestination {
    return new NotificationDestination('generic', url, undefined, undefined, options.token, options.allowPlaintextSecret ?? false, options.writeOnly ?? false);
  }

  /**
   * The provider's `destination_type`: `slack`, `microsoft-teams`, `email` or `generic`.
   */
  public readonly destinationType: string;

  /**
   * The URL notifications are posted to (webhook destinations).
   */
  public readonly url?: string;

  /**
   * The email addresses (email destination).
   */
  public readonly emailAddresses?: string[];

  /**
   * The user IDs emailed (email destination).
   */
  public readonly users?: string[];

  /** @internal */
  public readonly _token?: string;

  /** @internal */
  public readonly _allowPlaintextSecret: boolean;

  /** @internal */
  public readonly _writeOnly: boolean;

  private constructor(
    destinationType: string,
    url?: string,
    emailAddresses?: string[],
    users?: string[],
    token?: string,
    allowPlaintextSecret: boolean = false,
    writeOnly: boolean = false,
  ) {
    this.destinationType = destinationType;
    this.url = url;
    this.emailAddresses = emailAddresses;
    this.users = users;
    this._token = token;
    this._allowPlaintextSecret = allowPlaintextSecret;
    this._writeOnly = writeOnly;
  }
}

/**
 * Options for a notification, without the workspace.
 */
export interface NotificationOptions {
  /**
   * The notification's name, unique in the workspace.
   */
  readonly name: string;

  /**
   * Where notifications are sent.
   */
  readonly destination: NotificationDestination;

  /**
   * The events notifications are sent for. (The provider's default is none,
   * which sends nothing.)
   * @default - every run event: created, planning, needs attention, applying, completed, errored
   */
  readonly triggers?: NotificationTrigger[];

  /**
   * Whether notifications are sent. (The provider's default is false.)
   * @default true
   */
  readonly enabled?: boolean;
}

/**
 * Properties of a notification.
 */
export interface NotificationProps extends NotificationOptions {
  /**
   * The workspace whose events are notified.
   */
  readonly workspace: IWorkspace;
}

/**
 * A workspace's notification configuration (`tfe_notification_configuration`):
 * messages to Slack, Microsoft Teams, email or a webhook when runs (or health
 * assessments, or auto-destroys) reach the given states. A workspace has at
 * most 20.
 *
 * @example
 * api.addNotification('Slack', {
 *   name: 'payments-slack',
 *   destination: NotificationDestination.slack(slackWebhook.stringValue),
 *   triggers: [NotificationTrigger.RUN_ERRORED, NotificationTrigger.RUN_NEEDS_ATTENTION],
 * });
 */
export class Notification extends Construct {
  /**
   * The notification configuration's ID (`nc-...`).
   * @attribute
   */
  public get notificationId(): string {
    return memoized(this, 'notificationId', () => this.resource.id);
  }

  /**
   * The workspace whose events are notified.
   */
  public readonly workspace: IWorkspace;

  /**
   * The events notifications are sent for.
   */
  public readonly triggers: NotificationTrigger[];

  private readonly resource: NotificationConfiguration;

  constructor(scope: Construct, id: string, props: NotificationProps) {
    super(scope, id);
    this.workspace = props.workspace;
    this.triggers = props.triggers ?? [...RUN_TRIGGERS];

    claimName(this, props.name, props.workspace, 'workspace', 'TFE-NOTIF-001');
    const count = countNotification(this, props.workspace);
    if (count > MAX_NOTIFICATIONS_PER_WORKSPACE) {
      fail(this, 'TFE-NOTIF-002',
        `workspace ${props.workspace.node.path} would get ${count} notifications: the platform allows ${MAX_NOTIFICATIONS_PER_WORKSPACE} per workspace; ` +
        'combine triggers into fewer notifications, or send to one webhook that fans out.');
    }
    this.checkTriggers(this.triggers);
    checkDestination(this, props.destination);

    this.resource = new NotificationConfiguration(this, 'Resource', {
      workspaceId: props.workspace.workspaceId,
      name: escapeTemplate(props.name),
      ...destinationArgs(props.destination),
      triggers: this.triggers,
      enabled: props.enabled ?? true,
    });
  }

  /**
   * Takes over the notification, which already exists on the platform: the
   * app writes a Terraform `import` block for its
   * `tfe_notification_configuration` (import ID: its ID). After the apply that imports it, it is managed exactly like one this app created.
   * A webhook's token cannot be read back: the next apply writes the program's.
   *
   * @param notificationId the notification configuration's ID (`nc-...`)
   */
  public adoptExisting(notificationId: string): void {
    const given = adoptedId(this, 'notificationId', 'The notification configuration ID', notificationId);
    adopt(this, given, (r) => (r === this.resource ? given : undefined));
  }

  private checkTriggers(triggers: NotificationTrigger[]): void {
    const allowed = Object.values(NotificationTrigger) as string[];
    const seen = new Set<string>();
    for (const t of triggers) {
      if (!allowed.includes(t)) {
        fail(this, 'TFE-NOTIF-003', `trigger ${quote(t)} is not a notification trigger: use NotificationTrigger values (${allowed.map((a) => quote(a)).join(', ')}).`);
      }
      if (seen.has(t)) {
        fail(this, 'TFE-NOTIF-004', `trigger ${quote(t)} is listed more than once in triggers ${quote(triggers)}: list each trigger once.`);
      }
      seen.add(t);
    }
    if (triggers.length === 0) {
      warn(this, 'TFE-NOTIF-005',
        'triggers is an empty list: the notification is never sent; give the events to notify, or omit triggers for every run event.',
      );
    }
  }
}

/**
 * Events a team's notification is sent for.
 */
export enum TeamNotificationTrigger {
  /** A change request was created for the team (the only team trigger the platform has). */
  CHANGE_REQUEST_CREATED = 'change_request:created',
}

/**
 * Options for a team's notification, without the team.
 */
export interface TeamNotificationOptions {
  /**
   * The notification's name, unique in the team.
   */
  readonly name: string;

  /**
   * Where notifications are sent: the same destinations as a workspace's
   * notifications, with the same rules.
   */
  readonly destination: NotificationDestination;

  /**
   * The events notifications are sent for.
   * @default - [TeamNotificationTrigger.CHANGE_REQUEST_CREATED]
   */
  readonly triggers?: TeamNotificationTrigger[];

  /**
   * Whether notifications are sent. (The provider's default is false.)
   * @default true
   */
  readonly enabled?: boolean;
}

/**
 * Properties of a team's notification.
 */
export interface TeamNotificationProps extends TeamNotificationOptions {
  /**
   * The team whose events are notified.
   */
  readonly team: ITeam;
}

/**
 * A team's notification configuration (`tfe_team_notification_configuration`):
 * messages to Slack, Microsoft Teams, email or a webhook when a change request
 * is created for the team.
 *
 * @example
 * ops.addNotification('ChangeRequests', {
 *   name: 'ops-change-requests',
 *   destination: NotificationDestination.slack(slackWebhook.stringValue),
 * });
 */
export class TeamNotification extends Construct {
  /**
   * The notification configuration's ID (`tnc-...`).
   * @attribute
   */
  public get notificationId(): string {
    return memoized(this, 'notificationId', () => this.resource.id);
  }

  /**
   * The team whose events are notified.
   */
  public readonly team: ITeam;

  /**
   * The events notifications are sent for.
   */
  public readonly triggers: TeamNotificationTrigger[];

  private readonly resource: TeamNotificationConfiguration;

  constructor(scope: Construct, id: string, props: TeamNotificationProps) {
    super(scope, id);
    this.team = props.team;
    this.triggers = props.triggers ?? [TeamNotificationTrigger.CHANGE_REQUEST_CREATED];

    claimName(this, props.name, props.team, 'team', 'TFE-NOTIF-013');
    const allowed = Object.values(TeamNotificationTrigger) as string[];
    for (const t of this.triggers) {
      if (!allowed.includes(t)) {
        fail(this, 'TFE-NOTIF-014',
          `trigger ${quote(t)} is not a team notification trigger: a team's notification takes ${allowed.map((a) => quote(a)).join(', ')} ` +
          '(TeamNotificationTrigger values); run events are notified by a workspace\'s notification (workspace.addNotification).');
      }
    }
    if (new Set(this.triggers).size !== this.triggers.length) {
      fail(this, 'TFE-NOTIF-004', `triggers ${quote(this.triggers)} list a trigger more than once: list each trigger once.`);
    }
    if (this.triggers.length === 0) {
      warn(this, 'TFE-NOTIF-005',
        'triggers is an empty list: the notification is never sent; give the events to notify, or omit triggers for change requests.');
    }
    checkDestination(this, props.destination);

    this.resource = new TeamNotificationConfiguration(this, 'Resource', {
      teamId: props.team.teamId,
      name: escapeTemplate(props.name),
      ...destinationArgs(props.destination),
      triggers: this.triggers,
      enabled: props.enabled ?? true,
    });
  }

  /**
   * Takes over the team notification, which already exists on the platform:
   * the app writes a Terraform `import` block for its
   * `tfe_team_notification_configuration` (import ID: its ID). After the apply that imports it, it is managed exactly like one this app created.
   *
   * @param notificationId the notification configuration's ID (`nc-...`)
   */
  public adoptExisting(notificationId: string): void {
    const given = adoptedId(this, 'notificationId', 'The notification configuration ID', notificationId);
    adopt(this, given, (r) => (r === this.resource ? given : undefined));
  }
}

/**
 * Checks a notification's name and claims it among the notifications of
 * `owner` (a workspace or a team): names are unique per owner.
 */
function claimName(scope: IConstruct, name: string, owner: IConstruct, ownerKind: string, ruleId: 'TFE-NOTIF-001' | 'TFE-NOTIF-013'): void {
  checkForm(scope, 'notification', 'The notification name', name);
  const literalName = literal(name);
  if (literalName === undefined) return;
  const holder = claim(scope, `${ownerKind === 'team' ? 'team-' : ''}notification-name:${identityOf(owner)}`, literalName);
  if (holder !== undefined) {
    fail(scope, ruleId,
      `notification name ${quote(literalName)} is already used by ${holder} on ${ownerKind} ${owner.node.path}: ` +
      `notification names are unique per ${ownerKind}; choose another name.`);
  }
}

/** The destination's arguments of a workspace's or a team's notification configuration. */
function destinationArgs(d: NotificationDestination) {
  return {
    destinationType: d.destinationType,
    url: d.url === undefined ? undefined : escapeTemplate(d.url),
    emailAddresses: d.emailAddresses?.map(escapeTemplate),
    emailUserIds: d.users,
    token: d._writeOnly ? undefined : d._token,
    tokenWo: d._writeOnly ? d._token : undefined,
  };
}

/** The checks of a destination, for a workspace's or a team's notification. */
function checkDestination(scope: IConstruct, d: NotificationDestination): void {
  switch (d.destinationType) {
    case 'slack':
    case 'microsoft-teams': {
      const kind = d.destinationType === 'slack' ? 'Slack' : 'Microsoft Teams';
      // The URL is a credential: checked, but never shown in a message.
      checkString(scope, 'The webhook URL', d.url, (u) => urlProblem(u, true, `the ${kind} webhook URL`, true), true);
      checkSecret(scope, { what: `the ${kind} webhook URL`, variableName: `${d.destinationType.replace('-', '_')}_webhook_url`, ruleId: 'TFE-NOTIF-008' },
        d.url, d._allowPlaintextSecret);
      break;
    }
    case 'generic':
      checkString(scope, 'The webhook URL', d.url, (u) => urlProblem(u, false, 'the webhook URL', false));
      if (d.url !== undefined && literal(d.url)?.startsWith('http:')) {
        warn(scope, 'TFE-NOTIF-009',
          `the webhook URL ${quote(d.url)} is plain http: payloads (and their signatures) travel unencrypted; use https.`,
        );
      }
      checkSecret(scope, { what: 'token', variableName: 'webhook_token' }, d._token, d._allowPlaintextSecret);
      if (d._writeOnly) {
        if (d._token === undefined) {
          fail(scope, 'TFE-WO-004', 'writeOnly is set on the webhook destination, but there is no token to write: give the token (a sensitive reference), or drop writeOnly.');
        }
        useWriteOnly(scope, 'the webhook token', d._token);
      }
      break;
    default: // email
      checkEmail(scope, d);
  }
}

function checkEmail(scope: IConstruct, d: NotificationDestination): void {
  const addresses = d.emailAddresses ?? [];
  const users = d.users ?? [];
  if (addresses.length === 0 && users.length === 0) {
    fail(scope, 'TFE-NOTIF-010',
      `the email destination has no recipients (emailAddresses ${quote(d.emailAddresses)}, users ${quote(d.users)}): ` +
      'give users (organization members\' user IDs, e.g. member.userId) or, on Terraform Enterprise, emailAddresses.');
  }
  for (const a of addresses) {
    checkForm(scope, 'notificationEmail', 'An email address', a);
  }
  for (const u of users) {
    checkForm(scope, 'userId', 'A user ID', u);
  }
  if (addresses.length > 0) {
    warn(scope, 'TFE-NOTIF-012',
      'emailAddresses only works on Terraform Enterprise: HCP Terraform emails organization members only; on HCP Terraform, use users (member user IDs).',
    );
  }
}

/** How many notifications each workspace has, per construct tree. */
const notificationCounts = new WeakMap<IConstruct, Map<string, number>>();

function countNotification(scope: IConstruct, workspace: IWorkspace): number {
  const root = scope.node.root;
  let counts = notificationCounts.get(root);
  if (!counts) {
    counts = new Map();
    notificationCounts.set(root, counts);
  }
  const key = identityOf(workspace);
  const count = (counts.get(key) ?? 0) + 1;
  counts.set(key, count);
  return count;
}

function urlProblem(value: string, httpsOnly: boolean, what: string, secret: boolean): Violation | undefined {
  const shown = secret ? what : `${what} ${quote(value)}`;
  const url = httpUrl(value);
  if (!url) {
    return violation('TFE-NOTIF-006', `${shown} is not an http(s) URL: write the full URL, e.g. "https://hooks.example.com/notify".`);
  }
  if (httpsOnly && url.protocol !== 'https:') {
    return violation('TFE-NOTIF-007', `${shown} is not https: webhooks of this kind are https only; copy the https URL the service gave you.`);
  }
  return undefined;
}
