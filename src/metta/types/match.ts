/**
 * Comparing types: meta-types, function types, and the two ways of matching a type against
 * another — the interpreter's `match_types` (§4.3) and the gradual matching used by static
 * inference (§4.2), where `%Undefined%` anywhere inside a type matches anything.
 *
 * @module
 */
import type { Atom, SymbolAtom, VariableAtom } from '../../atomspace/atom.js';
import { Bindings, occurs, walk } from '../../atomspace/bindings.js';
import { unify } from '../../atomspace/unify.js';
import {
  ARROW,
  ATOM_TYPE,
  EXPRESSION_TYPE,
  GROUNDED_TYPE,
  SYMBOL_TYPE,
  UNDEFINED_TYPE,
  VARIABLE_TYPE,
} from './symbols.js';

/** The meta-type of an atom: `Symbol`, `Variable`, `Expression` or `Grounded`. */
export function metaType(atom: Atom): SymbolAtom {
  switch (atom.kind) {
    case 'symbol':
      return SYMBOL_TYPE;
    case 'variable':
      return VARIABLE_TYPE;
    case 'expression':
      return EXPRESSION_TYPE;
    case 'grounded':
      return GROUNDED_TYPE;
  }
}

/** Is `type` one of `Atom`, `Symbol`, `Variable`, `Expression`, `Grounded`? */
export function isMetaType(type: Atom): boolean {
  return (
    type === ATOM_TYPE ||
    type === SYMBOL_TYPE ||
    type === VARIABLE_TYPE ||
    type === EXPRESSION_TYPE ||
    type === GROUNDED_TYPE
  );
}

/** Is `type` a function type: an expression headed by `->` with at least one element after it? */
export function isFunctionType(type: Atom): boolean {
  return type.kind === 'expression' && type.children.length > 1 && type.children[0] === ARROW;
}

/**
 * The interpreter's type match (§4.3): `%Undefined%` or `Atom` on either side matches at once;
 * otherwise the two types are unified, type variables binding. Returns `bindings` extended
 * with the new type-variable bindings, or null when the types do not match.
 */
export function matchTypes(t1: Atom, t2: Atom, bindings: Bindings = Bindings.EMPTY): Bindings | null {
  if (t1 === UNDEFINED_TYPE || t2 === UNDEFINED_TYPE || t1 === ATOM_TYPE || t2 === ATOM_TYPE) return bindings;
  // Symbols are interned: the common ground cases need no unifier.
  if (t1 === t2) return bindings;
  if (t1.kind === 'symbol' && t2.kind === 'symbol') return null;
  return unify(t1, t2, bindings);
}

/**
 * Gradual type match used by inference (§4.2): like unification, except `%Undefined%` at any
 * depth of either type matches anything. A type variable meeting `%Undefined%` is bound to it,
 * and from then on matches anything too. Returns `bindings` extended, or null.
 */
export function matchTypesGradually(t1: Atom, t2: Atom, bindings: Bindings = Bindings.EMPTY): Bindings | null {
  if (t1 === t2) return bindings;
  const m = new Map(bindings.map);
  return unifyGradual(m, t1, t2) ? (m.size === bindings.map.size ? bindings : new Bindings(m)) : null;
}

function unifyGradual(m: Map<VariableAtom, Atom>, a: Atom, b: Atom): boolean {
  a = walk(m, a);
  b = walk(m, b);
  if (a === b) return true;
  // Variables bind first, as in plain matching, so `$t` against `%Undefined%` records the
  // wildcard and later uses of `$t` accept anything.
  if (a.kind === 'variable') return bindGradual(m, a, b);
  if (b.kind === 'variable') return bindGradual(m, b, a);
  if (a === UNDEFINED_TYPE || b === UNDEFINED_TYPE) return true;
  switch (a.kind) {
    case 'symbol':
      return false; // interned: equal symbols were caught by identity
    case 'expression': {
      if (b.kind !== 'expression' || a.children.length !== b.children.length) return false;
      for (let i = 0; i < a.children.length; i++) {
        if (!unifyGradual(m, a.children[i]!, b.children[i]!)) return false;
      }
      return true;
    }
    case 'grounded':
      // Custom matchers inside types are not supported by the reference either; values compare by equality.
      return b.kind === 'grounded' && a.equals(b);
  }
}

function bindGradual(m: Map<VariableAtom, Atom>, x: VariableAtom, value: Atom): boolean {
  if (value.kind === 'expression' && !value.ground && occurs(m, x, value)) return false;
  m.set(x, value);
  return true;
}
