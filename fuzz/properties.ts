/**
 * Property-based fuzzing of every public construct: random and hostile props.
 * Every case must end in a valid synth (parseable JSON in which every `${`
 * is a reference the case made or an escape) or in a ValidationError naming
 * a construct path of the app; anything else (a TypeError, a crash inside
 * cdktf, invalid JSON, an accidental template) is a failure.
 */
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import * as fc from 'fast-check';
import {
  AgentPool, Backend, BackendType, EnforcementLevel, Entitlement, Entitlements, Errors, ExecutionMode, ModulePublishing, NoCodeVariableType,
  NotificationDestination, NotificationTrigger, OAuthClient, Organization, OrganizationAccess, OrganizationRunTask, Policy, PolicyKind,
  PolicySet, PolicySource, ProjectAccess, RegistryModule, Rules, RunTaskEnforcement, RunTaskStage, RunWorkflow, Team, VariableCategory,
  VariableSet, VariableValue, VcsProvider, Workspace, WorkspaceAccess, WorkspaceGroup, WorkspaceOutputs, SshKey, TeamNotificationTrigger,
  DynamicCredentials,
} from '../src';

/**
 * - synth: a valid configuration;
 * - validation-error: a ValidationError naming a construct path (or a synth-time rule);
 * - value-rejected: a value object's factory (VariableValue, ...) refused its input with a ValidationError
 *   before any construct existed, with a message naming the factory (they
 *   validate eagerly, like aws-cdk's Duration).
 */
export type Outcome = 'synth' | 'validation-error' | 'value-rejected';

/** Fails unless `ruleId` is a rule of the catalogue. */
function checkRuleId(ruleId: string | undefined, message: string): void {
  const known = ruleId !== undefined && Rules.all().some((r) => r.ruleId === ruleId);
  if (!known) throw new Error(`error with a rule id the catalogue does not have (${ruleId}): ${message}`);
}

/** Strings that break naive code: empty, huge, unicode, quotes, templates, control characters. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', 'a', 'ok-name_1', 'owners', 'default', '${var.x}', '%{ if true }x%{ endif }', '$${escaped}', '"quoted"',
    'back\\slash', 'new\nline', 'nul\u0000byte', 'tab\tbed', 'bell\u0007', 'é', '🚀', 'שלום', 'e\u0301', '-', '_', '..', '/', 'a/b',
    'x'.repeat(91), 'y'.repeat(5000), 'ws-Fa3zQw8bXy6pLmN2', 'team-abc123', '2030-01-01T00:00:00Z', 'https://hooks.example.com/x'),
  fc.string(),
  fc.fullUnicodeString({ maxLength: 40 }),
  fc.stringOf(fc.constantFrom('a', 'Z', '0', '-', '_', '$', '{', '}', '%', ' ', '"', '\\', '\n', ':', '/', '.'), { maxLength: 30 }),
);

/** Numbers out of range as often as in range. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, 1, 0.5, 1e308, -0, Number.MAX_SAFE_INTEGER),
  fc.integer(), fc.double(),
);

/** Mostly valid names, sometimes hostile ones, so both valid synths and rule errors are explored. */
const nameArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z][a-z0-9_-]{2,20}[a-z0-9]$/), weight: 3 },
  { arbitrary: hostileString, weight: 1 },
);
const emailArb: fc.Arbitrary<string> = fc.oneof({ arbitrary: fc.emailAddress(), weight: 3 }, { arbitrary: hostileString, weight: 1 });
const textArb: fc.Arbitrary<string> = fc.oneof({ arbitrary: fc.string(), weight: 2 }, { arbitrary: hostileString, weight: 2 });

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const anything: fc.Arbitrary<any> = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null), fc.constant(undefined),
  fc.array(hostileString, { maxLength: 3 }), fc.dictionary(hostileString, hostileString, { maxKeys: 3 }));

/**
 * Half the cases draw from `valid` (inputs the platform accepts, so the success path and the
 * synthesized JSON are exercised), half from `hostile` (random and hostile inputs, so the rules are).
 */
const either = <T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof(valid, hostile);

/** Valid inputs: names, emails, tags, dates and durations the platform accepts. */
const validName = fc.stringMatching(/^[a-z][a-z0-9_-]{2,20}[a-z0-9]$/);
const validEmail = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9._+-]{0,12}$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/))
  .map(([user, domain]) => `${user}@${domain}.example`);
const validTag = fc.stringMatching(/^[a-z0-9]([a-z0-9_:-]{0,18}[a-z0-9])?$/);
const validIdentifier = fc.stringMatching(/^[a-z_][a-z0-9_]{0,20}$/);
const validDate = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }).map((t) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z'));
const validDuration = fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('d', 'h')).map(([n, u]) => `${n}${u}`);
/** Free text: any string, including `${`, `%{`, quotes and unicode, which the library escapes. */
const validText = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('${var.x}', '%{ if true }x%{ endif }', '"quoted"', 'new\nline', 'é🚀'));

interface Env {
  readonly stack: TerraformStack;
  readonly org: Organization;
}

/** One fuzzed construct: an arbitrary of inputs and how to build with them. */
export interface Property<T> {
  readonly name: string;
  readonly inputs: fc.Arbitrary<T>;
  build(env: Env, input: T): void;
}

const secret = (stack: TerraformStack, id: string) => new TerraformVariable(stack, id, { type: 'string', sensitive: true }).stringValue;

