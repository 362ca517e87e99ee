import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A listener for an event that comes once while the program starts (the KB's start-up events: a
// document's 'DOMContentLoaded'), added on the branch of a test of the target's state whose
// other branch runs the same function now (htmx's constructor: `if (document.readyState ===
// 'loading') document.addEventListener('DOMContentLoaded', init) else setTimeout(init)`; budo's
// error box: `else if (!document.body) document.addEventListener('DOMContentLoaded', createErrorBox)
// else createErrorBox()`): the code checked the event has not fired, so the listener runs once and
// leaves nothing running. Still reported: the same wait with no branch that runs it now, an event
// that fires again ('popstate') in the same shape, and an object's 'close', which may never come.
runInBothModes('no-leaked-subscription: a wait for a once event, or the same function run now', rule, {
  valid: [
    `
export class App {
  constructor() {
    const init = () => this.start();
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', init);
    } else {
      setTimeout(init);
    }
  }
  start() {}
}
`,
    `
export function showError(message: string) {
  if (typeof document === 'undefined') {
    return;
  } else if (!document.body) {
    document.addEventListener('DOMContentLoaded', render);
  } else {
    render();
  }
  function render() {
    document.body.append(message);
  }
}
`,
  ],
  invalid: [
    {
      // A module-level connection's 'close' may never come: each call leaves one more listener.
      code: `
import net from 'node:net';

const conn = net.connect(80, 'example.com');
export function waitClosed(res: { end(): void }) {
  const done = () => res.end();
  if (!conn.destroyed) conn.on('close', done);
  else done();
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 7,
          column: 24,
          endLine: 7,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import net from 'node:net';

const conn = net.connect(80, 'example.com');
export function waitClosed(res: { end(): void }, signal?: AbortSignal) {
  const done = () => res.end();
  if (!conn.destroyed) conn.on('close', done);
  else done();
  if (signal?.aborted) conn.off('close', done);
  else signal?.addEventListener('abort', () => conn.off('close', done), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
export function showError(message: string) {
  if (!document.body) {
    document.addEventListener('DOMContentLoaded', render);
  }
  function render() {
    document.body.append(message);
  }
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
export function showError(message: string, signal?: AbortSignal) {
  if (!document.body) {
    document.addEventListener('DOMContentLoaded', render, { signal });
  }
  function render() {
    document.body.append(message);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
export function onBack(restore: () => void) {
  if (document.readyState === 'loading') {
    window.addEventListener('popstate', restore);
  } else {
    restore();
  }
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
export function onBack(restore: () => void, signal?: AbortSignal) {
  if (document.readyState === 'loading') {
    window.addEventListener('popstate', restore, { signal });
  } else {
    restore();
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
export class App {
  constructor() {
    const init = () => this.start();
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  }
  start() {}
}
`,
      errors: [{ messageId: 'listenerPerInstance', line: 5, column: 44, endLine: 5, endColumn: 69 }],
    },
  ],
});

// The other branch must run the function: call it (directly or by `.call`), or hand it to a one-shot
// timer. A branch that only hands it somewhere (stores it, logs it) shows no run, so the wait is
// judged as any listener.
const renderOr = (otherwise: string, parameters = '') => `
export function showError(message: string${parameters}) {
  if (!document.body) {
    document.addEventListener('DOMContentLoaded', render);
  } else {
    ${otherwise};
  }
  function render() {
    document.body.append(message);
  }
}
`;

runInBothModes('no-leaked-subscription: the other branch must run the function now', rule, {
  valid: [
    renderOr('render.call(undefined)'),
    renderOr('setTimeout(render, 0)'),
    // Deferred, once: a microtask, the next tick, the next frame, a settled promise.
    renderOr('queueMicrotask(render)'),
    renderOr('process.nextTick(render)'),
    renderOr('requestAnimationFrame(render)'),
    renderOr('void Promise.resolve().then(render)'),
  ],
  invalid: [
    { otherwise: 'later.push(render)', parameters: ', later: Array<() => void>' },
    { otherwise: 'console.log(render)', parameters: '' },
  ].map(({ otherwise, parameters }) => ({
    code: renderOr(otherwise, parameters),
    errors: [
      {
        messageId: 'listenerNotRemoved' as const,
        line: 4,
        column: 5,
        endLine: 4,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'addSignalParameter' as const,
            output: renderOr(otherwise, `${parameters}, signal?: AbortSignal`).replace("render);", "render, { signal });"),
          },
        ],
      },
    ],
  })),
});
