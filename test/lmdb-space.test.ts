/**
 * The LMDB space: the Space contract (multiset, order, queries with renaming and
 * conjunctions, snapshots, observers) checked against the reference models, durability
 * across reopening, transactions, indexed queries that read only their candidates, and
 * MeTTa querying it through a bound token.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { alphaEq, atomEq, expr, exprOf, freshVariable, sym, v, type Atom } from '../src/atomspace/atom.js';
import { formatAtom } from '../src/atomspace/format.js';
import { GroundingSpace } from '../src/atomspace/grounding-space.js';
import { SpaceAtom } from '../src/atomspace/space-atom.js';
import type { ReadableSpace, SpaceEvent } from '../src/atomspace/space.js';
import { float, int, str } from '../src/atomspace/values.js';
import { MeTTa } from '../src/metta/runner.js';
import { LmdbSpace, type LmdbSnapshot } from '../src/persist/lmdb-space.js';
import { PersistError } from '../src/persist/persist-error.js';
import { NaiveSpace } from './support/naive-space.js';
import { sameAtom } from './support/persist-atoms.js';

const root = mkdtempSync(join(tmpdir(), 'rhizome-lmdb-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dbCount = 0;
/** A fresh database directory. */
const freshDir = () => join(root, `db${++dbCount}`);
const silent = { stdout: () => {}, stderr: () => {} };
const fmt = (atoms: Iterable<Atom>) => [...atoms].map(formatAtom);

const leaf: fc.Arbitrary<Atom> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'f', 'g').map(sym) },
  { weight: 3, arbitrary: fc.constantFrom('x', 'y', 'z').map(v) },
  { weight: 2, arbitrary: fc.constantFrom<Atom>(int(1), int(2), float(1.0), str('s')) },
);
const { atom } = fc.letrec<{ atom: Atom; expr: Atom }>((tie) => ({
  atom: fc.oneof({ maxDepth: 3, depthIdentifier: 'atom' }, leaf, tie('expr'), tie('expr')),
  expr: fc.array(tie('atom'), { maxLength: 3 }).map((cs) => exprOf(cs)),
}));
const pattern: fc.Arbitrary<Atom> = fc.oneof(
  { weight: 4, arbitrary: atom },
  { weight: 1, arbitrary: fc.array(atom, { minLength: 0, maxLength: 3 }).map((ps) => exprOf([sym(','), ...ps])) },
);
type Op =
  | { op: 'add'; atom: Atom }
  | { op: 'removeAdded'; index: number }
  | { op: 'remove'; atom: Atom }
  | { op: 'query'; pattern: Atom }
  | { op: 'snapshot' }
  | { op: 'reopen' };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: atom.map((a) => ({ op: 'add' as const, atom: a })) },
  { weight: 3, arbitrary: fc.nat().map((i) => ({ op: 'removeAdded' as const, index: i })) },
  { weight: 1, arbitrary: atom.map((a) => ({ op: 'remove' as const, atom: a })) },
  { weight: 2, arbitrary: pattern.map((p) => ({ op: 'query' as const, pattern: p })) },
  { weight: 1, arbitrary: fc.constant({ op: 'snapshot' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'reopen' as const }) },
);

function copy(a: Atom): Atom {
  return a.kind === 'expression' ? exprOf(a.children.map(copy)) : a;
}

/** Every answer as the pattern with it applied, compared up to variable renaming. */
function sameAnswers(actual: ReadableSpace, model: NaiveSpace, p: Atom): void {
  const got = actual.query(p).map((b) => b.apply(p));
  const want = model.query(p).map((b) => b.apply(p));
  const unmatched = [...want];
  for (const g of got) {
    const i = unmatched.findIndex((w) => alphaEq(g, w));
    if (i < 0) throw new Error(`unexpected answer ${formatAtom(g)} to ${formatAtom(p)}; want ${want.map(formatAtom)}`);
    unmatched.splice(i, 1);
  }
  if (unmatched.length > 0) throw new Error(`missing answers ${unmatched.map(formatAtom)} to ${formatAtom(p)}`);
}

/** The same atoms in the same order as the in-memory space (which orders like LMDB's ids). */
function sameContents(actual: ReadableSpace, model: ReadableSpace): void {
  expect(actual.size).toBe(model.size);
  const got = [...actual.atoms()];
  const want = [...model.atoms()];
  expect(got.length).toBe(want.length);
  got.forEach((a, i) => expect(atomEq(a, want[i]!)).toBe(true));
}

