/**
 * Rhizome: a MeTTa interpreter and atomspace for TypeScript. This is the package's public
 * face under Node.js; everything an embedding program needs is exported from here. Browser
 * programs import `rhizome/browser`, which offers the same API without the file system.
 *
 * ```ts
 * import { MeTTa, metta, sym, toJS } from 'rhizome';
 *
 * const runner = new MeTTa();
 * runner.register('square', '(-> Number Number)', (x) => Number(toJS(x)) ** 2);
 * runner.run('!(square 3)').results.map((r) => r.map(toJS)); // [[9]]
 * runner.run('(= (twice $x) (* 2 $x))');
 * runner.evaluate(metta`(twice ${21})`).map(toJS); // [42]
 * ```
 *
 * @module
 */

// Everything that runs anywhere (shared with the browser entry, `rhizome/browser`)
export * from './core.js';

// Node.js only: module files from the local file system (the default file host under Node)
export { NodeModuleFiles } from './metta/module-files-node.js';

// Persistence to files and the durable LMDB space (the codec and the text dump, which use
// no Node module, come from core.ts; `lmdb` loads only when a database opens)
export {
  saveSpaceBinary,
  loadSpaceBinary,
  saveSpaceText,
  loadSpaceText,
  LmdbSpace,
  LmdbSnapshot,
  type LmdbSpaceOptions,
  type AddAllOptions,
  LMDB_LAYOUT_VERSION,
  type LmdbStoreOptions,
} from './persist/index.js';
