import { IConstruct } from 'constructs';
import { Entitlement } from '../entitlements';
import type { ExecutionMode } from '../execution-mode';
import type { IOrganization } from '../organization';
import { requireEntitlement } from './entitlements';
import { identityOf, sameIdentity } from './registry';
import { fail, quote } from './validation';

const defaults = new WeakMap<IConstruct, ExecutionMode>();

/**
 * Checks `mode` as the default execution mode of `owner` (an organization or
 * a project of `organization`), with the rules a workspace's mode follows,
 * and records it: an owner has one default.
 */
export function checkDefaultExecutionMode(owner: IConstruct, mode: ExecutionMode, organization: IOrganization, what: string): void {
  if (defaults.has(owner)) {
    fail(owner, 'TFE-DEF-003',
      `the ${what}'s default execution mode is already ${quote(defaults.get(owner)!.mode)}: it has one default; set it once.`);
  }
  if (mode.mode === 'agent' && !mode.agentPool) {
    fail(owner, 'TFE-DEF-001', 'default execution mode "agent" needs an agent pool, got none: use ExecutionMode.agent(pool).');
  }
  if (mode.agentPool && !sameIdentity(mode.agentPool.organization, organization)) {
    fail(owner, 'TFE-DEF-002',
      `agent pool ${mode.agentPool.node.path} belongs to organization ${quote(identityOf(mode.agentPool.organization))}, not to ${quote(identityOf(organization))}: ` +
      `the ${what}'s default pool must be one of its organization's pools.`);
  }
  if (mode.mode === 'agent') requireEntitlement(owner, organization, Entitlement.AGENTS, 'default execution mode "agent"');
  if (mode.mode === 'remote' || mode.mode === 'agent') {
    requireEntitlement(owner, organization, Entitlement.OPERATIONS, `default execution mode ${quote(mode.mode)}`);
  }
  defaults.set(owner, mode);
}
