#!/usr/bin/env node
// Persistence benchmark for Rhizome (standalone; not part of `npm run bench`).
//
// Measures, on a synthetic knowledge base of facts
//   (Parent P<i> P<j>) (age P<i> <int>) (name P<i> "<string>") (weight P<i> <float>):
// - the binary codec: encode + decode of --binary atoms (atoms/s, bytes per atom);
// - the text dump: dumpText + loadText of --text atoms (atoms/s);
// - the LMDB space: bulk load of --lmdb facts with addAll (atoms/s, bytes on disk),
//   ground-position queries on it (ms per query), closing and reopening it (ms), and a
//   query straight after reopening (ms).
//
// Uses the compiled library: run `npm run build` first.
// Usage: node bench/persist.mjs [--binary N] [--text N] [--lmdb N] [--queries N] [--json]

import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    binary: { type: 'string', default: '1000000' },
    text: { type: 'string', default: '100000' },
    lmdb: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '1000' },
    json: { type: 'boolean', default: false },
  },
});

let lib;
try {
  lib = await import('../dist/index.js');
} catch (e) {
  process.stderr.write(`bench/persist.mjs: cannot load dist/index.js (run \`npm run build\` first): ${e.message}\n`);
  process.exit(2);
}
const { expr, sym, v, int, float, str, formatAtom, encodeAtoms, decodeAtoms, dumpText, loadText, LmdbSpace } = lib;

/** Fact `i` of the synthetic knowledge base; people number n/4, so every person has four facts. */
function fact(i, n) {
  const people = Math.max(1, Math.floor(n / 4));
  const p = i % people;
  const who = sym(`P${p}`);
  switch (Math.floor(i / people) % 4) {
    case 0:
      return expr(sym('Parent'), who, sym(`P${(p * 7919 + 1) % people}`));
    case 1:
      return expr(sym('age'), who, int(p % 97));
    case 2:
      return expr(sym('name'), who, str(`person number ${p}`));
    default:
      return expr(sym('weight'), who, float(50 + (p % 500) / 10));
  }
}

function* facts(n) {
  for (let i = 0; i < n; i++) yield fact(i, n);
}

const time = (fn) => {
  const t0 = performance.now();
  const result = fn();
  return [result, performance.now() - t0];
};
const rate = (count, ms) => Math.round(count / (ms / 1000));
const results = {};
const log = (line) => {
  if (!args.json) process.stdout.write(line + '\n');
};

// Binary codec
{
  const n = Number(args.binary);
  const atoms = [...facts(n)];
  const [bytes, encodeMs] = time(() => encodeAtoms(atoms));
  const [back, decodeMs] = time(() => decodeAtoms(bytes));
  if (back.length !== n || formatAtom(back[n - 1]) !== formatAtom(atoms[n - 1])) throw new Error('binary round trip differs');
  results.binary = {
    atoms: n,
    encodeMs: Math.round(encodeMs),
    decodeMs: Math.round(decodeMs),
    encodeAtomsPerSec: rate(n, encodeMs),
    decodeAtomsPerSec: rate(n, decodeMs),
    roundTripAtomsPerSec: rate(n, encodeMs + decodeMs),
    bytes: bytes.length,
    bytesPerAtom: +(bytes.length / n).toFixed(2),
  };
  const b = results.binary;
  log(`binary  ${n} atoms: encode ${b.encodeMs} ms (${b.encodeAtomsPerSec}/s), decode ${b.decodeMs} ms (${b.decodeAtomsPerSec}/s), ` +
    `round trip ${b.roundTripAtomsPerSec} atoms/s, ${b.bytesPerAtom} bytes/atom`);
}

