#!/usr/bin/env node
// Snapshot benchmark for Rhizome (standalone; not part of `npm run bench`).
//
// Measures the O(1) snapshots of GroundingSpace on a synthetic space of facts (fact <i> (val <j>)):
// - adding the facts to a fresh space (ms, atoms/s), for each size up to --atoms
//   (1k, 10k, 100k, 1M and --atoms itself);
// - snapshot() at each size: the first snapshot of the space, a repeated snapshot of an
//   unchanged space (the same view is handed out again), and a snapshot straight after a
//   write (a new view each time), in microseconds; none of these should grow with the size;
// - at --atoms facts: --writes adds of new facts then --writes removes of facts present when
//   the snapshot was taken, on a space with a snapshot alive versus one that never had a
//   snapshot: times, their ratio and the slowest single write (each write is timed). Each of
//   --rounds rounds takes a new snapshot first, and all of them are kept alive. The figures
//   are means over the rounds, so merges of layers (which land on single writes of some
//   rounds only) are counted, and each round is listed with the number of layers after it;
// - that every snapshot still shows the contents it was taken with after those writes (its
//   size, its answers for the facts added and removed since, and a full count of its atoms);
//   the script exits with status 1 and says what differs if not, before printing any figures;
// - --queries point queries (fact <k> $v) through a snapshot, through the space that never had
//   one, and through the written space above its snapshots (µs per query, ratios);
// - heap used (after a full GC) before and after taking --snapshots snapshots of the
//   --atoms space, with one add before each so that every one is a distinct view, and the
//   same with no write between (one shared view); against the same adds with no snapshot, and
//   the heap of the space itself.
//
// Heap figures need --expose-gc: without it the script runs itself again with that flag.
// Times are from process.hrtime; the timer's own cost per reading is printed too.
// Uses the compiled library: run `npm run build` first.
// Usage: node bench/snapshot.mjs [--atoms N] [--writes N] [--rounds N] [--queries N]
//                                [--repeat N] [--snapshots N] [--json]
//   --atoms N      largest space (default 1000000)
//   --writes N     adds and removes per round of the write test (default 10000)
//   --rounds N     rounds of the write test and passes of the query test (default 5)
//   --queries N    point queries per pass (default 10000)
//   --repeat N     snapshots timed per size after a write; 10× as many unchanged (default 10000)
//   --snapshots N  snapshots held for the heap test (default 100)
//   --json         one JSON document on stdout instead of the tables

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

if (typeof globalThis.gc !== 'function' && process.env.RHIZOME_SNAPSHOT_BENCH_CHILD === undefined) {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, RHIZOME_SNAPSHOT_BENCH_CHILD: '1' } },
  );
  if (child.error) {
    process.stderr.write(`bench/snapshot.mjs: cannot rerun with --expose-gc: ${child.error.message}\n`);
    process.exit(2);
  }
  process.exit(child.status ?? 1);
}

const { values: args } = parseArgs({
  options: {
    atoms: { type: 'string', default: '1000000' },
    writes: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '5' },
    queries: { type: 'string', default: '10000' },
    repeat: { type: 'string', default: '10000' },
    snapshots: { type: 'string', default: '100' },
    json: { type: 'boolean', default: false },
  },
});

const count = (name) => {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`bench/snapshot.mjs: --${name} must be a positive integer, not ${args[name]}\n`);
    process.exit(2);
  }
  return n;
};
const N = count('atoms');
const W = count('writes');
const R = count('rounds');
const Q = count('queries');
const K = count('repeat');
const S = count('snapshots');
if (R * W * 2 > N) {
  process.stderr.write(`bench/snapshot.mjs: --writes × --rounds (${R * W}) must be at most half of --atoms (${N})\n`);
  process.exit(2);
}

let lib;
try {
  lib = await import('../dist/index.js');
} catch (e) {
  process.stderr.write(`bench/snapshot.mjs: cannot load dist/index.js (run \`npm run build\` first): ${e.message}\n`);
  process.exit(2);
}
const { GroundingSpace, expr, sym, v, int, formatAtom } = lib;

