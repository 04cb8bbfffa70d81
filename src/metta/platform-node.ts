/**
 * The Node.js platform: output to the process's streams, module files from the local
 * file system, and the `fileio` module.
 *
 * @module
 */
import { FILEIO_MODULE_METTA, fileioModule } from './modules/fileio.js';
import { NodeModuleFiles } from './module-files-node.js';
import type { Platform, RunnerIO } from './platform.js';

const processIO: RunnerIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** The defaults of runners made under Node.js. */
export const PLATFORM: Platform = {
  defaultIO: () => processIO,
  defaultFiles: () => new NodeModuleFiles(),
  builtinModules: () => [['fileio', { ...fileioModule(), source: FILEIO_MODULE_METTA }]],
  unavailableModules: new Map(),
};
