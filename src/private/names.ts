import { IConstruct } from 'constructs';
import { RuleId } from './rules';
import { checkString, quote, Violation, violation } from './validation';

/**
 * The forms the platform accepts for names, tags, repositories, keys, IDs
 * and e-mail addresses: one table, used by every construct (and by backend
 * bindings, which name workspaces, organizations and projects too).
 *
 * Each kind lists its rules in the order they are checked; the first one a
 * value breaks is reported.
 */
interface FormRule {
  readonly ruleId: RuleId;
  /** Whether a value follows the rule. */
  readonly accepts: (value: string) => boolean;
  /** The message for a value that does not, without the construct path. */
  readonly problem: (value: string) => string;
}

const NAME_CHARACTERS = /^[A-Za-z0-9_-]+$/;
const ONLY_NAME_CHARACTERS = 'use only letters, numbers, "-" and "_" (and at least one character)';

/** A rule on the characters of a name: letters, numbers, `-` and `_`. */
function nameCharacters(ruleId: RuleId, what: string): FormRule {
  return { ruleId, accepts: (v) => NAME_CHARACTERS.test(v), problem: (v) => `${what} ${quote(v)} is invalid: ${ONLY_NAME_CHARACTERS}.` };
}

/** A rule that a name is not empty (nor only spaces). */
function notEmpty(ruleId: RuleId, problem: (value: string) => string): FormRule {
  return { ruleId, accepts: (v) => v.trim() !== '', problem };
}

/** A rule on an ID's form. */
function idForm(ruleId: RuleId, pattern: RegExp, problem: (value: string) => string): FormRule {
  return { ruleId, accepts: (v) => pattern.test(v), problem };
}

