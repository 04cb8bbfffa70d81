/**
 * The MeTTa evaluator: the full `metta` algorithm (§3.4), the minimal instructions (§3.3),
 * equation lookup (§3.5) and grounded calls (§3.6), written as frames on the {@link Machine}.
 *
 * Invariant: an atom handed to a frame has the bindings of its branch already applied where
 * it matters; frames apply the branch's latest bindings to atoms they kept from before.
 *
 * @module
 */
import {
  alphaEq,
  atomEq,
  ElementTest,
  exprCons,
  exprItem,
  exprLength,
  exprOf,
  exprTail,
  freshVariable,
  isGround,
  renameVariables,
  substitute,
  sym,
  variablesOf,
  withEvaluatedFlag,
  type Atom,
  type ExpressionAtom,
  type GroundedAtom,
  type VariableAtom,
} from '../../atomspace/atom.js';
import { Bindings, NEEDS_CUSTOM_MATCH, resolve, unifyMut } from '../../atomspace/bindings.js';
import type { Space } from '../../atomspace/space.js';
import { spaceAtomOf } from '../space-atoms.js';
import { SpaceAtom } from '../../atomspace/space-atom.js';
import { matchAtoms, mergeBindings } from '../../atomspace/unify.js';
import { formatAtom } from '../../atomspace/format.js';
import {
  EvalRequest,
  MettaRuntimeError,
  NoReduce,
  type Evaluated,
  type OpAnswer,
  type OpContext,
  type OpHost,
  type OpResult,
} from '../grounded.js';
import { checkFunctionApplication, getAtomTypes, isBadlyTyped, isFunctionType, matchTypes, typeCast } from '../types.js';
import { BindingsAtom } from './bindings-atom.js';
import { directReturnType } from './direct-call.js';
import { applySimpleSignature } from '../types/apply-signature.js';
import { Collector, Frame, Machine, type MachineOptions } from './machine.js';
import {
  ATOM_TYPE,
  EMPTY,
  EQUALS,
  EXPRESSION_TYPE,
  FUNCTION,
  GROUNDED_TYPE,
  NOT_REDUCIBLE,
  NO_RETURN,
  RETURN,
  STACK_OVERFLOW,
  SYMBOL_TYPE,
  UNDEFINED_TYPE,
  errorAtom,
  isError,
  isInstruction,
} from './symbols.js';

/** Settings of one evaluation. */
export interface EvaluatorOptions extends MachineOptions {
  /** Output and other runner services for operations. */
  readonly host: OpHost;
  /** `max-stack-depth` pragma: 0 means unlimited. */
  readonly maxStackDepth?: number;
  /** True for the asynchronous driver: operations may return Promises. */
  readonly async?: boolean;
  /** Called for every reduction step: a call and one value it reduced to. */
  readonly trace?: (call: Atom, value: Atom) => void;
}

/** Marks an equation lookup that needs the general matching path (custom matchers). */
const NEEDS_GENERAL: unique symbol = Symbol('needs general matching');

/** How many reference interpreter frames one of our frames stands for (see `max-stack-depth`). */
const FRAME_WEIGHT = 16;

const EQ_RESULT_VAR: VariableAtom = { kind: 'variable', name: 'X', id: -1 };

/** Evaluates atoms in a space; one instance per top-level evaluation. */
export class Evaluator {
  readonly machine: Machine;
  private readonly maxDepth: number;

  constructor(readonly options: EvaluatorOptions) {
    this.machine = new Machine(options);
    // The pragma counts the reference's minimal-MeTTa frames; one of our frames does the work
    // of about FRAME_WEIGHT of those (calibrated on the reference's `fac` depth example).
    this.maxDepth = Math.ceil((options.maxStackDepth ?? 0) / FRAME_WEIGHT);
  }

  /** Evaluates `atom` as `(metta atom type space)` and returns every result (synchronous driver). */
  evaluate(atom: Atom, space: Space, type: Atom = UNDEFINED_TYPE): Atom[] {
    const root = new RootCollector();
    this.metta(atom, type, Bindings.EMPTY, root, space);
    this.machine.release(root);
    if (!this.machine.runSync()) throw new Error('internal: synchronous run left work waiting');
    return root.results;
  }

