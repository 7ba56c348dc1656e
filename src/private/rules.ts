import { IConstruct } from 'constructs';

/**
 * The catalogue of the rules this library checks: every error, warning and
 * info it reports carries one of these ids. Ids are grouped by area prefix,
 * numbered, stable, and never reused: a rule that is retired keeps its id
 * (and is marked retired here) so that acknowledgements and searches keep
 * meaning what they meant.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface RuleDefinition {
  /** The area of the platform the rule is about. */
  readonly area: string;
  /** What the rule checks, in a few words. */
  readonly title: string;
  /** Whether breaking the rule fails the program (error) or is reported (warning, info). */
  readonly severity: Severity;
}

const E = 'error';
const W = 'warning';
const I = 'info';

export const RULES = {
  // Names and other formats (src/private/names.ts)
  'TFE-NAME-001': { area: 'names', title: 'organization name characters', severity: E },
  'TFE-NAME-002': { area: 'names', title: 'team name characters', severity: E },
  'TFE-NAME-003': { area: 'names', title: 'the built-in owners team', severity: E },
  'TFE-NAME-004': { area: 'names', title: 'project name length', severity: E },
  'TFE-NAME-005': { area: 'names', title: 'project name characters', severity: E },
  'TFE-NAME-006': { area: 'names', title: 'workspace name characters', severity: E },
  'TFE-NAME-007': { area: 'names', title: 'workspace name length', severity: E },
  'TFE-NAME-008': { area: 'names', title: 'tag name characters', severity: E },
  'TFE-NAME-009': { area: 'names', title: 'repository identifier', severity: E },
  'TFE-NAME-010': { area: 'names', title: 'workspace name prefix characters', severity: E },
  'TFE-NAME-011': { area: 'names', title: 'an empty member short name', severity: E },
  'TFE-NAME-012': { area: 'names', title: 'the "default" short name', severity: E },
  'TFE-NAME-013': { area: 'names', title: 'member short name characters', severity: E },
  'TFE-NAME-014': { area: 'names', title: 'policy name characters', severity: E },
  'TFE-NAME-015': { area: 'names', title: 'policy set name characters', severity: E },
  'TFE-NAME-016': { area: 'names', title: 'an empty variable set name', severity: E },
  'TFE-NAME-017': { area: 'names', title: 'an empty agent pool name', severity: E },
  'TFE-NAME-018': { area: 'names', title: 'an empty notification name', severity: E },
  'TFE-NAME-019': { area: 'names', title: 'an empty OAuth client name', severity: E },
  'TFE-NAME-020': { area: 'names', title: 'GitHub account name characters', severity: E },
  'TFE-NAME-021': { area: 'names', title: 'an empty SSH key name', severity: E },

  // IDs of objects that already exist (src/private/names.ts)
  'TFE-ID-001': { area: 'IDs', title: 'team ID form', severity: E },
  'TFE-ID-002': { area: 'IDs', title: 'project ID form', severity: E },
  'TFE-ID-003': { area: 'IDs', title: 'workspace ID form', severity: E },
  'TFE-ID-004': { area: 'IDs', title: 'organization membership ID form', severity: E },
  'TFE-ID-005': { area: 'IDs', title: 'OAuth token ID form', severity: E },
  'TFE-ID-006': { area: 'IDs', title: 'agent pool ID form', severity: E },
  'TFE-ID-007': { area: 'IDs', title: 'variable set ID form', severity: E },
  'TFE-ID-008': { area: 'IDs', title: 'policy ID form', severity: E },
  'TFE-ID-009': { area: 'IDs', title: 'policy set ID form', severity: E },
  'TFE-ID-010': { area: 'IDs', title: 'GitHub App installation ID form (ghain-)', severity: E },
  'TFE-ID-011': { area: 'IDs', title: 'GitHub installation number', severity: E },
  'TFE-ID-012': { area: 'IDs', title: 'user ID form', severity: E },
  'TFE-ID-013': { area: 'IDs', title: 'SSH key ID form', severity: E },
  'TFE-ID-014': { area: 'IDs', title: 'variable ID form', severity: E },
  'TFE-ID-015': { area: 'IDs', title: 'team access ID form', severity: E },
  'TFE-ID-016': { area: 'IDs', title: 'notification configuration ID form', severity: E },
  'TFE-ID-017': { area: 'IDs', title: 'team token ID form', severity: E },
  'TFE-ID-018': { area: 'IDs', title: 'no-code module ID form', severity: E },

  // Adopting existing objects (src/private/adoption.ts, src/private/import-ids.ts)
  'TFE-IMP-001': { area: 'adoption', title: 'an import ID not of a form the resource type documents', severity: E },
  'TFE-IMP-002': { area: 'adoption', title: 'an import ID (or a part of one) known only at plan time', severity: E },
  'TFE-IMP-003': { area: 'adoption', title: 'a resource type provider 0.71.0 cannot import', severity: E },
  'TFE-IMP-004': { area: 'adoption', title: 'adoptExisting called twice', severity: E },
  'TFE-IMP-005': { area: 'adoption', title: 'an adopted token: its secret cannot be read back', severity: W },
  'TFE-IMP-006': { area: 'adoption', title: 'a variable of a variable set whose ID is not known', severity: E },

  // Values known only at plan time
  'TFE-REF-001': { area: 'references', title: 'a value known only at plan time is checked by the platform', severity: I },

  // Organizations and members
  'TFE-ORG-001': { area: 'organization', title: 'admin email address', severity: E },
  'TFE-ORG-002': { area: 'organization', title: 'session minutes are whole and positive', severity: E },
  'TFE-MEMBER-001': { area: 'members', title: 'member email address', severity: E },

  // Teams
  'TFE-TEAM-001': { area: 'teams', title: 'a member of another organization', severity: E },
  'TFE-TEAM-002': { area: 'teams', title: 'team names per organization', severity: E },
  'TFE-TEAM-003': { area: 'teams', title: 'mixing membership resources on one team', severity: E },

  // Tokens
  'TFE-TOK-001': { area: 'tokens', title: 'one legacy token per team', severity: E },
  'TFE-TOK-002': { area: 'tokens', title: 'unique token descriptions', severity: E },
  'TFE-TOK-003': { area: 'tokens', title: 'forceRegenerate with a description', severity: E },
  'TFE-TOK-004': { area: 'tokens', title: 'expiry not ISO-8601', severity: E },
  'TFE-TOK-005': { area: 'tokens', title: 'expiry in the past', severity: W },
  'TFE-TOK-006': { area: 'tokens', title: 'an empty token description', severity: E },
  'TFE-TOK-007': { area: 'tokens', title: 'one organization token', severity: E },
  'TFE-TOK-008': { area: 'tokens', title: 'the organization token as run credentials', severity: E },
  'TFE-TOK-009': { area: 'tokens', title: 'token output name characters', severity: E },
  'TFE-TOK-010': { area: 'tokens', title: 'token output names per stack', severity: E },

  // Team access
  'TFE-ACCESS-001': { area: 'access', title: 'a team of another organization', severity: E },
  'TFE-ACCESS-002': { area: 'access', title: 'one grant per team and workspace', severity: E },
  'TFE-ACCESS-003': { area: 'access', title: 'one grant per team and project', severity: E },
  'TFE-ACCESS-004': { area: 'access', title: 'one group grant per team', severity: E },

  // Projects
  'TFE-PRJ-001': { area: 'projects', title: 'project names per organization', severity: E },

  // Workspaces
  'TFE-WS-001': { area: 'workspaces', title: 'workspace names per organization', severity: E },
  'TFE-WS-002': { area: 'workspaces', title: 'a project of another organization', severity: E },
  'TFE-WS-003': { area: 'workspaces', title: 'autoDestroyAt with autoDestroyActivityDuration', severity: E },
  'TFE-WS-004': { area: 'workspaces', title: 'autoDestroyAt not RFC 3339', severity: E },
  'TFE-WS-005': { area: 'workspaces', title: 'autoDestroyAt in the past', severity: W },
  'TFE-WS-006': { area: 'workspaces', title: 'auto-destroy activity duration form (workspaces and projects)', severity: E },
  'TFE-WS-007': { area: 'workspaces', title: 'trigger prefixes vs patterns vs tags regex', severity: E },
  'TFE-WS-008': { area: 'workspaces', title: 'tags regex with file triggers', severity: E },
  'TFE-WS-009': { area: 'workspaces', title: 'tags regex is not a regular expression', severity: E },
  'TFE-WS-010': { area: 'workspaces', title: 'local execution with a VCS link', severity: E },
  'TFE-WS-011': { area: 'workspaces', title: 'agent mode without a pool', severity: E },
  'TFE-WS-012': { area: 'workspaces', title: 'an agent pool outside agent mode', severity: E },
  'TFE-WS-013': { area: 'workspaces', title: 'an agent pool of another organization', severity: E },
  'TFE-WS-014': { area: 'workspaces', title: 'state consumers with global remote state on', severity: E },
  'TFE-WS-015': { area: 'workspaces', title: 'a workspace as its own state consumer', severity: E },
  'TFE-WS-016': { area: 'workspaces', title: 'a state consumer of another organization', severity: E },

  // Run triggers
  'TFE-RT-001': { area: 'run triggers', title: 'self-trigger', severity: E },
  'TFE-RT-002': { area: 'run triggers', title: 'a source of another organization', severity: E },
  'TFE-RT-003': { area: 'run triggers', title: 'the same source twice', severity: E },
  'TFE-RT-004': { area: 'run triggers', title: 'more than 20 sources', severity: E },
  'TFE-RT-005': { area: 'run triggers', title: 'cycles', severity: E },

  // Workspace groups
  'TFE-GRP-001': { area: 'groups', title: 'a group without members', severity: E },
  'TFE-GRP-002': { area: 'groups', title: 'a short name twice', severity: E },
  'TFE-GRP-003': { area: 'groups', title: 'an unknown member', severity: E },

  // Variables and their values
  'TFE-VAR-001': { area: 'variables', title: 'both a workspace and a variable set', severity: E },
  'TFE-VAR-002': { area: 'variables', title: 'neither a workspace nor a variable set', severity: E },
  'TFE-VAR-003': { area: 'variables', title: 'a value that is not a VariableValue', severity: E },
  'TFE-VAR-004': { area: 'variables', title: 'HCL on an environment variable', severity: E },
  'TFE-VAR-005': { area: 'variables', title: 'a key twice per target and category', severity: E },
  'TFE-VAR-006': { area: 'variables', title: 'Terraform variable name characters', severity: E },
  'TFE-VAR-007': { area: 'variables', title: 'environment variable name characters', severity: E },
  'TFE-VAR-008': { area: 'variables', title: 'an empty variable key', severity: E },
  'TFE-VAR-009': { area: 'variables', title: 'a key twice in one props object', severity: E },
  'TFE-VAR-010': { area: 'variables', title: 'a plain-text variable map that is not a map', severity: E },
  'TFE-VAR-011': { area: 'variables', title: 'a plain-text variable value that is not a string', severity: E },
  'TFE-VAR-012': { area: 'variables', title: 'VariableValue.string of a non-string', severity: E },
  'TFE-VAR-013': { area: 'variables', title: 'VariableValue.number of a non-number', severity: E },
  'TFE-VAR-014': { area: 'variables', title: 'VariableValue.number of a non-finite number', severity: E },
  'TFE-VAR-015': { area: 'variables', title: 'VariableValue.boolean of a non-boolean', severity: E },
  'TFE-VAR-016': { area: 'variables', title: 'VariableValue.list of a non-array', severity: E },
  'TFE-VAR-017': { area: 'variables', title: 'VariableValue.map of a non-object', severity: E },
  'TFE-VAR-018': { area: 'variables', title: 'VariableValue.hcl of an empty expression', severity: E },
  'TFE-VAR-019': { area: 'variables', title: 'VariableValue.fromReference of a non-string', severity: E },
  'TFE-VAR-020': { area: 'variables', title: 'VariableValue.fromReference of a literal', severity: E },
  'TFE-VAR-021': { area: 'variables', title: 'a write-only variable with initialValueOnly', severity: E },

  // Values written as HCL (src/private/hcl.ts)
  'TFE-HCL-001': { area: 'HCL values', title: 'a number that is not finite', severity: E },
  'TFE-HCL-002': { area: 'HCL values', title: 'undefined', severity: E },
  'TFE-HCL-003': { area: 'HCL values', title: 'a function', severity: E },
  'TFE-HCL-004': { area: 'HCL values', title: 'a symbol', severity: E },
  'TFE-HCL-005': { area: 'HCL values', title: 'a cycle', severity: E },
  'TFE-HCL-006': { area: 'HCL values', title: 'an object that is not plain data', severity: E },
  'TFE-HCL-007': { area: 'HCL values', title: 'a symbol key', severity: E },
  'TFE-HCL-008': { area: 'HCL values', title: 'a lone surrogate', severity: E },

  // Secrets
  'TFE-SECRET-001': { area: 'secrets', title: 'a literal secret', severity: E },
  'TFE-SECRET-002': { area: 'secrets', title: 'a literal secret accepted by allowPlaintextSecret', severity: W },
  'TFE-SECRET-003': { area: 'secrets', title: 'a sensitive variable with a literal value', severity: E },
  'TFE-SECRET-004': { area: 'secrets', title: 'a sensitive literal variable accepted by allowPlaintextSecret', severity: W },

  // Write-only secrets (src/private/write-only.ts)
  'TFE-WO-001': { area: 'write-only secrets', title: 'a write-only variable that is not sensitive', severity: E },
  'TFE-WO-002': { area: 'write-only secrets', title: 'a write-only value read from an ephemeral resource (replaced on every apply)', severity: E },
  'TFE-WO-003': { area: 'write-only secrets', title: 'a write-only variable of a variable set (provider 0.71.0 ignores value_wo there)', severity: E },
  'TFE-WO-004': { area: 'write-only secrets', title: 'write-only without a secret to write', severity: E },

  // Variable sets
  'TFE-VSET-001': { area: 'variable sets', title: 'the same workspace twice', severity: E },
  'TFE-VSET-002': { area: 'variable sets', title: 'the same project twice', severity: E },
  'TFE-VSET-003': { area: 'variable sets', title: 'a target of another organization', severity: E },
  'TFE-VSET-004': { area: 'variable sets', title: 'a parent project of another organization', severity: E },
  'TFE-VSET-005': { area: 'variable sets', title: 'a scoped variable set marked global', severity: E },

  // VCS connections
  'TFE-VCS-001': { area: 'VCS', title: 'Azure DevOps Services clients cannot be created', severity: E },
  'TFE-VCS-002': { area: 'VCS', title: 'an unknown service provider', severity: E },
  'TFE-VCS-003': { area: 'VCS', title: 'the deprecated bitbucket_server provider', severity: W },
  'TFE-VCS-004': { area: 'VCS', title: 'URLs of a self-hosted provider', severity: E },
  'TFE-VCS-005': { area: 'VCS', title: 'an API or HTTP URL that is not http(s)', severity: E },
  'TFE-VCS-006': { area: 'VCS', title: 'an agent pool with a hosted provider', severity: E },
  'TFE-VCS-007': { area: 'VCS', title: 'an agent pool of another organization', severity: E },
  'TFE-VCS-008': { area: 'VCS', title: 'a token provider without oauthToken', severity: E },
  'TFE-VCS-009': { area: 'VCS', title: 'Bitbucket credentials', severity: E },
  'TFE-VCS-010': { area: 'VCS', title: 'privateKey with another provider than Azure DevOps Server', severity: E },
  'TFE-VCS-011': { area: 'VCS', title: 'Azure DevOps Server without privateKey', severity: E },
  'TFE-VCS-012': { area: 'VCS', title: 'rsaPublicKey with another provider than Bitbucket Data Center', severity: E },
  'TFE-VCS-013': { area: 'VCS', title: 'secret with another provider than Bitbucket', severity: E },
  'TFE-VCS-014': { area: 'VCS', title: 'a connection authorized in the UI', severity: W },
  'TFE-VCS-015': { area: 'VCS', title: 'a connection needs exactly one of an OAuth token or a GitHub App installation', severity: E },
  'TFE-VCS-016': { area: 'VCS', title: 'a connection of another organization', severity: E },
  'TFE-VCS-017': { area: 'VCS', title: 'a project allowed on an organization-scoped OAuth client', severity: E },
  'TFE-VCS-018': { area: 'VCS', title: 'an allowed project of another organization', severity: E },

  // Agent pools
  'TFE-POOL-001': { area: 'agent pools', title: 'agent pool names per organization', severity: E },
  'TFE-POOL-002': { area: 'agent pools', title: 'an allowed workspace of another organization', severity: E },
  'TFE-POOL-003': { area: 'agent pools', title: 'an allowed project of another organization', severity: E },
  'TFE-POOL-004': { area: 'agent pools', title: 'allowed workspaces on an organization-scoped pool', severity: E },
  'TFE-POOL-005': { area: 'agent pools', title: 'a restricted pool that allows nothing', severity: W },
  'TFE-POOL-006': { area: 'agent pools', title: 'an empty agent token description', severity: E },
  'TFE-POOL-007': { area: 'agent pools', title: 'an excluded workspace of another organization', severity: E },
  'TFE-POOL-008': { area: 'agent pools', title: 'an excluded workspace that is allowed or runs on the pool', severity: E },

  // Notifications
  'TFE-NOTIF-001': { area: 'notifications', title: 'notification names per workspace', severity: E },
  'TFE-NOTIF-002': { area: 'notifications', title: 'more than 20 per workspace', severity: E },
  'TFE-NOTIF-003': { area: 'notifications', title: 'an unknown trigger', severity: E },
  'TFE-NOTIF-004': { area: 'notifications', title: 'a trigger twice', severity: E },
  'TFE-NOTIF-005': { area: 'notifications', title: 'no triggers', severity: W },
  'TFE-NOTIF-006': { area: 'notifications', title: 'a webhook URL that is not http(s)', severity: E },
  'TFE-NOTIF-007': { area: 'notifications', title: 'Slack and Teams webhooks are https', severity: E },
  'TFE-NOTIF-008': { area: 'notifications', title: 'a literal Slack or Teams webhook URL', severity: E },
  'TFE-NOTIF-009': { area: 'notifications', title: 'a plain http webhook', severity: W },
  'TFE-NOTIF-010': { area: 'notifications', title: 'an email destination without recipients', severity: E },
  'TFE-NOTIF-011': { area: 'notifications', title: 'email address form', severity: E },
  'TFE-NOTIF-012': { area: 'notifications', title: 'email addresses on HCP Terraform', severity: W },
  'TFE-NOTIF-013': { area: 'notifications', title: 'notification names per team', severity: E },
  'TFE-NOTIF-014': { area: 'notifications', title: 'a trigger a team notification does not take', severity: E },

  // Policies
  'TFE-POL-001': { area: 'policies', title: 'policy names per organization', severity: E },
  'TFE-POL-002': { area: 'policies', title: 'an unknown policy kind', severity: E },
  'TFE-POL-003': { area: 'policies', title: 'enforcement level of the other kind', severity: E },
  'TFE-POL-004': { area: 'policies', title: 'OPA policy without a query', severity: E },
  'TFE-POL-005': { area: 'policies', title: 'an empty OPA query', severity: E },
  'TFE-POL-006': { area: 'policies', title: 'Sentinel policy with a query', severity: E },
  'TFE-POL-007': { area: 'policies', title: 'a policy file path given as a reference', severity: E },
  'TFE-POL-008': { area: 'policies', title: 'a missing policy file', severity: E },
  'TFE-POL-009': { area: 'policies', title: 'an empty policy file', severity: E },
  'TFE-POL-010': { area: 'policies', title: 'empty policy code', severity: E },

  // Policy sets
  'TFE-PSET-001': { area: 'policy sets', title: 'policy set names per organization', severity: E },
  'TFE-PSET-002': { area: 'policy sets', title: 'an unknown policy set kind', severity: E },
  'TFE-PSET-003': { area: 'policy sets', title: 'the same workspace attached twice', severity: E },
  'TFE-PSET-004': { area: 'policy sets', title: 'attaching an excluded workspace', severity: E },
  'TFE-PSET-005': { area: 'policy sets', title: 'the same project attached twice', severity: E },
  'TFE-PSET-006': { area: 'policy sets', title: 'the same workspace excluded twice', severity: E },
  'TFE-PSET-007': { area: 'policy sets', title: 'excluding an attached workspace', severity: E },
  'TFE-PSET-008': { area: 'policy sets', title: 'parameter key characters', severity: E },
  'TFE-PSET-009': { area: 'policy sets', title: 'a parameter key twice', severity: E },
  'TFE-PSET-010': { area: 'policy sets', title: 'a target of another organization', severity: E },
  'TFE-PSET-011': { area: 'policy sets', title: 'listed policies in a VCS-backed set', severity: E },
  'TFE-PSET-012': { area: 'policy sets', title: 'a policy of another organization', severity: E },
  'TFE-PSET-013': { area: 'policy sets', title: 'the same policy twice', severity: E },
  'TFE-PSET-014': { area: 'policy sets', title: 'one policy in sets of two organizations', severity: E },
  'TFE-PSET-015': { area: 'policy sets', title: 'policiesPath outside vcs', severity: E },
  'TFE-PSET-016': { area: 'policy sets', title: 'overridable on a Sentinel set', severity: E },
  'TFE-PSET-017': { area: 'policy sets', title: 'an OPA set outside the agent', severity: E },
  'TFE-PSET-018': { area: 'policy sets', title: 'an empty policy tool version', severity: E },
  'TFE-PSET-019': { area: 'policy sets', title: '"latest" policy tool version on an OPA set', severity: E },
  'TFE-PSET-020': { area: 'policy sets', title: 'a pinned Sentinel version outside the agent', severity: E },
  'TFE-PSET-021': { area: 'policy sets', title: 'an empty policies path', severity: E },
  'TFE-PSET-022': { area: 'policy sets', title: 'an organization-wide set with attachments', severity: E },
  'TFE-PSET-023': { area: 'policy sets', title: 'exclusions without effect', severity: W },
  'TFE-PSET-024': { area: 'policy sets', title: 'mixed-kind policies in one set', severity: E },
  'TFE-PSET-025': { area: 'policy sets', title: 'policies_path without vcs_repo through an override', severity: E },

  // Backend bindings
  'TFE-BACKEND-001': { area: 'backend binding', title: 'a VCS-driven workspace bound for applies', severity: E },
  'TFE-BACKEND-002': { area: 'backend binding', title: 'a workspace without a literal name', severity: E },
  'TFE-BACKEND-003': { area: 'backend binding', title: 'a group with a VCS-driven member bound for applies', severity: E },
  'TFE-BACKEND-004': { area: 'backend binding', title: 'a group prefix that is a reference', severity: E },
  'TFE-BACKEND-005': { area: 'backend binding', title: 'remote backend: tags', severity: E },
  'TFE-BACKEND-006': { area: 'backend binding', title: 'remote backend: exactly one of name or prefix', severity: E },
  'TFE-BACKEND-007': { area: 'backend binding', title: 'cloud block: prefix', severity: E },
  'TFE-BACKEND-008': { area: 'backend binding', title: 'cloud block: exactly one of name or tags', severity: E },
  'TFE-BACKEND-009': { area: 'backend binding', title: 'cloud block: no tags', severity: E },
  'TFE-BACKEND-010': { area: 'backend binding', title: 'a reference in a backend block', severity: E },
  'TFE-BACKEND-011': { area: 'backend binding', title: 'an organization without a literal name', severity: E },
  'TFE-BACKEND-012': { area: 'backend binding', title: 'hostname', severity: E },

  // Default execution modes of organizations and projects (src/private/default-execution-mode.ts)
  'TFE-DEF-001': { area: 'default execution modes', title: 'agent mode without a pool', severity: E },
  'TFE-DEF-002': { area: 'default execution modes', title: 'a default pool of another organization', severity: E },
  'TFE-DEF-003': { area: 'default execution modes', title: 'a default execution mode set twice', severity: E },

  // SSH keys (src/ssh-key.ts)
  'TFE-SSH-001': { area: 'SSH keys', title: 'SSH key names per organization', severity: E },
  'TFE-SSH-002': { area: 'SSH keys', title: 'an empty private key', severity: E },

  // Dynamic provider credentials (src/dynamic-credentials.ts)
  'TFE-DPC-001': { area: 'dynamic credentials', title: 'no run identity and not both phase identities', severity: E },
  'TFE-DPC-002': { area: 'dynamic credentials', title: 'AWS role ARN form', severity: E },
  'TFE-DPC-003': { area: 'dynamic credentials', title: 'Azure client ID form', severity: E },
  'TFE-DPC-004': { area: 'dynamic credentials', title: 'GCP service account email form', severity: E },
  'TFE-DPC-005': { area: 'dynamic credentials', title: 'GCP workload identity provider: a full name or its three parts', severity: E },
  'TFE-DPC-006': { area: 'dynamic credentials', title: 'Vault address is not a URL', severity: E },
  'TFE-DPC-007': { area: 'dynamic credentials', title: 'Vault address over plain http', severity: W },
  'TFE-DPC-008': { area: 'dynamic credentials', title: 'a phase identity equal to the run identity', severity: W },
  'TFE-DPC-009': { area: 'dynamic credentials', title: 'two presets of one cloud on one target', severity: E },
  'TFE-DPC-010': { area: 'dynamic credentials', title: 'static credentials next to dynamic ones', severity: E },

  // Entitlements
  'TFE-ENT-001': { area: 'entitlements', title: 'a feature the subscription lacks', severity: E },

  // Run tasks (src/run-task.ts)
  'TFE-TASK-001': { area: 'run tasks', title: 'run task name characters', severity: E },
  'TFE-TASK-002': { area: 'run tasks', title: 'run task names per organization', severity: E },
  'TFE-TASK-003': { area: 'run tasks', title: 'a URL that is not http(s)', severity: E },
  'TFE-TASK-004': { area: 'run tasks', title: 'a plain http URL', severity: W },
  'TFE-TASK-005': { area: 'run tasks', title: 'an HMAC key from a variable that is not sensitive', severity: E },
  'TFE-TASK-006': { area: 'run tasks', title: 'no stages', severity: E },
  'TFE-TASK-007': { area: 'run tasks', title: 'an unknown stage', severity: E },
  'TFE-TASK-008': { area: 'run tasks', title: 'a stage twice', severity: E },
  'TFE-TASK-009': { area: 'run tasks', title: 'an unknown enforcement level', severity: E },
  'TFE-TASK-010': { area: 'run tasks', title: 'the same task attached twice to a workspace', severity: E },
  'TFE-TASK-011': { area: 'run tasks', title: 'a task of another organization', severity: E },
  'TFE-TASK-012': { area: 'run tasks', title: 'global settings given twice', severity: E },
  'TFE-TASK-013': { area: 'run tasks', title: 'run task ID form', severity: E },
  'TFE-TASK-014': { area: 'run tasks', title: 'a disabled task attached or made global', severity: W },

  // Workspace outputs (src/workspace-outputs.ts)
  'TFE-OUT-001': { area: 'workspace outputs', title: 'a reader the producer does not share its state with', severity: E },
  'TFE-OUT-002': { area: 'workspace outputs', title: 'a reader of another organization', severity: E },
  'TFE-OUT-003': { area: 'workspace outputs', title: 'output name characters', severity: E },
  'TFE-OUT-004': { area: 'workspace outputs', title: 'a producer in another stack without literal names', severity: E },
  'TFE-OUT-005': { area: 'workspace outputs', title: 'a referenced producer: sharing not known here', severity: I },
  'TFE-OUT-006': { area: 'workspace outputs', title: 'no reader workspace known', severity: I },

  // Private registry modules (src/registry-module.ts)
  'TFE-REG-001': { area: 'registry modules', title: 'repository name terraform-<provider>-<name>', severity: E },
  'TFE-REG-002': { area: 'registry modules', title: 'module provider characters', severity: E },
  'TFE-REG-003': { area: 'registry modules', title: 'an empty branch', severity: E },
  'TFE-REG-004': { area: 'registry modules', title: 'tests without branch-based publishing', severity: E },
  'TFE-REG-005': { area: 'registry modules', title: 'initial version is not a semantic version', severity: E },
  'TFE-REG-006': { area: 'registry modules', title: 'a test agent pool of another organization', severity: E },
  'TFE-REG-007': { area: 'registry modules', title: 'source directory form', severity: E },
  'TFE-REG-008': { area: 'registry modules', title: 'an empty tag prefix', severity: E },
  'TFE-REG-009': { area: 'registry modules', title: 'the same repository published twice', severity: E },
  'TFE-REG-010': { area: 'registry modules', title: 'module name and provider per organization', severity: E },
  'TFE-REG-011': { area: 'registry modules', title: 'registry module ID form', severity: E },
  'TFE-REG-012': { area: 'registry modules', title: 'a test variable key twice per module', severity: E },
  'TFE-REG-013': { area: 'registry modules', title: 'test variables without tests enabled', severity: W },
  'TFE-REG-014': { area: 'registry modules', title: 'test variable of the Terraform category (provider 0.71.0 accepts env alone)', severity: E },

  // No-code modules (src/no-code-module.ts)
  'TFE-NOCODE-001': { area: 'no-code modules', title: 'variable options without a version pin', severity: E },
  'TFE-NOCODE-002': { area: 'no-code modules', title: 'version pin is not a semantic version', severity: E },
  'TFE-NOCODE-003': { area: 'no-code modules', title: 'a variable option without options', severity: E },
  'TFE-NOCODE-004': { area: 'no-code modules', title: 'variable option name characters', severity: E },
  'TFE-NOCODE-005': { area: 'no-code modules', title: 'a variable given options twice', severity: E },
  'TFE-NOCODE-006': { area: 'no-code modules', title: 'an option value twice', severity: E },
  'TFE-NOCODE-007': { area: 'no-code modules', title: 'an unknown variable type, or an option not of the variable\'s type', severity: E },
  'TFE-NOCODE-008': { area: 'no-code modules', title: 'one no-code module per registry module', severity: E },

  // Tenants (src/tenant.ts)
  'TFE-TENANT-001': { area: 'tenants', title: 'tenant names per organization', severity: E },
  'TFE-TENANT-002': { area: 'tenants', title: 'an environment named like the management workspace', severity: E },
  'TFE-TENANT-003': { area: 'tenants', title: 'notifications without environments', severity: E },
  // Workspace fleets (src/workspace-fleet.ts)
  'TFE-FLEET-001': { area: 'fleets', title: 'custom permissions in a fleet\'s rows', severity: E },
  'TFE-FLEET-002': { area: 'fleets', title: 'a reference in a fleet\'s plain data', severity: E },
  'TFE-FLEET-003': { area: 'fleets', title: 'a workspace the fleet does not have', severity: E },
  'TFE-FLEET-004': { area: 'fleets', title: 'movedFrom without literal names', severity: E },
  'TFE-FLEET-005': { area: 'fleets', title: 'a workspace added after synthesis', severity: E },
  // Sharded platforms (src/sharded-platform.ts)
  'TFE-SHARD-001': { area: 'sharding', title: 'a placement key that is a reference', severity: E },
  'TFE-SHARD-002': { area: 'sharding', title: 'a stack outside the platform', severity: E },
  'TFE-SHARD-003': { area: 'sharding', title: 'shard count and assignments', severity: E },
  'TFE-SHARD-004': { area: 'sharding', title: 'a key placed twice', severity: E },
  'TFE-SHARD-005': { area: 'sharding', title: 'a shard removed while it holds workspaces', severity: E },
  'TFE-SHARD-006': { area: 'sharding', title: 'a shard reading another stack than the core', severity: E },
  'TFE-SHARD-007': { area: 'sharding', title: 'a resource a move between shards cannot import', severity: E },
  'TFE-SHARD-008': { area: 'sharding', title: 'a moved object without a literal key or team', severity: E },

  // Platform files (src/platform-file.ts)
  'TFE-FILE-001': { area: 'platform files', title: 'a file that cannot be read, or is not YAML or JSON', severity: E },
  'TFE-FILE-002': { area: 'platform files', title: 'a document not of the platform file\'s schema', severity: E },
  'TFE-FILE-003': { area: 'platform files', title: 'a file with several problems (each listed with its rule)', severity: E },
  'TFE-FILE-004': { area: 'platform files', title: 'a sensitive value written in the file', severity: E },
  'TFE-FILE-005': { area: 'platform files', title: 'a team, variable set or tenant the file does not declare', severity: E },
  'TFE-FILE-006': { area: 'platform files', title: 'two tenants with one id', severity: E },
  'TFE-FILE-007': { area: 'platform files', title: 'movedFrom that is not another tenant of the file', severity: E },

  // Moves
  'TFE-MOVE-001': { area: 'moves', title: 'a previous path that is not a construct path', severity: E },
  'TFE-MOVE-002': { area: 'moves', title: 'a previous path that is the current one', severity: E },

  // Acknowledgements (src/rules.ts)
  'TFE-RULE-001': { area: 'rules', title: 'acknowledging an unknown rule', severity: E },
  'TFE-RULE-002': { area: 'rules', title: 'acknowledging an error', severity: E },
  'TFE-RULE-003': { area: 'rules', title: 'an acknowledgement without a reason', severity: E },

  // The clock (src/private/clock.ts)
  'TFE-CLOCK-001': { area: 'clock', title: 'a malformed fixed time in the context', severity: E },
} as const satisfies Record<string, RuleDefinition>;

