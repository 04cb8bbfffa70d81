/**
 * The REPL as a person uses it: the real `rhizome` process in a pseudo terminal, keys
 * typed, the screen read back. Also the pieces it is built from (balance, colors, session).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isBalanced } from '../src/cli/balance.js';
import { colorsWanted, palette } from '../src/cli/colors.js';
import { ReplSession } from '../src/cli/repl-session.js';
import { sym } from '../src/atomspace/atom.js';
import { Tokenizer } from '../src/metta/tokenizer.js';
import { wantsRepl } from '../src/cli/wants-repl.js';
import { PtySession, ptyAvailable } from './support/pty-session.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'rhizome.js');
const dir = mkdtempSync(join(tmpdir(), 'rhizome-repl-'));
const PROMPT = 'metta> ';

describe('isBalanced', () => {
  it('waits for unclosed parentheses and strings', () => {
    expect(isBalanced('!(+ 1')).toBe(false);
    expect(isBalanced('!(+ 1\n 2)')).toBe(true);
    expect(isBalanced('(f "a (")')).toBe(true);
    expect(isBalanced('(f "a')).toBe(false);
    expect(isBalanced('(f "a \\" )')).toBe(false);
    expect(isBalanced('(f ; )\n')).toBe(false);
    expect(isBalanced('(f) ; (')).toBe(true);
    expect(isBalanced('a)')).toBe(true);
    expect(isBalanced('')).toBe(true);
  });
});

describe('colors', () => {
  it('are on for a terminal only, and off under NO_COLOR', () => {
    expect(colorsWanted(true, {})).toBe(true);
    expect(colorsWanted(false, {})).toBe(false);
    expect(colorsWanted(undefined, {})).toBe(false);
    expect(colorsWanted(true, { NO_COLOR: '1' })).toBe(false);
    expect(colorsWanted(true, { NO_COLOR: '' })).toBe(true);
    expect(palette(false).error('x')).toBe('x');
    expect(palette(true).error('x')).toBe('\x1b[31mx\x1b[39m');
  });
});

describe('wantsRepl', () => {
  it('starts the REPL only when no file is named', () => {
    expect(wantsRepl([])).toBe(true);
    expect(wantsRepl(['repl'])).toBe(true);
    expect(wantsRepl(['--steps', '5'])).toBe(true);
    expect(wantsRepl(['prog.metta'])).toBe(false);
    expect(wantsRepl(['run', 'prog.metta'])).toBe(false);
    expect(wantsRepl(['--steps', '5', 'prog.metta'])).toBe(false);
    expect(wantsRepl(['--help'])).toBe(false);
    expect(wantsRepl(['-v'])).toBe(false);
  });
});

describe('Tokenizer mark and rewind (what :undo does to tokens)', () => {
  it('forgets later registrations and uncovers the ones they shadowed', () => {
    const t = new Tokenizer();
    t.registerAtom('x', sym('A'));
    t.registerAtom(/y+/, sym('Y'));
    const mark = t.mark();
    t.registerAtom('x', sym('B'));
    t.registerAtom(/x|z/, sym('C'));
    t.registerAtom('w', sym('W'));
    expect([t.lookup('x'), t.lookup('z'), t.lookup('w')]).toEqual([sym('C'), sym('C'), sym('W')]);
    t.rewind(mark);
    expect([t.lookup('x'), t.lookup('yy'), t.lookup('z'), t.lookup('w')]).toEqual([sym('A'), sym('Y'), undefined, undefined]);
    expect(t.words()).toEqual(['x']);
    t.registerAtom('w', sym('W2'));
    expect(t.lookup('w')).toEqual(sym('W2'));
    expect(() => t.rewind(t.mark() + 1)).toThrow(RangeError);
  });
});

describe('ReplSession', () => {
  function session() {
    const lines: string[] = [];
    const out = {
      stdout: (t: string) => void lines.push(t.replace(/\n$/, '')),
      stderr: (t: string) => void lines.push('stderr: ' + t.replace(/\n$/, '')),
      result: (t: string, isError: boolean) => void lines.push((isError ? 'error ' : '') + t),
      note: (t: string) => void lines.push('note: ' + t),
    };
    return { s: new ReplSession(out), lines };
  }

  it(':trace shows each reduction step before the results, and only for that expression', () => {
    const { s, lines } = session();
    s.input('(= (double $x) (* $x 2))');
    s.trace('(double (+ 1 2))');
    s.input('!(double 1)');
    expect(lines).toEqual(['note: (+ 1 2) -> 3', 'note: (double 3) -> (* 3 2)', 'note: (* 3 2) -> 6', '[6]', '[2]']);
  });

  it('adds atoms, prints ! results, and undoes only inputs that changed the space', () => {
    const { s, lines } = session();
    s.input('(f a)\n(f b)');
    s.input('!(match &self (f $x) $x)');
    s.input('(f c)');
    s.undo();
    s.input('!(match &self (f $x) $x)');
    s.undo();
    s.input('!(match &self (f $x) $x)');
    s.undo();
    expect(lines).toEqual(['[a, b]', 'note: back to 2 atoms', '[a, b]', 'note: back to 0 atoms', '[]', 'note: nothing to undo']);
  });

  it('undoes the tokens a bind! registered', () => {
    const { s, lines } = session();
    s.input('!(bind! &k 42)');
    s.input('!(+ &k 1)');
    s.undo();
    s.input('!(get-type &k)');
    s.undo();
    expect(lines).toEqual(['[()]', '[43]', 'note: back to 0 atoms', '[%Undefined%]', 'note: nothing to undo']);
  });

  it('undoes an import: its atoms, its tokens and the loaded module, which a new import reads again', () => {
    const lib = join(dir, 'undo-lib.metta');
    const prog = join(dir, 'undo-prog.metta');
    writeFileSync(lib, '(= (libf) first)\n!(bind! libtok 7)\n');
    writeFileSync(prog, '!(import! &self undo-lib)\n');
    const { s, lines } = session();
    s.input('(mine)');
    s.load(prog);
    s.input('!(libf)');
    s.input('!(+ libtok 1)');
    s.undo();
    s.input('!(libf)');
    s.input('!(get-type libtok)');
    s.input('!(match &self (mine) yes)');
    writeFileSync(lib, '(= (libf) second)\n');
    s.load(prog);
    s.input('!(libf)');
    expect(lines).toEqual([
      '[()]',
      '[first]',
      '[8]',
      'note: back to 1 atom',
      '[(libf)]',
      '[%Undefined%]',
      '[yes]',
      '[()]',
      '[second]',
    ]);
  });

  it('undoes a pragma', () => {
    const { s, lines } = session();
    s.input('(: foo (-> Number Number))');
    s.input('!(pragma! type-check auto)');
    s.input('(foo "a")');
    s.undo();
    s.input('(foo "a")');
    s.input('!(match &self (foo $x) $x)');
    expect(lines).toEqual(['[()]', 'error [(Error (foo "a") (BadArgType 1 Number String))]', 'note: back to 1 atom', '["a"]']);
  });

  it('undoes a reset, times an evaluation and types an expression', () => {
    const { s, lines } = session();
    s.input('(= (double $x) (* 2 $x))');
    s.reset();
    s.input('!(double 2)');
    s.undo();
    s.input('!(double 2)');
    s.type('(+ 1 2)');
    s.time('(superpose (1 2 3))');
    expect(lines.slice(0, 5)).toEqual(['note: fresh top module', '[(double 2)]', 'note: back to 1 atom', '[4]', '[Number]']);
    expect(lines[5]).toBe('[1, 2, 3]');
    expect(lines[6]).toMatch(/^note: \d+\.\d+ m?s, 3 results$/);
  });

  it('shows the count and a sample of the space', () => {
    const { s, lines } = session();
    s.input(Array.from({ length: 12 }, (_, i) => `(n ${i})`).join('\n'));
    s.space();
    expect(lines[0]).toBe('note: 12 atoms in the space');
    expect(lines.slice(1, 11)).toEqual(Array.from({ length: 10 }, (_, i) => `(n ${i})`));
    expect(lines[11]).toBe('note: …');
  });

  it('completes symbols of the space and of the standard library', () => {
    const { s } = session();
    s.input('(= (fibonacci $n) 1)');
    expect(s.complete('fibo')).toEqual(['fibonacci']);
    expect(s.complete('superp')).toContain('superpose');
    expect(s.complete('get-ty')).toContain('get-type');
  });
});

describe('the REPL without a terminal', () => {
  it('reads piped input without prompts or colors, honouring --steps', () => {
    const input = '(= (spin $n) (spin (+ $n 1)))\n!(spin 0)\n!(+ 1\n 1)\n:type 1\n';
    const r = spawnSync(process.execPath, [bin, 'repl', '--steps', '10000'], {
      input,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: undefined },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('[2]\n[Number]\n');
    expect(r.stderr).toBe('rhizome: step limit reached\n');
  });
});

describe.skipIf(!ptyAvailable())('the REPL in a terminal', () => {
  const running: PtySession[] = [];
  afterEach(() => {
    for (const p of running.splice(0)) p.kill();
  });

  function repl(env: Record<string, string> = {}): PtySession {
    const history = join(dir, `history-${running.length}-${Date.now()}`);
    const p = new PtySession(`"${process.execPath}" "${bin}"`, {
      ...process.env,
      NO_COLOR: '1',
      RHIZOME_HISTORY: history,
      ...env,
    });
    running.push(p);
    return p;
  }

  it('reads multi-line input, adds atoms, prints results, shows errors and goes on', async () => {
    const p = repl();
    await p.waitFor(PROMPT);
    p.type('(= (sq $x)\r');
    await p.waitFor('...> ');
    p.type('   (* $x $x))\r');
    await p.waitFor(PROMPT);
    p.type('!(sq 7)\r');
    await p.waitFor('[49]');
    p.type('!(+ 1 "a")\r');
    await p.waitFor('[(Error (+ 1 "a") (BadArgType 2 Number String))]');
    p.type('!(f))\r');
    await p.waitFor(/error: .*\n.*\n.*\^/);
    p.type('!(sq 3)\r');
    await p.waitFor('[9]');
    p.type(':quit\r');
    expect(await p.exit()).toBe(0);
  });

  it('completes symbols of the space, the library and the commands with Tab', async () => {
    const p = repl();
    await p.waitFor(PROMPT);
    p.type('(= (fibonacci $n) 1)\r');
    await p.waitFor(PROMPT);
    // Keys are sent one chunk at a time: readline treats a Tab inside pasted text as text.
    p.type('!(fibo');
    await p.waitFor('!(fibo');
    p.type('\t');
    await p.waitFor('nacci');
    p.type(' 4)\r');
    await p.waitFor('[1]');
    p.type('!(superpo');
    await p.waitFor('!(superpo');
    p.type('\t');
    await p.waitFor('se');
    p.type(' (x y))\r');
    await p.waitFor('[x, y]');
    p.type(':spa');
    await p.waitFor(':spa');
    p.type('\t');
    await p.waitFor('ce');
    p.type('\r');
    await p.waitFor('1 atom in the space');
    p.type('\x04');
    expect(await p.exit()).toBe(0);
  });

  it('undoes the last input that changed the space', async () => {
    const p = repl();
    await p.waitFor(PROMPT);
    p.type('(colour red)\r');
    await p.waitFor(PROMPT);
    p.type('(colour blue)\r');
    await p.waitFor(PROMPT);
    p.type('!(match &self (colour $c) $c)\r');
    await p.waitFor('[red, blue]');
    p.type(':undo\r');
    await p.waitFor('back to 1 atom');
    p.type('!(match &self (colour $c) $c)\r');
    await p.waitFor('[red]');
    p.type(':quit\r');
    expect(await p.exit()).toBe(0);
  });

  it('interrupts a long evaluation with Ctrl-C and stays in the session', async () => {
    const p = repl();
    await p.waitFor(PROMPT);
    p.type('(= (spin $n) (spin (+ $n 1)))\r');
    await p.waitFor(PROMPT);
    p.type('!(spin 0)\r');
    await new Promise((r) => setTimeout(r, 500));
    p.type('\x03');
    await p.waitFor('evaluation interrupted');
    await p.waitFor(PROMPT);
    p.type('!(+ 20 22)\r');
    await p.waitFor('[42]');
    // Ctrl-C at the prompt drops the unfinished input rather than leaving.
    p.type('!(+ 1\r');
    await p.waitFor('...> ');
    p.type('\x03');
    await p.waitFor(PROMPT);
    p.type('!(+ 2 2)\r');
    await p.waitFor('[4]');
    p.type('\x04');
    expect(await p.exit()).toBe(0);
  });

  it('leaves on Ctrl-D typed while an evaluation runs, after showing its result', async () => {
    const p = repl();
    await p.waitFor(PROMPT);
    p.type('(= (count $n) (if (== $n 0) done (count (- $n 1))))\r');
    await p.waitFor(PROMPT);
    // Ctrl-D at once, while the evaluation is still running.
    p.type('!(count 30000)\r\x04');
    expect(await p.exit()).toBe(0);
    expect(p.screen).toContain('[done]');
  });

  it('keeps history across sessions and loads files', async () => {
    const history = join(dir, 'shared-history');
    const prog = join(dir, 'prog.metta');
    writeFileSync(prog, '(likes sam tea)\n!(match &self (likes sam $x) $x)\n');
    const first = repl({ RHIZOME_HISTORY: history });
    await first.waitFor(PROMPT);
    first.type(`:load ${prog}\r`);
    await first.waitFor('[tea]');
    first.type('!(* 6 7)\r');
    await first.waitFor('[42]');
    first.type(':quit\r');
    expect(await first.exit()).toBe(0);
    expect(readFileSync(history, 'utf8')).toContain('!(* 6 7)\n');

    const second = repl({ RHIZOME_HISTORY: history });
    await second.waitFor(PROMPT);
    // Newest first: `:quit`, then the expression before it.
    second.type('\x1b[A');
    await second.waitFor(':quit');
    second.type('\x1b[A');
    await second.waitFor('!(* 6 7)');
    second.type('\r');
    await second.waitFor('[42]');
    second.type('\x04');
    expect(await second.exit()).toBe(0);
  });

  it('colors errors on a terminal unless NO_COLOR is set', async () => {
    const p = repl({ NO_COLOR: '' });
    await p.waitFor(PROMPT);
    p.type('!(+ 1 "a")\r');
    await p.waitFor('BadArgType');
    p.type('\x04');
    await p.exit();
    expect(p.raw).toContain('\x1b[31m[(Error');
  });
});
