/**
 * The `rhizome` command line: `rhizome FILE`, `rhizome run FILE`, `rhizome [repl]`, `--help`, `--version`.
 * This is the only part of Rhizome that touches the terminal and the process.
 *
 * Atoms are trees and the helpers that walk them (matching, printing, type inference)
 * recurse, so a program that builds a 100k-deep list needs far more stack than Node's main
 * thread has. The command therefore runs on a worker thread with a large stack; raising
 * `--stack-size` instead would crash the process once it passes the real thread stack.
 * This file stays tiny so the main thread does not load the interpreter a second time.
 *
 * @module
 */
import { Worker, isMainThread } from 'node:worker_threads';
import { stderrTerminal, type CommandWorkerData } from './terminal-info.js';
import { wantsRepl } from './wants-repl.js';

const STACK_MB = 512;

// The REPL's terminal side stays here (workers have no TTY); it runs its own evaluation worker.
if (isMainThread && process.env['RHIZOME_MAIN_THREAD'] === undefined && !wantsRepl(process.argv.slice(2))) {
  const worker = new Worker(new URL('./program.js', import.meta.url), {
    argv: process.argv.slice(2),
    resourceLimits: { stackSizeMb: STACK_MB },
    workerData: { terminal: stderrTerminal() } satisfies CommandWorkerData,
  });
  worker.on('exit', (code) => {
    process.exitCode = code;
  });
  worker.on('error', (e) => {
    process.stderr.write(`rhizome: internal error: ${e.message}\n`);
    process.exitCode = 3;
  });
} else {
  const { main } = await import('./program.js');
  await main();
}
