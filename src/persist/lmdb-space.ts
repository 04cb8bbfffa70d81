/**
 * A durable space on disk, in an LMDB database, for spaces larger than memory (Node only).
 *
 * Every write is an LMDB transaction: `add` and `remove` commit one each, `transaction(fn)`
 * commits all of `fn`'s writes at once, `addAll` commits in chunks. A committed write
 * survives the process being killed at any point; an interrupted one leaves no trace (LMDB
 * never shows a half-written transaction). Queries read only the index buckets their
 * pattern selects and the atoms in them (see `lmdb-reader.ts`), so memory use does not grow
 * with the space.
 *
 * Semantics follow {@link GroundingSpace}: a multiset (adding twice stores twice, removing
 * takes off the latest equal occurrence), atoms listed in the order added, stored variables
 * renamed per query, conjunctions `(, p1 p2 …)`.
 *
 * @module
 */
import { basename, resolve } from 'node:path';
import { atomEq, type Atom } from '../atomspace/atom.js';
import type { Space, SpaceEvent } from '../atomspace/space.js';
import { storedKeys } from '../atomspace/space-keys.js';
import type { Transaction } from 'lmdb';
import { decodeAtom, RecordEncoder } from './binary-codec.js';
import { LmdbReader, type OpenState } from './lmdb-reader.js';
import { LmdbStore, type LmdbStoreOptions, type StoreCounters } from './lmdb-store.js';
import { PersistError } from './persist-error.js';

/** Options of {@link LmdbSpace.open}. */
export interface LmdbSpaceOptions extends LmdbStoreOptions {
  /** The printed name (`LmdbSpace-<name>`); default: the directory's base name. */
  readonly name?: string;
  /** Atoms per transaction in {@link LmdbSpace.addAll}; default 10,000. */
  readonly chunkSize?: number;
}

/** Options of {@link LmdbSpace.addAll}. */
export interface AddAllOptions {
  /** Atoms per transaction; default: the space's `chunkSize`. */
  readonly chunkSize?: number;
  /** Called after each chunk commits, with the number of atoms of this call committed so far. */
  readonly onCommit?: (committed: number) => void;
}

/** The state of the write transaction in progress. */
interface WriteState extends StoreCounters {
  /** Changes to announce once the outermost transaction commits. */
  readonly events: SpaceEvent[];
}

const DEFAULT_CHUNK = 10_000;

/** Releases the read transactions of snapshots that were dropped without `release()`. */
const orphanedSnapshots = new FinalizationRegistry<SnapshotLease>((lease) => lease.release());

/** A snapshot's hold on its read transaction. */
class SnapshotLease {
  private held = true;
  constructor(
    private readonly txn: Transaction,
    private readonly leases: Set<SnapshotLease>,
  ) {
    leases.add(this);
  }
  get active(): boolean {
    return this.held;
  }
  release(): void {
    if (!this.held) return;
    this.held = false;
    this.leases.delete(this);
    try {
      this.txn.done();
    } catch {
      // The environment is closed: its read transactions are gone with it.
    }
  }
}

/**
 * A space stored in an LMDB database. Open one with {@link LmdbSpace.open}; bind it into a
 * runner with `runner.bind('&db', space)` to query it from MeTTa; close it when done.
 *
 * Writes are synchronous and durable when they return. Each `add` is a transaction of its
 * own, so a bulk load should use {@link LmdbSpace.addAll} (or wrap its writes in
 * {@link LmdbSpace.transaction}): one commit per chunk instead of per atom.
 */
export class LmdbSpace extends LmdbReader implements Space {
  private readonly encoder = new RecordEncoder();
  private readonly chunkSize: number;
  private readonly keyBuffer: number[] = [];
  private observers: readonly ((event: SpaceEvent) => void)[] = [];
  private writing: WriteState | undefined;
  private readonly leases = new Set<SnapshotLease>();

  private constructor(name: string, store: LmdbStore, chunkSize: number) {
    super(name, store, { closed: false });
    this.chunkSize = chunkSize;
  }

