/**
 * Reading type declarations from a space: `(: <atom> <type>)` and, transitively,
 * `(:< <sub> <super>)`.
 *
 * This runs for the head of every expression the interpreter evaluates, so it reads the
 * space's index directly ({@link ReadableSpace.candidates}) instead of running a full query:
 * a declaration whose subject is the very atom asked about (the usual case) is taken without
 * unification, and an untyped atom costs one index lookup that yields nothing.
 *
 * @module
 */
import {
  atomEq,
  expr,
  exprItem,
  exprLength,
  exprOf,
  freshVariable,
  isGround,
  renameVariables,
  type Atom,
  type ExpressionAtom,
  type SymbolAtom,
  type VariableAtom,
} from '../../atomspace/atom.js';
import type { ReadableSpace } from '../../atomspace/space.js';
import { matchAtoms } from '../../atomspace/unify.js';
import { signatureOfType, type Signature } from './signature.js';
import { HAS_TYPE, SUB_TYPE, UNDEFINED_TYPE } from './symbols.js';

/**
 * The types declared for `atom` with `(: atom T)`, followed by all their supertypes. Type
 * variables are fresh (stored declarations are renamed per lookup). A declared `%Undefined%`
 * is ignored, as in the reference.
 */
export function declaredTypes(space: ReadableSpace, atom: Atom): Atom[] {
  const revision = space.revision;
  if (revision !== undefined) {
    if (atom.kind === 'symbol') return fromCache(space, revision, atom);
    if (atom.kind === 'expression' && !mayHaveDeclarations(space, revision, atom)) return [];
  }
  return lookUp(space, atom);
}

function lookUp(space: ReadableSpace, atom: Atom): Atom[] {
  const types = objectsOf(space, HAS_TYPE, atom);
  if (types.length > 0) addSuperTypes(space, types, 0);
  return types;
}

/**
 * What type lookups learned of each space, valid while the space's revision stays the same.
 * The head of every call is looked up, and most heads are a handful of symbols (and most of
 * those have no declaration at all), so this spares an index lookup per call.
 */
const revisionCaches = new WeakMap<ReadableSpace, RevisionCache>();

/** What is known of one space at one revision. */
interface RevisionCache {
  readonly revision: number;
  /** Declared types (with supertypes) of symbols. */
  readonly types: Map<Atom, readonly Atom[]>;
  /** Per symbol: its one declared type as a simple signature, or null (see `declaredSignature`). */
  readonly signatures: Map<Atom, Signature | null>;
  /**
   * Per head and arity of an expression: could any stored declaration be about such an
   * expression? Most calls, like `(== $n 0)`, have none, and this spares their lookup.
   */
  readonly expressionHeads: Map<Atom, Map<number, boolean>>;
}

function cacheOf(space: ReadableSpace, revision: number): RevisionCache {
  let entry = revisionCaches.get(space);
  if (entry === undefined || entry.revision !== revision) {
    entry = { revision, types: new Map(), signatures: new Map(), expressionHeads: new Map() };
    revisionCaches.set(space, entry);
  }
  return entry;
}

/**
 * False when no declaration in the space can be about `e`: the index holds no `(: …)` atom
 * that could unify with one about any expression of `e`'s head and arity (so not even
 * `(: $x T)`). The answer is kept per revision.
 */
function mayHaveDeclarations(space: ReadableSpace, revision: number, e: ExpressionAtom): boolean {
  // Only calls are worth it: a head that is a symbol or an operation, with few arguments. Data
  // (a list of numbers has a new head at every step of a walk) goes to the lookup itself.
  const head = exprItem(e, 0);
  if (head === undefined || !(head.kind === 'symbol' || (head.kind === 'grounded' && head.execute !== undefined))) return true;
  const arity = exprLength(e);
  if (arity > MAX_CACHED_ARITY) return true;
  const heads = cacheOf(space, revision).expressionHeads;
  let byArity = heads.get(head);
  if (byArity === undefined) heads.set(head, (byArity = new Map()));
  let may = byArity.get(arity);
  if (may === undefined) {
    const args = new Array<Atom>(arity);
    args[0] = head;
    for (let i = 1; i < arity; i++) args[i] = freshVariable('arg');
    may = !isEmpty(space.candidates(expr(HAS_TYPE, exprOf(args), ANSWER)));
    byArity.set(arity, may);
  }
  return may;
}

/** Calls with more elements than this are looked up directly (see `mayHaveDeclarations`). */
const MAX_CACHED_ARITY = 8;

function isEmpty(atoms: Iterable<Atom>): boolean {
  for (const _ of atoms) return false;
  return true;
}

/** The declared types of a symbol as stored (variables not renamed): never hand them out. */
function storedTypes(entry: RevisionCache, space: ReadableSpace, atom: SymbolAtom): readonly Atom[] {
  let types = entry.types.get(atom);
  if (types === undefined) {
    types = lookUp(space, atom);
    entry.types.set(atom, types);
  }
  return types;
}

