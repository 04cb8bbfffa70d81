/**
 * The `rhizome` command's program: argument parsing and the commands. It runs on the worker
 * thread that `main.ts` starts (or on the main thread with `RHIZOME_MAIN_THREAD` set).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { Command, CommanderError } from 'commander';
import { runFile } from './run-file.js';

/** Parses `process.argv` and runs the command; sets `process.exitCode`. */
export async function main(): Promise<void> {

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

// Started by main.ts as the worker's entry point.
if (!isMainThread) await main();
