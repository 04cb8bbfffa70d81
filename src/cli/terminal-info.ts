/**
 * What the command knows about the terminal its stderr goes to. The command runs on a worker
 * thread, whose `process.stderr` is a pipe to the main thread whatever the real stream is,
 * so the main thread looks and passes the answer on.
 *
 * @module
 */

/** The stderr terminal, as the main thread sees it. */
export interface TerminalInfo {
  /** Whether stderr is a terminal. */
  readonly stderrIsTTY: boolean;
  /** Its width in columns, when it is a terminal. */
  readonly columns?: number;
}

/** Data the command's worker starts with. */
export interface CommandWorkerData {
  readonly terminal: TerminalInfo;
}

/** The current thread's view of stderr (the real one on the main thread). */
export function stderrTerminal(): TerminalInfo {
  const stderr = process.stderr;
  return stderr.isTTY === true ? { stderrIsTTY: true, columns: stderr.columns } : { stderrIsTTY: false };
}