const FACT = sym('fact');
const VAL = sym('val');
const EXTRA = sym('extra');
/** Fact `i`: (fact i (val j)). */
const fact = (i) => expr(FACT, int(i), expr(VAL, int((i * 7919) % 1000003)));
const facts = (from, to) => {
  const out = new Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = fact(i);
  return out;
};
const VAR = v('v');
const pointQuery = (k) => expr(FACT, int(k), VAR);

const hasGc = typeof globalThis.gc === 'function';
const heapUsed = () => {
  if (hasGc) {
    globalThis.gc();
    globalThis.gc();
  }
  return process.memoryUsage().heapUsed;
};
const now = () => process.hrtime.bigint();
const ms = (t0, t1) => Number(t1 - t0) / 1e6;
const timeMs = (fn) => {
  const t0 = now();
  fn();
  return ms(t0, now());
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits) => +x.toFixed(digits);
const MiB = (bytes) => round(bytes / 1048576, 1);
/** Number of index layers: a diagnostic read of a private field, null if the layout changed. */
const layersOf = (space) => {
  const index = space.index;
  return Array.isArray(index?.layers) ? index.layers.length : null;
};

const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
};
const failIfWrong = () => {
  if (failures.length === 0) return;
  process.stderr.write('bench/snapshot.mjs: WRONG: a snapshot or a space does not hold what it should:\n');
  for (const f of failures.slice(0, 20)) process.stderr.write(`  - ${f}\n`);
  if (failures.length > 20) process.stderr.write(`  ... and ${failures.length - 20} more\n`);
  process.stderr.write('No figures are reported for a wrong result.\n');
  process.exit(1);
};
const answers = (space, k) => space.query(pointQuery(k)).length;
const countAtoms = (space) => {
  let c = 0;
  for (const _ of space.atoms()) c++;
  return c;
};

// Cost of one timer reading, to judge the per-call snapshot figures against.
const timerNs = (() => {
  let sum = 0n;
  for (let i = 0; i < 100000; i++) {
    const t0 = now();
    sum += now() - t0;
  }
  return Number(sum) / 100000;
})();

const results = {
  node: process.version,
  exposeGc: hasGc,
  timerOverheadUs: round(timerNs / 1000, 3),
  sizes: [],
};

// 1 and 2: building spaces of each size, and snapshot() on them.
function sizeRun(n) {
  const atoms = facts(0, n);
  const extras = new Array(K);
  for (let i = 0; i < K; i++) extras[i] = expr(EXTRA, int(i));
  const space = new GroundingSpace();
  const addMs = timeMs(() => {
    for (let i = 0; i < n; i++) space.add(atoms[i]);
  });
  check(space.size === n, `space of ${n}: size ${space.size} after adding ${n} atoms`);

  // The first snapshot of the space (freezes its one layer): one call, so cache misses and any
  // GC that falls in it count; the mean after a write below is the steadier figure.
  let t0 = now();
  const first = space.snapshot();
  const firstUs = Number(now() - t0) / 1000;
  check(first.size === n, `space of ${n}: first snapshot has size ${first.size}`);

  // No write between: the same view is handed out again.
  let same = 0;
  t0 = now();
  for (let i = 0; i < 10 * K; i++) if (space.snapshot() === first) same++;
  const unchangedUs = Number(now() - t0) / 1000 / (10 * K);
  check(same === 10 * K, `space of ${n}: ${10 * K - same} of ${10 * K} snapshots of an unchanged space were new views`);

  // One add before each snapshot (untimed): each snapshot is a new view.
  let snapNs = 0n;
  let prev = first;
  let distinct = 0;
  for (let i = 0; i < K; i++) {
    space.add(extras[i]);
    const s0 = now();
    const s = space.snapshot();
    snapNs += now() - s0;
    if (s !== prev && s.size === n + i + 1) distinct++;
    prev = s;
  }
  const afterWriteUs = Number(snapNs) / 1000 / K;
  check(distinct === K, `space of ${n}: ${K - distinct} of ${K} snapshots after a write were not new views of the right size`);
  check(first.size === n && answers(first, 0) === 1 && first.query(expr(EXTRA, int(0))).length === 0,
    `space of ${n}: the first snapshot changed after ${K} later adds`);
  return {
    atoms: n,
    addMs: round(addMs, 1),
    addAtomsPerSec: Math.round(n / (addMs / 1000)),
    firstSnapshotUs: round(firstUs, 3),
    unchangedSnapshotUs: round(unchangedUs, 4),
    snapshotAfterWriteUs: round(afterWriteUs, 4),
    layersAfter: layersOf(space),
  };
}

