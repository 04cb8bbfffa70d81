/**
 * The browser entry as a web page uses it: the bundle that `scripts/build-browser.mjs`
 * makes, served over HTTP and loaded into headless Chromium (Debian's `chromium` package),
 * runs a MeTTa program there, saves a space's atoms as bytes (in IndexedDB) and as text (in
 * localStorage) and loads them back, and runs the browser example of docs/embedding.md as
 * the guide shows it. Also: the bundle build refuses code that imports Node.js.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Runs the bundler script; returns its exit status and output. */
function bundle(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-browser.mjs'), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, output: r.stdout + r.stderr };
}

const PAGE_HTML = `<!doctype html>
<html>
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Rhizome in a browser</title></head>
<body><pre id="out">running…</pre><script type="module" src="/page.js"></script></body>
</html>
`;

/** The program the page runs: equations, recursion, matching, nondeterminism, modules, output. */
const PROGRAM = `
(= (fib 0) 0)
(= (fib 1) 1)
(= (fib $n) (if (> $n 1) (+ (fib (- $n 1)) (fib (- $n 2))) (empty)))
!(fib 20)

(Parent Tom Bob) (Parent Tom Liz) (Parent Bob Ann)
!(match &self (Parent Tom $child) $child)
!(match &self (, (Parent $x $y) (Parent $y Ann)) $x)

(= (color) red) (= (color) green) (= (color) blue)
!(color)
!(collapse (superpose (1 2 3)))

!(import! &self geometry)
!(area (square 4))

!(println! (greeting from MeTTa))

!(import! &self random)
!(random-int &rng 10 20)
!(import! &self json)
!(json-encode (1 2.5 "x"))
`;

/** The atoms the page saves and loads: every kind of leaf that text can spell, and a duplicate. */
const PERSISTED = `(Parent Tom Bob) (Parent Tom Bob) (born Ann 2004 "Lyon" 0.0015) (rule $x (not $x)) (flag True) (nested (a (b (c -7))))`;

/** The page's script: runs the program with the bundle and leaves a report in `window.report`. */
const PAGE_JS = `
import {
  GroundingSpace,
  MeTTa,
  MemoryModuleFiles,
  MettaFileError,
  PersistError,
  atomEq,
  decodeAtoms,
  dumpText,
  encodeAtoms,
  formatAtom,
  loadText,
  parseAll,
  toJS,
} from './rhizome.js';

const printed = [];
const io = { stdout: (t) => printed.push(t), stderr: (t) => printed.push('stderr: ' + t) };
const shown = (results) => results.map((r) => r.map(formatAtom));
const report = { globals: { process: typeof process, Buffer: typeof Buffer } };
try {
  const files = new MemoryModuleFiles({
    'geometry/module.metta': '!(import! &self shapes) (= (area (square $s)) (* $s $s))',
    'geometry/shapes.metta': '(Shape square)',
  });
  const runner = new MeTTa({ files, io });
  const outcome = runner.run(${JSON.stringify(PROGRAM)}, { file: 'page.metta' });
  report.results = shown(outcome.results);
  report.stoppedOnError = outcome.stoppedOnError;
  report.printed = printed.join('');

  try {
    runner.run('!(+ 1 2)\\n  (broken "text', { file: 'broken.metta' });
  } catch (e) {
    report.parseError = { name: e.name, line: e.line, column: e.column, text: e.format() };
  }

  runner.register('later', '(-> Number Number)', async (x) => {
    await new Promise((done) => setTimeout(done, 5));
    return Number(toJS(x)) + 1;
  });
  report.async = shown((await runner.runAsync('!(later 41)')).results);

  const bare = new MeTTa();
  try {
    bare.runFile('main.metta');
  } catch (e) {
    report.runFile = (e instanceof MettaFileError ? 'MettaFileError: ' : 'other error: ') + e.message;
  }
  report.fileio = shown(bare.run('!(import! &self fileio)').results);
  // A runner given no io prints to the console.
  bare.run('!(println! "to the console")');

  // Persistence without files: a space's atoms through the binary codec (kept in IndexedDB)
  // and the text dump (kept in localStorage), read back into fresh spaces.
  const kb = new GroundingSpace('kb');
  for (const atom of parseAll(${JSON.stringify(PERSISTED)})) kb.add(atom);
  const sameAtoms = (a, b) => a.length === b.length && a.every((atom, i) => atomEq(atom, b[i]));
  const original = [...kb.atoms()];
  const bytes = encodeAtoms(kb.atoms());
  const stored = await new Promise((done, fail) => {
    const opening = indexedDB.open('rhizome-test', 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore('spaces');
    opening.onerror = () => fail(opening.error);
    opening.onsuccess = () => {
      const tx = opening.result.transaction('spaces', 'readwrite');
      tx.objectStore('spaces').put(bytes, 'kb');
      const reading = tx.objectStore('spaces').get('kb');
      tx.oncomplete = () => done(reading.result);
      tx.onerror = () => fail(tx.error);
    };
  });
  const fromBinary = new GroundingSpace('from-binary');
  for (const atom of decodeAtoms(stored)) fromBinary.add(atom);
  localStorage.setItem('kb', dumpText(kb.atoms()));
  const text = localStorage.getItem('kb');
  const fromText = new GroundingSpace('from-text');
  for (const atom of loadText(text)) fromText.add(atom);
  let refused;
  try {
    encodeAtoms([runner.top.tokenizer.lookup('+')]);
  } catch (e) {
    refused = (e instanceof PersistError ? 'PersistError: ' : 'other error: ') + e.message;
  }
  report.persist = {
    atoms: original.length,
    storedIsBytes: stored instanceof Uint8Array,
    binaryEqual: sameAtoms(original, [...fromBinary.atoms()]),
    textEqual: sameAtoms(original, [...fromText.atoms()]),
    text,
    refused,
  };
} catch (e) {
  report.failure = String(e && e.stack ? e.stack : e);
}
document.getElementById('out').textContent = JSON.stringify(report, null, 2);
window.report = report;
`;