const valueArb: fc.Arbitrary<() => VariableValue> = fc.oneof(
  hostileString.map((s) => () => VariableValue.string(s)),
  hostileNumber.map((n) => () => VariableValue.number(n)),
  fc.boolean().map((b) => () => VariableValue.boolean(b)),
  fc.array(anything, { maxLength: 4 }).map((l) => () => VariableValue.list(l)),
  fc.dictionary(hostileString, anything, { maxKeys: 4 }).map((m) => () => VariableValue.map(m)),
  hostileString.map((s) => () => VariableValue.hcl(s)),
  hostileString.map((s) => () => VariableValue.fromReference(s)),
);

/** An OAuth client with the credentials and endpoints its provider needs. */
const SELF_HOSTED = new Set<string>([VcsProvider.GITHUB_ENTERPRISE, VcsProvider.GITLAB_COMMUNITY_EDITION, VcsProvider.GITLAB_ENTERPRISE_EDITION,
  VcsProvider.BITBUCKET_DATA_CENTER, VcsProvider.BITBUCKET_SERVER, VcsProvider.ADO_SERVER]);
const BITBUCKET = new Set<string>([VcsProvider.BITBUCKET_CLOUD, VcsProvider.BITBUCKET_DATA_CENTER, VcsProvider.BITBUCKET_SERVER]);
const validOAuthClient = fc.record({
  provider: fc.constantFrom(...Object.values(VcsProvider).filter((p) => p !== VcsProvider.ADO_SERVICES)),
  name: maybe(validText.filter((t) => t.trim() !== '')),
  host: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}\.example\.com$/),
  allow: maybe(fc.boolean()),
}).map(({ provider, name, host, allow }) => ({
  provider,
  name,
  apiUrl: SELF_HOSTED.has(provider) ? `https://${host}/api` : undefined,
  httpUrl: SELF_HOSTED.has(provider) ? `https://${host}` : undefined,
  literalToken: undefined,
  key: BITBUCKET.has(provider) ? 'consumer-key' : undefined,
  allow,
  secret: BITBUCKET.has(provider),
  rsaPublicKey: provider === VcsProvider.BITBUCKET_DATA_CENTER || provider === VcsProvider.BITBUCKET_SERVER,
  privateKey: provider === VcsProvider.ADO_SERVER,
  noToken: BITBUCKET.has(provider),
}));

/** A policy set of one kind, with a policy of that kind, its level and (for OPA) a query. */
const validPolicySet = fc.record({
  name: validName,
  policyName: validName,
  kind: fc.constantFrom(PolicyKind.SENTINEL, PolicyKind.OPA),
  query: fc.oneof(fc.constant('data.terraform.deny'), validText.filter((t) => t.trim() !== '')),
  code: validText.filter((t) => t.trim() !== ''),
  strict: fc.boolean(),
  all: maybe(fc.boolean()),
  overridable: maybe(fc.boolean()),
  param: maybe(validIdentifier),
  attach: fc.boolean(),
}).map(({ kind, strict, query, ...i }) => ({
  ...i,
  kind,
  setKind: kind,
  query: kind === PolicyKind.OPA ? query : undefined,
  level: kind === PolicyKind.OPA ? (strict ? 'OPA_MANDATORY' : 'OPA_ADVISORY') : (strict ? 'SENTINEL_HARD_MANDATORY' : 'SENTINEL_SOFT_MANDATORY'),
  overridable: kind === PolicyKind.OPA ? i.overridable : undefined,
  attach: i.all ? false : i.attach,
}));

/** A workspace the platform accepts: one trigger mode for VCS, a pool only in agent mode, one auto-destroy setting. */
const validWorkspace = fc.record({
  name: validName.filter((n) => n !== 'other-workspace'),
  description: maybe(validText),
  tags: maybe(fc.dictionary(validTag, validTag, { maxKeys: 3 })),
  tagNames: maybe(fc.uniqueArray(validTag, { maxLength: 3 })),
  workingDirectory: maybe(fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}(\/[a-z][a-z0-9_-]{0,10})?$/)),
  terraformVersion: maybe(fc.constantFrom('1.5.7', '1.11.4', '~> 1.9.0', 'latest')),
  workflow: fc.constantFrom('cli', 'api', 'vcs', undefined),
  vcs: fc.record({
    repository: fc.tuple(validName, validName).map(([o, r]) => `${o}/${r}`),
    branch: maybe(validName),
    triggers: fc.constantFrom('none', 'prefixes', 'patterns', 'tags'),
    paths: fc.uniqueArray(fc.stringMatching(/^\/?[a-z][a-z0-9_-]{0,10}(\/[a-z*]{1,5})?$/), { minLength: 1, maxLength: 2 }),
    fileTriggersEnabled: maybe(fc.boolean()),
  }).map(({ triggers, paths, fileTriggersEnabled, ...rest }) => ({
    ...rest,
    tagsRegex: triggers === 'tags' ? '\\d+\\.\\d+\\.\\d+$' : undefined,
    triggerPrefixes: triggers === 'prefixes' ? paths : undefined,
    triggerPatterns: triggers === 'patterns' ? paths.map((p) => `${p}/**/*`) : undefined,
    fileTriggersEnabled: triggers === 'tags' ? false : fileTriggersEnabled,
  })),
  mode: fc.constantFrom('remote', 'local', 'agent', undefined),
  autoDestroy: fc.oneof(
    fc.constant({}),
    validDate.map((autoDestroyAt) => ({ autoDestroyAt })),
    validDuration.map((autoDestroyActivityDuration) => ({ autoDestroyActivityDuration }))),
  globalRemoteState: maybe(fc.boolean()),
  share: fc.boolean(),
  trigger: fc.boolean(),
  grant: fc.boolean(),
}).map(({ autoDestroy, ...i }) => ({
  ...i,
  ...autoDestroy,
  mode: i.workflow === 'vcs' && i.mode === 'local' ? 'remote' : i.mode,
  globalRemoteState: i.share ? false : i.globalRemoteState,
}));

