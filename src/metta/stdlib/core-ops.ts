/**
 * Standard library operations that work with the interpreter or the runner: control flow,
 * non-determinism, spaces, state, types, assertions and modules (§5.1–5.4, 5.8–5.11).
 * Plain host functions (arithmetic, math, text) live in their own modules.
 *
 * @module
 */
import {
  alphaEq,
  atomEq,
  expr,
  exprOf,
  freshVariable,
  renameVariables,
  substitute,
  sym,
  UNIT,
  type Atom,
  type ExpressionAtom,
  type VariableAtom,
} from '../../atomspace/atom.js';
import { Bindings } from '../../atomspace/bindings.js';
import { formatAtom } from '../../atomspace/format.js';
import type { Space } from '../../atomspace/space.js';
import { SpaceAtom } from '../../atomspace/space-atom.js';
import { matchAtoms } from '../../atomspace/unify.js';
import { bool, str, StringAtom, TRUE, FALSE, IntAtom } from '../../atomspace/values.js';
import { EvalRequest, GroundedOp, MettaRuntimeError, NoReduce, type Evaluated, type OpAnswer, type OpContext, type OpFunction } from '../grounded.js';
import { parseAtom } from '../parser.js';
import { getAtomTypes, isFunctionType, matchTypes, metaType } from '../types.js';
import { EMPTY, ERROR, isError, RETURN, UNDEFINED_TYPE } from '../interpreter/symbols.js';
import { StateAtom } from './state.js';

/** What the runner provides to the module and pragma operations. */
export interface CoreEnvironment {
  /** A fresh, empty in-memory space. */
  newSpace(): Space;
  /** The space atom for a space (one atom per space, so `&self` stays equal to itself). */
  spaceAtom(space: Space): SpaceAtom;
  /** Sets a pragma (`type-check`, `interpreter`, `max-stack-depth`, …). */
  setPragma(key: string, value: Atom): void;
  /** `(import! <target> <module>)` from the module whose space is `space`. */
  importModule(space: Space, target: Atom, name: Atom): void;
  /** `(include <module>)`: runs the module's text inside the module of `space`; the last `!` results. */
  include(space: Space, name: Atom): Atom[];
  /** Registers a token in the tokenizer of the module whose space is `space`. */
  bindToken(space: Space, token: string, atom: Atom): void;
  /** The space of a module, loading it if needed. */
  moduleSpace(space: Space, name: Atom): Space;
  /** The module's own space without its dependencies. */
  mainSpace(space: Space): Space;
  /** Loads a module from a file system path. */
  registerModule(space: Space, path: string): void;
  /** Lines describing the loaded modules. */
  describeModules(): string[];
  /** Parses `text` as the core library reads it (operation names become the operations). */
  parse(text: string): Atom;
}

const t = (text: string): Atom => parseAtom(text);

function op(name: string, type: string, fn: OpFunction): GroundedOp {
  return new GroundedOp(name, t(type), fn);
}

function spaceArg(a: Atom, opName: string): Space {
  if (a instanceof SpaceAtom) return a.space;
  throw new MettaRuntimeError(`${opName} expects a space as the first argument`);
}

function exprArg(a: Atom, what: string): ExpressionAtom {
  if (a.kind === 'expression') return a;
  throw new MettaRuntimeError(what);
}

/** `{atom, bindings}` answers for every way `a` and `b` match. */
function matches(a: Atom, b: Atom, then: Atom): OpAnswer[] {
  return matchAtoms(a, b).map((bn) => ({ atom: then, bindings: bn }));
}

/** Results of an evaluation with their bindings applied (what `collapse` collects). */
function atomsOf(results: readonly Evaluated[]): Atom[] {
  return results.map((r) => r.atom);
}

/** Counts `xs` against `ys` as multisets under `eq`: what `xs` has that `ys` lacks. */
function multisetMinus(xs: readonly Atom[], ys: readonly Atom[], eq: (a: Atom, b: Atom) => boolean): Atom[] {
  const left = [...ys];
  const out: Atom[] = [];
  for (const x of xs) {
    const i = left.findIndex((y) => eq(x, y));
    if (i >= 0) left.splice(i, 1);
    else out.push(x);
  }
  return out;
}

const list = (xs: readonly Atom[]) => '[' + xs.map(formatAtom).join(', ') + ']';

