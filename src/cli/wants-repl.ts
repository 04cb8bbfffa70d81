/**
 * Whether a command line starts the REPL, decided before any heavy module loads: the
 * launcher needs to know, because the REPL's terminal side must run on the main thread
 * (worker threads have no TTY), while `rhizome FILE` runs on a large-stack worker.
 *
 * @module
 */

/** Options of the command that take a value (their value is not a file name). */
const VALUE_OPTIONS = new Set(['--steps']);

/**
 * True for `rhizome`, `rhizome repl …` and option-only lines like `rhizome --steps 9`;
 * false when a file is named or help or the version is asked for.
 */
export function wantsRepl(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-h' || a === '--help' || a === '-v' || a === '--version' || a === 'help') return false;
    if (VALUE_OPTIONS.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    return a === 'repl';
  }
  return true;
}
