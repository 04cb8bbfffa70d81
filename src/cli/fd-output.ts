/**
 * Synchronous output to the process's stdout and stderr file descriptors, for the command's
 * worker thread.
 *
 * A worker's `process.stdout` and `process.stderr` are pipes to the main thread that accept
 * one write and then wait for the main thread to acknowledge it, which needs the worker's
 * event loop. A MeTTa run is one synchronous loop, so everything after the first write of
 * each stream would sit in the worker until the run ended: results would not appear as they
 * are computed, a progress bar would never move, and stdout and stderr would come out in the
 * wrong order. Writing to the descriptors directly puts each line on the screen (or in the
 * pipe) when it is written, in order.
 *
 * @module
 */
import { writeSync } from 'node:fs';
import type { RunnerIO } from '../metta/runner.js';

/** How long to wait before retrying a write that a full non-blocking pipe refused. */
const RETRY_MS = 1;

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text` to the descriptor `fd` before returning, retrying partial writes and
 * writes a full non-blocking pipe refused (`EAGAIN`). Returns false, writing nothing more,
 * when the reader has gone (`EPIPE`), as after `rhizome big.metta | head`.
 */
export function writeFully(fd: number, text: string): boolean {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, RETRY_MS);
      else if (code === 'EPIPE') return false;
      else throw e;
    }
  }
  return true;
}

/**
 * Output to file descriptors 1 and 2, written synchronously. After the reader of a stream
 * has gone, later writes to that stream are dropped.
 */
export function descriptorIO(): RunnerIO {
  const open = [true, true];
  const writer = (index: number, fd: number) => (text: string) => {
    if (open[index]) open[index] = writeFully(fd, text);
  };
  return { stdout: writer(0, 1), stderr: writer(1, 2) };
}
