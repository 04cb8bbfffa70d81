/**
 * The MeTTa runner (§3.1): reads a program one top-level atom at a time, adds plain atoms
 * to the module's space, evaluates `!` atoms, and stops at the first error result. It also
 * owns modules (§5.11): loading, importing, tokens and the core library.
 *
 * @module
 */
import { sym, type Atom } from '../atomspace/atom.js';
import { formatAtom } from '../atomspace/format.js';
import { GroundingSpace } from '../atomspace/grounding-space.js';
import type { Space } from '../atomspace/space.js';
import { SpaceAtom } from '../atomspace/space-atom.js';
import { IntAtom, StringAtom } from '../atomspace/values.js';
import { GroundedOp, MettaRuntimeError, type OpHost } from './grounded.js';
import { Evaluator } from './interpreter/evaluator.js';
import { isError } from './interpreter/symbols.js';
import { ModuleSpace } from './module-space.js';
import { spaceAtomOf } from './space-atoms.js';
import { parseAtom, SExprParser } from './parser.js';
import { arithmeticOps } from './stdlib/arithmetic.js';
import { atomOps } from './stdlib/atoms.js';
import { coreOps, type CoreEnvironment } from './stdlib/core-ops.js';
import { CORELIB_METTA } from './stdlib/corelib-metta.js';
import { docOps } from './stdlib/docs.js';
import { DOCS_METTA } from './stdlib/docs-metta.js';
import { mathOps, mathTokens } from './stdlib/math.js';
import { textOps } from './stdlib/text.js';
import { Tokenizer, registerStandardTokens } from './tokenizer.js';
import { staticTypeErrors } from './types.js';
import { builtinModules, type BuiltinModule } from './modules/builtin.js';
import { NoModuleFiles, type ModuleFiles } from './module-files.js';
// The browser bundle (scripts/build-browser.mjs) replaces this import with platform-browser.js.
import { PLATFORM } from './platform-node.js';
import type { RunnerIO } from './platform.js';
import { hostOp, type HostFunction } from '../api/host-function.js';

export { MettaFileError } from './module-files.js';
export type { RunnerIO } from './platform.js';

