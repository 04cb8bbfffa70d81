/**
 * The browser platform: output to the console, no file access unless the runner is given
 * a file host, and no `fileio` module. The browser bundle uses this file in place of
 * `platform-node.ts`.
 *
 * @module
 */
import { NoModuleFiles } from './module-files.js';
import type { Platform, RunnerIO } from './platform.js';

/** Each write becomes one console message; a trailing newline is the console's own. */
const consoleIO: RunnerIO = {
  stdout: (text) => console.log(text.endsWith('\n') ? text.slice(0, -1) : text),
  stderr: (text) => console.error(text.endsWith('\n') ? text.slice(0, -1) : text),
};

/** The defaults of runners made in a browser. */
export const PLATFORM: Platform = {
  defaultIO: () => consoleIO,
  defaultFiles: () => new NoModuleFiles(),
  builtinModules: () => [],
  unavailableModules: new Map([['fileio', 'the fileio module needs a file system, which the browser build does not have']]),
};
