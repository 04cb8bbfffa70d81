/**
 * Durability of the LMDB space under SIGKILL: a writer process bulk-loads facts in chunks and
 * prints each committed total; the test kills it mid-load, reopens the database and checks
 * that every reported commit survived, that nothing of an unfinished chunk is visible, that
 * every stored atom decodes to the expected fact, and that indexed queries agree with a full
 * scan. A second writer then resumes the load on the crashed database and is killed too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { alphaEq, expr, sym, v, type Atom } from '../src/atomspace/atom.js';
import { formatAtom } from '../src/atomspace/format.js';
import { int, str } from '../src/atomspace/values.js';
import { LmdbSpace } from '../src/persist/lmdb-space.js';
import { NaiveSpace } from './support/naive-space.js';
import { killFact } from './support/persist-kill-facts.js';
import { sameAtom } from './support/persist-atoms.js';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
// Inside the repository's node_modules, so the bundle resolves the `lmdb` package from there.
const writer = join(repo, 'node_modules', '.cache', 'rhizome-persist-test', `writer-${process.pid}.mjs`);
const root = mkdtempSync(join(tmpdir(), 'rhizome-kill-'));
const TOTAL = 200_000;
const CHUNK = 2_000;

beforeAll(async () => {
  mkdirSync(dirname(writer), { recursive: true });
  // The writer runs as plain Node, so its TypeScript (and the sources it imports) is bundled.
  await build({
    entryPoints: [join(repo, 'test', 'support', 'persist-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: writer,
    logLevel: 'warning',
  });
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(writer, { force: true });
});

interface KillOutcome {
  /** The total the writer started from. */
  start: number;
  /** The last committed total the writer reported before it was killed. */
  lastSeen: number;
  signal: NodeJS.Signals | null;
  finished: boolean;
}

/**
 * Runs the writer on `dir` and kills it with SIGKILL once `when` (given each committed total
 * as it is reported) returns true, or `delayMs` after its first commit when given.
 */
function loadAndKill(dir: string, when: (committed: number, commits: number) => boolean, delayMs = 0): Promise<KillOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dir, String(TOTAL), String(CHUNK)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let start = -1;
    let lastSeen = -1;
    let commits = 0;
    let finished = false;
    let killing = false;
    let pending = '';
    let errors = '';
    const kill = () => {
      killing = true;
      child.kill('SIGKILL');
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const [word, n] = line.split(' ');
        if (word === 'start') start = Number(n);
        if (word === 'done') finished = true;
        if (word !== 'committed' || killing) continue;
        lastSeen = Number(n);
        commits++;
        if (delayMs > 0 && commits === 1) setTimeout(kill, delayMs);
        else if (delayMs === 0 && when(lastSeen, commits)) kill();
      }
    });
    child.stderr.on('data', (d) => (errors += String(d)));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`writer failed (${code}): ${errors}`));
      else resolve({ start, lastSeen, signal, finished });
    });
  });
}

/** Everything a reopened database must satisfy after a kill. */
async function checkSurvivors(dir: string, outcome: KillOutcome): Promise<number> {
  expect(outcome.signal).toBe('SIGKILL');
  expect(outcome.finished).toBe(false);
  const space = LmdbSpace.open(dir);
  try {
    const size = space.size;
    // Every commit the writer reported is there; a chunk is all there or not at all.
    expect(size).toBeGreaterThanOrEqual(outcome.lastSeen);
    expect(size).toBeLessThan(TOTAL);
    expect(size % CHUNK).toBe(0);
    // Every stored atom decodes, and they are exactly the first `size` facts, in order.
    const model = new NaiveSpace();
    let i = 0;
    for (const a of space.atoms()) {
      if (!sameAtom(a, killFact(i))) throw new Error(`atom ${i} is ${formatAtom(a)}, not ${formatAtom(killFact(i))}`);
      model.add(a);
      i++;
    }
    expect(i).toBe(size);
    // Indexed queries (reading a few buckets) agree with a scan of every atom.
    const probe = size - 1;
    const patterns: Atom[] = [
      expr(sym('edge'), sym('n7'), v('to'), v('i'), v('l')),
      expr(sym('edge'), v('from'), sym(`n${(probe * 7919) % 1000}`), v('i'), v('l')),
      expr(sym('edge'), v('from'), v('to'), int(probe), v('l')),
      expr(sym('edge'), v('from'), v('to'), v('i'), str(`label ${Math.floor(probe / 2)}`)),
      expr(sym(','), expr(sym('edge'), sym('n3'), v('m'), v('i'), str('label 3')), expr(sym('edge'), v('m'), v('t'), v('j'), v('k'))),
    ];
    for (const p of patterns) {
      const got = space.query(p).map((b) => b.apply(p));
      const want = model.query(p).map((b) => b.apply(p));
      expect(got.length).toBe(want.length);
      got.forEach((g, k) => expect(alphaEq(g, want[k]!)).toBe(true));
      expect(want.length).toBeGreaterThan(0);
      // Far fewer atoms read than stored.
      if (!(p.kind === 'expression' && p.children[0] === sym(','))) expect([...space.candidates(p)].length).toBeLessThan(size / 50);
    }
    return size;
  } finally {
    await space.close();
  }
}

describe('an LMDB space survives its writer being killed mid-load', () => {
  it('killed just after a reported commit, then a resumed writer killed at an arbitrary moment', async () => {
    const dir = join(root, 'kb');
    const first = await loadAndKill(dir, (_n, commits) => commits === 3);
    expect(first.start).toBe(0);
    expect(first.lastSeen).toBe(3 * CHUNK);
    const afterFirst = await checkSurvivors(dir, first);

    // A new writer opens the crashed database, carries on from what survived, and is killed too.
    const second = await loadAndKill(dir, () => false, 400);
    expect(second.start).toBe(afterFirst);
    expect(second.lastSeen).toBeGreaterThan(afterFirst);
    const afterSecond = await checkSurvivors(dir, second);
    expect(afterSecond).toBeGreaterThan(afterFirst);
  }, 120_000);

  it('killed at once after its first commit', async () => {
    const dir = join(root, 'early');
    const outcome = await loadAndKill(dir, (_n, commits) => commits === 1);
    await checkSurvivors(dir, outcome);
  }, 60_000);
});
