import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { atomEq, exprOf, sym, v, type Atom } from '../src/atomspace/atom.js';
import { formatAtom } from '../src/atomspace/format.js';
import { formatFloat, formatString } from '../src/atomspace/format-values.js';
import { bool, float, FloatAtom, int, str } from '../src/atomspace/values.js';
import { isMettaWhitespace } from '../src/metta/lexer.js';
import { parseAll, parseAtom } from '../src/metta/parser.js';
import { MettaSyntaxError } from '../src/metta/syntax-error.js';
import { registerStandardTokens, Tokenizer } from '../src/metta/tokenizer.js';

const standard = new Tokenizer();
registerStandardTokens(standard);

/** Any Unicode scalar value (no lone surrogates: those cannot appear in reference text). */
const anyChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
/** Characters weighted towards the ones with a meaning in the syntax. */
const syntaxChar = fc.oneof(
  anyChar,
  fc.constantFrom('(', ')', ';', '"', '$', '#', '\\', ' ', '\n', '\t', '\0', "'", '\u0085', '\u00a0', '\u0301', '1', '.', 'e', '-'),
);
const text = (minLength: number) => fc.array(syntaxChar, { minLength, maxLength: 12 }).map((cs) => cs.join(''));

/** A word the printer writes verbatim and the parser reads back as the same symbol. */
function isPlainSymbolName(name: string): boolean {
  const chars = [...name];
  if (chars.length === 0 || '"$'.includes(chars[0]!)) return false;
  if (chars.some((c) => '();'.includes(c) || isMettaWhitespace(c))) return false;
  try {
    return standard.lookup(name) === undefined; // not a number, True/False
  } catch {
    return false; // a number the constructor rejects (e.g. non-ASCII digits)
  }
}

const symbolAtom = text(1)
  .filter(isPlainSymbolName)
  .map((name) => sym(name));
const variableAtom = text(0)
  .filter((name) => ![...name].some((c) => '()#'.includes(c) || isMettaWhitespace(c)))
  .map((name) => v(name));
const intAtom = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((n) => int(n));
const smallIntAtom = fc.integer({ min: -1000, max: 1000 }).map((n) => int(n));
const floatAtom = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => float(x));
/** Strings of any scalar values except NUL (see the NUL property below). */
const stringAtom = fc
  .array(syntaxChar, { maxLength: 20 })
  .map((cs) => cs.join('').replaceAll('\0', ''))
  .map((s) => str(s));
const boolAtom = fc.boolean().map((b) => bool(b));

const { atom } = fc.letrec<{ atom: Atom; expression: Atom }>((tie) => ({
  atom: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    symbolAtom,
    variableAtom,
    intAtom,
    smallIntAtom,
    floatAtom,
    stringAtom,
    boolAtom,
    tie('expression'),
  ),
  expression: fc.array(tie('atom'), { maxLength: 5 }).map((cs) => exprOf(cs)),
}));

/** Equality that also tells 0.0 from -0.0, which atomEq (like the reference's ==) does not. */
function sameAtom(a: Atom, b: Atom): boolean {
  if (a instanceof FloatAtom) return b instanceof FloatAtom && Object.is(a.value, b.value);
  if (a.kind === 'expression' && b.kind === 'expression') {
    return a.children.length === b.children.length && a.children.every((c, i) => sameAtom(c, b.children[i]!));
  }
  return atomEq(a, b);
}

describe('parseAtom(formatAtom(a)) equals a', () => {
  it('for symbols, variables, numbers, strings, booleans and expressions of them', () => {
    fc.assert(
      fc.property(atom, (a) => {
        const back = parseAtom(formatAtom(a), standard);
        expect(sameAtom(back, a)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('for every finite double, tiny and huge ones included', () => {
    const special = fc.constantFrom(
      0,
      -0,
      5e-324,
      -5e-324,
      2.2250738585072014e-308,
      1.7976931348623157e308,
      -1.7976931348623157e308,
      1e16,
      9999999999999998,
      1e-4,
      9.999999999999999e-5,
      0.1 + 0.2,
      123456789012345680,
    );
    fc.assert(
      fc.property(fc.oneof(special, fc.double({ noNaN: true, noDefaultInfinity: true })), (x) => {
        const printed = formatFloat(x);
        const back = parseAtom(printed, standard);
        expect(back).toBeInstanceOf(FloatAtom);
        expect(Object.is((back as FloatAtom).value, x)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('for every string of Unicode scalar values without NUL', () => {
    const anyString = fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replaceAll('\0', ''));
    fc.assert(
      fc.property(fc.oneof(anyString, stringAtom.map((a) => (a as { value: string }).value)), (s) => {
        const back = parseAtom(formatString(s), standard);
        expect(atomEq(back, str(s))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("except strings holding NUL: printed \\0 as Rust does, which the reference's parser rejects", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 10 }), (a, b) => {
        const printed = formatString(a + '\0' + b);
        expect(printed).toContain('\\0');
        expect(() => parseAtom(printed, standard)).toThrow(MettaSyntaxError);
        try {
          parseAtom(printed, standard);
        } catch (e) {
          expect((e as MettaSyntaxError).reason).toBe('Invalid escape sequence');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('for sequences of atoms separated by any whitespace and comments', () => {
    // A comment directly after a variable would be part of its name, hence the leading space.
    const ws = fc.constantFrom(' ', '\n', '\t', '\r\n', '\u3000', ' ; comment ) ( "\n', '\t;\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(atom, ws), { maxLength: 8 }), (items) => {
        const source = items.map(([a, w]) => formatAtom(a) + w).join('');
        const back = parseAll(source, standard);
        expect(back.length).toBe(items.length);
        back.forEach((b, i) => expect(sameAtom(b, items[i]![0])).toBe(true));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('formatString escapes as Rust Debug does', () => {
  it('escapes control, format, separator and combining characters and nothing printable', () => {
    expect(formatString('a"b\\c\nd\te\r\0\u{1b}\'é')).toBe('"a\\"b\\\\c\\nd\\te\\r\\0\\u{1b}\'é"');
    expect(formatString(' \u00a0\u2003\u3000')).toBe('" \\u{a0}\\u{2003}\\u{3000}"');
    expect(formatString('e\u0301\u200b\u2028\ue000')).toBe('"e\\u{301}\\u{200b}\\u{2028}\\u{e000}"');
    expect(formatString('日本😀λ')).toBe('"日本😀λ"');
  });
});
