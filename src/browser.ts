/**
 * Rhizome for browsers (`rhizome/browser`, bundled as `dist/browser/rhizome.js`): the same
 * API as the Node entry, less what needs Node.js. A runner here prints to the console
 * unless given `io`, reads no files unless given a file host, and has the `random` and
 * `json` modules but not `fileio`.
 *
 * ```ts
 * import { MeTTa, MemoryModuleFiles, toJS } from 'rhizome/browser';
 *
 * const files = new MemoryModuleFiles({ 'lib.metta': '(= (double $x) (* 2 $x))' });
 * const runner = new MeTTa({ files, io: { stdout: (t) => show(t), stderr: (t) => show(t) } });
 * runner.run('!(import! &self lib) !(double 21)').results[1]!.map(toJS); // [42]
 * ```
 *
 * @module
 */

export * from './core.js';
