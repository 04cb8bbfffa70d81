/**
 * How expressions are stored, so that the list idioms of MeTTa (`cdr-atom` down a list,
 * `cons-atom` onto an accumulator) cost O(1) a step instead of a copy of the list.
 *
 * An expression's elements are `items[start..]` of a storage array that several expressions
 * may share:
 * - a tail (`exprTail`, what `cdr-atom` returns) is the same storage from a later `start`;
 * - a cons (`exprCons`) writes its head into the free slot just before its tail's `start`,
 *   when that slot is still free; storage made by a cons keeps free slots in front for that.
 *   Each storage remembers the lowest slot in use (its frontier), so two conses onto the same
 *   tail never write the same slot: the second one copies.
 *
 * Stored slots are never changed once written, so every expression stays immutable. Whole
 * expressions (`exprOf`) are plain objects whose `children` is a field, as everywhere else in
 * the code base; only tails and conses are instances of a class, whose `children` copies its
 * elements on first read. The hot paths read through {@link exprLength} and {@link exprItem},
 * which copy nothing.
 *
 * {@link ElementMap} and {@link ElementTest} keep per-storage answers, so that a question
 * about every element (the types of a list of numbers, say) is answered for a tail or a cons
 * without looking at the elements it shares with an expression already asked about.
 *
 * @module
 */
import type { Atom, ExpressionAtom } from './atom.js';

/**
 * An expression on shared storage: a tail or a cons. Whole expressions are plain objects of
 * the {@link ExpressionAtom} shape instead, so the common case reads `children` as a field.
 */
class SharedExpression implements ExpressionAtom {
  readonly kind = 'expression' as const;
  constructor(
    /** Storage, possibly shared; slots before `start` belong to other expressions or are free. */
    public items: readonly Atom[],
    /** Slot of the first element. */
    public start: number,
    readonly ground: boolean,
    readonly evaluated: boolean,
  ) {}

  get children(): readonly Atom[] {
    if (this.start !== 0) {
      this.items = this.items.slice(this.start);
      this.start = 0;
    }
    return this.items;
  }
}

/** A whole expression, in the one object shape the rest of the code base sees most. */
function whole(children: readonly Atom[], ground: boolean, evaluated = false): ExpressionAtom {
  return { kind: 'expression', children, ground, evaluated };
}

function allGround(items: readonly Atom[], from: number): boolean {
  for (let i = from; i < items.length; i++) {
    const c = items[i]!;
    if (c.kind === 'variable' || (c.kind === 'expression' && !c.ground)) return false;
  }
  return true;
}

function isGroundAtom(a: Atom): boolean {
  return a.kind === 'expression' ? a.ground : a.kind !== 'variable';
}

/** An expression that takes ownership of `children` (the array must not be changed later). */
export function exprOf(children: readonly Atom[]): ExpressionAtom {
  return whole(children, allGround(children, 0));
}

/** {@link exprOf} for a caller that already knows whether a variable occurs in `children`. */
export function exprOfKnownGround(children: readonly Atom[], ground: boolean): ExpressionAtom {
  return whole(children, ground);
}

/** Number of elements of `e`, without copying shared storage. */
export function exprLength(e: ExpressionAtom): number {
  return e instanceof SharedExpression ? e.items.length - e.start : e.children.length;
}

/** Element `i` (0-based) of `e`, without copying shared storage; undefined past the end. */
export function exprItem(e: ExpressionAtom, i: number): Atom | undefined {
  return e instanceof SharedExpression ? e.items[e.start + i] : e.children[i];
}

/** The expression of the elements of `e` from index `from` on, sharing `e`'s storage: O(1). */
export function exprTail(e: ExpressionAtom, from: number): ExpressionAtom {
  const items = e instanceof SharedExpression ? e.items : e.children;
  const start = Math.min((e instanceof SharedExpression ? e.start : 0) + from, items.length);
  return new SharedExpression(items, start, e.ground || allGround(items, start), false);
}

/** Per storage made by {@link exprCons}: the lowest slot in use; the slots below are free. */
const frontiers = new WeakMap<readonly Atom[], number>();

/**
 * `(head tail…)`. O(1) when the slot before `tail` is free (consing onto the result of a
 * cons, as a loop building a list in an accumulator does); otherwise the elements are copied
 * into new storage with as many free slots in front, so consing on continues in O(1).
 */
