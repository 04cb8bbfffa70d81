/**
 * The documentation system (§5.12): reading `@doc` facts out of a space as `@doc-formal`
 * descriptions (`get-doc` and its helpers) and printing them (`help!`).
 *
 * Documentation is plain data. A program states
 * `(@doc name (@desc "…") (@params ((@param "…") …)) (@return "…"))` for a function or
 * `(@doc name (@desc "…"))` for any other atom; `get-doc` pairs those texts with the types the
 * space declares and answers
 * `(@doc-formal (@item f) (@kind function) (@type T) (@desc …) (@params ((@param (@type Ti) (@desc …)) …)) (@return (@type R) (@desc …)))`
 * or `(@doc-formal (@item a) (@kind atom) (@type T) (@desc …))`, one answer per matching fact
 * and type; no fact gives no answer.
 *
 * `help!` itself is declared in MeTTa (`docs-metta.ts`) because it has two arities, which one
 * grounded atom cannot express; its equations call `help-internal!` below.
 *
 * @module
 */
import { atomEq, expr, exprOf, freshVariable, isGround, substitute, sym, UNIT, v, variablesOf, type Atom, type ExpressionAtom, type VariableAtom } from '../../atomspace/atom.js';
import type { Bindings } from '../../atomspace/bindings.js';
import { atomToString, formatAtom } from '../../atomspace/format.js';
import type { ReadableSpace, Space } from '../../atomspace/space.js';
import { SpaceAtom } from '../../atomspace/space-atom.js';
import { matchAtoms } from '../../atomspace/unify.js';
import { str } from '../../atomspace/values.js';
import { GroundedOp, MettaRuntimeError, type OpAnswer, type OpContext } from '../grounded.js';
import { ModuleSpace } from '../module-space.js';
import { parseAtom } from '../parser.js';
import { getAtomTypes, isFunctionType, UNDEFINED_TYPE, validTypes } from '../types.js';
import { ERROR } from '../interpreter/symbols.js';
import type { CoreEnvironment } from './core-ops.js';

/** What the documentation operations need from the runner: finding module spaces. */
export type DocsEnvironment = Pick<CoreEnvironment, 'moduleSpace' | 'mainSpace'>;

/** One answer of a documentation query: the atom and the bindings of the item's variables. */
export interface DocAnswer {
  readonly atom: Atom;
  readonly bindings: Bindings;
}

const DOC = sym('@doc');
const DESC = sym('@desc');
const PARAMS = sym('@params');
const PARAM = sym('@param');
const RETURN_DOC = sym('@return');
const DOC_FORMAL = sym('@doc-formal');
const ITEM = sym('@item');
const KIND = sym('@kind');
const TYPE_DOC = sym('@type');
const KIND_FUNCTION = expr(KIND, sym('function'));
const KIND_ATOM = expr(KIND, sym('atom'));
const TOP = sym('top');
const CORELIB = sym('corelib');

/**
 * The valid types of `atom` in `space`, as `get-type-space` gives them (`%Undefined%` when
 * it has none, nothing when it is badly typed).
 */
function typesIn(space: ReadableSpace, atom: Atom): Atom[] {
  return validTypes(getAtomTypes(space, atom));
}

/** Arity of a function type `(-> A1 … An R)`. */
function arityOf(fnType: Atom): number {
  return fnType.kind === 'expression' ? fnType.children.length - 2 : 0;
}

/** Answers to a query for `(@doc <name> <rest…>)`; `rest` holds fresh variables for the parts asked for. */
function queryDocs(space: ReadableSpace, name: Atom, rest: readonly Atom[]): Bindings[] {
  return space.query(exprOf([DOC, name, ...rest]));
}

/** What a function's `@doc` fact says: its description, parameter texts and return text. */
interface FunctionFact {
  readonly desc: Atom;
  readonly params: Atom;
  readonly ret: Atom;
  readonly bindings: Bindings;
}

/** Every long `(@doc name desc (@params …) ret)` fact about `name`. */
function functionFacts(space: ReadableSpace, name: Atom): FunctionFact[] {
  const desc = freshVariable('desc');
  const params = freshVariable('params');
  const ret = freshVariable('ret');
  const own = variablesOf(name);
  return queryDocs(space, name, [desc, expr(PARAMS, params), ret]).map((b) => ({
    desc: b.apply(desc),
    params: b.apply(params),
    ret: b.apply(ret),
    bindings: b.narrow(own),
  }));
}

