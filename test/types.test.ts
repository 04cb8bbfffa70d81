/**
 * The type system (§4, and the type parts of §3.4): inference, the interpreter's run-time
 * checks, casting, and the static check of `pragma! type-check auto`. Expected outcomes are
 * the reference's (spec §4.4, §4.7, the b5/d2/d4 scripts and `types.rs` unit tests).
 */
import { describe, expect, it } from 'vitest';
import {
  alphaEq,
  atomEq,
  exprOf,
  renameVariables,
  sym,
  v,
  variablesOf,
  type Atom,
  type ExpressionAtom,
} from '../src/atomspace/atom.js';
import { Bindings } from '../src/atomspace/bindings.js';
import { formatAtom } from '../src/atomspace/format.js';
import type { ReadableSpace } from '../src/atomspace/space.js';
import { float, int, str } from '../src/atomspace/values.js';
import { GroundedOp } from '../src/metta/grounded.js';
import {
  ATOM_TYPE,
  EXPRESSION_TYPE,
  GROUNDED_TYPE,
  SYMBOL_TYPE,
  UNDEFINED_TYPE,
  VARIABLE_TYPE,
  checkFunctionApplication,
  getAtomTypes,
  isBadlyTyped,
  isFunctionType,
  matchTypes,
  matchTypesGradually,
  metaType,
  staticTypeErrors,
  typeCast,
  typeErrors,
  validTypes,
  type ApplicableType,
  type InferredType,
} from '../src/metta/types.js';
import { GroundingSpace } from '../src/atomspace/grounding-space.js';
import { NaiveSpace } from './support/naive-space.js';

/** The naive list space, seen through the ReadableSpace interface. */
class TestSpace extends NaiveSpace implements ReadableSpace {
  readonly name = 'test';
  candidates(): Iterable<Atom> {
    return this.items;
  }
  atoms(): Iterable<Atom> {
    return this.items;
  }
}

const noop = (): never => {
  throw new Error('not executed in these tests');
};

/** Grounded operations the examples use, by token. */
const OPS: Record<string, Atom> = {
  '+': new GroundedOp('+', exprOf([sym('->'), sym('Number'), sym('Number'), sym('Number')]), noop),
  '-': new GroundedOp('-', exprOf([sym('->'), sym('Number'), sym('Number'), sym('Number')]), noop),
  'new-state': new GroundedOp(
    'new-state',
    exprOf([sym('->'), v('tnso'), exprOf([sym('StateMonad'), v('tnso')])]),
    noop,
  ),
  'change-state!': new GroundedOp(
    'change-state!',
    exprOf([sym('->'), exprOf([sym('StateMonad'), v('tcs')]), v('tcs'), exprOf([sym('StateMonad'), v('tcs')])]),
    noop,
  ),
  'untyped-op': new GroundedOp('untyped-op', sym('%Undefined%'), noop),
};

/** A minimal reader for test atoms: symbols, `$vars`, numbers, strings, parentheses, OPS. */
function parseAll(text: string): Atom[] {
  const tokens = text.match(/"(?:[^"\\]|\\.)*"|[()]|[^\s()"]+/g) ?? [];
  let pos = 0;
  const read = (): Atom => {
    const t = tokens[pos++];
    if (t === undefined) throw new Error('unexpected end of input');
    if (t === '(') {
      const children: Atom[] = [];
      while (tokens[pos] !== ')') {
        if (pos >= tokens.length) throw new Error('unclosed (');
        children.push(read());
      }
      pos++;
      return exprOf(children);
    }
    if (t === ')') throw new Error('unexpected )');
    if (t.startsWith('"')) return str(JSON.parse(t) as string);
    if (t.startsWith('$')) return v(t.slice(1));
    if (/^-?\d+$/.test(t)) return int(Number(t));
    if (/^-?\d+\.\d+$/.test(t)) return float(Number(t));
    return OPS[t] ?? sym(t);
  };
  const out: Atom[] = [];
  while (pos < tokens.length) out.push(read());
  return out;
}

function atom(text: string): Atom {
  const atoms = parseAll(text);
  if (atoms.length !== 1) throw new Error(`one atom expected in ${text}`);
  return atoms[0]!;
}

function call(text: string): ExpressionAtom {
  return atom(text) as ExpressionAtom;
}

/** A space that can be filled and changed, as both space implementations are. */
type MutableSpace = ReadableSpace & { add(atom: Atom): void; remove(atom: Atom): boolean };

/** Every test runs over the naive list space and over the indexed GroundingSpace. */
const SPACE_KINDS: [string, () => MutableSpace][] = [
  ['naive', () => new TestSpace()],
  ['grounding', () => new GroundingSpace()],
];

/** The inferred entries, printed: types as themselves, errors prefixed with `!`. */
function shown(types: readonly InferredType[]): string[] {
  return types.map((t) => (t.type !== undefined ? formatAtom(t.type) : '!' + formatAtom(t.error)));
}

function typesOf(s: ReadableSpace, text: string): string[] {
  return shown(getAtomTypes(s, atom(text)));
}

/** The reference's `check_type`: meta-type, or some valid type matching gradually. */
function checkType(s: ReadableSpace, a: Atom, t: Atom): boolean {
  if (t === ATOM_TYPE || t === metaType(a)) return true;
  return validTypes(getAtomTypes(s, a)).some((x) => matchTypesGradually(renameVariables(x), t) !== null);
}

/** The reference's `validate_atom`: no inferred entry is an error. */
function validate(s: ReadableSpace, text: string): boolean {
  return getAtomTypes(s, atom(text)).every((t) => t.error === undefined);
}

/** The function types of `op`, as the interpreter gets them. */
function fnTypes(s: ReadableSpace, op: string): ExpressionAtom[] {
  return validTypes(getAtomTypes(s, atom(op))).filter(isFunctionType) as ExpressionAtom[];
}

