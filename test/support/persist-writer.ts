/**
 * The writer process of the kill test: bulk-loads kill facts into an LMDB space, carrying on
 * from however many it already holds, and prints `committed <n>` after each chunk commits
 * (so every figure printed is durable by then). The test kills it with SIGKILL mid-load.
 *
 * Usage (after bundling): node writer.mjs <db-dir> <total facts> <chunk size>
 */
import { writeSync } from 'node:fs';
import { LmdbSpace } from '../../src/persist/lmdb-space.js';
import { killFacts } from './persist-kill-facts.js';

const [path, totalText, chunkText] = process.argv.slice(2);
const total = Number(totalText);
const chunkSize = Number(chunkText);
const space = LmdbSpace.open(path!);
const start = space.size;
writeSync(1, `start ${start}\n`);
space.addAll(killFacts(start, total), {
  chunkSize,
  // Written synchronously: the line must leave before the next chunk starts.
  onCommit: (n) => writeSync(1, `committed ${start + n}\n`),
});
writeSync(1, 'done\n');
await space.close();
