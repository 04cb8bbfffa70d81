/**
 * The `rhizome` command as a user runs it: a real process, real files, exit codes and
 * messages (the build in dist/ is made by `npm test`'s pretest step).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'rhizome.js');
const dir = mkdtempSync(join(tmpdir(), 'rhizome-cli-'));

function rhizome(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('rhizome command', () => {
  it('prints one line per ! with side effects in program order', () => {
    const p = file('order.metta', '!(println! "first")\n!(+ 1 2)\n!(superpose (a b))\n(f x)\n!(match &self (f $x) $x)\n');
    const r = rhizome(p);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('first\n[()]\n[3]\n[a, b]\n[x]\n');
  });

  it('prints each result as soon as it is computed, while the rest still runs', async () => {
    const prog = join(dir, 'stream.metta');
    // Before output was written synchronously, a worker's second write waited for the run to
    // end and came out together with the last one.
    writeFileSync(prog, '!(+ 1 1)\n!(+ 2 2)\n(= (spin $n) (if (== $n 0) done (spin (- $n 1))))\n!(spin 30000)\n');
    const child = spawn(process.execPath, [bin, prog], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const whenSecond = await new Promise<string>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('[4]\n')) resolve(out);
      });
    });
    expect(whenSecond).toBe('[2]\n[4]\n');
    await new Promise((r) => child.on('close', r));
    expect(out).toBe('[2]\n[4]\n[done]\n');
  });

  it('stops writing quietly when the reader of its output goes away', () => {
    const p = file('many.metta', '!(+ 1 1)\n'.repeat(20000));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" "${p}" | head -n 1`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toBe('[2]\n');
    expect(r.stderr).toBe('');
  });

  it('accepts the long form `rhizome run FILE`', () => {
    const p = file('run.metta', '!(* 6 7)\n');
    expect(rhizome('run', p)).toMatchObject({ code: 0, stdout: '[42]\n' });
  });

  it('stops at the first error result with exit status 1', () => {
    const p = file('stop.metta', '!(+ 1 1)\n!(+ 1 "x")\n!(println! "not reached")\n');
    const r = rhizome(p);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('[2]\n[(Error (+ 1 "x") (BadArgType 2 Number String))]\n');
  });

  it('reports a parse error with file, line, column and caret, after running what came before', () => {
    const p = file('syntax.metta', '!(+ 1 2)\n(foo\n  "unclosed)\n');
    const r = rhizome(p);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('[3]\n');
    expect(r.stderr).toContain('syntax.metta:3:3');
    expect(r.stderr).toContain('Unclosed String Literal');
    expect(r.stderr).toContain('^');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no host stack trace
  });

  it('reports a missing file clearly', () => {
    const r = rhizome(join(dir, 'nope.metta'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*nope\.metta: no such file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints one JSON object per ! with --json', () => {
    const p = file('json.metta', '!(superpose (1 2.5 "s" True foo (a b)))\n!(* 3037000499 3037000499)\n!(empty)\n');
    const r = rhizome('--json', p);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({
      atom: '(superpose (1 2.5 "s" True foo (a b)))',
      results: ['1', '2.5', '"s"', 'True', 'foo', '(a b)'],
      values: [1, 2.5, 's', true, 'foo', ['a', 'b']],
    });
    expect(lines[1]).toEqual({ atom: '(* 3037000499 3037000499)', results: ['9223372030926249001'], values: ['9223372030926249001'] });
    expect(lines[2]).toEqual({ atom: '(empty)', results: [], values: [] });
  });

  it('writes every reduction step to stderr with --trace', () => {
    const p = file('trace.metta', '(= (double $x) (* $x 2))\n!(double (+ 1 2))\n');
    const r = rhizome('--trace', p);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('[6]\n');
    expect(r.stderr.trim().split('\n')).toEqual(['(+ 1 2) -> 3', '(double 3) -> (* 3 2)', '(* 3 2) -> 6']);
  });

  it('prints its version and help', () => {
    expect(rhizome('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = rhizome('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: rhizome');
  });

  it('rejects an unknown option with status 2', () => {
    expect(rhizome('--no-such-option').code).toBe(2);
  });

  it('stops a runaway program at the step limit', () => {
    const p = file('forever.metta', '(= (spin $n) (spin (+ $n 1)))\n!(spin 0)\n');
    const r = rhizome('--steps', '100000', p);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('step limit');
  });

  it('evaluates atoms nested thousands deep (the program runs on a large stack)', () => {
    const depth = 3000;
    const p = file('deep.metta', '!' + '(+ 1 '.repeat(depth) + '0' + ')'.repeat(depth) + '\n');
    expect(rhizome(p)).toMatchObject({ code: 0, stdout: `[${depth}]\n` });
  });

  it('runs every example to the end', () => {
    const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.metta'));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const ex of examples) {
      const r = rhizome(join(root, 'examples', ex));
      expect({ ex, code: r.code, stderr: r.stderr }).toEqual({ ex, code: 0, stderr: '' });
    }
  });
});

/**
 * Terminal sessions in the language guide: a ```console block starting with
 * `$ npx rhizome NAME 2>&1`, where NAME is one of the guide's ```metta file=NAME blocks.
 * They show programs whose stderr matters (language-guide.test.ts checks stdout only).
 */
function guideSessions(): { name: string; program: string; shown: string; line: number }[] {
  const text = readFileSync(join(root, 'docs', 'language-guide.md'), 'utf8');
  const files = new Map<string, string>();
  for (const m of text.matchAll(/^```metta file=(\S+)\n([\s\S]*?)^```$/gm)) files.set(m[1]!, m[2]!);
  const sessions = [];
  for (const m of text.matchAll(/^```console\n\$ npx rhizome (\S+) 2>&1\n([\s\S]*?)^```$/gm)) {
    const program = files.get(m[1]!);
    if (program === undefined) throw new Error(`the guide runs ${m[1]} but has no metta file=${m[1]} block`);
    sessions.push({ name: m[1]!, program, shown: m[2]!, line: text.slice(0, m.index).split('\n').length });
  }
  return sessions;
}

describe('terminal sessions in docs/language-guide.md', () => {
  const sessions = guideSessions();

  it('exist (trace! is shown this way)', () => {
    expect(sessions.map((s) => s.name)).toContain('trace-demo.metta');
  });

  it.each(sessions.map((s) => [s.line, s] as const))('session at line %i prints what the guide shows, stderr included', (_line, s) => {
    const guideDir = mkdtempSync(join(tmpdir(), 'rhizome-guide-session-'));
    writeFileSync(join(guideDir, s.name), s.program);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" "${s.name}" 2>&1`], { cwd: guideDir, encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toBe(s.shown);
    expect(r.status).toBe(0);
  });
});
