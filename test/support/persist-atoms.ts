/**
 * Atom generators and an exact equality for the persistence tests.
 *
 * `anyAtom` covers everything the binary form must keep: symbols and strings of any UTF-16
 * text (lone surrogates included), parsed and fresh variables, integers in both JS forms
 * (safe numbers, bigints, and numbers that are not safe integers), floats with NaN, -0 and
 * infinities, booleans, expressions. `printableAtom` covers what the text form must keep:
 * the same kinds restricted to what MeTTa source can spell.
 */
import fc from 'fast-check';
import { exprOf, freshVariable, sym, v, type Atom } from '../../src/atomspace/atom.js';
import { BoolAtom, bool, float, FloatAtom, int, IntAtom, str, StringAtom } from '../../src/atomspace/values.js';
import { isMettaWhitespace } from '../../src/metta/lexer.js';
import { registerStandardTokens, Tokenizer } from '../../src/metta/tokenizer.js';

const standard = new Tokenizer();
registerStandardTokens(standard);

/** Any UTF-16 text, lone surrogates included, weighted towards short names that repeat. */
const anyText = fc.oneof(
  fc.constantFrom('Parent', 'Tom', 'x', '', 'é', '日本', '😀', '\uFEFFbom', '\uD800', 'a\uDC00b'),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
);

const anyInt = fc.oneof(
  fc.integer({ min: -2000, max: 2000 }).map((n) => int(n)),
  fc.maxSafeInteger().map((n) => int(n)),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((n) => int(n)),
  // Non-canonical forms built directly: a small bigint, a number beyond 2^53, -0.
  fc.bigInt({ min: -1000n, max: 1000n }).map((n) => new IntAtom(n)),
  fc.constantFrom(2 ** 60, -(2 ** 70), -0, 1e300).map((x) => new IntAtom(x)),
);

const anyFloat = fc.oneof(
  fc.double().map((x) => float(x)),
  fc.constantFrom(NaN, -0, 0, Infinity, -Infinity, 5e-324, Number.MAX_VALUE).map((x) => float(x)),
);

const freshVar = fc.tuple(fc.constantFrom('x', 'y', 'é'), fc.integer({ min: 0, max: 3 })).map(([name, k]) => {
  let fresh = freshVariable(name);
  for (let i = 0; i < k; i++) fresh = freshVariable(name);
  return fresh;
});

/** Any atom with a binary form. */
export const anyAtom: fc.Arbitrary<Atom> = fc.letrec<{ atom: Atom; expression: Atom }>((tie) => ({
  atom: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    anyText.map((s) => sym(s)),
    anyText.map((s) => v(s)),
    freshVar,
    anyInt,
    anyFloat,
    anyText.map((s) => str(s)),
    fc.boolean().map((b) => bool(b)),
    tie('expression'),
  ),
  expression: fc.array(tie('atom'), { maxLength: 5 }).map((cs) => exprOf(cs)),
})).atom;

/** Text of characters the syntax treats specially, plus any scalar value. */
const syntaxChar = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom('(', ')', ';', '"', '$', '#', '\\', ' ', '\n', '\t', "'", '\u0085', '\u00a0', '\u0301', '1', '.', 'e', '-'),
);
const syntaxText = (minLength: number) => fc.array(syntaxChar, { minLength, maxLength: 10 }).map((cs) => cs.join(''));

function isPlainSymbolName(name: string): boolean {
  const chars = [...name];
  if (chars.length === 0 || '"$'.includes(chars[0]!)) return false;
  if (chars.some((c) => '();'.includes(c) || isMettaWhitespace(c))) return false;
  try {
    return standard.lookup(name) === undefined;
  } catch {
    return false;
  }
}

/** Any atom MeTTa source can spell (what a text dump must accept and keep). */
export const printableAtom: fc.Arbitrary<Atom> = fc.letrec<{ atom: Atom; expression: Atom }>((tie) => ({
  atom: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.constantFrom('Parent', 'Tom', '+', 'é'), syntaxText(1)).filter(isPlainSymbolName).map((s) => sym(s)),
    syntaxText(0)
      .filter((name) => ![...name].some((c) => '()#'.includes(c) || isMettaWhitespace(c)))
      .map((name) => v(name)),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((n) => int(n)),
    fc.integer({ min: -1000, max: 1000 }).map((n) => int(n)),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => float(x)),
    fc
      .array(syntaxChar, { maxLength: 12 })
      .map((cs) => str(cs.join('').replaceAll('\0', ''))),
    fc.boolean().map((b) => bool(b)),
    tie('expression'),
  ),
  expression: fc.array(tie('atom'), { maxLength: 5 }).map((cs) => exprOf(cs)),
})).atom;

/**
 * Exact equality: like `atomEq`, but numbers must also agree in class, JS representation and
 * bits (`Object.is`, so -0 ≠ 0 and NaN = NaN), and strings and symbols in every code unit.
 * Iterative, so it compares atoms nested 100k deep.
 */
export function sameAtom(x: Atom, y: Atom): boolean {
  const pending: [Atom, Atom][] = [[x, y]];
  while (pending.length > 0) {
    const [a, b] = pending.pop()!;
    if (!sameNode(a, b)) return false;
    if (a.kind === 'expression' && b.kind === 'expression') {
      for (let i = 0; i < a.children.length; i++) pending.push([a.children[i]!, b.children[i]!]);
    }
  }
  return true;
}

function sameNode(a: Atom, b: Atom): boolean {
  switch (a.kind) {
    case 'symbol':
      return a === b;
    case 'variable':
      return b.kind === 'variable' && a.name === b.name && a.id === b.id;
    case 'expression':
      return b.kind === 'expression' && a.children.length === b.children.length;
    case 'grounded':
      if (a.constructor !== b.constructor) return false;
      if (a instanceof IntAtom || a instanceof FloatAtom || a instanceof StringAtom || a instanceof BoolAtom) {
        return Object.is(a.value, (b as typeof a).value);
      }
      return a === b;
  }
}

/** An expression nested `depth` levels deep: `(wrap (wrap … (leaf) …))`. */
export function deepAtom(depth: number): Atom {
  let a: Atom = exprOf([sym('leaf'), str('bottom')]);
  for (let i = 0; i < depth; i++) a = exprOf([sym('wrap'), a]);
  return a;
}
