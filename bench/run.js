#!/usr/bin/env node
// Benchmark runner for Rhizome (`npm run bench`).
//
// Runs every program of the table below through the CLI, one child process
// each, and prints wall time, CPU time and peak memory next to a check of the
// program's output, so that a fast but wrong engine cannot pass. Plain Node
// ESM on purpose: it needs no build step of its own (the CLI it runs may).
//
// Usage: node bench/run.js [--filter TEXT]... [--timeout SECONDS] [--json]
//                          [--cli PATH]
// Exit status: 0 when every program that finished printed the expected
// lines, 1 when one printed something else, failed, or has no expected
// output listed here, 2 on bad usage or a missing CLI. A program still running at the timeout is reported as
// TIMEOUT and does not fail the run: slow programs stay in the table.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(BENCH_DIR, '..');
const PROBE = join(BENCH_DIR, 'rss-probe.cjs');

/**
 * @typedef {object} Program
 * @property {string} name      file name in bench/ without `.metta`
 * @property {string} what      one-line description of the workload
 * @property {string[]} expected the CLI's exact stdout lines
 * @property {number} [petta]   PeTTa's CPU seconds for the same workload
 *   (2-core machine, 0.39 s start-up included), where one was published
 */

/**
 * Every benchmark with the output it must print. The PeTTa figures are the
 * orientation numbers quoted in the benchmark issue; they were measured on
 * another engine and machine, so the ratio column is a rough guide only.
 * @type {Program[]}
 */
const PROGRAMS = [
  { name: 'fib', what: 'naive fib 25', expected: ['[75025]'], petta: 0.36 },
  {
    name: 'fib-impure',
    what: 'fib 25 counting calls in a state (no memoisation possible)',
    expected: ['[()]', '[75025]', '[242785]'],
  },
  { name: 'queens8', what: '8-queens, all 92 solutions by superpose', expected: ['[92]'], petta: 0.42 },
  { name: 'tak', what: 'tak 18 12 6', expected: ['[7]'] },
  { name: 'tail-loop', what: '10M-step tail loop', expected: ['[50000005000000]'], petta: 2.65 },
  { name: 'state-loop', what: '1M change-state! updates', expected: ['[1000000]'], petta: 0.69 },
  {
    name: 'space-add-remove',
    what: '200k add-atom, then 200k remove-atom',
    expected: ['[()]', '[found]', '[200000]', '[()]', '[()]'],
    petta: 1.17,
  },
  { name: 'list-atoms', what: 'cons-atom a 100k-element expression, sum it by car-atom/cdr-atom', expected: ['[5000050000]'] },
  { name: 'list-sum', what: 'build and sum a 10k-element list', expected: ['[50005000]'] },
  {
    name: 'list-sum-100k',
    what: 'build and sum a 100k-element list',
    expected: ['[5000050000]'],
    petta: 0.41,
  },
  {
    name: 'kb-match',
    what: '100k facts added in-program, then matched',
    expected: ['[()]', '[694]', '[100]', '[100]', '[532500]'],
  },
  {
    name: 'kb-1m',
    what: '1M facts added in-program, then matched',
    expected: ['[()]', '[694]', '[1000]', '[532500]'],
    petta: 6.4,
  },
];

/**
 * @typedef {object} Outcome
 * @property {string} name
 * @property {string} what
 * @property {string} file        path relative to the repository root
 * @property {'ok'|'WRONG'|'TIMEOUT'|'UNCHECKED'} status
 * @property {number} wallSeconds
 * @property {number|null} cpuSeconds  user + system, all Node processes
 * @property {number|null} peakMiB     largest resident set of any of them
 * @property {number|null} exitCode    null when killed
 * @property {number|null} pettaSeconds
 * @property {number|null} ratio       wallSeconds / pettaSeconds
 * @property {string[]} expected
 * @property {string[]} actual
 * @property {string} stderrTail
 */

