import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alphaEq, atomEq, exprOf, sym, v, type Atom } from '../src/atomspace/atom.js';
import { formatAtom } from '../src/atomspace/format.js';
import { GroundingSpace } from '../src/atomspace/grounding-space.js';
import { SpaceAtom } from '../src/atomspace/space-atom.js';
import type { ReadableSpace } from '../src/atomspace/space.js';
import { float, int, str } from '../src/atomspace/values.js';
import { NaiveSpace } from './support/naive-space.js';

/** A small fixed space, so stored atoms and patterns can hold a custom matcher. */
const inner = new GroundingSpace('inner');
inner.add(exprOf([sym('a'), int(1)]));
inner.add(exprOf([sym('f'), v('q')]));
const innerAtom = new SpaceAtom(inner);

const leaf: fc.Arbitrary<Atom> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'f', 'g').map(sym) },
  { weight: 3, arbitrary: fc.constantFrom('x', 'y', 'z').map(v) },
  { weight: 2, arbitrary: fc.constantFrom<Atom>(int(1), int(2), float(1.0), str('s')) },
  { weight: 1, arbitrary: fc.constant<Atom>(innerAtom) },
);
const { atom } = fc.letrec<{ atom: Atom; expr: Atom }>((tie) => ({
  atom: fc.oneof({ maxDepth: 3, depthIdentifier: 'atom' }, leaf, tie('expr'), tie('expr')),
  expr: fc.array(tie('atom'), { maxLength: 3 }).map((cs) => exprOf(cs)),
}));
/** Patterns: atoms, and now and then a conjunction of two or three of them. */
const pattern: fc.Arbitrary<Atom> = fc.oneof(
  { weight: 4, arbitrary: atom },
  { weight: 1, arbitrary: fc.array(atom, { minLength: 0, maxLength: 3 }).map((ps) => exprOf([sym(','), ...ps])) },
);

type Op =
  | { op: 'add'; atom: Atom }
  | { op: 'removeAdded'; index: number }
  | { op: 'remove'; atom: Atom }
  | { op: 'query'; pattern: Atom }
  | { op: 'snapshot' };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: atom.map((a) => ({ op: 'add' as const, atom: a })) },
  { weight: 3, arbitrary: fc.nat().map((i) => ({ op: 'removeAdded' as const, index: i })) },
  { weight: 1, arbitrary: atom.map((a) => ({ op: 'remove' as const, atom: a })) },
  { weight: 2, arbitrary: pattern.map((p) => ({ op: 'query' as const, pattern: p })) },
  { weight: 1, arbitrary: fc.constant({ op: 'snapshot' as const }) },
);

/** A structurally equal copy with new expression objects, so removal cannot rely on identity. */
function copy(a: Atom): Atom {
  return a.kind === 'expression' ? exprOf(a.children.map(copy)) : a;
}

/** Every answer as the pattern with it applied; the results compared up to variable renaming. */
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

/** Same contents as a multiset (stored atoms compared by equality). */
function sameContents(actual: ReadableSpace, model: NaiveSpace): void {
  expect(actual.size).toBe(model.size);
  const left = [...model.items];
  for (const a of actual.atoms()) {
    const i = left.findIndex((m) => atomEq(a, m));
    if (i < 0) throw new Error(`unexpected atom ${formatAtom(a)}`);
    left.splice(i, 1);
  }
  expect(left).toEqual([]);
}

function cloneModel(model: NaiveSpace): NaiveSpace {
  const c = new NaiveSpace();
  for (const a of model.items) c.add(a);
  return c;
}

/** Runs `ops` against both spaces, checking every query; returns the snapshots taken. */
function run(ops: Op[], checkPatterns: Atom[]) {
  const space = new GroundingSpace('under-test');
  const model = new NaiveSpace();
  const added: Atom[] = [];
  const snapshots: { snap: ReadableSpace; model: NaiveSpace }[] = [];
  for (const o of ops) {
    switch (o.op) {
      case 'add':
        space.add(o.atom);
        model.add(o.atom);
        added.push(o.atom);
        break;
      case 'removeAdded':
      case 'remove': {
        const target = o.op === 'remove' ? o.atom : added.length > 0 ? copy(added[o.index % added.length]!) : sym('none');
        expect(space.remove(target)).toBe(model.remove(target));
        break;
      }
      case 'query':
        sameAnswers(space, model, o.pattern);
        break;
      case 'snapshot':
        snapshots.push({ snap: space.snapshot(), model: cloneModel(model) });
        break;
    }
    expect(space.size).toBe(model.size);
  }
  sameContents(space, model);
  for (const p of checkPatterns) sameAnswers(space, model, p);
  return snapshots;
}

describe('GroundingSpace against the naive reference space', () => {
  it('agrees on random sequences of adds, removes and queries', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.array(pattern, { maxLength: 4 }), (ops, patterns) => {
        run(ops, patterns);
      }),
      { numRuns: 400 },
    );
  });

  it('snapshots keep answering as the reference did when they were taken', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.array(pattern, { minLength: 1, maxLength: 4 }), (ops, patterns) => {
        const snapshots = run(ops, []);
        for (const { snap, model } of snapshots) {
          sameContents(snap, model);
          for (const p of patterns) sameAnswers(snap, model, p);
        }
      }),
      { numRuns: 300 },
    );
  });

  /** Few distinct atoms, so buckets grow large and removals leave many holes. */
  const few = fc.oneof(
      fc.constantFrom('a', 'b').map((s) => exprOf([sym('p'), sym(s)])),
      fc.constantFrom(1, 2, 3).map((n) => exprOf([sym('q'), int(n), v('x')])),
    fc.constant(exprOf([sym('q'), v('y'), sym('b')])),
  );
  const probes = [exprOf([sym('p'), v('s')]), exprOf([sym('q'), int(2), v('r')]), exprOf([sym('q'), v('n'), sym('b')]), v('all')];
  /** Grows the space first, then mostly shrinks it, so buckets fill up and then empty out. */
  const growThenShrink = (snapshotWeight: number) =>
    fc
      .tuple(
        fc.array(few, { minLength: 100, maxLength: 400 }),
        fc.array(
          fc.oneof(
            { weight: 2, arbitrary: few.map((a): Op => ({ op: 'add', atom: a })) },
            { weight: 5, arbitrary: fc.nat().map((i): Op => ({ op: 'removeAdded', index: i })) },
            { weight: snapshotWeight, arbitrary: fc.constant<Op>({ op: 'snapshot' }) },
          ),
          { minLength: 200, maxLength: 1200 },
        ),
      )
      .map(([adds, rest]) => [...adds.map((a): Op => ({ op: 'add', atom: a })), ...rest]);

  it('agrees on long runs without snapshots (bucket holes and rebuilds)', () => {
    fc.assert(
      fc.property(growThenShrink(0), (ops) => {
        run(ops, probes);
      }),
      { numRuns: 30 },
    );
  });

  it('agrees on long runs with snapshots (tombstones and layer merges)', () => {
    fc.assert(
      fc.property(growThenShrink(1), (ops) => {
        const snapshots = run(ops, probes);
        for (const { snap, model } of snapshots.slice(-5)) {
          sameContents(snap, model);
          for (const p of probes) sameAnswers(snap, model, p);
        }
      }),
      { numRuns: 25 },
    );
  });
});
