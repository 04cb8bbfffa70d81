import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { atomEq, expr, sym, UNIT, v, type Atom, type ExpressionAtom } from '../src/atomspace/atom.js';
import { formatAtom } from '../src/atomspace/format.js';
import { FALSE, float, FloatAtom, int, IntAtom, str, TRUE } from '../src/atomspace/values.js';
import { ChunkedLexer, decodeStringImage, mettaLexer } from '../src/metta/lexer.js';
import { parseAll, parseAtom, SExprParser } from '../src/metta/parser.js';
import { MettaSyntaxError } from '../src/metta/syntax-error.js';
import { registerStandardTokens, Tokenizer } from '../src/metta/tokenizer.js';

function standard(): Tokenizer {
  const t = new Tokenizer();
  registerStandardTokens(t);
  return t;
}

/** The printed forms of every top-level atom of `text`. */
function shown(text: string, tokenizer?: Tokenizer): string[] {
  return parseAll(text, tokenizer).map(formatAtom);
}

/** The syntax error `text` raises (fails the test if it parses). */
function syntaxError(text: string, tokenizer?: Tokenizer, file?: string): MettaSyntaxError {
  try {
    parseAll(text, tokenizer, { file });
  } catch (e) {
    expect(e).toBeInstanceOf(MettaSyntaxError);
    return e as MettaSyntaxError;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
}

function expectAtoms(actual: Atom[], expected: Atom[]): void {
  expect(actual.map(formatAtom)).toEqual(expected.map(formatAtom));
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(atomEq(a, expected[i]!)).toBe(true));
}

describe('whitespace and comments', () => {
  it('separates tokens by any Unicode White_Space character', () => {
    expect(shown('a\tb\nc\rd\u000be\u000cf g\u0085h\u00a0i\u2003j\u3000k\u2028l')).toEqual(
      'a b c d e f g h i j k l'.split(' '),
    );
  });

  it('does not treat U+FEFF (which JS \\s matches) as whitespace', () => {
    expect(shown('a\ufeffb')).toEqual(['a\ufeffb']);
  });

  it('skips a comment up to the end of the line', () => {
    expect(shown(';(a 4)\n(b 5)')).toEqual(['(b 5)']);
    expect(shown('(a 4); trailing')).toEqual(['(a 4)']);
    expect(shown('; only a comment')).toEqual([]);
  });

  it('ends a word at a comment and lets the expression continue on the next line', () => {
    expect(shown('(a; 4)\n 5)')).toEqual(['(a 5)']);
    expect(shown(' (a ; 4)\n 5)')).toEqual(['(a 5)']);
    expect(shown(' (a 5 ; 4)\n )')).toEqual(['(a 5)']);
    expect(shown(' (a 4);\n (b 5)')).toEqual(['(a 4)', '(b 5)']);
  });

  it('does not start a comment inside a string or a variable name', () => {
    expect(parseAll('"a;b"')[0]).toEqual(str('a;b'));
    expectAtoms(parseAll('($x;y z)'), [expr(v('x;y'), sym('z'))]);
  });

  it('reads an empty or blank text as no atoms', () => {
    expect(parseAll('')).toEqual([]);
    expect(parseAll(' \n\t ')).toEqual([]);
  });
});

describe('expressions', () => {
  it('reads nested expressions', () => {
    expectAtoms(parseAll('(= (fac $n) (* $n (fac (- $n 1))))'), [
      expr(sym('='), expr(sym('fac'), v('n')), expr(sym('*'), v('n'), expr(sym('fac'), expr(sym('-'), v('n'), int(1))))),
    ]);
  });

  it('reads () as the unit atom', () => {
    const [unit] = parseAll('()');
    expect(atomEq(unit!, UNIT)).toBe(true);
    expect(shown('(() (()))')).toEqual(['(() (()))']);
  });

  it('reads several top-level atoms, with or without space between them', () => {
    expect(shown('(a) (b)')).toEqual(['(a)', '(b)']);
    expect(shown('(a)(b)c(d)')).toEqual(['(a)', '(b)', 'c', '(d)']);
  });

  it('reads nesting far deeper than the JS call stack allows recursion', () => {
    const depth = 100_000;
    const [atom] = parseAll('('.repeat(depth) + 'x' + ')'.repeat(depth));
    let d = 0;
    let a = atom!;
    while (a.kind === 'expression') {
      a = a.children[0]!;
      d++;
    }
    expect(d).toBe(depth);
    expect(a).toBe(sym('x'));
  });
});

