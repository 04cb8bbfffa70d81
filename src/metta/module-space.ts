/**
 * The space of a module (§2.5): its own atoms plus the spaces of the modules it imported.
 * Queries see all of them; writes and `get-atoms` touch only the module's own part.
 *
 * @module
 */
import { isSym, type Atom } from '../atomspace/atom.js';
import { Bindings } from '../atomspace/bindings.js';
import type { ReadableSpace, Space, SpaceEvent } from '../atomspace/space.js';
import { mergeBindings } from '../atomspace/unify.js';

/** A module's space: a main space and, read-only, the spaces of its dependencies. */
export class ModuleSpace implements Space {
  private readonly deps: Space[] = [];

  constructor(
    /** The module's own atoms: where `add-atom` and `remove-atom` go and what `get-atoms` lists. */
    readonly main: Space,
  ) {}

  get name(): string {
    return this.main.name;
  }

  /** Prints as the reference prints a module's space: `ModuleSpace(GroundingSpace-top)`. */
  describe(): string {
    return `ModuleSpace(GroundingSpace-${this.main.name})`;
  }

  /** Adds a dependency (once): its atoms become visible to queries, not to `get-atoms`. */
  addDependency(dep: Space): void {
    const inner = dep instanceof ModuleSpace ? dep.main : dep;
    if (inner !== this.main && !this.deps.includes(inner)) this.deps.push(inner);
  }

  /**
   * Forgets every dependency after the first `count` (the REPL's `:undo` of an import).
   */
  truncateDependencies(count: number): void {
    if (count < this.deps.length) this.deps.length = count;
  }

  /** The dependencies, in import order. */
  get dependencies(): readonly Space[] {
    return this.deps;
  }

  get size(): number {
    return this.main.size;
  }

  /**
   * Grows with every change of the main space or a dependency, and with every new
   * dependency; undefined when one of them keeps no revision.
   */
  get revision(): number | undefined {
    let sum = this.main.revision;
    if (sum === undefined) return undefined;
    for (const d of this.deps) {
      const r = d.revision;
      if (r === undefined) return undefined;
      sum += r;
    }
    return sum + this.deps.length;
  }

  add(atom: Atom): void {
    this.main.add(atom);
  }

  remove(atom: Atom): boolean {
    return this.main.remove(atom);
  }

  atoms(): Iterable<Atom> {
    return this.main.atoms();
  }

  snapshot(): ReadableSpace {
    return this.main.snapshot();
  }

  observe(observer: (event: SpaceEvent) => void): () => void {
    return this.main.observe(observer);
  }

  /**
   * Runs `fn` as one all-or-nothing change of the module's own atoms: if it throws, the
   * module's space is put back as it was. Needs a main space that supports transactions
   * (every module's in-memory space does).
   */
  transaction<T>(fn: (space: this) => T): T {
    const main = this.main as Space & { transaction?: (f: () => T) => T };
    if (typeof main.transaction !== 'function') {
      throw new TypeError(`the space ${this.main.name} does not support transactions`);
    }
    return main.transaction.call(this.main, () => fn(this));
  }

  candidates(pattern: Atom): Iterable<Atom> {
    const first = this.main.candidates(pattern);
    if (this.deps.length === 0) return first;
    // An array beats nested generators on this hot path (every equation lookup comes here).
    const all: Atom[] = [];
    for (const a of first) all.push(a);
    for (const d of this.deps) for (const a of d.candidates(pattern)) all.push(a);
    return all;
  }

  query(pattern: Atom, base: Bindings = Bindings.EMPTY): Bindings[] {
    if (pattern.kind === 'expression' && pattern.children.length > 0 && isSym(pattern.children[0]!, ',')) {
      // A conjunction may draw each conjunct from a different part, so it is split here.
      let states: Bindings[] = [base];
      for (const part of pattern.children.slice(1)) {
        const next: Bindings[] = [];
        for (const s of states) for (const r of this.query(s.apply(part))) next.push(...mergeBindings(s, r));
        states = next;
      }
      return states;
    }
    const out = this.main.query(pattern, base);
    for (const d of this.deps) out.push(...d.query(pattern, base));
    return out;
  }
}
