/**
 * Static type inference (§4.2, `get_atom_types`): every type an atom can have in a space,
 * including the errors of badly typed function applications.
 *
 * Nothing is cached between calls: declarations are read from the space each time, so the
 * answer always reflects the space as it is now.
 *
 * @module
 */
import {
  exprItem,
  exprLength,
  exprOf,
  ElementMap,
  renameVariables,
  type Atom,
  type ExpressionAtom,
} from '../../atomspace/atom.js';
import { Bindings } from '../../atomspace/bindings.js';
import type { ReadableSpace } from '../../atomspace/space.js';
import { addSuperTypes, declaredTypes } from './lookup.js';
import { isFunctionType, matchTypesGradually, metaType } from './match.js';
import { simpleApplicationType } from './apply-signature.js';
import { directResultType } from './signature.js';
import { ATOM_TYPE, UNDEFINED_TYPE, badArgTypeError, incorrectArityError } from './symbols.js';

/** One inferred type: a type atom, or an error (the `(Error <atom> <description>)` atom). */
export type InferredType =
  | { readonly type: Atom; readonly error?: undefined }
  | { readonly type?: undefined; readonly error: Atom };

const UNDEFINED_ONLY: readonly InferredType[] = Object.freeze([Object.freeze({ type: UNDEFINED_TYPE })]);

/**
 * All types of `atom` in `space` (§4.2): declared types and their supertypes, the types of
 * tuples, the result types of function applications, and an error entry for each way an
 * application is badly typed. An atom with no type at all gives `[{ type: %Undefined% }]`.
 * Type variables in the answer are fresh for each call.
 *
 * The returned array must not be modified (the untyped answer is shared).
 */
export function getAtomTypes(space: ReadableSpace, atom: Atom): readonly InferredType[] {
  const types = inferTypes(space, atom);
  return types.length === 0 ? UNDEFINED_ONLY : types;
}

/** True when every entry is an error: the atom is badly typed. */
export function isBadlyTyped(types: readonly InferredType[]): boolean {
  if (types.length === 0) return false;
  for (const t of types) if (t.error === undefined) return false;
  return true;
}

/** The type atoms of the entries that are not errors, in order. */
export function validTypes(types: readonly InferredType[]): Atom[] {
  const out: Atom[] = [];
  for (const t of types) if (t.type !== undefined) out.push(t.type);
  return out;
}

/** The error atoms among the entries, in order. */
export function typeErrors(types: readonly InferredType[]): Atom[] {
  const out: Atom[] = [];
  for (const t of types) if (t.error !== undefined) out.push(t.error);
  return out;
}

/**
 * For the runner's `!(pragma! type-check auto)` (§4.5): the error atoms when `atom` is badly
 * typed (every inferred type is an error), else an empty list.
 */
export function staticTypeErrors(space: ReadableSpace, atom: Atom): Atom[] {
  const types = inferTypes(space, atom);
  return isBadlyTyped(types) ? typeErrors(types) : [];
}

/**
 * The raw inference: an empty list means "no type known" (the public function turns that into
 * `%Undefined%`). The distinction matters inside expressions: an untyped argument is accepted
 * by any parameter and makes a tuple untyped.
 */
function inferTypes(space: ReadableSpace, atom: Atom): InferredType[] {
  switch (atom.kind) {
    case 'variable':
      return [];
    case 'grounded':
      return atom.type === UNDEFINED_TYPE ? [] : [{ type: renameVariables(atom.type) }];
    case 'symbol':
      return asTypes(declaredTypes(space, atom));
    case 'expression':
      return exprLength(atom) === 0 ? [] : inferExpressionTypes(space, atom);
  }
}

function asTypes(types: readonly Atom[]): InferredType[] {
  return types.map((type) => ({ type }));
}