export function exprCons(head: Atom, tail: ExpressionAtom): ExpressionAtom {
  const ground = tail.ground && isGroundAtom(head);
  if (tail instanceof SharedExpression && tail.start > 0 && frontiers.get(tail.items) === tail.start) {
    const at = tail.start - 1;
    (tail.items as Atom[])[at] = head;
    frontiers.set(tail.items, at);
    return new SharedExpression(tail.items, at, ground, false);
  }
  const n = exprLength(tail);
  const room = Math.max(4, n);
  const items = new Array<Atom>(room + 1 + n);
  items[room] = head;
  if (tail instanceof SharedExpression) {
    const src = tail.items;
    for (let i = 0, j = tail.start; i < n; i++, j++) items[room + 1 + i] = src[j]!;
  } else {
    for (let i = 0; i < n; i++) items[room + 1 + i] = tail.children[i]!;
  }
  frontiers.set(items, room);
  return new SharedExpression(items, room, ground, false);
}

/** `e` with the interpreter's "evaluated" flag set (sharing its storage). */
export function withEvaluatedFlag(e: ExpressionAtom): ExpressionAtom {
  if (e.evaluated) return e;
  return e instanceof SharedExpression ? new SharedExpression(e.items, e.start, e.ground, true) : whole(e.children, e.ground, true);
}

/** What an {@link ElementMap} knows of one storage array: the images of `items[from..]`. */
interface MappedStorage {
  readonly images: (Atom | undefined)[];
  /** Lowest slot mapped. */
  from: number;
  /** Lowest slot from which every image up to the end is defined (>= `from`). */
  definedFrom: number;
}

/**
 * Maps the elements of expressions through a function that depends on its argument only and
 * gives ground atoms (or undefined: no image), remembering the images per storage array.
 */
export class ElementMap {
  private readonly cache = new WeakMap<readonly Atom[], MappedStorage>();

  constructor(private readonly f: (x: Atom) => Atom | undefined) {}

  /**
   * `(f(x1) f(x2) …)` for the elements `xi` of `e`, or null when some `f(xi)` is undefined.
   * For an expression sharing storage with one mapped before, only the elements not seen
   * yet are mapped.
   */
  of(e: ExpressionAtom): ExpressionAtom | null {
    if (!(e instanceof SharedExpression) || e.start === 0) return this.direct(e.children);
    const items = e.items;
    let m = this.cache.get(items);
    if (m === undefined) {
      m = { images: new Array<Atom | undefined>(items.length), from: items.length, definedFrom: items.length };
      this.cache.set(items, m);
    }
    // Map the slots from `start` up to what is mapped already (a cons adds slots in front).
    for (let i = m.from - 1; i >= e.start; i--) {
      const y = this.f(items[i]!);
      m.images[i] = y;
      if (y !== undefined && m.definedFrom === i + 1) m.definedFrom = i;
    }
    if (e.start < m.from) m.from = e.start;
    if (e.start < m.definedFrom) return null;
    return new SharedExpression(m.images as readonly Atom[], e.start, true, false);
  }

  /** Maps a whole array at once: most arrays are mapped only once, so no cache entry. */
  private direct(c: readonly Atom[]): ExpressionAtom | null {
    const out = new Array<Atom>(c.length);
    for (let i = 0; i < c.length; i++) {
      const y = this.f(c[i]!);
      if (y === undefined) return null;
      out[i] = y;
    }
    return whole(out, true);
  }
}

/** What an {@link ElementTest} knows of one storage array. */
interface TestedStorage {
  /** Lowest slot tested. */
  from: number;
  /** Lowest slot from which the test holds up to the end (>= `from`). */
  holdsFrom: number;
}

/**
 * Tests every element of expressions with a predicate that depends on its argument only,
 * remembering per storage array from which slot on it holds.
 */
export class ElementTest {
  private readonly cache = new WeakMap<readonly Atom[], TestedStorage>();

  constructor(private readonly test: (x: Atom) => boolean) {}

  /** True when the test holds for every element of `e`. */
  every(e: ExpressionAtom): boolean {
    if (!(e instanceof SharedExpression) || e.start === 0) {
      const c = e.children;
      for (let i = 0; i < c.length; i++) if (!this.test(c[i]!)) return false;
      return true;
    }
    const items = e.items;
    let t = this.cache.get(items);
    if (t === undefined) {
      t = { from: items.length, holdsFrom: items.length };
      this.cache.set(items, t);
    }
    if (e.start < t.from) {
      // Below a failing slot the answer is false anyway: test only while it still holds.
      let i = t.from - 1;
      if (t.holdsFrom === t.from) {
        while (i >= e.start && this.test(items[i]!)) i--;
        t.holdsFrom = i + 1;
      }
      t.from = e.start;
    }
    return e.start >= t.holdsFrom;
  }
}