export const PROPERTIES: Property<any>[] = [
  {
    name: 'Organization',
    inputs: either(
      fc.record({
        name: validName,
        email: validEmail,
        timeout: maybe(fc.integer({ min: 1, max: 43200 })),
        remember: maybe(fc.integer({ min: 1, max: 43200 })),
        cost: maybe(fc.boolean()),
      }),
      fc.record({ name: nameArb, email: emailArb, timeout: maybe(hostileNumber), remember: maybe(hostileNumber), cost: maybe(fc.boolean()) })),
    build: ({ stack }, i) => new Organization(stack, 'Fuzzed', {
      name: i.name, email: i.email, sessionTimeoutMinutes: i.timeout, sessionRememberMinutes: i.remember, costEstimationEnabled: i.cost,
    }),
  },
  {
    name: 'Team',
    inputs: either(
      fc.record({
        name: validName.filter((n) => n !== 'owners'),
        sso: maybe(validName),
        members: fc.uniqueArray(validEmail, { maxLength: 3 }),
        flags: fc.dictionary(fc.constantFrom('readWorkspaces', 'manageWorkspaces', 'manageProjects', 'manageTeams'), fc.boolean()),
        token: maybe(fc.oneof(
          fc.record({ description: maybe(validName), expiresAt: maybe(validDate) }),
          fc.record({ expiresAt: maybe(validDate), forceRegenerate: maybe(fc.boolean()) }))),
      }),
      fc.record({
        name: nameArb,
        sso: maybe(textArb),
        members: fc.array(emailArb, { maxLength: 3 }),
        flags: fc.dictionary(fc.constantFrom('readWorkspaces', 'manageWorkspaces', 'manageProjects', 'manageTeams', 'bogus'), fc.boolean()),
        token: maybe(fc.record({ description: maybe(textArb), expiresAt: maybe(hostileString), forceRegenerate: maybe(fc.boolean()) })),
      })),
    build: ({ org }, i) => {
      const members = i.members.map((email: string, n: number) => org.inviteMember(`M${n}`, { email }));
      const team = org.addTeam('T', { name: i.name, ssoTeamId: i.sso, members, organizationAccess: OrganizationAccess.custom(i.flags) });
      if (i.token) team.addToken('Tok', i.token).createOutput('tok');
    },
  },
  {
    name: 'OrganizationToken',
    inputs: either(
      fc.record({ expiresAt: maybe(validDate), forceRegenerate: maybe(fc.boolean()), output: validIdentifier }),
      fc.record({ expiresAt: maybe(hostileString), forceRegenerate: maybe(fc.boolean()), output: hostileString })),
    build: ({ org }, i) => org.addToken('Tok', { expiresAt: i.expiresAt, forceRegenerate: i.forceRegenerate }).createOutput(i.output || 'out'),
  },
  {
    name: 'Project',
    inputs: either(
      fc.record({
        name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _-]{1,38}[A-Za-z0-9]$/),
        description: maybe(validText),
        tags: maybe(fc.dictionary(validTag, validTag, { maxKeys: 3 })),
        duration: maybe(validDuration),
        level: fc.constantFrom('READ', 'WRITE', 'MAINTAIN', 'ADMIN', 'custom'),
      }),
      fc.record({
        name: nameArb,
        description: maybe(textArb),
        tags: maybe(fc.dictionary(textArb, textArb, { maxKeys: 3 })),
        duration: maybe(hostileString),
        level: fc.constantFrom('READ', 'WRITE', 'MAINTAIN', 'ADMIN', 'custom'),
      })),
    build: ({ org }, i) => {
      const p = org.addProject('P', { name: i.name, description: i.description, tags: i.tags, autoDestroyActivityDuration: i.duration });
      p.grantAccess(org.addTeam('T', { name: 'team' }), i.level === 'custom' ? ProjectAccess.custom({ workspaces: { create: true } }) : (ProjectAccess as any)[i.level]);
    },
  },
  {
    name: 'Workspace',
    inputs: either(validWorkspace, fc.record({
      name: nameArb,
      description: maybe(textArb),
      tags: maybe(fc.dictionary(textArb, textArb, { maxKeys: 3 })),
      tagNames: maybe(fc.array(hostileString, { maxLength: 3 })),
      workingDirectory: maybe(textArb),
      terraformVersion: maybe(textArb),
      workflow: fc.constantFrom('cli', 'api', 'vcs', undefined),
      vcs: fc.record({
        repository: fc.oneof(fc.constant('acme/app'), hostileString),
        branch: maybe(textArb),
        tagsRegex: maybe(hostileString),
        triggerPrefixes: maybe(fc.array(hostileString, { maxLength: 2 })),
        triggerPatterns: maybe(fc.array(hostileString, { maxLength: 2 })),
        fileTriggersEnabled: maybe(fc.boolean()),
      }),
      mode: fc.constantFrom('remote', 'local', 'agent', undefined),
      autoDestroyAt: maybe(hostileString),
      autoDestroyActivityDuration: maybe(hostileString),
      globalRemoteState: maybe(fc.boolean()),
      share: fc.boolean(),
      trigger: fc.boolean(),
      grant: fc.boolean(),
    })),
    build: ({ stack, org }, i) => {
      const connection = OAuthClient.fromOAuthTokenId(stack, 'Conn', org, 'ot-abc123');
      const runWorkflow = i.workflow === 'vcs' ? RunWorkflow.vcs({ connection, ...i.vcs }) : i.workflow === 'api' ? RunWorkflow.apiDriven()
        : i.workflow === 'cli' ? RunWorkflow.cliDriven() : undefined;
      const executionMode = i.mode === 'agent' ? ExecutionMode.agent(AgentPool.fromAgentPoolId(stack, 'Pool', org, 'apool-abc123'))
        : i.mode === 'remote' ? ExecutionMode.remote() : i.mode === 'local' ? ExecutionMode.local() : undefined;
      const ws = new Workspace(stack, 'W', {
        organization: org,
        name: i.name,
        description: i.description,
        tags: i.tags,
        tagNames: i.tagNames,
        workingDirectory: i.workingDirectory,
        terraformVersion: i.terraformVersion,
        runWorkflow,
        executionMode,
        autoDestroyAt: i.autoDestroyAt,
        autoDestroyActivityDuration: i.autoDestroyActivityDuration,
        globalRemoteState: i.globalRemoteState,
      });
      const other = new Workspace(stack, 'Other', { organization: org, name: 'other-workspace' });
      if (i.share) ws.shareStateWith(other);
      if (i.trigger) other.triggeredBy(ws);
      if (i.grant) ws.grantAccess(org.addTeam('T', { name: 'team' }), WorkspaceAccess.WRITE);
    },
  },
  {
    name: 'WorkspaceGroup',
    inputs: either(
      fc.record({
        prefix: fc.stringMatching(/^[a-z][a-z0-9_-]{1,20}-$/),
        members: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/).filter((m) => m !== 'default'), { minLength: 1, maxLength: 4 }),
        promotion: fc.boolean(),
        asSet: fc.boolean(),
      }),
      fc.record({ prefix: nameArb, members: fc.array(nameArb, { maxLength: 4 }), promotion: fc.boolean(), asSet: fc.boolean() })),
    build: ({ stack, org }, i) => new WorkspaceGroup(stack, 'G', {
      organization: org,
      prefix: i.prefix,
      members: i.members.map((shortName: string) => ({ shortName })),
      promotion: i.promotion,
      variables: [{ key: 'shared', value: VariableValue.string('v') }],
      sharedVariablesAsVariableSet: i.asSet,
    }),
  },
  {
    name: 'Variable',
    inputs: either(
      fc.constantFrom(VariableCategory.TERRAFORM, VariableCategory.ENV).chain((category) => fc.record({
        key: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/),
        // Environment variables take text (numbers and booleans are written as text); Terraform variables any value.
        value: fc.oneof(
          validText.map((t) => () => VariableValue.string(t)),
          fc.integer().map((n) => () => VariableValue.number(n)),
          fc.boolean().map((b) => () => VariableValue.boolean(b)),
          ...(category === VariableCategory.ENV ? [] : [
            fc.array(validText, { maxLength: 3 }).map((l) => () => VariableValue.list(l)),
            fc.dictionary(validIdentifier, validText, { maxKeys: 3 }).map((m) => () => VariableValue.map(m)),
          ])),
        category: fc.constant(category),
        sensitive: maybe(fc.boolean()),
        writeOnly: maybe(fc.boolean()),
        description: maybe(validText),
        allow: fc.constant(undefined),
        valid: fc.constant(true),
      }).map((i) => ({ ...i, writeOnly: i.sensitive ? i.writeOnly : undefined }))),
      fc.record({
        key: nameArb,
        value: valueArb,
        category: fc.constantFrom(VariableCategory.TERRAFORM, VariableCategory.ENV, 'bogus' as any),
        sensitive: maybe(fc.boolean()),
        writeOnly: maybe(fc.boolean()),
        allow: maybe(fc.boolean()),
        description: maybe(hostileString),
      })),
    build: ({ stack, org }, i) => new Workspace(stack, 'W', { organization: org, name: 'w' }).addVariable('V', {
      // A sensitive value drawn from the valid half arrives as a reference, as the platform's users pass secrets.
      key: i.key,
      value: i.valid && i.sensitive ? VariableValue.fromReference(secret(stack, 'pw')) : i.value(),
      category: i.category,
      sensitive: i.sensitive,
      allowPlaintextSecret: i.allow,
      description: i.description,
      writeOnly: i.writeOnly,
    }),
  },
  {
    name: 'VariableSet',
    inputs: fc.record({ name: textArb, description: maybe(textArb), priority: maybe(fc.boolean()), all: maybe(fc.boolean()), attach: fc.boolean() }),
    build: ({ stack, org }, i) => {
      const set = new VariableSet(stack, 'S', { organization: org, name: i.name, description: i.description, priority: i.priority, allWorkspaces: i.all });
      set.addVariable('V', { key: 'k', value: VariableValue.string('v') });
      if (i.attach) set.applyToWorkspace(new Workspace(stack, 'W', { organization: org, name: 'w' }));
    },
  },
  {
    name: 'OAuthClient',
    inputs: either(validOAuthClient, fc.record({
      provider: fc.constantFrom(...Object.values(VcsProvider), 'bogus'),
      name: maybe(textArb),
      apiUrl: maybe(hostileString),
      httpUrl: maybe(hostileString),
      literalToken: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: hostileString, weight: 1 }),
      key: maybe(hostileString),
      allow: maybe(fc.boolean()),
      secret: fc.constant(false),
      rsaPublicKey: fc.constant(false),
      privateKey: fc.constant(false),
      noToken: fc.constant(false),
    })),
    build: ({ stack, org }, i) => new OAuthClient(stack, 'C', {
      organization: org,
      serviceProvider: i.provider as VcsProvider,
      name: i.name,
      apiUrl: i.apiUrl,
      httpUrl: i.httpUrl,
      oauthToken: i.noToken ? undefined : i.literalToken ?? secret(stack, 'tok'),
      key: i.key,
      secret: i.secret ? secret(stack, 'secret') : undefined,
      rsaPublicKey: i.rsaPublicKey ? 'ssh-rsa AAAAB3NzaC1yc2E fuzz' : undefined,
      privateKey: i.privateKey ? secret(stack, 'private_key') : undefined,
      allowPlaintextSecret: i.allow,
    }),
  },
  {
    name: 'AgentPool',
    inputs: fc.record({ name: textArb, scoped: maybe(fc.boolean()), allow: fc.boolean(), token: maybe(textArb) }),
    build: ({ stack, org }, i) => {
      const pool = new AgentPool(stack, 'P', { organization: org, name: i.name, organizationScoped: i.scoped });
      if (i.allow) pool.allowWorkspace(new Workspace(stack, 'W', { organization: org, name: 'w' }));
      if (i.token !== undefined) pool.addToken('T', { description: i.token }).createOutput('agent_token');
    },
  },
  {
    name: 'Notification',
    inputs: either(
      fc.record({
        name: validName,
        kind: fc.constantFrom('slack', 'teams', 'email', 'generic'),
        url: fc.stringMatching(/^https:\/\/[a-z][a-z0-9-]{0,10}\.example\.com(\/[A-Za-z0-9_-]{1,12}){0,3}$/),
        allowPlaintextSecret: fc.constant(true),
        emails: fc.uniqueArray(validEmail, { minLength: 1, maxLength: 2 }),
        users: fc.uniqueArray(fc.stringMatching(/^user-[A-Za-z0-9]{16}$/), { maxLength: 2 }),
        triggers: maybe(fc.uniqueArray(fc.constantFrom(...Object.values(NotificationTrigger)), { minLength: 1, maxLength: 4 })),
        enabled: maybe(fc.boolean()),
      }),
      fc.record({
        name: textArb,
        kind: fc.constantFrom('slack', 'teams', 'email', 'generic'),
        url: fc.oneof(fc.webUrl(), hostileString),
        allowPlaintextSecret: fc.boolean(),
        emails: fc.array(emailArb, { maxLength: 2 }),
        users: fc.array(hostileString, { maxLength: 2 }),
        triggers: maybe(fc.array(fc.constantFrom(...Object.values(NotificationTrigger), 'bogus'), { maxLength: 4 })),
        enabled: maybe(fc.boolean()),
      })),
    build: ({ stack, org }, i) => {
      const destination = i.kind === 'slack' ? NotificationDestination.slack(i.url, { allowPlaintextSecret: i.allowPlaintextSecret })
        : i.kind === 'teams' ? NotificationDestination.microsoftTeams(i.url, { allowPlaintextSecret: i.allowPlaintextSecret })
          : i.kind === 'email' ? NotificationDestination.email({ emailAddresses: i.emails, users: i.users })
            : NotificationDestination.generic(i.url, { token: secret(stack, 'hmac') });
      new Workspace(stack, 'W', { organization: org, name: 'w' }).addNotification('N', {
        name: i.name, destination, triggers: i.triggers as NotificationTrigger[] | undefined, enabled: i.enabled,
      });
    },
  },
  {
    name: 'PolicySet',
    inputs: either(validPolicySet, fc.record({
      name: nameArb,
      policyName: nameArb,
      kind: fc.constantFrom(PolicyKind.SENTINEL, PolicyKind.OPA),
      setKind: fc.constantFrom(PolicyKind.SENTINEL, PolicyKind.OPA),
      query: maybe(textArb),
      code: textArb,
      level: fc.constantFrom(...['SENTINEL_ADVISORY', 'SENTINEL_SOFT_MANDATORY', 'SENTINEL_HARD_MANDATORY', 'OPA_ADVISORY', 'OPA_MANDATORY']),
      all: maybe(fc.boolean()),
      overridable: maybe(fc.boolean()),
      param: maybe(nameArb),
      attach: fc.boolean(),
    })),
    build: ({ stack, org }, i) => {
      const policy = new Policy(stack, 'P', {
        organization: org,
        name: i.policyName,
        kind: i.kind,
        query: i.query,
        source: PolicySource.inline(i.code),
        enforcementLevel: (EnforcementLevel as any)[i.level],
      });
      const set = new PolicySet(stack, 'S', { organization: org, name: i.name, kind: i.setKind, policies: [policy], appliesToAllWorkspaces: i.all, overridable: i.overridable });
      if (i.param !== undefined) set.addParameter(i.param, 'value');
      if (i.attach) set.attachTo(new Workspace(stack, 'W', { organization: org, name: 'w' }));
    },
  },
  {
    name: 'Backend',
    inputs: either(
      fc.record({
        type: fc.constantFrom(BackendType.REMOTE, BackendType.CLOUD),
        hostname: maybe(fc.constantFrom('app.terraform.io', 'tfe.acme.example', 'localhost:8443')),
        select: fc.constantFrom('name', 'prefix', 'tags'),
        name: validName,
        tags: fc.uniqueArray(validTag, { minLength: 1, maxLength: 2 }),
        project: maybe(validName),
        wsName: validName,
      }).map(({ type, select, name, tags, project, ...i }) => ({
        ...i,
        type,
        name: select === 'name' || (type === BackendType.CLOUD && select === 'prefix') ? name : undefined,
        prefix: type === BackendType.REMOTE && select !== 'name' ? name : undefined,
        tags: type === BackendType.CLOUD && select === 'tags' ? tags : undefined,
        project: type === BackendType.CLOUD ? project : undefined,
      })),
      fc.record({
        type: fc.constantFrom(BackendType.REMOTE, BackendType.CLOUD),
        hostname: maybe(hostileString),
        name: maybe(nameArb),
        prefix: maybe(nameArb),
        tags: maybe(fc.array(nameArb, { maxLength: 2 })),
        project: maybe(nameArb),
        wsName: nameArb,
      })),
    build: ({ stack, org }, i) => {
      const consumer = new TerraformStack(stack.node.root as any, 'consumer');
      Backend.forExternalWorkspaces(consumer, {
        organizationName: 'acme',
        backendType: i.type,
        hostname: i.hostname,
        workspaceName: i.name,
        workspacePrefix: i.prefix,
        workspaceTags: i.tags,
        projectName: i.project,
      });
      new Workspace(stack, 'W', { organization: org, name: i.wsName }).bindBackend(new TerraformStack(stack.node.root as any, 'consumer2'), { hostname: i.hostname });
    },
  },
  {
    name: 'OrganizationRunTask',
    inputs: either(
      fc.record({
        name: validName,
        url: fc.stringMatching(/^https:\/\/[a-z][a-z0-9-]{0,10}\.example\.com(\/[A-Za-z0-9_-]{1,12}){0,2}$/),
        hmac: fc.boolean(),
        writeOnly: fc.boolean(),
        enabled: maybe(fc.boolean()),
        description: maybe(validText),
        stages: maybe(fc.uniqueArray(fc.constantFrom(...Object.values(RunTaskStage)), { minLength: 1, maxLength: 4 })),
        enforcement: maybe(fc.constantFrom(...Object.values(RunTaskEnforcement))),
        global: fc.boolean(),
        attach: fc.boolean(),
      }),
      fc.record({
        name: nameArb,
        url: fc.oneof(fc.webUrl(), hostileString),
        hmac: fc.boolean(),
        writeOnly: fc.boolean(),
        enabled: maybe(fc.boolean()),
        description: maybe(textArb),
        stages: maybe(fc.array(fc.constantFrom(...Object.values(RunTaskStage), 'bogus'), { maxLength: 4 })),
        enforcement: maybe(fc.constantFrom(...Object.values(RunTaskEnforcement), 'bogus')),
        global: fc.boolean(),
        attach: fc.boolean(),
      })),
    build: ({ stack, org }, i) => {
      const options = { stages: i.stages as RunTaskStage[] | undefined, enforcement: i.enforcement as RunTaskEnforcement | undefined };
      const task = new OrganizationRunTask(stack, 'Task', {
        organization: org,
        name: i.name,
        url: i.url,
        hmacKey: i.hmac ? secret(stack, 'hmac') : undefined,
        hmacKeyWriteOnly: i.hmac && i.writeOnly,
        enabled: i.enabled,
        description: i.description,
        allWorkspaces: i.global ? options : undefined,
      });
      if (i.attach) task.attachTo(new Workspace(stack, 'W', { organization: org, name: 'w' }), options);
    },
  },
  {
    name: 'WorkspaceOutputs',
    inputs: either(
      fc.record({ output: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,20}$/), share: fc.constant(true), global: fc.boolean(), consumer: fc.boolean(), explicitReader: fc.boolean() }),
      fc.record({ output: hostileString, share: fc.boolean(), global: fc.boolean(), consumer: fc.boolean(), explicitReader: fc.boolean() })),
    build: ({ stack, org }, i) => {
      const producer = new Workspace(stack, 'Producer', { organization: org, name: 'producer', globalRemoteState: i.global && !i.share ? true : undefined });
      const reader = new Workspace(stack, 'Reader', { organization: org, name: 'reader' });
      if (i.share) producer.shareStateWith(reader);
      let scope: TerraformStack = stack;
      if (i.consumer) {
        scope = new TerraformStack(stack.node.root as any, 'consumer');
        new TfeProvider(scope, 'tfe', {});
        reader.bindBackend(scope);
      }
      const outputs = new WorkspaceOutputs(scope, 'Outputs', { workspace: producer, reader: i.explicitReader || !i.consumer ? reader : undefined });
      outputs.getString(i.output);
      outputs.getSecretString(i.output);
    },
  },
  {
    name: 'RegistryModule',
    inputs: either<any>(
      fc.record({
        name: fc.stringMatching(/^[a-z][a-z0-9]{0,12}$/),
        provider: fc.constantFrom('aws', 'azurerm', 'google', 'kubernetes'),
        publishing: fc.constantFrom('tags', 'branch', undefined),
        tagPrefix: maybe(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}\/v$/)),
        branch: validName,
        version: maybe(fc.tuple(fc.nat(9), fc.nat(20), fc.nat(50)).map(([a, b, c]) => `${a}.${b}.${c}`)),
        directory: maybe(fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}(\/[a-z][a-z0-9_-]{0,10})?$/)),
        tests: fc.boolean(),
        testVariable: fc.boolean(),
        writeOnly: fc.boolean(),
        noCode: fc.boolean(),
        options: fc.uniqueArray(fc.record({ name: validIdentifier, options: fc.uniqueArray(validText, { minLength: 1, maxLength: 3 }) }),
          { maxLength: 2, selector: (o) => o.name }),
      }).map((i) => ({
        ...i,
        repository: `acme/terraform-${i.provider}-${i.name}`,
        // Tests run on branch-based publishing only.
        tests: i.tests && i.publishing === 'branch',
        variableOptions: i.version ? i.options : undefined,
      })),
      fc.record({
        repository: fc.oneof(fc.constant('acme/terraform-aws-vpc'), hostileString),
        publishing: fc.constantFrom('tags', 'branch', undefined),
        tagPrefix: maybe(hostileString),
        branch: textArb,
        version: maybe(hostileString),
        directory: maybe(hostileString),
        tests: fc.boolean(),
        testVariable: fc.boolean(),
        writeOnly: fc.boolean(),
        noCode: fc.boolean(),
        variableOptions: maybe(fc.array(fc.record({ name: hostileString, options: fc.array(hostileString, { maxLength: 2 }), type: maybe(fc.constantFrom(...Object.values(NoCodeVariableType), 'bogus')) }), { maxLength: 2 })),
      })),
    build: ({ stack, org }, i) => {
      const connection = OAuthClient.fromOAuthTokenId(stack, 'Conn', org, 'ot-abc123');
      const module = new RegistryModule(stack, 'M', {
        organization: org,
        connection,
        repository: i.repository,
        publishing: i.publishing === 'tags' ? ModulePublishing.tags({ tagPrefix: i.tagPrefix })
          : i.publishing === 'branch' ? ModulePublishing.branch(i.branch, { initialVersion: i.version }) : undefined,
        sourceDirectory: i.directory,
        tests: i.tests ? {} : undefined,
      });
      if (i.testVariable) {
        module.addTestVariable('Key', { key: 'AWS_SECRET_ACCESS_KEY', value: VariableValue.fromReference(secret(stack, 'k')), sensitive: true, writeOnly: i.writeOnly });
      }
      if (i.noCode) module.enableNoCode('NoCode', { versionPin: i.version, variableOptions: i.variableOptions });
    },
  },
  {
    name: 'SshKey',
    inputs: either(
      fc.record({ name: validName, writeOnly: fc.boolean(), literal: fc.constant(false), allow: fc.constant(undefined), useIt: fc.boolean() }),
      fc.record({ name: textArb, writeOnly: fc.boolean(), literal: fc.boolean(), allow: maybe(fc.boolean()), useIt: fc.boolean() })),
    build: ({ stack, org }, i) => {
      const key = new SshKey(stack, 'K', {
        organization: org, name: i.name, privateKey: i.literal ? 'not-a-key' : secret(stack, 'ssh_key'), writeOnly: i.writeOnly, allowPlaintextSecret: i.allow,
      });
      if (i.useIt) new Workspace(stack, 'W', { organization: org, name: 'w', sshKeyId: key.sshKeyId });
    },
  },
  {
    name: 'TeamNotification',
    inputs: either(
      fc.record({
        name: validName,
        kind: fc.constantFrom('slack', 'teams', 'email', 'generic'),
        url: fc.stringMatching(/^https:\/\/[a-z][a-z0-9-]{0,10}\.example\.com(\/[A-Za-z0-9_-]{1,12}){0,3}$/),
        triggers: maybe(fc.constant([TeamNotificationTrigger.CHANGE_REQUEST_CREATED])),
        enabled: maybe(fc.boolean()),
      }),
      fc.record({
        name: textArb,
        kind: fc.constantFrom('slack', 'teams', 'email', 'generic'),
        url: fc.oneof(fc.webUrl(), hostileString),
        triggers: maybe(fc.array(fc.constantFrom(TeamNotificationTrigger.CHANGE_REQUEST_CREATED, 'run:errored', 'bogus'), { maxLength: 3 })),
        enabled: maybe(fc.boolean()),
      })),
    build: ({ stack, org }, i) => {
      const destination = i.kind === 'slack' ? NotificationDestination.slack(secret(stack, 'slack'))
        : i.kind === 'teams' ? NotificationDestination.microsoftTeams(secret(stack, 'teams'))
          : i.kind === 'email' ? NotificationDestination.email({ users: ['user-abc123'] })
            : NotificationDestination.generic(i.url, { token: secret(stack, 'hmac') });
      org.addTeam('T', { name: 'team' }).addNotification('N', { name: i.name, destination, triggers: i.triggers as TeamNotificationTrigger[] | undefined, enabled: i.enabled });
    },
  },
  {
    name: 'DynamicCredentials',
    inputs: either(
      fc.record({
        cloud: fc.constantFrom('aws', 'azure', 'gcp', 'vault'),
        account: fc.stringMatching(/^\d{12}$/),
        role: validName,
        guid: fc.uuid(),
        project: fc.stringMatching(/^[a-z][a-z0-9-]{5,20}$/),
        number: fc.stringMatching(/^[1-9]\d{5,11}$/),
        phases: fc.boolean(),
        target: fc.constantFrom('workspace', 'set', 'group'),
      }).map((i) => ({
        ...i,
        run: i.cloud === 'aws' ? `arn:aws:iam::${i.account}:role/${i.role}` : i.cloud === 'azure' ? i.guid
          : i.cloud === 'gcp' ? `${i.role}@${i.project}.iam.gserviceaccount.com` : i.role,
        provider: `projects/${i.number}/locations/global/workloadIdentityPools/${i.role.replace(/_/g, '-')}/providers/${i.role.replace(/_/g, '-')}`,
        address: `https://vault.${i.project}.example:8200`,
        staticKey: undefined as string | undefined,
      })),
      fc.record({
        cloud: fc.constantFrom('aws', 'azure', 'gcp', 'vault'),
        run: maybe(hostileString),
        phases: fc.boolean(),
        provider: maybe(hostileString),
        address: hostileString,
        target: fc.constantFrom('workspace', 'set', 'group'),
        staticKey: maybe(fc.constantFrom('AWS_SECRET_ACCESS_KEY', 'ARM_CLIENT_SECRET', 'GOOGLE_CREDENTIALS', 'VAULT_TOKEN', 'OTHER')),
      })),
    build: ({ stack, org }, i) => {
      const run: string | undefined = i.run;
      const credentials = i.cloud === 'aws' ? DynamicCredentials.aws({ runRoleArn: run, planRoleArn: i.phases ? run : undefined })
        : i.cloud === 'azure' ? DynamicCredentials.azure({ runClientId: run, applyClientId: i.phases ? run : undefined })
          : i.cloud === 'gcp' ? DynamicCredentials.gcp({ workloadProviderName: i.provider, runServiceAccountEmail: run })
            : DynamicCredentials.vault({ address: i.address, runRole: run, planRole: i.phases ? run : undefined });
      const target = i.target === 'set' ? new VariableSet(stack, 'S', { organization: org, name: 'credentials' })
        : i.target === 'group' ? new WorkspaceGroup(stack, 'G', { organization: org, prefix: 'net-', members: [{ shortName: 'dev' }, { shortName: 'prod' }] })
          : new Workspace(stack, 'W', { organization: org, name: 'w' });
      target.addDynamicCredentials(credentials);
      if (i.staticKey) target.addVariable('Static', { key: i.staticKey, value: VariableValue.string('x'), category: VariableCategory.ENV });
    },
  },
  {
    name: 'Entitlements',
    inputs: either(
      // What the case uses (teams, SSO, agents, remote operations, state) and any others.
      fc.array(fc.constantFrom(...Object.values(Entitlement)), { maxLength: 6 })
        .map((more) => [Entitlement.TEAMS, Entitlement.SSO, Entitlement.AGENTS, Entitlement.OPERATIONS, Entitlement.STATE_STORAGE, ...more]),
      fc.array(fc.constantFrom(...Object.values(Entitlement)), { maxLength: 6 })),
    build: ({ stack }, i) => {
      const org = Organization.fromOrganizationName(stack, 'Ent', 'ent-org', Entitlements.of(i));
      org.addTeam('T', { name: 'team', ssoTeamId: 'sso' });
      new AgentPool(stack, 'P', { organization: org, name: 'pool' });
      new Workspace(stack, 'W', { organization: org, name: 'w', executionMode: ExecutionMode.remote() });
    },
  },
  {
    name: 'Team.fromTeamName/fromTeamId',
    inputs: fc.record({ name: nameArb, id: fc.oneof(fc.stringMatching(/^team-[A-Za-z0-9]{16}$/), hostileString) }),
    build: ({ stack, org }, i) => {
      Team.fromTeamName(stack, 'ByName', org, i.name);
      Team.fromTeamId(stack, 'ById', org, i.id);
    },
  },
];

