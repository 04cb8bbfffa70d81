#!/usr/bin/env node
// Bundles the browser entry (src/browser.ts) into dist/browser/rhizome.js, one ES module
// with its dependencies inside. The runner's Node platform is swapped for the browser one;
// anything else that reaches for a Node built-in fails the build, naming the importer.
//
// Usage: node scripts/build-browser.mjs [--entry FILE] [--outdir DIR]
// (the options let tests bundle elsewhere, or bundle an entry that must be refused).
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({ options: { entry: { type: 'string' }, outdir: { type: 'string' } } });
const entry = resolve(root, args.entry ?? 'src/browser.ts');
const outfile = join(resolve(root, args.outdir ?? 'dist/browser'), 'rhizome.js');
const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, 'node:' + name]));

/** Replaces the runner's Node platform with the browser one. */
const browserPlatform = {
  name: 'browser-platform',
  setup(b) {
    b.onResolve({ filter: /\/platform-node\.js$/ }, () => ({ path: `${root}src/metta/platform-browser.ts` }));
  },
};

/** Makes every import of a Node built-in an error, so that none can be marked external by accident. */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(b) {
    b.onResolve({ filter: /^[a-z:_/]+$/ }, (args) => {
      if (!nodeBuiltins.has(args.path)) return undefined;
      return { errors: [{ text: `imports the Node.js module "${args.path}", which the browser bundle cannot contain` }] };
    });
  },
};

const started = Date.now();
try {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    sourcemap: true,
    minify: false,
    legalComments: 'eof',
    logLevel: 'silent',
    metafile: true,
    plugins: [browserPlatform, noNodeBuiltins],
  });
  const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined).bytes;
  console.log(`${outfile.startsWith(root) ? outfile.slice(root.length) : outfile}: ${(bytes / 1024).toFixed(0)} KiB in ${Date.now() - started} ms`);
} catch (e) {
  for (const error of e.errors ?? []) {
    const where = error.location ? `${error.location.file}:${error.location.line}:${error.location.column + 1}: ` : '';
    console.error(`build-browser: ${where}${error.text}`);
  }
  if (!e.errors) console.error(e);
  process.exit(1);
}