const sizes = [1000, 10000, 100000, 1000000].filter((n) => n < N);
sizes.push(N);
for (let i = 0; i < 3; i++) sizeRun(Math.min(N, 1000)); // warm-up, not reported
for (const n of sizes) {
  results.sizes.push(sizeRun(n));
  failIfWrong();
}

// 3 and 4: writes with a snapshot alive, against writes with none; the snapshots keep their contents.
/**
 * The write test on two spaces of the same `N` facts 0..N-1: `R` rounds of `W` adds and `W` removes on
 * `plain` (never snapshotted) and on `snapped` (a new snapshot at the start of each round, all
 * kept), checking what the snapshots and the spaces show afterwards.
 */
function writeTest(N, W, R, plain, snapped) {
  const rounds = [];
  const snaps = [];
  for (let r = 0; r < R; r++) {
    // Round r adds facts N + rW .. N + (r+1)W - 1 and removes facts N - 1 - rW down to N - (r+1)W.
    const added = facts(N + r * W, N + (r + 1) * W);
    const removed = facts(N - (r + 1) * W, N - r * W).reverse();
    const sizeBefore = snapped.size;
    const snap = snapped.snapshot();
    snaps.push({ snap, size: sizeBefore, round: r });
    // Each write is timed on its own, to catch the slowest one (a merge of layers lands on one write).
    const run = (space) => {
      let addNs = 0n;
      let removeNs = 0n;
      let maxNs = 0n;
      for (let i = 0; i < W; i++) {
        const t0 = now();
        space.add(added[i]);
        const d = now() - t0;
        addNs += d;
        if (d > maxNs) maxNs = d;
      }
      let gone = 0;
      for (let i = 0; i < W; i++) {
        const t0 = now();
        if (space.remove(removed[i])) gone++;
        const d = now() - t0;
        removeNs += d;
        if (d > maxNs) maxNs = d;
      }
      check(gone === W, `round ${r}: only ${gone} of ${W} removes found their atom`);
      return { addMs: Number(addNs) / 1e6, removeMs: Number(removeNs) / 1e6, maxWriteMs: Number(maxNs) / 1e6 };
    };
    // Alternate which space goes first, so that neither always runs on a warmer machine.
    let none, alive;
    if (r % 2 === 0) {
      none = run(plain);
      alive = run(snapped);
    } else {
      alive = run(snapped);
      none = run(plain);
    }
    rounds.push({ none, alive, layers: layersOf(snapped) });

    // What this round's snapshot must still show, and what the live spaces must show now.
    check(snap.size === sizeBefore, `round ${r}: snapshot size ${snap.size}, taken at ${sizeBefore}`);
    let seenAdded = 0;
    let keptRemoved = 0;
    let liveAdded = 0;
    let liveRemoved = 0;
    for (let i = 0; i < W; i++) {
      seenAdded += answers(snap, N + r * W + i);
      keptRemoved += answers(snap, N - 1 - r * W - i);
      liveAdded += answers(snapped, N + r * W + i) + answers(plain, N + r * W + i);
      liveRemoved += answers(snapped, N - 1 - r * W - i) + answers(plain, N - 1 - r * W - i);
    }
    check(seenAdded === 0, `round ${r}: the snapshot sees ${seenAdded} of the ${W} facts added after it`);
    check(keptRemoved === W, `round ${r}: the snapshot lost ${W - keptRemoved} of the ${W} facts removed after it`);
    check(liveAdded === 2 * W, `round ${r}: the live spaces hold ${liveAdded} of the ${2 * W} facts added (both spaces)`);
    check(liveRemoved === 0, `round ${r}: the live spaces still hold ${liveRemoved} of the facts removed`);
    check(plain.size === snapped.size && plain.size === N, `round ${r}: sizes ${plain.size} and ${snapped.size}, not ${N}`);
  }
  // After all rounds, every snapshot still holds exactly what it was taken with.
  for (const { snap, size, round: r } of snaps) {
    check(snap.size === size, `snapshot of round ${r}: size ${snap.size} after all rounds, taken at ${size}`);
    const seen = countAtoms(snap);
    check(seen === size, `snapshot of round ${r}: atoms() yields ${seen} atoms, taken at ${size}`);
    // The facts removed in later rounds are still there; the facts added in its own and later rounds are not.
    for (let later = r; later < R; later++) {
      check(answers(snap, N - 1 - later * W) === 1, `snapshot of round ${r}: fact ${N - 1 - later * W} removed in round ${later} is gone`);
      check(answers(snap, N + later * W) === 0, `snapshot of round ${r}: fact ${N + later * W} added in round ${later} shows through`);
    }
  }
  const first = snaps[0].snap;
  {
    let k = 0;
    for (const a of first.atoms()) {
      if (k === 0 && formatAtom(a) !== formatAtom(fact(0))) check(false, `first snapshot: first atom ${formatAtom(a)}, not ${formatAtom(fact(0))}`);
      k++;
    }
  }
  check(countAtoms(plain) === N && countAtoms(snapped) === N, `the live spaces do not iterate ${N} atoms`);
  failIfWrong();
  return { rounds, snaps };
}

