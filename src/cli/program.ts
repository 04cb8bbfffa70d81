/**
 * The `rhizome` command's program: argument parsing and the commands. It runs on the worker
 * thread that `main.ts` starts (or on the main thread with `RHIZOME_MAIN_THREAD` set), except
 * for the REPL, which `main.ts` keeps on the main thread: it needs the terminal. Commands load
 * their modules on demand, so the REPL's thread never loads the interpreter.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { Command, CommanderError } from 'commander';
import { descriptorIO } from './fd-output.js';
import { stderrTerminal, type CommandWorkerData } from './terminal-info.js';

/** Parses `process.argv` and runs the command; sets `process.exitCode`. */
export async function main(): Promise<void> {
  // Synchronous writes: see fd-output.ts for why a worker cannot use `process.stdout`.
  const io = descriptorIO();
  const terminal = isMainThread ? stderrTerminal() : ((workerData as CommandWorkerData | undefined)?.terminal ?? { stderrIsTTY: false });

  function version(): string {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  }

  /** The `--steps` value, or undefined (after reporting it) when it is not a whole number. */
  function parseSteps(steps: string | undefined): number | undefined {
    const maxSteps = steps === undefined ? 0 : Number(steps);
    if (!Number.isInteger(maxSteps) || maxSteps < 0) {
      io.stderr(`rhizome: --steps expects a whole number, got ${steps}\n`);
      process.exitCode = 2;
      return undefined;
    }
    return maxSteps;
  }

  async function runCommand(file: string, opts: RunFlags): Promise<void> {
    const maxSteps = parseSteps(opts.steps);
    if (maxSteps === undefined) return;
    const json = opts.json === true;
    const trace = opts.trace === true;
    // Loaded on demand: the REPL's terminal thread must not load the interpreter.
    const { runFile } = await import('./run-file.js');
    const { progressWanted, terminalProgress } = await import('./progress-bar.js');
    const showBar = progressWanted({ stderrIsTTY: terminal.stderrIsTTY, env: process.env, json, trace, disabled: opts.progress === false });
    const progress = showBar ? terminalProgress({ write: io.stderr, columns: terminal.columns }, basename(file)) : undefined;
    process.exitCode = await runFile(file, io, { maxSteps, json, trace, progress });
  }

  async function replCommand(opts: { steps?: string }): Promise<void> {
    // `rhizome repl --steps n`: the top-level `--steps` takes the value before `repl` sees it.
    const maxSteps = parseSteps(opts.steps ?? (program.opts() as { steps?: string }).steps);
    if (maxSteps === undefined) return;
    if (!isMainThread) {
      // Workers have no terminal; main.ts keeps REPL command lines on the main thread.
      io.stderr('rhizome: the REPL must run on the main thread\n');
      process.exitCode = 3;
      return;
    }
    const { startRepl } = await import('./repl.js');
    process.exitCode = await startRepl({ maxSteps });
  }

  const program = new Command()
    .name('rhizome')
    .description('Run MeTTa programs')
    .version(version(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('run <file>', { isDefault: false })
    .description('run a MeTTa file and print one line of results per `!`')
    .option('--steps <n>', 'stop each evaluation after n steps')
    .option('--json', 'print one JSON object per `!`: the atom, its printed results and their values')
    .option('--trace', 'write every reduction step to stderr as `call -> value`')
    .option('--no-progress', 'never show a progress bar while reading a large file')
    .action(runCommand);

  program
    .command('repl')
    .description('start an interactive session (the default when no file is given)')
    .option('--steps <n>', 'stop each evaluation after n steps')
    .action(replCommand);

  program
    .argument('[file]', 'a MeTTa file to run (same as `rhizome run FILE`); none starts the REPL')
    .option('--steps <n>', 'stop each evaluation after n steps')
    .option('--json', 'print one JSON object per `!`: the atom, its printed results and their values')
    .option('--trace', 'write every reduction step to stderr as `call -> value`')
    .option('--no-progress', 'never show a progress bar while reading a large file')
    .action(async (file: string | undefined, opts: RunFlags) => {
      if (file === undefined) await replCommand(opts);
      else await runCommand(file, opts);
    });

  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) process.exitCode = e.exitCode === 0 ? 0 : 2;
    else throw e;
  }
}

// Started by main.ts as the worker's entry point.
if (!isMainThread) await main();

/** The options of `rhizome FILE` and `rhizome run FILE`, as commander parses them. */
interface RunFlags {
  steps?: string;
  json?: boolean;
  trace?: boolean;
  /** False with `--no-progress`. */
  progress?: boolean;
}
