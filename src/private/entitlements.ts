import { IConstruct } from 'constructs';
import type { Entitlement } from '../entitlements';
import type { IOrganization } from '../organization';
import { fail } from './validation';

/**
 * Fails when `organization` declares its entitlements and `entitlement` is not
 * among them. Organizations that declare nothing are not checked.
 */
export function requireEntitlement(scope: IConstruct, organization: IOrganization, entitlement: Entitlement, feature: string): void {
  const declared = organization.entitlements;
  if (!declared || declared.has(entitlement)) return;
  fail(scope, 'TFE-ENT-001',
    `${feature} needs the "${entitlement}" entitlement, which organization ${organization.node.path} does not declare ` +
    `(it declares ${declared.entitlements.length ? declared.entitlements.map((e) => `"${e}"`).join(', ') : 'none'}; ` +
    `preset ${declared.presetName}): the platform would answer 404 at apply. Remove the feature, or add the entitlement if the subscription includes it.`);
}