describe('words', () => {
  it('become symbols when the tokenizer has no entry for them', () => {
    expect(parseAll('foo')[0]).toBe(sym('foo'));
    expect(parseAll('+', new Tokenizer())[0]).toBe(sym('+'));
  });

  it('keep " and $ after the first character', () => {
    expect(parseAll('a"b')[0]).toBe(sym('a"b'));
    expect(parseAll('a$b')[0]).toBe(sym('a$b'));
    expect(shown('(a"b" c)')).toEqual(['(a"b" c)']);
  });

  it('end at whitespace, parentheses and ;', () => {
    expect(shown('(a)b;c\nd')).toEqual(['(a)', 'b', 'd']);
  });

  it('may hold any Unicode character', () => {
    expect(parseAll('(λ 日本 😀x é)')[0]).toEqual(expr(sym('λ'), sym('日本'), sym('😀x'), sym('é')));
  });

  it('read ! as an ordinary symbol', () => {
    expect(shown('!(foo)')).toEqual(['!', '(foo)']);
    expect(shown('! (foo)')).toEqual(['!', '(foo)']);
    expect(parseAll('!foo')[0]).toBe(sym('!foo'));
    expectAtoms(parseAll('(! x)'), [expr(sym('!'), sym('x'))]);
  });
});

describe('variables', () => {
  it('are read as interned variables with id 0', () => {
    const [x] = parseAll('$x');
    expect(x).toBe(v('x'));
    expect(x).toMatchObject({ kind: 'variable', name: 'x', id: 0 });
  });

  it('run up to whitespace or a parenthesis, keeping ; and "', () => {
    expectAtoms(parseAll('($a;b $c"d $e)'), [expr(v('a;b'), v('c"d'), v('e'))]);
    expectAtoms(parseAll('$a$b'), [v('a$b')]);
  });

  it('may have an empty name', () => {
    expectAtoms(parseAll('($ $)'), [expr(v(''), v(''))]);
  });

  it('are never looked up in the tokenizer', () => {
    const t = new Tokenizer();
    t.registerAtom(/.*/, sym('CAUGHT'));
    expectAtoms(parseAll('($x y)', t), [expr(v('x'), sym('CAUGHT'))]);
  });
});