/** The report of a failed assertion, or undefined when the result sets agree. */
function compareResults(actual: readonly Atom[], expected: readonly Atom[], eq: (a: Atom, b: Atom) => boolean): string | undefined {
  const missed = multisetMinus(expected, actual, eq);
  const excessive = multisetMinus(actual, expected, eq);
  if (missed.length === 0 && excessive.length === 0) return undefined;
  let report = `\nExpected: ${list(expected)}\nGot: ${list(actual)}`;
  if (missed.length > 0) report += `\nMissed results: ${missed.map(formatAtom).join(', ')}`;
  if (excessive.length > 0) report += `\nExcessive results: ${excessive.map(formatAtom).join(', ')}`;
  return report;
}

type AssertKind = { name: string; alpha: boolean; toResult: boolean; msg: boolean };

function assertOp(k: AssertKind): GroundedOp {
  const type = k.msg ? '(-> Atom Atom Atom (->))' : '(-> Atom Atom (->))';
  const eq = k.alpha ? alphaEq : atomEq;
  return op(k.name, type, (args, ctx) => {
    const [actual, expected, message] = args as [Atom, Atom, Atom | undefined];
    const head = exprOf([ctx.call.children[0]!, actual, expected]);
    const finish = (got: Atom[], want: readonly Atom[]): OpAnswer[] => {
      const report = compareResults(got, want, eq);
      if (report === undefined) return [UNIT];
      return [expr(ERROR, head, k.msg ? message! : str(report))];
    };
    return new EvalRequest(actual, (got) => {
      if (k.toResult) return finish(atomsOf(got), exprArg(expected, `${k.name} expects an expression of results`).children);
      return new EvalRequest(expected, (want) => finish(atomsOf(got), atomsOf(want)));
    });
  });
}

/** Substitutes variable `x` by `value` in `template`. */
function substVar(template: Atom, x: Atom, value: Atom): Atom {
  return substitute(template, (y) => (y === x ? value : undefined));
}

function stateArg(a: Atom): StateAtom {
  if (a instanceof StateAtom) return a;
  throw new NoReduce();
}

