/**
 * The documentation system (§5.12): `get-doc` and its helpers, `help!` printing, and the
 * standard library's own `@doc` facts (every operation documented, every fact consistent
 * with the documented atom's type).
 */
import { describe, expect, it } from 'vitest';
import { UNIT, expr, sym, type Atom } from '../src/atomspace/atom.js';
import { Bindings } from '../src/atomspace/bindings.js';
import { formatAtom } from '../src/atomspace/format.js';
import { GroundingSpace } from '../src/atomspace/grounding-space.js';
import type { Space } from '../src/atomspace/space.js';
import { StringAtom, str } from '../src/atomspace/values.js';
import { GroundedOp, MettaRuntimeError, type OpAnswer, type OpContext } from '../src/metta/grounded.js';
import { INSTRUCTIONS } from '../src/metta/interpreter/symbols.js';
import { ModuleSpace } from '../src/metta/module-space.js';
import { parseAll, parseAtom } from '../src/metta/parser.js';
import { MeTTa } from '../src/metta/runner.js';
import { spaceAtomOf } from '../src/metta/space-atoms.js';
import { arithmeticOps } from '../src/metta/stdlib/arithmetic.js';
import { atomOps } from '../src/metta/stdlib/atoms.js';
import { coreOps, type CoreEnvironment } from '../src/metta/stdlib/core-ops.js';
import { CORELIB_METTA } from '../src/metta/stdlib/corelib-metta.js';
import { DOCS_METTA } from '../src/metta/stdlib/docs-metta.js';
import { docOps, formalParams, formatDocFormal, getDoc, listDocs, undefinedFunctionType, type DocsEnvironment } from '../src/metta/stdlib/docs.js';
import { mathOps } from '../src/metta/stdlib/math.js';
import { textOps } from '../src/metta/stdlib/text.js';
import { Tokenizer, registerStandardTokens } from '../src/metta/tokenizer.js';
import { isFunctionType } from '../src/metta/types.js';

// ---------------------------------------------------------------------------------------
// A core library built as the runner builds it, without the runner

/** Where no module exists: the operations under test only need `moduleSpace`/`mainSpace`. */
class NoModule extends Error {}

interface Library {
  readonly corelib: GroundingSpace;
  readonly top: ModuleSpace;
  readonly tokens: Tokenizer;
  readonly ops: GroundedOp[];
  readonly env: DocsEnvironment;
}

function library(): Library {
  const corelib = new GroundingSpace('corelib');
  const top = new ModuleSpace(new GroundingSpace('top'));
  top.addDependency(corelib);
  const env: DocsEnvironment = {
    moduleSpace: (_from, name) => {
      if (name === sym('top')) return top;
      throw new NoModule(formatAtom(name));
    },
    mainSpace: (space) => (space instanceof ModuleSpace ? space.main : space),
  };
  // The core operations only call their environment when they run, which these tests never do.
  const coreEnv = new Proxy({} as CoreEnvironment, {
    get: () => () => {
      throw new Error('core operations are not run here');
    },
  });
  const ops = [...coreOps(coreEnv), ...arithmeticOps(), ...mathOps(), ...textOps(), ...atomOps(), ...docOps(env)];
  const tokens = new Tokenizer();
  registerStandardTokens(tokens);
  for (const o of ops) tokens.registerAtom(new RegExp(o.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), o);
  for (const a of parseAll(CORELIB_METTA, tokens)) corelib.add(a);
  for (const a of parseAll(DOCS_METTA, tokens)) corelib.add(a);
  return { corelib, top, tokens, ops, env };
}

const LIB = library();

/** Parses `text` as a program in the library's top module would. */
const p = (text: string): Atom => parseAtom(text, LIB.tokens);

function addToTop(text: string): void {
  for (const a of parseAll(text, LIB.tokens)) LIB.top.add(a);
}

function docsOf(space: Space, atom: string): string[] {
  return getDoc(space, p(atom)).map((d) => formatAtom(d.atom));
}

function context(space: Space = LIB.top): { ctx: OpContext; out: string[] } {
  const out: string[] = [];
  const ctx: OpContext = {
    call: expr(sym('test')),
    space,
    bindings: Bindings.EMPTY,
    host: { stdout: (t) => out.push(t), stderr: () => undefined },
  };
  return { ctx, out };
}

