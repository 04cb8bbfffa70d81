/**
 * Progress while reading a large file: the runner's `onProgress` hook, the bar's rules (when
 * it appears, how it gets out of the way of results), and the real `rhizome` command in a
 * pseudo terminal (a bar) and in a pipe (none).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LARGE_SOURCE, SLOW_MS, formatSeconds, progressWanted, terminalProgress } from '../src/cli/progress-bar.js';
import { MeTTa, PROGRESS_INTERVAL_MS } from '../src/metta/runner.js';
import { PtySession, ptyAvailable, stripAnsi } from './support/pty-session.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'rhizome.js');
const dir = mkdtempSync(join(tmpdir(), 'rhizome-progress-'));

/** `count` facts, with a `!` query after the first half and another at the end. */
function facts(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(`(edge n${i} n${(i * 7) % count})`);
    if (i === count >> 1) lines.push('!(match &self (edge n5 $x) $x)');
  }
  lines.push('!(match &self (edge n6 $x) $x)');
  return lines.join('\n') + '\n';
}

const bigPath = join(dir, 'big.metta');
const big = facts(150_000);
writeFileSync(bigPath, big);

describe('MeTTa onProgress', () => {
  it('reports growing offsets at most every interval, then the whole length', () => {
    const calls: Array<[number, number, number]> = [];
    const metta = new MeTTa({ io: { stdout() {}, stderr() {} } });
    const start = performance.now();
    metta.run(big, { onProgress: (done, total) => void calls.push([done, total, performance.now()]) });
    const elapsed = performance.now() - start;
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.length).toBeLessThanOrEqual(elapsed / PROGRESS_INTERVAL_MS + 2);
    expect(calls.at(-1)!.slice(0, 2)).toEqual([big.length, big.length]);
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0]);
      expect(calls[i]![1]).toBe(big.length);
    }
    // Each offset before the end is where a top-level atom starts.
    for (const [done] of calls.slice(0, -1)) expect(big[done]).toMatch(/[(!]/);
  });

  it('is not called for a run without the option, nor after a parse error', () => {
    const metta = new MeTTa({ io: { stdout() {}, stderr() {} } });
    const calls: number[] = [];
    expect(() => metta.run('(a) (b', { onProgress: (d) => void calls.push(d) })).toThrow(/Unexpected end of expression/);
    expect(calls).toEqual([]);
  });
});

describe('progressWanted', () => {
  const base = { stderrIsTTY: true, env: {}, json: false, trace: false, disabled: false };
  it('wants a terminal that can move the cursor, and no --json, --trace or --no-progress', () => {
    expect(progressWanted(base)).toBe(true);
    expect(progressWanted({ ...base, stderrIsTTY: false })).toBe(false);
    expect(progressWanted({ ...base, env: { TERM: 'dumb' } })).toBe(false);
    expect(progressWanted({ ...base, env: { TERM: 'xterm-256color', NO_COLOR: '1' } })).toBe(true);
    expect(progressWanted({ ...base, json: true })).toBe(false);
    expect(progressWanted({ ...base, trace: true })).toBe(false);
    expect(progressWanted({ ...base, disabled: true })).toBe(false);
  });
});

describe('terminalProgress', () => {
  function setup() {
    let clock = 0;
    let written = '';
    const display = terminalProgress({ write: (t) => void (written += t), columns: 100 }, 'f.metta', () => clock);
    return {
      display,
      advance: (ms: number) => void (clock += ms),
      take: () => {
        const w = written;
        written = '';
        return w;
      },
    };
  }

  it('stays hidden for a small source read quickly, and for a finished one', () => {
    const { display, advance, take } = setup();
    display.update(10, 1000);
    advance(SLOW_MS - 1);
    display.update(500, 1000);
    display.update(1000, 1000);
    display.clear();
    display.stop();
    expect(take()).toBe('');
  });

  it('appears for a slow small source, and for a large one at once', () => {
    const slow = setup();
    slow.display.update(100, 1000);
    slow.advance(SLOW_MS);
    expect(slow.take()).toBe('');
    slow.display.update(250, 1000);
    // 150 characters read in SLOW_MS since the first report: 750 left at that speed.
    expect(stripAnsi(slow.take())).toBe(`reading f.metta [========----------------------] 25% | ETA ${formatSeconds((5 * SLOW_MS) / 1000)}`);
    const large = setup();
    large.display.update(LARGE_SOURCE / 2, LARGE_SOURCE);
    expect(stripAnsi(large.take())).toBe('reading f.metta [===============---------------] 50% | ETA --');
    expect([formatSeconds(0.2), formatSeconds(58.5), formatSeconds(59.5), formatSeconds(125)]).toEqual(['1s', '59s', '1m00s', '2m05s']);
  });

  it('clears its line before other output, and for good when stopped, never moving the cursor back', () => {
    const { display, advance, take } = setup();
    advance(SLOW_MS);
    display.update(100, 1000);
    const first = take();
    expect(first).toContain('reading f.metta');
    display.clear();
    expect(take()).toBe('\r\x1b[2K');
    display.clear();
    expect(take()).toBe('');
    display.stop();
    const last = take();
    expect(last.endsWith('\x1b[2K')).toBe(true);
    for (const out of [first, last]) expect(out).not.toMatch(/\x1b[78]/);
    display.update(900, 1000);
    display.clear();
    display.stop();
    expect(take()).toBe('');
  });
});

describe('the bar of `rhizome FILE`', () => {
  const running: PtySession[] = [];
  afterEach(() => {
    for (const p of running.splice(0)) p.kill();
  });

  it.skipIf(!ptyAvailable())('is drawn on a terminal, cleared before each result and at the end', async () => {
    const p = new PtySession(`"${process.execPath}" "${bin}" "${bigPath}"`, { ...process.env, TERM: 'xterm' });
    running.push(p);
    expect(await p.exit(60_000)).toBe(0);
    const raw = p.raw;
    expect(raw).toMatch(/reading big\.metta \[[=-]{30}\] \d+% \| ETA \d+s/);
    expect(stripAnsi(raw).match(/\[n\d+\]/g)).toEqual(['[n35]', '[n42]']);
    // Whatever bar was drawn before a result was cleared first.
    for (const result of ['[n35]', '[n42]']) {
      const at = raw.indexOf(result);
      const lastBar = raw.lastIndexOf('reading big.metta', at);
      if (lastBar >= 0) expect(raw.slice(lastBar, at)).toContain('\r\x1b[2K');
    }
    // The run ends with the bar's line cleared; the terminal's modes were never changed.
    const tail = raw.slice(raw.lastIndexOf('reading big.metta'));
    expect(tail).toMatch(/\x1b\[2K\s*$/);
    expect(raw).not.toMatch(/\x1b\[\?\d+[hl]|\x1b[78]/);
  });

  it.skipIf(!ptyAvailable())('is not drawn with --no-progress or --json', async () => {
    for (const flag of ['--no-progress', '--json']) {
      const p = new PtySession(`"${process.execPath}" "${bin}" ${flag} "${bigPath}"`, { ...process.env, TERM: 'xterm' });
      running.push(p);
      expect(await p.exit(60_000)).toBe(0);
      expect(p.raw).not.toContain('reading big.metta');
      expect(p.raw).toContain('n42');
    }
  });

  it('is not drawn when stderr is a pipe', () => {
    const r = spawnSync(process.execPath, [bin, bigPath], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('[n35]\n[n42]\n');
    expect(r.stderr).toBe('');
  });
});
