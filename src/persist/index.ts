/**
 * Persistence of spaces: a binary form of atoms (exact, compact), a text dump in MeTTa
 * syntax, files holding either, and a durable space in an LMDB database.
 *
 * `binary-codec.ts`, `text-dump.ts` and `persist-error.ts` use no Node module and suit a
 * browser build; `space-files.ts` and the LMDB modules are Node only (the `lmdb` package itself
 * is loaded only when a database is opened).
 *
 * @module
 */
export { PersistError } from './persist-error.js';
export { BINARY_FORMAT_VERSION, encodeAtoms, decodeAtoms, encodeAtom, decodeAtom } from './binary-codec.js';
export {
  TEXT_FORMAT_VERSION,
  TEXT_DUMP_HEADER,
  dumpText,
  dumpTextLines,
  loadText,
  type TextDumpOptions,
  type TextLoadOptions,
} from './text-dump.js';
export { saveSpaceBinary, loadSpaceBinary, saveSpaceText, loadSpaceText } from './space-files.js';
export { LmdbSpace, LmdbSnapshot, type LmdbSpaceOptions, type AddAllOptions } from './lmdb-space.js';
export { LMDB_LAYOUT_VERSION, type LmdbStoreOptions } from './lmdb-store.js';