/** The first block of the guide fenced with `info`, and the ```text block right after it ('' if none). */
function guideBlock(guide: string, info: string): { body: string; next: string } {
  const escaped = info.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = new RegExp('^```' + escaped + '\\n([\\s\\S]*?)^```\\n(?:\\n```text\\n([\\s\\S]*?)^```$)?', 'm').exec(guide);
  if (found === null) throw new Error(`docs/embedding.md has no \`\`\`${info} block`);
  return { body: found[1]!, next: found[2] ?? '' };
}

/**
 * The guide's browser example: the page (```html file=index.html), its module (```ts browser,
 * transpiled here as the guide says to compile it), the name the page loads the module by,
 * and what the page shows (the ```text block after the module).
 */
function guideExample(): { html: string; script: string; scriptName: string; shows: string } {
  const guide = readFileSync(join(root, 'docs', 'embedding.md'), 'utf8');
  const html = guideBlock(guide, 'html file=index.html').body;
  const module = guideBlock(guide, 'ts browser');
  const scriptName = /<script type="module" src="([\w.-]+)">/.exec(html)?.[1];
  if (scriptName === undefined) throw new Error("the guide's page loads no module script");
  const script = ts.transpileModule(module.body, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  }).outputText;
  return { html, script, scriptName, shows: module.next };
}

