/**
 * The indexed store behind {@link GroundingSpace}, with O(1) snapshots.
 *
 * The contents live in a stack of {@link Layer}s. Writes go to the top layer, in place. A
 * snapshot freezes the current layers and shares them (O(1): the layer list is never changed,
 * only replaced); the next write then starts a new top layer, and removing an occurrence that
 * sits in a frozen layer records a tombstone in the top one. Adjacent layers are merged into a
 * new one whenever the lower is at most twice the weight of the upper, like carries of a
 * binary counter: without snapshots there is a single layer, and in any case there are
 * O(log n) layers and each write costs amortised O(1) merge work, O(log n) when snapshots are
 * taken between writes.
 *
 * @module
 */
import { atomEq, type Atom } from './atom.js';
import { bucketFindLast, BucketCursor, StoredAtom, type Bucket } from './atom-bag.js';
import { Layer, mergeLayers } from './index-layer.js';
import { candidateBuckets, storedKeys } from './space-keys.js';

/** Read access shared by the live index and its frozen versions. */
abstract class LayeredReader {
  /** The layers, lowest first; replaced, never changed, so a version can share it. */
  protected layers: readonly Layer[];
  /** The tombstone sets of the layers that have any. */
  protected tombs: readonly ReadonlySet<StoredAtom>[];
  protected live: number;

  constructor(layers: readonly Layer[], tombs: readonly ReadonlySet<StoredAtom>[], live: number) {
    this.layers = layers;
    this.tombs = tombs;
    this.live = live;
  }

  /** Number of stored occurrences. */
  get size(): number {
    return this.live;
  }

  /** Every stored atom, in the order added. */
  atoms(): Iterable<Atom> {
    return new AtomUnion(
      this.layers.map((l) => l.all),
      this.tombs,
    );
  }

  /**
   * Stored atoms that may unify with `pattern` (a superset), in the order added, read from
   * the smallest buckets the pattern allows; every atom when the pattern's shape is open.
   */
  candidates(pattern: Atom): Iterable<Atom> {
    const out: Bucket[] = [];
    const ls = this.layers;
    for (let i = 0; i < ls.length; i++) {
      const layer = ls[i]!;
      if (!candidateBuckets(pattern, layer, out)) return this.atoms();
    }
    return new AtomUnion(out, this.tombs);
  }

  /** @internal The parts of this version, for {@link IndexWriter.restore}. */
  version(): readonly [readonly Layer[], readonly ReadonlySet<StoredAtom>[], number] {
    return [this.layers, this.tombs, this.live];
  }

  /** True when `entry` was removed by a layer above its own. */
  protected buried(entry: StoredAtom): boolean {
    const t = this.tombs;
    for (let i = 0; i < t.length; i++) if (t[i]!.has(entry)) return true;
    return false;
  }
}

/** A version of the index that never changes. */
export class FrozenIndex extends LayeredReader {}

/** The live index. */
export class IndexWriter extends LayeredReader {
  private nextId = 1;
  /** The version handed out last, while no write has happened since. */
  private lastFrozen: FrozenIndex | undefined;
  /** Grows with every change, restores included. */
  revision = 0;
  /** Reused buffer of index keys, to spare an allocation per change. */
  private readonly keyBuffer: number[] = [];
  /** Reused buffer of the buckets of those keys in one layer. */
  private readonly bucketBuffer: Bucket[] = [];

  constructor() {
    super([new Layer(1)], [], 0);
  }

  /** Stores one more occurrence of `atom`. */
  add(atom: Atom): void {
    const top = this.writableTop();
    const keys = this.keyBuffer;
    keys.length = 0;
    const shaped = storedKeys(atom, keys);
    top.add(new StoredAtom(this.nextId++, atom), keys, shaped);
    this.live++;
    this.revision++;
    this.lastFrozen = undefined;
    if (this.layers.length > 1) this.settle();
  }

  /**
   * Removes one stored occurrence equal to `atom` (the latest added), returning the atom as
   * it was stored, or undefined when there is none.
   */
  remove(atom: Atom): Atom | undefined {
    const keys = this.keyBuffer;
    keys.length = 0;
    const shaped = storedKeys(atom, keys);
    let entry: StoredAtom | undefined;
    let foundIn: Layer | undefined;
    for (let i = this.layers.length - 1; i >= 0 && entry === undefined; i--) {
      foundIn = this.layers[i]!;
      entry = this.findIn(foundIn, atom, keys);
    }
    if (entry === undefined) return undefined;
    const top = this.writableTop();
    if (entry.id >= top.firstId) {
      // The buckets looked up by findIn are still current unless a merge made a new top.
      top.delete(entry, keys, shaped, top === foundIn ? this.bucketBuffer : undefined);
    } else {
      const fresh = top.removed === undefined;
      top.bury(entry);
      if (fresh) this.tombs = [...this.tombs, top.removed!];
    }
    this.live--;
    this.revision++;
    this.lastFrozen = undefined;
    if (this.layers.length > 1) this.settle();
    return entry.atom;
  }

