import { describe, expect, it } from 'vitest';
import { alphaEq, atomEq, exprOf, freshVariable, sym, v, type Atom } from '../src/atomspace/atom.js';
import { Bindings } from '../src/atomspace/bindings.js';
import { formatAtom } from '../src/atomspace/format.js';
import { GroundingSpace } from '../src/atomspace/grounding-space.js';
import { SPACE_TYPE, SpaceAtom } from '../src/atomspace/space-atom.js';
import type { ReadableSpace, SpaceEvent } from '../src/atomspace/space.js';
import { matchAtoms } from '../src/atomspace/unify.js';
import { float, int, str } from '../src/atomspace/values.js';

/** Atom builder: arrays are expressions, `$x` variables, numbers integers, other strings symbols. */
type Spec = string | number | Atom | Spec[];
function A(x: Spec): Atom {
  if (Array.isArray(x)) return exprOf(x.map(A));
  if (typeof x === 'number') return int(x);
  if (typeof x === 'string') return x.startsWith('$') ? v(x.slice(1)) : sym(x);
  return x;
}

function spaceOf(...atoms: Spec[]): GroundingSpace {
  const s = new GroundingSpace('test');
  for (const a of atoms) s.add(A(a));
  return s;
}

/** Each answer shown as the pattern with the answer applied. */
function answers(space: ReadableSpace, pattern: Spec, base?: Bindings): string[] {
  const p = A(pattern);
  return space.query(p, base).map((b) => formatAtom(b.apply(p)));
}

const list = (atoms: Iterable<Atom>) => [...atoms].map(formatAtom);

describe('GroundingSpace contents', () => {
  it('is a multiset: duplicates are kept and each answers', () => {
    const s = spaceOf(['=', ['f'], 'a'], ['=', ['f'], 'a']);
    expect(s.size).toBe(2);
    expect(list(s.atoms())).toEqual(['(= (f) a)', '(= (f) a)']);
    expect(answers(s, ['=', ['f'], '$r'])).toEqual(['(= (f) a)', '(= (f) a)']);
  });

  it('removes one equal occurrence at a time and reports whether it did', () => {
    const s = spaceOf(['p', 'a'], ['p', 'b'], ['p', 'a']);
    expect(s.remove(A(['p', 'a']))).toBe(true);
    expect(s.size).toBe(2);
    expect(list(s.atoms()).sort()).toEqual(['(p a)', '(p b)']);
    expect(s.remove(A(['p', 'a']))).toBe(true);
    expect(s.remove(A(['p', 'a']))).toBe(false);
    expect(s.remove(A(['q', 'a']))).toBe(false);
    expect(list(s.atoms())).toEqual(['(p b)']);
  });

  it('removes by structural equality: variables by name and id, numbers by value', () => {
    const s = spaceOf(['r', '$x'], ['n', 1]);
    expect(s.remove(exprOf([sym('r'), freshVariable('x')]))).toBe(false);
    expect(s.remove(A(['r', '$y']))).toBe(false);
    expect(s.remove(A(['r', '$x']))).toBe(true);
    expect(s.remove(exprOf([sym('n'), float(1.0)]))).toBe(true);
    expect(s.size).toBe(0);
  });

  it('keeps atoms in the order they were added', () => {
    const s = spaceOf('c', ['b', 1], 'a', ['b', 2], '$v');
    expect(list(s.atoms())).toEqual(['c', '(b 1)', 'a', '(b 2)', '$v']);
    expect(answers(s, ['b', '$n'])).toEqual(['(b 1)', '(b 2)', '(b $n)']);
    expect(answers(s, '$any')).toHaveLength(5);
  });

  it('names spaces, giving unnamed ones distinct names', () => {
    expect(new GroundingSpace('top').name).toBe('top');
    const a = new GroundingSpace();
    const b = new GroundingSpace();
    expect(a.name).not.toBe(b.name);
    expect(a.name).toMatch(/^0x[0-9a-f]+$/);
  });
});

