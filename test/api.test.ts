import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  atomEq,
  Bindings,
  bindingsToObject,
  EvaluationStopped,
  expr,
  float,
  formatAtom,
  fromJS,
  GroundingSpace,
  int,
  isAtom,
  isErrorAtom,
  isNumber,
  MeTTa,
  metta,
  mettaTemplate,
  MettaRuntimeError,
  MettaSyntaxError,
  NoReduce,
  parseAtom,
  querySpace,
  str,
  sym,
  toJS,
  v,
  type Atom,
  type ReadableSpace,
  type RunnerIO,
  type Space,
  type SpaceEvent,
} from '../src/index.js';

function quiet(): { io: RunnerIO; out: string[] } {
  const out: string[] = [];
  return { io: { stdout: (t) => out.push(t), stderr: (t) => out.push(t) }, out };
}

function newRunner(): MeTTa {
  return new MeTTa({ io: quiet().io });
}

/** Every result of a run, printed. */
function printed(results: Atom[][]): string[][] {
  return results.map((r) => r.map(formatAtom));
}

describe('toJS / fromJS', () => {
  it('converts each kind of atom to a plain value', () => {
    expect(toJS(int(42))).toBe(42);
    expect(toJS(int(2n ** 62n))).toBe(2n ** 62n);
    expect(toJS(float(1.5))).toBe(1.5);
    expect(toJS(fromJS(true))).toBe(true);
    expect(toJS(str('hi'))).toBe('hi');
    expect(toJS(sym('Parent'))).toBe('Parent');
    expect(toJS(v('x'))).toBe('$x');
    expect(toJS(expr(sym('a'), expr(int(1), str('b')), expr()))).toEqual(['a', [1, 'b'], []]);
  });

  it('keeps other grounded atoms as they are', () => {
    const space = newRunner().run('! &self').results[0]![0]!;
    expect(toJS(space)).toBe(space);
  });

  it('converts host values to atoms', () => {
    expect(fromJS(3)).toBe(int(3));
    expect(fromJS(3.25)).toEqual(float(3.25));
    expect(formatAtom(fromJS(-0))).toBe('-0.0');
    expect(formatAtom(fromJS(2n ** 70n + 5n))).toBe('5'); // wrapped to 64 bits like MeTTa integers
    expect(formatAtom(fromJS(['a', 1, [false, 2.5]]))).toBe('("a" 1 (False 2.5))');
    const a = sym('kept');
    expect(fromJS(a)).toBe(a);
  });

  it('rejects values without a MeTTa counterpart', () => {
    for (const bad of [null, undefined, {}, () => 1, Symbol('s')]) {
      expect(() => fromJS(bad as never)).toThrow(TypeError);
    }
  });

  it('round-trips numbers, booleans and strings', () => {
    for (const x of [0, -7, 2 ** 53 - 1, 0.1, -1e300, Infinity, true, false, '', 'a "q" \n'] as const) {
      expect(toJS(fromJS(x))).toBe(x);
    }
    expect(Number.isNaN(toJS(fromJS(NaN)))).toBe(true);
  });

  it('tells atoms from other values', () => {
    expect(isAtom(sym('a'))).toBe(true);
    expect(isAtom(int(1))).toBe(true);
    expect(isAtom({ kind: 'other' })).toBe(false);
    expect(isAtom('a')).toBe(false);
  });
});

