/**
 * Variable bindings: an immutable map from variables to atoms.
 *
 * A variable maps either to a value (`$x <- A`) or to another variable (`$x = $y`, an
 * equality link); chains of links are followed by {@link Bindings.walk}. Loops
 * (`$x <- (f $x)`) are never stored: unification refuses them (the occurs check).
 *
 * @module
 */
import { substitute, type Atom, type VariableAtom } from './atom.js';

/** An immutable set of variable bindings. */
export class Bindings {
  /** The bindings that bind nothing. */
  static readonly EMPTY = new Bindings(new Map());

  /** @internal Use {@link Bindings.EMPTY} and the unifier to make bindings. */
  constructor(
    /** @internal */
    readonly map: ReadonlyMap<VariableAtom, Atom>,
  ) {}

  /** Number of bound variables (links included). */
  get size(): number {
    return this.map.size;
  }

  /** True when nothing is bound. */
  get isEmpty(): boolean {
    return this.map.size === 0;
  }

  /** Follows equality links from `atom`: the value, or the last unbound variable. */
  walk(atom: Atom): Atom {
    return walk(this.map, atom);
  }

  /** The fully resolved value of a variable, or undefined when it is unbound. */
  get(variable: VariableAtom): Atom | undefined {
    const r = this.apply(variable);
    return r === variable ? undefined : r;
  }

  /** The atom with every bound variable replaced by its resolved value. */
  apply(atom: Atom): Atom {
    if (this.map.size === 0) return atom;
    return resolve(this.map, atom);
  }

  /** Bindings holding only `vars`, with their resolved values (§2.5 narrowing). */
  narrow(vars: Iterable<VariableAtom>): Bindings {
    const out = new Map<VariableAtom, Atom>();
    for (const x of vars) {
      const r = this.apply(x);
      if (r !== x) out.set(x, r);
    }
    return out.size === 0 ? Bindings.EMPTY : new Bindings(out);
  }

  /** Bindings with `variable` bound to `value`, or null when that contradicts or loops. */
  bind(variable: VariableAtom, value: Atom): Bindings | null {
    const m = new Map(this.map);
    return unifyMut(m, variable, value) ? new Bindings(m) : null;
  }

  /** Each (variable, raw value) pair as stored. */
  entries(): IterableIterator<[VariableAtom, Atom]> {
    return this.map.entries();
  }

  /** Printed as the reference prints grounded bindings: `{ $x <- A, $y = $z }`. */
  toString(show: (a: Atom) => string = String): string {
    const parts: string[] = [];
    for (const [k, val] of this.map) {
      const name = `$${k.name}${k.id ? '#' + k.id : ''}`;
      parts.push(val.kind === 'variable' ? `${name} = ${show(val)}` : `${name} <- ${show(this.apply(val))}`);
    }
    return parts.length ? `{ ${parts.join(', ')} }` : '{  }';
  }
}

/** Follows variable links in `m` from `atom`. */
export function walk(m: ReadonlyMap<VariableAtom, Atom>, atom: Atom): Atom {
  while (atom.kind === 'variable') {
    const next = m.get(atom);
    if (next === undefined) return atom;
    atom = next;
  }
  return atom;
}

/** `atom` with every bound variable of `m` replaced, recursively. */
export function resolve(m: ReadonlyMap<VariableAtom, Atom>, atom: Atom): Atom {
  return substitute(atom, (x) => {
    const w = walk(m, x);
    if (w === x) return undefined;
    return w.kind === 'expression' && !w.ground ? resolve(m, w) : w;
  });
}

/** Does variable `x` occur in `atom` once bindings `m` are applied? */
export function occurs(m: ReadonlyMap<VariableAtom, Atom>, x: VariableAtom, atom: Atom): boolean {
  const a = walk(m, atom);
  if (a === x) return true;
  if (a.kind !== 'expression' || a.ground) return false;
  for (const c of a.children) if (occurs(m, x, c)) return true;
  return false;
}

/**
 * Thrown inside {@link unifyMut} when a grounded atom with its own matcher is met, whose
 * answer may branch into several bindings; the caller then takes the general path.
 */
export const NEEDS_CUSTOM_MATCH: unique symbol = Symbol('needs custom match');

/**
 * Unifies `a` with `b`, recording new bindings in the mutable map `m`. Returns false on
 * mismatch (then `m` is in an undefined state and must be thrown away). Throws
 * {@link NEEDS_CUSTOM_MATCH} when a custom matcher is involved.
 */
export function unifyMut(m: Map<VariableAtom, Atom>, a: Atom, b: Atom): boolean {
  a = walk(m, a);
  b = walk(m, b);
  if (a === b) return true;
  if (a.kind === 'variable') return bindVar(m, a, b);
  if (b.kind === 'variable') return bindVar(m, b, a);
  switch (a.kind) {
    case 'symbol':
      if (b.kind === 'grounded' && b.match) throw NEEDS_CUSTOM_MATCH;
      return false;
    case 'expression': {
      if (b.kind === 'grounded') {
        if (b.match) throw NEEDS_CUSTOM_MATCH;
        return false;
      }
      if (b.kind !== 'expression') return false;
      const x = a.children;
      const y = b.children;
      if (x.length !== y.length) return false;
      if (a.ground && b.ground) return groundEq(a, b);
      for (let i = 0; i < x.length; i++) if (!unifyMut(m, x[i]!, y[i]!)) return false;
      return true;
    }
    case 'grounded':
      if (a.match || (b.kind === 'grounded' && b.match)) throw NEEDS_CUSTOM_MATCH;
      return b.kind === 'grounded' && a.equals(b);
  }
}

function groundEq(a: Atom, b: Atom): boolean {
  if (a === b) return true;
  if (a.kind === 'expression') {
    if (b.kind !== 'expression' || a.children.length !== b.children.length) return false;
    for (let i = 0; i < a.children.length; i++) if (!groundEq(a.children[i]!, b.children[i]!)) return false;
    return true;
  }
  if (a.kind === 'grounded') {
    if (b.kind !== 'grounded') return false;
    if (a.match || b.match) throw NEEDS_CUSTOM_MATCH;
    return a.equals(b);
  }
  return false;
}

function bindVar(m: Map<VariableAtom, Atom>, x: VariableAtom, value: Atom): boolean {
  if (value.kind === 'expression' && !value.ground && occurs(m, x, value)) return false;
  m.set(x, value);
  return true;
}