/** Options of one {@link MeTTa.run}. */
export interface RunOptions {
  /** File name for error messages and relative imports. */
  readonly file?: string;
  /** Called after each `!` with its results, as soon as they are known. */
  readonly onResult?: (results: Atom[], atom: Atom) => void;
  /**
   * Called while the source is read, with how far the parser has got: `done` is the offset
   * (in UTF-16 code units) where the last top-level atom read starts, `total` the length of
   * the source. Called at most every {@link PROGRESS_INTERVAL_MS} (checked every 64 atoms,
   * so a slow `!` delays it) and once more with `done === total` when the whole source has
   * been read. For progress bars over large files.
   */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A runner's state as {@link MeTTa.checkpoint} recorded it; pass it to {@link MeTTa.restore}. */
export interface RunnerCheckpoint {
  /** The top tokenizer's {@link Tokenizer.mark}. */
  readonly tokens: number;
  /** How many tokens the top module had registered itself. */
  readonly ownTokens: number;
  /** How many module spaces the top space depended on. */
  readonly dependencies: number;
  /** The loaded modules, by path or built-in name. */
  readonly modules: ReadonlyMap<string, Module>;
  /** `type-check auto`, `interpreter bare-minimal`, `max-stack-depth`. */
  readonly pragmas: readonly [boolean, boolean, number];
}

/** What a run produced: one result list per `!`, and whether it stopped on an error. */
export interface RunOutcome {
  /**
   * One entry per `!` run, in source order: the atoms it evaluated to (empty when it had no
   * result). When the run stopped on an error, the last entry holds the error.
   */
  readonly results: Atom[][];
  /**
   * True when a `!` gave an `(Error …)` result and the rest of the source was skipped, as the
   * reference does; check it (or look for errors with `isErrorAtom`) before trusting the results.
   */
  readonly stoppedOnError: boolean;
}

/** Settings of a runner. */
export interface MeTTaOptions {
  /** Output of `println!` and friends; defaults to the process streams (the console in a browser). */
  readonly io?: RunnerIO;
  /**
   * Where `runFile`, `import!`, `include` and `register-module!` read MeTTa files: on Node
   * the local file system by default; in a browser nothing unless a host is given here,
   * such as a `MemoryModuleFiles` holding the modules a page provides.
   */
  readonly files?: ModuleFiles;
  /** Directory that relative imports of the top module start from; defaults to the file host's current one. */
  readonly cwd?: string;
  /**
   * Stop each evaluation after this many machine steps (0: no limit): the run or evaluate
   * call then throws an {@link EvaluationStopped} whose `reason` is `'steps'`.
   */
  readonly maxSteps?: number;
  /**
   * Polled during evaluation; returning true interrupts it: the run or evaluate call then
   * throws an {@link EvaluationStopped} whose `reason` is `'interrupted'`.
   */
  readonly shouldStop?: () => boolean;
  /** Called for every reduction step (a call and a value it reduced to), e.g. to print a trace. */
  readonly trace?: (call: Atom, value: Atom) => void;
}

/** A module: a space, a tokenizer, and where its source lives. */
export class Module {
  /** Tokens this module registered itself (`bind!`), passed on to modules that import it. */
  readonly ownTokens: Array<[string | RegExp, Atom]> = [];
  constructor(
    /** The module's name: `top`, a built-in module's name, or the name it was imported by. */
    readonly name: string,
    /** The directory the module's relative imports and `include`s start from. */
    readonly dir: string,
    /** The module's space (`&self` inside it): its own atoms, plus those of what it imported for queries. */
    readonly space: ModuleSpace,
    /** Reads the module's source: its tokens, those it imported, and the standard ones. */
    readonly tokenizer: Tokenizer,
  ) {}
}

/** A MeTTa runner: a top module, the core library, and the modules loaded so far. */
export class MeTTa {
  /** Where the program's output goes. */
  readonly io: RunnerIO;
  /** The top module: `top.space` is `&self` of the programs run here, `top.tokenizer` reads their words. */
  readonly top: Module;
  /** The space of the core library, a dependency of every module's space. */
  readonly corelib: Space;
  private readonly baseTokens: Tokenizer;
  private readonly modulesBySpace = new WeakMap<Space, Module>();
  private readonly modulesByKey = new Map<string, Module>();
  private readonly builtins: Map<string, BuiltinModule>;
  private readonly files: ModuleFiles;
  private typeCheckAuto = false;
  private bareMinimal = false;
  private maxStackDepth = 0;
  private readonly host: OpHost;
  private readonly parsed = new Map<string, Atom>();

  constructor(private readonly options: MeTTaOptions = {}) {
    this.io = options.io ?? PLATFORM.defaultIO();
    this.files = options.files ?? PLATFORM.defaultFiles();
    this.host = { stdout: (t) => this.io.stdout(t), stderr: (t) => this.io.stderr(t) };
    this.baseTokens = new Tokenizer();
    registerStandardTokens(this.baseTokens);
    const env = this.environment();
    const ops: GroundedOp[] = [...coreOps(env), ...docOps(env), ...arithmeticOps(), ...mathOps(), ...textOps(), ...atomOps()];
    for (const o of ops) this.baseTokens.registerAtom(exact(o.name), o);
    for (const [name, atom] of mathTokens()) this.baseTokens.registerAtom(exact(name), atom);
    this.builtins = builtinModules(PLATFORM.builtinModules());

    this.corelib = new GroundingSpace('corelib');
    const coreTokens = this.baseTokens.clone();
    for (const [text, file] of [[CORELIB_METTA, '<corelib>'], [DOCS_METTA, '<docs>']] as const) {
      const parser = new SExprParser(text, { file });
      for (let a = parser.next(coreTokens); a !== null; a = parser.next(coreTokens)) this.corelib.add(a);
    }

    this.top = this.newModule('top', this.files.resolve(this.files.currentDirectory(), options.cwd ?? '.'));
  }