  /**
   * Opens the space stored in directory `path`, creating an empty one when there is none.
   * Throws {@link PersistError} when the directory holds a database of another layout.
   */
  static open(path: string, options: LmdbSpaceOptions = {}): LmdbSpace {
    const chunk = options.chunkSize ?? DEFAULT_CHUNK;
    if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`chunkSize must be a positive integer, not ${chunk}`);
    const store = LmdbStore.open(path, options);
    return new LmdbSpace(options.name ?? basename(resolve(path)), store, chunk);
  }

  /** The database directory. */
  get path(): string {
    return this.store.path;
  }

  /** True once {@link close} has been called. */
  get closed(): boolean {
    return this.state.closed;
  }

  /**
   * `LmdbSpace-<name>`, as {@link LmdbSpace.describe} gives it and MeTTa prints the space, so
   * that `${space}` in a log line names the space as MeTTa results do.
   */
  override toString(): string {
    return this.describe();
  }

  get size(): number {
    this.checkOpen();
    return this.writing?.size ?? this.store.meta.get('size') ?? 0;
  }

  /** Adds one occurrence of `atom`, durably. Throws {@link PersistError} for an atom without a binary form. */
  add(atom: Atom): void {
    if (this.writing !== undefined) this.put(atom);
    else this.transaction(() => this.put(atom));
  }

  /** Removes the latest occurrence equal to `atom`; false when there is none. */
  remove(atom: Atom): boolean {
    if (this.writing !== undefined) return this.delete(atom);
    return this.transaction(() => this.delete(atom));
  }

  /**
   * Adds every atom of `atoms`, committing one transaction per chunk; returns how many were
   * added. If an atom cannot be stored, the chunk holding it is rolled back, the earlier
   * chunks stay, and the {@link PersistError} propagates. Inside {@link transaction} the
   * atoms join that transaction instead.
   */
  addAll(atoms: Iterable<Atom>, options: AddAllOptions = {}): number {
    const chunk = options.chunkSize ?? this.chunkSize;
    if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`chunkSize must be a positive integer, not ${chunk}`);
    if (this.writing !== undefined) {
      let n = 0;
      for (const a of atoms) {
        this.put(a);
        n++;
      }
      return n;
    }
    const it = atoms[Symbol.iterator]();
    let total = 0;
    let finished = false;
    while (!finished) {
      const n = this.transaction(() => {
        let k = 0;
        while (k < chunk) {
          const step = it.next();
          if (step.done === true) {
            finished = true;
            break;
          }
          this.put(step.value);
          k++;
        }
        return k;
      });
      total += n;
      if (n > 0) options.onCommit?.(total);
    }
    return total;
  }

  /**
   * Runs `fn` as one LMDB transaction: all of its writes commit together when it returns, or
   * none when it throws (the exception propagates). Transactions nest: an inner one that
   * throws undoes only its own writes. Observers hear of the changes after the commit. `fn`
   * must be synchronous; one returning a promise is rolled back with a `TypeError`.
   */
  transaction<T>(fn: (space: this) => T): T {
    this.checkOpen();
    const outer = this.writing;
    if (outer !== undefined) return this.nested(outer, fn);
    const store = this.store;
    let state: WriteState | undefined;
    try {
      const result = store.env.transactionSync(() => {
        state = { ...store.readCounters(), events: [] };
        this.writing = state;
        const r = fn(this);
        if (isThenable(r)) throw new TypeError('LmdbSpace.transaction: the function must be synchronous');
        store.writeCounters(state);
        return r;
      });
      this.writing = undefined;
      for (const e of state!.events) this.emit(e);
      return result;
    } finally {
      this.writing = undefined;
    }
  }

  private nested<T>(outer: WriteState, fn: (space: this) => T): T {
    const { size, nextId, open } = outer;
    const events = outer.events.length;
    try {
      // Inside a write transaction lmdb runs this one as a child transaction, undone alone on a throw.
      return this.store.env.transactionSync(() => {
        const r = fn(this);
        if (isThenable(r)) throw new TypeError('LmdbSpace.transaction: the function must be synchronous');
        return r;
      });
    } catch (e) {
      outer.size = size;
      outer.nextId = nextId;
      outer.open = open;
      outer.events.length = events;
      throw e;
    }
  }

  /**
   * A read-only view of the committed contents, which later writes do not change: it holds
   * an LMDB read transaction (O(1) to take). Call its `release()` when done, since an open
   * read transaction keeps LMDB from reusing pages freed after it; one dropped without that
   * is released when garbage-collected. Not available inside {@link transaction}, whose
   * writes are not committed yet.
   */
  snapshot(): LmdbSnapshot {
    this.checkOpen();
    if (this.writing !== undefined) {
      throw new PersistError(`LmdbSpace ${this.name}: snapshot() inside a transaction would not show its uncommitted writes`);
    }
    const store = this.store;
    const txn = store.env.useReadTransaction();
    const lease = new SnapshotLease(txn, this.leases);
    const size = store.meta.get('size', { transaction: txn }) ?? 0;
    const open = store.meta.get('open', { transaction: txn }) ?? 0;
    const snap = new LmdbSnapshot(this.name, store, this.state, txn, lease, size, open > 0);
    orphanedSnapshots.register(snap, lease, lease);
    return snap;
  }

  /**
   * Reads from the latest committed state from now on. Reads outside a transaction go through
   * a read transaction that lmdb renews after this object's own commits and at each turn of
   * the event loop, so writes by another process (or another `LmdbSpace` on the same
   * directory) show up by the next turn; this shows them at once.
   */
  refresh(): void {
    this.checkOpen();
    if (this.writing === undefined) this.store.env.resetReadTxn();
  }

  /** Calls `observer` after each committed add and remove; returns a function that stops it. */
  observe(observer: (event: SpaceEvent) => void): () => void {
    this.observers = [...this.observers, observer];
    return () => {
      this.observers = this.observers.filter((o) => o !== observer);
    };
  }

  /**
   * Closes the database, releasing the snapshots still held (reading one afterwards throws).
   * Resolves once LMDB has closed it. Not allowed inside {@link transaction}.
   */
  async close(): Promise<void> {
    if (this.state.closed) return;
    if (this.writing !== undefined) throw new PersistError(`LmdbSpace ${this.name}: close() inside a transaction`);
    this.state.closed = true;
    for (const lease of [...this.leases]) lease.release();
    await this.store.close();
  }

  protected holdsOpen(): boolean {
    return (this.writing?.open ?? this.store.meta.get('open') ?? 0) > 0;
  }

  protected fetch(id: number): Uint8Array | undefined {
    // The reused buffer is only valid until the next read, and the caller decodes at once.
    return this.store.atoms.getBinaryFast(id);
  }

  protected readOptions(): { transaction?: Transaction } {
    return {};
  }

  /** Stores one occurrence; inside the write transaction. */
  private put(atom: Atom): void {
    const w = this.writing!;
    // Encoding first: an atom without a binary form throws before anything is written.
    const record = this.encoder.encode(atom);
    const keys = this.keyBuffer;
    keys.length = 0;
    const shaped = storedKeys(atom, keys);
    const id = w.nextId++;
    const { atoms, index } = this.store;
    atoms.putSync(id, record);
    for (let i = 0; i < keys.length; i++) index.putSync(keys[i]! >>> 0, id);
    w.size++;
    if (!shaped) w.open++;
    if (this.observers.length > 0) w.events.push({ type: 'add', atom });
  }

  /** Removes the latest occurrence equal to `atom`; inside the write transaction. */
  private delete(atom: Atom): boolean {
    const w = this.writing!;
    const keys = this.keyBuffer;
    keys.length = 0;
    const shaped = storedKeys(atom, keys);
    const { atoms, index } = this.store;
    // An equal atom is filed under exactly the same keys, so the smallest bucket is searched.
    let smallest = 0;
    let least = Infinity;
    for (const key of keys) {
      const n = index.getValuesCount(key >>> 0);
      if (n === 0) return false;
      if (n < least) {
        least = n;
        smallest = key >>> 0;
      }
    }
    let found: number | undefined;
    let stored: Atom | undefined;
    for (const id of index.getValues(smallest, { reverse: true })) {
      const bytes = atoms.getBinaryFast(id);
      if (bytes === undefined) continue;
      const candidate = decodeAtom(bytes);
      if (atomEq(candidate, atom)) {
        found = id;
        stored = candidate;
        break;
      }
    }
    if (found === undefined) return false;
    atoms.removeSync(found);
    for (const key of keys) index.removeSync(key >>> 0, found);
    w.size--;
    if (!shaped) w.open--;
    if (this.observers.length > 0) w.events.push({ type: 'remove', atom: stored! });
    return true;
  }

  private emit(event: SpaceEvent): void {
    for (const o of this.observers) o(event);
  }
}

