/**
 * docs/embedding.md is executable documentation. Every ```ts block in it is a complete program
 * that imports 'rhizome'; the ```text block right after it is exactly what the program prints.
 * Each program is
 *
 * - type-checked, all together, by the TypeScript compiler against the package as an app sees
 *   it: 'rhizome' resolves through package.json `exports` to the built declarations in dist/,
 *   so the guide cannot drift from the public types;
 * - transpiled with `ts.transpileModule`, its 'rhizome' import pointed at dist/index.js (a
 *   file in a temporary directory is outside the package and cannot use the package's own
 *   name), and run by node in that directory, its stdout compared with the text block.
 *
 * A ```metta file=NAME block is a companion file (a program an example loads) and is written
 * next to the examples. dist/ must be built first: `npm test` does that (pretest), and
 * `npm run build` does it before running this file alone.
 *
 * A ```ts browser block is a web page's module, importing 'rhizome/browser'. Node cannot run
 * it, so here it is only type-checked, against dist/browser.d.ts with the DOM's globals and
 * none of Node's; test/browser.test.ts runs it in Chromium and compares what the page shows
 * with the text block after it.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..');
const guidePath = join(repoRoot, 'docs', 'embedding.md');
const distEntry = join(repoRoot, 'dist', 'index.js');
const distTypes = join(repoRoot, 'dist', 'index.d.ts');
const distBrowserTypes = join(repoRoot, 'dist', 'browser.d.ts');

/** A fenced block of the guide: its info string (after the backticks), body and first line. */
interface Fence {
  readonly info: string;
  readonly body: string;
  readonly line: number;
}

/** One example: the program, the output the guide shows, and the line its fence opens on. */
interface Example {
  readonly source: string;
  readonly output: string;
  readonly line: number;
}

/** Every fenced block in document order, with the text between it and the next one. */
function fences(markdown: string): { fence: Fence; gapAfter: string }[] {
  const lines = markdown.split('\n');
  const found: { fence: Fence; start: number; end: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const close = lines.findIndex((l, j) => j > i && l === '```');
    if (close < 0) throw new Error(`unclosed fence at line ${i + 1}`);
    const body = lines.slice(i + 1, close).map((l) => l + '\n').join('');
    found.push({ fence: { info: open[1]!.trim(), body, line: i + 1 }, start: i, end: close });
    i = close;
  }
  return found.map((f, k) => ({
    fence: f.fence,
    gapAfter: k + 1 < found.length ? lines.slice(f.end + 1, found[k + 1]!.start).join('\n') : 'end',
  }));
}

/** The guide's parts: companion files, Node examples, and browser examples (```ts browser). */
interface Guide {
  readonly files: Map<string, string>;
  readonly examples: Example[];
  readonly browserExamples: Example[];
}

/** Splits the guide into companion files and examples; a ts block without its output is an error. */
function parseGuide(markdown: string): Guide {
  const files = new Map<string, string>();
  const examples: Example[] = [];
  const browserExamples: Example[] = [];
  const all = fences(markdown);
  for (let k = 0; k < all.length; k++) {
    const { fence, gapAfter } = all[k]!;
    const words = fence.info.split(/\s+/);
    const file = words.find((w) => w.startsWith('file='));
    if (words[0] === 'metta' && file) {
      files.set(file.slice('file='.length), fence.body);
      continue;
    }
    if (words[0] !== 'ts') continue;
    const next = all[k + 1]?.fence;
    if (!next || next.info !== 'text' || gapAfter.trim() !== '') {
      throw new Error(`the ts block at line ${fence.line} is not immediately followed by a text block`);
    }
    if (words.length > 2 || (words.length === 2 && words[1] !== 'browser')) {
      throw new Error(`the ts block at line ${fence.line} has an unknown info string: ${fence.info}`);
    }
    (words[1] === 'browser' ? browserExamples : examples).push({ source: fence.body, output: next.body, line: fence.line });
    k++;
  }
  return { files, examples, browserExamples };
}

/** The modules an example imports; only the package itself and node's built-ins are allowed. */
function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** Where the type checker sees an example: inside the package, so 'rhizome' is its own name. */
const checkedName = (e: Example) => join(repoRoot, 'docs', `embedding-example-${e.line}.mts`);

/**
 * Type errors of all examples, each located by its line in the guide. Stricter than
 * the project's own settings (unchecked index access, verbatim module syntax) so the examples
 * compile in apps configured that way too. Node examples see Node's globals; browser examples
 * see the DOM's and not Node's.
 */
function typeErrors(examples: readonly Example[], host: 'node' | 'browser'): { errors: string[]; program: ts.Program } {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: host === 'node' ? ['lib.es2022.d.ts'] : ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    noUnusedLocals: true,
    noEmit: true,
    skipLibCheck: true,
    types: host === 'node' ? ['node'] : [],
  };
  const byName = new Map(examples.map((e) => [checkedName(e), e]));
  const compilerHost = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = compilerHost;
  compilerHost.fileExists = (name) => byName.has(name) || fileExists.call(compilerHost, name);
  compilerHost.readFile = (name) => byName.get(name)?.source ?? readFile.call(compilerHost, name);
  compilerHost.getSourceFile = (name, language, onError, fresh) => {
    const e = byName.get(name);
    return e ? ts.createSourceFile(name, e.source, language) : getSourceFile.call(compilerHost, name, language, onError, fresh);
  };
  const program = ts.createProgram([...byName.keys()], options, compilerHost);
  const errors = ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const e = d.file && byName.get(d.file.fileName);
    if (!d.file || d.start === undefined) return text;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return e ? `docs/embedding.md line ${e.line + 1 + line}: ${text}` : `${d.file.fileName}: ${text}`;
  });
  return { errors, program };
}

