/**
 * An app's own space behind the `Space` interface is queried by MeTTa like any other, and
 * the runner's module space supports all-or-nothing transactions.
 */
import { describe, expect, it } from 'vitest';
import {
  Bindings,
  MeTTa,
  expr,
  formatAtom,
  matchAtoms,
  mergeBindings,
  renameVariables,
  sym,
  str,
  int,
  variablesOf,
  type Atom,
  type ReadableSpace,
  type Space,
  type SpaceEvent,
} from '../src/index.js';

/** Rows of a "people" table an app keeps, exposed as atoms `(person <name> <age>)`. */
class PeopleTable implements Space {
  readonly name = 'people';
  readonly rows: Array<{ name: string; age: number }> = [];
  queries = 0;
  private toAtom(r: { name: string; age: number }): Atom {
    return expr(sym('person'), str(r.name), int(r.age));
  }
  get size(): number {
    return this.rows.length;
  }
  atoms(): Atom[] {
    return this.rows.map((r) => this.toAtom(r));
  }
  candidates(): Atom[] {
    return this.atoms();
  }
  query(pattern: Atom, base: Bindings = Bindings.EMPTY): Bindings[] {
    this.queries++;
    const out: Bindings[] = [];
    for (const a of this.atoms()) {
      for (const m of matchAtoms(base.apply(pattern), renameVariables(a))) {
        out.push(...mergeBindings(base, m.narrow(variablesOf(pattern))));
      }
    }
    return out;
  }
  add(atom: Atom): void {
    const [head, n, age] = atom.kind === 'expression' ? atom.children : [];
    if (head !== sym('person') || n?.kind !== 'grounded' || age?.kind !== 'grounded') throw new Error('not a person row');
    this.rows.push({ name: (n as unknown as { value: string }).value, age: Number((age as unknown as { value: number }).value) });
  }
  remove(): boolean {
    return false;
  }
  snapshot(): ReadableSpace {
    return this;
  }
  observe(_observer: (event: SpaceEvent) => void): () => void {
    return () => {};
  }
}

const silent = { stdout: () => {}, stderr: () => {} };
const show = (rs: Atom[][]) => rs.map((r) => r.map(formatAtom).sort());

describe('a custom space', () => {
  it('is queried by match through a bound token', () => {
    const table = new PeopleTable();
    table.rows.push({ name: 'Ann', age: 30 }, { name: 'Bob', age: 41 }, { name: 'Cid', age: 30 });
    const metta = new MeTTa({ io: silent });
    metta.bind('&people', table);
    const out = metta.run('!(match &people (person $who 30) $who)\n!(add-atom &people (person "Dee" 30))\n!(match &people (person $who 30) $who)');
    expect(show(out.results)).toEqual([['"Ann"', '"Cid"'], ['()'], ['"Ann"', '"Cid"', '"Dee"']]);
    expect(table.queries).toBe(2);
  });

  it('can be a conjunct of a query together with the program space', () => {
    const table = new PeopleTable();
    table.rows.push({ name: 'Ann', age: 30 }, { name: 'Bob', age: 41 });
    const metta = new MeTTa({ io: silent });
    metta.bind('&people', table);
    const out = metta.run('(likes "Bob" tea)\n!(match &people (person $who $age) (match &self (likes $who $what) ($who $age $what)))');
    expect(show(out.results)).toEqual([['("Bob" 41 tea)']]);
  });

  it('binding a token to a plain atom works like bind!', () => {
    const metta = new MeTTa({ io: silent });
    metta.bind('answer', int(42));
    expect(show(metta.run('!(+ answer 0)').results)).toEqual([['42']]);
    expect(() => metta.bind('two words', int(1))).toThrow(/one MeTTa word/);
  });
});

describe('module space transactions', () => {
  it('keeps every change when the function returns and none when it throws', () => {
    const metta = new MeTTa({ io: silent });
    const space = metta.top.space;
    space.transaction((s) => s.add(expr(sym('kept'))));
    expect(() =>
      space.transaction((s) => {
        s.add(expr(sym('dropped')));
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(show(metta.run('!(match &self ($x) $x)').results)).toEqual([['kept']]);
  });
});
