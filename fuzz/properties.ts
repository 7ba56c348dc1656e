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
  AgentPool, Backend, BackendType, EnforcementLevel, Entitlement, Entitlements, Errors, ExecutionMode, NotificationDestination,
  NotificationTrigger, OAuthClient, Organization, OrganizationAccess, Policy, PolicyKind, PolicySet, PolicySource, ProjectAccess,
  Rules, RunWorkflow, Team, VariableCategory, VariableSet, VariableValue, VcsProvider, Workspace, WorkspaceAccess, WorkspaceGroup,
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

export const PROPERTIES: Property<any>[] = [
  {
    name: 'Organization',
    inputs: fc.record({ name: nameArb, email: emailArb, timeout: maybe(hostileNumber), remember: maybe(hostileNumber), cost: maybe(fc.boolean()) }),
    build: ({ stack }, i) => new Organization(stack, 'Fuzzed', {
      name: i.name, email: i.email, sessionTimeoutMinutes: i.timeout, sessionRememberMinutes: i.remember, costEstimationEnabled: i.cost,
    }),
  },
  {
    name: 'Team',
    inputs: fc.record({
      name: nameArb,
      sso: maybe(textArb),
      members: fc.array(emailArb, { maxLength: 3 }),
      flags: fc.dictionary(fc.constantFrom('readWorkspaces', 'manageWorkspaces', 'manageProjects', 'manageTeams', 'bogus'), fc.boolean()),
      token: maybe(fc.record({ description: maybe(textArb), expiresAt: maybe(hostileString), forceRegenerate: maybe(fc.boolean()) })),
    }),
    build: ({ org }, i) => {
      const members = i.members.map((email: string, n: number) => org.inviteMember(`M${n}`, { email }));
      const team = org.addTeam('T', { name: i.name, ssoTeamId: i.sso, members, organizationAccess: OrganizationAccess.custom(i.flags) });
      if (i.token) team.addToken('Tok', i.token).createOutput('tok');
    },
  },
  {
    name: 'OrganizationToken',
    inputs: fc.record({ expiresAt: maybe(hostileString), forceRegenerate: maybe(fc.boolean()), output: hostileString }),
    build: ({ org }, i) => org.addToken('Tok', { expiresAt: i.expiresAt, forceRegenerate: i.forceRegenerate }).createOutput(i.output || 'out'),
  },
  {
    name: 'Project',
    inputs: fc.record({
      name: nameArb,
      description: maybe(textArb),
      tags: maybe(fc.dictionary(textArb, textArb, { maxKeys: 3 })),
      duration: maybe(hostileString),
      level: fc.constantFrom('READ', 'WRITE', 'MAINTAIN', 'ADMIN', 'custom'),
    }),
    build: ({ org }, i) => {
      const p = org.addProject('P', { name: i.name, description: i.description, tags: i.tags, autoDestroyActivityDuration: i.duration });
      p.grantAccess(org.addTeam('T', { name: 'team' }), i.level === 'custom' ? ProjectAccess.custom({ workspaces: { create: true } }) : (ProjectAccess as any)[i.level]);
    },
  },
  {
    name: 'Workspace',
    inputs: fc.record({
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
    }),
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
    inputs: fc.record({ prefix: nameArb, members: fc.array(nameArb, { maxLength: 4 }), promotion: fc.boolean(), asSet: fc.boolean() }),
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
    inputs: fc.record({
      key: nameArb,
      value: valueArb,
      category: fc.constantFrom(VariableCategory.TERRAFORM, VariableCategory.ENV, 'bogus' as any),
      sensitive: maybe(fc.boolean()),
      allow: maybe(fc.boolean()),
      description: maybe(hostileString),
    }),
    build: ({ stack, org }, i) => new Workspace(stack, 'W', { organization: org, name: 'w' }).addVariable('V', {
      key: i.key, value: i.value(), category: i.category, sensitive: i.sensitive, allowPlaintextSecret: i.allow, description: i.description,
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
    inputs: fc.record({
      provider: fc.constantFrom(...Object.values(VcsProvider), 'bogus'),
      name: maybe(textArb),
      apiUrl: maybe(hostileString),
      httpUrl: maybe(hostileString),
      literalToken: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: hostileString, weight: 1 }),
      key: maybe(hostileString),
      allow: maybe(fc.boolean()),
    }),
    build: ({ stack, org }, i) => new OAuthClient(stack, 'C', {
      organization: org,
      serviceProvider: i.provider as VcsProvider,
      name: i.name,
      apiUrl: i.apiUrl,
      httpUrl: i.httpUrl,
      oauthToken: i.literalToken ?? secret(stack, 'tok'),
      key: i.key,
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
    inputs: fc.record({
      name: textArb,
      kind: fc.constantFrom('slack', 'teams', 'email', 'generic'),
      url: fc.oneof(fc.webUrl(), hostileString),
      allowPlaintextSecret: fc.boolean(),
      emails: fc.array(emailArb, { maxLength: 2 }),
      users: fc.array(hostileString, { maxLength: 2 }),
      triggers: maybe(fc.array(fc.constantFrom(...Object.values(NotificationTrigger), 'bogus'), { maxLength: 4 })),
      enabled: maybe(fc.boolean()),
    }),
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
    inputs: fc.record({
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
    }),
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
    inputs: fc.record({
      type: fc.constantFrom(BackendType.REMOTE, BackendType.CLOUD),
      hostname: maybe(hostileString),
      name: maybe(nameArb),
      prefix: maybe(nameArb),
      tags: maybe(fc.array(nameArb, { maxLength: 2 })),
      project: maybe(nameArb),
      wsName: nameArb,
    }),
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
    name: 'Entitlements',
    inputs: fc.array(fc.constantFrom(...Object.values(Entitlement)), { maxLength: 6 }),
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
 * Runs one case. Returns its outcome, or throws with what went wrong.
 */
export function runCase<T>(property: Property<T>, input: T): Outcome {
  const app = Testing.app();
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
      return 'validation-error';
    }
    throw e;
  }
}