describe('strings', () => {
  it('become String atoms holding the text between the quotes', () => {
    expect(parseAll('"te st"')[0]).toEqual(str('te st'));
    expect(parseAll('""')[0]).toEqual(str(''));
    expect(parseAll('"(a) ; $x"')[0]).toEqual(str('(a) ; $x'));
  });

  it('apply every escape', () => {
    expect(parseAll(String.raw`"q\"s\'b\\n\nr\rt\t"`)[0]).toEqual(str(`q"s'b\\n\nr\rt\t`));
    expect(parseAll(String.raw`"\x1b[1;32m> \x1b[0m"`)[0]).toEqual(str('\x1b[1;32m> \x1b[0m'));
    expect(parseAll(String.raw`"test\x7fmax\x00"`)[0]).toEqual(str('test\x7fmax\x00'));
    expect(parseAll(String.raw`"\u{0123}\u{130AC}\u{130ac}\u{1F600}\u{41}"`)[0]).toEqual(
      str('\u{0123}\u{130AC}\u{130ac}😀A'),
    );
  });

  it("keep the reference's \\u quirks: extra { are skipped and \\u{} is NUL", () => {
    expect(parseAll(String.raw`"\u{{41}"`)[0]).toEqual(str('A'));
    expect(parseAll(String.raw`"\u{}"`)[0]).toEqual(str('\0'));
  });

  it('may span lines', () => {
    expect(parseAll('"a\nb\r\nc"')[0]).toEqual(str('a\nb\r\nc'));
  });

  it('reach the tokenizer with their quotes and with escapes applied', () => {
    const seen: string[] = [];
    const t = new Tokenizer();
    t.register(/".*"/s, (token) => {
      seen.push(token);
      return sym('S');
    });
    parseAll(String.raw`"plain" "a\nb" "q\"q"`, t);
    expect(seen).toEqual(['"plain"', '"a\nb"', '"q"q"']);
  });

  it('become symbols, quotes included, when the tokenizer has no string entry', () => {
    expect(parseAll('"abc"', new Tokenizer())[0]).toBe(sym('"abc"'));
  });

  it('decode escapes the way the lexer helper reports them', () => {
    expect(decodeStringImage('"a\\tb"', true)).toBe('a\tb');
    expect(decodeStringImage('"ab', false)).toBe('ab');
    expect(decodeStringImage('"a\\q"', true)).toEqual({ reason: 'Invalid escape sequence', offset: 2 });
    expect(decodeStringImage('"a\\', false)).toEqual({ reason: 'Escaping sequence is not finished', offset: 2 });
  });
});

describe('standard tokens', () => {
  it('read integers, with an optional sign', () => {
    expectAtoms(parseAll('1 -2 +3 007 0'), [int(1), int(-2), int(3), int(7), int(0)]);
    expect(parseAll('42')[0]).toBeInstanceOf(IntAtom);
  });

  it('read integers exactly over the whole i64 range', () => {
    const [min, max, big] = parseAll('-9223372036854775808 9223372036854775807 9007199254740993');
    expect((min as IntAtom).value).toBe(-9223372036854775808n);
    expect((max as IntAtom).value).toBe(9223372036854775807n);
    expect((big as IntAtom).value).toBe(9007199254740993n);
  });

  it('read floats in decimal and exponent form', () => {
    const atoms = parseAll('1.5 -0.25 +2.0 1e5 1E5 1.5e-3 2E+2 1e400');
    expect(atoms.every((a) => a instanceof FloatAtom)).toBe(true);
    expect(atoms.map((a) => (a as FloatAtom).value)).toEqual([1.5, -0.25, 2, 1e5, 1e5, 1.5e-3, 200, Infinity]);
    expect(formatAtom(atoms[3]!)).toBe('100000.0');
  });

  it('leave almost-numbers as symbols', () => {
    expectAtoms(parseAll('1. .5 1e 1.e5 - + 1-2 0x10 1_000'), [
      sym('1.'),
      sym('.5'),
      sym('1e'),
      sym('1.e5'),
      sym('-'),
      sym('+'),
      sym('1-2'),
      sym('0x10'),
      sym('1_000'),
    ]);
  });

  it('read True and False as booleans, other spellings as symbols', () => {
    expectAtoms(parseAll('True False true FALSE Truex'), [TRUE, FALSE, sym('true'), sym('FALSE'), sym('Truex')]);
  });

  it('read the string token as a String with the quotes stripped', () => {
    expect(standard().lookup('"a b"')).toEqual(str('a b'));
    expect(standard().lookup('"multi\nline"')).toEqual(str('multi\nline'));
  });

  it('are not registered for operations or &self', () => {
    expectAtoms(parseAll('(+ &self match)'), [expr(sym('+'), sym('&self'), sym('match'))]);
  });
});

