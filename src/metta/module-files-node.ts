/**
 * The Node.js file host: module files are read from the local file system.
 *
 * @module
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MettaFileError, type ModuleFiles } from './module-files.js';

/** Reads module files from the local file system; relative paths start from the process's working directory. */
export class NodeModuleFiles implements ModuleFiles {
  currentDirectory(): string {
    return process.cwd();
  }
  resolve(dir: string, path: string): string {
    return resolve(dir, path);
  }
  dirname(path: string): string {
    return dirname(path);
  }
  isFile(path: string): boolean {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  }
  readText(path: string): string {
    try {
      return readFileSync(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
      throw new MettaFileError(`cannot read ${path}: ${why}`);
    }
  }
}
