/**
 * The in-memory space (§2.5): a multiset of atoms with indexes, stored in copy-on-write
 * layers (see `space-index.ts`) so that a snapshot costs O(1) and later writes never show
 * through it. Nothing here knows about MeTTa evaluation; any other kind of space (on disk,
 * distributed) can offer the same interface, and reuse {@link querySpace} for the query
 * semantics once it can list candidates.
 *
 * @module
 */
import type { Atom } from './atom.js';
import { Bindings } from './bindings.js';
import type { ReadableSpace, Space, SpaceEvent } from './space.js';
import { IndexWriter, type FrozenIndex } from './space-index.js';
import { querySpace } from './space-query.js';

let unnamed = 0;

/**
 * An in-memory space. Atoms are kept in the order added; queries read only the index buckets
 * their pattern's ground parts select (see `space-keys.ts`), so a query with a ground head or
 * argument does not scan the space.
 *
 * Iterating `atoms()` or `candidates()` while the space is being changed never fails and never
 * repeats an atom, but may or may not reflect the changes; iterate a {@link snapshot} for a
 * stable view.
 */
export class GroundingSpace implements Space {
  /** The name printed in `GroundingSpace-<name>`; unnamed spaces get a unique hex tag. */
  readonly name: string;
  private readonly index = new IndexWriter();
  private observers: readonly ((event: SpaceEvent) => void)[] = [];
  private lastSnapshot: GroundingSpaceSnapshot | undefined;

  constructor(name?: string) {
    this.name = name ?? '0x' + (++unnamed).toString(16).padStart(12, '0');
  }

  get size(): number {
    return this.index.size;
  }

  /** Grows with every change of the contents (see {@link ReadableSpace.revision}). */
  get revision(): number {
    return this.index.revision;
  }

  add(atom: Atom): void {
    this.index.add(atom);
    if (this.observers.length > 0) this.emit({ type: 'add', atom });
  }

  /** Removes one occurrence equal to `atom`; observers see the occurrence as it was stored. */
  remove(atom: Atom): boolean {
    const removed = this.index.remove(atom);
    if (removed === undefined) return false;
    if (this.observers.length > 0) this.emit({ type: 'remove', atom: removed });
    return true;
  }

  atoms(): Iterable<Atom> {
    return this.index.atoms();
  }

  candidates(pattern: Atom): Iterable<Atom> {
    return this.index.candidates(pattern);
  }

  query(pattern: Atom, base: Bindings = Bindings.EMPTY): Bindings[] {
    return querySpace(this.index, pattern, base);
  }

  snapshot(): ReadableSpace {
    const frozen = this.index.freeze();
    // Unchanged since the last snapshot: the same view serves.
    if (this.lastSnapshot?.index !== frozen) this.lastSnapshot = new GroundingSpaceSnapshot(this.name, frozen);
    return this.lastSnapshot;
  }

  /**
   * Runs `fn` on this space all or nothing: if it throws, the space goes back to its contents
   * before the call (order of atoms included) and the exception propagates; otherwise its
   * changes stay and its result is returned. Observers see each change as it happens and, on
   * a rollback, the inverse changes in reverse order, so a mirror they keep stays in step.
   * Transactions nest. `fn` must be synchronous: one that returns a promise is rolled back
   * and rejected with a `TypeError`, since writes after its first `await` could not be undone.
   */
  transaction<T>(fn: (space: this) => T): T {
    const before = this.index.freeze();
    const log: SpaceEvent[] = [];
    const stop = this.observe((event) => log.push(event));
    let result: T;
    try {
      result = fn(this);
      if (isThenable(result)) throw new TypeError('GroundingSpace.transaction: the function must be synchronous');
    } catch (e) {
      stop();
      this.rollback(before, log);
      throw e;
    }
    stop();
    return result;
  }

  private rollback(before: FrozenIndex, log: readonly SpaceEvent[]): void {
    this.index.restore(before);
    for (let i = log.length - 1; i >= 0 && this.observers.length > 0; i--) {
      const event = log[i]!;
      this.emit(event.type === 'add' ? { type: 'remove', atom: event.atom } : { type: 'add', atom: event.atom });
    }
  }

  observe(observer: (event: SpaceEvent) => void): () => void {
    // Observer lists are replaced, never changed, so a notification in progress is unaffected.
    this.observers = [...this.observers, observer];
    return () => {
      this.observers = this.observers.filter((o) => o !== observer);
    };
  }

  private emit(event: SpaceEvent): void {
    for (const o of this.observers) o(event);
  }
}

/** A read-only view of a {@link GroundingSpace} as it was when the snapshot was taken. */
export class GroundingSpaceSnapshot implements ReadableSpace {
  /** @internal Snapshots come from {@link GroundingSpace.snapshot}. */
  constructor(
    readonly name: string,
    /** @internal */
    readonly index: FrozenIndex,
  ) {}

  get size(): number {
    return this.index.size;
  }

  atoms(): Iterable<Atom> {
    return this.index.atoms();
  }

  candidates(pattern: Atom): Iterable<Atom> {
    return this.index.candidates(pattern);
  }

  query(pattern: Atom, base: Bindings = Bindings.EMPTY): Bindings[] {
    return querySpace(this.index, pattern, base);
  }
}

function isThenable(x: unknown): boolean {
  return typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';
}