/** The example as a plain ES module whose 'rhizome' import names the built entry point. */
function runnable(source: string): string {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  }).outputText;
  const entry = JSON.stringify(pathToFileURL(distEntry).href);
  return js.replace(/(\bfrom\s*)(['"])rhizome\2/g, (_m, from: string) => from + entry);
}

/** Runs a program file with node in `cwd`; never rejects. */
function runNode(file: string, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [file], { cwd, timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

const guide = parseGuide(readFileSync(guidePath, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'rhizome-embedding-'));
for (const [name, text] of guide.files) writeFileSync(join(dir, name), text);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/embedding.md', () => {
  it('needs the built package', () => {
    expect(existsSync(distEntry) && existsSync(distTypes) && existsSync(distBrowserTypes), 'dist/ is missing: run `npm run build`').toBe(true);
  });

  it('has enough examples that the check means something', () => {
    expect(guide.examples.length).toBeGreaterThanOrEqual(10);
    expect(guide.browserExamples.length).toBeGreaterThanOrEqual(1);
    for (const e of [...guide.examples, ...guide.browserExamples]) expect(e.output, `example at line ${e.line}`).not.toBe('');
  });

  it('imports only the package and node built-ins', () => {
    for (const e of guide.examples) {
      const imports = importsOf(e.source);
      expect(imports, `example at line ${e.line}`).toContain('rhizome');
      for (const name of imports) expect(name === 'rhizome' || name.startsWith('node:'), `example at line ${e.line} imports ${name}`).toBe(true);
    }
    for (const e of guide.browserExamples) expect(importsOf(e.source), `browser example at line ${e.line}`).toEqual(['rhizome/browser']);
  });

  it('type-checks against the built declarations', () => {
    const { errors, program } = typeErrors(guide.examples, 'node');
    expect(errors).toEqual([]);
    // 'rhizome' must have resolved to what an app gets, not to the sources.
    const files = program.getSourceFiles().map((f) => f.fileName);
    expect(files).toContain(distTypes);
    expect(files.filter((f) => f.startsWith(join(repoRoot, 'src')))).toEqual([]);
  });

  it('type-checks the browser examples against the browser declarations, without Node', () => {
    const { errors, program } = typeErrors(guide.browserExamples, 'browser');
    expect(errors).toEqual([]);
    const files = program.getSourceFiles().map((f) => f.fileName);
    expect(files).toContain(distBrowserTypes);
    expect(files).not.toContain(distTypes);
    expect(files.filter((f) => f.startsWith(join(repoRoot, 'src')) || f.includes('@types/node'))).toEqual([]);
  });

  it.concurrent.for(guide.examples.map((e) => [e.line, e] as const))('example at line %i prints what the guide shows', async ([line, e], { expect }) => {
    const file = join(dir, `example-${line}.mjs`);
    const js = runnable(e.source);
    expect(js).toContain(pathToFileURL(distEntry).href);
    writeFileSync(file, js);
    const r = await runNode(file, dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(e.output);
    expect(r.code).toBe(0);
  });
});

describe('the guide parser', () => {
  it('rejects a ts block without its output', () => {
    expect(() => parseGuide("```ts\nimport 'rhizome';\n```\n\ntext\n\n```text\nx\n```\n")).toThrow(/line 1 is not immediately followed/);
  });

  it('reads examples and companion files, and ignores other blocks', () => {
    const g = parseGuide('```sh\nnpm ci\n```\n\n```metta file=m.metta\n(a)\n```\n\n```ts\nconsole.log(1);\n```\n\n```text\n1\n```\n');
    expect(g.files.get('m.metta')).toBe('(a)\n');
    expect(g.examples).toEqual([{ source: 'console.log(1);\n', output: '1\n', line: 9 }]);
    expect(g.browserExamples).toEqual([]);
  });

  it('keeps browser examples apart from the ones node runs', () => {
    const g = parseGuide('```html file=index.html\n<p>\n```\n\n```ts browser\nshow(1);\n```\n\n```text\n1\n```\n');
    expect(g.examples).toEqual([]);
    expect(g.browserExamples).toEqual([{ source: 'show(1);\n', output: '1\n', line: 5 }]);
    expect(() => parseGuide('```ts deno\nx;\n```\n\n```text\n1\n```\n')).toThrow(/unknown info string: ts deno/);
  });

  it('points the package import at the built entry point', () => {
    const js = runnable("import { sym, type Atom } from 'rhizome';\nconst a: Atom = sym('x');\nconsole.log(a);\n");
    expect(js).toContain(`from ${JSON.stringify(pathToFileURL(distEntry).href)}`);
    expect(js).not.toMatch(/['"]rhizome['"]/);
    expect(js).not.toContain('Atom }');
  });
});