  /** Runs `atom` as minimal MeTTa (the `bare-minimal` interpreter pragma). */
  evaluateMinimal(atom: Atom, space: Space): Atom[] {
    const root = new RootCollector();
    this.runOrValue(atom, Bindings.EMPTY, root, space);
    this.machine.release(root);
    if (!this.machine.runSync()) throw new Error('internal: synchronous run left work waiting');
    return root.results;
  }

  /** Like {@link evaluate}, but operations may return Promises, which are awaited. */
  async evaluateAsync(atom: Atom, space: Space, type: Atom = UNDEFINED_TYPE): Promise<Atom[]> {
    const root = new RootCollector();
    this.metta(atom, type, Bindings.EMPTY, root, space);
    this.machine.release(root);
    await this.machine.runAsync();
    return root.results;
  }

  // ---------------------------------------------------------------------------------------
  // The metta algorithm (§3.4)

  /** `metta(atom, type, space)` delivering each result to `k`. */
  metta(atom: Atom, type: Atom, b: Bindings, k: Frame, space: Space): void {
    const m = this.machine;
    if (type === ATOM_TYPE) return m.deliver(k, atom, b);
    switch (atom.kind) {
      case 'variable':
        return m.deliver(k, atom, b);
      case 'symbol':
        if (type === SYMBOL_TYPE || type === UNDEFINED_TYPE) return m.deliver(k, atom, b);
        return this.castAndDeliver(atom, type, b, k, space);
      case 'grounded':
        if (selfEvaluating(atom, type)) return m.deliver(k, atom, b);
        return this.castAndDeliver(atom, type, b, k, space);
      case 'expression':
        if (type === EXPRESSION_TYPE || atom.evaluated) return m.deliver(k, atom, b);
        if (exprLength(atom) === 0) return this.castAndDeliver(atom, type, b, k, space);
        if (this.maxDepth > 0 && k.depth >= this.maxDepth) {
          return m.deliver(k, errorAtom(atom, STACK_OVERFLOW), b);
        }
        if (k instanceof MettaCollector) b = k.prune(b);
        const direct = directReturnType(atom, type);
        if (direct !== undefined) {
          const value = this.callDirect(atom, direct, b, () => k, space);
          if (value !== undefined) m.deliver(k, value, b);
          return;
        }
        // A tail evaluation feeding straight into an expression collector shares it: the
        // error-dropping rule gives the same answer either way, and loops stay flat.
        if (k instanceof MettaCollector) return this.interpretExpression(atom, type, b, k, space);
        const col = new MettaCollector(k, atom, b);
        this.interpretExpression(atom, type, b, col, space);
        return m.release(col);
    }
  }

  private castAndDeliver(atom: Atom, type: Atom, b: Bindings, k: Frame, space: Space): void {
    // A value with a plain type symbol against a type variable (a branch of `if` returning a
    // number, say): its one type, matched as typeCast would, without the general machinery.
    if (atom.kind === 'grounded' && type.kind === 'variable' && atom.type.kind === 'symbol' && atom.type !== UNDEFINED_TYPE) {
      const nb = matchTypes(type, atom.type, b);
      if (nb !== null) return this.machine.deliver(k, atom, nb);
    }
    const r = typeCast(space, atom, type, b);
    if (r.ok) {
      for (const tb of r.bindings) this.machine.deliver(k, atom, tb);
    } else {
      for (const e of r.errors) this.machine.deliver(k, e, b);
    }
  }