describe('Tokenizer', () => {
  it('answers undefined when nothing matches', () => {
    expect(new Tokenizer().lookup('x')).toBeUndefined();
    expect(standard().lookup('x')).toBeUndefined();
  });

  it('requires a match of the whole token', () => {
    const t = new Tokenizer();
    t.registerAtom(/b/, sym('B'));
    expect(t.lookup('b')).toBe(sym('B'));
    expect(t.lookup('ab')).toBeUndefined();
    expect(t.lookup('bb')).toBeUndefined();
  });

  it('takes the leftmost-first match from offset 0, not an anchored full match', () => {
    const t = new Tokenizer();
    t.registerAtom('a|ab', sym('HIT'));
    expect(t.lookup('a')).toBe(sym('HIT'));
    expect(t.lookup('ab')).toBeUndefined();
    t.registerAtom('ab|a', sym('HIT2'));
    expect(t.lookup('ab')).toBe(sym('HIT2'));
  });

  it('uses a string pattern as a regex', () => {
    const t = new Tokenizer();
    t.registerAtom('a+b', sym('R'));
    expect(t.lookup('aaab')).toBe(sym('R'));
    expect(t.lookup('a+b')).toBeUndefined();
    t.registerAtom('x\\+y', sym('LIT'));
    expect(t.lookup('x+y')).toBe(sym('LIT'));
  });

  it('honours a leading Rust-style inline flag group', () => {
    const t = new Tokenizer();
    t.registerAtom('(?i)hello', sym('H'));
    expect(t.lookup('HeLLo')).toBe(sym('H'));
    t.registerAtom('(?s)<.*>', sym('S'));
    expect(t.lookup('<a\nb>')).toBe(sym('S'));
  });

  it('accepts patterns valid only outside Unicode mode', () => {
    const t = new Tokenizer();
    t.registerAtom('\\-\\>|\\=', sym('ARROW'));
    expect(t.lookup('->')).toBe(sym('ARROW'));
  });

  it('rejects an invalid pattern', () => {
    expect(() => new Tokenizer().registerAtom('(', sym('X'))).toThrow(/Invalid token pattern/);
  });

  it('lets the latest registration win, whether literal or regex', () => {
    const t = new Tokenizer();
    t.registerAtom('A', sym('first'));
    expect(t.lookup('A')).toBe(sym('first'));
    t.registerAtom('A', sym('second'));
    expect(t.lookup('A')).toBe(sym('second'));
    t.registerAtom(/[A-Z]/, sym('regex'));
    expect(t.lookup('A')).toBe(sym('regex'));
    t.registerAtom(/A/, sym('literal again'));
    expect(t.lookup('A')).toBe(sym('literal again'));
    expect(t.lookup('B')).toBe(sym('regex'));
  });

  it('passes the token text to the constructor', () => {
    const t = new Tokenizer();
    t.register(/n\d+/, (token) => str(token.toUpperCase()));
    expect(t.lookup('n12')).toEqual(str('N12'));
  });

  it('clones into an independent table', () => {
    const a = new Tokenizer();
    a.registerAtom('x', sym('X1'));
    const b = a.clone();
    b.registerAtom('x', sym('X2'));
    a.registerAtom('y', sym('Y'));
    expect(a.lookup('x')).toBe(sym('X1'));
    expect(b.lookup('x')).toBe(sym('X2'));
    expect(b.lookup('y')).toBeUndefined();
  });

  it('copies entries from another tokenizer above its own, keeping their order', () => {
    const mod = new Tokenizer();
    mod.registerAtom(/[a-z]+/, sym('WORD'));
    mod.registerAtom('x', sym('X-MOD'));
    const importer = new Tokenizer();
    importer.registerAtom('x', sym('X-OWN'));
    importer.registerAtom('own', sym('OWN'));
    importer.copyFrom(mod);
    expect(importer.lookup('x')).toBe(sym('X-MOD'));
    expect(importer.lookup('own')).toBe(sym('WORD'));
    importer.copyFrom(importer);
    expect(importer.lookup('x')).toBe(sym('X-MOD'));
  });
});