describe('GroundingSpace queries', () => {
  it('renames stored variables freshly on every query', () => {
    const s = spaceOf(['=', ['id', '$x'], '$x']);
    const p = A(['=', ['id', '$y'], '$r']);
    const [first] = s.query(p);
    const [second] = s.query(p);
    const r1 = first!.apply(v('r'));
    const r2 = second!.apply(v('r'));
    expect(r1.kind).toBe('variable');
    expect(r1).not.toBe(v('x'));
    expect(atomEq(r1, r2)).toBe(false);
    expect(alphaEq(first!.apply(p), A(['=', ['id', '$z'], '$z']))).toBe(true);
    // The stored atom itself keeps its own variables.
    expect(list(s.atoms())).toEqual(['(= (id $x) $x)']);
  });

  it('narrows answers to the variables of the pattern', () => {
    const s = spaceOf(['p', ['q', '$a'], '$a']);
    const [b] = s.query(A(['p', '$x', 'b']));
    expect(b!.size).toBe(1);
    expect(formatAtom(b!.apply(v('x')))).toBe('(q b)');
  });

  it('matches both ways: variables stored in the knowledge base bind to the pattern', () => {
    const s = spaceOf(['likes', '$who', 'pizza'], ['likes', 'Sam', 'soup'], ['eq', '$x', '$x']);
    expect(answers(s, ['likes', 'Bob', '$what'])).toEqual(['(likes Bob pizza)']);
    const open = s.query(A(['likes', '$p', '$what'])).map((b) => b.apply(A(['likes', '$p', '$what'])));
    expect(open).toHaveLength(2);
    expect(alphaEq(open[0]!, A(['likes', '$q', 'pizza']))).toBe(true);
    expect(formatAtom(open[1]!)).toBe('(likes Sam soup)');
    expect(answers(s, ['eq', 'a', 'b'])).toEqual([]);
    expect(answers(s, ['eq', 'a', '$y'])).toEqual(['(eq a a)']);
  });

  it('drops answers whose bindings would loop', () => {
    const s = spaceOf(['f', '$z', '$z']);
    expect(answers(s, ['f', '$y', ['g', '$y']])).toEqual([]);
    expect(answers(s, ['f', '$y', ['g', 'a']])).toEqual(['(f (g a) (g a))']);
  });

  it('answers conjunctions, sharing variables across conjuncts', () => {
    const s = spaceOf(['parent', 'Tom', 'Bob'], ['parent', 'Bob', 'Ann'], ['parent', 'Bob', 'Liz'], ['parent', 'Ann', 'Joe']);
    const grand = [',', ['parent', '$x', '$y'], ['parent', '$y', '$z']];
    expect(answers(s, grand)).toEqual([
      '(, (parent Tom Bob) (parent Bob Ann))',
      '(, (parent Tom Bob) (parent Bob Liz))',
      '(, (parent Bob Ann) (parent Ann Joe))',
    ]);
    expect(answers(s, [',', ['parent', '$x', 'Bob'], ['parent', '$x', 'Ann']])).toEqual([]);
    expect(answers(s, [','])).toEqual(['(,)']);
  });

  it('merges answers with base bindings, which also constrain the query', () => {
    const s = spaceOf(['parent', 'Tom', 'Bob'], ['parent', 'Bob', 'Ann']);
    const base = matchAtoms(v('x'), sym('Bob'))[0]!;
    const got = s.query(A(['parent', '$x', '$y']), base);
    expect(got).toHaveLength(1);
    expect(formatAtom(got[0]!.apply(A(['$x', '$y'])))).toBe('(Bob Ann)');
    const other = matchAtoms(v('other'), sym('kept'))[0]!;
    const kept = s.query(A(['parent', 'Tom', '$y']), other);
    expect(formatAtom(kept[0]!.apply(A(['$other', '$y'])))).toBe('(kept Bob)');
  });

  it('queries a space stored inside another space through its matcher', () => {
    const inner = spaceOf(['fact', 1], ['fact', 2]);
    const outer = new GroundingSpace('outer');
    outer.add(exprOf([sym('source'), new SpaceAtom(inner)]));
    outer.add(A(['source', 'none']));
    expect(answers(outer, ['source', ['fact', '$n']])).toEqual(['(source (fact 1))', '(source (fact 2))']);
  });

  it('matches stored atoms of any shape: a bare variable or an open head', () => {
    const s = spaceOf('$anything', ['$f', 'a'], ['g', 'b']);
    expect(list(s.candidates(A(['g', 'a'])))).toEqual(['$anything', '($f a)', '(g b)']);
    expect(answers(s, ['g', 'a'])).toEqual(['(g a)', '(g a)']);
    expect(answers(s, 'sym')).toEqual(['sym']);
  });
});

