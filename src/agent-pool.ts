import { IConstruct } from 'constructs';
import type { IOrganization } from './organization';

/**
 * An agent pool: self-hosted agents that run a workspace's plans and applies.
 */
export interface IAgentPool extends IConstruct {
  /**
   * The pool's ID (`apool-...`).
   * @attribute
   */
  readonly agentPoolId: string;

  /**
   * The organization the pool belongs to.
   */
  readonly organization: IOrganization;
}
