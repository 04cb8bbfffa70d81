/**
 * How a runner reaches MeTTa source files (`runFile`, `import!`, `include`,
 * `register-module!`): a small host interface, so that the interpreter itself needs no
 * file system. Node programs get `NodeModuleFiles` by default; browser programs get none
 * unless they hand the runner a host such as `MemoryModuleFiles`.
 *
 * @module
 */

/**
 * The file operations a runner needs. Paths are the host's own (on Node, the operating
 * system's); the runner only ever builds them with {@link resolve} and {@link dirname}.
 */
export interface ModuleFiles {
  /** The directory relative paths start from when nothing else is given. */
  currentDirectory(): string;
  /** `path` made absolute against the directory `dir` (unchanged if already absolute), normalised. */
  resolve(dir: string, path: string): string;
  /** The directory that holds `path`. */
  dirname(path: string): string;
  /** Whether a readable regular file exists at `path`. */
  isFile(path: string): boolean;
  /** The text of the file at `path`; throws a {@link MettaFileError} saying why when it cannot. */
  readText(path: string): string;
}

/** Raised when a program or module file cannot be read. */
export class MettaFileError extends Error {}

/**
 * The host of a runner that was given no file access (the browser default): it holds no
 * files, so `runFile` and imports of module files fail with an error that says how to
 * provide them.
 */
export class NoModuleFiles implements ModuleFiles {
  /** The error text's explanation of why nothing can be read. */
  static readonly REASON = 'this runner has no file access: pass a file host, such as a MemoryModuleFiles, as its `files` option';
  currentDirectory(): string {
    return '/';
  }
  resolve(dir: string, path: string): string {
    return resolvePosix(dir, path);
  }
  dirname(path: string): string {
    return dirnamePosix(path);
  }
  isFile(): boolean {
    return false;
  }
  readText(path: string): string {
    throw new MettaFileError(`cannot read ${path}: ${NoModuleFiles.REASON}`);
  }
}

/** `path` made absolute against `dir` with `/` separators, `.` and `..` segments removed. */
export function resolvePosix(dir: string, path: string): string {
  const full = path.startsWith('/') ? path : `${dir}/${path}`;
  const parts: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/** The directory of an absolute `/`-separated path (`/` for the root and its children). */
export function dirnamePosix(path: string): string {
  const normal = resolvePosix('/', path);
  const cut = normal.lastIndexOf('/');
  return cut <= 0 ? '/' : normal.slice(0, cut);
}