/** Every short `(@doc name desc)` fact about `name`: the description and the item's bindings. */
function atomFacts(space: ReadableSpace, name: Atom): Array<{ desc: Atom; bindings: Bindings }> {
  const desc = freshVariable('desc');
  const own = variablesOf(name);
  return queryDocs(space, name, [desc]).map((b) => ({ desc: b.apply(desc), bindings: b.narrow(own) }));
}

/** The parameter descriptions of a fact, checked to be `((@param <text>) …)`. */
function paramTexts(params: Atom): Atom[] {
  if (params.kind !== 'expression') throw new MettaRuntimeError('@params expects an expression of (@param <description>) atoms');
  return params.children.map((p) => {
    if (p.kind !== 'expression' || p.children.length !== 2 || p.children[0] !== PARAM) {
      throw new MettaRuntimeError(`@params expects (@param <description>) atoms, found ${formatAtom(p)}`);
    }
    return p.children[1]!;
  });
}

/**
 * `(%Undefined% … %Undefined%)`: the parameter and return types of an undeclared function
 * documented with `params` (one per parameter, plus one for the result).
 */
export function undefinedFunctionType(params: Atom): Atom {
  const n = paramTexts(params).length;
  return exprOf(new Array<Atom>(n + 1).fill(UNDEFINED_TYPE));
}

/**
 * Pairs the informal parameter and return texts of a fact with types: `types` lists the
 * parameter types then the return type. The answer is
 * `(((@param (@type T1) (@desc d1)) …) (@return (@type R) (@desc r)))`.
 */
export function formalParams(params: Atom, ret: Atom, types: Atom): ExpressionAtom {
  const texts = paramTexts(params);
  if (types.kind !== 'expression') throw new MettaRuntimeError('get-doc-params expects an expression of types');
  const ts = types.children;
  if (ts.length !== texts.length + 1) {
    throw new MettaRuntimeError(
      `the documentation describes ${texts.length} parameter(s) but the type has ${Math.max(ts.length - 1, 0)}`,
    );
  }
  if (ret.kind !== 'expression' || ret.children.length !== 2 || ret.children[0] !== RETURN_DOC) {
    throw new MettaRuntimeError(`@doc expects (@return <description>), found ${formatAtom(ret)}`);
  }
  const formal = texts.map((d, i) => expr(PARAM, expr(TYPE_DOC, ts[i]!), expr(DESC, d)));
  return expr(exprOf(formal), expr(RETURN_DOC, expr(TYPE_DOC, ts[ts.length - 1]!), expr(DESC, ret.children[1]!)));
}

/** The `@doc-formal` of a function from one fact and one type (`%Undefined%` or an arrow type). */
function functionFormal(name: Atom, type: Atom, fact: FunctionFact): DocAnswer {
  const types = type === UNDEFINED_TYPE ? undefinedFunctionType(fact.params) : exprOf((type as ExpressionAtom).children.slice(1));
  const [params, ret] = formalParams(fact.params, fact.ret, types).children as [Atom, Atom];
  const item = fact.bindings.apply(name);
  const atom = exprOf([DOC_FORMAL, expr(ITEM, item), KIND_FUNCTION, expr(TYPE_DOC, type), fact.desc, expr(PARAMS, params), ret]);
  return { atom, bindings: fact.bindings };
}

/**
 * `get-doc-function`: the function documentation of `name` taken as having type `type`
 * (an arrow type, or `%Undefined%` for every parameter and the result).
 */
export function functionDoc(space: ReadableSpace, name: Atom, type: Atom): DocAnswer[] {
  if (type !== UNDEFINED_TYPE && !isFunctionType(type)) {
    throw new MettaRuntimeError(`get-doc-function expects a function type or %Undefined%, found ${formatAtom(type)}`);
  }
  return functionFacts(space, name).map((fact) => functionFormal(name, type, fact));
}