describe('the browser bundle', () => {
  let dir: string;
  let server: Server;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install --no-install-recommends chromium) to run the browser test`);
    }
    dir = mkdtempSync(join(tmpdir(), 'rhizome-browser-'));
    const built = bundle('--outdir', dir);
    if (built.code !== 0) throw new Error('the browser bundle did not build:\n' + built.output);
    writeFileSync(join(dir, 'index.html'), PAGE_HTML);
    writeFileSync(join(dir, 'page.js'), PAGE_JS);
    // The guide's page in a folder of its own, with the bundle beside it as the guide says.
    const example = guideExample();
    mkdirSync(join(dir, 'guide'));
    writeFileSync(join(dir, 'guide', 'index.html'), example.html);
    writeFileSync(join(dir, 'guide', example.scriptName), example.script);
    copyFileSync(join(dir, 'rhizome.js'), join(dir, 'guide', 'rhizome.js'));
    const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', map: 'application/json' };
    server = createServer((req, res) => {
      const name = req.url === '/' ? 'index.html' : (req.url ?? '').slice(1);
      if (name === 'favicon.ico') {
        // Chromium asks for one on a page that names no icon (the guide's page names none).
        res.writeHead(204).end();
        return;
      }
      const path = join(dir, name);
      if (!/^(guide\/)?[\w.-]+$/.test(name) || !existsSync(path)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': types[name.split('.').pop()!] ?? 'application/octet-stream' });
      res.end(readFileSync(path));
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((closed) => (server ? server.close(closed) : closed(undefined)));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs a MeTTa program in headless Chromium', async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    const consoleLogs: string[] = [];
    page.on('console', (m) => (m.type() === 'error' ? consoleErrors : consoleLogs).push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(origin + '/');
    await page.waitForFunction(() => 'report' in window, undefined, { timeout: 20_000 });
    const report = await page.evaluate(() => (window as unknown as { report: Record<string, unknown> }).report);
    const shownOnPage = JSON.parse((await page.textContent('#out'))!);
    await page.close();

    expect(report.failure).toBeUndefined();
    expect(shownOnPage).toEqual(report);
    // A real browser page: none of Node's globals.
    expect(report.globals).toEqual({ process: 'undefined', Buffer: 'undefined' });

    const results = report.results as string[][];
    expect(report.stoppedOnError).toBe(false);
    expect(results.slice(0, 3)).toEqual([['6765'], ['Bob', 'Liz'], ['Tom']]);
    expect([...results[3]!].sort()).toEqual(['blue', 'green', 'red']);
    expect(results.slice(4, 8)).toEqual([['(1 2 3)'], ['()'], ['16'], ['()']]);
    expect(report.printed).toBe('(greeting from MeTTa)\n');
    expect(results[8]).toEqual(['()']);
    const drawn = Number(results[9]![0]);
    expect(Number.isInteger(drawn) && drawn >= 10 && drawn < 20).toBe(true);
    expect(results.slice(10)).toEqual([['()'], ['"[1, 2.5, \\"x\\"]"']]);

    expect(report.parseError).toEqual({
      name: 'MettaSyntaxError',
      line: 2,
      column: 11,
      text: 'broken.metta:2:11: error: Unclosed String Literal (expected a closing ")\n  (broken "text\n          ^',
    });
    expect(report.async).toEqual([['42']]);
    expect(report.runFile).toBe(
      'MettaFileError: cannot read main.metta: this runner has no file access: pass a file host, such as a MemoryModuleFiles, as its `files` option',
    );
    expect(report.fileio).toEqual([
      ['(Error (import! ModuleSpace(GroundingSpace-top) fileio) Failed to resolve module fileio: the fileio module needs a file system, which the browser build does not have)'],
    ]);
    expect(report.persist).toEqual({
      atoms: 6,
      storedIsBytes: true,
      binaryEqual: true,
      textEqual: true,
      text: [
        '; Rhizome space dump, text format 1: one atom per line, MeTTa syntax',
        '(Parent Tom Bob)',
        '(Parent Tom Bob)',
        '(born Ann 2004 "Lyon" 0.0015)',
        '(rule $x (not $x))',
        '(flag True)',
        '(nested (a (b (c -7))))',
        '',
      ].join('\n'),
      refused:
        'PersistError: cannot encode operation + of type (-> Number Number Number): only numbers, booleans and strings among grounded atoms have a binary form',
    });
    expect(consoleLogs).toContain('to the console');
    expect(consoleErrors).toEqual([]);
  });

  it("runs the embedding guide's browser example, showing what the guide says", async () => {
    const { shows } = guideExample();
    expect(shows).not.toBe('');
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text() + ' at ' + m.location().url));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('requestfailed', (r) => consoleErrors.push(`request failed: ${r.url()}`));
    page.on('response', (r) => r.status() >= 400 && consoleErrors.push(`${r.status()}: ${r.url()}`));
    await page.goto(origin + '/guide/index.html');
    await page.waitForFunction(() => document.querySelector('#output')?.textContent !== '', undefined, { timeout: 20_000 }).catch((e: unknown) => {
      throw new Error(`the guide's page showed nothing (${String(e)}); its errors: ${JSON.stringify(consoleErrors)}`);
    });
    expect(await page.textContent('#output')).toBe(shows);

    // The button runs what is in the text box, and a syntax error is shown, not thrown.
    await page.fill('#program', '!(+ 1 2)\n(broken "text');
    await page.click('#run');
    const after = (await page.textContent('#output'))!;
    await page.close();
    expect(after.split('\n')[0]).toMatch(/^\(\+ 1 2\)\W+3$/);
    expect(after).toContain('page.metta:2:9: error: Unclosed String Literal');
    expect(consoleErrors).toEqual([]);
  });
});

/**
 * Type-checks what the browser bundle contains (src/browser.ts and everything it imports,
 * with the browser platform in place of the Node one, as the bundler does) against the
 * browser's globals instead of Node's. Returns each error as `file: message`.
 */
function browserTypeErrors(): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  };
  const host = ts.createCompilerHost(options);
  const nodePlatform = join(root, 'src/metta/platform-node.ts');
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts) =>
    literals.map((literal) => {
      const r = ts.resolveModuleName(literal.text, containingFile, opts, host, undefined, redirected);
      if (r.resolvedModule?.resolvedFileName !== nodePlatform) return r;
      return { ...r, resolvedModule: { ...r.resolvedModule, resolvedFileName: join(root, 'src/metta/platform-browser.ts') } };
    });
  const program = ts.createProgram([join(root, 'src/browser.ts')], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const file = d.file === undefined ? '' : d.file.fileName.slice(root.length + 1) + ': ';
    // The first sentence says what is wrong; the rest is advice.
    return file + ts.flattenDiagnosticMessageText(d.messageText, '\n').split(/\.(\s|$)/)[0];
  });
}

describe('the browser bundle sources', () => {
  it('use no Node.js globals (process, Buffer, NodeJS types)', () => {
    expect(browserTypeErrors()).toEqual([]);
  });
});

describe('the browser bundle build', () => {
  it('fails, naming the importer, when the bundle would import a Node.js module', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rhizome-browser-bad-'));
    try {
      const entry = join(dir, 'entry.ts');
      writeFileSync(entry, `export * from ${JSON.stringify(join(root, 'src/browser.js'))};\nexport { NodeModuleFiles } from ${JSON.stringify(join(root, 'src/metta/module-files-node.js'))};\n`);
      const r = bundle('--entry', entry, '--outdir', join(dir, 'out'));
      expect(r.code).toBe(1);
      expect(r.output).toContain('src/metta/module-files-node.ts:6:');
      expect(r.output).toContain('imports the Node.js module "node:fs", which the browser bundle cannot contain');
      expect(existsSync(join(dir, 'out', 'rhizome.js'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
