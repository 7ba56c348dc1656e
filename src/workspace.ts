import { IConstruct } from 'constructs';
import type { IOrganization } from './organization';

/**
 * A workspace, created here or referenced.
 */
export interface IWorkspace extends IConstruct {
  /**
   * The workspace's ID (`ws-...`).
   * @attribute
   */
  readonly workspaceId: string;

  /**
   * The workspace's name.
   * @attribute
   */
  readonly workspaceName: string;

  /**
   * The organization the workspace belongs to.
   */
  readonly organization: IOrganization;
}