function runOp(name: string, args: Atom[], space?: Space): { answers: Atom[]; stdout: string } {
  const op = LIB.ops.find((o) => o.name === name)!;
  const { ctx, out } = context(space);
  const result = op.fn(args, ctx);
  if (!Array.isArray(result)) throw new Error('expected synchronous answers');
  const answers = (result as OpAnswer[]).map((a) => ('bindings' in a && 'atom' in a ? a.atom : (a as Atom)));
  return { answers, stdout: out.join('') };
}

addToTop(String.raw`
  (@doc some-func
    (@desc "Test function")
    (@params ((@param "First argument") (@param "Second argument")))
    (@return "Return value"))
  (: Arg1Type Type)
  (: Arg2Type Type)
  (: ReturnType Type)
  (: some-func (-> Arg1Type Arg2Type ReturnType))
  (@doc SomeSymbol (@desc "Test symbol"))
  (: SomeSymbol SomeType)
  (@doc untyped-func (@desc "Untyped") (@params ((@param "Only"))) (@return "Some value"))
  (@doc (some-func x y) (@desc "A documented application"))
  (@doc short-func (@desc "Documented without parameters"))
  (: short-func (-> Number Number))
  (@doc wrong-arity (@desc "Two documented, one declared") (@params ((@param "a") (@param "b"))) (@return "r"))
  (: wrong-arity (-> Number Number))
  (@doc two-kinds (@desc "Function and constant") (@params ((@param "x"))) (@return "y"))
  (: two-kinds (-> Number Number))
  (: two-kinds Number)
  (@doc poly (@desc "Polymorphic") (@params ((@param "x"))) (@return "same"))
  (: poly (-> $t $t))
`);

// ---------------------------------------------------------------------------------------

describe('get-doc', () => {
  it('documents a typed function with its parameter and result types', () => {
    expect(docsOf(LIB.top, 'some-func')).toEqual([
      '(@doc-formal (@item some-func) (@kind function) (@type (-> Arg1Type Arg2Type ReturnType)) (@desc "Test function") ' +
        '(@params ((@param (@type Arg1Type) (@desc "First argument")) (@param (@type Arg2Type) (@desc "Second argument")))) ' +
        '(@return (@type ReturnType) (@desc "Return value")))',
    ]);
  });

  it('documents a plain atom with its type', () => {
    expect(docsOf(LIB.top, 'SomeSymbol')).toEqual(['(@doc-formal (@item SomeSymbol) (@kind atom) (@type SomeType) (@desc "Test symbol"))']);
  });

  it('gives %Undefined% types to an undeclared function', () => {
    expect(docsOf(LIB.top, 'untyped-func')).toEqual([
      '(@doc-formal (@item untyped-func) (@kind function) (@type %Undefined%) (@desc "Untyped") ' +
        '(@params ((@param (@type %Undefined%) (@desc "Only")))) (@return (@type %Undefined%) (@desc "Some value")))',
    ]);
  });

  it('gives nothing for an undocumented atom', () => {
    expect(docsOf(LIB.top, 'NoSuchAtom')).toEqual([]);
    expect(docsOf(LIB.top, '(some-func a b)')).toEqual([]);
  });

  it('documents an expression with its inferred type', () => {
    expect(docsOf(LIB.top, '(some-func x y)')).toEqual([
      '(@doc-formal (@item (some-func x y)) (@kind atom) (@type ReturnType) (@desc "A documented application"))',
    ]);
  });

  it('shows a function documented without parameters as an atom of its function type', () => {
    expect(docsOf(LIB.top, 'short-func')).toEqual([
      '(@doc-formal (@item short-func) (@kind atom) (@type (-> Number Number)) (@desc "Documented without parameters"))',
    ]);
  });

  it('reports documentation whose parameters do not fit the declared type', () => {
    expect(() => getDoc(LIB.top, p('wrong-arity'))).toThrow(/describes 2 parameter\(s\) but its type \(-> Number Number\) does not/);
  });

  it('documents each kind of a symbol with function and plain types', () => {
    const docs = docsOf(LIB.top, 'two-kinds');
    expect(docs).toHaveLength(2);
    expect(docs[0]).toContain('(@kind function) (@type (-> Number Number))');
    expect(docs[1]).toBe('(@doc-formal (@item two-kinds) (@kind atom) (@type Number) (@desc "Function and constant"))');
  });

  it('pairs a multi-typed function with the type of the documented arity (help! has two)', () => {
    const docs = docsOf(LIB.top, 'help!');
    expect(docs).toHaveLength(1);
    expect(docs[0]).toContain('(@type (-> Atom (->)))');
  });

  it('finds the core library documentation through the module space, not in the bare top space', () => {
    expect(docsOf(LIB.top, 'car-atom')).toHaveLength(1);
    expect(docsOf(LIB.top.main, 'car-atom')).toEqual([]);
  });

  it('documents every documented atom a pattern matches, each with its own type', () => {
    const answers = getDoc(LIB.top, p('$x'));
    const items = answers.map((a) => formatAtom((a.atom as { children: Atom[] }).children[1]!));
    expect(items).toContain('(@item some-func)');
    expect(items).toContain('(@item SomeSymbol)');
    expect(items).toContain('(@item car-atom)');
    const some = answers.find((a) => formatAtom(a.atom).includes('(@item SomeSymbol)'))!;
    expect(formatAtom(some.atom)).toContain('(@type SomeType)');
    expect(formatAtom(some.bindings.apply(p('$x')))).toBe('SomeSymbol');
    // Inconsistent documentation of one item does not hide the others.
    expect(answers.map((a) => formatAtom(a.atom))).toContain(
      '(Error wrong-arity the documentation of wrong-arity describes 2 parameter(s) but its type (-> Number Number) does not)',
    );
  });

  it('is a grounded operation that needs a space', () => {
    expect(runOp('get-doc', [spaceAtomOf(LIB.top), p('SomeSymbol')]).answers.map(formatAtom)).toEqual([
      '(@doc-formal (@item SomeSymbol) (@kind atom) (@type SomeType) (@desc "Test symbol"))',
    ]);
    expect(() => runOp('get-doc', [p('SomeSymbol'), p('SomeSymbol')])).toThrow(MettaRuntimeError);
  });
});