function usage() {
  return [
    'usage: node bench/run.js [--filter TEXT]... [--timeout SECONDS] [--json] [--cli PATH]',
    '  --filter TEXT   run only programs whose name contains TEXT (repeatable)',
    '  --timeout S     per-program wall-clock limit in seconds (default 120)',
    '  --json          print one JSON document instead of the table',
    '  --cli PATH      the Node script to run programs with (default bin/rhizome.js)',
  ].join('\n');
}

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      filter: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
      cli: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const timeout = values.timeout === undefined ? 120 : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new Error(`--timeout needs a positive number of seconds, got '${values.timeout}'`);
  }
  return {
    filters: values.filter ?? [],
    timeoutSeconds: timeout,
    json: values.json ?? false,
    cli: resolve(values.cli ?? join(REPO_ROOT, 'bin', 'rhizome.js')),
    help: values.help ?? false,
  };
}

/**
 * The programs to run: the table above, plus any bench/*.metta file missing
 * from it (run but reported UNCHECKED, so a new benchmark cannot go
 * unverified by accident).
 * @returns {Program[]}
 */
function allPrograms() {
  const known = new Set(PROGRAMS.map((p) => p.name));
  const extra = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.metta') && !known.has(basename(f, '.metta')))
    .sort()
    .map((f) => ({ name: basename(f, '.metta'), what: '(no expected output listed)', expected: [] }));
  return [...PROGRAMS, ...extra];
}

/** stdout as lines, without the final newline's empty line. */
function outputLines(stdout) {
  const lines = stdout.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Reads and removes the probe file; absent figures come back as null. */
function readProbe(probeFile) {
  let text = '';
  try {
    text = readFileSync(probeFile, 'utf8');
  } catch {
    return { cpuSeconds: null, peakMiB: null };
  } finally {
    rmSync(probeFile, { force: true });
  }
  let peakKiB = 0;
  let cpuMicros = 0;
  let seen = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const r = JSON.parse(line);
      peakKiB = Math.max(peakKiB, r.maxRssKiB);
      cpuMicros += r.userMicros + r.systemMicros;
      seen = true;
    } catch {
      // A line cut short by a kill is skipped.
    }
  }
  return seen ? { cpuSeconds: cpuMicros / 1e6, peakMiB: peakKiB / 1024 } : { cpuSeconds: null, peakMiB: null };
}

/**
 * Runs one program and checks its output.
 * @param {Program} program
 * @param {{cli: string, timeoutSeconds: number}} options
 * @returns {Promise<Outcome>}
 */
function runProgram(program, options) {
  const file = join(BENCH_DIR, `${program.name}.metta`);
  const probeFile = join(tmpdir(), `rhizome-bench-${process.pid}-${program.name}.jsonl`);
  rmSync(probeFile, { force: true });
  const nodeOptions = [process.env.NODE_OPTIONS ?? '', `--require ${JSON.stringify(PROBE)}`].join(' ').trim();

  return new Promise((resolveOutcome) => {
    const started = performance.now();
    const child = spawn(process.execPath, [options.cli, file], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_OPTIONS: nodeOptions, RHIZOME_BENCH_PROBE: probeFile },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that a timeout also ends any Node process
      // the CLI started in turn.
      detached: process.platform !== 'win32',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      // The expected output is a few short lines; a runaway printer is wrong
      // whatever it prints after the first mebibyte.
      if (stdout.length < 1 << 20) stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      // Only the end of stderr is shown, so only the end is kept.
      stderr = (stderr + d).slice(-4000);
    });
    // Being in a group of its own, the child misses a Ctrl-C at the
    // terminal; pass it on.
    const onInterrupt = () => {
      killTree(child);
      process.exit(130);
    };
    process.once('SIGINT', onInterrupt);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child);
    }, options.timeoutSeconds * 1000);

    child.on('error', (err) => {
      stderr += `\n${err.message}`;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      process.removeListener('SIGINT', onInterrupt);
      const wallSeconds = (performance.now() - started) / 1000;
      const { cpuSeconds, peakMiB } = readProbe(probeFile);
      const actual = outputLines(stdout);
      let status;
      if (timedOut) status = 'TIMEOUT';
      else if (program.expected.length === 0) status = 'UNCHECKED';
      else if (code === 0 && sameLines(actual, program.expected)) status = 'ok';
      else status = 'WRONG';
      const petta = program.petta ?? null;
      resolveOutcome({
        name: program.name,
        what: program.what,
        file: `bench/${program.name}.metta`,
        status,
        wallSeconds,
        cpuSeconds,
        peakMiB,
        exitCode: code,
        pettaSeconds: petta,
        ratio: petta === null || status !== 'ok' ? null : wallSeconds / petta,
        expected: program.expected,
        actual,
        stderrTail: stderr.trim(),
      });
    });
  });
}

