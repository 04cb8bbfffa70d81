/**
 * Buckets of stored occurrences, the leaves of a space index.
 *
 * Every stored occurrence is a {@link StoredAtom} whose id grows with each addition, and a
 * bucket keeps its occurrences in id order: appending keeps the order, and an occurrence is
 * found again by binary search on its id. A bucket of one occurrence is the {@link StoredAtom}
 * itself (most index keys of a large knowledge base are unique, and this keeps them cheap);
 * larger ones are {@link Bag}s. Removal leaves a hole, holes at the end are dropped at once,
 * and a bag more than half holes is rebuilt, so each change costs amortised O(log n).
 *
 * Bags are changed in place by their owner. An iterator started before a change never fails
 * and never repeats an occurrence: a rebuild makes new arrays (the iterator keeps the old
 * ones), and the iterator stops at the length the bag had when it started.
 *
 * @module
 */
import type { Atom } from './atom.js';

/** One stored occurrence of an atom; `id` orders occurrences by the time they were added. */
export class StoredAtom {
  constructor(
    readonly id: number,
    readonly atom: Atom,
  ) {}
}

/** Several occurrences in id order; removed ones leave holes until the bag is rebuilt. */
export class Bag {
  constructor(
    /** Id of the occurrence at each slot (holes keep theirs, for the binary search). */
    public ids: number[],
    /** The occurrence at each slot; undefined for a hole. */
    public items: (StoredAtom | undefined)[],
    /** Number of occurrences (slots that are not holes). */
    public live: number,
  ) {}
}

/** A bucket: nothing (`undefined`), a single occurrence, or a {@link Bag} of several. */
export type Bucket = StoredAtom | Bag | undefined;

/** Number of occurrences in a bucket. */
export function bucketSize(bucket: Bucket): number {
  if (bucket === undefined) return 0;
  return bucket instanceof StoredAtom ? 1 : bucket.live;
}

/** The bucket with `entry` appended; `entry.id` must exceed every id already in it. */
export function bucketAdd(bucket: Bucket, entry: StoredAtom): Bucket {
  if (bucket === undefined) return entry;
  if (bucket instanceof StoredAtom) return new Bag([bucket.id, entry.id], [bucket, entry], 2);
  bucket.ids.push(entry.id);
  bucket.items.push(entry);
  bucket.live++;
  return bucket;
}

/** The bucket without `entry` (found by id, matched by identity); unchanged when absent. */
export function bucketRemove(bucket: Bucket, entry: StoredAtom): Bucket {
  if (bucket === undefined || bucket === entry) return undefined;
  if (bucket instanceof StoredAtom) return bucket;
  const { ids, items } = bucket;
  const i = indexOfId(ids, entry.id);
  if (i < 0 || items[i] !== entry) return bucket;
  items[i] = undefined;
  if (--bucket.live === 0) return undefined;
  if (i === items.length - 1) {
    while (items[items.length - 1] === undefined) {
      items.pop();
      ids.pop();
    }
  }
  if (bucket.live === 1) {
    for (const x of items) if (x !== undefined) return x;
  }
  // Rebuilt into new arrays, so iterators over the old ones are undisturbed.
  if (items.length > 32 && 2 * bucket.live < items.length) return compacted(bucket);
  return bucket;
}

function compacted(bag: Bag): Bag {
  const ids: number[] = [];
  const items: StoredAtom[] = [];
  for (const x of bag.items) {
    if (x !== undefined) {
      ids.push(x.id);
      items.push(x);
    }
  }
  return new Bag(ids, items, items.length);
}

/** The latest-added occurrence in the bucket satisfying `test`, if any. */
export function bucketFindLast(bucket: Bucket, test: (entry: StoredAtom) => boolean): StoredAtom | undefined {
  if (bucket === undefined) return undefined;
  if (bucket instanceof StoredAtom) return test(bucket) ? bucket : undefined;
  const items = bucket.items;
  for (let i = items.length - 1; i >= 0; i--) {
    const x = items[i];
    if (x !== undefined && test(x)) return x;
  }
  return undefined;
}

/** Calls `visit` on each occurrence of the bucket, in id order. */
export function bucketForEach(bucket: Bucket, visit: (entry: StoredAtom) => void): void {
  if (bucket === undefined) return;
  if (bucket instanceof StoredAtom) {
    visit(bucket);
    return;
  }
  for (const x of bucket.items) if (x !== undefined) visit(x);
}

function indexOfId(ids: readonly number[], id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const found = ids[mid]!;
    if (found === id) return mid;
    if (found < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Walks one bucket. The slot array and its length are read when the walk starts, so
 * occurrences appended later are not visited.
 */
export class BucketCursor {
  private readonly items: readonly (StoredAtom | undefined)[];
  private readonly end: number;
  private index = 0;
  /** The current occurrence; undefined once the walk is over. */
  head: StoredAtom | undefined;

  constructor(bucket: StoredAtom | Bag) {
    if (bucket instanceof StoredAtom) {
      this.items = [];
      this.end = 0;
      this.head = bucket;
    } else {
      this.items = bucket.items;
      this.end = bucket.items.length;
      this.advance();
    }
  }

  /** Moves {@link head} to the next occurrence. */
  advance(): void {
    const items = this.items;
    while (this.index < this.end) {
      const x = items[this.index++];
      if (x !== undefined) {
        this.head = x;
        return;
      }
    }
    this.head = undefined;
  }
}