/** Runs `ops` on an LMDB space, a GroundingSpace and the naive list, checking they agree. */
async function run(ops: Op[], checkPatterns: Atom[], checkSnapshots: Atom[] = []): Promise<void> {
  const dir = freshDir();
  let space = LmdbSpace.open(dir, { noSync: true });
  const memory = new GroundingSpace();
  const model = new NaiveSpace();
  const added: Atom[] = [];
  const snapshots: { snap: LmdbSnapshot; memory: ReadableSpace; model: NaiveSpace }[] = [];
  try {
    for (const o of ops) {
      switch (o.op) {
        case 'add':
          space.add(o.atom);
          memory.add(o.atom);
          model.add(o.atom);
          added.push(o.atom);
          break;
        case 'removeAdded':
        case 'remove': {
          const target = o.op === 'remove' ? o.atom : added.length > 0 ? copy(added[o.index % added.length]!) : sym('none');
          const removed = space.remove(target);
          expect(removed).toBe(model.remove(target));
          expect(memory.remove(target)).toBe(removed);
          break;
        }
        case 'query':
          sameAnswers(space, model, o.pattern);
          break;
        case 'snapshot': {
          const m = new NaiveSpace();
          for (const a of model.items) m.add(a);
          snapshots.push({ snap: space.snapshot(), memory: memory.snapshot(), model: m });
          break;
        }
        case 'reopen':
          for (const s of snapshots) s.snap.release();
          snapshots.length = 0;
          await space.close();
          space = LmdbSpace.open(dir, { noSync: true });
          break;
      }
      expect(space.size).toBe(model.size);
    }
    sameContents(space, memory);
    for (const p of checkPatterns) sameAnswers(space, model, p);
    for (const s of snapshots) {
      sameContents(s.snap, s.memory);
      for (const p of checkSnapshots) sameAnswers(s.snap, s.model, p);
    }
  } finally {
    for (const s of snapshots) s.snap.release();
    await space.close();
  }
}

describe('LmdbSpace against the reference spaces', () => {
  it('agrees on random adds, removes, queries, snapshots and reopenings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 40 }), fc.array(pattern, { maxLength: 3 }), async (ops, patterns) => {
        await run(ops, patterns, patterns);
      }),
      { numRuns: 120 },
    );
  });

  const few = fc.oneof(
    fc.constantFrom('a', 'b').map((s) => exprOf([sym('p'), sym(s)])),
    fc.constantFrom(1, 2, 3).map((n) => exprOf([sym('q'), int(n), v('x')])),
    fc.constant(exprOf([sym('q'), v('y'), sym('b')])),
    fc.constant<Atom>(v('open')),
  );
  const probes = [exprOf([sym('p'), v('s')]), exprOf([sym('q'), int(2), v('r')]), exprOf([sym('q'), v('n'), sym('b')]), v('all')];
  it('agrees on long runs of few distinct atoms (duplicates, large buckets, removals)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(few, { minLength: 50, maxLength: 200 }),
        fc.array(fc.oneof(few.map((a): Op => ({ op: 'add', atom: a })), fc.nat().map((i): Op => ({ op: 'removeAdded', index: i }))), {
          minLength: 50,
          maxLength: 300,
        }),
        async (adds, rest) => {
          const ops: Op[] = [...adds.map((a): Op => ({ op: 'add', atom: a })), { op: 'snapshot' }, ...rest];
          await run(ops, probes, probes);
        },
      ),
      { numRuns: 8 },
    );
  });
});