/** A rule id of the catalogue. */
export type RuleId = keyof typeof RULES;

/** The definition of `ruleId`, or undefined when the catalogue has no such rule. */
export function ruleDefinition(ruleId: string): RuleDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(RULES, ruleId) ? (RULES as Record<string, RuleDefinition>)[ruleId] : undefined;
}

/** `[TFE-XX-NNN] detail`: how a rule's message reads after the construct path. */
export function ruleMessage(ruleId: RuleId, detail: string): string {
  return `[${ruleId}] ${detail}`;
}

/** The context key with rule ids (an array, or a comma-separated string) acknowledged app-wide. */
export const ACKNOWLEDGED_RULES_CONTEXT_KEY = 'cdktf-tfe-constructs:acknowledgedRules';

/** The metadata type of an acknowledgement, kept on the construct for review. */
export const ACKNOWLEDGEMENT_METADATA = 'cdktf-tfe-constructs:acknowledged';

const acknowledgements = new WeakMap<IConstruct, Map<string, string>>();

/** Records that `ruleId` is acknowledged on `scope` and below it. */
export function recordAcknowledgement(scope: IConstruct, ruleId: string, reason: string): void {
  let rules = acknowledgements.get(scope);
  if (!rules) acknowledgements.set(scope, rules = new Map());
  rules.set(ruleId, reason);
}

/**
 * Whether `ruleId` is acknowledged for `scope`: on it or one of its
 * ancestors, or in the context (`cdktf.json`).
 */
export function isAcknowledged(scope: IConstruct, ruleId: string): boolean {
  for (let c: IConstruct | undefined = scope; c !== undefined; c = c.node.scope) {
    if (acknowledgements.get(c)?.has(ruleId)) return true;
  }
  const listed = scope.node.tryGetContext(ACKNOWLEDGED_RULES_CONTEXT_KEY);
  const ids: unknown[] = Array.isArray(listed) ? listed : typeof listed === 'string' ? listed.split(',') : [];
  return ids.some((id) => typeof id === 'string' && id.trim() === ruleId);
}
