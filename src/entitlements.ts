/**
 * The platform's entitlement names: the features an organization's
 * subscription allows. Without one, the API answers 404 for that feature's
 * endpoints, which surfaces late and cryptically at apply.
 */
export enum Entitlement {
  /** Self-hosted agents: agent pools, agents, agent tokens, agent execution mode. */
  AGENTS = 'agents',
  /** Audit trails. */
  AUDIT_LOGGING = 'audit-logging',
  /** Cost estimation. */
  COST_ESTIMATION = 'cost-estimation',
  /** Run tasks that apply to every workspace of the organization (global run tasks). */
  GLOBAL_RUN_TASKS = 'global-run-tasks',
  /** Runs on the platform: runs, plans and applies (remote and agent execution). */
  OPERATIONS = 'operations',
  /** Policies and policy sets (Sentinel and OPA). */
  POLICY_ENFORCEMENT = 'policy-enforcement',
  /** The private module registry. */
  PRIVATE_MODULE_REGISTRY = 'private-module-registry',
  /** Run tasks. */
  RUN_TASKS = 'run-tasks',
  /** Single sign-on (SSO team IDs). */
  SSO = 'sso',
  /** State versions in workspaces. */
  STATE_STORAGE = 'state-storage',
  /** Teams other than owners, their members, tokens and access. */
  TEAMS = 'teams',
  /** VCS providers (OAuth clients) and VCS-linked workspaces and policy sets. */
  VCS_INTEGRATIONS = 'vcs-integrations',
}

/**
 * What an organization's subscription entitles it to.
 *
 * Declared on an organization, it turns using a feature the organization
 * lacks into a synth-time error that names the missing entitlement. Leave it
 * undeclared for no checks.
 *
 * The presets follow the tiers the platform's entitlement API was documented
 * with (free, team, team & governance, business); subscriptions change, so
 * when in doubt list the entitlements your organization's
 * `/api/v2/organizations/<name>/entitlement-set` reports with `Entitlements.of`.
 */
export class Entitlements {
  /**
   * Exactly the given entitlements.
   */
  public static of(entitlements: Entitlement[]): Entitlements {
    return new Entitlements(entitlements, 'custom');
  }

  /**
   * Free tier: state storage, remote operations, VCS integrations and the
   * private module registry; no teams beyond owners, no policies, no agents.
   */
  public static free(): Entitlements {
    return new Entitlements(
      [Entitlement.STATE_STORAGE, Entitlement.OPERATIONS, Entitlement.VCS_INTEGRATIONS, Entitlement.PRIVATE_MODULE_REGISTRY],
      'free',
    );
  }

  /**
   * Team tier: free, plus teams.
   */
  public static team(): Entitlements {
    return new Entitlements([...Entitlements.free().entitlements, Entitlement.TEAMS], 'team');
  }

  /**
   * Team & governance tier: team, plus policy enforcement, cost estimation and run tasks.
   */
  public static teamAndGovernance(): Entitlements {
    return new Entitlements(
      [...Entitlements.team().entitlements, Entitlement.POLICY_ENFORCEMENT, Entitlement.COST_ESTIMATION, Entitlement.RUN_TASKS],
      'team-and-governance',
    );
  }

  /**
   * Business tier and Terraform Enterprise: everything, including SSO, agents and audit logging.
   */
  public static business(): Entitlements {
    return new Entitlements(Object.values(Entitlement) as Entitlement[], 'business');
  }

  /**
   * State storage only: an organization that keeps state and runs nothing itself.
   */
  public static stateStorageOnly(): Entitlements {
    return new Entitlements([Entitlement.STATE_STORAGE], 'state-storage-only');
  }

  /**
   * The entitlements, sorted.
   */
  public readonly entitlements: Entitlement[];

  /**
   * The preset's name, or `custom`.
   */
  public readonly presetName: string;

  private readonly set: Set<string>;

  private constructor(entitlements: Entitlement[], presetName: string) {
    this.set = new Set(entitlements);
    this.entitlements = [...this.set].sort() as Entitlement[];
    this.presetName = presetName;
  }

  /**
   * Whether the entitlement is included.
   */
  public has(entitlement: Entitlement): boolean {
    return this.set.has(entitlement);
  }

  /**
   * These entitlements plus the given ones.
   *
   * In Python the method is `with_` (`with` is a Python keyword).
   */
  public with(entitlements: Entitlement[]): Entitlements {
    return new Entitlements([...this.entitlements, ...entitlements], 'custom');
  }
}
