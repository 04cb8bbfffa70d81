/**
 * The modules that ship inside Rhizome and load with `!(import! &self <name>)` (§5.14).
 *
 * @module
 */
import type { Atom } from '../../atomspace/atom.js';
import type { GroundedOp } from '../grounded.js';
import { FILEIO_MODULE_METTA, fileioModule } from './fileio.js';
import { JSON_MODULE_METTA, jsonModule } from './json.js';
import { RANDOM_MODULE_METTA, randomModule } from './random.js';

/** A built-in module: its operations, its extra tokens, and MeTTa source run when it loads. */
export interface BuiltinModule {
  readonly ops: readonly GroundedOp[];
  readonly tokens: ReadonlyArray<readonly [string, Atom]>;
  readonly source?: string;
}

/** The built-in modules by name; each call makes fresh instances (one set per runner). */
export function builtinModules(): Map<string, BuiltinModule> {
  return new Map<string, BuiltinModule>([
    ['random', { ...randomModule(), source: RANDOM_MODULE_METTA }],
    ['fileio', { ...fileioModule(), source: FILEIO_MODULE_METTA }],
    ['json', { ...jsonModule(), source: JSON_MODULE_METTA }],
  ]);
}
