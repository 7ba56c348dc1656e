import { IConstruct } from 'constructs';

/** Where a policy is first used: the organization of the set, and the set's path. */
export interface PolicyMembership {
  readonly organization: string;
  readonly setPath: string;
}

/**
 * App-wide record of the organization each policy (by identity) is used in,
 * keyed by the construct tree's root so separate apps never see each other.
 */
const memberships = new WeakMap<IConstruct, Map<string, PolicyMembership>>();

/**
 * Records that the policy with identity `policyIdentity` is a member of the
 * policy set at `set`, of organization `organizationIdentity`.
 * @returns the earlier membership in another organization, or undefined when
 *          the policy is used in one organization only.
 */
export function recordPolicyMembership(set: IConstruct, policyIdentity: string, organizationIdentity: string): PolicyMembership | undefined {
  const root = set.node.root;
  let registry = memberships.get(root);
  if (!registry) {
    registry = new Map();
    memberships.set(root, registry);
  }
  const earlier = registry.get(policyIdentity);
  if (earlier === undefined) {
    registry.set(policyIdentity, { organization: organizationIdentity, setPath: set.node.path });
    return undefined;
  }
  return earlier.organization === organizationIdentity ? undefined : earlier;
}
