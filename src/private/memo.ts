/**
 * Attributes read on demand and kept: the first read creates the value (for
 * an attribute of a resource, a token, which costs a stack trace and an entry
 * in cdktf's token map), every later read returns the very same value, and an
 * attribute nobody reads costs nothing. The values live beside their owner
 * (a weak map), so an object whose attributes are never read carries no
 * extra slot.
 */
const memos = new WeakMap<object, Map<string, unknown>>();

/**
 * The value of `owner`'s attribute `key`: made by `produce` on the first
 * read, the same value on every later one.
 */
export function memoized<T>(owner: object, key: string, produce: () => T): T {
  let values = memos.get(owner);
  if (values === undefined) {
    values = new Map();
    memos.set(owner, values);
  } else if (values.has(key)) {
    return values.get(key) as T;
  }
  const value = produce();
  values.set(key, value);
  return value;
}