  /** interpret_expression: type-check the call, evaluate its arguments, then call it. */
  private interpretExpression(e: ExpressionAtom, type: Atom, b: Bindings, k: Frame, space: Space): void {
    const op = exprItem(e, 0)!;
    if ((op.kind === 'grounded' && op.execute !== undefined) || op.kind === 'symbol') {
      const simple = applySimpleSignature(space, e, type, b);
      if (simple !== undefined) {
        const ret = simple.ret === EXPRESSION_TYPE ? UNDEFINED_TYPE : simple.ret;
        return this.stepArgs(e, [], simple.types, ret, simple.bindings, k, space);
      }
    }
    const opTypes = getAtomTypes(space, op);
    if (isBadlyTyped(opTypes)) {
      for (const t of opTypes) this.machine.deliver(k, t.error!, b);
      return;
    }
    let tuple = false;
    let applied: { argTypes: Atom[]; returnType: Atom; fnType: Atom; bindings: Bindings } | undefined;
    const errors: Atom[] = [];
    for (const t of opTypes) {
      if (t.error !== undefined) continue;
      if (!isFunctionType(t.type)) {
        tuple = true;
        continue;
      }
      if (applied !== undefined) continue;
      const r = checkFunctionApplication(space, e, t.type as ExpressionAtom, type, b);
      if ('ok' in r) {
        errors.push(...r.errors);
      } else {
        const first = r[0]!;
        applied = { argTypes: [...first.argTypes], returnType: first.returnType, fnType: t.type, bindings: first.bindings };
      }
    }
    if (applied !== undefined) {
      const types = [applied.fnType, ...applied.argTypes];
      const ret = applied.returnType === EXPRESSION_TYPE ? UNDEFINED_TYPE : applied.returnType;
      this.stepArgs(e, [], types, ret, applied.bindings, k, space);
    } else {
      for (const err of errors) this.machine.deliver(k, err, b);
    }
    if (tuple) {
      // Data such as a list of numbers evaluates element by element to itself: skip the walk.
      // (A variable bound to an expression would be evaluated, hence ground or no bindings.)
      if ((e.ground || b.isEmpty) && SELF_EVALUATING.every(e)) {
        return this.mettaCall(e, type, b, k, space);
      }
      const types = new Array<Atom>(e.children.length).fill(UNDEFINED_TYPE);
      this.stepArgs(e, [], types, type, b, k, space);
    }
  }

  /**
   * Evaluates the elements of `call` from position `done.length` on, each with its type,
   * then calls the reduced expression. Elements that evaluate to themselves are taken at once.
   */
  stepArgs(call: ExpressionAtom, done: Atom[], types: readonly Atom[], ret: Atom, b: Bindings, k: Frame, space: Space): void {
    const n = call.children.length;
    while (done.length < n) {
      const i = done.length;
      const a = b.apply(call.children[i]!);
      const t = types[i]!;
      if (selfEvaluating(a, t)) {
        done.push(a);
        continue;
      }
      const next = () => new ArgsFrame(k, this, call, done, types, ret, space);
      if (a.kind === 'expression' && (this.maxDepth === 0 || k.depth + 1 < this.maxDepth)) {
        const direct = directReturnType(a, t);
        if (direct !== undefined) {
          const value = this.callDirect(a, direct, b, next, space);
          if (value === undefined) return;
          done.push(value);
          continue;
        }
      }
      this.metta(a, t, b, next(), space);
      return;
    }
    let reduced: Atom[] = done;
    if (!b.isEmpty) reduced = done.map((x) => b.apply(x));
    this.mettaCall(exprOf(reduced), ret, b, k, space);
  }

  /** metta_call: one evaluation step, each result evaluated further with `type`. */
  mettaCall(call: ExpressionAtom, type: Atom, b: Bindings, k: Frame, space: Space): void {
    if (isError(call)) return this.machine.deliver(k, call, b);
    this.evalStep(call, b, new CallResultFrame(k, this, call, type, space), space);
  }

