/**
 * The `rhizome` command line: `rhizome FILE`, `rhizome run FILE`, `--help`, `--version`.
 * This is the only part of Rhizome that touches the terminal and the process.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { Worker, isMainThread } from 'node:worker_threads';
import { Command, CommanderError } from 'commander';
import { runFile } from './run-file.js';

/**
 * Atoms are trees and the helpers that walk them (matching, printing, type inference) recurse,
 * so a program that builds a 100k-deep list needs far more stack than Node's main thread has.
 * The command therefore runs on a worker thread with a large stack; raising `--stack-size`
 * instead would crash the process once it passes the real thread stack.
 */
const STACK_MB = 512;

if (isMainThread && process.env['RHIZOME_MAIN_THREAD'] === undefined) {
  const worker = new Worker(new URL(import.meta.url), {
    argv: process.argv.slice(2),
    resourceLimits: { stackSizeMb: STACK_MB },
  });
  worker.on('exit', (code) => {
    process.exitCode = code;
  });
  worker.on('error', (e) => {
    process.stderr.write(`rhizome: internal error: ${e.message}\n`);
    process.exitCode = 3;
  });
} else {
  await main();
}

async function main(): Promise<void> {

  const io = {
    stdout: (text: string) => void process.stdout.write(text),
    stderr: (text: string) => void process.stderr.write(text),
  };

  function version(): string {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  }

  async function runCommand(file: string, opts: { steps?: string }): Promise<void> {
    const maxSteps = opts.steps === undefined ? 0 : Number(opts.steps);
    if (!Number.isInteger(maxSteps) || maxSteps < 0) {
      io.stderr(`rhizome: --steps expects a whole number, got ${opts.steps}\n`);
      process.exitCode = 2;
      return;
    }
    process.exitCode = await runFile(file, io, { maxSteps });
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
    .action(runCommand);

  program
    .argument('[file]', 'a MeTTa file to run (same as `rhizome run FILE`)')
    .option('--steps <n>', 'stop each evaluation after n steps')
    .action(async (file: string | undefined, opts: { steps?: string }) => {
      if (file === undefined) {
        program.outputHelp();
        return;
      }
      await runCommand(file, opts);
    });

  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) process.exitCode = e.exitCode === 0 ? 0 : 2;
    else throw e;
  }
}