// Warm-up of the write paths (tombstones and merges included), not reported.
{
  const w = Math.min(W, 1000);
  const n = 4 * w * 2;
  const a = new GroundingSpace();
  const b = new GroundingSpace();
  for (const x of facts(0, n)) {
    a.add(x);
    b.add(x);
  }
  writeTest(n, w, 2, a, b);
}

const base = facts(0, N);
const heap0 = heapUsed();
const plain = new GroundingSpace(); // never has a snapshot
for (const a of base) plain.add(a);
const spaceHeap = heapUsed() - heap0;
const snapped = new GroundingSpace(); // a snapshot taken at the start of every round
for (const a of base) snapped.add(a);


const { rounds, snaps } = writeTest(N, W, R, plain, snapped);
const first = snaps[0].snap;

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const avg = (side, key) => mean(rounds.map((x) => x[side][key]));
const writes = {
  atoms: N,
  writesPerRound: W,
  rounds: R,
  none: { addMs: round(avg('none', 'addMs'), 2), removeMs: round(avg('none', 'removeMs'), 2) },
  alive: { addMs: round(avg('alive', 'addMs'), 2), removeMs: round(avg('alive', 'removeMs'), 2) },
  perRound: rounds.map((x) => ({
    none: { addMs: round(x.none.addMs, 2), removeMs: round(x.none.removeMs, 2), maxWriteMs: round(x.none.maxWriteMs, 2) },
    alive: { addMs: round(x.alive.addMs, 2), removeMs: round(x.alive.removeMs, 2), maxWriteMs: round(x.alive.maxWriteMs, 2) },
    layersAfter: x.layers,
  })),
};
for (const side of ['none', 'alive']) {
  const s = writes[side];
  s.totalMs = round(avg(side, 'addMs') + avg(side, 'removeMs'), 2);
  s.usPerWrite = round((s.totalMs * 1000) / (2 * W), 3);
  s.maxWriteMs = round(Math.max(...rounds.map((x) => x[side].maxWriteMs)), 2);
}
writes.ratio = {
  add: round(writes.alive.addMs / writes.none.addMs, 2),
  remove: round(writes.alive.removeMs / writes.none.removeMs, 2),
  total: round(writes.alive.totalMs / writes.none.totalMs, 2),
};
results.writes = writes;

