/**
 * Two-sided unification (§2.4 `match_atoms`): both sides may hold variables, a variable
 * matches anything, grounded atoms with their own matcher (spaces) decide for themselves.
 *
 * @module
 */
import type { Atom, VariableAtom } from './atom.js';
import { Bindings, NEEDS_CUSTOM_MATCH, occurs, resolve, unifyMut, walk } from './bindings.js';

type State = Map<VariableAtom, Atom>;

/**
 * Every way `a` and `b` match, as bindings extending `base`. Usually zero or one entry;
 * a custom matcher (a space queried by a pattern) can give many.
 */
export function matchAtoms(a: Atom, b: Atom, base: Bindings = Bindings.EMPTY): Bindings[] {
  if (a === b) return [base];
  if (a.kind === 'symbol' && b.kind === 'symbol') return [];
  const m = new Map(base.map);
  try {
    return unifyMut(m, a, b) ? [new Bindings(m)] : [];
  } catch (e) {
    if (e !== NEEDS_CUSTOM_MATCH) throw e;
    return general(a, b, [new Map(base.map)]).map((s) => new Bindings(s));
  }
}

/** The single way `a` and `b` match, or null; the first way if a custom matcher gives several. */
export function unify(a: Atom, b: Atom, base: Bindings = Bindings.EMPTY): Bindings | null {
  const r = matchAtoms(a, b, base);
  return r.length > 0 ? r[0]! : null;
}

/** Every way both bindings hold at once (§2.3 merge). */
export function mergeBindings(a: Bindings, b: Bindings): Bindings[] {
  if (b.isEmpty) return [a];
  if (a.isEmpty) return [b];
  const m = new Map(a.map);
  try {
    for (const [k, val] of b.map) if (!unifyMut(m, k, val)) return [];
    return [new Bindings(m)];
  } catch (e) {
    if (e !== NEEDS_CUSTOM_MATCH) throw e;
    let states: State[] = [new Map(a.map)];
    for (const [k, val] of b.map) states = general(k, val, states);
    return states.map((s) => new Bindings(s));
  }
}

/** The general path: unify in each state, branching where custom matchers give several answers. */
function general(a: Atom, b: Atom, states: State[]): State[] {
  const out: State[] = [];
  for (const s of states) {
    const x = walk(s, a);
    const y = walk(s, b);
    if (x === y) {
      out.push(s);
    } else if (x.kind === 'variable' || y.kind === 'variable') {
      const [v, val] = x.kind === 'variable' ? [x, y] : [y as VariableAtom, x];
      if (!(val.kind === 'expression' && !val.ground && occurs(s, v, val))) {
        const n = new Map(s);
        n.set(v, val);
        out.push(n);
      }
    } else if (x.kind === 'grounded' && x.match) {
      out.push(...viaCustom(x.match, y, s));
    } else if (y.kind === 'grounded' && y.match) {
      out.push(...viaCustom(y.match, x, s));
    } else if (x.kind === 'expression' && y.kind === 'expression') {
      if (x.children.length !== y.children.length) continue;
      let cur: State[] = [s];
      for (let i = 0; i < x.children.length && cur.length > 0; i++) {
        cur = general(x.children[i]!, y.children[i]!, cur);
      }
      out.push(...cur);
    } else if (x.kind === 'grounded' && y.kind === 'grounded' && x.equals(y)) {
      out.push(s);
    }
  }
  return out;
}

function viaCustom(matcher: NonNullable<Atom & { kind: 'grounded' }>['match'], other: Atom, s: State): State[] {
  const out: State[] = [];
  for (const answer of matcher!(resolve(s, other))) {
    let cur: State[] = [new Map(s)];
    for (const [k, val] of answer) cur = general(k, val, cur);
    out.push(...cur);
  }
  return out;
}
