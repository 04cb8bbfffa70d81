/**
 * The four kinds of atom: symbols, variables, expressions and grounded values.
 *
 * Atoms are immutable. Symbols and parsed variables are interned, so identity comparison is
 * the fast path of equality; expressions cache whether they contain variables, which lets
 * substitution and renaming skip ground subtrees without walking them.
 *
 * @module
 */
import { exprItem, exprLength, exprOf, exprOfKnownGround } from './expression.js';

/** Any MeTTa atom. Discriminate on its `kind` field. */
export type Atom = SymbolAtom | VariableAtom | ExpressionAtom | GroundedAtom;

/** A named constant. Interned: one object per name. */
export interface SymbolAtom {
  /** Always `'symbol'`: switch on `kind` to tell the four kinds of atom apart. */
  readonly kind: 'symbol';
  /** The symbol's text as written, e.g. `Parent` or `+`; two symbols are equal when their names are. */
  readonly name: string;
}

/**
 * A variable. Parsed variables have `id` 0 and are interned by name; renaming (a fresh copy
 * of a stored atom per query) makes variables with unique positive ids, printed `$name#id`.
 */
export interface VariableAtom {
  /** Always `'variable'`: switch on `kind` to tell the four kinds of atom apart. */
  readonly kind: 'variable';
  /** The name without the `$`: `x` for `$x`; `bindingsToObject` keys its result by it. */
  readonly name: string;
  /**
   * 0 for a variable as written in source; a unique positive number for a renamed copy.
   * Two variables are the same variable only when both `name` and `id` are equal.
   */
  readonly id: number;
}

/** An ordered tuple of atoms; `()` is the unit atom. */
export interface ExpressionAtom {
  /** Always `'expression'`: switch on `kind` to tell the four kinds of atom apart. */
  readonly kind: 'expression';
  /** The elements in order; for a call such as `(+ 1 2)` the head (`+`) comes first. Never change it. */
  readonly children: readonly Atom[];
  /** True when no variable occurs anywhere inside. */
  readonly ground: boolean;
  /**
   * Set by the interpreter on a copy of an expression that evaluated to itself, so it is not
   * evaluated again; not part of equality.
   */
  readonly evaluated: boolean;
}

/**
 * A host value wrapped as an atom. Implementations decide equality, printing, and optionally
 * how they execute as the head of an expression or how they match a pattern (a space atom
 * matched against a pattern queries the space).
 */
export interface GroundedAtom {
  /** Always `'grounded'`: switch on `kind` to tell the four kinds of atom apart. */
  readonly kind: 'grounded';
  /** The MeTTa type of the value, e.g. the symbol `Number`. */
  readonly type: Atom;
  /** Equality of host values (§2.2). */
  equals(other: GroundedAtom): boolean;
  /** The Display form used by the printer. */
  toString(): string;
  /**
   * A string that is equal for equal values, used by space indexes; `undefined` means the
   * value cannot be indexed and is treated like a wildcard by the index.
   */
  indexKey(): string | undefined;
  /** Present on executable atoms (operations); the interpreter supplies the context. */
  readonly execute?: (args: readonly Atom[], context: unknown) => unknown;
  /** Present on atoms that match patterns themselves (spaces). */
  readonly match?: CustomMatcher;
}

/**
 * Custom matching hook: called with the atom on the other side of a match, returns the
 * variable assignments under which they match (one entry per way of matching).
 */
export type CustomMatcher = (other: Atom) => Iterable<ReadonlyMap<VariableAtom, Atom>>;

const symbolTable = new Map<string, SymbolAtom>();
const variableTable = new Map<string, VariableAtom>();
let nextVariableId = 1;

/** The interned symbol with this name. */
export function sym(name: string): SymbolAtom {
  let atom = symbolTable.get(name);
  if (atom === undefined) {
    atom = { kind: 'symbol', name } as const;
    symbolTable.set(name, atom);
  }
  return atom;
}

/** The (interned) source-level variable `$name`. */
export function v(name: string): VariableAtom {
  let atom = variableTable.get(name);
  if (atom === undefined) {
    atom = { kind: 'variable', name, id: 0 } as const;
    variableTable.set(name, atom);
  }
  return atom;
}

/** A new variable, distinct from every other, named after `base`. */
export function freshVariable(base: VariableAtom | string): VariableAtom {
  const name = typeof base === 'string' ? base : base.name;
  return { kind: 'variable', name, id: nextVariableId++ };
}

/** An expression of the given children. */
export function expr(...children: Atom[]): ExpressionAtom {
  return exprOf(children);
}

export {
  exprOf,
  exprOfKnownGround,
  exprLength,
  exprItem,
  exprTail,
  exprCons,
  withEvaluatedFlag,
  ElementMap,
  ElementTest,
} from './expression.js';

/** The unit atom `()`. */
export const UNIT: ExpressionAtom = Object.freeze(exprOf(Object.freeze([]))) as ExpressionAtom;