/** A suggestion for an invalid variable name: invalid characters replaced, no leading digit. */
function suggestName(key: string, invalid: RegExp): string {
  const cleaned = key.replace(invalid, '_');
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

const FORMS = {
  organization: [nameCharacters('TFE-NAME-001', 'organization name')],
  team: [
    nameCharacters('TFE-NAME-002', 'team name'),
    {
      ruleId: 'TFE-NAME-003',
      accepts: (v) => v.toLowerCase() !== 'owners',
      problem: () => 'team name "owners" is the built-in owners team, which every organization already has: ' +
        'reference it with Team.fromTeamName(scope, id, organization, "owners") instead of creating it.',
    },
  ],
  project: [
    {
      ruleId: 'TFE-NAME-004',
      accepts: (v) => v.length >= 3 && v.length <= 40,
      problem: (v) => `project name ${quote(v)} has ${v.length} characters: a project name has 3 to 40.`,
    },
    {
      ruleId: 'TFE-NAME-005',
      accepts: (v) => /^[A-Za-z0-9_-][A-Za-z0-9_ -]+[A-Za-z0-9_-]$/.test(v),
      problem: (v) => `project name ${quote(v)} is invalid: use only letters, numbers, spaces, "-" and "_", and do not start or end with a space.`,
    },
  ],
  workspace: [
    nameCharacters('TFE-NAME-006', 'workspace name'),
    {
      ruleId: 'TFE-NAME-007',
      accepts: (v) => v.length <= 90,
      problem: (v) => `workspace name ${quote(v)} has ${v.length} characters: a workspace name has at most 90.`,
    },
  ],
  tag: [{
    ruleId: 'TFE-NAME-008',
    accepts: (v) => /^[a-z0-9](?:[a-z0-9_:-]*[a-z0-9])?$/.test(v),
    problem: (v) => `tag name ${quote(v)} is invalid: use lowercase letters, numbers, "_", ":" and "-", starting and ending with a letter or number.`,
  }],
  repository: [{
    ruleId: 'TFE-NAME-009',
    accepts: (v) => /^[^/\s]+\/[^/\s]+$|^[^/\s]+\/[^/\s]+\/_git\/[^/\s]+$/.test(v),
    problem: (v) => `repository ${quote(v)} is not a repository identifier: write "<vcs organization>/<repository>" ` +
      '(Azure DevOps: "<organization>/<project>/_git/<repository>").',
  }],
  workspacePrefix: [{
    ruleId: 'TFE-NAME-010',
    accepts: (v) => NAME_CHARACTERS.test(v),
    problem: (v) => `prefix ${quote(v)} is invalid: a workspace name prefix has only letters, numbers, "-" and "_".`,
  }],
  memberShortName: [
    { ruleId: 'TFE-NAME-011', accepts: (v) => v !== '', problem: () => 'a member short name is empty: give each member a name such as "dev".' },
    {
      ruleId: 'TFE-NAME-012',
      accepts: (v) => v !== 'default',
      problem: () => 'member short name "default" is not usable: in prefix mode the remote backend disables the "default" workspace; choose another short name.',
    },
    {
      ruleId: 'TFE-NAME-013',
      accepts: (v) => NAME_CHARACTERS.test(v),
      problem: (v) => `member short name ${quote(v)} is invalid: use only letters, numbers, "-" and "_".`,
    },
  ],
  policy: [{
    ruleId: 'TFE-NAME-014',
    accepts: (v) => NAME_CHARACTERS.test(v),
    problem: (v) => `policy name ${quote(v)} is invalid: a policy name has at least one character and only letters, numbers, "-" and "_" (no spaces), ` +
      'e.g. "restrict-instance-types".',
  }],
  policySet: [{
    ruleId: 'TFE-NAME-015',
    accepts: (v) => NAME_CHARACTERS.test(v),
    problem: (v) => `policy set name ${quote(v)} is invalid: a policy set name has at least one character and only letters, numbers, "-" and "_" (no spaces), ` +
      'e.g. "aws-guardrails".',
  }],
  variableSet: [notEmpty('TFE-NAME-016', (v) => `variable set name ${quote(v)} is empty: give the set a name, e.g. "aws-credentials".`)],
  agentPool: [notEmpty('TFE-NAME-017', (v) => `the agent pool name is empty (got ${quote(v)}): give the pool a name, unique in the organization.`)],
  notification: [notEmpty('TFE-NAME-018', (v) => `the notification name is empty (got ${quote(v)}): give it a name, unique in the workspace, e.g. "ops-slack".`)],
  oauthClient: [notEmpty('TFE-NAME-019', (v) =>
    `the OAuth client name is empty (got ${quote(v)}): give the name of the client (for a new client, leave name out to name it after the service provider).`)],
  sshKey: [notEmpty('TFE-NAME-021', (v) => `the SSH key name is empty (got ${quote(v)}): give the key a name, unique in the organization, e.g. "modules-deploy-key".`)],
  githubAccount: [{
    ruleId: 'TFE-NAME-020',
    accepts: (v) => /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(v),
    problem: (v) => `GitHub account name ${quote(v)} is invalid: give the login of the GitHub user or organization that installed the app (letters, numbers and "-").`,
  }],
  terraformVariable: [
    { ruleId: 'TFE-VAR-008', accepts: (v) => v !== '', problem: () => 'variable key is empty: give the variable a name, e.g. "region".' },
    {
      ruleId: 'TFE-VAR-006',
      accepts: (v) => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(v),
      problem: (v) => `Terraform variable name ${quote(v)} is invalid: a Terraform identifier has letters, digits, "_" and "-", not starting with a digit, ` +
        `e.g. ${quote(suggestName(v, /[^A-Za-z0-9_-]/g))} (for an environment variable, set category: VariableCategory.ENV).`,
    },
  ],
  environmentVariable: [
    { ruleId: 'TFE-VAR-008', accepts: (v) => v !== '', problem: () => 'variable key is empty: give the variable a name, e.g. "region".' },
    {
      ruleId: 'TFE-VAR-007',
      accepts: (v) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(v),
      problem: (v) => `environment variable name ${quote(v)} is invalid: use letters, digits and "_", not starting with a digit, ` +
        `e.g. ${quote(suggestName(v, /[^A-Za-z0-9_]/g))}.`,
    },
  ],
  policySetParameter: [{
    ruleId: 'TFE-PSET-008',
    accepts: (v) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(v),
    problem: (v) => `parameter key ${quote(v)} is not an identifier: Sentinel reads parameters as variables, so a key is letters, digits and "_", ` +
      'not starting with a digit, e.g. "allowed_regions".',
  }],
  tokenOutput: [{
    ruleId: 'TFE-TOK-009',
    accepts: (v) => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(v),
    problem: (v) => `output name ${quote(v)} is not a Terraform identifier: use letters, digits, "_" and "-", starting with a letter or "_".`,
  }],
  activityDuration: [{
    ruleId: 'TFE-WS-006',
    accepts: (v) => /^\d{1,4}[dh]$/.test(v),
    problem: (v) => `autoDestroyActivityDuration ${quote(v)} is invalid: write 1-4 digits followed by "d" or "h", e.g. "14d".`,
  }],
  organizationEmail: [{
    ruleId: 'TFE-ORG-001',
    accepts: (v) => EMAIL.test(v),
    problem: (v) => `email ${quote(v)} is not an email address: give the admin address, e.g. "platform@example.com".`,
  }],
  memberEmail: [{
    ruleId: 'TFE-MEMBER-001',
    accepts: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
    problem: (v) => `member email ${quote(v)} is not an email address: give the user's address, e.g. "jane@example.com".`,
  }],
  notificationEmail: [{
    ruleId: 'TFE-NOTIF-011',
    accepts: (v) => EMAIL.test(v),
    problem: (v) => `email address ${quote(v)} is not an email address: write it like "ops@example.com".`,
  }],
  teamId: [idForm('TFE-ID-001', /^team-[A-Za-z0-9]+$/, (v) =>
    `team ID ${quote(v)} is not a team ID: it looks like "team-abc123" (use Team.fromTeamName to look a team up by name).`)],
  projectId: [idForm('TFE-ID-002', /^prj-[A-Za-z0-9]+$/, (v) =>
    `project ID ${quote(v)} is not a project ID: it looks like "prj-abc123" (use Project.fromProjectName to look a project up by name).`)],
  // The provider refuses any other form in workspace_id arguments.
  workspaceId: [idForm('TFE-ID-003', /^ws-[A-Za-z0-9]{16}$/, (v) =>
    `workspace ID ${quote(v)} is not a workspace ID: it is "ws-" and 16 letters or digits, like "ws-Fa3zQw8bXy6pLmN2" ` +
    '(use Workspace.fromWorkspaceName to look one up by name).')],
  membershipId: [idForm('TFE-ID-004', /^ou-[A-Za-z0-9]+$/, (v) =>
    `membership ID ${quote(v)} is not an organization membership ID: it looks like "ou-abc123".`)],
  oauthTokenId: [idForm('TFE-ID-005', /^ot-[A-Za-z0-9]+$/, (v) =>
    `OAuth token ID ${quote(v)} is not an OAuth token ID: it looks like "ot-abc123" (see the VCS provider's page in the organization settings, ` +
    'or use OAuthClient.fromName to look a client up by name).')],
  agentPoolId: [idForm('TFE-ID-006', /^apool-[A-Za-z0-9]+$/, (v) =>
    `agent pool ID ${quote(v)} is not an agent pool ID: it looks like "apool-abc123" (see the pool's page in the organization settings).`)],
  variableSetId: [idForm('TFE-ID-007', /^varset-[A-Za-z0-9]+$/, (v) =>
    `variable set ID ${quote(v)} is not a variable set ID: it looks like "varset-abc123" (use VariableSet.fromVariableSetName to look a set up by name).`)],
  policyId: [idForm('TFE-ID-008', /^pol-[A-Za-z0-9]+$/, (v) =>
    `policy ID ${quote(v)} is not a policy ID: it looks like "pol-u3S5p2Uwk21keu1s".`)],
  // The provider refuses any other form in policy_set_id arguments.
  policySetId: [idForm('TFE-ID-009', /^polset-[A-Za-z0-9]{16}$/, (v) =>
    `policy set ID ${quote(v)} is not a policy set ID: it is "polset-" and 16 letters or digits, like "polset-wAs3zYmWAhYK7peR".`)],
  githubAppInstallationId: [idForm('TFE-ID-010', /^ghain-[A-Za-z0-9]+$/, (v) =>
    `GitHub App installation ID ${quote(v)} is not the platform's installation ID: it looks like "ghain-abc123" ` +
    '(for the number GitHub shows, use GitHubAppInstallation.fromInstallationId).')],
  userId: [idForm('TFE-ID-012', /^user-[A-Za-z0-9]+$/, (v) =>
    `user ID ${quote(v)} is not a user ID: it looks like "user-abc123" (use an organization member's userId, not an email address or user name).`)],
  sshKeyId: [idForm('TFE-ID-013', /^sshkey-[A-Za-z0-9]+$/, (v) =>
    `SSH key ID ${quote(v)} is not an SSH key ID: it looks like "sshkey-GxrePWre1Ezug7aM" (see the organization's SSH keys page).`)],
  variableId: [idForm('TFE-ID-014', /^var-[A-Za-z0-9]+$/, (v) =>
    `variable ID ${quote(v)} is not a variable ID: it looks like "var-5rTwnSaRPogw6apb" (the API lists a workspace's variables at /workspaces/<id>/vars).`)],
  teamAccessId: [idForm('TFE-ID-015', /^tws-[A-Za-z0-9]+$/, (v) =>
    `team access ID ${quote(v)} is not a team access ID: it looks like "tws-8S5wnRbRpogw6apb" (the API lists them at /team-workspaces?filter[workspace][id]=<id>).`)],
  notificationId: [idForm('TFE-ID-016', /^nc-[A-Za-z0-9]+$/, (v) =>
    `notification configuration ID ${quote(v)} is not a notification configuration ID: it looks like "nc-qV9JnKRkmtMa4zcA".`)],
  teamTokenId: [idForm('TFE-ID-017', /^at-[A-Za-z0-9]+$/, (v) =>
    `team token ID ${quote(v)} is not a token ID: it looks like "at-47qC3LmA47piVan7" (the API lists a team's tokens at /teams/<id>/authentication-tokens).`)],
  noCodeModuleId: [idForm('TFE-ID-018', /^nocode-[A-Za-z0-9]+$/, (v) =>
    `no-code module ID ${quote(v)} is not a no-code module ID: it looks like "nocode-qV9JnKRkmtMa4zcA".`)],
  registryModuleId: [idForm('TFE-REG-011', /^mod-[A-Za-z0-9]+$/, (v) =>
    `registry module ID ${quote(v)} is not a registry module ID: it looks like "mod-qV9JnKRkmtMa4zcA".`)],
} satisfies Record<string, FormRule[]>;

/** The kinds of value whose form the table knows. */
export type FormKind = keyof typeof FORMS;

/**
 * The first rule of `kind` that `value` breaks, or undefined when it has the
 * form the platform accepts.
 */
export function formProblem(kind: FormKind, value: string): Violation | undefined {
  const rules: FormRule[] = FORMS[kind];
  const broken = rules.find((r) => !r.accepts(value));
  return broken === undefined ? undefined : violation(broken.ruleId, broken.problem(value));
}

/**
 * Checks that `value` has the form of `kind`: a literal now, a value that
 * resolves at synth time then (see `checkString`).
 *
 * @param what how to name the value in an info when it is known only at plan
 *        time, e.g. `The workspace name`
 */
export function checkForm(scope: IConstruct, kind: FormKind, what: string, value: string | undefined): void {
  checkString(scope, what, value, (v) => formProblem(kind, v));
}

/**
 * The tag a prefix family's members carry, which the `cloud` block selects
 * the family by: the prefix without its trailing separator, lowercased.
 */
export function groupTagOf(prefix: string): string {
  return prefix.replace(/[-_:]+$/, '').toLowerCase().replace(/[^a-z0-9_:-]/g, '-') || 'group';
}
