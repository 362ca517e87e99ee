import rule from '../../../rules/require-signal-propagation';
import { runInBothModes, typedRuleTester } from '../../ruleTester';

// A handle its function ends in a `finally` lives no longer than the function's run: aborting the
// run (through the waits that get the signal) ends it there, so it needs no signal of its own.
const render = (body: string) => `
import { fork } from 'node:child_process';
import { once } from 'node:events';

export async function render(page: string, signal: AbortSignal) {
  const child = fork('./render.js', [page]);
${body}
}
`;

runInBothModes('require-signal-propagation: a handle ended in finally', rule, {
  valid: [
    // Killed in finally, after a wait that gets the signal.
    render(`  try {
    const [html] = await once(child, 'message', { signal });
    return html;
  } finally {
    child.kill();
  }`),
  ],
  invalid: [
    {
      // Killed only when the wait succeeds: an abort leaves the child running.
      code: render(`  const [html] = await once(child, 'message', { signal });
  child.kill();
  return html;`),
      // Offered, not written: the child's abort emits 'error', and only the wait listens for it.
      output: null,
      errors: [
        {
          messageId: 'missingSignal',
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'passSignalUnheard',
              output: render(`  const [html] = await once(child, 'message', { signal });
  child.kill();
  return html;`).replace("fork('./render.js', [page])", "fork('./render.js', [page], { signal })"),
            },
          ],
        },
      ],
    },
    {
      // Ended in a finally that comes before it: the start is not inside the run the finally closes.
      code: `
import { fork } from 'node:child_process';
import { once } from 'node:events';

export async function render(page: string, signal: AbortSignal) {
  try {
    await once(process, 'message', { signal });
  } finally {
    console.log('ready');
  }
  const child = fork('./render.js', [page]);
  const [html] = await once(child, 'message', { signal });
  child.kill();
  return html;
}
`,
      output: null,
      errors: [
        {
          messageId: 'missingSignal',
          line: 11,
          suggestions: [
            {
              messageId: 'passSignalUnheard',
              output: `
import { fork } from 'node:child_process';
import { once } from 'node:events';

export async function render(page: string, signal: AbortSignal) {
  try {
    await once(process, 'message', { signal });
  } finally {
    console.log('ready');
  }
  const child = fork('./render.js', [page], { signal });
  const [html] = await once(child, 'message', { signal });
  child.kill();
  return html;
}
`,
            },
          ],
        },
      ],
    },
  ],
});

// Only types tell that `net.connect` takes a signal: its socket, destroyed in finally, needs none.
typedRuleTester.run('require-signal-propagation: a socket destroyed in finally (typed)', rule, {
  valid: [
    `
import { once } from 'node:events';
import net from 'node:net';

export async function greet(host: string, port: number, signal: AbortSignal): Promise<string> {
  const socket = net.connect({ host, port });
  try {
    const [chunk] = await once(socket, 'data', { signal });
    return String(chunk);
  } finally {
    socket.destroy();
  }
}
`,
  ],
  invalid: [
    {
      // Destroyed only after a wait that ignores the signal: both are reported.
      code: `
import { once } from 'node:events';
import net from 'node:net';

export async function greet(host: string, port: number, signal: AbortSignal): Promise<string> {
  const socket = net.connect({ host, port });
  const [chunk] = await once(socket, 'data');
  socket.destroy();
  return String(chunk);
}
`,
      output: `
import { once } from 'node:events';
import net from 'node:net';

export async function greet(host: string, port: number, signal: AbortSignal): Promise<string> {
  const socket = net.connect({ host, port, signal });
  const [chunk] = await once(socket, 'data', { signal });
  socket.destroy();
  return String(chunk);
}
`,
      errors: [
        { messageId: 'missingSignal', line: 6 },
        { messageId: 'missingSignal', line: 7 },
      ],
    },
  ],
});