describe('GroundingSpace indexes', () => {
  it('reads only the atoms of the pattern head', () => {
    const s = new GroundingSpace();
    for (let h = 0; h < 200; h++) for (let i = 0; i < 10; i++) s.add(A([`head${h}`, i, 'x']));
    expect(list(s.candidates(A(['head7', '$n', '$y'])))).toHaveLength(10);
    expect(list(s.candidates(A(['head7', 3, '$y'])))).toEqual(['(head7 3 x)']);
    expect(list(s.candidates(A(['head7', '$n'])))).toEqual([]);
    expect(list(s.candidates(A('head7')))).toEqual([]);
    // An open pattern reads everything.
    expect(list(s.candidates(A(['$h', 3, 'x'])))).toHaveLength(2000);
  });

  it('narrows equation lookup by the called function and its argument', () => {
    const s = new GroundingSpace();
    for (let f = 0; f < 100; f++) s.add(A(['=', [`f${f}`, '$x'], '$x']));
    s.add(A(['=', ['fib', 0], 0]));
    s.add(A(['=', ['fib', 1], 1]));
    s.add(A(['=', ['fib', '$n'], ['+', ['fib', ['-', '$n', 1]], ['fib', ['-', '$n', 2]]]]));
    for (let i = 0; i < 100; i++) s.add(A(['=', ['color', `c${i}`], `v${i}`]));
    expect(list(s.candidates(A(['=', ['fib', 25], '$X'])))).toEqual([
      '(= (fib $n) (+ (fib (- $n 1)) (fib (- $n 2))))',
    ]);
    expect(list(s.candidates(A(['=', ['fib', 1], '$X'])))).toEqual(['(= (fib 1) 1)', '(= (fib $n) (+ (fib (- $n 1)) (fib (- $n 2))))']);
    expect(list(s.candidates(A(['=', ['color', 'c42'], '$X'])))).toEqual(['(= (color c42) v42)']);
    expect(list(s.candidates(A(['=', ['fib', '$k'], '$X'])))).toHaveLength(3);
    expect(answers(s, ['=', ['fib', 1], '$X'])).toEqual(['(= (fib 1) 1)', '(= (fib 1) (+ (fib (- 1 1)) (fib (- 1 2))))']);
  });

  it('does not scan a large knowledge base for a ground argument', () => {
    const s = new GroundingSpace();
    for (let i = 0; i < 100_000; i++) s.add(A(['edge', i, i % 100]));
    expect(list(s.candidates(A(['edge', 4242, '$y'])))).toEqual(['(edge 4242 42)']);
    expect(list(s.candidates(A(['edge', '$x', 7])))).toHaveLength(1000);
    expect(answers(s, ['edge', 99_999, '$y'])).toEqual(['(edge 99999 99)']);
  });

  it('treats numbers that are equal across int and float as the same key', () => {
    const s = spaceOf(['n', 2], ['n', 3]);
    s.add(exprOf([sym('n'), float(2.5)]));
    expect(answers(s, exprOf([sym('n'), float(2.0)]))).toEqual(['(n 2.0)']);
    expect(answers(s, exprOf([sym('n'), float(2.5)]))).toEqual(['(n 2.5)']);
    expect(answers(s, ['n', str('2') as Atom])).toEqual([]);
    // Integers beyond 2^53 equal the float of the same value.
    s.add(exprOf([sym('n'), int(2n ** 60n)]));
    expect(answers(s, exprOf([sym('n'), float(2 ** 60)]))).toEqual(['(n 1.152921504606847e18)']);
    s.add(exprOf([sym('z'), float(-0)]));
    expect(answers(s, ['z', 0])).toEqual(['(z 0)']);
  });
});