/**
 * A read-only view of an {@link LmdbSpace} as it was when the snapshot was taken, read
 * through its own LMDB read transaction.
 */
export class LmdbSnapshot extends LmdbReader {
  /** @internal Snapshots come from {@link LmdbSpace.snapshot}. */
  constructor(
    name: string,
    store: LmdbStore,
    state: OpenState,
    private readonly txn: Transaction,
    private readonly lease: SnapshotLease,
    private readonly count: number,
    private readonly open: boolean,
  ) {
    super(name, store, state);
  }

  get size(): number {
    this.checkOpen();
    return this.count;
  }

  /** Ends the snapshot's read transaction; reading the snapshot afterwards throws. */
  release(): void {
    this.lease.release();
  }

  protected override checkOpen(): void {
    super.checkOpen();
    if (!this.lease.active) throw new PersistError(`this snapshot of LMDB space ${this.name} has been released`);
  }

  protected holdsOpen(): boolean {
    return this.open;
  }

  protected fetch(id: number): Uint8Array | undefined {
    // A one-key range, not a point get: lmdb's point reads prefer a write transaction in
    // progress over the one they are given, and a snapshot must never see one.
    for (const entry of this.store.atoms.getRange({ start: id, end: id, inclusiveEnd: true, transaction: this.txn })) {
      return entry.value;
    }
    return undefined;
  }

  protected readOptions(): { transaction?: Transaction } {
    return { transaction: this.txn };
  }
}

function isThenable(x: unknown): boolean {
  return typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';
}
