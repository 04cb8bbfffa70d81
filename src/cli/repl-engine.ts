/**
 * The REPL's evaluation engine: a worker thread (with the large stack deep atoms need) that
 * owns the {@link ReplSession} and answers the terminal's requests one at a time. Because it
 * is a separate thread, the terminal stays responsive during a long evaluation and can
 * interrupt it through the shared flag, which `shouldStop` polls.
 *
 * @module
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { reportFailure } from './run-file.js';
import type { EngineData, EngineReply, EngineRequest } from './repl-protocol.js';
import { ReplSession } from './repl-session.js';

/**
 * Serves requests from `port` with a session whose evaluations poll `data.interrupt`; the
 * terminal clears the flag before each request and raises it on Ctrl-C.
 */
export function serveEngine(port: NonNullable<typeof parentPort>, data: EngineData): void {
  const flag = new Int32Array(data.interrupt);
  const send = (reply: EngineReply): void => port.postMessage(reply);
  const io = {
    stdout: (text: string) => send({ kind: 'stdout', text }),
    stderr: (text: string) => send({ kind: 'stderr', text }),
  };
  const session = new ReplSession(
    { ...io, result: (text, isError) => send({ kind: 'result', text, isError }), note: (text) => send({ kind: 'note', text }) },
    { maxSteps: data.maxSteps, shouldStop: () => Atomics.load(flag, 0) !== 0 },
  );

  port.on('message', (request: EngineRequest) => {
    let completions: string[] | undefined;
    try {
      switch (request.kind) {
        case 'input':
          session.input(request.text);
          break;
        case 'load':
          session.load(request.path);
          break;
        case 'type':
          session.type(request.text);
          break;
        case 'time':
          session.time(request.text);
          break;
        case 'trace':
          session.trace(request.text);
          break;
        case 'space':
          session.space();
          break;
        case 'reset':
          session.reset();
          break;
        case 'undo':
          session.undo();
          break;
        case 'complete':
          completions = session.complete(request.prefix);
          break;
      }
    } catch (e) {
      let text = '';
      reportFailure(e, { stdout: () => undefined, stderr: (t) => (text += t) });
      send({ kind: 'failure', text });
    }
    send({ kind: 'done', id: request.id, completions });
  });
}

if (!isMainThread && parentPort !== null) serveEngine(parentPort, workerData as EngineData);