describe('get-doc helpers', () => {
  it('get-doc-function takes the type as given', () => {
    const r = runOp('get-doc-function', [spaceAtomOf(LIB.top), p('some-func'), p('(-> A B C)')]).answers.map(formatAtom);
    expect(r).toHaveLength(1);
    expect(r[0]).toContain('(@params ((@param (@type A) (@desc "First argument")) (@param (@type B) (@desc "Second argument")))) (@return (@type C)');
    expect(() => runOp('get-doc-function', [spaceAtomOf(LIB.top), p('some-func'), p('Number')])).toThrow(/function type/);
  });

  it('get-doc-atom reads a function fact as an untyped function', () => {
    const r = runOp('get-doc-atom', [spaceAtomOf(LIB.top), p('some-func')]).answers.map(formatAtom);
    expect(r).toHaveLength(1);
    expect(r[0]).toContain('(@kind function) (@type %Undefined%)');
  });

  it('get-doc-single-atom documents by the declared type', () => {
    const r = runOp('get-doc-single-atom', [spaceAtomOf(LIB.top), p('SomeSymbol')]).answers.map(formatAtom);
    expect(r).toEqual(['(@doc-formal (@item SomeSymbol) (@kind atom) (@type SomeType) (@desc "Test symbol"))']);
  });

  it('undefined-doc-function-type has one %Undefined% per parameter plus the result', () => {
    expect(formatAtom(undefinedFunctionType(p('((@param "a") (@param "b"))')))).toBe('(%Undefined% %Undefined% %Undefined%)');
    expect(formatAtom(undefinedFunctionType(p('()')))).toBe('(%Undefined%)');
    expect(() => undefinedFunctionType(p('(oops)'))).toThrow(/@param/);
  });

  it('get-doc-params pairs texts with types', () => {
    expect(formatAtom(formalParams(p('((@param "a"))'), p('(@return "r")'), p('(Number Bool)')))).toBe(
      '(((@param (@type Number) (@desc "a"))) (@return (@type Bool) (@desc "r")))',
    );
    expect(formatAtom(formalParams(p('()'), p('(@return "r")'), p('(Bool)')))).toBe('(() (@return (@type Bool) (@desc "r")))');
    expect(() => formalParams(p('((@param "a"))'), p('(@return "r")'), p('(Bool)'))).toThrow(/1 parameter\(s\) but the type has 0/);
    expect(() => formalParams(p('()'), p('"r"'), p('(Bool)'))).toThrow(/@return/);
  });
});

