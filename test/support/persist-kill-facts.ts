/**
 * The facts the kill test's writer loads: fact `i` is `(edge n<i> n<j> i "label i")` with `j`
 * spread over 1,000 nodes, so a query on either node, the number or the label selects a few
 * atoms out of many. Shared by the writer process and the test that checks what survived.
 */
import { expr, sym, type Atom } from '../../src/atomspace/atom.js';
import { int, str } from '../../src/atomspace/values.js';

/** Fact number `i` (0-based). */
export function killFact(i: number): Atom {
  return expr(sym('edge'), sym(`n${i % 1000}`), sym(`n${(i * 7919) % 1000}`), int(i), str(`label ${i}`));
}

/** Facts `from` (inclusive) to `to` (exclusive), lazily. */
export function* killFacts(from: number, to: number): Generator<Atom> {
  for (let i = from; i < to; i++) yield killFact(i);
}
