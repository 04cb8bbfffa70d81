/**
 * The evaluator's drivers: asynchronous operations suspend a branch and resume it later;
 * the synchronous driver refuses them with a clear error instead of blocking.
 */
import { describe, expect, it } from 'vitest';
import { expr, sym, type Atom } from '../src/atomspace/atom.js';
import { formatAtom } from '../src/atomspace/format.js';
import { GroundingSpace } from '../src/atomspace/grounding-space.js';
import { int, IntAtom } from '../src/atomspace/values.js';
import { GroundedOp } from '../src/metta/grounded.js';
import { Evaluator } from '../src/metta/interpreter/evaluator.js';
import { parseAtom } from '../src/metta/parser.js';
import { Tokenizer, registerStandardTokens } from '../src/metta/tokenizer.js';
import { MeTTa } from '../src/metta/runner.js';

const host = { stdout: () => {}, stderr: () => {} };
const show = (xs: Atom[]) => xs.map(formatAtom).sort();

/** `(slow-double N)`: doubles N after a timer, i.e. really asynchronously. */
const slowDouble = new GroundedOp('slow-double', parseAtom('(-> Number Number)'), ([n]) =>
  new Promise((resolve) => setTimeout(() => resolve([int(Number((n as IntAtom).value) * 2)]), 5)),
);

function setup(): { space: GroundingSpace; read: (text: string) => Atom } {
  const t = new Tokenizer();
  registerStandardTokens(t);
  t.registerAtom(/slow-double/, slowDouble);
  const space = new GroundingSpace();
  return { space, read: (text) => parseAtom(text, t) };
}

describe('asynchronous driver', () => {
  it('waits for Promise-returning operations inside non-deterministic branches', async () => {
    const { space, read } = setup();
    space.add(read('(= (pick) 1)'));
    space.add(read('(= (pick) 2)'));
    space.add(read('(= (twice $x) (slow-double $x))'));
    const ev = new Evaluator({ host, async: true });
    const results = await ev.evaluateAsync(read('(twice (pick))'), space);
    expect(show(results)).toEqual(['2', '4']);
  });

  it('the synchronous driver answers an asynchronous operation with an error atom', () => {
    const { space, read } = setup();
    const ev = new Evaluator({ host });
    const [r] = ev.evaluate(read('(slow-double 3)'), space);
    expect(formatAtom(r!)).toMatch(/^\(Error \(slow-double 3\) .*asynchronous/);
  });

  it('a runner runs a whole program asynchronously', async () => {
    const metta = new MeTTa({ io: host });
    const out = await metta.runAsync('(= (f $x) (+ $x 1))\n!(f 41)\n!(collapse (superpose (1 2)))');
    expect(out.results.map(show)).toEqual([['42'], ['(1 2)']]);
  });
});

describe('deep evaluation does not use the host stack', () => {
  it('runs a 100000-deep non-tail recursion', () => {
    const metta = new MeTTa({ io: host });
    const out = metta.run('(= (sum $n) (if (== $n 0) 0 (+ $n (sum (- $n 1)))))\n!(sum 100000)');
    expect(out.results.map(show)).toEqual([['5000050000']]);
  });

  it('evaluates a deeply nested expression', () => {
    const metta = new MeTTa({ io: host });
    let e: Atom = int(0);
    for (let i = 0; i < 300; i++) e = expr(sym('+'), int(1), e);
    const text = formatAtom(e);
    const out = metta.run('!' + text);
    expect(out.results.map(show)).toEqual([['300']]);
  });
});

/**
 * Calls of grounded operations on values take a direct path (no type inference, no frames).
 * Whatever the operation does besides returning one value must come out exactly as through
 * the general path; these cases each leave the direct path at a different point.
 */
describe('direct calls of grounded operations', () => {
  const runner = () => {
    const m = new MeTTa();
    m.register('both', '(-> Number Number)', (x) => [x, int(Number((x as IntAtom).value) + 1)]);
    m.register('boom', '(-> Number Number)', () => {
      throw new Error('it broke');
    });
    m.register('word', '(-> Number Symbol)', () => sym('seven'));
    m.register('none', '(-> Number Number)', () => []);
    m.register('same', '(-> $t $t $t)', (a) => a);
    return m;
  };
  const run = (src: string) => runner().run(src).results.map((r) => r.map(formatAtom));

  it('fans out every result of a non-deterministic operation', () => {
    expect(run('!(both 1) !(+ 10 (both 1))')).toEqual([['1', '2'], ['11', '12']]);
  });
  it('turns a throw into an error atom naming the call', () => {
    expect(run('!(boom 1)')).toEqual([['(Error (boom 1) "it broke")']]);
    expect(run('!(+ 1 (boom 2))')).toEqual([['(Error (boom 2) "it broke")']]);
    expect(run('!(+ 1 (/ 1 0))')).toEqual([['(Error (/ 1 0) DivisionByZero)']]);
  });
  it('checks a result of another type against the return type', () => {
    expect(run('!(word 1)')).toEqual([['seven']]);
  });
  it('gives no result for an empty answer, and drops the enclosing call', () => {
    expect(run('!(none 1) !(+ 1 (none 1))')).toEqual([[], []]);
  });
  it('binds type variables consistently: mismatched argument types take the error path', () => {
    expect(run('!(same 1 2) !(same 1 "a")')).toEqual([['1'], ['(Error (same 1 "a") (BadArgType 2 Number String))']]);
  });
  it('reports every direct step to the trace hook', () => {
    const steps: string[] = [];
    new MeTTa({ trace: (call, value) => steps.push(`${formatAtom(call)} -> ${formatAtom(value)}`) }).run('!(+ 1 (* 2 3))');
    expect(steps).toEqual(['(* 2 3) -> 6', '(+ 1 6) -> 7']);
  });
  it('leaves a call the operation does not reduce as it is', () => {
    expect(run('!(+ 1 (- 2 a))')).toEqual([['(+ 1 (- 2 a))']]);
    expect(run('!(let $x (+ 1 2) (* $x 2))')).toEqual([['6']]);
  });
});

describe('the step limit', () => {
  const loop = '(= (count-down $i) (if (== $i 0) done (count-down (- $i 1))))';
  it('stops exactly at a small limit, not at the next multiple of the poll interval', () => {
    const m = new MeTTa({ maxSteps: 100 });
    m.run(loop);
    expect(() => m.run('!(count-down 100)')).toThrow(/step limit/);
  });
  it('lets a program that fits run to the end', () => {
    const m = new MeTTa({ maxSteps: 100_000 });
    m.run(loop);
    expect(m.run('!(count-down 100)').results.map((r) => r.map(formatAtom))).toEqual([['done']]);
  });
});
