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

/**
 * A store that can list the stored atoms that might unify with a pattern: all that
 * {@link querySpace} needs to answer queries over it. Every {@link ReadableSpace} is one.
 */
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
 *
 * This is how a custom {@link Space} gets MeTTa's query semantics without writing them: it
 * lists candidates, from its own index or simply all its atoms, and passes itself here.
 *
 * ```ts
 * import { querySpace, type Atom, type Bindings, type Space } from 'rhizome';
 *
 * class FactTable implements Space {
 *   readonly name = 'facts';
 *   private readonly rows: Atom[] = [];
 *   get size() { return this.rows.length; }
 *   atoms() { return this.rows; }
 *   // A superset of the matches is enough: querySpace unifies each candidate.
 *   candidates(_pattern: Atom) { return this.rows; }
 *   query(pattern: Atom, base?: Bindings) { return querySpace(this, pattern, base); }
 *   // add, remove, snapshot and observe as the store keeps its rows
 * }
 * // runner.bind('&facts', new FactTable()); then `!(match &facts (Parent $p $c) $c)` queries it
 * ```
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
