import { IConstruct } from 'constructs';

/**
 * App-wide registries of names that must be unique (team names per
 * organization, token descriptions per team, ...). Keyed by the construct
 * tree's root so separate apps (and separate tests) never see each other.
 * Each lookup is a map access: uniqueness checks stay O(1) per construct.
 */
const registries = new WeakMap<IConstruct, Map<string, Map<string, IConstruct>>>();

/**
 * Claims `key` in `namespace` for the construct at `scope`.
 * @returns the path of the construct that already holds the key, or undefined
 *          when the claim succeeded.
 */
export function claim(scope: IConstruct, namespace: string, key: string): string | undefined {
  const root = scope.node.root;
  let registry = registries.get(root);
  if (!registry) {
    registry = new Map();
    registries.set(root, registry);
  }
  let keys = registry.get(namespace);
  if (!keys) {
    keys = new Map();
    registry.set(namespace, keys);
  }
  const holder = keys.get(key);
  // The holder's path is only computed for a message: storing paths would
  // keep one long string per claim alive for the whole synth.
  if (holder !== undefined) return holder.node.path;
  keys.set(key, scope);
  return undefined;
}

/**
 * The path of the construct that holds `key` in `namespace` (see `claim`),
 * or undefined when none does. Claims nothing.
 */
export function holderOf(scope: IConstruct, namespace: string, key: string): string | undefined {
  return registries.get(scope.node.root)?.get(namespace)?.get(key)?.node.path;
}

const identities = new WeakMap<object, string>();
const handles = new WeakMap<object, string>();

/**
 * Records a stable identity for a resource-like construct (e.g. an
 * organization's literal name), so that two imports of the same thing are
 * recognized as one.
 *
 * @param handle how the object is named among its kind in its organization,
 *        for the construct ids of the resources that connect it to something:
 *        its literal platform name (unique per organization), or `id:` and
 *        its literal platform ID. Omitted when neither is known while the
 *        program runs.
 */
export function setIdentity(obj: object, identity: string, handle?: string): void {
  identities.set(obj, identity);
  if (handle !== undefined) handles.set(obj, handle);
}

/**
 * The identity recorded for `obj`, or its construct path when none was.
 */
export function identityOf(obj: IConstruct): string {
  return identities.get(obj) ?? `path:${obj.node.path}`;
}

/**
 * The construct id of a resource that connects its scope to `target` (a
 * grant to a team, an attachment to a workspace, ...): `<kind>-<handle>`,
 * from what identifies the target on the platform (its literal name, or
 * `id:` and its literal ID), else `<kind>-path:` and its construct path.
 * It never depends on the order in which connections are made; it is unique
 * under one scope as long as the scope connects each target once.
 */
export function connectionId(kind: string, target: IConstruct): string {
  return `${kind}-${handles.get(target) ?? `path:${target.node.path.replace(/\//g, '.')}`}`;
}

/**
 * What identifies `target` on the platform while the program runs: its
 * literal name, or `id:` and its literal ID; undefined when neither is known.
 */
export function handleOf(target: object): string | undefined {
  return handles.get(target);
}

/**
 * Whether two constructs stand for the same platform object (the same
 * construct, or two imports with the same identity).
 */
export function sameIdentity(a: IConstruct, b: IConstruct): boolean {
  return a === b || identityOf(a) === identityOf(b);
}

const literalNames = new WeakMap<object, string>();

/**
 * Records the literal (program-time) name of an organization or workspace,
 * for places where Terraform accepts no references (backend blocks).
 */
export function setLiteralName(obj: object, name: string): void {
  literalNames.set(obj, name);
}

/**
 * The literal name recorded for `obj`, if any.
 */
export function literalNameOf(obj: object): string | undefined {
  return literalNames.get(obj);
}
