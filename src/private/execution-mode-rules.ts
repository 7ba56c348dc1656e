import { IConstruct } from 'constructs';
import { Entitlement } from '../entitlements';
import type { ExecutionMode } from '../execution-mode';
import type { IOrganization } from '../organization';
import { requireEntitlement } from './entitlements';
import { sameIdentity } from './registry';
import { fail, quote } from './validation';

/**
 * The rules of a workspace's execution mode that do not depend on its
 * workflow (a `Workspace`, or a row of a `WorkspaceFleet`): an agent pool
 * exactly in agent mode, of the workspace's organization, and the
 * entitlements the mode needs.
 */
export function checkWorkspaceExecutionMode(scope: IConstruct, mode: ExecutionMode, organization: IOrganization): void {
  if (mode.mode === 'agent' && !mode.agentPool) {
    fail(scope, 'TFE-WS-011', 'execution mode "agent" needs an agent pool, got none: use ExecutionMode.agent(pool).');
  }
  if (mode.mode !== 'agent' && mode.agentPool) {
    fail(scope, 'TFE-WS-012', `execution mode ${quote(mode.mode)} with an agent pool: a pool is only used in agent mode; use ExecutionMode.agent(pool) or drop the pool.`);
  }
  if (mode.agentPool && !sameIdentity(mode.agentPool.organization, organization)) {
    fail(scope, 'TFE-WS-013', `agent pool ${mode.agentPool.node.path} belongs to another organization: use a pool of the workspace's organization.`);
  }
  if (mode.mode === 'agent') requireEntitlement(scope, organization, Entitlement.AGENTS, 'execution mode "agent"');
  if (mode.mode === 'remote' || mode.mode === 'agent') {
    requireEntitlement(scope, organization, Entitlement.OPERATIONS, `execution mode ${quote(mode.mode)}`);
  }
}