// 5: point queries through a snapshot and through live spaces. Facts below N - R*W were never removed.
{
  const range = N - R * W;
  const keys = new Array(Q);
  for (let q = 0; q < Q; q++) keys[q] = (q * 104729) % range;
  const targets = {
    snapshot: first, // the first snapshot of `snapped`: one frozen layer, no tombstones
    live: plain, // never had a snapshot: one layer
    liveAboveSnapshots: snapped, // written over R snapshots: several layers and tombstones
  };
  const times = { snapshot: [], live: [], liveAboveSnapshots: [] };
  const names = Object.keys(targets);
  for (let pass = 0; pass <= R; pass++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(j + pass) % names.length];
      const space = targets[name];
      let found = 0;
      const t = timeMs(() => {
        for (let q = 0; q < Q; q++) found += space.query(pointQuery(keys[q])).length;
      });
      check(found === Q, `queries through ${name}: ${found} answers to ${Q} point queries, not ${Q}`);
      if (pass > 0) times[name].push(t); // pass 0 warms up
    }
  }
  failIfWrong();
  const us = (name) => round((median(times[name]) * 1000) / Q, 3);
  results.queries = {
    queries: Q,
    passes: R,
    usPerQuery: { snapshot: us('snapshot'), live: us('live'), liveAboveSnapshots: us('liveAboveSnapshots') },
  };
  const u = results.queries.usPerQuery;
  results.queries.ratio = {
    snapshotOverLive: round(u.snapshot / u.live, 2),
    liveAboveSnapshotsOverLive: round(u.liveAboveSnapshots / u.live, 2),
  };
}

// 6: heap of held snapshots, on the space that never had one.
{
  const extras = new Array(S);
  const control = new Array(S);
  for (let i = 0; i < S; i++) {
    extras[i] = expr(EXTRA, int(1000000 + i));
    control[i] = expr(EXTRA, int(2000000 + i));
  }
  const held = [];
  // The same number of adds with no snapshot, to tell the snapshots' share from the atoms' own.
  const c0 = heapUsed();
  for (let i = 0; i < S; i++) plain.add(control[i]);
  const c1 = heapUsed();
  for (let i = 0; i < S; i++) plain.remove(control[i]);
  const h0 = heapUsed();
  for (let i = 0; i < S; i++) held.push(plain.snapshot());
  const h1 = heapUsed();
  const sharedViews = new Set(held).size;
  held.length = 0;
  const h2 = heapUsed();
  for (let i = 0; i < S; i++) {
    plain.add(extras[i]);
    held.push(plain.snapshot());
  }
  const h3 = heapUsed();
  const distinctViews = new Set(held).size;
  check(sharedViews === 1, `heap test: ${sharedViews} views for ${S} snapshots of an unchanged space`);
  check(distinctViews === S, `heap test: ${distinctViews} views for ${S} snapshots with a write between`);
  check(plain.size === N + S && held[0].size === N + 1 && held[S - 1].size === N + S, `heap test: snapshot sizes ${held[0].size}..${held[S - 1].size}`);
  failIfWrong();
  results.heap = {
    exact: hasGc,
    spaceMiB: MiB(spaceHeap),
    spaceBytesPerAtom: Math.round(spaceHeap / N),
    snapshots: S,
    addsOnly: { views: 0, beforeMiB: MiB(c0), afterMiB: MiB(c1), deltaBytes: c1 - c0 },
    unchanged: { views: sharedViews, beforeMiB: MiB(h0), afterMiB: MiB(h1), deltaBytes: h1 - h0 },
    withWrites: {
      views: distinctViews,
      beforeMiB: MiB(h2),
      afterMiB: MiB(h3),
      deltaBytes: h3 - h2,
      bytesPerSnapshotAndAdd: Math.round((h3 - h2) / S),
      bytesPerSnapshotBeyondAdds: Math.round((h3 - h2 - (c1 - c0)) / S),
      layersAfter: layersOf(plain),
    },
  };
  held.length = 0;
}

