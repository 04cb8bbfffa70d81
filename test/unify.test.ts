import { describe, expect, it } from 'vitest';
import { atomEq, exprOf, freshVariable, sym, v, type Atom, type VariableAtom } from '../src/atomspace/atom.js';
import { Bindings } from '../src/atomspace/bindings.js';
import { formatAtom } from '../src/atomspace/format.js';
import { matchAtoms, mergeBindings, unify } from '../src/atomspace/unify.js';
import { float, int, str } from '../src/atomspace/values.js';
import { GroundingSpace } from '../src/atomspace/grounding-space.js';
import { SpaceAtom } from '../src/atomspace/space-atom.js';

/** Atom builder: arrays are expressions, `$x` variables, numbers integers, other strings symbols. */
type Spec = string | number | Atom | Spec[];
function A(x: Spec): Atom {
  if (Array.isArray(x)) return exprOf(x.map(A));
  if (typeof x === 'number') return int(x);
  if (typeof x === 'string') return x.startsWith('$') ? v(x.slice(1)) : sym(x);
  return x;
}
const show = (b: Bindings) => b.toString(formatAtom);

/** The one answer of matching `a` with `b`, checked to make both sides equal. */
function only(a: Spec, b: Spec): Bindings {
  const r = matchAtoms(A(a), A(b));
  expect(r).toHaveLength(1);
  expect(atomEq(r[0]!.apply(A(a)), r[0]!.apply(A(b)))).toBe(true);
  return r[0]!;
}

describe('matchAtoms', () => {
  it('matches equal symbols with no bindings and rejects different ones', () => {
    expect(show(only('a', 'a'))).toBe('{  }');
    expect(matchAtoms(A('a'), A('b'))).toEqual([]);
  });

  it('binds a variable on either side', () => {
    const fa = A(['f', 'a']);
    expect(matchAtoms(A('$x'), fa)[0]!.get(v('x'))).toBe(fa);
    expect(formatAtom(only(['f', 'a'], '$x').get(v('x'))!)).toBe('(f a)');
    expect(formatAtom(only('$x', 5).get(v('x'))!)).toBe('5');
  });

  it('links two variables without a value', () => {
    const b = only('$x', '$y');
    expect(b.walk(v('x'))).toBe(b.walk(v('y')));
    expect(b.get(v('x')) === v('y') || b.get(v('y')) === v('x')).toBe(true);
  });

  it('matches expressions child by child, both sides holding variables', () => {
    const b = only(['f', '$x', 'b'], ['f', 'a', '$y']);
    expect(formatAtom(b.apply(v('x')))).toBe('a');
    expect(formatAtom(b.apply(v('y')))).toBe('b');
    expect(matchAtoms(A(['f', 'a']), A(['f', 'a', 'b']))).toEqual([]);
    expect(matchAtoms(A(['f', 'a']), A(['g', 'a']))).toEqual([]);
    expect(matchAtoms(A(['f', 'a']), A('f'))).toEqual([]);
  });

  it('requires a repeated variable to match consistently', () => {
    expect(matchAtoms(A(['eq', '$x', '$x']), A(['eq', 'a', 'b']))).toEqual([]);
    only(['eq', '$x', '$x'], ['eq', 'a', 'a']);
    const b = only(['eq', '$x', '$x'], ['eq', '$y', ['g', '$z']]);
    expect(formatAtom(b.apply(v('y')))).toBe('(g $z)');
  });

  it('refuses bindings that loop (occurs check), directly and through links', () => {
    expect(matchAtoms(A('$x'), A(['f', '$x']))).toEqual([]);
    expect(matchAtoms(A(['p', '$x', '$x']), A(['p', '$y', ['f', '$y']]))).toEqual([]);
    expect(matchAtoms(A(['p', '$x', '$y', '$x']), A(['p', '$y', ['g', '$x'], '$z']))).toEqual([]);
  });

  it('treats variables with the same name but another id as different', () => {
    const x1 = freshVariable('x');
    const r = matchAtoms(A(['p', '$x', '$x']), exprOf([sym('p'), x1, sym('a')]));
    expect(r).toHaveLength(1);
    expect(formatAtom(r[0]!.apply(v('x')))).toBe('a');
    expect(formatAtom(r[0]!.apply(x1))).toBe('a');
  });

  it('compares grounded values by their own equality, numbers across int and float', () => {
    only(1, float(1.0));
    only(str('s'), str('s'));
    expect(matchAtoms(int(1), int(2))).toEqual([]);
    expect(matchAtoms(str('1'), int(1))).toEqual([]);
    expect(matchAtoms(int(1), sym('1'))).toEqual([]);
  });

  it('extends a base and fails against it when contradicting', () => {
    const base = only('$x', 'a');
    expect(matchAtoms(A(['f', '$x']), A(['f', 'a']), base)).toHaveLength(1);
    expect(matchAtoms(A(['f', '$x']), A(['f', 'b']), base)).toEqual([]);
    const r = matchAtoms(A(['f', '$y']), A(['f', '$x']), base);
    expect(formatAtom(r[0]!.apply(v('y')))).toBe('a');
  });

  it('lets a space atom match a pattern by querying the space', () => {
    const kb = new GroundingSpace('kb');
    kb.add(A(['color', 'sky', 'blue']));
    kb.add(A(['color', 'grass', 'green']));
    const space = new SpaceAtom(kb);
    const answers = matchAtoms(space, A(['color', '$what', '$c']));
    expect(answers.map((b) => formatAtom(b.apply(A(['$what', '$c']))))).toEqual(['(sky blue)', '(grass green)']);
    // The same from the other side, and nested inside expressions.
    expect(matchAtoms(A(['color', '$what', 'green']), space)).toHaveLength(1);
    const nested = matchAtoms(exprOf([sym('in'), space]), A(['in', ['color', 'sky', '$c']]));
    expect(nested.map((b) => formatAtom(b.apply(v('c'))))).toEqual(['blue']);
    // A variable on the other side binds to the space atom itself (§2.4 rule 3).
    expect(matchAtoms(A('$s'), space)[0]!.get(v('s'))).toBe(space);
  });
});

