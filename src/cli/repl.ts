/**
 * The interactive REPL (`rhizome` with no file, or `rhizome repl`): the terminal side. It
 * reads lines with `node:readline` (line editing, persistent history, Tab completion),
 * gathers them until parentheses and strings balance, and hands each input or command to
 * the evaluation engine on a worker thread. Keeping evaluation off this thread is what lets
 * Ctrl-C interrupt a long evaluation: this thread still reads the key and raises the shared
 * flag the engine polls.
 *
 * @module
 */
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import { isBalanced } from './balance.js';
import { colorsWanted, palette, type Palette } from './colors.js';
import { historyPath, HISTORY_SIZE, loadHistory, saveHistory } from './repl-history.js';
import type { EngineData, EngineReply, EngineRequest } from './repl-protocol.js';
import { REPL_COMMANDS } from './repl-session.js';

/** Settings of {@link startRepl}. */
export interface ReplOptions {
  /** Step limit per evaluation (0: none). */
  readonly maxSteps?: number;
}

/** Stack of the engine worker, as for `rhizome FILE` (see main.ts). */
const ENGINE_STACK_MB = 512;

const PROMPT = 'metta> ';
const CONTINUATION = '  ...> ';

type Request = EngineRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** Runs the REPL on the process's standard streams until the user leaves; returns the exit code. */
export function startRepl(options: ReplOptions = {}): Promise<number> {
  const interactive = process.stdin.isTTY === true;
  const colors = palette(colorsWanted(process.stdout.isTTY, process.env));
  const interrupt = new SharedArrayBuffer(4);
  const flag = new Int32Array(interrupt);
  const data: EngineData = { interrupt, maxSteps: options.maxSteps ?? 0 };
  const engine = new Worker(new URL('./repl-engine.js', import.meta.url), {
    workerData: data,
    resourceLimits: { stackSizeMb: ENGINE_STACK_MB },
  });

  let nextId = 1;
  let busy = false;
  const waiting = new Map<number, (completions: readonly string[] | undefined) => void>();
  engine.on('message', (reply: EngineReply) => {
    if (reply.kind === 'done') {
      busy = false;
      waiting.get(reply.id)?.(reply.completions);
      waiting.delete(reply.id);
    } else {
      show(reply, colors);
    }
  });

  // The engine dies only on a bug or when memory runs out; say so rather than hang.
  let engineFailed = false;
  const engineDied = (why: string): void => {
    if (engineFailed) return;
    engineFailed = true;
    process.stderr.write(colors.error(`rhizome: internal error: the evaluation engine stopped (${why})`) + '\n');
    for (const resolve of waiting.values()) resolve(undefined);
    waiting.clear();
    busy = false;
    rl.close();
  };
  engine.on('error', (e) => engineDied(e.message));
  engine.on('exit', (code) => engineDied(`exit code ${code}`));

  /** Sends one request; resolves when the engine has finished it. */
  function ask(request: Request): Promise<readonly string[] | undefined> {
    if (engineFailed) return Promise.resolve(undefined);
    const id = nextId++;
    busy = true;
    // Cleared here, not by the engine, so a Ctrl-C typed before it picks the request up counts.
    Atomics.store(flag, 0, 0);
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      engine.postMessage({ ...request, id } as EngineRequest);
    });
  }

  const history = historyPath(process.env);
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: interactive,
    history: interactive ? loadHistory(history) : [],
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
    prompt: colors.prompt(PROMPT),
    completer: (line: string, callback: (err: null, result: [string[], string]) => void) => {
      const word = /[^\s()]*$/.exec(line)![0];
      if (/^:\S*$/.test(line)) {
        callback(null, [REPL_COMMANDS.map(([c]) => c.split(' ')[0]!).filter((c) => c.startsWith(line)), line]);
      } else if (busy || word === '') {
        callback(null, [[], word]);
      } else {
        void ask({ kind: 'complete', prefix: word }).then((names) => callback(null, [[...(names ?? [])], word]));
      }
    },
  });
  if (interactive) rl.on('history', (lines: string[]) => saveHistory(history, lines));

  let pending = '';
  let queue: Promise<void> = Promise.resolve();

  let closed = false;

  function prompt(): void {
    // After Ctrl-D typed during an evaluation, a prompt would resume stdin, which then keeps
    // the process from ever exiting.
    if (!interactive || closed) return;
    rl.setPrompt(colors.prompt(pending === '' ? PROMPT : CONTINUATION));
    rl.prompt();
  }

  /** Runs one finished input or command; false when the user asked to leave. */
  async function execute(text: string): Promise<boolean> {
    const trimmed = text.trim();
    if (trimmed === '') return true;
    if (!trimmed.startsWith(':')) {
      await ask({ kind: 'input', text });
      return true;
    }
    const [, name, rest = ''] = /^(:\S*)\s*([\s\S]*)$/.exec(trimmed)!;
    const arg = rest.trim();
    const needs = (what: string): boolean => {
      if (arg !== '') return true;
      process.stderr.write(colors.error(`${name} needs ${what}`) + '\n');
      return false;
    };
    switch (name) {
      case ':help':
        for (const [c, about] of REPL_COMMANDS) process.stdout.write(`  ${c.padEnd(12)} ${about}\n`);
        process.stdout.write(colors.note('  Atoms are added to the space; !EXPR prints its results. Ctrl-C interrupts.') + '\n');
        return true;
      case ':quit':
        return false;
      case ':load':
        if (needs('a file')) await ask({ kind: 'load', path: arg.replace(/^"(.*)"$/, '$1') });
        return true;
      case ':type':
        if (needs('an expression')) await ask({ kind: 'type', text: arg });
        return true;
      case ':time':
        if (needs('an expression')) await ask({ kind: 'time', text: arg });
        return true;
      case ':trace':
        if (needs('an expression')) await ask({ kind: 'trace', text: arg });
        return true;
      case ':space':
      case ':reset':
      case ':undo':
        await ask({ kind: name.slice(1) as 'space' | 'reset' | 'undo' });
        return true;
      default:
        process.stderr.write(colors.error(`unknown command ${name}; :help lists the commands`) + '\n');
        return true;
    }
  }

  function onLine(line: string): void {
    pending = pending === '' ? line : pending + '\n' + line;
    if (!pending.trimStart().startsWith(':load') && !isBalanced(pending)) {
      prompt();
      return;
    }
    const text = pending;
    pending = '';
    queue = queue.then(async () => {
      if (await execute(text)) prompt();
      else rl.close();
    });
  }

  /** Ctrl-C: interrupt the evaluation, else drop the unfinished input. */
  function onInterrupt(): void {
    if (busy) {
      Atomics.store(flag, 0, 1);
      return;
    }
    const hadInput = pending !== '' || rl.line !== '';
    pending = '';
    if (interactive) {
      // Drop what was typed on the current line, as shells do.
      rl.write(null, { ctrl: true, name: 'e' });
      rl.write(null, { ctrl: true, name: 'u' });
      process.stdout.write('^C\n');
      if (!hadInput) process.stdout.write(colors.note('(to leave, press Ctrl-D or type :quit)') + '\n');
      prompt();
    } else {
      rl.close();
    }
  }

  rl.on('line', onLine);
  rl.on('SIGINT', onInterrupt);
  // Without a terminal, Ctrl-C arrives as a real signal rather than through readline.
  const onSignal = (): void => onInterrupt();
  if (!interactive) process.on('SIGINT', onSignal);

  if (interactive) {
    process.stdout.write(colors.note('Rhizome MeTTa REPL. :help for commands, Ctrl-D to leave.') + '\n');
    prompt();
  }

  return new Promise((resolve) => {
    rl.on('close', () => {
      closed = true;
      // Input that ended mid-expression still runs, so the parser can say what is missing.
      const rest = pending;
      pending = '';
      if (rest.trim() !== '') queue = queue.then(async () => void (await execute(rest)));
      void queue.then(async () => {
        if (interactive) process.stdout.write('\n');
        process.off('SIGINT', onSignal);
        const failed = engineFailed;
        engineFailed = true; // terminating it below is no failure
        await engine.terminate();
        resolve(failed ? 3 : 0);
      });
    });
  });
}

/** Prints one message of the engine. */
function show(reply: Exclude<EngineReply, { kind: 'done' }>, colors: Palette): void {
  switch (reply.kind) {
    case 'stdout':
      process.stdout.write(reply.text);
      return;
    case 'stderr':
      process.stderr.write(reply.text);
      return;
    case 'result':
      process.stdout.write((reply.isError ? colors.error(reply.text) : colors.result(reply.text)) + '\n');
      return;
    case 'note':
      process.stdout.write(colors.note(reply.text) + '\n');
      return;
    case 'failure':
      process.stderr.write(colors.error(reply.text.replace(/\n$/, '')) + '\n');
      return;
  }
}