  /** The current contents as a version that later writes leave alone. O(1). */
  freeze(): FrozenIndex {
    if (this.lastFrozen === undefined) {
      this.layers[this.layers.length - 1]!.frozen = true;
      this.lastFrozen = new FrozenIndex(this.layers, this.tombs, this.live);
    }
    return this.lastFrozen;
  }

  /**
   * Makes `version` (handed out by {@link freeze} of this index) the current contents again,
   * dropping every write since. O(1): frozen layers are never changed, so they are shared
   * again as they are; the next write starts a new top layer above them.
   */
  restore(version: FrozenIndex): void {
    [this.layers, this.tombs, this.live] = version.version();
    this.revision++;
    this.lastFrozen = version;
  }

  /** The latest live occurrence equal to `atom` in `layer` (filed under `keys`). */
  private findIn(layer: Layer, atom: Atom, keys: readonly number[]): StoredAtom | undefined {
    // An equal atom is filed under exactly the same keys, so the smallest of them is searched.
    let smallest: Bucket;
    let least = Infinity;
    const buckets = this.bucketBuffer;
    buckets.length = 0;
    for (let i = 0; i < keys.length; i++) {
      const b = layer.bucket(keys[i]!);
      buckets.push(b);
      const n = layer.count(b);
      if (n === 0) return undefined;
      if (n < least) {
        least = n;
        smallest = b;
      }
    }
    const checkTombs = this.tombs.length > 0;
    return bucketFindLast(smallest, (e) => atomEq(e.atom, atom) && !(checkTombs && this.buried(e)));
  }

  /** The top layer, after starting a new one if the top is frozen. */
  private writableTop(): Layer {
    const top = this.layers[this.layers.length - 1]!;
    if (!top.frozen) return top;
    this.settle();
    const settled = this.layers[this.layers.length - 1]!;
    if (!settled.frozen) return settled;
    const fresh = new Layer(this.nextId);
    this.layers = [...this.layers, fresh];
    return fresh;
  }

  /** Merges the top two layers while the lower is at most twice the weight of the upper. */
  private settle(): void {
    let ls = this.layers;
    while (ls.length > 1 && ls[ls.length - 2]!.weight <= 2 * ls[ls.length - 1]!.weight) {
      ls = [...ls.slice(0, -2), mergeLayers(ls[ls.length - 2]!, ls[ls.length - 1]!)];
    }
    if (ls === this.layers) return;
    this.layers = ls;
    const tombs: ReadonlySet<StoredAtom>[] = [];
    for (const l of ls) if (l.removed !== undefined) tombs.push(l.removed);
    this.tombs = tombs;
  }
}

/**
 * The occurrences of several buckets merged into id order (the order they were added), each
 * once, skipping those in a tombstone set. Built per query, so it holds only references; the
 * walk happens when it is iterated.
 */
class AtomUnion implements Iterable<Atom> {
  constructor(
    private readonly buckets: readonly Bucket[],
    private readonly tombs: readonly ReadonlySet<StoredAtom>[],
  ) {}

  [Symbol.iterator](): Iterator<Atom> {
    const cursors: BucketCursor[] = [];
    for (const b of this.buckets) if (b !== undefined) cursors.push(new BucketCursor(b));
    if (cursors.length === 1 && this.tombs.length === 0) return new SingleIterator(cursors[0]!);
    return new MergeIterator(cursors, this.tombs);
  }
}

class SingleIterator implements Iterator<Atom> {
  constructor(private readonly cursor: BucketCursor) {}
  next(): IteratorResult<Atom> {
    const h = this.cursor.head;
    if (h === undefined) return { value: undefined, done: true };
    this.cursor.advance();
    return { value: h.atom, done: false };
  }
}

class MergeIterator implements Iterator<Atom> {
  private lastId = 0;
  constructor(
    private readonly cursors: readonly BucketCursor[],
    private readonly tombs: readonly ReadonlySet<StoredAtom>[],
  ) {}

  next(): IteratorResult<Atom> {
    for (;;) {
      let min: BucketCursor | undefined;
      for (const c of this.cursors) {
        if (c.head !== undefined && (min === undefined || c.head.id < min.head!.id)) min = c;
      }
      if (min === undefined) return { value: undefined, done: true };
      const h = min.head!;
      min.advance();
      // Buckets sharing a key hash (or one bucket listed twice) yield an occurrence again.
      if (h.id === this.lastId) continue;
      this.lastId = h.id;
      if (this.isBuried(h)) continue;
      return { value: h.atom, done: false };
    }
  }

  private isBuried(e: StoredAtom): boolean {
    for (const t of this.tombs) if (t.has(e)) return true;
    return false;
  }
}
