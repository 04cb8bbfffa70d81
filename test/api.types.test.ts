/**
 * Type tests of the public API. `expectTypeOf` checks happen at compile time, so the last test
 * compiles this very file with the TypeScript compiler and fails on any type error; the
 * `@ts-expect-error` lines pin what must NOT compile.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expectTypeOf, expect, it } from 'vitest';
import {
  bindingsToObject,
  EvaluationStopped,
  expr,
  fromJS,
  GroundedOp,
  GroundingSpace,
  isErrorAtom,
  MeTTa,
  metta,
  mettaTemplate,
  querySpace,
  sym,
  toJS,
  v,
  type Atom,
  type Bindings,
  type CandidateSource,
  type ExpressionAtom,
  type GroundedAtom,
  type HostFunction,
  type JSInput,
  type JSValue,
  type ReadableSpace,
  type RunOutcome,
  type RunnerCheckpoint,
  type Space,
  type SpaceEvent,
  type SymbolAtom,
  type Tokenizer,
  type VariableAtom,
} from '../src/index.js';

describe('public types', () => {
  it('atom builders', () => {
    expectTypeOf(sym).toEqualTypeOf<(name: string) => SymbolAtom>();
    expectTypeOf(v).toEqualTypeOf<(name: string) => VariableAtom>();
    expectTypeOf(expr).toEqualTypeOf<(...children: Atom[]) => ExpressionAtom>();
    expectTypeOf(metta).returns.toEqualTypeOf<Atom>();
    expectTypeOf(mettaTemplate).parameter(0).toEqualTypeOf<Tokenizer>();
    // Never called: these only have to fail to compile.
    const refused = [
      // @ts-expect-error an object is not interpolable
      () => metta`(f ${{ a: 1 }})`,
      // @ts-expect-error nor is null
      () => metta`(f ${null})`,
    ];
    expect(refused).toHaveLength(2);
  });

  it('conversions', () => {
    expectTypeOf(toJS).toEqualTypeOf<(atom: Atom) => JSValue>();
    expectTypeOf(fromJS).toEqualTypeOf<(value: JSInput) => Atom>();
    expectTypeOf<number>().toExtend<JSValue>();
    expectTypeOf<bigint>().toExtend<JSValue>();
    expectTypeOf<string[][]>().toExtend<JSValue>();
    expectTypeOf<GroundedAtom>().toExtend<JSValue>();
    expectTypeOf<[Atom, 1, ['x', true, 2n]]>().toExtend<JSInput>();
    expectTypeOf<undefined>().not.toExtend<JSInput>();
    expectTypeOf(bindingsToObject).toEqualTypeOf<(bindings: Bindings) => Record<string, Atom>>();
  });

  it('runner', () => {
    const runner = new MeTTa();
    expectTypeOf(runner.run).returns.toEqualTypeOf<RunOutcome>();
    expectTypeOf(runner.runAsync).returns.toEqualTypeOf<Promise<RunOutcome>>();
    expectTypeOf(runner.runFile).returns.toEqualTypeOf<RunOutcome>();
    expectTypeOf(runner.runFileAsync).returns.toEqualTypeOf<Promise<RunOutcome>>();
    expectTypeOf(runner.evaluate).toEqualTypeOf<(atom: Atom) => Atom[]>();
    expectTypeOf<RunOutcome['results']>().toEqualTypeOf<Atom[][]>();
    expectTypeOf(runner.register).returns.toEqualTypeOf<GroundedOp>();
    expectTypeOf(runner.register).parameter(1).toEqualTypeOf<string | Atom>();
    expectTypeOf(runner.top.space).toExtend<Space>();
    expectTypeOf(runner.checkpoint).returns.toEqualTypeOf<RunnerCheckpoint>();
    expectTypeOf(runner.restore).parameter(0).toEqualTypeOf<RunnerCheckpoint>();
  });

  it('host functions', () => {
    expectTypeOf<(a: Atom, b: Atom) => number>().toExtend<HostFunction>();
    expectTypeOf<() => void>().toExtend<HostFunction>();
    expectTypeOf<(a: Atom) => Promise<Atom[]>>().toExtend<HostFunction>();
    expectTypeOf<(a: Atom) => Promise<string>>().toExtend<HostFunction>();
    expectTypeOf<(a: number) => number>().not.toExtend<HostFunction>();
    expectTypeOf<() => { x: 1 }>().not.toExtend<HostFunction>();
    expectTypeOf<() => null>().not.toExtend<HostFunction>();
  });

  it('spaces', () => {
    const space = new GroundingSpace();
    expectTypeOf(space).toExtend<Space>();
    expectTypeOf(space.query).returns.toEqualTypeOf<Bindings[]>();
    expectTypeOf(space.snapshot).returns.toEqualTypeOf<ReadableSpace>();
    expectTypeOf(space.observe).parameter(0).toEqualTypeOf<(event: SpaceEvent) => void>();
    expectTypeOf(space.transaction((s) => s.size)).toEqualTypeOf<number>();
    expectTypeOf(space.transaction).parameter(0).parameter(0).toEqualTypeOf<GroundingSpace>();
    // @ts-expect-error a snapshot cannot be written to
    const write = () => space.snapshot().add(sym('a'));
    expect(write).toThrow(TypeError);
  });

  it('custom spaces', () => {
    expectTypeOf(querySpace).toEqualTypeOf<(source: CandidateSource, pattern: Atom, base?: Bindings) => Bindings[]>();
    expectTypeOf<CandidateSource>().toEqualTypeOf<{ candidates(pattern: Atom): Iterable<Atom> }>();
    // Every space, and every snapshot, is a candidate source.
    expectTypeOf<ReadableSpace>().toExtend<CandidateSource>();
    expectTypeOf<GroundingSpace>().toExtend<CandidateSource>();
    expectTypeOf({ candidates: (_p: Atom): Atom[] => [] }).toExtend<CandidateSource>();
    // @ts-expect-error a source must list candidates, not just hold atoms
    const refused: CandidateSource = { atoms: (): Atom[] => [] };
    expect(refused).toBeDefined();
  });

  it('stopping and errors', () => {
    expectTypeOf<EvaluationStopped>().toExtend<Error>();
    expectTypeOf<EvaluationStopped['reason']>().toEqualTypeOf<'steps' | 'interrupted'>();
    expectTypeOf(isErrorAtom).toEqualTypeOf<(atom: Atom) => atom is ExpressionAtom>();
    const results: Atom[] = new MeTTa().run('!(+ 1 "a")').results.flat();
    const error = results.find(isErrorAtom);
    expectTypeOf(error).toEqualTypeOf<ExpressionAtom | undefined>();
    expect(error?.children[0]).toEqual(sym('Error'));
  });

  it('this file type-checks', () => {
    const file = fileURLToPath(import.meta.url);
    const program = ts.createProgram([file], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).toEqual([]);
  });
});
