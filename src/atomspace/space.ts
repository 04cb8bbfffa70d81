/**
 * The space interface: what every store of atoms offers, whether it lives in memory, in a
 * database, or across peers. The interpreter and the standard library use only this.
 *
 * @module
 */
import type { Atom } from './atom.js';
import type { Bindings } from './bindings.js';

/** A change seen by a space observer (see {@link Space.observe}), e.g. to keep a mirror or an index in step. */
export type SpaceEvent =
  | {
      /** One occurrence of `atom` was added. */
      readonly type: 'add';
      /** The atom added, as stored. */
      readonly atom: Atom;
    }
  | {
      /** One occurrence of `atom` was removed. */
      readonly type: 'remove';
      /** The atom removed, as it was stored. */
      readonly atom: Atom;
    };

/** Read access to a space: queries and iteration. Snapshots offer only this. */
export interface ReadableSpace {
  /** Number of stored atoms (duplicates counted). */
  readonly size: number;
  /**
   * Every answer to `pattern` (§2.5): one bindings set per matching stored atom, stored
   * variables renamed per query, bindings narrowed to the pattern's variables. A pattern
   * `(, p1 p2 …)` is a conjunction. Answers are merged with `base` when given.
   */
  query(pattern: Atom, base?: Bindings): Bindings[];
  /**
   * Stored atoms that might unify with `pattern`, as stored (variables not renamed), chosen
   * through the indexes. A superset of the real matches: the caller unifies. This is the
   * interpreter's fast path for equation lookup.
   */
  candidates(pattern: Atom): Iterable<Atom>;
  /** Every stored atom, as stored. */
  atoms(): Iterable<Atom>;
  /** A printable name for the space. */
  readonly name: string;
  /** How the space prints as an atom, when not `GroundingSpace-<name>`. */
  describe?(): string;
  /**
   * A number that grows with every change of the contents, if the space keeps one. Readers
   * may cache what they derived from the space (the interpreter caches type declarations)
   * for as long as it stays the same; a space without it is read afresh every time.
   */
  readonly revision?: number;
}

/** A space that can be changed. */
export interface Space extends ReadableSpace {
  /** Adds one occurrence of `atom` (spaces are multisets). */
  add(atom: Atom): void;
  /** Removes one occurrence equal to `atom`; false when there was none. */
  remove(atom: Atom): boolean;
  /**
   * A read-only view of the current contents that later writes do not change. A
   * `GroundingSpace` takes one in O(1), whatever its size; a custom space should make it
   * cheap too: callers take one whenever they need a stable state, and the REPL takes one
   * before every input it runs, so that `:undo` can go back to it.
   */
  snapshot(): ReadableSpace;
  /** Calls `observer` on every add and remove; returns a function that stops it. */
  observe(observer: (event: SpaceEvent) => void): () => void;
}