/** Plain atom documentation: one `(@doc-formal (@item a) (@kind atom) (@type T) desc)` per type and description. */
function atomFormals(atom: Atom, types: readonly Atom[], facts: ReadonlyArray<{ desc: Atom; bindings: Bindings }>): DocAnswer[] {
  const out: DocAnswer[] = [];
  for (const type of types) {
    for (const f of facts) {
      out.push({ atom: exprOf([DOC_FORMAL, expr(ITEM, f.bindings.apply(atom)), KIND_ATOM, expr(TYPE_DOC, type), f.desc]), bindings: f.bindings });
    }
  }
  return out;
}

/**
 * `get-doc-atom`: the documentation of `atom` as a plain atom, once per type in `types`;
 * without a short fact, a long one is read as an untyped function's.
 */
export function atomDoc(space: ReadableSpace, atom: Atom, types: readonly Atom[] = typesIn(space, atom)): DocAnswer[] {
  const facts = atomFacts(space, atom);
  if (facts.length === 0) return functionDoc(space, atom, UNDEFINED_TYPE);
  return atomFormals(atom, types, facts);
}

/**
 * `get-doc-single-atom`: documentation of a symbol, grounded atom or variable. A function
 * type is paired with each function fact whose parameter count it fits (a fact that fits
 * none of the function types is an error: the documentation and the declaration disagree);
 * the atom's other types give plain atom documentation. A function documented only by a
 * short fact is shown as a plain atom with its function type, and an atom with no function
 * type but a function fact as an untyped function.
 */
export function singleAtomDoc(space: ReadableSpace, atom: Atom): DocAnswer[] {
  const types = typesIn(space, atom);
  const fnTypes = types.filter(isFunctionType);
  const otherTypes = types.filter((t) => !isFunctionType(t));
  if (fnTypes.length === 0) return atomDoc(space, atom, otherTypes);
  const out: DocAnswer[] = [];
  const facts = functionFacts(space, atom);
  for (const fact of facts) {
    const n = paramTexts(fact.params).length;
    const fitting = fnTypes.filter((t) => arityOf(t) === n);
    if (fitting.length === 0) {
      const shown = fnTypes.map((t) => formatAtom(displayed(t))).join(', ');
      throw new MettaRuntimeError(`the documentation of ${formatAtom(atom)} describes ${n} parameter(s) but its type ${shown} does not`);
    }
    for (const t of fitting) out.push(functionFormal(atom, t, fact));
  }
  const shorts = atomFacts(space, atom);
  // The other types of a function get the description of whichever fact there is.
  const descs = shorts.length > 0 ? shorts : facts;
  if (facts.length === 0) out.push(...atomFormals(atom, fnTypes, shorts));
  out.push(...atomFormals(atom, otherTypes, descs));
  return out;
}

/**
 * `get-doc`: the `@doc-formal` descriptions of `atom` in `space` (none when it is
 * undocumented). Throws a {@link MettaRuntimeError} when the documentation contradicts the
 * declared type. An atom with variables is a pattern: the answer documents every documented
 * atom it matches, each with its own types, and binds the pattern's variables; an item whose
 * documentation contradicts its type gives `(Error <item> <message>)` among the answers
 * instead of failing the whole query.
 */
export function getDoc(space: ReadableSpace, atom: Atom): DocAnswer[] {
  if (isGround(atom)) return docOfItem(space, atom);
  const own = variablesOf(atom);
  const out: DocAnswer[] = [];
  for (const item of documentedItems(space, atom)) {
    const bindings = item.bindings.narrow(own);
    try {
      for (const d of docOfItem(space, item.atom)) out.push({ atom: d.atom, bindings });
    } catch (e) {
      if (!(e instanceof MettaRuntimeError)) throw e;
      out.push({ atom: expr(ERROR, item.atom, e.atom), bindings });
    }
  }
  return out;
}

function docOfItem(space: ReadableSpace, atom: Atom): DocAnswer[] {
  return atom.kind === 'expression' ? atomDoc(space, atom) : singleAtomDoc(space, atom);
}