  /**
   * Runs a call that {@link directReturnType} let through, with `ret` the type its result is
   * evaluated with. Returns the call's value when it is one grounded value of that type (the
   * common case, which needs no frame at all); otherwise hands whatever the operation did to
   * the general machinery, as `metta` would have under the frame `k()`, and returns undefined.
   */
  private callDirect(call: ExpressionAtom, ret: Atom, b: Bindings, k: () => Frame, space: Space): Atom | undefined {
    const op = call.children[0] as GroundedAtom;
    let result: OpResult;
    try {
      result = op.execute!(call.children.slice(1), { call, space, bindings: b, host: this.options.host }) as OpResult;
    } catch (e) {
      this.finishGeneral(call, ret, b, k(), space, (f) => this.deliverOpFailure(e, call, b, f));
      return undefined;
    }
    if (Array.isArray(result) && result.length === 1) {
      const value = result[0] as OpAnswer;
      if ('kind' in value && value.kind === 'grounded' && (ret === UNDEFINED_TYPE || ret === GROUNDED_TYPE || value.type === ret)) {
        this.options.trace?.(b.apply(call), value);
        return value;
      }
    }
    this.finishGeneral(call, ret, b, k(), space, (f) => this.handleOpResult(result, call, b, f, space));
    return undefined;
  }

  /** The frames `metta` would have set up between `k` and an operation's answers. */
  private finishGeneral(call: ExpressionAtom, ret: Atom, b: Bindings, k: Frame, space: Space, run: (f: Frame) => void): void {
    const col = k instanceof MettaCollector ? k : new MettaCollector(k, call, b);
    run(new CallResultFrame(col, this, call, ret, space));
    if (col !== k) this.machine.release(col);
  }

  // ---------------------------------------------------------------------------------------
  // One evaluation step (`eval`)

  /** `(eval atom)`: run a grounded call or an instruction, or rewrite by the space's equations. */
  evalStep(atom: Atom, b: Bindings, k: Frame, space: Space): void {
    const head = atom.kind === 'expression' ? exprItem(atom, 0) : undefined;
    if (head !== undefined) {
      if (head.kind === 'grounded' && head.execute !== undefined) return this.callOp(head, atom as ExpressionAtom, b, k, space);
      if (isInstruction(atom)) return this.runInstruction(atom, b, k, space);
      if (head.kind === 'variable' || headIsVariable(head)) return this.machine.deliver(k, NOT_REDUCIBLE, b);
    }
    const answers = this.queryEquations(atom, b, space);
    if (answers.length === 0) return this.machine.deliver(k, NOT_REDUCIBLE, b);
    for (let i = answers.length - 1; i >= 0; i--) {
      const [value, vb] = answers[i]!;
      if (value.kind === 'expression' && value.children.length === 2 && value.children[0] === FUNCTION) {
        this.runInstruction(value, vb, k, space);
      } else {
        this.machine.deliver(k, value, vb);
      }
    }
  }

  /**
   * Every `(= <atom> $X)` answer: the value of `$X` and the branch bindings extended with
   * whatever the equation bound among the caller's variables.
   */
  queryEquations(atom: Atom, b: Bindings, space: Space): Array<[Atom, Bindings]> {
    const pattern = exprOf([EQUALS, atom, EQ_RESULT_VAR]);
    const out: Array<[Atom, Bindings]> = [];
    const callVars = isGround(atom) ? undefined : variablesOf(atom);
    for (const stored of space.candidates(pattern)) {
      if (stored.kind !== 'expression' || stored.children.length !== 3 || stored.children[0] !== EQUALS) {
        this.queryGeneral(pattern, stored, b, out);
        continue;
      }
      if (callVars === undefined && !stored.ground) {
        const value = this.instantiateForGroundCall(atom, stored);
        if (value === NEEDS_GENERAL) this.queryGeneral(pattern, stored, b, out);
        else if (value !== null) out.push([value, b]);
        continue;
      }
      const eq = stored.ground ? stored : (renameVariables(stored) as ExpressionAtom);
      const m = new Map<VariableAtom, Atom>();
      try {
        if (!unifyMut(m, atom, eq.children[1]!)) continue;
      } catch (e) {
        if (e !== NEEDS_CUSTOM_MATCH) throw e;
        this.queryGeneral(pattern, eq, b, out);
        continue;
      }
      const value = m.size === 0 ? eq.children[2]! : resolve(m, eq.children[2]!);
      let nb: Bindings | null = b;
      if (callVars !== undefined) {
        for (const x of callVars) {
          const r = resolve(m, x);
          if (r !== x) nb = nb.bind(x, r);
          if (nb === null) break;
        }
      }
      if (nb !== null) out.push([value, nb]);
    }
    return out;
  }

