/**
 * One layer of a space index: a hash map from index keys (see `space-keys.ts`) to buckets of
 * the occurrences stored in this layer, a bucket of all of them, and the occurrences of lower
 * layers that were removed while this layer was on top (tombstones).
 *
 * A layer is changed in place until it is frozen (a snapshot shares it); after that it never
 * changes again, and merging it with its neighbour builds a new layer.
 *
 * @module
 */
import {
  Bag,
  bucketAdd,
  bucketForEach,
  bucketRemove,
  bucketSize,
  StoredAtom,
  type Bucket,
} from './atom-bag.js';
import type { BucketSource } from './space-keys.js';

/** A set of stored occurrences with its index. */
export class Layer implements BucketSource<Bucket> {
  /** Index key → occurrences filed under it. */
  readonly keys = new Map<number, StoredAtom | Bag>();
  /** Every occurrence of this layer, in id order. */
  all: Bucket = undefined;
  /** Occurrences of lower layers removed while this layer was on top. */
  removed: Set<StoredAtom> | undefined = undefined;
  /** Number of occurrences in this layer (tombstones of higher layers notwithstanding). */
  stored = 0;
  /** Set once a snapshot shares the layer; it never changes afterwards. */
  frozen = false;
  /** At least the number of atoms without a shape in this layer (an over-count is harmless). */
  openAtoms = 0;

  /** `firstId`: every occurrence of this layer has an id at least this (and below the next layer's). */
  constructor(readonly firstId: number) {}

  /** Work it takes to merge this layer: its occurrences and tombstones. */
  get weight(): number {
    return this.stored + (this.removed === undefined ? 0 : this.removed.size);
  }

  bucket(key: number): Bucket {
    return this.keys.get(key);
  }

  count(bucket: Bucket): number {
    return bucketSize(bucket);
  }

  get mayHoldOpen(): boolean {
    return this.openAtoms > 0;
  }

  /**
   * Files `entry` under each of `keys` (distinct keys, as `storedKeys` gives them); `shaped`
   * is false for an atom without a shape.
   */
  add(entry: StoredAtom, keys: readonly number[], shaped: boolean): void {
    if (!shaped) this.openAtoms++;
    const map = this.keys;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const b = map.get(k);
      const nb = bucketAdd(b, entry)!;
      if (nb !== b) map.set(k, nb);
    }
    this.all = bucketAdd(this.all, entry);
    this.stored++;
  }

  /**
   * Takes `entry`, filed under `keys`, out of this layer. `buckets`, when given, holds the
   * current bucket of each key (saving the lookups).
   */
  delete(entry: StoredAtom, keys: readonly number[], shaped: boolean, buckets?: readonly Bucket[]): void {
    if (!shaped) this.openAtoms--;
    const map = this.keys;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const b = buckets === undefined ? map.get(k) : buckets[i];
      const nb = bucketRemove(b, entry);
      if (nb === undefined) map.delete(k);
      else if (nb !== b) map.set(k, nb);
    }
    this.all = bucketRemove(this.all, entry);
    this.stored--;
  }

  /** Records that `entry`, an occurrence of a lower layer, is removed. */
  bury(entry: StoredAtom): void {
    (this.removed ??= new Set()).add(entry);
  }
}

/**
 * A new (unfrozen) layer holding `lower` then `upper`, adjacent layers with `upper` on top:
 * `upper`'s tombstones for `lower` are applied, the rest are carried over. The inputs are
 * left unchanged.
 */
export function mergeLayers(lower: Layer, upper: Layer): Layer {
  const out = new Layer(lower.firstId);
  const dead = upper.removed;
  for (const [k, b] of lower.keys) {
    const copy = copyBucket(b, dead);
    if (copy !== undefined) out.keys.set(k, copy);
  }
  for (const [k, b] of upper.keys) {
    let target = out.keys.get(k);
    bucketForEach(b, (e) => (target = bucketAdd(target, e)));
    out.keys.set(k, target!);
  }
  let all = copyBucket(lower.all, dead);
  bucketForEach(upper.all, (e) => (all = bucketAdd(all, e)));
  out.all = all;
  out.stored = bucketSize(all);
  out.openAtoms = lower.openAtoms + upper.openAtoms;
  let carried: Set<StoredAtom> | undefined = lower.removed === undefined ? undefined : new Set(lower.removed);
  if (dead !== undefined) {
    for (const e of dead) if (e.id < lower.firstId) (carried ??= new Set()).add(e);
  }
  out.removed = carried;
  return out;
}

/** A private copy of a bucket without the occurrences in `dead`. */
function copyBucket(b: Bucket, dead: ReadonlySet<StoredAtom> | undefined): Bucket {
  if (b === undefined) return undefined;
  if (b instanceof StoredAtom) return dead !== undefined && dead.has(b) ? undefined : b;
  const ids: number[] = [];
  const items: StoredAtom[] = [];
  for (const x of b.items) {
    if (x !== undefined && (dead === undefined || !dead.has(x))) {
      ids.push(x.id);
      items.push(x);
    }
  }
  if (items.length === 0) return undefined;
  if (items.length === 1) return items[0];
  return new Bag(ids, items, items.length);
}