describe('unify and mergeBindings', () => {
  it('unify gives the single answer or null', () => {
    expect(unify(A('a'), A('b'))).toBeNull();
    expect(formatAtom(unify(A(['f', '$x']), A(['f', 'a']))!.apply(v('x')))).toBe('a');
  });

  it('merges compatible bindings and refuses contradicting or looping ones', () => {
    const x = only('$x', ['f', '$y']);
    const y = only('$y', 'a');
    const merged = mergeBindings(x, y);
    expect(merged).toHaveLength(1);
    expect(formatAtom(merged[0]!.apply(v('x')))).toBe('(f a)');
    expect(mergeBindings(only('$x', 'a'), only('$x', 'b'))).toEqual([]);
    expect(mergeBindings(only('$x', ['f', '$y']), only('$y', ['g', '$x']))).toEqual([]);
    expect(mergeBindings(Bindings.EMPTY, y)).toEqual([y]);
  });

  it('narrows bindings to chosen variables with resolved values', () => {
    const b = only(['p', '$x', '$y'], ['p', ['f', '$z'], '$z']);
    const n = b.narrow([v('x')]);
    expect(n.size).toBe(1);
    expect(formatAtom(n.apply(v('x')))).toMatch(/^\(f \$[yz]\)$/);
    expect(Bindings.EMPTY.narrow([v('x')]).isEmpty).toBe(true);
  });

  it('binds through Bindings.bind with the same checks', () => {
    const b = Bindings.EMPTY.bind(v('x'), A(['f', '$y']))!;
    expect(b.bind(v('y'), A(['g', '$x']))).toBeNull();
    expect(b.bind(v('x'), A(['f', 'a']))!.get(v('y'))).toBe(sym('a'));
    expect(b.bind(v('x'), A('a'))).toBeNull();
  });

  it('prints bindings as the reference does', () => {
    const b = only(['p', '$x', '$y'], ['p', 'A', '$z']);
    expect(show(b)).toBe('{ $x <- A, $y = $z }');
    const vars: VariableAtom[] = [v('x'), v('y')];
    expect(vars.map((x) => b.walk(x).kind)).toEqual(['symbol', 'variable']);
  });
});
