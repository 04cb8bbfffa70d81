import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atomEq, exprOf, isGround, renameVariables, sym, v, type Atom } from '../src/atomspace/atom.js';
import { formatAtom } from '../src/atomspace/format.js';
import { matchAtoms, mergeBindings } from '../src/atomspace/unify.js';
import { float, int, str } from '../src/atomspace/values.js';
import { GroundingSpace } from '../src/atomspace/grounding-space.js';
import { SpaceAtom } from '../src/atomspace/space-atom.js';

/**
 * Random atoms over small alphabets, so that unification succeeds often enough to matter:
 * a few symbols, variables, equal-valued ints and floats, strings, nested expressions.
 */
const leaf: fc.Arbitrary<Atom> = fc.oneof(
  fc.constantFrom('a', 'b', 'f').map(sym),
  fc.constantFrom('x', 'y', 'z', 'w').map(v),
  fc.constantFrom<Atom>(int(1), int(2), float(1.0), float(0.5), str('s')),
);
const { atom } = fc.letrec<{ atom: Atom; expr: Atom }>((tie) => ({
  atom: fc.oneof({ maxDepth: 4, depthIdentifier: 'atom' }, leaf, leaf, tie('expr')),
  expr: fc.array(tie('atom'), { maxLength: 3 }).map((cs) => exprOf(cs)),
}));
/** Pairs built to overlap: the second is often the first with some parts replaced. */
const pair = fc.oneof(
  fc.tuple(atom, atom),
  fc.tuple(atom, atom, fc.integer({ min: 0, max: 3 })).map(([a, b, i]) => [a, graft(a, b, i)] as [Atom, Atom]),
);

/** `a` with its i-th child (if any) replaced by `b`. */
function graft(a: Atom, b: Atom, i: number): Atom {
  if (a.kind !== 'expression' || a.children.length === 0) return b;
  const cs = [...a.children];
  cs[i % cs.length] = b;
  return exprOf(cs);
}

/** Atoms that may hold a space atom (a custom matcher) over a small fixed space. */
const kb = new GroundingSpace('kb');
for (const a of [exprOf([sym('f'), sym('a')]), exprOf([sym('f'), v('x')]), sym('b'), exprOf([sym('g'), int(1), v('y')])]) kb.add(a);
const withSpace: fc.Arbitrary<Atom> = fc.letrec<{ atom: Atom; expr: Atom }>((tie) => ({
  atom: fc.oneof({ maxDepth: 3, depthIdentifier: 'atom' }, leaf, fc.constant<Atom>(new SpaceAtom(kb)), tie('expr')),
  expr: fc.array(tie('atom'), { maxLength: 3 }).map((cs) => exprOf(cs)),
})).atom;

const settings = { numRuns: 2000 };

describe('unification properties', () => {
  it('is symmetric and its bindings make both sides equal', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const ab = matchAtoms(a, b);
        const ba = matchAtoms(b, a);
        expect(ab.length).toBe(ba.length);
        for (const r of [...ab, ...ba]) {
          // Applying also proves the bindings hold no loop (resolving one would never end).
          const left = r.apply(a);
          const right = r.apply(b);
          if (!atomEq(left, right)) throw new Error(`${formatAtom(left)} != ${formatAtom(right)}`);
        }
      }),
      settings,
    );
  });

  it('is symmetric when a space atom matches by querying its space', () => {
    fc.assert(
      fc.property(withSpace, withSpace, (a, b) => {
        const ab = matchAtoms(a, b);
        const ba = matchAtoms(b, a);
        expect(ab.length).toBe(ba.length);
        // Each answer must still resolve without looping.
        for (const r of [...ab, ...ba]) {
          r.apply(a);
          r.apply(b);
        }
      }),
      settings,
    );
  });

  it('agrees with equality on ground atoms', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        fc.pre(isGround(a) && isGround(b));
        expect(matchAtoms(a, b).length).toBe(atomEq(a, b) ? 1 : 0);
      }),
      settings,
    );
  });

  it('always matches an atom with a renamed copy of itself, and with itself', () => {
    fc.assert(
      fc.property(atom, (a) => {
        expect(matchAtoms(a, renameVariables(a))).toHaveLength(1);
        expect(matchAtoms(a, a)).toHaveLength(1);
      }),
      settings,
    );
  });

  it('finds a match whenever a substitution of one side gives the other', () => {
    fc.assert(
      fc.property(atom, fc.array(atom, { minLength: 4, maxLength: 4 }), (pattern, values) => {
        const names = ['x', 'y', 'z', 'w'];
        const instance = substituteAll(pattern, names, values);
        const r = matchAtoms(pattern, instance);
        // With ground values a match must exist; values holding variables may make it loop.
        if (!variablesOccurIn(values)) expect(r.length).toBe(1);
        for (const b of r) expect(atomEq(b.apply(pattern), b.apply(instance))).toBe(true);
      }),
      settings,
    );
  });

  it('merges bindings of compatible matches into bindings satisfying both', () => {
    fc.assert(
      fc.property(pair, pair, ([a, b], [c, d]) => {
        const x = matchAtoms(a, b);
        const y = matchAtoms(c, d);
        fc.pre(x.length === 1 && y.length === 1);
        for (const m of mergeBindings(x[0]!, y[0]!)) {
          expect(atomEq(m.apply(a), m.apply(b))).toBe(true);
          expect(atomEq(m.apply(c), m.apply(d))).toBe(true);
        }
      }),
      settings,
    );
  });
});

/** `pattern` with variable `names[i]` replaced by `values[i]`. */
function substituteAll(pattern: Atom, names: string[], values: Atom[]): Atom {
  if (pattern.kind === 'variable') {
    const i = names.indexOf(pattern.name);
    return i >= 0 ? values[i]! : pattern;
  }
  if (pattern.kind !== 'expression') return pattern;
  return exprOf(pattern.children.map((c) => substituteAll(c, names, values)));
}

function variablesOccurIn(atoms: Atom[]): boolean {
  return atoms.some((a) => !isGround(a));
}
