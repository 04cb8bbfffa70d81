/**
 * Index keys of a space: which buckets a stored atom goes into, and which buckets a query
 * pattern must read.
 *
 * The *shape* of an atom is what any atom unifying with it must share: a symbol's name, a
 * grounded value's `indexKey()`, an expression's arity with the shape of its head (for a head
 * that is itself an expression, just that expression's arity). Atoms that can unify with atoms
 * of any shape have no shape: variables, grounded atoms with their own matcher or without an
 * index key, expressions whose head has no shape. Two atoms that unify have the same shape
 * unless one of them has none (equal grounded values have equal `indexKey()`s, so equal
 * shapes; numbers are hashed by their value as a double, which is what their equality
 * compares, so `1` and `1.0` share a shape).
 *
 * A stored atom with a shape is filed under it (`T` keys); an expression also under the shape
 * of each argument (`P` keys, with "open" for an argument without a shape), and, for the first
 * arguments that are expressions, under the shapes of their own arguments (`Q` keys). That
 * last level is what narrows an equation lookup `(= (fib 25) $r)` to the equations for `fib`
 * whose argument is `25` or open. Atoms without a shape are filed under the any-shape key, or,
 * for an expression with an open head, under the open-head key of its arity.
 *
 * Keys are 32-bit hashes of those features. Two features that happen to share a hash share a
 * bucket, which only adds candidates (the caller unifies anyway); an atom's own keys are made
 * distinct so it is never filed twice in one bucket.
 *
 * @module
 */
import { exprItem, exprLength, type Atom, type GroundedAtom } from './atom.js';
import { FloatAtom, IntAtom } from './values.js';

/** Argument positions of an expression indexed by their shape (1 = first argument). */
export const INDEXED_ARGS = 6;
/** Argument positions whose own arguments are indexed too (the `Q` keys). */
export const DEEP_INDEXED_ARGS = 2;
/** Arguments indexed inside each of those (1 = first argument of the nested expression). */
export const DEEP_INDEXED_SUBARGS = 3;

const TAG_SYMBOL = 0x53796d62;
const TAG_GROUNDED = 0x47726e64;
const TAG_NUMBER = 0x4e756d62;
const TAG_EXPR = 0x45787072;
const TAG_EXPR_HEAD = 0x48656164;
const TAG_T = 0x54546b79;
const TAG_P = 0x50506b79;
const TAG_Q = 0x51516b79;
const TAG_V = 0x56566b79;
/** Stands for "no shape" inside `P` and `Q` keys. */
const OPEN = 0x2a2a2a2a;

/** Key of the bucket of stored atoms that can unify with atoms of any shape. */
export const ANY_SHAPE_KEY = finish(mix(0x416e7953, 0x68617065));

/** 32-bit FNV-1a hash of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x5bd1e995);
  return h ^ (h >>> 15);
}

/** Final avalanche (murmur3); the result is a small integer, cheap as a Map key. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Hash of the atom's shape, or undefined when it can unify with atoms of any shape. */
export function shapeOf(atom: Atom): number | undefined {
  switch (atom.kind) {
    case 'symbol':
      return mix(TAG_SYMBOL, hashString(atom.name));
    case 'variable':
      return undefined;
    case 'grounded':
      return groundedShape(atom);
    case 'expression': {
      // Read without copying: the argument of a query may be a long list's shared tail.
      const n = exprLength(atom);
      if (n === 0) return mix(TAG_EXPR, 0);
      const h = exprItem(atom, 0)!;
      const head = h.kind === 'expression' ? mix(TAG_EXPR_HEAD, exprLength(h)) : shapeOf(h);
      return head === undefined ? undefined : mix(mix(TAG_EXPR, n), head);
    }
  }
}

function groundedShape(atom: GroundedAtom): number | undefined {
  // Numbers are equal when their values as doubles are (`1 == 1.0`), so that value is hashed.
  if (atom instanceof IntAtom) return numberShape(Number(atom.value));
  if (atom instanceof FloatAtom) return numberShape(atom.value);
  if (atom.match !== undefined) return undefined;
  const k = atom.indexKey();
  return k === undefined ? undefined : mix(TAG_GROUNDED, hashString(k));
}

const doubleView = new Float64Array(1);
const doubleWords = new Uint32Array(doubleView.buffer);

function numberShape(x: number): number {
  if (Number.isSafeInteger(x)) return mix(mix(TAG_NUMBER, x | 0), Math.floor(x / 4294967296) | 0);
  doubleView[0] = x;
  return mix(mix(TAG_NUMBER ^ 1, doubleWords[0]!), doubleWords[1]!);
}

/** Key of the bucket of expressions of this arity whose head has no shape. */
export function openHeadKey(arity: number): number {
  return finish(mix(TAG_V, arity));
}

/** `T` key: atoms of shape `top`. */
export function shapeKey(top: number): number {
  return finish(mix(TAG_T, top));
}