  /** Runs MeTTa source in the top module (synchronous: asynchronous operations give errors). */
  run(source: string, options: RunOptions = {}): RunOutcome {
    return this.runIn(this.top, source, options);
  }

  /** Runs MeTTa source in the top module, awaiting asynchronous operations. */
  async runAsync(source: string, options: RunOptions = {}): Promise<RunOutcome> {
    const program = this.program(this.top, source, options);
    let step = program.next();
    while (!step.done) step = program.next(await this.evaluator(true).evaluateAsync(step.value, this.top.space));
    return step.value;
  }

  /**
   * Reads a file through the runner's file host ({@link MeTTaOptions.files}) and runs it in
   * the top module; relative imports start from the file's directory. Throws a
   * {@link MettaFileError} when the file cannot be read (always, in a browser given no host).
   */
  runFile(path: string, options: Omit<RunOptions, 'file'> = {}): RunOutcome {
    const source = this.files.readText(path);
    const previous = this.top.dir;
    (this.top as { dir: string }).dir = this.fileDirectory(path);
    try {
      return this.run(source, { ...options, file: path });
    } finally {
      (this.top as { dir: string }).dir = previous;
    }
  }

  /** Reads and runs a file in the top module like {@link runFile}, awaiting asynchronous operations. */
  async runFileAsync(path: string, options: Omit<RunOptions, 'file'> = {}): Promise<RunOutcome> {
    const source = this.files.readText(path);
    const previous = this.top.dir;
    (this.top as { dir: string }).dir = this.fileDirectory(path);
    try {
      return await this.runAsync(source, { ...options, file: path });
    } finally {
      (this.top as { dir: string }).dir = previous;
    }
  }