describe('GroundingSpace snapshots', () => {
  it('keep the contents of the moment they were taken', () => {
    const s = spaceOf(['p', 1], ['p', 2]);
    const snap = s.snapshot();
    s.add(A(['p', 3]));
    s.remove(A(['p', 1]));
    expect(snap.size).toBe(2);
    expect(list(snap.atoms())).toEqual(['(p 1)', '(p 2)']);
    expect(answers(snap, ['p', '$n'])).toEqual(['(p 1)', '(p 2)']);
    expect(list(snap.candidates(A(['p', 1])))).toEqual(['(p 1)']);
    expect(answers(s, ['p', '$n'])).toEqual(['(p 2)', '(p 3)']);
    expect(s.size).toBe(2);
    expect(snap.name).toBe(s.name);
  });

  it('stay independent across many interleaved writes and snapshots', () => {
    const s = new GroundingSpace();
    const taken: { snap: ReadableSpace; expected: string[] }[] = [];
    const model: string[] = [];
    for (let i = 0; i < 300; i++) {
      s.add(A(['k', i % 7, i]));
      model.push(formatAtom(A(['k', i % 7, i])));
      if (i % 3 === 0) {
        const victim = A(['k', (i * 5) % 7, i - 1 - ((i * 5) % 7)]);
        if (s.remove(victim)) model.splice(model.indexOf(formatAtom(victim)), 1);
      }
      if (i % 4 === 0) taken.push({ snap: s.snapshot(), expected: [...model] });
    }
    for (const { snap, expected } of taken) {
      expect(list(snap.atoms())).toEqual(expected);
      expect(answers(snap, ['k', 3, '$i']).sort()).toEqual(expected.filter((a) => a.startsWith('(k 3 ')).sort());
    }
    expect(list(s.atoms())).toEqual(model);
  });

  it('can be iterated while the space changes', () => {
    const s = spaceOf(['p', 1], ['p', 2], ['p', 3]);
    const snap = s.snapshot();
    const seen: string[] = [];
    for (const a of snap.atoms()) {
      seen.push(formatAtom(a));
      s.remove(a);
      s.add(A(['p', 9]));
    }
    expect(seen).toEqual(['(p 1)', '(p 2)', '(p 3)']);
    expect(list(s.atoms())).toEqual(['(p 9)', '(p 9)', '(p 9)']);
  });

  it('is cheap when nothing changed in between', () => {
    const s = spaceOf('a');
    expect(s.snapshot()).toBe(s.snapshot());
    const before = s.snapshot();
    s.add(A('b'));
    expect(s.snapshot()).not.toBe(before);
  });
});

describe('GroundingSpace live iteration and observers', () => {
  it('iterating while changing the space neither fails nor repeats an atom', () => {
    const s = new GroundingSpace();
    for (let i = 0; i < 100; i++) s.add(A(['p', i]));
    const seen = new Set<string>();
    for (const a of s.candidates(A(['p', '$n']))) {
      const text = formatAtom(a);
      expect(seen.has(text)).toBe(false);
      seen.add(text);
      s.remove(a);
      s.add(A(['p', 1000 + seen.size]));
    }
    expect(seen.size).toBeGreaterThan(0);
    expect(s.size).toBe(100);
  });

  it('reports every add and remove to observers until they unsubscribe', () => {
    const s = new GroundingSpace();
    const events: string[] = [];
    const stop = s.observe((e: SpaceEvent) => events.push(`${e.type} ${formatAtom(e.atom)}`));
    s.add(A(['p', 1]));
    s.add(A(['p', 1]));
    s.remove(exprOf([sym('p'), float(1)]));
    s.remove(A(['q']));
    stop();
    s.add(A('late'));
    expect(events).toEqual(['add (p 1)', 'add (p 1)', 'remove (p 1)']);
  });

  it('lets an observer unsubscribe itself during a notification', () => {
    const s = new GroundingSpace();
    const calls: string[] = [];
    const stop = s.observe(() => {
      calls.push('once');
      stop();
    });
    s.observe(() => calls.push('always'));
    s.add(A('a'));
    s.add(A('b'));
    expect(calls).toEqual(['once', 'always', 'always']);
  });
});

describe('SpaceAtom', () => {
  it('wraps a space: type SpaceType, printed GroundingSpace-<name>, equal by identity', () => {
    const s = new GroundingSpace('top');
    const a = new SpaceAtom(s);
    expect(a.type).toBe(SPACE_TYPE);
    expect(formatAtom(a)).toBe('GroundingSpace-top');
    expect(a.equals(new SpaceAtom(s))).toBe(true);
    expect(a.equals(new SpaceAtom(new GroundingSpace('top')))).toBe(false);
    expect(a.indexKey()).toBeUndefined();
    expect(a.space).toBe(s);
  });

  it('matches a pattern by answering with the query bindings', () => {
    const s = spaceOf(['age', 'Ann', 30], ['age', 'Bob', 40]);
    const got = [...new SpaceAtom(s).match(A(['age', '$who', '$n']))];
    expect(got.map((m) => `${formatAtom(m.get(v('who'))!)} ${formatAtom(m.get(v('n'))!)}`)).toEqual(['Ann 30', 'Bob 40']);
  });
});

describe('number index keys', () => {
  it('equal integers and floats share a key, beyond 2^53 too', async () => {
    const { int, float } = await import('../src/atomspace/values.js');
    for (const [i, f] of [[1, 1.0], [2n ** 60n, 2 ** 60], [-(2n ** 62n), -(2 ** 62)], [9007199254740993n, 9007199254740992]] as const) {
      const a = int(i as number | bigint);
      const b = float(f);
      expect(a.equals(b)).toBe(true);
      expect(a.indexKey()).toBe(b.indexKey());
    }
    expect(int(3).indexKey()).not.toBe(float(3.5).indexKey());
  });
});
