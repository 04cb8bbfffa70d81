/**
 * File hosts of the runner: the in-memory host (what browser programs use to `import!`
 * modules they supply), the host-less runner's errors, and the path helpers behind them.
 */
import { describe, expect, it } from 'vitest';
import { formatAtom, MeTTa, MemoryModuleFiles, MettaFileError, NodeModuleFiles, NoModuleFiles, type Atom, type RunnerIO } from '../src/index.js';
import { dirnamePosix, resolvePosix } from '../src/metta/module-files.js';

const quiet: RunnerIO = { stdout: () => {}, stderr: () => {} };

function printed(results: Atom[][]): string[][] {
  return results.map((r) => r.map(formatAtom));
}

describe('MemoryModuleFiles', () => {
  const library = () =>
    new MemoryModuleFiles({
      'lib.metta': '(= (double $x) (* 2 $x))',
      'geometry/module.metta': '!(import! &self shapes) (= (area (square $s)) (* $s $s))',
      // Imports inside a module start from that module's directory.
      'geometry/shapes.metta': '(Shape square)',
      'util/strings.metta': '(= (greet $n) (format-args "hi {}" ($n)))',
      'snippet.metta': '(Included yes) !(+ 40 2)',
    });

  it('serves import! of a NAME.metta file and of a NAME/module.metta directory', () => {
    const runner = new MeTTa({ files: library(), io: quiet });
    const out = runner.run('!(import! &self lib) !(double 21) !(import! &self geometry) !(area (square 3)) !(match &self (Shape $s) $s)');
    expect(printed(out.results)).toEqual([['()'], ['42'], ['()'], ['9'], ['square']]);
  });

  it('resolves colon-separated module paths, include and register-module!', () => {
    const runner = new MeTTa({ files: library(), io: quiet });
    const out = runner.run(
      '!(import! &self util:strings) !(greet Ann) !(include snippet) !(match &self (Included $x) $x) !(register-module! geometry) !(import! g geometry) !(match &g (Shape $s) $s)',
    );
    expect(printed(out.results)).toEqual([['()'], ['"hi Ann"'], ['42'], ['yes'], ['()'], ['()'], ['square']]);
  });

  it('runs a file from memory, imports starting from its directory', () => {
    const files = library().set('/apps/main.metta', '!(import! &self ../lib) !(double 5)');
    const runner = new MeTTa({ files, io: quiet });
    expect(printed(runner.runFile('apps/main.metta').results)).toEqual([['()'], ['10']]);
    // The top module's directory is restored afterwards.
    expect(printed(runner.run('!(import! &self lib) !(double 1)').results)).toEqual([['()'], ['2']]);
  });

  it('takes a map or pairs, normalises paths, and adds files later', () => {
    const files = new MemoryModuleFiles(new Map([['./a/../b.metta', '(B)']]));
    files.set('/c/d.metta', '(D)');
    expect(files.paths()).toEqual(['/b.metta', '/c/d.metta']);
    expect(files.isFile('b.metta')).toBe(true);
    expect(files.isFile('/c')).toBe(false);
    expect(files.readText('/c/../b.metta')).toBe('(B)');
    expect(() => files.readText('c')).toThrow(new MettaFileError('cannot read c: it is a directory'));
    expect(() => files.readText('nope.metta')).toThrow(new MettaFileError('cannot read nope.metta: no such file'));
  });

  it('reports a module that is not there, and a module whose file fails', () => {
    const files = new MemoryModuleFiles({ 'bad.metta': '!(+ 1 "x")' });
    const runner = new MeTTa({ files, io: quiet });
    expect(printed(runner.run('!(import! &self missing)').results)[0]![0]).toContain('Failed to resolve module missing: no missing.metta or missing/module.metta in /');
    expect(printed(runner.run('!(import! &self bad)').results)[0]![0]).toContain('module bad failed to load');
  });

  it('cannot read a file that is missing from memory, with the reason', () => {
    const runner = new MeTTa({ files: new MemoryModuleFiles(), io: quiet });
    expect(() => runner.runFile('main.metta')).toThrow(new MettaFileError('cannot read main.metta: no such file'));
  });
});

describe('a runner without file access (NoModuleFiles, the browser default)', () => {
  const runner = () => new MeTTa({ files: new NoModuleFiles(), io: quiet });

  it('fails runFile with an error saying how to give it files', () => {
    expect(() => runner().runFile('main.metta')).toThrow(MettaFileError);
    expect(() => runner().runFile('main.metta')).toThrow(/no file access: pass a file host, such as a MemoryModuleFiles, as its `files` option/);
  });

  it('explains failed imports of files, while built-in modules still load', () => {
    const out = runner().run('!(import! &self json) !(json-encode (1 2)) !(import! &self lib)');
    const shown = printed(out.results);
    expect(shown.slice(0, 2)).toEqual([['()'], ['"[1, 2]"']]);
    expect(shown[2]![0]).toMatch(/Failed to resolve module lib: .*no file access/);
  });
});

describe('NodeModuleFiles (the Node default)', () => {
  it('is what a runner given no files uses', () => {
    const out = new MeTTa({ io: quiet, cwd: 'test/conformance' }).run('!(import! &self nonexistent-module-x)');
    expect(printed(out.results)[0]![0]).toContain(`in ${new NodeModuleFiles().resolve(process.cwd(), 'test/conformance')}`);
  });

  it('reports unreadable files with the reason', () => {
    expect(() => new NodeModuleFiles().readText('test')).toThrow(new MettaFileError('cannot read test: it is a directory'));
    expect(() => new NodeModuleFiles().readText('no/such.metta')).toThrow(new MettaFileError('cannot read no/such.metta: no such file'));
  });
});

describe('POSIX path helpers of the in-memory hosts', () => {
  it('resolve against a directory and drop . and .. segments', () => {
    expect(resolvePosix('/a/b', 'c.metta')).toBe('/a/b/c.metta');
    expect(resolvePosix('/a/b', '../c')).toBe('/a/c');
    expect(resolvePosix('/a/b', '/x/./y/')).toBe('/x/y');
    expect(resolvePosix('/', '../../x')).toBe('/x');
    expect(dirnamePosix('/a/b.metta')).toBe('/a');
    expect(dirnamePosix('/b.metta')).toBe('/');
    expect(dirnamePosix('/')).toBe('/');
  });
});
