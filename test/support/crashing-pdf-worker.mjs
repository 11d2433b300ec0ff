// The real PDF worker (dist/), which dies the two ways a worker can when given a document so
// titled: it exits, or an error escapes. Nothing else is changed.
import { exit } from 'node:process';
import { parentPort } from 'node:worker_threads';

const on = parentPort.on.bind(parentPort);
parentPort.on = (event, listener) => on(event, event !== 'message' ? listener : (message) => {
  if (message.document.meta.title === 'exit') exit(70);
  if (message.document.meta.title === 'throw') throw new Error('boom');
  listener(message);
});
await import('../../dist/src/pdf/pdf-worker.js');