function check(s: ReadableSpace, callText: string, expected: Atom = UNDEFINED_TYPE, b: Bindings = Bindings.EMPTY) {
  const c = call(callText);
  const types = fnTypes(s, formatAtom(c.children[0]!));
  expect(types.length).toBe(1);
  return checkFunctionApplication(s, c, types[0]!, expected, b);
}

function errorsOf(r: ReturnType<typeof check>): string[] {
  if (Array.isArray(r)) throw new Error('expected the check to fail');
  return (r as { errors: readonly Atom[] }).errors.map(formatAtom);
}

function matchesOf(r: ReturnType<typeof check>): readonly ApplicableType[] {
  if (!Array.isArray(r)) throw new Error(`expected the check to pass: ${errorsOf(r).join(', ')}`);
  return r as readonly ApplicableType[];
}

describe.each(SPACE_KINDS)('types over the %s space', (_kind, makeSpace) => {
  function space(text: string): MutableSpace {
    const s = makeSpace();
    for (const a of parseAll(text)) s.add(a);
    return s;
  }

  describe('meta-types and function types', () => {
    it('gives the meta-type of each kind of atom', () => {
      expect(metaType(sym('a'))).toBe(SYMBOL_TYPE);
      expect(metaType(v('x'))).toBe(VARIABLE_TYPE);
      expect(metaType(atom('(a b)'))).toBe(EXPRESSION_TYPE);
      expect(metaType(atom('()'))).toBe(EXPRESSION_TYPE);
      expect(metaType(int(1))).toBe(GROUNDED_TYPE);
      expect(metaType(str('s'))).toBe(GROUNDED_TYPE);
    });

    it('recognises function types: -> with at least one element after it', () => {
      expect(isFunctionType(atom('(-> A B)'))).toBe(true);
      expect(isFunctionType(atom('(-> B)'))).toBe(true);
      expect(isFunctionType(atom('(->)'))).toBe(false);
      expect(isFunctionType(atom('(A B)'))).toBe(false);
      expect(isFunctionType(sym('->'))).toBe(false);
    });
  });

  describe('matchTypes (runtime, §4.3)', () => {
    it('accepts %Undefined% or Atom on either side without binding anything', () => {
      const b = Bindings.EMPTY;
      for (const [x, y] of [
        [UNDEFINED_TYPE, sym('Nat')],
        [sym('Nat'), UNDEFINED_TYPE],
        [ATOM_TYPE, atom('(List Nat)')],
        [atom('(-> A B)'), ATOM_TYPE],
      ] as const) {
        expect(matchTypes(x, y, b)).toBe(b);
      }
    });

    it('unifies type expressions, binding type variables', () => {
      const r = matchTypes(atom('(List $t)'), atom('(List Nat)'));
      expect(r).not.toBeNull();
      expect(formatAtom(r!.apply(v('t')))).toBe('Nat');
      expect(matchTypes(sym('Nat'), sym('Int'))).toBeNull();
      expect(matchTypes(atom('(List Nat)'), atom('(List Int)'))).toBeNull();
    });

    it('extends the given bindings and respects what they already bind', () => {
      const base = matchTypes(v('t'), sym('Nat'))!;
      expect(matchTypes(atom('(List $t)'), atom('(List Nat)'), base)).not.toBeNull();
      expect(matchTypes(atom('(List $t)'), atom('(List Int)'), base)).toBeNull();
    });

    it('treats %Undefined% nested in a type as an ordinary symbol', () => {
      expect(matchTypes(atom('(List %Undefined%)'), atom('(List Nat)'))).toBeNull();
    });

    it('gradual matching (inference) lets nested %Undefined% match anything', () => {
      expect(matchTypesGradually(atom('(List %Undefined%)'), atom('(List Nat)'))).not.toBeNull();
      expect(matchTypesGradually(atom('(Pair Nat %Undefined%)'), atom('(Pair $a $a)'))).not.toBeNull();
      expect(matchTypesGradually(atom('(Pair Nat Int)'), atom('(Pair $a $a)'))).toBeNull();
      const b = matchTypesGradually(atom('(Pair $x $x)'), atom('(Pair %Undefined% Nat)'))!;
      expect(b).not.toBeNull();
      expect(b.apply(v('x'))).toBe(UNDEFINED_TYPE);
    });
  });

  describe('getAtomTypes: atoms and declarations (§4.2)', () => {
    const s = space('(: f (-> A B)) (: a A) (: a B) (: b B)');

    it('types the reference documentation examples', () => {
      expect(typesOf(s, '$x')).toEqual(['%Undefined%']);
      expect(typesOf(s, '1')).toEqual(['Number']);
      expect(typesOf(s, '"s"')).toEqual(['String']);
      expect(typesOf(s, 'na')).toEqual(['%Undefined%']);
      expect(typesOf(s, 'a')).toEqual(['A', 'B']);
      expect(typesOf(s, '(a b)')).toEqual(['(A B)', '(B B)']);
      expect(typesOf(s, '(f a)')).toEqual(['B']);
      expect(typesOf(s, '(f b)')).toEqual(['!(Error (f b) (BadArgType 1 A B))']);
      expect(isBadlyTyped(getAtomTypes(s, atom('(f b)')))).toBe(true);
      expect(isBadlyTyped(getAtomTypes(s, atom('(f a)')))).toBe(false);
    });

    it('gives () and untyped expressions %Undefined%', () => {
      expect(typesOf(s, '()')).toEqual(['%Undefined%']);
      expect(typesOf(s, '(c d)')).toEqual(['%Undefined%']);
      expect(typesOf(s, '(untyped-op 1)')).toEqual(['%Undefined%']);
    });

    it('ignores declared %Undefined% types and %Undefined%-typed grounded heads', () => {
      const t = space('(: F %Undefined%)');
      expect(typesOf(t, 'F')).toEqual(['%Undefined%']);
      expect(typesOf(t, '(F arg)')).toEqual(['%Undefined%']);
      expect(typesOf(t, '(untyped-op a)')).toEqual(['%Undefined%']);
    });

    it('keeps every declaration of an atom (non-deterministic typing)', () => {
      const t = space('(: a A) (: a AA) (: b B) (: b BB) (: Ten Nat) (: Ten Int)');
      expect(typesOf(t, 'Ten')).toEqual(['Nat', 'Int']);
      expect(typesOf(t, '(a b)').sort()).toEqual(['(A B)', '(A BB)', '(AA B)', '(AA BB)']);
      expect(typesOf(t, '(a c)')).toEqual(['%Undefined%']);
    });

    it('orders tuple types head outermost, the last argument varying fastest', () => {
      const t = space('(: a A) (: a AA) (: b B) (: c C) (: c CC) (: c CCC)');
      expect(typesOf(t, '(a b c)')).toEqual(['(A B C)', '(A B CC)', '(A B CCC)', '(AA B C)', '(AA B CC)', '(AA B CCC)']);
    });

    it('combines tuple and application types when the head has both', () => {
      const t = space('(: a (-> B C)) (: a A) (: b B)');
      expect(typesOf(t, '(a b)')).toEqual(['(A B)', 'C']);
    });

    it('includes types declared for whole expressions', () => {
      const t = space('(: (A B) PairAB) (: (f x) FX) (: f (-> Y R))');
      expect(typesOf(t, '(A B)')).toEqual(['PairAB']);
      expect(typesOf(t, '(f x)')).toEqual(['FX', 'R']);
    });

    it('matches declarations whose subject holds variables', () => {
      const t = space('(: (wrap $x) (Wrapped $x)) (: (Pair 1 2) Tuple2)');
      expect(typesOf(t, '(wrap a)')).toEqual(['(Wrapped a)']);
      expect(typesOf(t, '(wrap (b c))')).toEqual(['(Wrapped (b c))']);
      expect(typesOf(t, '(Pair 1 2)')).toEqual(['Tuple2']);
      expect(typesOf(t, '(Pair 1 3)')).toEqual(['%Undefined%']);
    });

    it('gives grounded atoms their own type with fresh type variables on every call', () => {
      const op = OPS['new-state']!;
      const [t1] = validTypes(getAtomTypes(s, op));
      const [t2] = validTypes(getAtomTypes(s, op));
      expect(alphaEq(t1!, op.kind === 'grounded' ? op.type : op)).toBe(true);
      expect(atomEq(t1!, t2!)).toBe(false);
      expect(variablesOf(t1!).every((x) => x.id !== 0)).toBe(true);
    });

    it('renames the variables of declared types on every call', () => {
      const t = space('(: Nil (List $t))');
      const [t1] = validTypes(getAtomTypes(t, sym('Nil')));
      const [t2] = validTypes(getAtomTypes(t, sym('Nil')));
      expect(alphaEq(t1!, atom('(List $t)'))).toBe(true);
      expect(atomEq(t1!, t2!)).toBe(false);
      expect(variablesOf(t1!)[0]!.id).not.toBe(0);
    });

    it('reads the space as it is now: no stale answers after it changes', () => {
      const t = space('(: g (-> A B))');
      expect(typesOf(t, '(g x)')).toEqual(['B']);
      t.add(atom('(: x C)'));
      expect(typesOf(t, '(g x)')).toEqual(['!(Error (g x) (BadArgType 1 A C))']);
      t.remove(atom('(: g (-> A B))'));
      expect(typesOf(t, '(g x)')).toEqual(['%Undefined%']);
    });
  });

  describe('getAtomTypes: subtyping via :<', () => {
    it('adds supertypes transitively', () => {
      const s = space('(: a A) (:< A B) (:< B C) (:< C D)');
      expect(typesOf(s, 'a')).toEqual(['A', 'B', 'C', 'D']);
      expect(checkType(s, sym('a'), sym('D'))).toBe(true);
    });

    it('terminates on loops in :<', () => {
      const s = space('(:< B A) (: a A) (:< A B) (:< B C)');
      expect(typesOf(s, 'a').sort()).toEqual(['A', 'B', 'C']);
      expect(checkType(s, sym('a'), sym('C'))).toBe(true);
    });

    it('adds supertypes of tuple types and of expression declarations', () => {
      const s = space(`
        (: i Pron) (: like Verb) (: music Noun)
        (: (do you like music) Quest)
        (:< (Pron Verb Noun) Statement)
        (:< Quest Sent)`);
      const im = atom('(i like music)');
      expect(checkType(s, im, UNDEFINED_TYPE)).toBe(true);
      expect(checkType(s, im, atom('(Pron Verb Noun)'))).toBe(true);
      expect(checkType(s, im, sym('Statement'))).toBe(true);
      expect(typesOf(s, '(do you like music)')).toEqual(['Quest', 'Sent']);
    });

    it('follows parametric subtype declarations', () => {
      const s = space('(: xs (List Nat)) (:< (List $t) (Coll $t))');
      expect(typesOf(s, 'xs')).toEqual(['(List Nat)', '(Coll Nat)']);
    });

    it('lists a supertype reached from two types twice, as the reference does', () => {
      const s = space('(: a A) (: a B) (:< A C) (:< B C)');
      expect(typesOf(s, 'a')).toEqual(['A', 'B', 'C', 'C']);
    });

    it('lets a subtype pass where the supertype is expected', () => {
      const s = space('(: n Nat) (:< Nat Int) (: neg (-> Int Int))');
      expect(typesOf(s, '(neg n)')).toEqual(['Int']);
    });

    it('validates the grammar example', () => {
      const s = space(`
        (: answer (-> Sent Sent))
        (:< Quest Sent) (:< (Aux Subj Verb Obj) Quest)
        (:< Pron Subj) (:< NG Subj) (:< Pron Obj) (:< NG Obj) (:< (Det Noun) NG)
        (: you Pron) (: do Aux) (: do Verb) (: like Verb) (: a Det) (: pizza Noun)`);
      expect(validate(s, '(answer (do you like (a pizza)))')).toBe(true);
      expect(typesOf(s, '(answer (do you like (a pizza)))')).toEqual(['Sent']);
    });
  });

  describe('getAtomTypes: function applications', () => {
    it('accepts untyped arguments and %Undefined% parameters (gradual typing)', () => {
      const s = space('(: a (-> B A)) (: g (-> %Undefined% R)) (: c C)');
      expect(typesOf(s, '(a b)')).toEqual(['A']);
      expect(typesOf(s, '(g c)')).toEqual(['R']);
      expect(typesOf(s, '(a $x)')).toEqual(['A']);
    });

    it('types nested calls and function-typed arguments', () => {
      const s = space('(: a (-> B A)) (: b B) (: h (-> A C)) (: k (-> (-> B A) C))');
      expect(typesOf(s, '(h (a b))')).toEqual(['C']);
      expect(typesOf(s, '(k a)')).toEqual(['C']);
    });

    it('reports IncorrectNumberOfArguments', () => {
      const s = space('(: f (-> A B))');
      expect(typesOf(s, '(f a b)')).toEqual(['!(Error (f a b) IncorrectNumberOfArguments)']);
      expect(typesOf(s, '(f)')).toEqual(['!(Error (f) IncorrectNumberOfArguments)']);
      expect(typesOf(s, '(+ -)')).toEqual(['!(Error (+ -) IncorrectNumberOfArguments)']);
    });

    it('checks meta-typed parameters against the meta-type of the argument', () => {
      const s = space(`
        (: f_atom (-> Atom D)) (: f_expr (-> Expression D)) (: f_var (-> Variable D))
        (: f_sym (-> Symbol D)) (: f_gnd (-> Grounded D)) (: b B)`);
      expect(typesOf(s, '(f_atom b)')).toEqual(['D']);
      expect(typesOf(s, '(f_sym b)')).toEqual(['D']);
      expect(typesOf(s, '(f_expr b)')).toEqual(['!(Error (f_expr b) (BadArgType 1 Expression B))']);
      expect(typesOf(s, '(f_var b)')).toEqual(['!(Error (f_var b) (BadArgType 1 Variable B))']);
      expect(typesOf(s, '(f_gnd b)')).toEqual(['!(Error (f_gnd b) (BadArgType 1 Grounded B))']);

      expect(typesOf(s, '(f_atom $b)')).toEqual(['D']);
      expect(typesOf(s, '(f_var $b)')).toEqual(['D']);

      expect(typesOf(s, '(f_atom (b))')).toEqual(['D']);
      expect(typesOf(s, '(f_sym (b))')).toEqual(['!(Error (f_sym (b)) (BadArgType 1 Symbol (B)))']);
      expect(typesOf(s, '(f_expr (b))')).toEqual(['D']);
      expect(typesOf(s, '(f_var (b))')).toEqual(['!(Error (f_var (b)) (BadArgType 1 Variable (B)))']);
      expect(typesOf(s, '(f_gnd (b))')).toEqual(['!(Error (f_gnd (b)) (BadArgType 1 Grounded (B)))']);

      expect(typesOf(s, '(f_atom 1)')).toEqual(['D']);
      expect(typesOf(s, '(f_sym 1)')).toEqual(['!(Error (f_sym 1) (BadArgType 1 Symbol Number))']);
      expect(typesOf(s, '(f_expr 1)')).toEqual(['!(Error (f_expr 1) (BadArgType 1 Expression Number))']);
      expect(typesOf(s, '(f_var 1)')).toEqual(['!(Error (f_var 1) (BadArgType 1 Variable Number))']);
      expect(typesOf(s, '(f_gnd 1)')).toEqual(['D']);
    });

    it('validates meta-typed parameters and meta-typed returns as the reference does', () => {
      const s = space(`
        (: R Type) (: A Type) (: B Type) (: a A) (: b B)
        (: aF (-> A R)) (: atomF (-> Atom R)) (: exprF (-> Expression R))
        (: gndF (-> Grounded R)) (: symF (-> Symbol R)) (: varF (-> Variable R))
        (: atomR (-> A Atom)) (: exprR (-> A Expression)) (: gndR (-> A Grounded))
        (: symR (-> A Symbol)) (: varR (-> A Variable))`);
      const ok = ['(aF a)', '(atomF a)', '(atomF ())', '(exprF ())', '(gndF 1)', '(symF a)', '(varF $a)'];
      const bad = ['(aF b)', '(exprF a)', '(gndF a)', '(symF 1)', '(varF a)'];
      for (const t of ok) expect(validate(s, t), t).toBe(true);
      for (const t of bad) expect(validate(s, t), t).toBe(false);
      const okReturns = ['(atomF (atomR a))', '(atomF (exprR a))', '(exprF (exprR a))', '(exprF (atomR a))'];
      const okReturns2 = ['(gndF (gndR a))', '(symF (symR a))', '(varF (varR a))'];
      const badReturns = ['(gndF (atomR a))', '(symF (atomR a))', '(varF (atomR a))'];
      for (const t of [...okReturns, ...okReturns2]) expect(validate(s, t), t).toBe(true);
      for (const t of badReturns) expect(validate(s, t), t).toBe(false);
      expect(checkType(s, atom('(aF b)'), ATOM_TYPE)).toBe(true);
      expect(checkType(s, atom('(aF b)'), EXPRESSION_TYPE)).toBe(true);
      expect(checkType(s, atom('(aF b)'), SYMBOL_TYPE)).toBe(false);
    });

    it('reports one BadArgType per actual type of a mismatching argument', () => {
      const s = space('(: f (-> A R)) (: x B) (: x C)');
      expect(typesOf(s, '(f x)')).toEqual([
        '!(Error (f x) (BadArgType 1 A B))',
        '!(Error (f x) (BadArgType 1 A C))',
      ]);
    });

    it('uses every matching type of an argument', () => {
      const s = space('(: f (-> $t (Box $t))) (: x B) (: x C)');
      expect(typesOf(s, '(f x)')).toEqual(['(Box B)', '(Box C)']);
    });

    it('surfaces the errors of a badly typed argument, unless the parameter does not look at types', () => {
      const s = space(`
        (: ln LN) (: == (-> $t $t Bool))
        (: let (-> Atom %Undefined% Atom %Undefined%)) (: q (-> Expression R))`);
      expect(typesOf(s, '(== 4 (+ ln 2))')).toEqual(['!(Error (+ ln 2) (BadArgType 1 Number LN))']);
      expect(typesOf(s, '(let $x (+ 5 "S") $x)')).toEqual(['%Undefined%']);
      expect(typesOf(s, '(q (+ 5 "S"))')).toEqual(['R']);
    });

    it('types an expression with a badly typed head as badly typed', () => {
      const s = space('(: f (-> A (-> B C))) (: b B)');
      expect(typesOf(s, '((f x) b)')).toEqual(['C']);
      expect(typesOf(s, '((f) b)')).toEqual(['!(Error (f) IncorrectNumberOfArguments)']);
    });
  });

  describe('getAtomTypes: parametric and dependent types (§4.7)', () => {
    const list = '(: List (-> $a Type)) (: Nil (List $a)) (: Cons (-> $a (List $a) (List $a)))';

    it('infers (List Number) for a well-typed list', () => {
      const s = space(list);
      expect(typesOf(s, '(Cons 5 (Cons 6 Nil))')).toEqual(['(List Number)']);
    });

    it('rejects a list of mixed element types', () => {
      const s = space(list);
      const types = getAtomTypes(s, atom('(Cons 5 (Cons "6" Nil))'));
      expect(isBadlyTyped(types)).toBe(true);
      expect(shown(types)).toEqual(['!(Error (Cons 5 (Cons "6" Nil)) (BadArgType 2 (List Number) (List String)))']);
    });

    it('types pairs of parametric values', () => {
      const s = space('(: Pair (-> $a $b Type)) (: pair (-> $a $b (Pair $a $b))) (: LeftP (-> $t (EitherP $t)))');
      expect(typesOf(s, '(pair (LeftP 5) "String")')).toEqual(['(Pair (EitherP Number) String)']);
    });

    it('computes dependent Vec lengths and rejects dropping from an empty Vec', () => {
      const s = space(`
        (: Cons (-> $t (Vec $t $x) (Vec $t (S $x))))
        (: Nil (Vec $t Z))
        (: drop (-> (Vec $t (S $x)) (Vec $t $x)))`);
      expect(typesOf(s, '(Cons 0 (Cons 1 Nil))')).toEqual(['(Vec Number (S (S Z)))']);
      expect(isBadlyTyped(getAtomTypes(s, atom('(drop Nil)')))).toBe(true);
      expect(typesOf(s, '(drop (Cons 0 Nil))')).toEqual(['(Vec Number Z)']);
    });

    it('types curry and partial application of a grounded operation', () => {
      const s = space('(: curry (-> (-> $a $b $c) (-> $a (-> $b $c)))) (: curry-a (-> (-> $a $b $c) $a (-> $b $c)))');
      expect(typesOf(s, '(curry +)')).toEqual(['(-> Number (-> Number Number))']);
      expect(typesOf(s, '((curry +) 2)')).toEqual(['(-> Number Number)']);
      expect(typesOf(s, '(curry-a + 2)')).toEqual(['(-> Number Number)']);
      expect(typesOf(s, '((curry-a + 2) 3)')).toEqual(['Number']);
      expect(isBadlyTyped(getAtomTypes(s, atom('((curry-a + 2) "S")')))).toBe(true);
    });

    it('infers through a type variable in head position (fmap)', () => {
      const s = space(`
        (: curry-a (-> (-> $a $b $c) $a (-> $b $c)))
        (: Either (-> $t Type)) (: Left (-> $t (Either $t)))
        (: fmap (-> (-> $a $b) ($F $a) ($F $b)))`);
      expect(typesOf(s, '(fmap (curry-a + 1) (Left 5))')).toEqual(['(Either Number)']);
      expect(isBadlyTyped(getAtomTypes(s, atom('(fmap (curry-a + 2) (Left "5"))')))).toBe(true);
    });

    it('types proofs as applications (types as propositions)', () => {
      const s = space(`
        (: Entity Type) (: Socrates Entity) (: Plato Entity)
        (: Human (-> Entity Type)) (: Mortal (-> Entity Type))
        (: HumansAreMortal (-> (Human $t) (Mortal $t)))
        (: SocratesIsHuman (Human Socrates)) (: PlatoIsHuman (Human Plato))
        (: SocratesIsMortal (Mortal Socrates))
        (: = (-> $t $t Type))`);
      expect(typesOf(s, '(Mortal Plato)')).toEqual(['Type']);
      expect(typesOf(s, '(HumansAreMortal SocratesIsHuman)')).toEqual(['(Mortal Socrates)']);
      expect(isBadlyTyped(getAtomTypes(s, atom('(HumansAreMortal (Human Socrates))')))).toBe(true);
      expect(typesOf(s, '(= SocratesIsMortal (HumansAreMortal SocratesIsHuman))')).toEqual(['Type']);
      expect(typesOf(s, '(= (Mortal Socrates) (Mortal Plato))')).toEqual(['Type']);
      for (const bad of [
        '(= SocratesIsMortal (HumansAreMortal PlatoIsHuman))',
        '(= SocratesIsHuman PlatoIsHuman)',
        '(= SocratesIsHuman SocratesIsMortal)',
      ]) {
        expect(isBadlyTyped(getAtomTypes(s, atom(bad))), bad).toBe(true);
      }
    });

    it('rejects equating values of different types under the corelib type of =', () => {
      const s = space(`
        (: = (-> $t $t %Undefined%))
        (: SocratesIsHuman (Human Socrates)) (: PlatoIsHuman (Human Plato))`);
      expect(isBadlyTyped(getAtomTypes(s, atom('(= SocratesIsHuman PlatoIsHuman)')))).toBe(true);
      expect(typesOf(s, '(= SocratesIsHuman SocratesIsHuman)')).toEqual(['%Undefined%']);
      expect(typesOf(s, '(= (f $x) $x)')).toEqual(['%Undefined%']);
    });

    it('checks the reference dependent-type examples', () => {
      const s = space(`
        (: = (-> $t $t Prop))
        (: Entity Prop) (: Human (-> Entity Prop)) (: Socrates Entity)
        (: (Human Socrates) Prop) (: Plato Entity) (: Mortal (-> Entity Prop))
        (: HumansAreMortal (-> (Human $t) (Mortal $t)))
        (: Time NotEntity)
        (: SocratesIsHuman (Human Socrates)) (: SocratesIsMortal (Mortal Socrates))`);
      const prop = sym('Prop');
      expect(checkType(s, atom('(Human Socrates)'), prop)).toBe(true);
      expect(checkType(s, atom('(Human Plato)'), prop)).toBe(true);
      expect(checkType(s, atom('(Human Time)'), prop)).toBe(false);
      expect(validate(s, '(Human Time)')).toBe(false);
      expect(checkType(s, atom('(Human Time)'), atom('((-> Entity Prop) NotEntity)'))).toBe(false);
      expect(checkType(s, atom('(= Socrates Socrates)'), prop)).toBe(true);
      expect(checkType(s, atom('(= Socrates Plato)'), prop)).toBe(true);
      expect(checkType(s, atom('(= Socrates Untyped)'), prop)).toBe(true);
      expect(checkType(s, atom('(= Socrates Time)'), prop)).toBe(false);
      expect(validate(s, '(HumansAreMortal SocratesIsHuman)')).toBe(true);
      for (const bad of [
        '(HumansAreMortal (Human Socrates))',
        '(HumansAreMortal (Human Plato))',
        '(HumansAreMortal (Human Time))',
        '(HumansAreMortal Human)',
        '(= SocratesIsHuman (Human Socrates))',
        '(= SocratesIsHuman (Human Plato))',
        '(= SocratesIsHuman (Human Time))',
      ]) {
        expect(validate(s, bad), bad).toBe(false);
      }
      expect(checkType(s, atom('(HumansAreMortal SocratesIsHuman)'), atom('(Mortal Socrates)'))).toBe(true);
      expect(validate(s, '(= SocratesIsMortal (HumansAreMortal SocratesIsHuman))')).toBe(true);
      expect(validate(s, '(= (Mortal Socrates) (Mortal Plato))')).toBe(true);
    });

    it('threads one binding through several dependent arguments', () => {
      const s = space(`
        (: Sam Entity) (: Frog (-> Entity Prop)) (: Green (-> Entity Prop)) (: Croaks (-> Entity Prop))
        (: GreenAndCroaksIsFrog (-> (Green $t) (Croaks $t) (Frog $t)))
        (: SamIsGreen (Green Sam)) (: SamCroaks (Croaks Sam))`);
      expect(typesOf(s, '(GreenAndCroaksIsFrog SamIsGreen SamCroaks)')).toEqual(['(Frog Sam)']);
    });

    it('picks the argument type that fits a parameterised return (reference test)', () => {
      const s = space(`
        (: = (-> $t $t Type)) (: Some (-> $p Type))
        (: foo (-> (Some P))) (: bar (-> $p (Some $p)))
        (: p X) (: p P)`);
      expect(typesOf(s, '(= (foo) (bar p))')).toEqual(['Type']);
    });

    it('matches dependent types with symbol and grounded parameters', () => {
      const s = space('(: === (-> $a $a Type)) (: Refl (-> $x (=== $x $x))) (: TermSym A) (: TermGnd 42)');
      const sy = atom('(Refl TermSym)');
      for (const [t, ok] of [
        ['(=== A A)', true],
        ['(=== A B)', false],
        ['(=== 42 A)', false],
        ['(=== $a A)', true],
        ['(=== $a $a)', true],
        ['(=== $a $b)', true],
      ] as const) {
        expect(checkType(s, sy, atom(t)), t).toBe(ok);
      }
      const gn = atom('(Refl TermGnd)');
      for (const [t, ok] of [
        ['(=== 42 42)', true],
        ['(=== 42 24)', false],
        ['(=== A 42)', false],
        ['(=== $a 42)', true],
      ] as const) {
        expect(checkType(s, gn, atom(t)), t).toBe(ok);
      }
    });

    it('types states built by grounded operations with parametric types', () => {
      const s = space('');
      expect(typesOf(s, '(new-state 2)')).toEqual(['(StateMonad Number)']);
      expect(typesOf(s, '(change-state! (new-state 1) 2)')).toEqual(['(StateMonad Number)']);
    });

    it('finds no type for (isLeft 5) when isLeft wants an Either', () => {
      const s = space('(: isLeft (-> Either Bool))');
      expect(typesOf(s, '(isLeft 5)')).toEqual(['!(Error (isLeft 5) (BadArgType 1 Either Number))']);
    });
  });

  describe('checkFunctionApplication (runtime, §3.4, §4.4)', () => {
    const peano = '(: Z Nat) (: S (-> Nat Nat)) (: Add (-> Nat Nat Nat)) (: Ten Nat) (: Ten Int)';

    it('reports BadArgType with the call as written', () => {
      const s = space(peano);
      expect(errorsOf(check(s, '(Add S Z)'))).toEqual(['(Error (Add S Z) (BadArgType 1 Nat (-> Nat Nat)))']);
    });

    it('accepts well-typed, untyped, variable and multiply-typed arguments', () => {
      const s = space(peano);
      const m = matchesOf(check(s, '(Add (S Z) Z)'));
      expect(m).toHaveLength(1);
      expect(m[0]!.argTypes.map(formatAtom)).toEqual(['Nat', 'Nat']);
      expect(formatAtom(m[0]!.returnType)).toBe('Nat');
      expect(matchesOf(check(s, '(Add Something Z)'))).toHaveLength(1);
      expect(matchesOf(check(s, '(Add $n Z)'))).toHaveLength(1);
      expect(matchesOf(check(s, '(Add Z Ten)'))).toHaveLength(1);
    });

    it('binds type variables and reports mismatches with the bound parameter type', () => {
      const s = space(
        peano +
          ' (: List (-> Type Type)) (: Nil (List $t)) (: Cons (-> $t (List $t) (List $t)))' +
          ' (: eq (-> $t $t Type))',
      );
      expect(errorsOf(check(s, '(Cons S (Cons Z Nil))'))).toEqual([
        '(Error (Cons S (Cons Z Nil)) (BadArgType 2 (List (-> Nat Nat)) (List Nat)))',
      ]);
      expect(errorsOf(check(s, '(eq Z S)'))).toEqual(['(Error (eq Z S) (BadArgType 2 Nat (-> Nat Nat)))']);
      const m = matchesOf(check(s, '(eq Z (S Z))'));
      expect(m[0]!.argTypes.map(formatAtom)).toEqual(['Nat', 'Nat']);
      expect(formatAtom(m[0]!.returnType)).toBe('Type');
      const list = matchesOf(check(s, '(Cons (S Z) (Cons Z Nil))'));
      expect(list[0]!.argTypes.map(formatAtom)).toEqual(['Nat', '(List Nat)']);
      expect(formatAtom(list[0]!.returnType)).toBe('(List Nat)');
    });

    it('returns the caller bindings extended with the type variables', () => {
      const s = space('(: eq (-> $t $t Type)) (: Z Nat)');
      const caller = matchTypes(v('other'), sym('Value'))!;
      const fnType = fnTypes(s, 'eq')[0]!;
      const tv = fnType.children[1]!;
      const r = checkFunctionApplication(s, call('(eq Z $y)'), fnType, UNDEFINED_TYPE, caller);
      const m = matchesOf(r)[0]!;
      expect(formatAtom(m.bindings.apply(tv))).toBe('Nat');
      expect(formatAtom(m.bindings.apply(v('other')))).toBe('Value');
    });

    it('checks the return type against the expected type', () => {
      const s = space('(: foo (-> Number)) (: bar (-> Bool))');
      expect(errorsOf(check(s, '(foo)', sym('Bool')))).toEqual(['(Error (foo) (BadType Bool Number))']);
      expect(matchesOf(check(s, '(foo)', sym('Number')))).toHaveLength(1);
      expect(matchesOf(check(s, '(foo)', ATOM_TYPE))).toHaveLength(1);
      const id = space('(: id (-> $t $t))');
      expect(errorsOf(check(id, '(id 1)', sym('Bool')))).toEqual(['(Error (id 1) (BadType Bool Number))']);
    });

    it('reports IncorrectNumberOfArguments before looking at argument types', () => {
      const s = space(peano);
      expect(errorsOf(check(s, '(Add Z)'))).toEqual(['(Error (Add Z) IncorrectNumberOfArguments)']);
      expect(errorsOf(check(s, '(Add S Z Z)'))).toEqual(['(Error (Add S Z Z) IncorrectNumberOfArguments)']);
    });

    it('surfaces the error of a badly typed argument', () => {
      const s = space('(: ln LN) (: == (-> $t $t Bool))');
      expect(errorsOf(check(s, '(== 4 (+ ln 2))'))).toEqual(['(Error (+ ln 2) (BadArgType 1 Number LN))']);
    });

    it('checks grounded operations with parametric types', () => {
      const s = space('');
      const c = call('(change-state! (new-state 1) "S")');
      const fnType = validTypes(getAtomTypes(s, c.children[0]!))[0] as ExpressionAtom;
      expect(errorsOf(checkFunctionApplication(s, c, fnType, UNDEFINED_TYPE, Bindings.EMPTY))).toEqual([
        '(Error (change-state! (new-state 1) "S") (BadArgType 2 Number String))',
      ]);
      const plus = call('(+ 2 "String")');
      const plusType = validTypes(getAtomTypes(s, plus.children[0]!))[0] as ExpressionAtom;
      expect(errorsOf(checkFunctionApplication(s, plus, plusType, UNDEFINED_TYPE, Bindings.EMPTY))).toEqual([
        '(Error (+ 2 "String") (BadArgType 2 Number String))',
      ]);
    });

    it('lets meta-typed parameters accept arguments of that meta-type without looking at types', () => {
      const s = space(`
        (: q (-> Atom Atom)) (: car-atom (-> Expression %Undefined%)) (: sy (-> Symbol R))
        (: b B) (: ln LN)`);
      const q = matchesOf(check(s, '(q (foo))'));
      expect(q[0]!.argTypes).toEqual([ATOM_TYPE]);
      expect(q[0]!.returnType).toBe(ATOM_TYPE);
      expect(matchesOf(check(s, '(car-atom (+ ln 2))'))).toHaveLength(1);
      expect(matchesOf(check(s, '(car-atom untyped)'))).toHaveLength(1);
      expect(errorsOf(check(s, '(car-atom 5)'))).toEqual(['(Error (car-atom 5) (BadArgType 1 Expression Number))']);
      expect(errorsOf(check(s, '(car-atom b)'))).toEqual(['(Error (car-atom b) (BadArgType 1 Expression B))']);
      expect(matchesOf(check(s, '(sy b)'))).toHaveLength(1);
      // An expression passed for a Symbol parameter is checked by its type (issue #673).
      expect(matchesOf(check(s, '(sy (untyped x))'))).toHaveLength(1);
    });

    it('lists every way the call fits, in order', () => {
      const s = space('(: f (-> $t (Box $t))) (: x B) (: x C)');
      const m = matchesOf(check(s, '(f x)'));
      expect(m.map((r) => formatAtom(r.returnType))).toEqual(['(Box B)', '(Box C)']);
    });

    it('collects one error per mismatching actual type when nothing fits', () => {
      const s = space('(: f (-> A R)) (: x B) (: x C)');
      expect(errorsOf(check(s, '(f x)'))).toEqual([
        '(Error (f x) (BadArgType 1 A B))',
        '(Error (f x) (BadArgType 1 A C))',
      ]);
    });

    it('refuses a non-function type', () => {
      const s = space('');
      expect(() => checkFunctionApplication(s, call('(f a)'), call('(A B)'), UNDEFINED_TYPE, Bindings.EMPTY)).toThrow();
    });
  });

  describe('typeCast (§3.4)', () => {
    const s = space('(: Z Nat) (: Ten Nat) (: Ten Int) (: Nil (List $t))');
    const cast = (text: string, type: Atom, b: Bindings = Bindings.EMPTY) => typeCast(s, atom(text), type, b);
    const errors = (r: ReturnType<typeof cast>) => (r.ok ? [] : r.errors.map(formatAtom));

    it('accepts Atom and the atom’s own meta-type at once', () => {
      expect(cast('Z', ATOM_TYPE).ok).toBe(true);
      expect(cast('Z', SYMBOL_TYPE).ok).toBe(true);
      expect(cast('5', GROUNDED_TYPE).ok).toBe(true);
      expect(cast('()', EXPRESSION_TYPE).ok).toBe(true);
      expect(cast('$x', VARIABLE_TYPE).ok).toBe(true);
    });

    it('accepts a matching declared or grounded type and an untyped atom', () => {
      expect(cast('Z', sym('Nat')).ok).toBe(true);
      expect(cast('5', sym('Number')).ok).toBe(true);
      expect(cast('untyped', sym('Nat')).ok).toBe(true);
      expect(cast('()', sym('Nat')).ok).toBe(true);
      expect(cast('Ten', sym('Int')).ok).toBe(true);
      expect(cast('Z', UNDEFINED_TYPE).ok).toBe(true);
    });

    it('gives one BadType error per actual type on mismatch', () => {
      expect(errors(cast('Z', sym('Bool')))).toEqual(['(Error Z (BadType Bool Nat))']);
      expect(errors(cast('5', sym('String')))).toEqual(['(Error 5 (BadType String Number))']);
      expect(errors(cast('Ten', sym('Bool')))).toEqual([
        '(Error Ten (BadType Bool Nat))',
        '(Error Ten (BadType Bool Int))',
      ]);
      expect(errors(cast('Z', EXPRESSION_TYPE))).toEqual(['(Error Z (BadType Expression Nat))']);
    });

    it('binds type variables of the expected type, taking the first match only', () => {
      const r = cast('Ten', v('t'));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.bindings).toHaveLength(1);
      expect(formatAtom(r.bindings[0]!.apply(v('t')))).toBe('Nat');
      const l = cast('Nil', atom('(List Number)'));
      expect(l.ok).toBe(true);
    });

    it('respects type variables already bound by the caller', () => {
      const b = matchTypes(v('t'), sym('Int'))!;
      expect(cast('Ten', v('t'), b).ok).toBe(true);
      expect(errors(cast('Z', v('t'), b))).toEqual(['(Error Z (BadType Int Nat))']);
    });
  });

  describe('staticTypeErrors (pragma! type-check auto, §4.5)', () => {
    it('reports the errors of a badly typed atom and nothing otherwise', () => {
      const s = space('(: foo (-> A B)) (: b B) (: a A) (: let (-> Atom %Undefined% Atom %Undefined%))');
      expect(staticTypeErrors(s, atom('(foo b)')).map(formatAtom)).toEqual(['(Error (foo b) (BadArgType 1 A B))']);
      expect(staticTypeErrors(s, atom('(foo a)'))).toEqual([]);
      expect(staticTypeErrors(s, atom('(let $x (+ 5 "S") $x)'))).toEqual([]);
      expect(staticTypeErrors(s, atom('(+ 5 "S")')).map(formatAtom)).toEqual([
        '(Error (+ 5 "S") (BadArgType 2 Number String))',
      ]);
      expect(staticTypeErrors(s, atom('(untyped (+ 5 "S"))'))).toEqual([]);
      expect(staticTypeErrors(s, sym('x'))).toEqual([]);
    });

    it('accepts an atom that has at least one valid type', () => {
      const s = space('(: f (-> A B)) (: f (-> C D)) (: c C)');
      expect(typesOf(s, '(f c)')).toEqual(['!(Error (f c) (BadArgType 1 A C))', 'D']);
      expect(staticTypeErrors(s, atom('(f c)'))).toEqual([]);
      expect(typeErrors(getAtomTypes(s, atom('(f c)'))).map(formatAtom)).toEqual(['(Error (f c) (BadArgType 1 A C))']);
    });
  });
});
