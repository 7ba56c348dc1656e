import { TeamAccessPermissions } from './private/framework';
import {
  WorkspaceRunsPermission,
  WorkspaceSentinelMocksPermission,
  WorkspaceStateVersionsPermission,
  WorkspaceVariablesPermission,
} from './project-access';

/**
 * Custom permissions of a team on one workspace.
 */
export interface WorkspacePermissions {
  /**
   * Access to runs.
   * @default WorkspaceRunsPermission.READ
   */
  readonly runs?: WorkspaceRunsPermission;
  /**
   * Access to variables.
   * @default WorkspaceVariablesPermission.NONE
   */
  readonly variables?: WorkspaceVariablesPermission;
  /**
   * Access to state versions.
   * @default WorkspaceStateVersionsPermission.NONE
   */
  readonly stateVersions?: WorkspaceStateVersionsPermission;
  /**
   * Access to Sentinel mocks.
   * @default WorkspaceSentinelMocksPermission.NONE
   */
  readonly sentinelMocks?: WorkspaceSentinelMocksPermission;
  /**
   * Lock and unlock the workspace.
   * @default false
   */
  readonly workspaceLocking?: boolean;
  /**
   * Manage the workspace's run tasks.
   * @default false
   */
  readonly runTasks?: boolean;
}

/**
 * The access a team has to a workspace: a fixed level or custom permissions.
 *
 * @example
 * workspace.grantAccess(developers, WorkspaceAccess.WRITE);
 * workspace.grantAccess(auditors, WorkspaceAccess.custom({ stateVersions: WorkspaceStateVersionsPermission.READ_OUTPUTS }));
 */
export class WorkspaceAccess {
  /** Read runs, variables and state. */
  public static readonly READ = new WorkspaceAccess('read');
  /** Read, and queue plans. */
  public static readonly PLAN = new WorkspaceAccess('plan');
  /** Plan, apply, edit variables, lock the workspace: what CLI-driven applies need. */
  public static readonly WRITE = new WorkspaceAccess('write');
  /** Everything, including settings, team access and deletion. */
  public static readonly ADMIN = new WorkspaceAccess('admin');

  /**
   * Custom permissions.
   */
  public static custom(permissions: WorkspacePermissions = {}): WorkspaceAccess {
    return new WorkspaceAccess('custom', permissions);
  }

  /**
   * The access level: `read`, `plan`, `write`, `admin` or `custom`.
   */
  public readonly level: string;

  /**
   * The custom permissions, for the `custom` level.
   */
  public readonly permissions?: WorkspacePermissions;

  private constructor(level: string, permissions?: WorkspacePermissions) {
    this.level = level;
    this.permissions = permissions;
  }

  /**
   * Whether this access lets a team start applies (what a CLI-driven `terraform apply` needs).
   */
  public get canApply(): boolean {
    return this.level === 'write' || this.level === 'admin' || this.permissions?.runs === WorkspaceRunsPermission.APPLY;
  }

  /** @internal */
  public _renderPermissions(): TeamAccessPermissions[] | undefined {
    const p = this.permissions;
    if (!p) return undefined;
    return [{
      runs: p.runs ?? WorkspaceRunsPermission.READ,
      variables: p.variables ?? WorkspaceVariablesPermission.NONE,
      stateVersions: p.stateVersions ?? WorkspaceStateVersionsPermission.NONE,
      sentinelMocks: p.sentinelMocks ?? WorkspaceSentinelMocksPermission.NONE,
      workspaceLocking: p.workspaceLocking ?? false,
      runTasks: p.runTasks ?? false,
    }];
  }
}
