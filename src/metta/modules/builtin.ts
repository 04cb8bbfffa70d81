/**
 * The modules that ship inside Rhizome and load with `!(import! &self <name>)` (§5.14).
 * Only modules that need nothing from the host live here; `fileio`, which needs Node's
 * file system, is added by the Node platform (`../platform-node.ts`).
 *
 * @module
 */
import type { Atom } from '../../atomspace/atom.js';
import type { GroundedOp } from '../grounded.js';
import { JSON_MODULE_METTA, jsonModule } from './json.js';
import { RANDOM_MODULE_METTA, randomModule } from './random.js';

/** A built-in module: its operations, its extra tokens, and MeTTa source run when it loads. */
export interface BuiltinModule {
  readonly ops: readonly GroundedOp[];
  readonly tokens: ReadonlyArray<readonly [string, Atom]>;
  readonly source?: string;
}

/**
 * The built-in modules by name: the portable ones (`random`, `json`) followed by
 * `platformModules`. Each call makes fresh instances (one set per runner).
 */
export function builtinModules(platformModules: Iterable<readonly [string, BuiltinModule]> = []): Map<string, BuiltinModule> {
  return new Map<string, BuiltinModule>([
    ['random', { ...randomModule(), source: RANDOM_MODULE_METTA }],
    ['json', { ...jsonModule(), source: JSON_MODULE_METTA }],
    ...platformModules,
  ]);
}
