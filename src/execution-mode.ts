import type { IAgentPool } from './agent-pool';

/**
 * Where a workspace's plans and applies run.
 */
export class ExecutionMode {
  /** On the platform's own workers. */
  public static remote(): ExecutionMode {
    return new ExecutionMode('remote');
  }

  /**
   * On the machine that runs Terraform (the CLI); the platform only stores
   * state. VCS-triggered runs cannot execute in this mode.
   */
  public static local(): ExecutionMode {
    return new ExecutionMode('local');
  }

  /**
   * On self-hosted agents of the given pool.
   */
  public static agent(pool: IAgentPool): ExecutionMode {
    return new ExecutionMode('agent', pool);
  }

  /**
   * `remote`, `local` or `agent`.
   */
  public readonly mode: string;

  /**
   * The agent pool, for `agent` mode.
   */
  public readonly agentPool?: IAgentPool;

  private constructor(mode: string, agentPool?: IAgentPool) {
    this.mode = mode;
    this.agentPool = agentPool;
  }
}
