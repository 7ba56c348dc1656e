import { TeamProjectAccessProjectAccess, TeamProjectAccessWorkspaceAccess } from './private/framework';

/** Permission on a project's settings. */
export enum ProjectSettingsPermission {
  /** View the project's settings. */
  READ = 'read',
  /** Change the project's settings. */
  UPDATE = 'update',
  /** Change and delete the project. */
  DELETE = 'delete',
}

/** Permission on the teams that have access to a project. */
export enum ProjectTeamsPermission {
  /** No access. */
  NONE = 'none',
  /** See which teams have access. */
  READ = 'read',
  /** Grant and revoke team access to the project. */
  MANAGE = 'manage',
}

/** Permission on the variable sets scoped to a project. */
export enum ProjectVariableSetsPermission {
  /** No access. */
  NONE = 'none',
  /** Read the project's variable sets. */
  READ = 'read',
  /** Create and edit the project's variable sets. */
  WRITE = 'write',
}

/** Permission on the runs of a project's workspaces. */
export enum WorkspaceRunsPermission {
  /** View runs. */
  READ = 'read',
  /** Queue plans. */
  PLAN = 'plan',
  /** Queue plans and apply them. */
  APPLY = 'apply',
}

/** Permission on Sentinel mocks. */
export enum WorkspaceSentinelMocksPermission {
  /** No access. */
  NONE = 'none',
  /** Download Sentinel mocks. */
  READ = 'read',
}

/** Permission on state versions. */
export enum WorkspaceStateVersionsPermission {
  /** No access. */
  NONE = 'none',
  /** Read state outputs only. */
  READ_OUTPUTS = 'read-outputs',
  /** Read whole state versions. */
  READ = 'read',
  /** Read and create state versions. */
  WRITE = 'write',
}

/** Permission on workspace variables. */
export enum WorkspaceVariablesPermission {
  /** No access. */
  NONE = 'none',
  /** Read variables. */
  READ = 'read',
  /** Read and write variables. */
  WRITE = 'write',
}

/**
 * Custom permissions on the project itself.
 */
export interface ProjectPermissions {
  /**
   * Access to the project's settings.
   * @default ProjectSettingsPermission.READ
   */
  readonly settings?: ProjectSettingsPermission;
  /**
   * Access to the project's team access.
   * @default ProjectTeamsPermission.NONE
   */
  readonly teams?: ProjectTeamsPermission;
  /**
   * Access to the project's variable sets.
   * @default ProjectVariableSetsPermission.NONE
   */
  readonly variableSets?: ProjectVariableSetsPermission;
}

/**
 * Custom permissions on every workspace in a project.
 */
export interface ProjectWorkspacePermissions {
  /**
   * Access to runs.
   * @default WorkspaceRunsPermission.READ
   */
  readonly runs?: WorkspaceRunsPermission;
  /**
   * Access to Sentinel mocks.
   * @default WorkspaceSentinelMocksPermission.NONE
   */
  readonly sentinelMocks?: WorkspaceSentinelMocksPermission;
  /**
   * Access to state versions.
   * @default WorkspaceStateVersionsPermission.NONE
   */
  readonly stateVersions?: WorkspaceStateVersionsPermission;
  /**
   * Access to variables.
   * @default WorkspaceVariablesPermission.NONE
   */
  readonly variables?: WorkspaceVariablesPermission;
  /**
   * Create workspaces in the project.
   * @default false
   */
  readonly create?: boolean;
  /**
   * Delete workspaces in the project.
   * @default false
   */
  readonly delete?: boolean;
  /**
   * Lock and unlock workspaces.
   * @default false
   */
  readonly locking?: boolean;
  /**
   * Move workspaces out of the project.
   * @default false
   */
  readonly move?: boolean;
  /**
   * Manage run tasks on the workspaces.
   * @default false
   */
  readonly runTasks?: boolean;
}

/**
 * Options for custom project access.
 */
export interface CustomProjectAccessOptions {
  /**
   * Permissions on the project.
   * @default - the platform's custom defaults (read settings, nothing else)
   */
  readonly project?: ProjectPermissions;
  /**
   * Permissions on the project's workspaces.
   * @default - the platform's custom defaults (read runs, nothing else)
   */
  readonly workspaces?: ProjectWorkspacePermissions;
}

/**
 * The access a team has to a project: a fixed level or custom permissions.
 *
 * @example
 * project.grantAccess(ops, ProjectAccess.MAINTAIN);
 * project.grantAccess(auditors, ProjectAccess.custom({ workspaces: { stateVersions: WorkspaceStateVersionsPermission.READ_OUTPUTS } }));
 */
export class ProjectAccess {
  /** Read the project and its workspaces. */
  public static readonly READ = new ProjectAccess('read');
  /** Read, plan and apply in the project's workspaces, and edit their variables. */
  public static readonly WRITE = new ProjectAccess('write');
  /** Everything in the project's workspaces, including creating and deleting them. */
  public static readonly MAINTAIN = new ProjectAccess('maintain');
  /** Everything, including the project's settings and team access. */
  public static readonly ADMIN = new ProjectAccess('admin');

  /**
   * Custom permissions on the project and its workspaces.
   */
  public static custom(options: CustomProjectAccessOptions = {}): ProjectAccess {
    return new ProjectAccess('custom', options);
  }

  /**
   * The access level: `read`, `write`, `maintain`, `admin` or `custom`.
   */
  public readonly level: string;

  /**
   * The custom permissions, for the `custom` level.
   */
  public readonly customPermissions?: CustomProjectAccessOptions;

  private constructor(level: string, customPermissions?: CustomProjectAccessOptions) {
    this.level = level;
    this.customPermissions = customPermissions;
  }

  /** @internal */
  public _renderProjectAccess(): TeamProjectAccessProjectAccess[] | undefined {
    const p = this.customPermissions?.project;
    return p ? [{ settings: p.settings, teams: p.teams, variableSets: p.variableSets }] : undefined;
  }

  /** @internal */
  public _renderWorkspaceAccess(): TeamProjectAccessWorkspaceAccess[] | undefined {
    const w = this.customPermissions?.workspaces;
    return w
      ? [{
        runs: w.runs,
        sentinelMocks: w.sentinelMocks,
        stateVersions: w.stateVersions,
        variables: w.variables,
        create: w.create,
        delete: w.delete,
        locking: w.locking,
        move: w.move,
        runTasks: w.runTasks,
      }]
      : undefined;
  }
}