describe('incremental parsing', () => {
  it('reads each atom with the tokenizer as it is at that call', () => {
    const t = standard();
    const parser = new SExprParser('(foo 1) (foo 2) (foo 3)');
    expectAtoms([parser.next(t)!], [expr(sym('foo'), int(1))]);
    t.registerAtom('foo', sym('bar'));
    expectAtoms([parser.next(t)!], [expr(sym('bar'), int(2))]);
    expectAtoms([parser.next(new Tokenizer())!], [expr(sym('foo'), sym('3'))]);
    expect(parser.next(t)).toBeNull();
    expect(parser.next(t)).toBeNull();
  });

  it('returns every atom before an error, then the error, then nothing', () => {
    const parser = new SExprParser('(a) b (c');
    const t = standard();
    expect(formatAtom(parser.next(t)!)).toBe('(a)');
    expect(formatAtom(parser.next(t)!)).toBe('b');
    expect(() => parser.next(t)).toThrow(MettaSyntaxError);
    expect(parser.next(t)).toBeNull();
  });

  it('raises a constructor failure only when its atom is reached', () => {
    const parser = new SExprParser('ok (x 99999999999999999999)');
    const t = standard();
    expect(parser.next(t)).toBe(sym('ok'));
    expect(() => parser.next(t)).toThrow(/number too large/);
  });

  it('reports where the last returned atom starts', () => {
    const parser = new SExprParser('  a\n\t(b\n c)  ; x\n  "é" 😀 z');
    const t = standard();
    const positions: unknown[] = [];
    while (parser.next(t) !== null) positions.push(parser.lastPosition);
    expect(positions).toEqual([
      { offset: 2, line: 1, column: 3 },
      { offset: 5, line: 2, column: 2 },
      { offset: 19, line: 4, column: 3 },
      { offset: 23, line: 4, column: 7 },
      { offset: 26, line: 4, column: 9 },
    ]);
  });

  it('lets parsers of different texts run interleaved', () => {
    const t = standard();
    const p1 = new SExprParser('(a 1) (a 2)');
    const p2 = new SExprParser('(b 1) (b 2)');
    const out = [p1.next(t), p2.next(t), p1.next(t), p2.next(t), p1.next(t), p2.next(t)];
    expect(out.map((a) => (a === null ? null : formatAtom(a)))).toEqual(['(a 1)', '(b 1)', '(a 2)', '(b 2)', null, null]);
  });

  it('allows a token constructor to parse other text while a parse is under way', () => {
    const t = standard();
    t.register('inner', () => parseAtom('(nested 1)'));
    expect(shown('(outer inner)', t)).toEqual(['(outer (nested 1))']);
  });

  it('reads large texts whose atoms and strings cross lexing chunks', () => {
    const long = 'x'.repeat(40_000);
    const parts: string[] = [];
    for (let i = 0; i < 3000; i++) parts.push(`(edge n${i} "s\n${i}")\n`);
    parts.push(`(big\n${'(a b)\n'.repeat(10_000)})\n"${long}\n${long}"\n(last)`);
    const atoms = parseAll(parts.join(''));
    expect(atoms.length).toBe(3003);
    expect(formatAtom(atoms[2999]!)).toBe('(edge n2999 "s\\n2999")');
    expect((atoms[3000] as ExpressionAtom).children.length).toBe(10_001);
    expect(atoms[3001]).toEqual(str(`${long}\n${long}`));
    expect(formatAtom(atoms[3002]!)).toBe('(last)');
  });
});