describe('LmdbSpace', () => {
  const fact = (a: string, b: string) => expr(sym('Parent'), sym(a), sym(b));

  it('is a multiset that keeps the order added and removes the latest equal occurrence', async () => {
    const space = LmdbSpace.open(freshDir());
    space.add(fact('Tom', 'Bob'));
    space.add(expr(sym('tag'), int(1)));
    space.add(fact('Tom', 'Bob'));
    space.add(expr(sym('tag'), float(1.0)));
    expect(space.size).toBe(4);
    expect(fmt(space.atoms())).toEqual(['(Parent Tom Bob)', '(tag 1)', '(Parent Tom Bob)', '(tag 1.0)']);
    // 1.0 equals 1: the latest equal occurrence is the float.
    expect(space.remove(expr(sym('tag'), int(1)))).toBe(true);
    expect(fmt(space.atoms())).toEqual(['(Parent Tom Bob)', '(tag 1)', '(Parent Tom Bob)']);
    expect(space.remove(fact('Tom', 'Bob'))).toBe(true);
    expect(space.remove(fact('Tom', 'Ann'))).toBe(false);
    expect(fmt(space.atoms())).toEqual(['(Parent Tom Bob)', '(tag 1)']);
    await space.close();
  });

  it('keeps everything across close and reopen, and keeps numbering after it', async () => {
    const dir = freshDir();
    let space = LmdbSpace.open(dir);
    space.add(fact('Tom', 'Bob'));
    space.add(expr(sym('age'), str('Bob'), int(2n ** 62n), float(-0), freshVariable('x')));
    space.add(fact('Tom', 'Bob'));
    space.remove(fact('Tom', 'Bob'));
    const before = [...space.atoms()];
    await space.close();
    space = LmdbSpace.open(dir);
    expect(space.size).toBe(2);
    const after = [...space.atoms()];
    after.forEach((a, i) => expect(sameAtom(a, before[i]!)).toBe(true));
    space.add(fact('Ann', 'Cid'));
    expect(fmt(space.atoms())).toEqual([...before.map(formatAtom), '(Parent Ann Cid)']);
    await space.close();
  });

  it('answers queries with renamed stored variables, conjunctions and base bindings', async () => {
    const space = LmdbSpace.open(freshDir());
    space.addAll([fact('Tom', 'Bob'), fact('Bob', 'Ann'), fact('Bob', 'Cid'), expr(sym('='), expr(sym('id'), v('x')), v('x'))]);
    const grand = space.query(expr(sym(','), expr(sym('Parent'), sym('Tom'), v('y')), expr(sym('Parent'), v('y'), v('z'))));
    expect(grand.map((b) => formatAtom(b.get(v('z'))!)).sort()).toEqual(['Ann', 'Cid']);
    // The stored $x is renamed: it cannot clash with the query's own $x.
    const [eq] = space.query(expr(sym('='), expr(sym('id'), v('x')), v('r')));
    expect(formatAtom(eq!.apply(v('r')))).toMatch(/^\$x#\d+$/);
    await space.close();
  });

  it('reads only the candidates a ground position selects, not the whole space', async () => {
    const space = LmdbSpace.open(freshDir(), { noSync: true });
    const people = 5000;
    space.addAll(
      (function* () {
        for (let i = 0; i < people; i++) {
          yield fact(`P${i}`, `P${i + 1}`);
          yield expr(sym('age'), sym(`P${i}`), int(i % 90));
        }
      })(),
    );
    // The candidates are exactly the atoms fetched from disk and decoded.
    expect(fmt(space.candidates(expr(sym('Parent'), sym('P77'), v('x'))))).toEqual(['(Parent P77 P78)']);
    expect(fmt(space.candidates(expr(sym('Parent'), v('x'), sym('P78'))))).toEqual(['(Parent P77 P78)']);
    expect([...space.candidates(expr(sym('age'), v('who'), int(7)))].length).toBe(Math.ceil((people - 7) / 90));
    const answers = space.query(expr(sym('Parent'), sym('P77'), v('x')));
    expect(answers.map((b) => formatAtom(b.get(v('x'))!))).toEqual(['P78']);
    // A pattern with an open head must read everything.
    expect([...space.candidates(expr(v('h'), sym('P77'), v('x')))].length).toBe(2 * people);
    await space.close();
  });

  it('commits a transaction whole or not at all; nested ones roll back alone', async () => {
    const dir = freshDir();
    const space = LmdbSpace.open(dir);
    const events: string[] = [];
    space.observe((e) => events.push(`${e.type} ${formatAtom(e.atom)}`));
    space.add(fact('Tom', 'Bob'));
    expect(() =>
      space.transaction((s) => {
        s.add(fact('Tom', 'Ann'));
        s.remove(fact('Tom', 'Bob'));
        expect(s.size).toBe(1);
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(fmt(space.atoms())).toEqual(['(Parent Tom Bob)']);
    const result = space.transaction((s) => {
      s.add(fact('A', 'B'));
      expect(() =>
        s.transaction((inner) => {
          inner.add(fact('dropped', 'x'));
          inner.remove(fact('Tom', 'Bob'));
          throw new Error('inner');
        }),
      ).toThrow('inner');
      s.add(fact('C', 'D'));
      expect(events).toEqual(['add (Parent Tom Bob)']); // nothing announced before the commit
      return 'done';
    });
    expect(result).toBe('done');
    expect(fmt(space.atoms())).toEqual(['(Parent Tom Bob)', '(Parent A B)', '(Parent C D)']);
    expect(events).toEqual(['add (Parent Tom Bob)', 'add (Parent A B)', 'add (Parent C D)']);
    expect(() => space.transaction(() => Promise.resolve(1))).toThrow(TypeError);
    expect(space.size).toBe(3);
    await space.close();
    const again = LmdbSpace.open(dir);
    expect(fmt(again.atoms())).toEqual(['(Parent Tom Bob)', '(Parent A B)', '(Parent C D)']);
    await again.close();
  });

  it('tells observers about each committed change, with the atom as stored', async () => {
    const space = LmdbSpace.open(freshDir());
    const events: SpaceEvent[] = [];
    const stop = space.observe((e) => events.push(e));
    space.add(expr(sym('n'), int(1)));
    space.remove(expr(sym('n'), float(1.0)));
    stop();
    space.add(sym('unheard'));
    expect(events.map((e) => `${e.type} ${formatAtom(e.atom)}`)).toEqual(['add (n 1)', 'remove (n 1)']);
    await space.close();
  });

  it('bulk-loads in chunks, reporting each commit; a bad atom rolls back only its chunk', async () => {
    const space = LmdbSpace.open(freshDir(), { chunkSize: 100 });
    const commits: number[] = [];
    const n = space.addAll(
      Array.from({ length: 250 }, (_, i) => fact(`X${i}`, 'Y')),
      { onCommit: (k) => commits.push(k) },
    );
    expect(n).toBe(250);
    expect(commits).toEqual([100, 200, 250]);
    const op = new MeTTa({ io: silent }).top.tokenizer.lookup('+')!;
    const withBad = Array.from({ length: 250 }, (_, i) => (i === 160 ? expr(sym('op'), op) : fact(`Z${i}`, 'Y')));
    expect(() => space.addAll(withBad, { chunkSize: 100 })).toThrow(PersistError);
    expect(space.size).toBe(350);
    expect(() => space.add(expr(sym('f'), float(1), op))).toThrow(/^cannot encode operation \+ of type \(-> Number Number Number\): /);
    expect(space.size).toBe(350);
    await space.close();
  });

  it('snapshots keep the contents they were taken with, until released', async () => {
    const space = LmdbSpace.open(freshDir());
    space.add(fact('Tom', 'Bob'));
    space.add(fact('Tom', 'Ann'));
    const snap = space.snapshot();
    space.add(fact('Tom', 'Cid'));
    space.remove(fact('Tom', 'Bob'));
    expect(snap.size).toBe(2);
    expect(fmt(snap.atoms())).toEqual(['(Parent Tom Bob)', '(Parent Tom Ann)']);
    expect(snap.query(expr(sym('Parent'), sym('Tom'), v('x'))).map((b) => formatAtom(b.get(v('x'))!))).toEqual(['Bob', 'Ann']);
    expect(space.query(expr(sym('Parent'), sym('Tom'), v('x'))).map((b) => formatAtom(b.get(v('x'))!))).toEqual(['Ann', 'Cid']);
    // Read while a write transaction is open: still the snapshot's contents.
    space.transaction((s) => {
      s.add(fact('Tom', 'Dan'));
      expect(fmt(snap.candidates(fact('Tom', 'Dan')))).toEqual([]);
      expect(fmt(snap.atoms())).toEqual(['(Parent Tom Bob)', '(Parent Tom Ann)']);
      expect(() => s.snapshot()).toThrow(PersistError);
    });
    snap.release();
    expect(() => snap.atoms()).toThrow(/released/);
    const late = space.snapshot();
    await space.close();
    expect(() => late.query(v('x'))).toThrow(/closed/);
    expect(() => space.add(sym('x'))).toThrow(/closed/);
    expect(() => space.size).toThrow(PersistError);
  });

  it('is queried by MeTTa through a bound token, and MeTTa writes to it durably', async () => {
    const dir = freshDir();
    const space = LmdbSpace.open(dir);
    space.addAll([fact('Tom', 'Bob'), fact('Tom', 'Ann'), fact('Bob', 'Cid')]);
    const runner = new MeTTa({ io: silent });
    runner.bind('&db', space);
    const out = runner.run(
      [
        '!(match &db (Parent Tom $x) $x)',
        '!(add-atom &db (Parent Ann Dee))',
        '!(match &db (, (Parent Tom $c) (Parent $c $g)) $g)',
        '!(remove-atom &db (Parent Bob Cid))',
        '!(collapse (match &db (Parent $p $c) $c))',
      ].join('\n'),
    );
    expect(out.results.map((r) => r.map(formatAtom).sort())).toEqual([['Ann', 'Bob'], ['()'], ['Cid', 'Dee'], ['()'], ['(Bob Ann Dee)']]);
    expect(runner.run('! &db').results.map((r) => r.map(formatAtom))).toEqual([[`LmdbSpace-${space.name}`]]);
    await space.close();
    const reopened = LmdbSpace.open(dir);
    expect(fmt(reopened.atoms())).toEqual(['(Parent Tom Bob)', '(Parent Tom Ann)', '(Parent Ann Dee)']);
    await reopened.close();
  });

  it('prints as LmdbSpace-<name> from toString, as describe() and MeTTa print it', async () => {
    const dir = freshDir();
    const named = LmdbSpace.open(join(dir, 'sensors'), { name: 'readings' });
    expect(named.toString()).toBe('LmdbSpace-readings');
    expect(`${named}`).toBe(named.describe());
    expect(formatAtom(new SpaceAtom(named))).toBe(String(named));
    await named.close();
    // Without a name option, the name is the directory's base name.
    const unnamed = LmdbSpace.open(join(dir, 'sensors'));
    expect(String(unnamed)).toBe('LmdbSpace-sensors');
    await unnamed.close();
  });

  it('sees the commits of another writer on the same directory after refresh()', async () => {
    const dir = freshDir();
    const writer = LmdbSpace.open(dir);
    const reader = LmdbSpace.open(dir);
    expect(reader.size).toBe(0);
    writer.add(fact('Tom', 'Bob'));
    reader.refresh();
    expect(reader.size).toBe(1);
    expect(fmt(reader.candidates(fact('Tom', 'Bob')))).toEqual(['(Parent Tom Bob)']);
    // Writes always start from the latest commit, whoever made it.
    reader.add(fact('Tom', 'Ann'));
    writer.refresh();
    expect(fmt(writer.atoms())).toEqual(['(Parent Tom Bob)', '(Parent Tom Ann)']);
    await writer.close();
    await reader.close();
  });

  it('refuses a database of another layout', async () => {
    const dir = freshDir();
    const space = LmdbSpace.open(dir);
    await space.close();
    const lmdb = createRequire(import.meta.url)('lmdb') as typeof import('lmdb');
    const env = lmdb.open({ path: dir, maxDbs: 4 });
    env.openDB<number, string>({ name: 'meta', encoding: 'ordered-binary' }).putSync('layout', 99);
    await env.close();
    expect(() => LmdbSpace.open(dir)).toThrow(/has layout 99; this version reads layout 1/);
  });

  it('holds atoms of every kind with a binary form, and refuses the others', async () => {
    const space = LmdbSpace.open(freshDir());
    const atoms = [sym('s'), v('x'), freshVariable('y'), int(-(2n ** 63n)), float(NaN), str('日本\uD800'), expr(), expr(v('h'), sym('a'))];
    for (const a of atoms) space.add(a);
    const back = [...space.atoms()];
    back.forEach((a, i) => expect(sameAtom(a, atoms[i]!)).toBe(true));
    expect(fmt(space.candidates(v('anything'))).length).toBe(atoms.length);
    // Variables and open-headed expressions are candidates for any pattern; nothing else is here.
    expect(fmt(space.candidates(expr(sym('g'), sym('a'))))).toEqual(['$x', formatAtom(atoms[2]!), '($h a)']);
    expect(() => space.add(expr(sym('in'), new SpaceAtom(new GroundingSpace('kb'))))).toThrow(/GroundingSpace-kb/);
    expect(space.size).toBe(atoms.length);
    await space.close();
  });
});
