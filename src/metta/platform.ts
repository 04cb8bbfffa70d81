/**
 * What a runner takes from its host when its options leave it out: where output goes,
 * where module files come from, and the built-in modules that need the host.
 *
 * The runner imports the Node platform (`platform-node.ts`); the browser bundle
 * (`scripts/build-browser.mjs`) swaps in `platform-browser.ts` at that one import, so
 * the interpreter's own modules never name a Node built-in.
 *
 * @module
 */
import type { BuiltinModule } from './modules/builtin.js';
import type { ModuleFiles } from './module-files.js';

/** Where a program's output goes. */
export interface RunnerIO {
  /**
   * Receives what the program prints (`println!`, `help!`), with its own line breaks; give
   * the runner your own `io` to capture it.
   */
  stdout(text: string): void;
  /** Receives the program's diagnostic output (`trace!`), with its own line breaks. */
  stderr(text: string): void;
}

/** A host's defaults for a runner. */
export interface Platform {
  /** Output of a runner given no `io`. */
  defaultIO(): RunnerIO;
  /** File access of a runner given no `files`. */
  defaultFiles(): ModuleFiles;
  /** Built-in modules beyond the portable ones; fresh instances on each call. */
  builtinModules(): Array<readonly [string, BuiltinModule]>;
  /** Built-in modules this host cannot offer, by name, with the reason. */
  readonly unavailableModules: ReadonlyMap<string, string>;
}