/** The distinct documented atoms that match `pattern`, with the bindings of each match. */
function documentedItems(space: ReadableSpace, pattern: Atom): Array<{ atom: Atom; bindings: Bindings }> {
  const item = freshVariable('item');
  const found: Array<{ atom: Atom; bindings: Bindings }> = [];
  const shapes = [[freshVariable('desc')], [freshVariable('desc'), freshVariable('params'), freshVariable('ret')]];
  for (const rest of shapes) {
    for (const b of space.query(exprOf([DOC, item, ...rest]))) {
      const candidate = b.apply(item);
      if (found.some((f) => atomEq(f.atom, candidate))) continue;
      for (const m of matchAtoms(pattern, candidate)) found.push({ atom: candidate, bindings: m });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Printing

/**
 * `atom` with renamed variables shown under their written names (`$t`, not `$t#12`) where
 * that is unambiguous. Types read from the space carry fresh variables; help texts should
 * show the declaration as written.
 */
function displayed(atom: Atom): Atom {
  const vars = variablesOf(atom);
  if (vars.length === 0) return atom;
  const byName = new Map<string, VariableAtom[]>();
  for (const x of vars) byName.set(x.name, [...(byName.get(x.name) ?? []), x]);
  return substitute(atom, (x) => (byName.get(x.name)!.length === 1 ? v(x.name) : undefined));
}

const text = (a: Atom): string => atomToString(displayed(a));

/** The parts of a two-element `(<head> <x>)`, or undefined. */
function unwrap(a: Atom | undefined, head: Atom): Atom | undefined {
  return a?.kind === 'expression' && a.children.length === 2 && a.children[0] === head ? a.children[1] : undefined;
}

/** The lines `help-param!` prints for `(@param (@type T) (@desc d))`, or undefined for other atoms. */
function paramLine(param: Atom): string | undefined {
  if (param.kind !== 'expression' || param.children.length !== 3 || param.children[0] !== PARAM) return undefined;
  const type = unwrap(param.children[1], TYPE_DOC);
  const desc = unwrap(param.children[2], DESC);
  if (type === undefined || desc === undefined) return undefined;
  return `  ${text(expr(sym('type'), type))} ${text(desc)}`;
}

/** The text `help!` prints for one `@doc-formal`, or undefined when it has another shape. */
export function formatDocFormal(formal: Atom): string | undefined {
  if (formal.kind !== 'expression' || formal.children[0] !== DOC_FORMAL) return undefined;
  const [, itemPart, kind, typePart, descPart, paramsPart, retPart] = formal.children;
  const item = unwrap(itemPart, ITEM);
  const type = unwrap(typePart, TYPE_DOC);
  const desc = unwrap(descPart, DESC);
  if (item === undefined || type === undefined || desc === undefined || kind === undefined) return undefined;
  if (formal.children.length === 5 && atomEq(kind, KIND_ATOM)) return `Atom ${text(item)}: ${text(type)} ${text(desc)}\n`;
  if (formal.children.length !== 7 || !atomEq(kind, KIND_FUNCTION)) return undefined;
  const params = unwrap(paramsPart, PARAMS);
  if (params?.kind !== 'expression' || retPart?.kind !== 'expression' || retPart.children.length !== 3 || retPart.children[0] !== RETURN_DOC) return undefined;
  const retType = unwrap(retPart.children[1], TYPE_DOC);
  const retDesc = unwrap(retPart.children[2], DESC);
  if (retType === undefined || retDesc === undefined) return undefined;
  let out = `Function ${text(item)}: ${text(type)} ${text(desc)}\nParameters:\n`;
  for (const p of params.children) {
    const line = paramLine(p);
    if (line === undefined) return undefined;
    out += line + '\n';
  }
  return out + `Return: (type ${text(retType)}) ${text(retDesc)}\n`;
}

/**
 * The listing `help!` prints for a module: `<name>\n\t<description>` for each documented
 * function, then for each other documented atom.
 */
export function listDocs(space: ReadableSpace): string {
  const name = freshVariable('name');
  const desc = freshVariable('desc');
  let out = '';
  const long = space.query(expr(DOC, name, expr(DESC, desc), freshVariable('params'), freshVariable('ret')));
  const short = space.query(expr(DOC, name, expr(DESC, desc)));
  for (const b of [...long, ...short]) out += `${text(b.apply(name))}\n\t${text(b.apply(desc))}\n`;
  return out;
}

// ---------------------------------------------------------------------------------------
// Operations

const t = (type: string): Atom => parseAtom(type);

function spaceOf(a: Atom | undefined, opName: string): Space {
  if (a instanceof SpaceAtom) return a.space;
  throw new MettaRuntimeError(`${opName} expects a space as the first argument`);
}

function answers(docs: readonly DocAnswer[]): OpAnswer[] {
  return docs.map((d) => (d.bindings.isEmpty ? d.atom : d));
}

/**
 * The documentation operations: `get-doc` `(-> SpaceType Atom %Undefined%)` and its helpers
 * `get-doc-single-atom`, `get-doc-atom` (same type), `get-doc-function`
 * `(-> SpaceType Atom Type %Undefined%)`, `get-doc-params`
 * `(-> Expression Atom Expression (Expression Atom))`, `undefined-doc-function-type`
 * `(-> Expression Type)`, and the printing operations `help-internal!` `(-> Atom (->))`,
 * `help-space!` `(-> SpaceType (->))`, `help-param!` `(-> Atom (->))`. `help!` is MeTTa in
 * `DOCS_METTA`. `help-internal!` reads the top module's space (with its dependencies, so the
 * core library's documentation too) through `env`.
 */
export function docOps(env: DocsEnvironment): GroundedOp[] {
  const topSpace = (ctx: OpContext): Space => env.moduleSpace(ctx.space, TOP);

  /** The space of the module `name` without its dependencies, or undefined when there is no such module. */
  const moduleNamed = (ctx: OpContext, name: Atom): Space | undefined => {
    // The core library is every module's dependency rather than a loadable module.
    const top = topSpace(ctx);
    if (name === CORELIB && top instanceof ModuleSpace) {
      const core = top.dependencies.find((d) => d.name === CORELIB.name);
      if (core !== undefined) return core;
    }
    try {
      return env.mainSpace(env.moduleSpace(ctx.space, name));
    } catch {
      return undefined; // not a module: a failed load means the same here
    }
  };

  return [
    new GroundedOp('get-doc', t('(-> SpaceType Atom %Undefined%)'), ([s, a]) => answers(getDoc(spaceOf(s, 'get-doc'), a!))),
    new GroundedOp('get-doc-single-atom', t('(-> SpaceType Atom %Undefined%)'), ([s, a]) =>
      answers(singleAtomDoc(spaceOf(s, 'get-doc-single-atom'), a!)),
    ),
    new GroundedOp('get-doc-function', t('(-> SpaceType Atom Type %Undefined%)'), ([s, a, type]) =>
      answers(functionDoc(spaceOf(s, 'get-doc-function'), a!, type!)),
    ),
    new GroundedOp('get-doc-atom', t('(-> SpaceType Atom %Undefined%)'), ([s, a]) => answers(atomDoc(spaceOf(s, 'get-doc-atom'), a!))),
    new GroundedOp('get-doc-params', t('(-> Expression Atom Expression (Expression Atom))'), ([params, ret, types]) => [
      formalParams(params!, ret!, types!),
    ]),
    new GroundedOp('undefined-doc-function-type', t('(-> Expression Type)'), ([params]) => [undefinedFunctionType(params!)]),
    new GroundedOp('help-param!', t('(-> Atom (->))'), ([p], ctx) => {
      const line = paramLine(p!);
      if (line === undefined) return [];
      ctx.host.stdout(line + '\n');
      return [UNIT];
    }),
    new GroundedOp('help-space!', t('(-> SpaceType (->))'), ([s], ctx) => {
      ctx.host.stdout(listDocs(spaceOf(s, 'help-space!')));
      return [UNIT];
    }),
    new GroundedOp('help-internal!', t('(-> Atom (->))'), ([a], ctx) => {
      const out: Atom[] = [];
      for (const doc of getDoc(topSpace(ctx), a!)) {
        const shown = formatDocFormal(doc.atom);
        if (shown === undefined) {
          out.push(expr(ERROR, doc.atom, str('Cannot match @doc-formal structure')));
          continue;
        }
        ctx.host.stdout(shown);
        out.push(UNIT);
      }
      const module = a!.kind === 'symbol' ? moduleNamed(ctx, a!) : undefined;
      if (module !== undefined) {
        ctx.host.stdout(listDocs(module));
        out.push(UNIT);
      }
      if (out.length === 0) {
        ctx.host.stdout(`No documentation found for ${text(a!)}\n`);
        out.push(UNIT);
      }
      return out;
    }),
  ];
}
