import { TeamOrganizationAccess } from './private/framework';

/**
 * Organization-wide permissions a team may hold. Every flag defaults to false.
 */
export interface OrganizationAccessFlags {
  /**
   * View every project in the organization.
   * @default false
   */
  readonly readProjects?: boolean;
  /**
   * Create and administer every project (implies managing workspaces).
   * @default false
   */
  readonly manageProjects?: boolean;
  /**
   * View every workspace in the organization.
   * @default false
   */
  readonly readWorkspaces?: boolean;
  /**
   * Create and administer every workspace.
   * @default false
   */
  readonly manageWorkspaces?: boolean;
  /**
   * Create, edit and delete policies and policy sets.
   * @default false
   */
  readonly managePolicies?: boolean;
  /**
   * Override soft-mandatory policy failures.
   * @default false
   */
  readonly managePolicyOverrides?: boolean;
  /**
   * Manage run tasks.
   * @default false
   */
  readonly manageRunTasks?: boolean;
  /**
   * Manage VCS providers and SSH keys.
   * @default false
   */
  readonly manageVcsSettings?: boolean;
  /**
   * Publish and delete providers in the private registry.
   * @default false
   */
  readonly manageProviders?: boolean;
  /**
   * Publish and delete modules in the private registry.
   * @default false
   */
  readonly manageModules?: boolean;
  /**
   * Invite users, remove them, and add them to or remove them from teams.
   * @default false
   */
  readonly manageMembership?: boolean;
  /**
   * Create, update and delete teams.
   * @default false
   */
  readonly manageTeams?: boolean;
  /**
   * Change the organization access of teams.
   * @default false
   */
  readonly manageOrganizationAccess?: boolean;
  /**
   * See and manage secret teams.
   * @default false
   */
  readonly accessSecretTeams?: boolean;
  /**
   * Create and manage agent pools.
   * @default false
   */
  readonly manageAgentPools?: boolean;
}

/**
 * The organization access of a team: a preset or a custom set of flags.
 *
 * @example
 * OrganizationAccess.workspaceManager().with({ manageVcsSettings: true })
 */
export class OrganizationAccess {
  /**
   * No organization-wide permission: access comes from workspace and project grants only.
   */
  public static none(): OrganizationAccess {
    return new OrganizationAccess({}, 'none');
  }

  /**
   * Read every project and workspace.
   */
  public static readOnly(): OrganizationAccess {
    return new OrganizationAccess({ readProjects: true, readWorkspaces: true }, 'read-only');
  }

  /**
   * Create and administer every project and workspace.
   */
  public static workspaceManager(): OrganizationAccess {
    return new OrganizationAccess(
      { readProjects: true, manageProjects: true, readWorkspaces: true, manageWorkspaces: true },
      'workspace-manager',
    );
  }

  /**
   * Manage policies, policy overrides and run tasks, and read every workspace.
   */
  public static policyManager(): OrganizationAccess {
    return new OrganizationAccess(
      { readProjects: true, readWorkspaces: true, managePolicies: true, managePolicyOverrides: true, manageRunTasks: true },
      'policy-manager',
    );
  }

  /**
   * Every organization permission a team other than owners can hold: close to
   * the owners team, without being it.
   */
  public static administrator(): OrganizationAccess {
    return new OrganizationAccess(
      {
        readProjects: true,
        manageProjects: true,
        readWorkspaces: true,
        manageWorkspaces: true,
        managePolicies: true,
        managePolicyOverrides: true,
        manageRunTasks: true,
        manageVcsSettings: true,
        manageProviders: true,
        manageModules: true,
        manageMembership: true,
        manageTeams: true,
        manageOrganizationAccess: true,
        accessSecretTeams: true,
        manageAgentPools: true,
      },
      'administrator',
    );
  }

  /**
   * Exactly the flags given.
   */
  public static custom(flags: OrganizationAccessFlags): OrganizationAccess {
    return new OrganizationAccess(flags, 'custom');
  }

  /**
   * The flags, with the ones that other flags imply set too
   * (managing workspaces implies reading them, managing projects implies reading them).
   */
  public readonly flags: OrganizationAccessFlags;

  /**
   * The preset's name (`custom` when built from flags).
   */
  public readonly presetName: string;

  private constructor(flags: OrganizationAccessFlags, presetName: string) {
    this.flags = {
      ...flags,
      readWorkspaces: flags.readWorkspaces || flags.manageWorkspaces || flags.manageProjects || undefined,
      readProjects: flags.readProjects || flags.manageProjects || undefined,
      manageWorkspaces: flags.manageWorkspaces || flags.manageProjects || undefined,
    };
    this.presetName = presetName;
  }

  /**
   * This access plus the given flags.
   *
   * In Python the method is `with_` (`with` is a Python keyword).
   */
  public with(flags: OrganizationAccessFlags): OrganizationAccess {
    const merged: { [k: string]: boolean | undefined } = { ...this.flags };
    for (const [k, v] of Object.entries(flags)) {
      if (v !== undefined) merged[k] = v;
    }
    return new OrganizationAccess(merged as OrganizationAccessFlags, 'custom');
  }

  /**
   * Whether no flag is set.
   */
  public get isEmpty(): boolean {
    return !Object.values(this.flags).some((v) => v === true);
  }

  /**
   * The names of the flags that are set, sorted.
   */
  public get enabledFlags(): string[] {
    return Object.entries(this.flags)
      .filter(([, v]) => v === true)
      .map(([k]) => k)
      .sort();
  }

  /** @internal */
  public _render(): TeamOrganizationAccess {
    const f = this.flags;
    return {
      readProjects: f.readProjects ?? false,
      manageProjects: f.manageProjects ?? false,
      readWorkspaces: f.readWorkspaces ?? false,
      manageWorkspaces: f.manageWorkspaces ?? false,
      managePolicies: f.managePolicies ?? false,
      managePolicyOverrides: f.managePolicyOverrides ?? false,
      manageRunTasks: f.manageRunTasks ?? false,
      manageVcsSettings: f.manageVcsSettings ?? false,
      manageProviders: f.manageProviders ?? false,
      manageModules: f.manageModules ?? false,
      manageMembership: f.manageMembership ?? false,
      manageTeams: f.manageTeams ?? false,
      manageOrganizationAccess: f.manageOrganizationAccess ?? false,
      accessSecretTeams: f.accessSecretTeams ?? false,
      manageAgentPools: f.manageAgentPools ?? false,
    };
  }
}
