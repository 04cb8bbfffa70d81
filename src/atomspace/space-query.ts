/**
 * Answering a query against stored atoms (§2.5), independent of how a space stores them: any
 * store that can list candidate atoms for a pattern gets the full query semantics from
 * {@link querySpace} (renaming, conjunctions, narrowing, merging with base bindings).
 *
 * @module
 */
import { isSym, renameVariables, variablesOf, type Atom } from './atom.js';
import { Bindings } from './bindings.js';
import { matchAtoms, mergeBindings } from './unify.js';

/** A store that can list the stored atoms that might unify with a pattern. */
export interface CandidateSource {
  /** A superset of the stored atoms unifying with `pattern`, as stored (variables not renamed). */
  candidates(pattern: Atom): Iterable<Atom>;
}

/** The conjunct patterns of `(, p1 p2 …)`, or undefined when `pattern` is not a conjunction. */
export function conjuncts(pattern: Atom): readonly Atom[] | undefined {
  if (pattern.kind !== 'expression') return undefined;
  const c = pattern.children;
  return c.length > 0 && isSym(c[0]!, ',') ? c.slice(1) : undefined;
}

/**
 * Every answer to `pattern` among the atoms of `source`: each stored atom gets fresh
 * variables per match (stored atoms are universally quantified), a conjunction `(, p1 p2 …)`
 * is answered conjunct by conjunct with the bindings found so far applied to the next one,
 * and each answer is narrowed to the pattern's variables and then merged with `base`.
 * Bindings that would loop are never produced (unification refuses them).
 */
export function querySpace(source: CandidateSource, pattern: Atom, base: Bindings = Bindings.EMPTY): Bindings[] {
  const parts = conjuncts(pattern) ?? [pattern];
  let states: Bindings[] = [base];
  for (const part of parts) {
    const next: Bindings[] = [];
    for (const s of states) matchCandidates(source, s.apply(part), s, next);
    states = next;
    if (states.length === 0) return states;
  }
  const vars = variablesOf(pattern);
  const out: Bindings[] = [];
  for (const s of states) {
    const answer = s.narrow(vars);
    if (base.isEmpty) out.push(answer);
    else for (const merged of mergeBindings(base, answer)) out.push(merged);
  }
  return out;
}

/** Matches `pattern` against each candidate, renamed, pushing every extension of `state`. */
function matchCandidates(source: CandidateSource, pattern: Atom, state: Bindings, out: Bindings[]): void {
  for (const stored of source.candidates(pattern)) {
    for (const b of matchAtoms(pattern, renameVariables(stored), state)) out.push(b);
  }
}