describe('metta template', () => {
  it('parses plain MeTTa text', () => {
    expect(formatAtom(metta`(Parent Tom $child)`)).toBe('(Parent Tom $child)');
    expect(metta`42`).toBe(int(42));
  });

  it('splices atoms in structurally, as the very objects given', () => {
    const who = sym('Tom');
    const odd = str('has ) and " inside');
    const fresh = v('y');
    const inner = expr(sym('f'), fresh);
    const a = metta`(Parent ${who} (${odd} ${inner}))`;
    expect(a.kind).toBe('expression');
    const [, tom, pair] = (a as Extract<Atom, { kind: 'expression' }>).children;
    expect(tom).toBe(who);
    const [s, e] = (pair as Extract<Atom, { kind: 'expression' }>).children;
    expect(s).toBe(odd);
    expect(e).toBe(inner);
  });

  it('converts JS values with fromJS', () => {
    expect(formatAtom(metta`(age ${'Ann'} ${42} ${[1, 2.5]} ${true})`)).toBe('(age "Ann" 42 (1 2.5) True)');
  });

  it('can be the whole atom', () => {
    const x = expr(sym('a'));
    expect(metta`${x}`).toBe(x);
    expect(metta`  ${x} ; comment`).toBe(x);
  });

  it('reads the text raw, with MeTTa escapes', () => {
    expect(toJS(metta`"a\"b\n"`)).toBe('a"b\n');
  });

  it('refuses interpolations that are not atoms of their own', () => {
    const x = sym('x');
    expect(() => metta`(a${x})`).toThrow(/interpolation #1/);
    expect(() => metta`("in ${x} string")`).toThrow(/interpolation #1/);
    expect(() => metta`(f ${x} $${x})`).toThrow(/interpolation #2/);
    expect(() => metta`(f ; ${x}
)`).toThrow(/interpolation #1/);
  });

  it('reports syntax errors', () => {
    expect(() => metta`(unclosed ${1}`).toThrow(MettaSyntaxError);
  });

  it('is not fooled by placeholder-like text', () => {
    // Text holding the very characters placeholders are made of, as a template would pass it.
    const parts = ['(\u{E000}0\u{E000} ', ' \u{E000}1\u{E000})'];
    const strings = Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray;
    expect(formatAtom(metta(strings, sym('b')))).toBe('(\u{E000}0\u{E000} b \u{E000}1\u{E000})');
  });

  it('reads operations with a runner tokenizer', () => {
    const runner = newRunner();
    const m = mettaTemplate(runner.top.tokenizer);
    expect(runner.evaluate(m`(+ ${1} 2)`).map(toJS)).toEqual([3]);
    // The standard tag leaves `+` a symbol, so the call stays as data.
    expect(runner.evaluate(metta`(+ 1 2)`).map(formatAtom)).toEqual(['(+ 1 2)']);
  });
});

describe('MeTTa runner from TypeScript', () => {
  it('runs source and gives results as atoms and as JS values', async () => {
    const runner = newRunner();
    const out = runner.run('(= (twice $x) (* 2 $x)) !(twice 21) !(superpose (1 "a" B))');
    expect(out.stoppedOnError).toBe(false);
    expect(out.results.map((r) => r.map(toJS))).toEqual([[42], [1, 'a', 'B']]);
    expect(runner.evaluate(metta`(twice ${5})`).map(toJS)).toEqual([10]);
    const later = await runner.runAsync('!(twice 4)');
    expect(later.results.map((r) => r.map(toJS))).toEqual([[8]]);
  });

  it('runs files, synchronously and asynchronously', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rhizome-api-'));
    writeFileSync(join(dir, 'lib.metta'), '(= (k) 7)');
    const main = join(dir, 'main.metta');
    writeFileSync(main, '!(import! &self lib) !(k)');
    expect(printed(newRunner().runFile(main).results)).toEqual([['()'], ['7']]);
    expect(printed((await newRunner().runFileAsync(main)).results)).toEqual([['()'], ['7']]);
  });

  it('queries the top space with a pattern and iterates the bindings', () => {
    const runner = newRunner();
    runner.run('(Parent Tom Bob) (Parent Tom Liz) (Parent Bob Ann)');
    const kids = runner.top.space.query(metta`(Parent ${sym('Tom')} $child)`).map((b) => toJS(bindingsToObject(b).child!));
    expect(kids).toEqual(['Bob', 'Liz']);
  });
});

describe('the top space as an object', () => {
  it('is observed, snapshotted and written from TypeScript', () => {
    const runner = newRunner();
    const space = runner.top.space;
    const events: string[] = [];
    const stop = space.observe((e) => events.push(`${e.type} ${formatAtom(e.atom)}`));
    runner.run('(Likes Ann Tea)');
    const snap = space.snapshot();
    space.add(metta`(Likes Bob ${'coffee'})`);
    expect(space.remove(metta`(Likes Ann Tea)`)).toBe(true);
    stop();
    runner.run('(Likes Cid Milk)');
    expect(events).toEqual(['add (Likes Ann Tea)', 'add (Likes Bob "coffee")', 'remove (Likes Ann Tea)']);
    expect(snap.query(metta`(Likes $who $what)`).map((b) => toJS(bindingsToObject(b).who!))).toEqual(['Ann']);
    expect(printed(runner.run('!(match &self (Likes $w $x) $w)').results)).toEqual([['Bob', 'Cid']]);
  });
});

describe('MeTTa.register', () => {
  it('makes a TypeScript function an operation that later source sees', () => {
    const runner = newRunner();
    const op = runner.register('hyp', '(-> Number Number Number)', (a, b) => Math.hypot(Number(toJS(a)), Number(toJS(b))));
    expect(printed(runner.run('!(hyp 3 4) !(hyp (+ 1 2) 4) !(get-type hyp)').results)).toEqual([
      ['5'],
      ['5'],
      ['(-> Number Number Number)'],
    ]);
    expect(runner.evaluate(expr(op, int(6), int(8))).map(toJS)).toEqual([10]);
  });

  it('accepts the type as an atom', () => {
    const runner = newRunner();
    runner.register('neg', metta`(-> Number Number)`, (a) => -Number(toJS(a)));
    expect(printed(runner.run('!(neg 2)').results)).toEqual([['-2']]);
  });

  it('keeps wrong argument types from the function, unless the type allows them', () => {
    const runner = newRunner();
    const seen: Atom[] = [];
    runner.register('strict', '(-> Number Number)', (a) => (seen.push(a), a));
    runner.register('loose', '(-> Atom Atom)', (a) => (seen.push(a), a));
    const out = runner.run('!(strict "text")');
    expect(out.stoppedOnError).toBe(true);
    expect(formatAtom(out.results[0]![0]!)).toBe('(Error (strict "text") (BadArgType 1 Number String))');
    expect(seen).toEqual([]);
    expect(printed(runner.run('!(loose "text") !(loose (foo bar))').results)).toEqual([['"text"'], ['(foo bar)']]);
    expect(seen.map(formatAtom)).toEqual(['"text"', '(foo bar)']);
  });

  it('lets arguments of unknown type through to the function, as the reference does', () => {
    const runner = newRunner();
    const seen: string[] = [];
    runner.register('strict', '(-> Number Number)', (a) => {
      seen.push(formatAtom(a));
      if (!isNumber(a)) throw new Error('not a number');
      return a;
    });
    runner.run('(: Bob Person)');
    // Each run stops at its first error, so one call per run.
    const results = ['(strict Bob)', '(strict Paris)', '(strict (foo bar))', '(strict $x)', '(strict 3)'].map(
      (call) => printed(runner.run(`!${call}`).results)[0],
    );
    expect(results).toEqual([
      ['(Error (strict Bob) (BadArgType 1 Number Person))'],
      ['(Error (strict Paris) "not a number")'],
      ['(Error (strict (foo bar)) "not a number")'],
      ['(Error (strict $x) "not a number")'],
      ['3'],
    ]);
    // The declared type keeps `Bob` out; the undeclared `Paris`, the untyped `(foo bar)` and a
    // variable get in.
    expect(seen).toEqual(['Paris', '(foo bar)', '$x', '3']);
  });

  it('evaluates arguments as the type says', () => {
    const runner = newRunner();
    runner.register('quoted', '(-> Atom Atom)', (a) => a);
    runner.register('valued', '(-> Number Number)', (a) => a);
    expect(printed(runner.run('!(quoted (+ 1 2)) !(valued (+ 1 2))').results)).toEqual([['(+ 1 2)'], ['3']]);
  });

  it('gives several results for an array, none for an empty one', () => {
    const runner = newRunner();
    runner.register('divisors', '(-> Number Expression)', (n) => {
      const k = Number(toJS(n));
      return [...Array(k).keys()].map((i) => i + 1).filter((d) => k % d === 0);
    });
    runner.register('pair', '(-> Atom Atom)', (a) => [fromJS([a, a])]);
    expect(printed(runner.run('!(divisors 6) !(divisors 0) !(pair x)').results)).toEqual([['1', '2', '3', '6'], [], ['(x x)']]);
  });

  it('answers () for a function that returns nothing', () => {
    const runner = newRunner();
    const log: unknown[] = [];
    runner.register('log', '(-> Atom (->))', (a) => {
      log.push(toJS(a));
    });
    expect(printed(runner.run('!(log hello)').results)).toEqual([['()']]);
    expect(log).toEqual(['hello']);
  });

  it('turns a throw into an Error atom, not a crash', () => {
    const runner = newRunner();
    runner.register('boom', '(-> Number Number)', () => {
      throw new Error('went wrong');
    });
    runner.register('refuse', '(-> Number Number)', () => {
      throw new NoReduce();
    });
    runner.register('custom', '(-> Number Number)', () => {
      throw new MettaRuntimeError(sym('Custom'));
    });
    const out = runner.run('!(boom 1)');
    expect(out.stoppedOnError).toBe(true);
    expect(printed(out.results)).toEqual([['(Error (boom 1) "went wrong")']]);
    expect(printed(runner.run('!(refuse 1) !(custom 1)').results)).toEqual([['(refuse 1)'], ['(Error (custom 1) Custom)']]);
  });

  it('awaits async functions under runAsync', async () => {
    const runner = newRunner();
    runner.register('later', '(-> Number Number)', async (a) => {
      await new Promise((r) => setTimeout(r, 1));
      return [Number(toJS(a)) + 1, Number(toJS(a)) + 2];
    });
    runner.register('fails', '(-> Number Number)', async () => {
      await Promise.resolve();
      throw new Error('async failure');
    });
    expect(printed((await runner.runAsync('!(later 1)')).results)).toEqual([['2', '3']]);
    expect(printed((await runner.runAsync('!(fails 1)')).results)).toEqual([['(Error (fails 1) "async failure")']]);
    // The synchronous runner refuses them with an error result, and no unhandled rejection.
    const sync = runner.run('!(fails 1)');
    expect(sync.stoppedOnError).toBe(true);
    expect(formatAtom(sync.results[0]![0]!)).toMatch(/asynchronous/);
  });

  it('rejects names that are not one word, and bad types', () => {
    const runner = newRunner();
    for (const bad of ['', 'two words', '(x)', '$v', 'q"']) {
      expect(() => runner.register(bad, '(-> Atom Atom)', (a) => a)).toThrow(/one MeTTa word/);
    }
    expect(() => runner.register('f', '(-> Atom', (a) => a)).toThrow(MettaSyntaxError);
  });

  it('registers names with regex metacharacters literally', () => {
    const runner = newRunner();
    runner.register('a+b', '(-> Number Number)', (x) => x);
    expect(printed(runner.run('!(a+b 1) !(aab 1)').results)).toEqual([['1'], ['(aab 1)']]);
  });
});

describe('GroundingSpace.transaction', () => {
  function contents(space: GroundingSpace): string[] {
    return [...space.atoms()].map(formatAtom);
  }

  it('keeps the changes and returns the result when the function returns', () => {
    const space = new GroundingSpace('t');
    space.add(sym('a'));
    const r = space.transaction((s) => {
      s.add(sym('b'));
      s.remove(sym('a'));
      return 7;
    });
    expect(r).toBe(7);
    expect(contents(space)).toEqual(['b']);
  });

  it('rolls back every change, order included, when the function throws', () => {
    const space = new GroundingSpace('t');
    for (const n of ['a', 'b', 'c', 'b']) space.add(sym(n));
    const snap = space.snapshot();
    const failure = new Error('abort');
    expect(() =>
      space.transaction((s) => {
        s.remove(sym('b'));
        s.remove(sym('a'));
        s.add(metta`(Parent Tom $x)`);
        throw failure;
      }),
    ).toThrow(failure);
    expect(contents(space)).toEqual(['a', 'b', 'c', 'b']);
    expect(space.size).toBe(4);
    expect(space.query(metta`(Parent $p $c)`)).toEqual([]);
    expect(space.query(sym('a')).length).toBe(1);
    expect([...space.candidates(sym('b'))].map(formatAtom)).toEqual(['b', 'b']);
    expect([...snap.atoms()].map(formatAtom)).toEqual(['a', 'b', 'c', 'b']);
    // The space keeps working normally after a rollback.
    space.remove(sym('b'));
    space.add(sym('d'));
    expect(contents(space)).toEqual(['a', 'b', 'c', 'd']);
    expect([...snap.atoms()].map(formatAtom)).toEqual(['a', 'b', 'c', 'b']);
  });

  it('nests: an inner rollback keeps the outer changes', () => {
    const space = new GroundingSpace('t');
    space.transaction((s) => {
      s.add(sym('outer'));
      try {
        s.transaction((t) => {
          t.add(sym('inner'));
          throw new Error('inner');
        });
      } catch {
        // expected
      }
      s.add(sym('after'));
    });
    expect(contents(space)).toEqual(['outer', 'after']);
  });

  it('shows observers the inverse changes on rollback', () => {
    const space = new GroundingSpace('t');
    space.add(sym('a'));
    const mirror: string[] = ['a'];
    const events: string[] = [];
    space.observe((e: SpaceEvent) => {
      events.push(`${e.type} ${formatAtom(e.atom)}`);
      if (e.type === 'add') mirror.push(formatAtom(e.atom));
      else mirror.splice(mirror.lastIndexOf(formatAtom(e.atom)), 1);
    });
    expect(() =>
      space.transaction((s) => {
        s.add(sym('b'));
        s.remove(sym('a'));
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(events).toEqual(['add b', 'remove a', 'add a', 'remove b']);
    expect(mirror.sort()).toEqual(contents(space).sort());
  });

  it('refuses asynchronous functions, rolling back what they did', () => {
    const space = new GroundingSpace('t');
    expect(() =>
      space.transaction((s) => {
        s.add(sym('x'));
        return Promise.resolve(1);
      }),
    ).toThrow(TypeError);
    expect(space.size).toBe(0);
  });

  it('agrees with a naive model under random operations', () => {
    let seed = 12345;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const names = ['a', 'b', 'c', 'd'].map((n) => expr(sym('P'), sym(n)));
    const space = new GroundingSpace('t');
    let model: Atom[] = [];
    for (let round = 0; round < 200; round++) {
      if (rand(4) === 0) space.snapshot(); // mix frozen layers in
      const ops = Array.from({ length: rand(6) }, () => [rand(2) === 0, names[rand(4)]!] as const);
      const fail = rand(2) === 0;
      const next = [...model];
      try {
        space.transaction((s) => {
          for (const [add, a] of ops) {
            if (add) {
              s.add(a);
              next.push(a);
            } else if (s.remove(a)) {
              next.splice(next.findLastIndex((x) => atomEq(x, a)), 1);
            }
          }
          if (fail) throw new Error('fail');
        });
      } catch {
        // rolled back
      }
      if (!fail) model = next;
      expect([...space.atoms()].map(formatAtom)).toEqual(model.map(formatAtom));
      expect(space.size).toBe(model.length);
      expect(space.query(expr(sym('P'), v('x'))).length).toBe(model.length);
    }
  });
});

/**
 * An app's own store as a space: atoms bucketed by their head symbol, so `candidates` hands
 * out one bucket (plus the atoms of no symbol head), and `query` is the exported querySpace.
 */
class HeadIndexedSpace implements Space {
  readonly name = 'facts';
  /** Candidate atoms handed out so far, to see the index at work. */
  handedOut = 0;
  private readonly buckets = new Map<Atom | undefined, Atom[]>();
  private readonly observers = new Set<(event: SpaceEvent) => void>();

  get size(): number {
    let n = 0;
    for (const b of this.buckets.values()) n += b.length;
    return n;
  }
  atoms(): Atom[] {
    return [...this.buckets.values()].flat();
  }
  candidates(pattern: Atom): Atom[] {
    const head = headSymbol(pattern);
    const found = head === undefined ? this.atoms() : [...(this.buckets.get(head) ?? []), ...(this.buckets.get(undefined) ?? [])];
    this.handedOut += found.length;
    return found;
  }
  query(pattern: Atom, base?: Bindings): Bindings[] {
    return querySpace(this, pattern, base);
  }
  add(atom: Atom): void {
    const head = headSymbol(atom);
    this.buckets.set(head, [...(this.buckets.get(head) ?? []), atom]);
    for (const o of this.observers) o({ type: 'add', atom });
  }
  remove(atom: Atom): boolean {
    const bucket = this.buckets.get(headSymbol(atom)) ?? [];
    const i = bucket.findIndex((a) => atomEq(a, atom));
    if (i < 0) return false;
    bucket.splice(i, 1);
    for (const o of this.observers) o({ type: 'remove', atom });
    return true;
  }
  snapshot(): ReadableSpace {
    const copy = new HeadIndexedSpace();
    for (const a of this.atoms()) copy.add(a);
    return copy;
  }
  observe(observer: (event: SpaceEvent) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }
}

function headSymbol(atom: Atom): Atom | undefined {
  const head = atom.kind === 'expression' ? atom.children[0] : undefined;
  return head?.kind === 'symbol' ? head : undefined;
}

describe('a custom space built on querySpace', () => {
  function factsRunner(): { runner: MeTTa; facts: HeadIndexedSpace } {
    const facts = new HeadIndexedSpace();
    for (const a of ['(Parent Tom Bob)', '(Parent Tom Liz)', '(Parent Bob Ann)', '(Likes $anyone Tea)']) {
      facts.add(parseAtom(a));
    }
    const runner = newRunner();
    runner.bind('&facts', facts);
    return { runner, facts };
  }

  it('answers MeTTa matches with the full query semantics', () => {
    const { runner } = factsRunner();
    const out = runner.run(`
      !(match &facts (Parent Tom $c) $c)
      !(match &facts (, (Parent $g $p) (Parent $p $c)) ($g $c))
      !(match &facts (Likes Ann $what) $what)
      !(match &facts (Likes $x $x) $x)`);
    expect(out.stoppedOnError).toBe(false);
    // A conjunction joins on $p; the stored `$anyone` is renamed per query, so it can take Ann
    // in one query and be tied to the pattern's own variable in another.
    expect(printed(out.results)).toEqual([['Bob', 'Liz'], ['(Tom Ann)'], ['Tea'], ['Tea']]);
  });

  it('merges with base bindings and looks only at the candidates it lists', () => {
    const { facts } = factsRunner();
    facts.handedOut = 0;
    const base = Bindings.EMPTY.bind(v('who'), sym('Tom'))!;
    const answers = facts.query(metta`(Parent $who $child)`, base).map((b) => formatAtom(b.apply(metta`($who $child)`)));
    expect(answers).toEqual(['(Tom Bob)', '(Tom Liz)']);
    expect(facts.handedOut).toBe(3); // the Parent bucket, not the Likes row
  });
});

describe('EvaluationStopped', () => {
  it('is what maxSteps throws, with reason steps', () => {
    const runner = new MeTTa({ io: quiet().io, maxSteps: 10_000 });
    runner.run('(= (loop $n) (loop (+ $n 1)))');
    let caught: unknown;
    try {
      runner.run('!(loop 0)');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(EvaluationStopped);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as EvaluationStopped).reason).toBe('steps');
    expect(() => runner.evaluate(metta`(loop 0)`)).toThrow(EvaluationStopped);
    // Under the limit, evaluation is unaffected.
    expect(printed(runner.run('!(+ 1 2)').results)).toEqual([['3']]);
  });

  it('is what shouldStop throws, with reason interrupted', () => {
    let stop = false;
    const runner = new MeTTa({ io: quiet().io, shouldStop: () => stop });
    runner.run('(= (loop) (loop))');
    stop = true;
    const e = (() => {
      try {
        runner.run('!(loop)');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(EvaluationStopped);
    expect((e as EvaluationStopped).reason).toBe('interrupted');
  });
});

describe('isErrorAtom', () => {
  it('finds the error result that stopped a run', () => {
    const out = newRunner().run('!(+ 1 2) !(+ 1 "two") !(never-run)');
    expect(out.stoppedOnError).toBe(true);
    expect(out.results.map((r) => r.some(isErrorAtom))).toEqual([false, true]);
    const error = out.results[1]!.find(isErrorAtom)!;
    // Narrowed to an expression: its parts are at hand without a cast.
    expect(formatAtom(error.children[1]!)).toBe('(+ 1 "two")');
    expect(formatAtom(error.children[2]!)).toBe('(BadArgType 2 Number String)');
  });

  it('is false for atoms that only look similar', () => {
    for (const text of ['Error', '()', '(error x y)', '(Foo (Error x y))', '"Error"']) {
      expect(isErrorAtom(parseAtom(text))).toBe(false);
    }
    expect(isErrorAtom(metta`(Error x)`)).toBe(true);
  });
});
