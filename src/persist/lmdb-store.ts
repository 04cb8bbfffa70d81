/**
 * The LMDB environment behind an {@link LmdbSpace}: opening it, its three databases, and the
 * counters kept in its metadata. Node only.
 *
 * Layout (one LMDB environment, a directory):
 * - `atoms`: atom id (a number, increasing, never reused) → the atom's binary record;
 * - `index` (sorted duplicates): index key (a `space-keys.ts` hash, as uint32) → ids of the
 *   atoms filed under it, ascending, so a bucket lists its atoms in the order added;
 * - `meta`: the format version and the counters `size`, `nextId` and `open` (atoms filed
 *   under the any-shape or open-head keys).
 *
 * The `lmdb` package is loaded when the first database is opened, not when this module is
 * imported: its native addon then costs nothing to programs that never open one, and a
 * platform without a prebuilt addon can still use everything else.
 *
 * @module
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Database, RootDatabase } from 'lmdb';
import { PersistError } from './persist-error.js';

/** Version of the database layout written by this module. */
export const LMDB_LAYOUT_VERSION = 1;

type LmdbModule = typeof import('lmdb');
let lmdbModule: LmdbModule | undefined;

function lmdb(): LmdbModule {
  if (lmdbModule === undefined) {
    try {
      lmdbModule = createRequire(import.meta.url)('lmdb') as LmdbModule;
    } catch (e) {
      throw new PersistError(`the lmdb package could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return lmdbModule;
}

/** Options of the environment. */
export interface LmdbStoreOptions {
  /** Bytes of address space to map; LMDB grows it as needed when not given. */
  readonly mapSize?: number;
  /**
   * Commit without flushing to disk: much faster writes that still survive the process
   * being killed (the OS holds the pages), but not a power loss or OS crash.
   */
  readonly noSync?: boolean;
  /** Open for reading only; writes throw. */
  readonly readOnly?: boolean;
}

/** The counters of the metadata database. */
export interface StoreCounters {
  size: number;
  nextId: number;
  open: number;
}

/** An open environment with its databases. */
export class LmdbStore {
  private constructor(
    readonly path: string,
    readonly env: RootDatabase,
    readonly atoms: Database<Uint8Array, number>,
    readonly index: Database<number, number>,
    readonly meta: Database<number, string>,
  ) {}

  /** Opens (creating when missing, unless read-only) the environment at `path`, a directory. */
  static open(path: string, options: LmdbStoreOptions = {}): LmdbStore {
    if (options.readOnly !== true) mkdirSync(path, { recursive: true });
    let env: RootDatabase;
    try {
      env = lmdb().open({
        path,
        maxDbs: 4,
        noSubdir: false,
        ...(options.mapSize === undefined ? {} : { mapSize: options.mapSize }),
        ...(options.noSync === true ? { noSync: true } : {}),
        ...(options.readOnly === true ? { readOnly: true } : {}),
      });
    } catch (e) {
      throw new PersistError(`cannot open the LMDB database at ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const store = new LmdbStore(
      path,
      env,
      env.openDB<Uint8Array, number>({ name: 'atoms', encoding: 'binary' }),
      env.openDB<number, number>({ name: 'index', dupSort: true, encoding: 'ordered-binary', keyEncoding: 'uint32' }),
      env.openDB<number, string>({ name: 'meta', encoding: 'ordered-binary' }),
    );
    store.checkLayout(options.readOnly === true);
    return store;
  }

  /** Refuses a database of another layout; stamps a new one with this layout. */
  private checkLayout(readOnly: boolean): void {
    const layout = this.meta.get('layout');
    if (layout === undefined) {
      if (readOnly) return;
      this.env.transactionSync(() => {
        if (this.meta.get('layout') === undefined) this.meta.putSync('layout', LMDB_LAYOUT_VERSION);
      });
    } else if (layout !== LMDB_LAYOUT_VERSION) {
      void this.env.close();
      throw new PersistError(`the database at ${this.path} has layout ${layout}; this version reads layout ${LMDB_LAYOUT_VERSION}`);
    }
  }

  /** The counters as of the current transaction (the open write one, when inside it). */
  readCounters(): StoreCounters {
    return {
      size: this.meta.get('size') ?? 0,
      nextId: this.meta.get('nextId') ?? 1,
      open: this.meta.get('open') ?? 0,
    };
  }

  /** Stores the counters; only inside a write transaction. */
  writeCounters(c: StoreCounters): void {
    this.meta.putSync('size', c.size);
    this.meta.putSync('nextId', c.nextId);
    this.meta.putSync('open', c.open);
  }

  /** Closes the environment, after pending writes. */
  close(): Promise<void> {
    return this.env.close();
  }
}