/**
 * The signature of a symbol whose only type, supertypes included, is a function type of
 * symbols and variables, like `if`'s `(-> Bool Atom Atom $t)`; null otherwise, or when the
 * space keeps no revision to cache it by. Its variables are the stored declaration's: a
 * caller gives them values per call, as for a grounded operation's type.
 */
export function declaredSignature(space: ReadableSpace, atom: SymbolAtom): Signature | null {
  const revision = space.revision;
  if (revision === undefined) return null;
  const entry = cacheOf(space, revision);
  let sig = entry.signatures.get(atom);
  if (sig === undefined) {
    const types = storedTypes(entry, space, atom);
    sig = types.length === 1 ? signatureOfType(types[0]!) : null;
    entry.signatures.set(atom, sig);
  }
  return sig;
}

function fromCache(space: ReadableSpace, revision: number, atom: SymbolAtom): Atom[] {
  const types = storedTypes(cacheOf(space, revision), space, atom);
  // Callers extend the list, and each lookup must see fresh type variables.
  const out = new Array<Atom>(types.length);
  for (let i = 0; i < types.length; i++) out[i] = renameVariables(types[i]!);
  return out;
}

/**
 * Appends to `types` every supertype (by `:<`, transitively) of `types[from…until)` not
 * already in the list, in breadth-first order. Loops in `:<` are harmless: known types are
 * skipped. As in the reference, a supertype reached twice within one round (two types sharing
 * a supertype) is listed twice. `until` (default: the whole list) lets a caller skip a tail
 * that is already closed under supertypes.
 */
export function addSuperTypes(space: ReadableSpace, types: Atom[], from: number, until: number = types.length): void {
  let start = from;
  let end = until;
  while (start < end) {
    const found: Atom[] = [];
    for (let i = start; i < end; i++) {
      for (const sup of objectsOf(space, SUB_TYPE, types[i]!)) {
        if (!contains(types, sup)) found.push(sup);
      }
    }
    start = types.length;
    for (const t of found) types.push(t);
    end = types.length;
  }
}

function contains(list: readonly Atom[], atom: Atom): boolean {
  for (const x of list) if (atomEq(x, atom)) return true;
  return false;
}

/**
 * The variable that receives the answer of a lookup. One variable serves every lookup: it is
 * distinct from every parsed or renamed variable, is never stored, and never escapes (an
 * answer that is still this variable is dropped), so it cannot clash with anything.
 */
const ANSWER: VariableAtom = freshVariable('X');

/**
 * The `T` of every stored `(<relation> <subject'> T)` whose subject matches `subject`, with
 * the stored atom's variables renamed. Answers equal to `%Undefined%`, or left unbound, are
 * dropped.
 */
function objectsOf(space: ReadableSpace, relation: Atom, subject: Atom): Atom[] {
  const x = ANSWER;
  const pattern = expr(relation, subject, x);
  const subjectGround = isGround(subject);
  const out: Atom[] = [];
  for (const stored of space.candidates(pattern)) {
    if (stored.kind !== 'expression' || stored.children.length !== 3 || stored.children[0] !== relation) continue;
    const storedSubject = stored.children[1]!;
    // A ground stored subject shares no variables with its type, so renaming the type alone
    // gives exactly what the full query would.
    if (subjectGround && isGround(storedSubject) && atomEq(storedSubject, subject)) {
      keep(out, renameVariables(stored.children[2]!), x);
      continue;
    }
    if (!mayUnify(storedSubject, subject)) continue;
    for (const b of matchAtoms(pattern, renameVariables(stored))) keep(out, b.apply(x), x);
  }
  return out;
}

/**
 * A cheap structural test, without allocating, that rules out most declarations an index
 * could not tell apart (say, `(: (Cons …) T)` for every list cell): false only when the two
 * atoms cannot unify whatever their variables are bound to.
 */
function mayUnify(a: Atom, b: Atom): boolean {
  if (a === b || a.kind === 'variable' || b.kind === 'variable') return true;
  switch (a.kind) {
    case 'symbol':
      return b.kind === 'grounded' && b.match !== undefined;
    case 'expression': {
      if (b.kind === 'grounded') return b.match !== undefined;
      const n = exprLength(a);
      if (b.kind !== 'expression' || exprLength(b) !== n) return false;
      for (let i = 0; i < n; i++) if (!mayUnify(exprItem(a, i)!, exprItem(b, i)!)) return false;
      return true;
    }
    case 'grounded':
      return a.match !== undefined || (b.kind === 'grounded' && (b.match !== undefined || a.equals(b)));
  }
}

function keep(out: Atom[], type: Atom, x: VariableAtom): void {
  if (type !== x && type !== UNDEFINED_TYPE) out.push(type);
}