/** `P` key: argument `i` of an atom of shape `top` has shape `arg` (undefined: open). */
export function argKey(i: number, top: number, arg: number | undefined): number {
  return finish(mix(mix(mix(TAG_P, i), top), arg ?? OPEN));
}

/** `Q` key: argument `j` of argument `i` (of shape `arg`) has shape `sub` (undefined: open). */
export function subArgKey(i: number, j: number, top: number, arg: number, sub: number | undefined): number {
  return finish(mix(mix(mix(mix(mix(TAG_Q, i), j), top), arg), sub ?? OPEN));
}

/**
 * Appends to `out` the distinct keys `atom` is filed under when stored. Returns false for an
 * atom without a shape (filed under the any-shape or an open-head key).
 */
export function storedKeys(atom: Atom, out: number[]): boolean {
  const top = shapeOf(atom);
  if (top === undefined) {
    out.push(atom.kind === 'expression' && atom.children.length > 0 ? openHeadKey(atom.children.length) : ANY_SHAPE_KEY);
    return false;
  }
  out.push(shapeKey(top));
  if (atom.kind !== 'expression') return true;
  const c = atom.children;
  const last = Math.min(c.length - 1, INDEXED_ARGS);
  for (let i = 1; i <= last; i++) {
    const child = c[i]!;
    const ck = shapeOf(child);
    pushDistinct(out, argKey(i, top, ck));
    if (ck !== undefined && i <= DEEP_INDEXED_ARGS && child.kind === 'expression') {
      const g = child.children;
      const lastSub = Math.min(g.length - 1, DEEP_INDEXED_SUBARGS);
      for (let j = 1; j <= lastSub; j++) pushDistinct(out, subArgKey(i, j, top, ck, shapeOf(g[j]!)));
    }
  }
  return true;
}

function pushDistinct(out: number[], key: number): void {
  for (let i = 0; i < out.length; i++) if (out[i] === key) return;
  out.push(key);
}

/** How {@link candidateBuckets} reads an index. */
export interface BucketSource<B> {
  /** The bucket filed under `key` (possibly empty). */
  bucket(key: number): B;
  /** Number of atoms in a bucket. */
  count(bucket: B): number;
  /** False when the index surely holds no atom without a shape (its open buckets are empty). */
  readonly mayHoldOpen: boolean;
}

/**
 * Fills `out` with buckets that together hold every stored atom that can unify with
 * `pattern`, reading as little as it can: of the alternative bucket sets the pattern allows
 * (its own shape; the shape of one argument; the shape of one argument of an argument, each
 * with the buckets of atoms open at that place) it takes the smallest, plus the buckets of
 * atoms without a shape. No atom is in two of the buckets. Returns false, leaving `out` alone,
 * when the pattern can unify with atoms of any shape and the whole index must be read.
 */
export function candidateBuckets<B>(pattern: Atom, index: BucketSource<B>, out: B[]): boolean {
  const top = shapeOf(pattern);
  if (top === undefined) return false;
  const open = index.mayHoldOpen;
  if (open) out.push(index.bucket(ANY_SHAPE_KEY));
  const topBucket = index.bucket(shapeKey(top));
  if (pattern.kind !== 'expression' || pattern.children.length === 0) {
    out.push(topBucket);
    return true;
  }
  const c = pattern.children;
  if (open) out.push(index.bucket(openHeadKey(c.length)));
  // The best option so far: up to three buckets.
  let b0 = topBucket;
  let b1: B | undefined;
  let b2: B | undefined;
  let best = index.count(topBucket);
  const last = Math.min(c.length - 1, INDEXED_ARGS);
  // A bucket of one is as good as it gets: the caller unifies a single candidate.
  for (let i = 1; i <= last && best > 1; i++) {
    const child = c[i]!;
    const ck = shapeOf(child);
    if (ck === undefined) continue;
    const openArg = index.bucket(argKey(i, top, undefined));
    const openSize = index.count(openArg);
    const exact = index.bucket(argKey(i, top, ck));
    const size = openSize + index.count(exact);
    if (size < best) {
      best = size;
      b0 = exact;
      b1 = openArg;
      b2 = undefined;
    }
    if (i > DEEP_INDEXED_ARGS || child.kind !== 'expression') continue;
    const lastSub = Math.min(exprLength(child) - 1, DEEP_INDEXED_SUBARGS);
    for (let j = 1; j <= lastSub && best > 1 && openSize < best; j++) {
      const gk = shapeOf(exprItem(child, j)!);
      if (gk === undefined) continue;
      const subExact = index.bucket(subArgKey(i, j, top, ck, gk));
      const subOpen = index.bucket(subArgKey(i, j, top, ck, undefined));
      const subSize = openSize + index.count(subExact) + index.count(subOpen);
      if (subSize < best) {
        best = subSize;
        b0 = subExact;
        b1 = subOpen;
        b2 = openArg;
      }
    }
  }
  out.push(b0);
  if (b1 !== undefined) out.push(b1);
  if (b2 !== undefined) out.push(b2);
  return true;
}