function inferExpressionTypes(space: ReadableSpace, e: ExpressionAtom): InferredType[] {
  const op = exprItem(e, 0)!;
  // An operation on values that cannot be mistyped, like `(< 18 2)`: its declarations, then
  // the one application type (what the general walk below would find, without the walk).
  const direct = op.kind === 'grounded' ? directResultType(e) : undefined;
  if (direct !== undefined) {
    const out = asTypes(declaredTypes(space, e));
    out.push({ type: direct });
    return out;
  }
  // A call whose arguments each have one type that fits a simple signature, like
  // `(+ (get-state $s) 1)`: the one application type, without the general walk.
  if (op.kind === 'grounded' || op.kind === 'symbol') {
    const applied = simpleApplicationType(space, e);
    if (applied !== undefined) {
      const out = asTypes(declaredTypes(space, e));
      out.push({ type: applied });
      return out;
    }
  }
  // Data, like a list of numbers: the one tuple type the walk below would find, built without
  // looking at each element again when `e` is a tail of a list already typed.
  const data = op.kind === 'grounded' ? VALUE_TYPE_ROWS.of(e) : null;
  if (data !== null) {
    const types: Atom[] = [data];
    for (const t of declaredTypes(space, e)) types.push(t);
    addSuperTypes(space, types, 0, 1);
    return asTypes(types);
  }
  const opTypes = inferTypes(space, op);
  const valueTypes: Atom[] = [];
  const functionTypes: Atom[] = [];
  for (const t of opTypes) {
    if (t.type === undefined) continue;
    (isFunctionType(t.type) ? functionTypes : valueTypes).push(t.type);
  }
  // A badly typed head makes the whole expression badly typed, with the head's errors.
  if (opTypes.length > 0 && valueTypes.length === 0 && functionTypes.length === 0) return opTypes;

  // Argument types are computed on demand: an untyped head (the common case for data and for
  // untyped functions) never looks at its arguments, and parameters typed `Atom`,
  // `%Undefined%` or a matching meta-type never look at theirs.
  const argTypes = new ArgumentTypes(space, e);

  const types = valueTypes.length > 0 ? tupleTypes(valueTypes, argTypes) : [];
  const tuples = types.length;
  for (const t of declaredTypes(space, e)) types.push(t);
  // Declared types arrive with their supertypes already; only the tuples' are still missing.
  if (tuples > 0) addSuperTypes(space, types, 0, tuples);

  const out = asTypes(types);
  for (const f of functionTypes) applicationTypes(e, f, argTypes, out);
  return out;
}

/** The inferred types of an expression's arguments, each computed once, when first asked for. */
class ArgumentTypes {
  private readonly cache: (readonly InferredType[] | undefined)[];
  constructor(
    private readonly space: ReadableSpace,
    private readonly e: ExpressionAtom,
  ) {
    this.cache = new Array(e.children.length - 1);
  }
  /** Number of arguments. */
  get length(): number {
    return this.cache.length;
  }
  /** The types of argument `i` (0-based). */
  at(i: number): readonly InferredType[] {
    let t = this.cache[i];
    if (t === undefined) t = this.cache[i] = argumentTypes(this.space, this.e.children[i + 1]!);
    return t;
  }
}

/** A grounded value's type when it is a plain symbol (`Number`), the only type it then has. */
function plainValueType(x: Atom): Atom | undefined {
  return x.kind === 'grounded' && x.type.kind === 'symbol' && x.type !== UNDEFINED_TYPE ? x.type : undefined;
}

/** The element types of lists of values, remembered per list storage. */
const VALUE_TYPE_ROWS = new ElementMap(plainValueType);

/** Shared answers for grounded values whose type is a symbol: lists of numbers ask for these a lot. */
const VALUE_TYPES = new WeakMap<Atom, readonly InferredType[]>();

/** {@link inferTypes} for an argument, whose answer is only read. */
function argumentTypes(space: ReadableSpace, a: Atom): readonly InferredType[] {
  const type = plainValueType(a);
  if (type === undefined) return inferTypes(space, a);
  let types = VALUE_TYPES.get(type);
  if (types === undefined) VALUE_TYPES.set(type, (types = Object.freeze([Object.freeze({ type })])));
  return types;
}