describe('printing', () => {
  it('formats function documentation as help! prints it', () => {
    const [doc] = getDoc(LIB.top, p('some-func'));
    expect(formatDocFormal(doc!.atom)).toBe(
      'Function some-func: (-> Arg1Type Arg2Type ReturnType) Test function\n' +
        'Parameters:\n' +
        '  (type Arg1Type) First argument\n' +
        '  (type Arg2Type) Second argument\n' +
        'Return: (type ReturnType) Return value\n',
    );
  });

  it('formats atom documentation, and shows type variables by their written names', () => {
    const [atomDoc] = getDoc(LIB.top, p('SomeSymbol'));
    expect(formatDocFormal(atomDoc!.atom)).toBe('Atom SomeSymbol: SomeType Test symbol\n');
    const [polyDoc] = getDoc(LIB.top, p('poly'));
    expect(formatAtom(polyDoc!.atom)).toMatch(/\(@type \(-> \$t#\d+ \$t#\d+\)\)/);
    expect(formatDocFormal(polyDoc!.atom)).toBe('Function poly: (-> $t $t) Polymorphic\nParameters:\n  (type $t) x\nReturn: (type $t) same\n');
  });

  it('rejects atoms that are not formal documentation', () => {
    expect(formatDocFormal(p('(@doc-formal (@item a) (@kind atom) (@type T) "no desc wrapper")'))).toBeUndefined();
    expect(formatDocFormal(p('(foo)'))).toBeUndefined();
  });

  it('help-param! prints one typed parameter, and nothing for other atoms', () => {
    expect(runOp('help-param!', [p('(@param (@type Number) (@desc "A number"))')])).toEqual({ answers: [UNIT], stdout: '  (type Number) A number\n' });
    expect(runOp('help-param!', [p('(@param "untyped")')])).toEqual({ answers: [], stdout: '' });
  });

  it('lists documented functions first, then other atoms, in the order they were written', () => {
    const space = new GroundingSpace();
    for (const a of parseAll('(@doc a (@desc "A")) (@doc f (@desc "F") (@params ()) (@return "r")) (@doc b (@desc "B"))', LIB.tokens)) space.add(a);
    expect(listDocs(space)).toBe('f\n\tF\na\n\tA\nb\n\tB\n');
    expect(runOp('help-space!', [spaceAtomOf(space)])).toEqual({ answers: [UNIT], stdout: 'f\n\tF\na\n\tA\nb\n\tB\n' });
  });

  it('help-internal! prints from the top module, whatever space it runs in', () => {
    const elsewhere = new GroundingSpace();
    const r = runOp('help-internal!', [p('SomeSymbol')], elsewhere);
    expect(r).toEqual({ answers: [UNIT], stdout: 'Atom SomeSymbol: SomeType Test symbol\n' });
  });

  it('help-internal! says when there is no documentation', () => {
    expect(runOp('help-internal!', [p('NoSuchAtom')])).toEqual({ answers: [UNIT], stdout: 'No documentation found for NoSuchAtom\n' });
    expect(runOp('help-internal!', [str('text')]).stdout).toBe('No documentation found for text\n');
  });

  it('help-internal! lists a module: corelib is found among the top module dependencies', () => {
    const r = runOp('help-internal!', [p('corelib')]);
    expect(r.answers).toEqual([UNIT]);
    expect(r.stdout).toBe(listDocs(LIB.corelib));
    expect(r.stdout).toContain('car-atom\n\tThe first atom of an expression; an error for the empty expression\n');
  });

  it('help-internal! turns inconsistent documentation into an error', () => {
    expect(() => runOp('help-internal!', [p('wrong-arity')])).toThrow(MettaRuntimeError);
  });
});

// ---------------------------------------------------------------------------------------
// The standard library's own documentation

/** Symbols the core library declares a type for or defines equations on. */
function corelibNames(): Atom[] {
  const names = new Map<string, Atom>();
  for (const a of parseAll(CORELIB_METTA + DOCS_METTA, LIB.tokens)) {
    if (a.kind !== 'expression' || a.children.length !== 3) continue;
    const [head, subject] = a.children;
    const name = head === sym(':') ? subject : head === sym('=') && subject!.kind === 'expression' ? subject!.children[0] : undefined;
    if (name?.kind === 'symbol') names.set(name.name, name);
  }
  return [...names.values()];
}

describe('standard library documentation', () => {
  const everything: Atom[] = [...LIB.ops, ...INSTRUCTIONS, ...corelibNames()];

  it.each(everything.map((a) => [formatAtom(a), a] as const))('%s is documented consistently with its type', (_name, atom) => {
    const docs = getDoc(LIB.top, atom);
    expect(docs.length).toBeGreaterThan(0);
    const types = docs.map((d) => (d.atom as { children: Atom[] }).children[3]!);
    for (const [i, d] of docs.entries()) {
      const kind = formatAtom((d.atom as { children: Atom[] }).children[2]!);
      const type = (types[i] as { children: Atom[] }).children[1]!;
      // A function type is always described with its parameters.
      if (isFunctionType(type)) expect(kind).toBe('(@kind function)');
      expect(formatDocFormal(d.atom)).toBeDefined();
    }
  });

  it('documents all of the operations, instructions and symbols checked above', () => {
    expect(everything.length).toBeGreaterThan(150);
  });

  it('writes every description as a non-empty (@desc <String>)', () => {
    const desc = p('$d');
    const name = p('$n');
    const all = LIB.corelib.query(p('(@doc $n $d)')).length + LIB.corelib.query(p('(@doc $n $d $ps $r)')).length;
    const described = [...LIB.corelib.query(p('(@doc $n (@desc $d))')), ...LIB.corelib.query(p('(@doc $n (@desc $d) $ps $r)'))];
    expect(described).toHaveLength(all);
    for (const b of described) {
      const d = b.apply(desc);
      expect(d instanceof StringAtom && d.value.length > 0, formatAtom(b.apply(name))).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Through the runner, once docOps and DOCS_METTA are wired into it

function runProgram(source: string): { results: string[][]; stdout: string } {
  let stdout = '';
  const metta = new MeTTa({ io: { stdout: (t) => (stdout += t), stderr: () => undefined } });
  const outcome = metta.run(source);
  return { results: outcome.results.map((r) => r.map(formatAtom)), stdout };
}

const wired = runProgram('!(get-type get-doc)').results[0]?.[0] === '(-> SpaceType Atom %Undefined%)';

describe.runIf(wired)('in the runner', () => {
  it('help! prints documentation of user and core library atoms', () => {
    const { results, stdout } = runProgram(String.raw`
      (@doc double (@desc "Doubles") (@params ((@param "Number to double"))) (@return "Twice the number"))
      (: double (-> Number Number))
      !(help! double)
      !(help! car-atom)
      !(help! (+ 1 2))`);
    expect(results).toEqual([['()'], ['()'], ['()']]);
    expect(stdout).toBe(
      'Function double: (-> Number Number) Doubles\nParameters:\n  (type Number) Number to double\nReturn: (type Number) Twice the number\n' +
        'Function car-atom: (-> Expression %Undefined%) The first atom of an expression; an error for the empty expression\n' +
        'Parameters:\n  (type Expression) Non-empty expression\nReturn: (type %Undefined%) Its head\n' +
        'No documentation found for (+ 1 2)\n',
    );
  });

  it('help! without an argument lists the core library', () => {
    const { results, stdout } = runProgram('!(help!)');
    expect(results).toEqual([['()']]);
    expect(stdout).toContain('get-doc\n\tReads the documentation of an atom');
    expect(stdout).toContain('\nEmpty\n\tStands for no result');
  });

  it('help! on a module lists its documentation', () => {
    const { stdout } = runProgram('!(import! &self random)\n!(help! random)');
    expect(stdout).toContain('random-int\n\t');
    expect(stdout).not.toContain('car-atom');
  });

  it('get-doc reads the core library through &self', () => {
    const { results } = runProgram('!(get-doc &self not)');
    expect(results[0]).toHaveLength(1);
    expect(results[0]![0]).toContain('(@item not) (@kind function) (@type (-> Bool Bool))');
  });
});