describe('chunked lexing', () => {
  it('yields the same tokens as lexing the whole text at once, for any chunk size', () => {
    const piece = fc.constantFrom('(', ')', ' ', '\n', 'ab', '$v', '"s"', '"a\nb"', '"\\"', '; c\n', 'x;', '"', '\\', '\r\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 16 }), (pieces, size) => {
        const text = pieces.join('');
        const whole = mettaLexer.tokenize(text).tokens.map((t) => [t.tokenType.name, t.startOffset, t.image]);
        const lexer = new ChunkedLexer(text, size);
        const chunked: unknown[] = [];
        for (let c = lexer.next(); c !== null; c = lexer.next()) {
          for (const t of c.tokens) chunked.push([t.tokenType.name, c.base + t.startOffset, t.image]);
        }
        expect(chunked).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });

  it('ends every chunk but the last after a whole top-level atom', () => {
    const lexer = new ChunkedLexer('(a\nb)\n(c\n"d\ne")\nf\n', 2);
    const chunks: string[][] = [];
    for (let c = lexer.next(); c !== null; c = lexer.next()) chunks.push(c.tokens.map((t) => t.image));
    expect(chunks).toEqual([['(', 'a', 'b', ')'], ['(', 'c', '"d\ne"', ')'], ['f']]);
  });
});

describe('parse errors', () => {
  it('Unexpected right bracket, at the stray )', () => {
    const e = syntaxError('(a)))');
    expect(e.reason).toBe('Unexpected right bracket');
    expect(e.message).toBe('Unexpected right bracket');
    expect([e.line, e.column, e.offset]).toEqual([1, 4, 3]);
    expect(e.expected).toBe('an atom or the end of the text');
  });

  it('Unexpected end of expression, at the innermost unclosed (', () => {
    const e = syntaxError('(= (foo $x)\n   (bar (baz $x)\n');
    expect(e.reason).toBe('Unexpected end of expression');
    expect([e.line, e.column]).toEqual([2, 4]);
    expect(e.expected).toBe("')' to close this expression");
  });

  it('Unclosed String Literal, at the opening quote', () => {
    const e = syntaxError('(a "abc\ndef');
    expect(e.reason).toBe('Unclosed String Literal');
    expect([e.line, e.column]).toEqual([1, 4]);
  });

  it('Invalid escape sequence, at the backslash', () => {
    for (const [text, column] of [
      ['"abc\\q"', 5],
      ['"\\xFF"', 2],
      ['"\\x80"', 2],
      ['"\\x4"', 2],
      ['"\\xZ1"', 2],
      ['"\\u0123"', 2],
      ['"\\u{0123"', 2],
      ['"\\u0123}"', 2],
      ['"\\u0{123}"', 2],
      ['"\\u{defg}"', 2],
      ['"\\u{012345678}"', 2],
      ['"\\u{110000}"', 2],
      ['"\\u{D800}"', 2],
      ['"\\0"', 2],
      ['"ok" "\\a', 7],
    ] as const) {
      const e = syntaxError(text);
      expect(e.reason, text).toBe('Invalid escape sequence');
      expect(e.column, text).toBe(column);
    }
  });

  it('Escaping sequence is not finished, when the text ends after a backslash in a string', () => {
    const e = syntaxError('(a "b\\');
    expect(e.reason).toBe('Escaping sequence is not finished');
    expect(e.column).toBe(6);
  });

  it("'#' char is reserved for internal usage, at the #", () => {
    const e = syntaxError('(a $x#1)');
    expect(e.reason).toBe("'#' char is reserved for internal usage");
    expect(e.column).toBe(6);
    expect(syntaxError('$a#').reason).toBe("'#' char is reserved for internal usage");
  });

  it('byte range = (start..end) | message, counting characters, when a constructor throws', () => {
    const e = syntaxError('(a 99999999999999999999 b)');
    expect(e.reason).toBe(
      "byte range = (3..23) | Could not parse integer: '99999999999999999999', number too large to fit in target type",
    );
    expect(e.column).toBe(4);
    expect(syntaxError('(é😀 -9223372036854775809)').reason).toBe(
      "byte range = (4..24) | Could not parse integer: '-9223372036854775809', number too small to fit in target type",
    );
  });

  it('reports non-ASCII digits the way Rust number parsing does', () => {
    expect(syntaxError('٣').reason).toBe("byte range = (0..1) | Could not parse integer: '٣', invalid digit found in string");
    expect(syntaxError('١.٥').reason).toBe("byte range = (0..3) | Could not parse float: '١.٥', invalid float literal");
  });

  it('passes the message of any constructor error through', () => {
    const t = new Tokenizer();
    t.register('boom', () => {
      throw new Error('no boom today');
    });
    const e = syntaxError('\n  (x boom)', t);
    expect(e.reason).toBe('byte range = (6..10) | no boom today');
    expect([e.line, e.column]).toEqual([2, 6]);
  });

  it('prefers a syntax error to a constructor failure in the same top-level atom', () => {
    expect(syntaxError('(x 99999999999999999999 "bad\\q")').reason).toBe('Invalid escape sequence');
    expect(syntaxError('(x 99999999999999999999 (y)').reason).toBe('Unexpected end of expression');
  });

  it('reports the last of several constructor failures in one top-level atom', () => {
    const e = syntaxError('(x 99999999999999999999 (y -99999999999999999999) z)');
    expect(e.reason).toMatch(/^byte range = \(27\.\.48\) \| .*too small/);
  });

  it('reports an error of an earlier top-level atom before looking at later ones', () => {
    expect(syntaxError('(x 99999999999999999999) (y').reason).toMatch(/too large/);
    expect(syntaxError('(a "x\\q") )').reason).toBe('Invalid escape sequence');
  });

  it('parseAtom rejects a text with no atom or with more than one', () => {
    expect(() => parseAtom('  ; nothing')).toThrow(MettaSyntaxError);
    try {
      parseAtom('(a) (b)');
      expect.unreachable();
    } catch (e) {
      expect((e as MettaSyntaxError).reason).toBe('Unexpected atom after the first one');
      expect((e as MettaSyntaxError).column).toBe(5);
    }
    expectAtoms([parseAtom(' (a $x "s" 1) ; c')], [expr(sym('a'), v('x'), str('s'), int(1))]);
  });
});

describe('MettaSyntaxError.format', () => {
  it('shows file:line:col, the reason, what was expected, the source line and a caret', () => {
    const e = syntaxError('(good)\n(bad 1))\n(more)', undefined, 'prog.metta');
    expect(e.format()).toBe(
      [
        "prog.metta:2:8: error: Unexpected right bracket (expected an atom or the end of the text)",
        '(bad 1))',
        '       ^',
      ].join('\n'),
    );
  });

  it('names the input when there is no file, and omits a missing expectation', () => {
    const t = new Tokenizer();
    t.register('boom', () => {
      throw new Error('bad');
    });
    const e = syntaxError('boom', t);
    expect(e.format()).toBe('<input>:1:1: error: byte range = (0..4) | bad\nboom\n^');
  });

  it('keeps tabs in the padding so the caret lines up', () => {
    const e = syntaxError('\t\t(a $x#)');
    expect(e.format().split('\n').slice(1)).toEqual(['\t\t(a $x#)', '\t\t     ^']);
  });

  it('counts columns in characters and drops the carriage return of CRLF lines', () => {
    const e = syntaxError('(ok)\r\n(é 😀 "a\\q")\r\n');
    expect([e.line, e.column]).toEqual([2, 8]);
    expect(e.format().split('\n').slice(1)).toEqual(['(é 😀 "a\\q")', '       ^']);
  });

  it('shows an excerpt of a very long line around the column', () => {
    const text = '(a '.repeat(200) + ')'.repeat(201);
    const e = syntaxError(text);
    const [, line, caret] = e.format().split('\n');
    expect(line!.length).toBeLessThan(170);
    expect(line!.startsWith('…')).toBe(true);
    expect(line![caret!.length - 1]).toBe(')');
    expect(e.column).toBe(801);
  });
});

describe('round trip of printed atoms (examples)', () => {
  it('reads back what formatAtom prints', () => {
    const atoms: Atom[] = [
      expr(sym('a'), v('x'), str('q"\\\n\t\u{1b}é'), int(-3), float(1e21), float(2.5e-5), float(-0), TRUE),
      str('\u00a0\u0301\u200b'),
      float(0.1 + 0.2),
    ];
    for (const a of atoms) expect(atomEq(parseAtom(formatAtom(a)), a)).toBe(true);
    expect(formatAtom(str('\u00a0\u0301'))).toBe('"\\u{a0}\\u{301}"');
  });
});
