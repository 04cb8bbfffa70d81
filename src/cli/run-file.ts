/**
 * Running a MeTTa file the way the `rhizome` command does: each `!` line printed as soon as
 * it is evaluated, errors reported in words, and an exit code that says how it ended.
 *
 * @module
 */
import { formatAtom } from '../atomspace/format.js';
import type { Atom } from '../atomspace/atom.js';
import { MeTTa, MettaFileError, type RunnerIO } from '../metta/runner.js';
import { MettaSyntaxError } from '../metta/syntax-error.js';
import { EvaluationStopped } from '../metta/interpreter/machine.js';

/** Exit codes of a run. */
export const EXIT_OK = 0;
/** The program stopped on an error result. */
export const EXIT_ERROR_RESULT = 1;
/** A parse error, or the file could not be read. */
export const EXIT_BAD_INPUT = 2;
/** Evaluation was stopped by a limit or an interrupt, or Rhizome itself failed. */
export const EXIT_STOPPED = 3;

/** The runner's line for one `!`: `[a, b]`. */
export function formatResults(results: readonly Atom[]): string {
  return '[' + results.map(formatAtom).join(', ') + ']';
}

/** Options of {@link runFile}. */
export interface RunFileOptions {
  /** Stop after this many evaluation steps per `!` (0: no limit). */
  readonly maxSteps?: number;
}

/**
 * Runs `path` with a fresh runner, writing result lines and program output to `io`.
 * Returns the exit code: 0 ran to the end, 1 stopped on an error result, 2 bad input.
 */
export async function runFile(path: string, io: RunnerIO, options: RunFileOptions = {}): Promise<number> {
  try {
    const metta = new MeTTa({ io, maxSteps: options.maxSteps });
    const outcome = metta.runFile(path, { onResult: (results) => io.stdout(formatResults(results) + '\n') });
    return outcome.stoppedOnError ? EXIT_ERROR_RESULT : EXIT_OK;
  } catch (e) {
    return reportFailure(e, io);
  }
}

/** Writes a failure as a message for people (no host stack trace) and picks the exit code. */
export function reportFailure(e: unknown, io: RunnerIO): number {
  if (e instanceof MettaSyntaxError) {
    io.stderr(e.format() + '\n');
    return EXIT_BAD_INPUT;
  }
  if (e instanceof MettaFileError) {
    io.stderr(`rhizome: ${e.message}\n`);
    return EXIT_BAD_INPUT;
  }
  if (e instanceof EvaluationStopped) {
    io.stderr(`rhizome: ${e.message}\n`);
    return EXIT_STOPPED;
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    io.stderr('rhizome: the program nests atoms too deeply for this stack; run with a larger --stack-size\n');
    return EXIT_STOPPED;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.stderr(`rhizome: internal error: ${message}\n`);
  if (process.env['RHIZOME_DEBUG'] && e instanceof Error) io.stderr(String(e.stack) + '\n');
  return EXIT_STOPPED;
}