/** True when no variable occurs in the atom. */
export function isGround(atom: Atom): boolean {
  switch (atom.kind) {
    case 'variable':
      return false;
    case 'expression':
      return atom.ground;
    default:
      return true;
  }
}

/** Structural equality (§2.2): variables by name and id, grounded values by their own rule. */
export function atomEq(a: Atom, b: Atom): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'symbol':
      return false; // interned: equal symbols are the same object
    case 'variable':
      return b.kind === 'variable' && a.name === b.name && a.id === b.id;
    case 'expression': {
      if (b.kind !== 'expression' || a.ground !== b.ground || exprLength(a) !== exprLength(b)) return false;
      const x = a.children;
      const y = b.children;
      for (let i = 0; i < x.length; i++) if (!atomEq(x[i]!, y[i]!)) return false;
      return true;
    }
    case 'grounded':
      return b.kind === 'grounded' && a.equals(b);
  }
}

/** Calls `visit` on every variable occurrence, left to right. */
export function forEachVariable(atom: Atom, visit: (v: VariableAtom) => void): void {
  if (atom.kind === 'variable') visit(atom);
  else if (atom.kind === 'expression' && !atom.ground) {
    for (const c of atom.children) forEachVariable(c, visit);
  }
}

/** The distinct variables of an atom, in order of first occurrence. */
export function variablesOf(atom: Atom): VariableAtom[] {
  const seen = new Set<VariableAtom>();
  forEachVariable(atom, (x) => seen.add(x));
  return [...seen];
}

/**
 * A copy of `atom` where every variable is replaced by a fresh one (consistently), so a
 * stored atom never shares variables with the query that retrieves it.
 */
export function renameVariables(atom: Atom, mapping?: Map<VariableAtom, VariableAtom>): Atom {
  if (atom.kind === 'grounded' || atom.kind === 'symbol' || (atom.kind === 'expression' && atom.ground)) return atom;
  mapping ??= new Map();
  if (atom.kind === 'variable') {
    let fresh = mapping.get(atom);
    if (fresh === undefined) {
      fresh = freshVariable(atom);
      mapping.set(atom, fresh);
    }
    return fresh;
  }
  if (atom.kind !== 'expression' || atom.ground) return atom;
  const src = atom.children;
  const out = new Array<Atom>(src.length);
  for (let i = 0; i < src.length; i++) out[i] = renameVariables(src[i]!, mapping);
  return exprOfKnownGround(out, false);
}

/** Replaces variables through `lookup` (which returns undefined to keep a variable). */
export function substitute(atom: Atom, lookup: (v: VariableAtom) => Atom | undefined): Atom {
  if (atom.kind === 'variable') return lookup(atom) ?? atom;
  if (atom.kind !== 'expression' || atom.ground) return atom;
  const src = atom.children;
  let out: Atom[] | undefined;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    const r = substitute(c, lookup);
    if (r !== c && out === undefined) out = src.slice(0, i) as Atom[];
    if (out !== undefined) out.push(r);
  }
  return out === undefined ? atom : exprOf(out);
}

/**
 * Alpha-equivalence: equal up to a consistent one-to-one renaming of variables
 * (`(R $x $y)` ≡ `(R $a $b)`, but not `(R $a $a)`).
 */
export function alphaEq(a: Atom, b: Atom): boolean {
  return alphaWalk(a, b, new Map(), new Map());
}

function alphaWalk(
  a: Atom,
  b: Atom,
  ab: Map<VariableAtom, VariableAtom>,
  ba: Map<VariableAtom, VariableAtom>,
): boolean {
  if (a.kind === 'variable') {
    if (b.kind !== 'variable') return false;
    const x = ab.get(a);
    const y = ba.get(b);
    if (x === undefined && y === undefined) {
      ab.set(a, b);
      ba.set(b, a);
      return true;
    }
    return x === b && y === a;
  }
  if (a.kind === 'expression') {
    if (b.kind !== 'expression' || a.children.length !== b.children.length) return false;
    if (a.ground && b.ground) return atomEq(a, b);
    for (let i = 0; i < a.children.length; i++) {
      if (!alphaWalk(a.children[i]!, b.children[i]!, ab, ba)) return false;
    }
    return true;
  }
  return atomEq(a, b);
}

/** Type guard for expressions. */
export function isExpr(atom: Atom): atom is ExpressionAtom {
  return atom.kind === 'expression';
}

/** Type guard for symbols, optionally with a given name. */
export function isSym(atom: Atom, name?: string): atom is SymbolAtom {
  return atom.kind === 'symbol' && (name === undefined || atom.name === name);
}

/** The head of a non-empty expression, else undefined. */
export function headOf(atom: Atom): Atom | undefined {
  return atom.kind === 'expression' ? exprItem(atom, 0) : undefined;
}
