import leaked from '../../../rules/no-leaked-subscription';
import repeated from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// `setImmediate(pump)` inside `pump` runs again on every turn of the event loop, as a re-armed
// `setTimeout` does, until `clearImmediate` ends it. Kept in a variable of the run that starts it,
// it is that run's alone: a later run does not overwrite it.
const perConnection = `
import net from 'node:net';

function pump(socket: net.Socket) {
  socket.write('.');
  setImmediate(pump, socket);
}

net.createServer((socket) => pump(socket)).listen(7000);
`;

const keptPerRun = (arm: string, clear: string) => `
import net from 'node:net';

function startPump(socket: net.Socket) {
  let next: ReturnType<typeof ${arm}> | undefined;
  const pump = () => {
    socket.write('.');
    next = ${arm}(pump${arm === 'setTimeout' ? ', 0' : ''});
  };
  pump();
  socket.once('close', () => ${clear}(next));
}

net.createServer((socket) => startPump(socket)).listen(7000);
`;

runInBothModes('no-leaked-subscription: a self-re-arming setImmediate', leaked, {
  valid: [
    keptPerRun('setImmediate', 'clearImmediate'),
    keptPerRun('setTimeout', 'clearTimeout'),
    // a one-shot immediate, and one re-armed only while work remains
    `
export function later(work: () => void) {
  setImmediate(work);
}
export function drain(queue: string[], send: (chunk: string) => void) {
  send(queue.shift() ?? '');
  if (queue.length > 0) setImmediate(drain, queue, send);
}
`,
  ],
  invalid: [
    {
      code: perConnection,
      errors: [{ messageId: 'handleDropped', data: { label: 'a self-re-arming timer', code: 'setImmediate(pump, socket)' }, line: 6, column: 3, endLine: 6, endColumn: 15 }],
    },
    {
      // No fix: an end on abort written beside the re-arm would add one more abort listener on
      // every turn of the event loop (and for a re-arming setTimeout, on every tick).
      code: `
export function pump(queue: (() => void)[], signal: AbortSignal) {
  function step() { while (queue.length) queue.shift()?.(); setImmediate(step); }
  step();
  signal.addEventListener('abort', () => console.log('bye'));
}
export function poll(signal: AbortSignal) {
  function tick() { console.log('x'); setTimeout(tick, 1000); }
  tick();
  signal.addEventListener('abort', () => console.log('bye'));
}
`,
      output: null,
      errors: [
        { messageId: 'handleDropped', line: 3, column: 61, suggestions: [] },
        { messageId: 'handleDropped', line: 8, column: 39, suggestions: [] },
      ],
    },
  ],
});

runInBothModes('no-repeated-subscription: a self-re-arming setImmediate per connection', repeated, {
  valid: [keptPerRun('setImmediate', 'clearImmediate')],
  invalid: [
    {
      code: perConnection,
      errors: [{ messageId: 'repeatedCall', line: 9, column: 30, endLine: 9, endColumn: 34 }],
    },
  ],
});
