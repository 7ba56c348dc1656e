import { TerraformElement } from './framework';

/**
 * Addresses and construct paths stored one byte per character.
 *
 * cdktf builds a nested construct's logical id, and constructs its path, by
 * joining the ids on the path. V8 returns such a join as a two-byte string
 * when one of the ids has recently been used as a property key (the construct
 * tree keys children by id), although these strings hold only ASCII. Every
 * string built from a two-byte string is two-byte too, so one such address
 * makes the JSON writer build the whole `cdk.tf.json` at two bytes per
 * character: at 1,000 workspaces that doubled the output string (5 MB to
 * 10 MB) and nearly tripled what the writer promoted to the old generation.
 *
 * Every element this library creates hands out its logical id and the path in
 * its metadata through these functions: the same characters, one byte each.
 */

const LATIN1 = /^[\x00-\xff]*$/;

/**
 * The same string, stored one byte per character where its characters allow.
 */
export function compactString(value: string): string {
  return LATIN1.test(value) ? Buffer.from(value, 'latin1').toString('latin1') : value;
}

/** The last logical id cdktf allocated for each element, and its compact copy. */
const cache = new WeakMap<object, { readonly allocated: string; readonly compact: string }>();

/**
 * The compact copy of the logical id cdktf allocated for `element`. Cached
 * per element until the allocated id changes (`overrideLogicalId`).
 */
export function compactLogicalId(element: object, allocated: string): string {
  const hit = cache.get(element);
  if (hit !== undefined && hit.allocated === allocated) return hit.compact;
  const compact = compactString(allocated);
  cache.set(element, { allocated, compact });
  return compact;
}

/**
 * An element's `//` metadata (a fresh object from cdktf) with its construct
 * path stored compactly.
 */
export function compactNodeMetadata(metadata: { [key: string]: any }): { [key: string]: any } {
  const inner = metadata.metadata;
  if (inner !== undefined && typeof inner.path === 'string') inner.path = compactString(inner.path);
  return metadata;
}

/**
 * A subclass of a provider's L1 class (resource or data source) that hands out
 * its logical id and metadata path compactly; otherwise the same class.
 */
export function withCompactStrings<T extends new (...args: any[]) => TerraformElement>(base: T): T {
  return class extends base {
    public get friendlyUniqueId(): string {
      return compactLogicalId(this, super.friendlyUniqueId);
    }

    protected get constructNodeMetadata(): { [key: string]: any } {
      return compactNodeMetadata(super.constructNodeMetadata);
    }
  };
}