if (args.json) {
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
} else {
  const out = [];
  const table = (header, rows) => {
    const all = [header, ...rows].map((r) => r.map(String));
    const w = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
    for (const [i, r] of all.entries()) {
      out.push(r.map((cell, c) => (c === 0 ? cell.padEnd(w[c]) : cell.padStart(w[c]))).join('  '));
      if (i === 0) out.push(w.map((x) => '-'.repeat(x)).join('  '));
    }
    out.push('');
  };
  out.push(`GroundingSpace snapshots (node ${process.version}; timer reading ${results.timerOverheadUs} µs, included in per-call figures)`);
  out.push('');
  out.push(`add and snapshot() by size (snapshot µs: one first call; mean of ${10 * K} calls on the unchanged space; mean of ${K} calls each after one add)`);
  table(
    ['atoms', 'add ms', 'atoms/s', 'first snapshot µs', 'unchanged µs', 'after a write µs'],
    results.sizes.map((s) => [s.atoms, s.addMs, s.addAtomsPerSec, s.firstSnapshotUs, s.unchangedSnapshotUs, s.snapshotAfterWriteUs]),
  );
  const wr = results.writes;
  out.push(`writes on ${N} atoms: ${W} adds of new facts, then ${W} removes of facts present at the snapshot (mean of ${R} rounds)`);
  table(
    ['', 'add ms', 'remove ms', 'total ms', 'µs/write', 'slowest write ms'],
    [
      ['no snapshot', wr.none.addMs, wr.none.removeMs, wr.none.totalMs, wr.none.usPerWrite, wr.none.maxWriteMs],
      ['snapshot alive', wr.alive.addMs, wr.alive.removeMs, wr.alive.totalMs, wr.alive.usPerWrite, wr.alive.maxWriteMs],
      ['ratio', wr.ratio.add, wr.ratio.remove, wr.ratio.total, '', ''],
    ],
  );
  out.push('by round (a new snapshot at the start of each, earlier ones still held)');
  table(
    ['round', 'none add ms', 'none remove ms', 'none slowest ms', 'alive add ms', 'alive remove ms', 'alive slowest ms', 'layers after'],
    wr.perRound.map((x, r) => [
      r,
      x.none.addMs,
      x.none.removeMs,
      x.none.maxWriteMs,
      x.alive.addMs,
      x.alive.removeMs,
      x.alive.maxWriteMs,
      x.layersAfter ?? '?',
    ]),
  );
  out.push(`snapshots checked: ${R} snapshots kept their size, their facts (added and removed since) and their full atom list`);
  out.push('');
  const qr = results.queries;
  out.push(`point queries (fact <k> $v), ${Q} per pass, median of ${R} passes`);
  table(
    ['through', 'µs/query', 'vs live'],
    [
      ['live space, never snapshotted', qr.usPerQuery.live, 1],
      ['snapshot', qr.usPerQuery.snapshot, qr.ratio.snapshotOverLive],
      [`live space written over ${R} snapshots`, qr.usPerQuery.liveAboveSnapshots, qr.ratio.liveAboveSnapshotsOverLive],
    ],
  );
  const hp = results.heap;
  out.push(`heap used${hp.exact ? ' (after gc)' : ' (NO --expose-gc: figures include garbage)'}; the ${N}-atom space itself: ${hp.spaceMiB} MiB (${hp.spaceBytesPerAtom} bytes/atom)`);
  table(
    ['', 'views', 'before MiB', 'after MiB', 'delta bytes'],
    [
      [`${S} adds, no snapshot`, hp.addsOnly.views, hp.addsOnly.beforeMiB, hp.addsOnly.afterMiB, hp.addsOnly.deltaBytes],
      [`${S} snapshots, no write between`, hp.unchanged.views, hp.unchanged.beforeMiB, hp.unchanged.afterMiB, hp.unchanged.deltaBytes],
      [`${S} snapshots, one add before each`, hp.withWrites.views, hp.withWrites.beforeMiB, hp.withWrites.afterMiB, hp.withWrites.deltaBytes],
    ],
  );
  out.push(`a snapshot taken after a write costs about ${hp.withWrites.bytesPerSnapshotBeyondAdds} bytes beyond the add itself`);
  process.stdout.write(out.join('\n') + '\n');
}
