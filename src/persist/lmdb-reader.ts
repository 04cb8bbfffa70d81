/**
 * Reading an LMDB space: candidates through the on-disk index, iteration, queries. Shared by
 * the live {@link LmdbSpace} and its snapshots, which differ only in the transaction they
 * read through.
 *
 * A query never loads the space. `candidateBuckets` (the same choice of index buckets the
 * in-memory space makes) picks the smallest buckets the pattern's ground parts allow,
 * comparing their sizes by LMDB's duplicate counts; the ids in those buckets are read from the
 * index, and only those atoms are fetched and decoded.
 *
 * @module
 */
import type { Atom } from '../atomspace/atom.js';
import { Bindings } from '../atomspace/bindings.js';
import type { ReadableSpace } from '../atomspace/space.js';
import { candidateBuckets, type BucketSource } from '../atomspace/space-keys.js';
import { querySpace } from '../atomspace/space-query.js';
import type { Transaction } from 'lmdb';
import { decodeAtom } from './binary-codec.js';
import type { LmdbStore } from './lmdb-store.js';
import { PersistError } from './persist-error.js';

/** Whether the space a view belongs to has been closed (shared by the space and its snapshots). */
export interface OpenState {
  closed: boolean;
}

/** The read side of an LMDB space. */
export abstract class LmdbReader implements ReadableSpace {
  /** The printed name: `LmdbSpace-<name>`. */
  readonly name: string;
  /** @internal */
  protected readonly store: LmdbStore;
  /** @internal */
  protected readonly state: OpenState;
  private readonly buckets: BucketSource<number>;

  /** @internal */
  protected constructor(name: string, store: LmdbStore, state: OpenState) {
    this.name = name;
    this.store = store;
    this.state = state;
    const index = store.index;
    const reader = this;
    this.buckets = {
      // Index keys are signed 32-bit hashes; the database keys them as unsigned.
      bucket: (key) => key >>> 0,
      count: (key) => index.getValuesCount(key, this.readOptions()),
      get mayHoldOpen() {
        return reader.holdsOpen();
      },
    };
  }

  /** Number of stored atoms (duplicates counted). */
  abstract get size(): number;

  /** @internal False when no stored atom is filed under the any-shape or open-head keys. */
  protected abstract holdsOpen(): boolean;

  /** @internal The stored record of atom `id`, or undefined when there is none. */
  protected abstract fetch(id: number): Uint8Array | undefined;

  /** @internal Options naming the read transaction, fresh per call (lmdb writes into them). */
  protected abstract readOptions(): { transaction?: Transaction };

  /** @internal Throws when the space is closed. */
  protected checkOpen(): void {
    if (this.state.closed) throw new PersistError(`the LMDB space ${this.name} is closed`);
  }

  /** Every stored atom, in the order added, read lazily from disk. */
  atoms(): Iterable<Atom> {
    this.checkOpen();
    return this.store.atoms.getRange(this.readOptions()).map((entry) => decodeAtom(entry.value));
  }

  /**
   * Stored atoms that may unify with `pattern` (a superset), in the order added, read from
   * the smallest index buckets the pattern allows; every atom when the pattern's shape is
   * open (a variable, or an expression with a variable head).
   */
  candidates(pattern: Atom): Iterable<Atom> {
    this.checkOpen();
    const keys: number[] = [];
    if (!candidateBuckets(pattern, this.buckets, keys)) return this.atoms();
    const ids = this.bucketIds(keys);
    return {
      [Symbol.iterator]: () => this.fetchAll(ids),
    };
  }

  /** Every answer to `pattern` (see `ReadableSpace.query`). */
  query(pattern: Atom, base: Bindings = Bindings.EMPTY): Bindings[] {
    return querySpace(this, pattern, base);
  }

  /** How the space prints as an atom. */
  describe(): string {
    return 'LmdbSpace-' + this.name;
  }

  /** The ids filed under any of `keys`, ascending, each once. */
  private bucketIds(keys: readonly number[]): number[] {
    const index = this.store.index;
    if (keys.length === 1) return [...index.getValues(keys[0]!, this.readOptions())];
    const all: number[] = [];
    for (const k of keys) for (const id of index.getValues(k, this.readOptions())) all.push(id);
    all.sort((a, b) => a - b);
    let n = 0;
    // Two keys may share a hash, listing an id twice.
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
    all.length = n;
    return all;
  }

  private *fetchAll(ids: readonly number[]): Generator<Atom, void, undefined> {
    for (const id of ids) {
      const bytes = this.fetch(id);
      // Removed since the ids were read (a write between reading the index and iterating).
      if (bytes !== undefined) yield decodeAtom(bytes);
    }
  }
}