/** Kills the child's process group (the child alone on Windows). */
function killTree(child) {
  try {
    if (process.platform === 'win32') child.kill('SIGKILL');
    else process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function sameLines(a, b) {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

const COLUMNS = [
  ['program', 18, 'left'],
  ['wall s', 9],
  ['cpu s', 9],
  ['peak MiB', 9],
  ['result', 10, 'left'],
  ['PeTTa s', 8],
  ['wall/PeTTa', 11],
];

function formatRow(cells) {
  return COLUMNS.map(([, width, align], i) => {
    const text = String(cells[i]);
    return align === 'left' ? text.padEnd(width) : text.padStart(width);
  })
    .join(' ')
    .trimEnd();
}

function fixed(x, digits) {
  return x === null ? '-' : x.toFixed(digits);
}

/** @param {Outcome} o */
function tableRow(o) {
  const ratio = o.ratio === null ? '-' : `${o.ratio.toFixed(o.ratio < 10 ? 2 : 1)}x`;
  return formatRow([
    o.name,
    o.status === 'TIMEOUT' ? `>${o.wallSeconds.toFixed(0)}` : fixed(o.wallSeconds, 3),
    fixed(o.cpuSeconds, 3),
    fixed(o.peakMiB, 1),
    o.status,
    fixed(o.pettaSeconds, 2),
    ratio,
  ]);
}

/** What went wrong, for the lines under the table. @param {Outcome} o */
function failureReport(o) {
  const clip = (s) => (s.length > 200 ? `${s.slice(0, 200)}...` : s);
  const show = (lines) => (lines.length === 0 ? ['    (nothing)'] : lines.slice(0, 10).map((l) => `    ${clip(l)}`));
  const out = [`${o.name}: ${o.status} (exit code ${o.exitCode ?? 'none: killed'})`];
  if (o.status === 'WRONG') out.push('  expected:', ...show(o.expected));
  out.push('  got:', ...show(o.actual));
  if (o.actual.length > 10) out.push(`    ... ${o.actual.length - 10} more lines`);
  if (o.stderrTail) out.push('  stderr (end):', ...show(o.stderrTail.split('\n').slice(-10)));
  return out.join('\n');
}

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(`${err.message}\n${usage()}`);
    return 2;
  }
  if (options.help) {
    console.log(usage());
    return 0;
  }
  if (!existsSync(options.cli)) {
    console.error(`bench: CLI not found at ${options.cli} (run 'npm ci' or pass --cli)`);
    return 2;
  }
  const programs = allPrograms().filter(
    (p) => options.filters.length === 0 || options.filters.some((f) => p.name.includes(f)),
  );
  if (programs.length === 0) {
    console.error(`bench: no program matches ${options.filters.map((f) => `'${f}'`).join(', ')}`);
    return 2;
  }

  const say = options.json ? (line) => console.error(line) : (line) => console.log(line);
  if (!options.json) {
    console.log(`Rhizome benchmarks: node ${process.version}, ${cpus().length} CPUs, timeout ${options.timeoutSeconds} s`);
    console.log(formatRow(COLUMNS.map(([title]) => title)));
  }
  /** @type {Outcome[]} */
  const outcomes = [];
  for (const program of programs) {
    if (options.json) say(`bench: running ${program.name}`);
    const outcome = await runProgram(program, options);
    outcomes.push(outcome);
    if (!options.json) say(tableRow(outcome));
  }

  const failed = outcomes.filter((o) => o.status === 'WRONG' || o.status === 'UNCHECKED');
  if (options.json) {
    const doc = {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cli: options.cli,
      timeoutSeconds: options.timeoutSeconds,
      results: outcomes,
    };
    console.log(JSON.stringify(doc, null, 2));
  } else {
    const count = (status) => outcomes.filter((o) => o.status === status).length;
    const unchecked = count('UNCHECKED');
    const summary = `${count('ok')} ok, ${count('WRONG')} wrong, ${count('TIMEOUT')} timed out`;
    console.log(`\n${summary}${unchecked > 0 ? `, ${unchecked} without an expected output` : ''}`);
    for (const o of failed) console.log(`\n${failureReport(o)}`);
  }
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
