'use strict';
// Preloaded (through NODE_OPTIONS) into every Node process that a benchmark
// run starts. When the process exits it appends one JSON line with its own
// peak resident set size and CPU time to the file named by
// RHIZOME_BENCH_PROBE; bench/run.js reads that file after the run. Going
// through NODE_OPTIONS and a file, rather than a pipe, keeps the figures
// right even if the CLI re-launches Node (say, for a larger stack): every
// Node process in the tree reports, and the runner takes the largest peak.
const fs = require('node:fs');

const target = process.env.RHIZOME_BENCH_PROBE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const line = JSON.stringify({
      pid: process.pid,
      maxRssKiB: usage.maxRSS,
      userMicros: usage.userCPUTime,
      systemMicros: usage.systemCPUTime,
    });
    try {
      fs.appendFileSync(target, line + '\n');
    } catch {
      // A report lost here only blanks the memory column; the run stands.
    }
  });
}