/** The operations, bound to the runner's services. */
export function coreOps(env: CoreEnvironment): GroundedOp[] {
  return [
    // ---- control flow (§5.1)
    op('if', '(-> Bool Atom Atom $t)', ([c, then, otherwise], ctx) => {
      if (c === TRUE) return [then!];
      if (c === FALSE) return [otherwise!];
      if (c!.kind === 'variable') {
        return [
          { atom: then!, bindings: Bindings.EMPTY.bind(c!, TRUE)! },
          { atom: otherwise!, bindings: Bindings.EMPTY.bind(c!, FALSE)! },
        ];
      }
      void ctx;
      throw new NoReduce();
    }),
    op('let', '(-> Atom %Undefined% Atom %Undefined%)', ([pattern, value, template]) => matches(value!, pattern!, template!)),
    op('let*', '(-> Expression Atom %Undefined%)', ([pairs, template], ctx) => {
      const ps = pairs as ExpressionAtom;
      if (ps.children.length === 0) return [template!];
      const first = ps.children[0]!;
      if (first.kind !== 'expression' || first.children.length !== 2) {
        return [expr(ERROR, ctx.call, str('List of (<pattern> <atom>) pairs is expected as a second argument'))];
      }
      const rest = exprOf([ctx.call.children[0]!, exprOf(ps.children.slice(1)), template!]);
      return [exprOf([env.parse('let'), first.children[0]!, first.children[1]!, rest])];
    }),
    op('case', '(-> Atom Expression %Undefined%)', ([value, cases]) => {
      const branches = (cases as ExpressionAtom).children;
      const pick = (v: Atom, bindings: Bindings): OpAnswer[] => {
        for (const br of branches) {
          if (br.kind !== 'expression' || br.children.length !== 2) continue;
          const ms = matchAtoms(v, br.children[0]!, bindings);
          if (ms.length > 0) return ms.map((m) => ({ atom: m.apply(br.children[1]!), bindings: m }));
        }
        return [];
      };
      return new EvalRequest(value!, (results) => {
        if (results.length === 0) return pick(EMPTY, Bindings.EMPTY);
        return results.flatMap((r) => pick(r.atom, r.bindings));
      });
    }),
    op('switch', '(-> %Undefined% Expression %Undefined%)', ([value, cases]) => firstCase(value!, (cases as ExpressionAtom).children)),
    op('switch-minimal', '(-> Atom Expression Atom)', ([value, cases]) => firstCase(value!, (cases as ExpressionAtom).children)),
    op('switch-internal', '(-> Atom Expression Atom)', ([value, deconsed]) => {
      // The cases arrive split by decons-atom: (<first case> (<other cases>…)).
      const [first, rest] = (deconsed as ExpressionAtom).children;
      const others = rest?.kind === 'expression' ? rest.children : [];
      return firstCase(value!, first === undefined ? [] : [first, ...others]);
    }),
    op('if-equal', '(-> Atom Atom Atom Atom %Undefined%)', ([a, b, then, otherwise]) => [alphaEq(a!, b!) ? then! : otherwise!]),
    op('if-error', '(-> Atom Atom Atom %Undefined%)', ([a, then, otherwise]) => [isError(a!) ? then! : otherwise!]),
    op('return-on-error', '(-> Atom Atom %Undefined%)', ([a, then]) => {
      if (a === EMPTY) return [expr(RETURN, EMPTY)];
      if (isError(a!)) return [expr(RETURN, a!)];
      return [then!];
    }),
    op('if-decons-expr', '(-> Expression Variable Variable Atom Atom %Undefined%)', ([e, h, tl, then, otherwise]) => {
      const x = e as ExpressionAtom;
      if (x.children.length === 0) return [otherwise!];
      const filled = substVar(substVar(then!, h!, x.children[0]!), tl!, exprOf(x.children.slice(1)));
      return [filled];
    }),
    op('id', '(-> $t $t)', ([x]) => [x!]),
    op('noeval', '(-> Atom Atom)', ([x]) => [x!]),
    op('quote', '(-> Atom Atom)', () => {
      throw new NoReduce();
    }),
    op('unquote', '(-> %Undefined% %Undefined%)', ([q]) => {
      if (q!.kind === 'expression' && q!.children.length === 2 && q!.children[0] === env.parse('quote')) return [q!.children[1]!];
      throw new NoReduce();
    }),
    op('nop', '%Undefined%', () => [UNIT]),
    op('atom-subst', '(-> Atom Variable Atom Atom)', ([value, x, template]) => [substVar(template!, x!, value!)]),
    op('sealed', '(-> Expression Atom Atom)', ([keep, atom]) => {
      const kept = new Set<Atom>((keep as ExpressionAtom).children);
      const fresh = new Map<VariableAtom, VariableAtom>();
      return [
        substitute(atom!, (x) => {
          if (kept.has(x)) return undefined;
          let f = fresh.get(x);
          if (f === undefined) fresh.set(x, (f = freshVariable(x)));
          return f;
        }),
      ];
    }),
    op('capture', '(-> Atom Atom)', ([a]) => new EvalRequest(a!, (rs) => atomsOf(rs))),
    op('pragma!', '%Undefined%', ([key, value], ctx) => {
      if (key?.kind !== 'symbol') throw new MettaRuntimeError('pragma! expects symbol atom as a key');
      if (key.name === 'max-stack-depth') {
        if (!(value instanceof IntAtom) || Number(value.value) < 0) {
          return [expr(ERROR, ctx.call, sym('UnsignedIntegerIsExpected'))];
        }
      }
      env.setPragma(key.name, value!);
      return [UNIT];
    }),

    // ---- non-determinism (§5.2)
    op('superpose', '(-> Expression %Undefined%)', ([e]) => {
      if (e?.kind !== 'expression') throw new MettaRuntimeError('superpose expects single expression as an argument');
      return e.children;
    }),
    op('collapse', '(-> Atom Atom)', ([a]) => new EvalRequest(a!, (rs) => [exprOf(atomsOf(rs))])),
    op('unique', '(-> Atom %Undefined%)', ([a]) =>
      new EvalRequest(a!, (rs) => {
        const out: Atom[] = [];
        for (const x of atomsOf(rs)) if (!out.some((y) => alphaEq(x, y))) out.push(x);
        return out;
      }),
    ),
    op('union', '(-> Atom Atom %Undefined%)', ([a, b]) =>
      new EvalRequest(a!, (ra) => new EvalRequest(b!, (rb) => [...atomsOf(ra), ...atomsOf(rb)])),
    ),
    op('intersection', '(-> Atom Atom %Undefined%)', ([a, b]) =>
      new EvalRequest(a!, (ra) =>
        new EvalRequest(b!, (rb) => {
          const xs = atomsOf(ra);
          const missing = multisetMinus(xs, atomsOf(rb), atomEq);
          return multisetMinus(xs, missing, atomEq);
        }),
      ),
    ),
    op('subtraction', '(-> Atom Atom %Undefined%)', ([a, b]) =>
      new EvalRequest(a!, (ra) => new EvalRequest(b!, (rb) => multisetMinus(atomsOf(ra), atomsOf(rb), atomEq))),
    ),

    // ---- equality (§5.4)
    op('=alpha', '(-> Atom Atom Bool)', ([a, b]) => [bool(alphaEq(a!, b!))]),
    op('noreduce-eq', '(-> Atom Atom Bool)', ([a, b]) => [bool(atomEq(a!, b!))]),

    // ---- spaces (§5.8)
    op('match', '(-> SpaceType Atom Atom %Undefined%)', ([s, pattern, template]) => {
      const space = spaceArg(s!, 'match');
      return space.query(pattern!).map((bn) => ({ atom: template!, bindings: bn }));
    }),
    op('add-atom', '(-> SpaceType Atom (->))', ([s, a]) => {
      spaceArg(s!, 'add-atom').add(a!);
      return [UNIT];
    }),
    op('add-reduct', '(-> SpaceType %Undefined% (->))', ([s, a]) => {
      spaceArg(s!, 'add-reduct').add(a!);
      return [UNIT];
    }),
    op('add-atoms', '(-> SpaceType Expression (->))', ([s, e]) => {
      const space = spaceArg(s!, 'add-atoms');
      for (const a of (e as ExpressionAtom).children) space.add(a);
      return [UNIT];
    }),
    op('add-reducts', '(-> SpaceType %Undefined% (->))', ([s, e]) => {
      const space = spaceArg(s!, 'add-reducts');
      for (const a of exprArg(e!, 'add-reducts expects an expression of atoms').children) space.add(a);
      return [UNIT];
    }),
    op('remove-atom', '(-> SpaceType Atom (->))', ([s, a]) => {
      spaceArg(s!, 'remove-atom').remove(a!);
      return [UNIT];
    }),
    op('get-atoms', '(-> SpaceType Atom)', ([s]) => [...spaceArg(s!, 'get-atoms').atoms()].map((a) => renameVariables(a))),
    op('new-space', '(-> SpaceType)', () => [env.spaceAtom(env.newSpace())]),

    // ---- state (§5.9)
    op('new-state', '(-> $t (StateMonad $t))', ([value], ctx) => {
      const types = getAtomTypes(ctx.space, value!).filter((x) => x.error === undefined);
      return [new StateAtom(value!, types.length > 0 ? types[0]!.type! : UNDEFINED_TYPE)];
    }),
    op('get-state', '(-> (StateMonad $t) $t)', ([s]) => [stateArg(s!).value]),
    op('change-state!', '(-> (StateMonad $t) $t (StateMonad $t))', ([s, value]) => {
      const st = stateArg(s!);
      st.value = value!;
      return [st];
    }),

    // ---- types (§4.6)
    op('get-type', '(-> Atom %Undefined%)', (args, ctx) => {
      const space = args.length > 1 ? spaceArg(args[1]!, 'get-type') : ctx.space;
      return typesOf(space, args[0]!);
    }),
    op('get-type-space', '(-> SpaceType Atom Atom)', ([s, a]) => typesOf(spaceArg(s!, 'get-type-space'), a!)),
    op('get-metatype', '(-> Atom Atom)', ([a]) => [metaType(a!)]),
    op('is-function', '(-> Type Bool)', ([type]) => [bool(isFunctionType(type!))]),
    op('match-types', '(-> Atom Atom Atom Atom %Undefined%)', ([t1, t2, then, otherwise]) => [
      matchTypes(t1!, t2!) !== null ? then! : otherwise!,
    ]),
    op('match-type-or', '(-> Bool Atom Atom Bool)', ([folded, next, type]) => [bool(folded === TRUE || matchTypes(next!, type!) !== null)]),
    op('first-from-pair', '(-> Atom Atom)', ([pair], ctx) => {
      if (pair?.kind === 'expression' && pair.children.length === 2) return [pair.children[0]!];
      return [expr(ERROR, ctx.call, str('incorrect pair format'))];
    }),
    op('type-cast', '(-> Atom Atom Atom Atom)', ([a, type, s]) => {
      const space = spaceArg(s!, 'type-cast');
      if (atomEq(metaType(a!), type!)) return [a!];
      const ok = getAtomTypes(space, a!).some((x) => x.type !== undefined && matchTypes(x.type, type!) !== null);
      return [ok ? a! : expr(ERROR, a!, sym('BadType'))];
    }),

    // ---- assertions (§5.10)
    ...[false, true].flatMap((alpha) =>
      [false, true].flatMap((toResult) =>
        [false, true].map((msg) =>
          assertOp({
            name: `assert${alpha ? 'Alpha' : ''}Equal${toResult ? 'ToResult' : ''}${msg ? 'Msg' : ''}`,
            alpha,
            toResult,
            msg,
          }),
        ),
      ),
    ),
    op('assertIncludes', '(-> Atom Expression (->))', ([a, items], ctx) =>
      new EvalRequest(a!, (rs) => {
        const got = atomsOf(rs);
        const missing = multisetMinus((items as ExpressionAtom).children, got, atomEq);
        if (missing.length === 0) return [UNIT];
        const template = env.parse('(assertIncludes error: $missing not included in result: $got)');
        const why = substitute(template, (x) => (x.name === 'missing' ? exprOf(missing) : x.name === 'got' ? exprOf(got) : undefined));
        return [expr(ERROR, ctx.call, why)];
      }),
    ),
    op('assert', '(-> Atom (->))', ([a], ctx) =>
      new EvalRequest(a!, (rs) => {
        const vals = atomsOf(rs);
        if (vals.length > 0 && vals.every((v) => v === TRUE)) return [UNIT];
        return [expr(ERROR, ctx.call, expr(a!, env.parse('not'), TRUE))];
      }),
    ),

    // ---- modules and tokens (§5.11)
    op('import!', '(-> Atom Atom (->))', ([target, name], ctx) => {
      env.importModule(ctx.space, target!, name!);
      return [UNIT];
    }),
    op('include', '(-> Atom %Undefined%)', ([name], ctx) => env.include(ctx.space, name!)),
    op('bind!', '(-> Symbol %Undefined% (->))', ([token, value], ctx) => {
      if (token?.kind !== 'symbol') throw new MettaRuntimeError('bind! expects a symbol as the token');
      env.bindToken(ctx.space, token.name, value!);
      return [UNIT];
    }),
    op('mod-space!', '(-> Atom SpaceType)', ([name], ctx) => [env.spaceAtom(env.moduleSpace(ctx.space, name!))]),
    op('module-space-no-deps', '(-> SpaceType SpaceType)', ([s]) => [env.spaceAtom(env.mainSpace(spaceArg(s!, 'module-space-no-deps')))]),
    op('register-module!', '(-> Atom (->))', ([path], ctx) => {
      const p = path instanceof StringAtom ? path.value : formatAtom(path!);
      env.registerModule(ctx.space, p);
      return [UNIT];
    }),
    op('git-module!', '(-> Atom (->))', () => {
      throw new MettaRuntimeError('git-module! is not available: Rhizome loads modules from the file system only');
    }),
    op('print-mods!', '(-> (->))', (_args, ctx: OpContext) => {
      for (const line of env.describeModules()) ctx.host.stdout(line + '\n');
      return [UNIT];
    }),
  ];
}

/** The template of the first `(<pattern> <template>)` case that `value` matches, per way it matches. */
function firstCase(value: Atom, cases: readonly Atom[]): OpAnswer[] {
  for (const c of cases) {
    if (c.kind !== 'expression' || c.children.length !== 2) continue;
    const ms = matchAtoms(value, c.children[0]!);
    if (ms.length > 0) return ms.map((m) => ({ atom: c.children[1]!, bindings: m }));
  }
  return [];
}

/** `get-type`: every valid type (badly typed → no result). */
function typesOf(space: Space, a: Atom): Atom[] {
  const types = getAtomTypes(space, a);
  const ok = types.filter((x) => x.error === undefined).map((x) => x.type!);
  return ok;
}

