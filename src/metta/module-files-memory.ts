/**
 * An in-memory file host: module files are strings an application supplies, so a runner
 * without a file system (in a browser, say) can still `import!` and `include` them.
 *
 * @module
 */
import { MettaFileError, dirnamePosix, resolvePosix, type ModuleFiles } from './module-files.js';

/**
 * Module files held in memory, keyed by absolute `/`-separated paths. Relative paths
 * (in the constructor, {@link set} and the runner's calls) start from `/`, so
 * `new MemoryModuleFiles({ 'lib.metta': '...' })` lets a program run `!(import! &self lib)`.
 *
 * ```ts
 * const files = new MemoryModuleFiles({ 'geometry/module.metta': '(= (square $x) (* $x $x))' });
 * new MeTTa({ files }).run('!(import! &self geometry) !(square 7)'); // results: [[()], [49]]
 * ```
 */
export class MemoryModuleFiles implements ModuleFiles {
  private readonly texts = new Map<string, string>();

  /** A host holding `files`: path to text, as an object, a map or a list of pairs. */
  constructor(files: Readonly<Record<string, string>> | Iterable<readonly [string, string]> = {}) {
    const entries = Symbol.iterator in files ? (files as Iterable<readonly [string, string]>) : Object.entries(files);
    for (const [path, text] of entries) this.set(path, text);
  }

  /** Adds or replaces the file at `path`; returns this host. */
  set(path: string, text: string): this {
    this.texts.set(resolvePosix('/', path), text);
    return this;
  }

  /** The absolute paths of the files held, in the order they were first added. */
  paths(): string[] {
    return [...this.texts.keys()];
  }

  currentDirectory(): string {
    return '/';
  }
  resolve(dir: string, path: string): string {
    return resolvePosix(dir, path);
  }
  dirname(path: string): string {
    return dirnamePosix(path);
  }
  isFile(path: string): boolean {
    return this.texts.has(resolvePosix('/', path));
  }
  readText(path: string): string {
    const full = resolvePosix('/', path);
    const text = this.texts.get(full);
    if (text !== undefined) return text;
    const isDirectory = [...this.texts.keys()].some((p) => p.startsWith(full === '/' ? '/' : full + '/'));
    throw new MettaFileError(`cannot read ${path}: ${isDirectory ? 'it is a directory' : 'no such file'}`);
  }
}
