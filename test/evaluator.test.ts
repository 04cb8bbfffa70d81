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