/**
 * The cartesian product of the head's non-function types and each argument's valid types,
 * head outermost and the last argument varying fastest; empty when any argument has none.
 */
function tupleTypes(valueTypes: readonly Atom[], argTypes: ArgumentTypes): Atom[] {
  const single = valueTypes.length === 1 ? singleTupleType(valueTypes[0]!, argTypes) : undefined;
  if (single !== undefined) return single === null ? [] : [single];
  const columns: Atom[][] = [valueTypes.slice()];
  for (let i = 0; i < argTypes.length; i++) {
    const valid: Atom[] = [];
    for (const t of argTypes.at(i)) if (t.type !== undefined) valid.push(t.type);
    if (valid.length === 0) return [];
    columns.push(valid);
  }
  // Each row is built once, decoding its index in mixed radix (last column fastest): building
  // rows by extending prefixes would copy them once per column, quadratic in the tuple's length.
  let count = 1;
  for (const column of columns) count *= column.length;
  const out: Atom[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const row: Atom[] = new Array(columns.length);
    let rest = r;
    for (let c = columns.length - 1; c >= 0; c--) {
      const column = columns[c]!;
      row[c] = column[rest % column.length]!;
      rest = Math.floor(rest / column.length);
    }
    out[r] = exprOf(row);
  }
  return out;
}

/**
 * The common case of {@link tupleTypes}, data like `(1 2 3)`: every element has one valid
 * type, so there is one row. `undefined` when some element has several (or an error beside
 * its type), `null` when some element has none.
 */
function singleTupleType(headType: Atom, argTypes: ArgumentTypes): Atom | null | undefined {
  const row: Atom[] = new Array(argTypes.length + 1);
  row[0] = headType;
  for (let i = 0; i < argTypes.length; i++) {
    const types = argTypes.at(i);
    if (types.length !== 1) return types.every((t) => t.type === undefined) ? null : undefined;
    const t = types[0]!.type;
    if (t === undefined) return null;
    row[i + 1] = t;
  }
  return exprOf(row);
}

/**
 * Checks one function type of the head against the arguments' types and pushes the result
 * types (one per way the arguments fit) or the errors onto `out`.
 */
function applicationTypes(
  e: ExpressionAtom,
  fnType: Atom,
  argTypes: ArgumentTypes,
  out: InferredType[],
): void {
  const formals = (fnType as ExpressionAtom).children;
  const arity = formals.length - 2;
  if (arity !== argTypes.length) {
    out.push({ error: incorrectArityError(e) });
    return;
  }
  const ret = formals[formals.length - 1]!;
  const walk = (i: number, bindings: Bindings): void => {
    if (i === arity) {
      out.push({ type: bindings.apply(ret) });
      return;
    }
    const formal = formals[i + 1]!;
    const arg = e.children[i + 1]!;
    if (formal === UNDEFINED_TYPE || formal === ATOM_TYPE || formal === metaType(arg)) {
      walk(i + 1, bindings);
      return;
    }
    const actual = argTypes.at(i);
    if (actual.length === 0) {
      walk(i + 1, bindings);
      return;
    }
    let anyValid = false;
    let matched = false;
    for (const t of actual) {
      if (t.type === undefined) continue;
      anyValid = true;
      const b = matchTypesGradually(t.type, formal, bindings);
      if (b !== null) {
        matched = true;
        walk(i + 1, b);
      }
    }
    if (!anyValid) {
      // A badly typed argument: its own errors explain why the application cannot be typed.
      for (const t of actual) out.push(t);
    } else if (!matched) {
      const expected = bindings.apply(formal);
      for (const t of actual) {
        if (t.type !== undefined) out.push({ error: badArgTypeError(e, i + 1, expected, t.type) });
      }
    }
  };
  walk(0, Bindings.EMPTY);
}