  /**
   * Makes a TypeScript function a grounded operation of the top module: source run or parsed
   * with the top module's tokenizer afterwards reads `name` as the operation. `type` (text
   * such as `(-> Number Number Number)`, or an atom) drives argument evaluation and type
   * checking as for built-in operations. An argument whose type is known and does not match
   * the declared one (a string where `Number` is declared, an error) makes the call an
   * `(Error … (BadArgType …))` without calling `fn`. An argument of unknown type matches every
   * type, as in the reference, so it does reach `fn`: a symbol with no declared type (`Paris`),
   * an expression that does not reduce and has no type (`(foo bar)`), a variable. `fn` should
   * therefore check what it relies on (with `isNumber`, say) and throw otherwise.
   * `fn` returns one result, an array of results, or a promise of either (then run the
   * program with {@link runAsync}); a throw becomes `(Error <call> "<message>")`. Returns the
   * operation atom, for building expressions in TypeScript.
   */
  register(name: string, type: string | Atom, fn: HostFunction): GroundedOp {
    if (name.length === 0 || /[\s();"]/.test(name) || name.startsWith('$')) {
      throw new Error(`cannot register ${JSON.stringify(name)}: an operation name is one MeTTa word`);
    }
    const op = hostOp(name, type, fn);
    this.top.tokenizer.registerAtom(exact(name), op);
    return op;
  }

  /**
   * Binds a token of the top module to an atom, as `bind!` does: source read afterwards sees
   * `token` as that atom. Given a {@link Space} (say, one an app backs with its own database),
   * the token stands for that space, so `(match &db <pattern> <template>)` queries it like any
   * other space. Returns the atom the token now reads as.
   */
  bind(token: string, value: Atom | Space): Atom {
    if (token.length === 0 || /[\s();"]/.test(token)) {
      throw new Error(`cannot bind ${JSON.stringify(token)}: a token is one MeTTa word`);
    }
    const atom = isAtomValue(value) ? value : this.spaceAtom(value);
    this.top.tokenizer.registerAtom(exact(token), atom);
    return atom;
  }

  /** Evaluates one atom in the top module and returns its results. */
  evaluate(atom: Atom): Atom[] {
    return this.evaluator(false).evaluate(atom, this.top.space);
  }

  /**
   * Records what running source can change in this runner besides the atoms of spaces: the
   * top module's tokens (`bind!`, imports), the modules its queries see (`import!`), the
   * modules loaded so far, and the pragmas. {@link restore} goes back to it; the REPL's
   * `:undo` pairs it with a snapshot of the top space.
   */
  checkpoint(): RunnerCheckpoint {
    return {
      tokens: this.top.tokenizer.mark(),
      ownTokens: this.top.ownTokens.length,
      dependencies: this.top.space.dependencies.length,
      modules: new Map(this.modulesByKey),
      pragmas: [this.typeCheckAuto, this.bareMinimal, this.maxStackDepth],
    };
  }

  /**
   * Puts back the state {@link MeTTa.checkpoint | checkpoint} recorded: later tokens of the
   * top module and later imports into it are forgotten, and modules loaded since are unloaded
   * (importing one again reads its file again). Checkpoints taken after `checkpoint` become
   * invalid.
   */
  restore(checkpoint: RunnerCheckpoint): void {
    this.top.tokenizer.rewind(checkpoint.tokens);
    this.top.ownTokens.length = checkpoint.ownTokens;
    this.top.space.truncateDependencies(checkpoint.dependencies);
    this.modulesByKey.clear();
    for (const [key, module] of checkpoint.modules) this.modulesByKey.set(key, module);
    [this.typeCheckAuto, this.bareMinimal, this.maxStackDepth] = checkpoint.pragmas;
  }

  /**
   * True when anything {@link MeTTa.checkpoint | checkpoint} records has changed since
   * `checkpoint` was taken.
   */
  changedSince(checkpoint: RunnerCheckpoint): boolean {
    const now = this.checkpoint();
    return (
      now.tokens !== checkpoint.tokens ||
      now.ownTokens !== checkpoint.ownTokens ||
      now.dependencies !== checkpoint.dependencies ||
      now.modules.size !== checkpoint.modules.size ||
      [...now.modules].some(([key, module]) => checkpoint.modules.get(key) !== module) ||
      now.pragmas.some((p, i) => p !== checkpoint.pragmas[i])
    );
  }

  /** Parses and adds or evaluates each top-level atom of `source` inside `module`. */
  private runIn(module: Module, source: string, options: RunOptions): RunOutcome {
    const program = this.program(module, source, options);
    let step = program.next();
    while (!step.done) step = program.next(this.evaluateIn(module, step.value));
    return step.value;
  }

  /**
   * The top-level loop (§3.1), shared by the synchronous and asynchronous drivers: adds plain
   * atoms, yields each `!` atom for the driver to evaluate and takes back its results, and
   * stops at the first error result.
   */
  private *program(module: Module, source: string, options: RunOptions): Generator<Atom, RunOutcome, Atom[]> {
    const results: Atom[][] = [];
    const parser = new SExprParser(source, { file: options.file });
    const progress = options.onProgress === undefined ? undefined : progressReporter(parser, source.length, options.onProgress);
    for (;;) {
      const step = this.nextStep(parser, module);
      progress?.(step === null);
      if (step === null) return { results, stoppedOnError: false };
      if (step.kind === 'add') continue;
      const r = step.errors ?? (yield step.atom);
      results.push(r);
      options.onResult?.(r, step.atom);
      if (r.some(isError)) return { results, stoppedOnError: true };
    }
  }

  /**
   * Reads the next top-level atom: adds it to the space (unless type checking rejects it)
   * or returns it for evaluation. Null at the end of the input.
   */
  private nextStep(parser: SExprParser, module: Module): { kind: 'add' } | { kind: 'eval'; atom: Atom; errors?: Atom[] } | null {
    const atom = parser.next(module.tokenizer);
    if (atom === null) return null;
    if (atom === BANG) {
      const target = parser.next(module.tokenizer);
      if (target === null) return null;
      const errors = this.typeCheckAuto ? staticTypeErrors(module.space, target) : [];
      return errors.length > 0 ? { kind: 'eval', atom: target, errors } : { kind: 'eval', atom: target };
    }
    if (this.typeCheckAuto) {
      const errors = staticTypeErrors(module.space, atom);
      if (errors.length > 0) return { kind: 'eval', atom, errors };
    }
    module.space.add(atom);
    return { kind: 'add' };
  }

  private evaluateIn(module: Module, atom: Atom): Atom[] {
    const ev = this.evaluator(false);
    return this.bareMinimal ? ev.evaluateMinimal(atom, module.space) : ev.evaluate(atom, module.space);
  }

  private evaluator(async: boolean): Evaluator {
    return new Evaluator({
      host: this.host,
      maxStackDepth: this.maxStackDepth,
      async,
      maxSteps: this.options.maxSteps,
      shouldStop: this.options.shouldStop,
      trace: this.options.trace,
    });
  }

  // ---------------------------------------------------------------------------------------
  // Modules

  private newModule(name: string, dir: string): Module {
    const space = new ModuleSpace(new GroundingSpace(name));
    space.addDependency(this.corelib);
    const tokenizer = this.baseTokens.clone();
    const module = new Module(name, dir, space, tokenizer);
    tokenizer.registerAtom(exact('&self'), this.spaceAtom(space));
    this.modulesBySpace.set(space, module);
    this.modulesBySpace.set(space.main, module);
    return module;
  }

  /** The module a space belongs to (the top module for spaces that are no module's). */
  private moduleOf(space: Space): Module {
    return this.modulesBySpace.get(space) ?? this.top;
  }

  private spaceAtom(space: Space): SpaceAtom {
    return spaceAtomOf(space);
  }

  /** Finds and loads (once) the module `name` as seen from `from`. */
  private loadModule(from: Module, name: Atom): Module {
    const text = name instanceof StringAtom ? name.value : formatAtom(name);
    const builtin = this.builtins.get(text);
    if (builtin !== undefined) return this.loadBuiltin(text, builtin);
    if (text === 'top') return this.top;
    const path = this.resolveModulePath(from, text);
    return this.loadModuleFile(path, text);
  }

  private loadModuleFile(path: string, name: string): Module {
    const cached = this.modulesByKey.get(path);
    if (cached !== undefined) return cached;
    const source = this.files.readText(path);
    const module = this.newModule(name, this.files.dirname(path));
    this.modulesByKey.set(path, module);
    let outcome: RunOutcome;
    try {
      outcome = this.runIn(module, source, { file: path });
    } catch (e) {
      this.modulesByKey.delete(path);
      throw new MettaRuntimeError(e instanceof Error && 'format' in e ? String((e as { format(): string }).format()) : String(e));
    }
    if (outcome.stoppedOnError) {
      this.modulesByKey.delete(path);
      const last = outcome.results[outcome.results.length - 1]!.find(isError)!;
      throw new MettaRuntimeError(`module ${name} failed to load: ${formatAtom(last)}`);
    }
    return module;
  }

  private loadBuiltin(name: string, builtin: BuiltinModule): Module {
    const key = 'builtin:' + name;
    const cached = this.modulesByKey.get(key);
    if (cached !== undefined) return cached;
    const module = this.newModule(name, this.top.dir);
    this.modulesByKey.set(key, module);
    for (const o of builtin.ops) {
      module.tokenizer.registerAtom(exact(o.name), o);
      module.ownTokens.push([exact(o.name), o]);
    }
    for (const [token, atom] of builtin.tokens) {
      module.tokenizer.registerAtom(exact(token), atom);
      module.ownTokens.push([exact(token), atom]);
    }
    if (builtin.source) this.runIn(module, builtin.source, { file: `<${name}>` });
    return module;
  }

  private resolveModulePath(from: Module, name: string): string {
    let rel = name.replace(/^(top|self):/, '');
    rel = rel.split(':').join('/');
    const base = this.files.resolve(from.dir, rel);
    for (const candidate of [base, base + '.metta', this.files.resolve(base, 'module.metta')]) {
      if (this.files.isFile(candidate)) return candidate;
    }
    const unavailable = PLATFORM.unavailableModules.get(name);
    if (unavailable !== undefined) throw new MettaRuntimeError(`Failed to resolve module ${name}: ${unavailable}`);
    const hint = this.files instanceof NoModuleFiles ? `; ${NoModuleFiles.REASON}` : '';
    throw new MettaRuntimeError(`Failed to resolve module ${name}: no ${rel}.metta or ${rel}/module.metta in ${from.dir}${hint}`);
  }

  /** The absolute directory of a file named relative to the file host's current directory. */
  private fileDirectory(path: string): string {
    return this.files.dirname(this.files.resolve(this.files.currentDirectory(), path));
  }

  private environment(): CoreEnvironment {
    return {
      newSpace: () => new GroundingSpace(),
      spaceAtom: (space) => this.spaceAtom(space),
      setPragma: (key, value) => {
        if (key === 'type-check') this.typeCheckAuto = value.kind === 'symbol' && value.name === 'auto';
        else if (key === 'interpreter') this.bareMinimal = value.kind === 'symbol' && value.name === 'bare-minimal';
        else if (key === 'max-stack-depth' && value instanceof IntAtom) this.maxStackDepth = Number(value.value);
      },
      importModule: (space, target, name) => {
        const importer = this.moduleOf(space);
        const module = this.loadModule(importer, name);
        if (target instanceof SpaceAtom && (target.space === importer.space || target.space === importer.space.main)) {
          importer.space.addDependency(module.space.main);
          for (const dep of module.space.dependencies) importer.space.addDependency(dep);
          for (const [token, atom] of module.ownTokens) {
            importer.tokenizer.registerAtom(token, atom);
            importer.ownTokens.push([token, atom]);
          }
          return;
        }
        const label = target.kind === 'symbol' ? target.name : formatAtom(target);
        const token = label.startsWith('&') ? label : '&' + label;
        importer.tokenizer.registerAtom(exact(token), this.spaceAtom(module.space));
      },
      include: (space, name) => {
        const module = this.moduleOf(space);
        const text = name instanceof StringAtom ? name.value : formatAtom(name);
        const path = this.resolveModulePath(module, text);
        const outcome = this.runIn(module, this.files.readText(path), { file: path });
        return outcome.results.length > 0 ? outcome.results[outcome.results.length - 1]! : [];
      },
      bindToken: (space, token, atom) => {
        const module = this.moduleOf(space);
        module.tokenizer.register(token, () => atom);
        module.ownTokens.push([token, atom]);
      },
      moduleSpace: (space, name) => this.loadModule(this.moduleOf(space), name).space,
      mainSpace: (space) => (space instanceof ModuleSpace ? space.main : space),
      registerModule: (space, path) => {
        const module = this.moduleOf(space);
        const full = this.files.resolve(module.dir, path);
        const file = this.files.isFile(full) ? full : this.files.resolve(full, 'module.metta');
        this.loadModuleFile(file, path.split(/[\\/]/).pop()!.replace(/\.metta$/, ''));
      },
      parse: (text) => {
        let a = this.parsed.get(text);
        if (a === undefined) this.parsed.set(text, (a = parseAtom(text, this.baseTokens)));
        return a;
      },
      describeModules: () => {
        const lines = ['top: ' + this.top.dir];
        for (const [key, m] of this.modulesByKey) lines.push(`${m.name}: ${key}`);
        return lines;
      },
    };
  }
}

const BANG = sym('!');

/** The least time between two {@link RunOptions.onProgress} calls, in milliseconds. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * A function to call after each top-level atom (with true at the end of the source) that
 * passes the parser's position on to `onProgress` when enough time has gone by. The clock is
 * read every 64 atoms only: files of millions of small facts come through here.
 */
function progressReporter(parser: SExprParser, total: number, onProgress: (done: number, total: number) => void): (atEnd: boolean) => void {
  let atoms = 0;
  let last = performance.now();
  return (atEnd) => {
    if (atEnd) return onProgress(total, total);
    if ((++atoms & 63) !== 0) return;
    const now = performance.now();
    if (now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    onProgress(parser.lastPosition.offset, total);
  };
}

/** Atoms have a `kind`; spaces do not. */
function isAtomValue(x: Atom | Space): x is Atom {
  return typeof (x as { kind?: unknown }).kind === 'string';
}

/** A regex that matches exactly `text` (token names of operations contain `+`, `*`, …). */
function exact(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

