/**
 * Tails of expressions (`exprTail`, what `cdr-atom` returns) share their list's storage. They
 * must be indistinguishable from a copied tail in everything: equality, ground flag, printing,
 * index keys, and the shared per-storage answers of `mapElementsShared`/`everyElementShared`.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  atomEq,
  ElementMap,
  ElementTest,
  exprCons,
  exprItem,
  exprLength,
  exprOf,
  exprTail,
  sym,
  v,
  withEvaluatedFlag,
  type Atom,
  type ExpressionAtom,
} from '../src/atomspace/atom.js';
import { formatAtom } from '../src/atomspace/format.js';
import { shapeOf, storedKeys } from '../src/atomspace/space-keys.js';
import { GroundingSpace } from '../src/atomspace/grounding-space.js';
import { int, str } from '../src/atomspace/values.js';
import { NUMBER_TYPE } from '../src/atomspace/values.js';
import { MeTTa } from '../src/metta/runner.js';

const leaf: fc.Arbitrary<Atom> = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map((n) => int(n)),
  fc.constantFrom('a', 'b', 'c').map((s) => sym(s)),
  fc.constantFrom('x', 'y').map((s) => v(s)),
  fc.constantFrom('s', 't').map((s) => str(s)),
);
const element: fc.Arbitrary<Atom> = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 3 }).map((xs) => exprOf(xs)) },
);
/** A list, and a chain of `from` offsets to take tails of tails with. */
const listAndCuts = fc
  .array(element, { maxLength: 12 })
  .chain((xs) => fc.tuple(fc.constant(xs), fc.array(fc.nat({ max: xs.length }), { minLength: 1, maxLength: 4 })));

/** Follows the cuts, each a tail of the previous tail; also the copied list at each step. */
function cutAll(xs: Atom[], cuts: number[]): Array<[ExpressionAtom, Atom[]]> {
  const out: Array<[ExpressionAtom, Atom[]]> = [];
  let e = exprOf(xs);
  let copy = xs;
  for (const c of cuts) {
    e = exprTail(e, c);
    copy = copy.slice(c);
    out.push([e, copy]);
  }
  return out;
}

describe('expression tails', () => {
  it('equal a copied tail in elements, equality, ground flag, printing and index keys', () => {
    fc.assert(
      fc.property(listAndCuts, ([xs, cuts]) => {
        for (const [tail, copy] of cutAll(xs, cuts)) {
          const fresh = exprOf(copy);
          expect(exprLength(tail)).toBe(copy.length);
          for (let i = 0; i < copy.length; i++) expect(exprItem(tail, i)).toBe(copy[i]);
          expect(exprItem(tail, copy.length)).toBeUndefined();
          expect(tail.ground).toBe(fresh.ground);
          expect(atomEq(tail, fresh)).toBe(true);
          expect(atomEq(fresh, tail)).toBe(true);
          expect(shapeOf(tail)).toBe(shapeOf(fresh));
          const k1: number[] = [];
          const k2: number[] = [];
          storedKeys(tail, k1);
          storedKeys(fresh, k2);
          expect(k1).toEqual(k2);
          expect(formatAtom(withEvaluatedFlag(tail))).toBe(formatAtom(fresh));
          // Reading `children` copies the tail once and changes nothing visible.
          expect(tail.children).toEqual(copy);
          expect(atomEq(tail, fresh)).toBe(true);
        }
      }),
    );
  });

  it('stay immutable and agree with copied lists under any mix of cons, tail and reads', () => {
    const typeOf = (x: Atom): Atom | undefined => (x.kind === 'grounded' ? x.type : undefined);
    const isSymbol = (x: Atom): boolean => x.kind === 'symbol';
    type Op = { op: 'cons'; x: Atom; of: number } | { op: 'tail'; k: number; of: number } | { op: 'read'; of: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 3, arbitrary: fc.record({ op: fc.constant('cons' as const), x: element, of: fc.nat() }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('tail' as const), k: fc.nat({ max: 3 }), of: fc.nat() }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('read' as const), of: fc.nat() }) },
    );
    fc.assert(
      fc.property(fc.array(element, { maxLength: 6 }), fc.array(op, { maxLength: 40 }), (start, ops) => {
        // One map and test per run: their per-storage answers must follow every cons.
        const types = new ElementMap(typeOf);
        const symbols = new ElementTest(isSymbol);
        const pool: Array<[ExpressionAtom, Atom[]]> = [[exprOf(start), start]];
        for (const o of ops) {
          const [e, copy] = pool[o.of % pool.length]!;
          if (o.op === 'cons') pool.push([exprCons(o.x, e), [o.x, ...copy]]);
          else if (o.op === 'tail') pool.push([exprTail(e, Math.min(o.k, copy.length)), copy.slice(Math.min(o.k, copy.length))]);
          else expect(e.children).toEqual(copy);
          for (const [p, c] of pool) {
            expect(exprLength(p)).toBe(c.length);
            for (let i = 0; i < c.length; i++) expect(exprItem(p, i)).toBe(c[i]);
            expect(p.ground).toBe(exprOf(c).ground);
            const mapped = types.of(p);
            if (c.some((x) => typeOf(x) === undefined)) expect(mapped).toBeNull();
            else expect(mapped?.children).toEqual(c.map(typeOf));
            expect(symbols.every(p)).toBe(c.every(isSymbol));
          }
        }
      }),
    );
  });

  it('are stored and found in a space like any expression', () => {
    const s = new GroundingSpace();
    const list = exprOf([int(1), int(2), int(3), int(4)]);
    s.add(exprOf([sym('tail'), exprTail(list, 2)]));
    const found = [...s.query(exprOf([sym('tail'), exprOf([int(3), v('rest')])]))];
    expect(found.length).toBe(1);
    expect(formatAtom(found[0]!.apply(v('rest')))).toBe('4');
    expect(new ElementMap((x) => (x.kind === 'grounded' ? x.type : undefined)).of(exprTail(list, 1))?.children).toEqual([
      NUMBER_TYPE,
      NUMBER_TYPE,
      NUMBER_TYPE,
    ]);
  });
});

describe('lists walked with cdr-atom', () => {
  const run = (src: string) => new MeTTa().run(src).results.map((results) => results.map(formatAtom));

  it('behave as copied lists in the interpreter', () => {
    const out = run(`
      (= (range $n $acc) (if (== $n 0) $acc (range (- $n 1) (cons-atom $n $acc))))
      (= (sum $l $acc) (if (== $l ()) $acc (sum (cdr-atom $l) (+ $acc (car-atom $l)))))
      (= (last $l) (if (== (size-atom $l) 1) (car-atom $l) (last (cdr-atom $l))))
      !(sum (range 300 ()) 0)
      !(last (range 300 ()))
      !(let $t (cdr-atom (a b c d)) (cdr-atom $t))
      !(let $t (cdr-atom (a b c)) (decons-atom $t))
      !(let $t (cdr-atom (5 6 7)) (index-atom $t 1))
      !(let $t (cdr-atom (1 2 3)) (== $t (2 3)))
      !(let $t (cdr-atom (1 2 3)) (let ($h $r) (decons-atom $t) (cons-atom $h $r)))
      !(let $t (cdr-atom (1 "a" 2)) (get-type $t))
      (= (2 3) two-three)
      !(cdr-atom (1 2 3))
    `);
    expect(out).toEqual([
      ['45150'],
      ['300'],
      ['(c d)'],
      ['(b (c))'],
      ['7'],
      ['True'],
      ["(2 3)"],
      ['(String Number)'],
      ['two-three'],
    ]);
  });
});
