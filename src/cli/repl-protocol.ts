/**
 * Messages between the REPL's terminal side (main thread) and its evaluation engine (a
 * worker with a large stack). One channel carries everything, so program output, results
 * and the end of a request arrive in the order they happened.
 *
 * @module
 */

/** What the terminal asks the engine to do. */
export type EngineRequest =
  | { readonly id: number; readonly kind: 'input'; readonly text: string }
  | { readonly id: number; readonly kind: 'load'; readonly path: string }
  | { readonly id: number; readonly kind: 'type'; readonly text: string }
  | { readonly id: number; readonly kind: 'time'; readonly text: string }
  | { readonly id: number; readonly kind: 'trace'; readonly text: string }
  | { readonly id: number; readonly kind: 'space' }
  | { readonly id: number; readonly kind: 'reset' }
  | { readonly id: number; readonly kind: 'undo' }
  | { readonly id: number; readonly kind: 'complete'; readonly prefix: string };

/** What the engine sends back; every request ends with exactly one `done`. */
export type EngineReply =
  | { readonly kind: 'stdout' | 'stderr'; readonly text: string }
  | { readonly kind: 'result'; readonly text: string; readonly isError: boolean }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'failure'; readonly text: string }
  | { readonly kind: 'done'; readonly id: number; readonly completions?: readonly string[] };

/** Data the engine worker starts with. */
export interface EngineData {
  /** One Int32 slot: the terminal stores 1 to interrupt the evaluation in progress. */
  readonly interrupt: SharedArrayBuffer;
  /** Step limit per evaluation (0: none). */
  readonly maxSteps: number;
}