/** Where unintended templates would show: a `${` or `%{` that is neither an escape nor a reference the library wrote. */
const TEMPLATE = /(?<![$%])([$%])\{/g;
const ALLOWED = /^\$\{(tfe_|data\.|var\.|"\$"|replace\(|jsonencode\(|coalesce\(|tolist\(|toset\()/;

function checkTemplates(json: unknown, where = ''): string | undefined {
  if (typeof json === 'string') {
    for (const m of json.matchAll(TEMPLATE)) {
      const rest = json.slice(m.index!);
      if (m[1] === '%' || !ALLOWED.test(rest)) return `unescaped template at ${where}: ${JSON.stringify(json.slice(0, 80))}`;
    }
    return undefined;
  }
  if (Array.isArray(json)) {
    for (let i = 0; i < json.length; i++) {
      const p = checkTemplates(json[i], `${where}[${i}]`);
      if (p) return p;
    }
    return undefined;
  }
  if (json && typeof json === 'object') {
    for (const [k, v] of Object.entries(json)) {
      if (k === '//') continue;
      const p = checkTemplates(k, `${where}.<key>`) ?? checkTemplates(v, `${where}.${k}`);
      if (p) return p;
    }
  }
  return undefined;
}

/**
 * Runs one case. Returns its outcome, or throws with what went wrong;
 * `onRule` hears the rule id of a case that ended in a rule error.
 */
export function runCase<T>(property: Property<T>, input: T, onRule: (ruleId: string) => void = () => {}): Outcome {
  // Cases use write-only attributes: the app declares Terraform versions that have them (CDK Terrain checks).
  const app = Testing.app({ context: { targetVersions: { terraform: '>=1.11.0', opentofu: '>=1.11.0' } } });
  const stack = new TerraformStack(app, 'test');
  new TfeProvider(stack, 'tfe', {});
  const org = new Organization(stack, 'Acme', { name: 'acme', email: 'a@acme.example' });
  try {
    property.build({ stack, org }, input);
    for (const s of app.node.children) {
      if (!(s instanceof TerraformStack)) continue;
      const text = Testing.synth(s, true);
      const problem = checkTemplates(JSON.parse(text).resource ?? {}, 'resource') ?? checkTemplates(JSON.parse(text).terraform ?? {}, 'terraform');
      if (problem) throw new Error(problem);
    }
    return 'synth';
  } catch (e) {
    if (Errors.isValidationError(e)) {
      const path = Errors.constructPathOf(e)!;
      checkRuleId(Errors.ruleIdOf(e), (e as Error).message);
      onRule(Errors.ruleIdOf(e)!);
      // A value object's factory refused its input before any construct existed.
      if (/^[A-Z]\w*\.\w+$/.test(path)) return 'value-rejected';
      if (!path.startsWith('test') && !path.startsWith('consumer')) throw new Error(`ValidationError with an unexpected path ${path}: ${(e as Error).message}`);
      return 'validation-error';
    }
    const message = (e as Error)?.message ?? String(e);
    // A synth-time rule: cdktf reports node validations with the construct path, then the rule id.
    const synth = /^Validation failed with the following errors:\s*\n\s*\[(test|consumer)[^\]]*\] \[(TFE-[A-Z]+-\d{3})\] /.exec(message);
    if (synth) {
      checkRuleId(synth[2], message);
      onRule(synth[2]);
      return 'validation-error';
    }
    throw e;
  }
}
