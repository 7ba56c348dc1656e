/* eslint-disable no-bitwise */ // a hash is bit arithmetic

/**
 * The shard a key belongs to: Lamping and Veach's jump consistent hash
 * ("A Fast, Minimal Memory, Consistent Hash Algorithm", 2014) over a 64-bit
 * FNV-1a hash of the key's UTF-8 bytes. Growing from N to N + 1 buckets
 * moves about 1/(N + 1) of the keys, each to the new bucket. Depends on the
 * key alone: not on the order keys are placed in, nor on the machine.
 */
export function jumpHash(key: string, buckets: number): number {
  let h = fnv1a64(key);
  let b = -1;
  let j = 0;
  while (j < buckets) {
    b = j;
    h = (h * 2862933555777941757n + 1n) & MASK;
    j = Math.floor((b + 1) * (Number(1n << 31n) / Number((h >> 33n) + 1n)));
  }
  return b;
}

const MASK = (1n << 64n) - 1n;

function fnv1a64(key: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(key, 'utf8')) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & MASK;
  }
  return h;
}
