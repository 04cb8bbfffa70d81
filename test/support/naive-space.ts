/**
 * The reference model of a space for property tests: a plain list, scanned in full on
 * every query. Obviously correct, deliberately slow.
 */
import { renameVariables, variablesOf, atomEq, isSym, type Atom } from '../../src/atomspace/atom.js';
import { Bindings } from '../../src/atomspace/bindings.js';
import { matchAtoms, mergeBindings } from '../../src/atomspace/unify.js';

export class NaiveSpace {
  readonly items: Atom[] = [];
  add(atom: Atom): void {
    this.items.push(atom);
  }
  remove(atom: Atom): boolean {
    const i = this.items.findIndex((x) => atomEq(x, atom));
    if (i < 0) return false;
    this.items.splice(i, 1);
    return true;
  }
  get size(): number {
    return this.items.length;
  }
  /** Answers narrowed to the pattern's variables, handling `(, p1 p2 …)` conjunctions. */
  query(pattern: Atom): Bindings[] {
    const vars = variablesOf(pattern);
    const conj =
      pattern.kind === 'expression' && pattern.children.length > 0 && isSym(pattern.children[0]!, ',')
        ? pattern.children.slice(1)
        : [pattern];
    let states: Bindings[] = [Bindings.EMPTY];
    for (const p of conj) {
      const next: Bindings[] = [];
      for (const b of states) {
        const q = b.apply(p);
        for (const stored of this.items) {
          for (const r of matchAtoms(q, renameVariables(stored))) next.push(...mergeBindings(b, r));
        }
      }
      states = next;
    }
    return states.map((b) => b.narrow(vars));
  }
}