  /**
   * The value of equation `(= lhs rhs)` for a ground call, or null when it does not apply.
   * A ground call shares no variables with the stored equation, so the equation need not be
   * renamed first: its variables bind to parts of the call, and one pass over `rhs` fills
   * them in and gives the variables left free fresh names.
   */
  private instantiateForGroundCall(call: Atom, eq: ExpressionAtom): Atom | null | typeof NEEDS_GENERAL {
    const m = new Map<VariableAtom, Atom>();
    try {
      if (!unifyMut(m, call, eq.children[1]!)) return null;
    } catch (e) {
      if (e !== NEEDS_CUSTOM_MATCH) throw e;
      return NEEDS_GENERAL;
    }
    let fresh: Map<VariableAtom, VariableAtom> | undefined;
    return substitute(eq.children[2]!, (x) => {
      const bound = m.get(x);
      if (bound !== undefined) return bound;
      fresh ??= new Map();
      let f = fresh.get(x);
      if (f === undefined) fresh.set(x, (f = freshVariable(x)));
      return f;
    });
  }

  /** The slow path of equation lookup: full matching, for custom matchers and odd stored atoms. */
  private queryGeneral(pattern: Atom, stored: Atom, b: Bindings, out: Array<[Atom, Bindings]>): void {
    for (const r of matchAtoms(pattern, renameVariables(stored))) {
      const value = r.apply(EQ_RESULT_VAR);
      const narrowed = r.narrow(variablesOf(pattern).filter((x) => x !== EQ_RESULT_VAR));
      for (const merged of mergeBindings(b, narrowed)) out.push([value, merged]);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Grounded operations (§3.6)

  /** Calls a grounded operation; its answers go to `k` as raw values. */
  callOp(op: GroundedAtom, call: ExpressionAtom, b: Bindings, k: Frame, space: Space): void {
    const ctx: OpContext = { call, space, bindings: b, host: this.options.host };
    let result: OpResult;
    try {
      result = op.execute!(call.children.slice(1), ctx) as OpResult;
    } catch (e) {
      return this.deliverOpFailure(e, call, b, k);
    }
    this.handleOpResult(result, call, b, k, space);
  }

  /** Turns an exception from an operation into NotReducible or an error atom. */
  deliverOpFailure(e: unknown, call: Atom, b: Bindings, k: Frame): void {
    if (e instanceof NoReduce) return this.machine.deliver(k, NOT_REDUCIBLE, b);
    if (e instanceof MettaRuntimeError) return this.machine.deliver(k, errorAtom(call, e.atom), b);
    const message = e instanceof Error ? e.message : String(e);
    this.machine.deliver(k, errorAtom(call, sym(message)), b);
  }

  /** Turns what an operation returned into deliveries, evaluations or a wait. */
  handleOpResult(result: OpResult, call: ExpressionAtom, b: Bindings, k: Frame, space: Space): void {
    const m = this.machine;
    if (result instanceof EvalRequest) {
      const col = new OpEvalCollector(k, this, result, call, b, space);
      this.metta(b.apply(result.atom), result.type ?? UNDEFINED_TYPE, b, col, space);
      m.release(col);
      return;
    }
    if (isPromise(result)) {
      if (!this.options.async) {
        const msg = `${formatAtom(call.children[0]!)} is asynchronous: run the program with the asynchronous runner`;
        return m.deliver(k, errorAtom(call, sym(msg)), b);
      }
      m.await(k.owner, result, (ok, value) => {
        if (ok) this.handleOpResult(value as OpResult, call, b, k, space);
        else this.deliverOpFailure(value, call, b, k);
      });
      return;
    }
    const answers = result as readonly OpAnswer[];
    if (answers.length === 0) return m.deliver(k, EMPTY, b);
    for (let i = answers.length - 1; i >= 0; i--) {
      const a = answers[i]!;
      if ('kind' in a) {
        m.deliver(k, a, b);
      } else {
        for (const merged of mergeBindings(b, a.bindings)) m.deliver(k, merged.apply(a.atom), merged);
      }
    }
  }

  // ---------------------------------------------------------------------------------------
  // Minimal MeTTa instructions (§3.3)

  /** Runs `atom` if it is an instruction, else delivers it as a value. */
  runOrValue(atom: Atom, b: Bindings, k: Frame, space: Space): void {
    if (isInstruction(atom)) this.runInstruction(atom, b, k, space);
    else this.machine.deliver(k, atom, b);
  }

  /** Runs one minimal instruction. */
  runInstruction(instr: ExpressionAtom, b: Bindings, k: Frame, space: Space): void {
    const m = this.machine;
    const c = instr.children;
    const name = (c[0] as { name: string }).name;
    const bad = (shape: string) => m.deliver(k, errorAtom(instr, sym(`expected: ${shape}, found: ${formatAtom(instr)}`)), b);
    switch (name) {
      case 'eval':
        if (c.length !== 2) return bad('(eval <atom>)');
        return this.evalStep(c[1]!, b, k, space);
      case 'evalc': {
        const s = c[2];
        if (c.length !== 3 || !(s instanceof SpaceAtom)) return bad('(evalc <atom> <space>)');
        return this.evalStep(c[1]!, b, k, s.space);
      }
      case 'chain': {
        if (c.length !== 4 || c[2]!.kind !== 'variable') return bad('(chain <nested> (: <var> Variable) <templ>)');
        return this.runOrValue(c[1]!, b, new ChainFrame(k, this, c[2] as VariableAtom, c[3]!, space), space);
      }
      case 'unify': {
        if (c.length !== 5) return bad('(unify <atom> <pattern> <then> <else>)');
        const answers = matchAtoms(c[1]!, c[2]!, b);
        if (answers.length === 0) return m.deliver(k, c[4]!, b);
        for (let i = answers.length - 1; i >= 0; i--) m.deliver(k, answers[i]!.apply(c[3]!), answers[i]!);
        return;
      }
      case 'decons-atom': {
        const e = c[1];
        if (c.length !== 2 || e?.kind !== 'expression' || exprLength(e) === 0) {
          return bad('(decons-atom (: <expr> Expression))');
        }
        return m.deliver(k, exprOf([exprItem(e, 0)!, exprTail(e, 1)]), b);
      }
      case 'cons-atom': {
        const t = c[2];
        if (c.length !== 3 || t?.kind !== 'expression') return bad('(cons-atom <head> (: <tail> Expression))');
        return m.deliver(k, exprCons(c[1]!, t), b);
      }
      case 'function': {
        if (c.length !== 2 || c[1]!.kind !== 'expression') return bad('(function (: <body> Expression))');
        return this.runOrValue(c[1]!, b, new FunctionFrame(k, this, instr, space), space);
      }
      case 'collapse-bind': {
        if (c.length !== 2) return bad('(collapse-bind <atom>)');
        const col = new CollapseBindCollector(k, b);
        this.runOrValue(c[1]!, b, col, space);
        m.release(col);
        return;
      }
      case 'superpose-bind': {
        const e = c[1];
        if (c.length !== 2 || e?.kind !== 'expression') return bad('(superpose-bind (: <collapsed> Expression))');
        for (let i = e.children.length - 1; i >= 0; i--) {
          const pair = e.children[i]!;
          if (pair.kind !== 'expression' || pair.children.length !== 2) continue;
          const extra = pair.children[1] instanceof BindingsAtom ? pair.children[1].bindings : Bindings.EMPTY;
          for (const merged of mergeBindings(b, extra)) m.deliver(k, merged.apply(pair.children[0]!), merged);
        }
        return;
      }
      case 'metta': {
        const s = c[3];
        if (c.length !== 4 || !(s instanceof SpaceAtom)) return bad('(metta atom type space)');
        return this.metta(c[1]!, c[2]!, b, k, s.space);
      }
      case 'context-space':
        if (c.length !== 1) return bad('(context-space)');
        return m.deliver(k, spaceAtomOf(space), b);
    }
    m.deliver(k, instr, b);
  }
}

/** Atoms that `metta(atom, type)` would return unchanged, so no task is needed. */
function selfEvaluating(a: Atom, t: Atom): boolean {
  if (t === ATOM_TYPE) return true;
  switch (a.kind) {
    case 'variable':
      return true;
    case 'symbol':
      return t === UNDEFINED_TYPE || t === SYMBOL_TYPE;
    case 'grounded':
      // A parametric type, like a state's `(StateMonad Number)`, arrives as an equal copy.
      return t === UNDEFINED_TYPE || t === GROUNDED_TYPE || a.type === t || (t.kind === 'expression' && t.ground && atomEq(a.type, t));
    case 'expression':
      return t === EXPRESSION_TYPE || a.evaluated;
  }
}

/** Is `x` taken as it is by the tuple path (see {@link selfEvaluating})? */
function isSelfEvaluatingElement(x: Atom): boolean {
  return x.kind !== 'expression' || x.evaluated;
}

/** Whether a list's elements are all self-evaluating, remembered per list storage. */
const SELF_EVALUATING = new ElementTest(isSelfEvaluatingElement);

/** A head like `($f $x)` whose own head is (recursively) a variable. */
function headIsVariable(head: Atom): boolean {
  while (head.kind === 'expression' && head.children.length > 0) head = head.children[0]!;
  return head.kind === 'variable';
}

function isPromise(x: unknown): x is Promise<unknown> {
  return typeof (x as { then?: unknown } | null)?.then === 'function';
}

// -----------------------------------------------------------------------------------------
// Frames

/** Collects the final results of a top-level evaluation. */
class RootCollector extends Collector {
  results: Atom[] = [];
  constructor() {
    super(null);
    this.pending = 1; // released by the evaluator once the first task is scheduled
  }
  finish(): void {
    for (let i = 0; i < this.values.length; i++) {
      const v = this.bindings[i]!.apply(this.values[i]!);
      if (v !== EMPTY) this.results.push(v);
    }
  }
}

/**
 * The collector of one expression evaluation: once every alternative is in, errors are
 * dropped if any alternative succeeded (check_alternatives).
 */
class MettaCollector extends Collector {
  /** Variables the frames above may still look at; bindings of others are dropped. */
  private relevant: VariableAtom[] | undefined;

  constructor(
    parent: Frame,
    private readonly input: Atom,
    private readonly start: Bindings,
  ) {
    super(parent);
    this.pending = 1; // the body that is started right after construction
  }

  /**
   * `b` reduced to what the frames above this collector can see: the start bindings plus
   * the values of the input's variables. Without this, a loop whose body binds local
   * variables (a `let` per step) would carry every step's bindings to the end.
   */
  prune(b: Bindings): Bindings {
    if (b === this.start || b.size <= this.start.size) return b;
    if (this.relevant === undefined) {
      const vars = new Set(variablesOf(this.start.apply(this.input)));
      for (const [key] of this.start.entries()) for (const x of variablesOf(this.start.apply(key))) vars.add(x);
      this.relevant = [...vars];
    }
    let out: Bindings | null = this.start;
    for (const x of this.relevant) {
      const r = b.apply(x);
      if (r !== x) out = out.bind(x, r);
      if (out === null) return b;
    }
    return out;
  }

  finish(m: Machine): void {
    const vals = this.values;
    let anyOk = false;
    for (const v of vals) if (!isError(v)) anyOk = true;
    for (let i = vals.length - 1; i >= 0; i--) {
      const v = vals[i]!;
      if (anyOk && isError(v)) continue;
      const b = this.bindings[i]!;
      m.deliver(this.parent!, b.apply(v), this.prune(b));
    }
  }
}

/** `(collapse-bind X)`: one expression of `(<result> <bindings>)` pairs. */
class CollapseBindCollector extends Collector {
  constructor(
    parent: Frame,
    private readonly start: Bindings,
  ) {
    super(parent);
    this.pending = 1;
  }
  finish(m: Machine): void {
    const pairs: Atom[] = [];
    for (let i = 0; i < this.values.length; i++) {
      const v = this.values[i]!;
      if (v === EMPTY) continue;
      pairs.push(exprOf([this.bindings[i]!.apply(v), new BindingsAtom(this.bindings[i]!)]));
    }
    m.deliver(this.parent!, exprOf(pairs), this.start);
  }
}

/** Gathers the evaluation an operation asked for, then hands it the results. */
class OpEvalCollector extends Collector {
  constructor(
    parent: Frame,
    private readonly ev: Evaluator,
    private readonly request: EvalRequest,
    private readonly call: ExpressionAtom,
    private readonly start: Bindings,
    private readonly space: Space,
  ) {
    super(parent);
    this.pending = 1;
  }
  finish(): void {
    const results: Evaluated[] = [];
    for (let i = 0; i < this.values.length; i++) {
      const v = this.values[i]!;
      if (v !== EMPTY) results.push({ atom: this.bindings[i]!.apply(v), bindings: this.bindings[i]! });
    }
    let next: OpResult;
    try {
      next = this.request.then(results);
    } catch (e) {
      return this.ev.deliverOpFailure(e, this.call, this.start, this.parent!);
    }
    this.ev.handleOpResult(next, this.call, this.start, this.parent!, this.space);
  }
}

/** Waits for the value of argument `done.length` of a call being reduced. */
class ArgsFrame extends Frame {
  constructor(
    parent: Frame,
    private readonly ev: Evaluator,
    private readonly call: ExpressionAtom,
    private readonly done: readonly Atom[],
    private readonly types: readonly Atom[],
    private readonly ret: Atom,
    private readonly space: Space,
  ) {
    super(parent);
  }
  resume(m: Machine, value: Atom, b: Bindings): void {
    if (value === EMPTY || isError(value)) {
      // A literal Empty or error passed as the argument goes through; a computed one ends the call.
      const original = b.apply(this.call.children[this.done.length]!);
      if (!alphaEq(value, original)) {
        if (value !== EMPTY) m.deliver(this.parent!, value, b);
        return;
      }
    }
    this.ev.stepArgs(this.call, [...this.done, value], this.types, this.ret, b, this.parent!, this.space);
  }
}

/** Post-processing of one `eval` result inside metta_call. */
class CallResultFrame extends Frame {
  constructor(
    parent: Frame,
    private readonly ev: Evaluator,
    private readonly call: ExpressionAtom,
    private readonly type: Atom,
    private readonly space: Space,
  ) {
    super(parent);
  }
  resume(m: Machine, value: Atom, b: Bindings): void {
    if (value === NOT_REDUCIBLE) return m.deliver(this.parent!, withEvaluatedFlag(b.apply(this.call) as ExpressionAtom), b);
    this.ev.options.trace?.(b.apply(this.call), b.apply(value));
    if (value === EMPTY) return;
    if (isError(value)) return m.deliver(this.parent!, value, b);
    this.ev.metta(value, this.type, b, this.parent!, this.space);
  }
}

/** `(chain <atom> $var <template>)`: continues with the template for each value. */
class ChainFrame extends Frame {
  constructor(
    parent: Frame,
    private readonly ev: Evaluator,
    private readonly variable: VariableAtom,
    private readonly template: Atom,
    private readonly space: Space,
  ) {
    super(parent);
  }
  resume(_m: Machine, value: Atom, b: Bindings): void {
    const t = substitute(b.apply(this.template), (x) => (x === this.variable ? value : undefined));
    this.ev.runOrValue(t, b, this.parent!, this.space);
  }
}

/** `(function <body>)`: runs until the body yields `(return X)`. */
class FunctionFrame extends Frame {
  constructor(
    parent: Frame,
    private readonly ev: Evaluator,
    private readonly call: ExpressionAtom,
    private readonly space: Space,
  ) {
    super(parent);
  }
  resume(m: Machine, value: Atom, b: Bindings): void {
    if (value.kind === 'expression' && value.children.length === 2 && value.children[0] === RETURN) {
      return m.deliver(this.parent!, value.children[1]!, b);
    }
    if (isInstruction(value)) return this.ev.runInstruction(value, b, this, this.space);
    m.deliver(this.parent!, errorAtom(this.call, NO_RETURN), b);
  }
}