// Text dump
{
  const n = Number(args.text);
  const atoms = [...facts(n)];
  const [text, dumpMs] = time(() => dumpText(atoms));
  const [back, loadMs] = time(() => loadText(text));
  if (back.length !== n || formatAtom(back[n - 1]) !== formatAtom(atoms[n - 1])) throw new Error('text round trip differs');
  results.text = {
    atoms: n,
    dumpMs: Math.round(dumpMs),
    loadMs: Math.round(loadMs),
    dumpAtomsPerSec: rate(n, dumpMs),
    loadAtomsPerSec: rate(n, loadMs),
    bytesPerAtom: +(Buffer.byteLength(text) / n).toFixed(2),
  };
  const t = results.text;
  log(`text    ${n} atoms: dump ${t.dumpMs} ms (${t.dumpAtomsPerSec}/s), load ${t.loadMs} ms (${t.loadAtomsPerSec}/s), ${t.bytesPerAtom} bytes/atom`);
}

// LMDB space
{
  const n = Number(args.lmdb);
  const queries = Number(args.queries);
  const people = Math.max(1, Math.floor(n / 4));
  const dir = mkdtempSync(join(tmpdir(), 'rhizome-bench-lmdb-'));
  try {
    let space = LmdbSpace.open(dir);
    const [, loadMs] = time(() => space.addAll(facts(n)));
    if (space.size !== n) throw new Error(`loaded ${space.size} atoms, not ${n}`);
    const diskBytes = readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

    // Ground first argument: (Parent P<k> $x); ground second: (Parent $x P<k>); ground number: (age $x 42).
    const x = v('x');
    const pick = (q) => (q * 104729) % people;
    const measure = (make) => {
      let answers = 0;
      const [, ms] = time(() => {
        for (let q = 0; q < queries; q++) answers += space.query(make(q)).length;
      });
      return { msPerQuery: +(ms / queries).toFixed(4), answers };
    };
    const byFirst = measure((q) => expr(sym('Parent'), sym(`P${pick(q)}`), x));
    const bySecond = measure((q) => expr(sym('Parent'), x, sym(`P${pick(q)}`)));
    const [ageAnswers, ageMs] = time(() => space.query(expr(sym('age'), x, int(42))).length);
    const [scanCount, scanMs] = time(() => {
      let k = 0;
      for (const _ of space.atoms()) k++;
      return k;
    });

    const closeStart = performance.now();
    await space.close();
    const closeMs = performance.now() - closeStart;
    const [reopened, reopenMs] = time(() => LmdbSpace.open(dir));
    space = reopened;
    const [firstAnswers, firstQueryMs] = time(() => space.query(expr(sym('Parent'), sym(`P${pick(12345)}`), x)).length);
    if (space.size !== n || firstAnswers !== 1) throw new Error('reopened space differs');
    await space.close();

    results.lmdb = {
      atoms: n,
      loadMs: Math.round(loadMs),
      loadAtomsPerSec: rate(n, loadMs),
      diskBytes,
      diskBytesPerAtom: +(diskBytes / n).toFixed(1),
      queryGroundFirstArg: byFirst,
      queryGroundSecondArg: bySecond,
      queryAge42: { ms: +ageMs.toFixed(2), answers: ageAnswers },
      fullScan: { ms: Math.round(scanMs), atoms: scanCount },
      closeMs: +closeMs.toFixed(2),
      reopenMs: +reopenMs.toFixed(2),
      firstQueryAfterReopenMs: +firstQueryMs.toFixed(3),
    };
    const l = results.lmdb;
    log(`lmdb    ${n} facts: load ${l.loadMs} ms (${l.loadAtomsPerSec} atoms/s), ${l.diskBytesPerAtom} bytes/atom on disk`);
    log(`lmdb    query (Parent P<k> $x): ${byFirst.msPerQuery} ms/query; (Parent $x P<k>): ${bySecond.msPerQuery} ms/query ` +
      `(${queries} queries each); (age $x 42): ${l.queryAge42.ms} ms for ${ageAnswers} answers`);
    log(`lmdb    full scan of atoms(): ${l.fullScan.ms} ms; reopen: ${l.reopenMs} ms; first query after reopening: ${l.firstQueryAfterReopenMs} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (args.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
